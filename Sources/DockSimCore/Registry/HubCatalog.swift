import Yams

/// One catalog file of the mock Hub, parsed and checked but not yet built into
/// images (see `Hub.init(catalogs:)`). The format is documented in docs/hub-format.md.
public struct HubCatalog: Sendable {
  /// The file name errors mention.
  public var file: String
  public var repositories: [Repository]

  public struct Repository: Sendable {
    /// `ubuntu` (official, stored as `library/ubuntu`) or `user/name`.
    public var name: String
    public var description: String
    public var stars: Int
    public var official: Bool
    public var automated: Bool
    public var images: [ImageRecipe]
    public var line: Int
  }

  public struct ImageRecipe: Sendable {
    public var tags: [String]
    /// `scratch` or a reference to another catalog image (`debian:buster-slim`).
    public var from: String
    /// Build time of the last step; earlier steps are a second apart before it.
    public var created: Timestamp
    public var steps: [StepRecipe]
    public var line: Int
  }

  public struct StepRecipe: Sendable {
    public var step: BuildStep
    /// The layer's files (ADD, COPY, RUN); nil for metadata steps.
    public var files: [CatalogFile]?
    public var line: Int
  }
}

/// A catalog that failed to load: names the file, the line and the field.
public struct HubCatalogError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var field: String
  public var message: String

  public init(file: String, line: Int, field: String, message: String) {
    self.file = file
    self.line = line
    self.field = field
    self.message = message
  }

  /// `extra.yaml:12: repositories[0].stars: expected an integer`
  public var description: String { "\(file):\(line): \(field): \(message)" }
}

extension HubCatalog {
  /// Parses and validates the YAML text of a catalog file.
  public static func load(yaml: String, file: String) throws(HubCatalogError) -> HubCatalog {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw HubCatalogError(file: file, line: 1, field: "(document)", message: "the file is empty")
      }
      root = node
    } catch let error as HubCatalogError {
      throw error
    } catch let error as YamlError {
      throw HubCatalogError(file: file, line: yamlErrorLine(error), field: "(syntax)", message: yamlErrorProblem(error))
    } catch {
      throw HubCatalogError(file: file, line: 1, field: "(syntax)", message: "\(error)")
    }
    var reader = CatalogReader(file: file)
    return try reader.catalog(root)
  }

  private static func yamlErrorLine(_ error: YamlError) -> Int {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
    default: 1
    }
  }

  private static func yamlErrorProblem(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
    default: "\(error)"
    }
  }
}

/// Walks the YAML nodes, keeping the path of the field being read for errors.
struct CatalogReader {
  let file: String

  func fail(_ node: Node?, _ field: String, _ message: String) -> HubCatalogError {
    HubCatalogError(file: file, line: node?.mark?.line ?? 1, field: field, message: message)
  }

  func mapping(_ node: Node, _ field: String, allowed: Set<String>) throws(HubCatalogError) -> [(String, Node)] {
    guard let mapping = node.mapping else { throw fail(node, field, "expected a mapping") }
    var pairs: [(String, Node)] = []
    for (key, value) in mapping {
      guard let name = key.string else { throw fail(key, field, "keys must be strings") }
      guard allowed.contains(name) else {
        throw fail(key, field.isEmpty ? name : field + "." + name, "unknown field (expected one of: \(allowed.sorted().joined(separator: ", ")))")
      }
      pairs.append((name, value))
    }
    return pairs
  }

  func string(_ node: Node, _ field: String) throws(HubCatalogError) -> String {
    guard let scalar = node.scalar else { throw fail(node, field, "expected a string") }
    return scalar.string
  }

  func int(_ node: Node, _ field: String) throws(HubCatalogError) -> Int {
    guard let scalar = node.scalar, let value = Int(scalar.string.replacingUnderscores()) else {
      throw fail(node, field, "expected an integer")
    }
    return value
  }

  func bool(_ node: Node, _ field: String) throws(HubCatalogError) -> Bool {
    guard let scalar = node.scalar, let value = ["true": true, "false": false][scalar.string] else {
      throw fail(node, field, "expected true or false")
    }
    return value
  }

  func strings(_ node: Node, _ field: String) throws(HubCatalogError) -> [String] {
    if let scalar = node.scalar { return [scalar.string] }
    guard let sequence = node.sequence else { throw fail(node, field, "expected a list of strings") }
    var result: [String] = []
    for (index, item) in sequence.enumerated() { result.append(try string(item, "\(field)[\(index)]")) }
    return result
  }

  mutating func catalog(_ root: Node) throws(HubCatalogError) -> HubCatalog {
    var repositories: [HubCatalog.Repository] = []
    for (key, value) in try mapping(root, "", allowed: ["version", "repositories"]) {
      switch key {
      case "version":
        guard try int(value, "version") == 1 else { throw fail(value, "version", "only version 1 is known") }
      default:
        guard let sequence = value.sequence else { throw fail(value, "repositories", "expected a list") }
        for (index, item) in sequence.enumerated() {
          repositories.append(try repository(item, "repositories[\(index)]"))
        }
      }
    }
    return HubCatalog(file: file, repositories: repositories)
  }

  func repository(_ node: Node, _ field: String) throws(HubCatalogError) -> HubCatalog.Repository {
    var repo = HubCatalog.Repository(
      name: "", description: "", stars: 0, official: false, automated: false, images: [], line: node.mark?.line ?? 1)
    let allowed: Set<String> = ["name", "description", "stars", "official", "automated", "images"]
    for (key, value) in try mapping(node, field, allowed: allowed) {
      let sub = field + "." + key
      switch key {
      case "name": repo.name = try string(value, sub)
      case "description": repo.description = try string(value, sub)
      case "stars": repo.stars = try int(value, sub)
      case "official": repo.official = try bool(value, sub)
      case "automated": repo.automated = try bool(value, sub)
      default:
        guard let sequence = value.sequence else { throw fail(value, sub, "expected a list") }
        for (index, item) in sequence.enumerated() { repo.images.append(try image(item, "\(sub)[\(index)]")) }
      }
    }
    try checkName(repo, node: node, field: field)
    return repo
  }

  func checkName(_ repo: HubCatalog.Repository, node: Node, field: String) throws(HubCatalogError) {
    guard !repo.name.isEmpty else { throw fail(node, field + ".name", "missing") }
    let components = repo.name.split(separator: "/", omittingEmptySubsequences: false)
    guard components.count <= 2, components.allSatisfy(Reference.isPathComponent) else {
      throw fail(node, field + ".name", "\"\(repo.name)\" is not a Hub repository name (name or user/name, lowercase)")
    }
    if repo.official, components.count != 1 {
      throw fail(node, field + ".official", "official repositories have a bare name")
    }
    if !repo.official, components.count == 1 {
      throw fail(node, field + ".name", "user repositories are named user/name")
    }
    if repo.images.isEmpty { throw fail(node, field + ".images", "a repository needs at least one image") }
  }

  func image(_ node: Node, _ field: String) throws(HubCatalogError) -> HubCatalog.ImageRecipe {
    var recipe = HubCatalog.ImageRecipe(tags: [], from: "scratch", created: Timestamp(seconds: 0), steps: [], line: node.mark?.line ?? 1)
    var sawCreated = false
    for (key, value) in try mapping(node, field, allowed: ["tags", "from", "created", "steps"]) {
      let sub = field + "." + key
      switch key {
      case "tags":
        recipe.tags = try strings(value, sub)
        for tag in recipe.tags where !Reference.isTag(Substring(tag)) {
          throw fail(value, sub, "\"\(tag)\" is not a valid tag")
        }
      case "from": recipe.from = try string(value, sub)
      case "created":
        guard let time = Timestamp(iso8601: try string(value, sub)) else {
          throw fail(value, sub, "expected a time such as 2020-01-10T01:26:50Z")
        }
        recipe.created = time
        sawCreated = true
      default:
        guard let sequence = value.sequence else { throw fail(value, sub, "expected a list") }
        for (index, item) in sequence.enumerated() { recipe.steps.append(try step(item, "\(sub)[\(index)]")) }
      }
    }
    if recipe.tags.isEmpty { throw fail(node, field + ".tags", "missing") }
    if !sawCreated { throw fail(node, field + ".created", "missing") }
    if recipe.steps.isEmpty { throw fail(node, field + ".steps", "an image needs at least one step") }
    return recipe
  }
}

extension String {
  func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

// MARK: Steps and layer files

extension CatalogReader {
  static let instructions: Set<String> = [
    "ADD", "COPY", "RUN", "ENV", "CMD", "ENTRYPOINT", "WORKDIR", "LABEL", "EXPOSE", "VOLUME", "STOPSIGNAL", "USER",
  ]
  static let layerFields: Set<String> = ["files", "size", "bulk"]

  func step(_ node: Node, _ field: String) throws(HubCatalogError) -> HubCatalog.StepRecipe {
    let pairs = try mapping(node, field, allowed: Self.instructions.union(Self.layerFields))
    let named = pairs.filter { Self.instructions.contains($0.0) }
    guard named.count == 1, let (instruction, value) = named.first else {
      throw fail(node, field, "a step has exactly one instruction (ADD, RUN, CMD, ENV, ...)")
    }
    let sub = field + "." + instruction
    let step = try buildStep(instruction, value, sub)
    let layerPairs = pairs.filter { Self.layerFields.contains($0.0) }
    guard step.makesLayer else {
      if let extra = layerPairs.first { throw fail(extra.1, field + "." + extra.0, "only ADD, COPY and RUN make layers") }
      return HubCatalog.StepRecipe(step: step, files: nil, line: node.mark?.line ?? 1)
    }
    let files = try layerFiles(layerPairs, node: node, field: field)
    return HubCatalog.StepRecipe(step: step, files: files, line: node.mark?.line ?? 1)
  }

  func buildStep(_ instruction: String, _ value: Node, _ field: String) throws(HubCatalogError) -> BuildStep {
    switch instruction {
    case "ADD", "COPY":
      let destination = try string(value, field)
      let kind = destination.hasSuffix("/") && destination != "/" ? "dir" : "file"
      return .add(instruction: instruction, sourceKind: kind, destination: destination)
    case "RUN": return .run(try string(value, field))
    case "ENV": return .env(try pairs(value, field))
    case "LABEL": return .label(try pairs(value, field))
    case "CMD": return .cmd(try command(value, field))
    case "ENTRYPOINT": return .entrypoint(try command(value, field))
    case "WORKDIR": return .workdir(try string(value, field))
    case "EXPOSE": return .expose(try strings(value, field))
    case "VOLUME": return .volume(try strings(value, field))
    case "STOPSIGNAL": return .stopSignal(try string(value, field))
    default: return .user(try string(value, field))
    }
  }

  /// A list stays exec form; a string is shell form (`/bin/sh -c ...`).
  func command(_ node: Node, _ field: String) throws(HubCatalogError) -> [String] {
    if let scalar = node.scalar { return ["/bin/sh", "-c", scalar.string] }
    return try strings(node, field)
  }

  /// `{NAME: value, ...}` in order, or `NAME=value`.
  func pairs(_ node: Node, _ field: String) throws(HubCatalogError) -> [(String, String)] {
    if let scalar = node.scalar {
      guard let equals = scalar.string.firstIndex(of: "=") else { throw fail(node, field, "expected NAME=value") }
      return [(String(scalar.string[..<equals]), String(scalar.string[scalar.string.index(after: equals)...]))]
    }
    guard let mapping = node.mapping else { throw fail(node, field, "expected a mapping of names to values") }
    var result: [(String, String)] = []
    for (key, value) in mapping {
      result.append((try string(key, field), try string(value, field + "." + (key.string ?? ""))))
    }
    return result
  }

  /// The files of a layer: explicit entries, then `bulk` files that share what is
  /// left of `size` so the layer weighs exactly that much.
  func layerFiles(_ pairs: [(String, Node)], node: Node, field: String) throws(HubCatalogError) -> [CatalogFile] {
    var files: [CatalogFile] = []
    var target: Int64?
    var bulk: [String] = []
    var bulkNode: Node?
    for (key, value) in pairs {
      let sub = field + "." + key
      switch key {
      case "files":
        guard let mapping = value.mapping else { throw fail(value, sub, "expected a mapping of paths") }
        for (pathNode, entry) in mapping {
          let path = try string(pathNode, sub)
          files.append(try layerFile(path, entry, "\(sub).\(path)", pathNode: pathNode))
        }
      case "size": target = Int64(try int(value, sub))
      default:
        bulk = try strings(value, sub)
        bulkNode = value
      }
    }
    let explicit = files.reduce(Int64(0)) { $0 + $1.size }
    if let target {
      let rest = target - explicit
      if rest < 0 { throw fail(node, field + ".size", "the listed files already weigh \(explicit) bytes, more than \(target)") }
      if rest > 0, bulk.isEmpty { throw fail(node, field + ".bulk", "needed to make up \(rest) bytes of size") }
      files += Self.spread(rest, over: bulk)
    } else if bulkNode != nil {
      throw fail(bulkNode, field + ".size", "bulk files need a layer size")
    }
    return files
  }

  func layerFile(_ path: String, _ entry: Node, _ field: String, pathNode: Node) throws(HubCatalogError) -> CatalogFile {
    guard path.hasPrefix("/"), !path.contains("//"), !path.split(separator: "/").contains("..") else {
      throw fail(pathNode, field, "paths are absolute, without // or ..")
    }
    if path.hasSuffix("/") && path != "/" {
      // `/tmp/: dir`, or `/tmp/: {mode: "1777"}` for a directory with other permissions.
      var mode: Int?
      if entry.scalar == nil {
        for (key, value) in try mapping(entry, field, allowed: ["mode"]) {
          guard let parsed = Int(try string(value, field + "." + key), radix: 8) else {
            throw fail(value, field + "." + key, "expected octal such as 0755")
          }
          mode = parsed
        }
      }
      return CatalogFile(path: String(path.dropLast()), kind: .directory, mode: mode)
    }
    if let scalar = entry.scalar {
      if let size = Int64(scalar.string.replacingUnderscores()), scalar.style == .plain {
        return CatalogFile(path: path, kind: .file(text: nil, size: size), mode: Self.defaultMode(path))
      }
      return CatalogFile(path: path, kind: .file(text: scalar.string, size: Int64(scalar.string.utf8.count)))
    }
    var mode: Int?
    var kind: CatalogFile.Kind?
    for (key, value) in try mapping(entry, field, allowed: ["text", "size", "mode", "link", "whiteout"]) {
      let sub = field + "." + key
      switch key {
      case "text":
        let text = try string(value, sub)
        kind = .file(text: text, size: Int64(text.utf8.count))
      case "size": kind = .file(text: nil, size: Int64(try int(value, sub)))
      case "mode":
        guard let parsed = Int(try string(value, sub), radix: 8) else { throw fail(value, sub, "expected octal such as 0755") }
        mode = parsed
      case "link": kind = .symlink(target: try string(value, sub))
      default: if try bool(value, sub) { kind = .whiteout }
      }
    }
    guard let kind else { throw fail(entry, field, "give text, size, link or whiteout") }
    if case .file(nil, _) = kind, mode == nil { mode = Self.defaultMode(path) }
    return CatalogFile(path: path, kind: kind, mode: mode)
  }

  /// Binaries and libraries are executable; everything else is 0644.
  static func defaultMode(_ path: String) -> Int {
    let executableDirs = ["/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/"]
    if executableDirs.contains(where: path.hasPrefix) || path.contains(".so") { return 0o755 }
    return 0o644
  }

  static func spread(_ bytes: Int64, over paths: [String]) -> [CatalogFile] {
    guard bytes > 0, !paths.isEmpty else { return [] }
    let share = bytes / Int64(paths.count)
    let extra = bytes - share * Int64(paths.count)
    return paths.enumerated().map { index, path in
      CatalogFile(path: path, kind: .file(text: nil, size: share + (index == 0 ? extra : 0)), mode: defaultMode(path))
    }
  }

}

/// One entry of a catalog layer, before it becomes part of a `Layer`.
public struct CatalogFile: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A regular file: its text, or (nil) `size` bytes of generated binary content.
    case file(text: String?, size: Int64)
    case directory
    case symlink(target: String)
    /// A deletion of the path in the layers below.
    case whiteout
  }

  public let path: String
  public let kind: Kind
  public let mode: Int?

  public init(path: String, kind: Kind, mode: Int? = nil) {
    self.path = path
    self.kind = kind
    self.mode = mode
  }

  public var size: Int64 {
    if case .file(_, let size) = kind { return size }
    return 0
  }

  /// The layer of `files`, every entry stamped `mtime`. Generated content is seeded
  /// from the path, so equal recipes give equal layers.
  public static func layer(_ files: [CatalogFile], mtime: Timestamp) -> Layer {
    var builder = LayerBuilder(mtime: mtime)
    for file in files {
      switch file.kind {
      case .directory: builder.directory(file.path, mode: UInt32(file.mode ?? 0o755))
      case .symlink(let target): builder.symlink(file.path, to: target)
      case .whiteout: builder.whiteout(file.path)
      case .file(let text?, _): builder.file(file.path, text, mode: UInt32(file.mode ?? 0o644))
      case .file(nil, let size):
        builder.file(file.path, size: Int(size), seed: seed(for: file.path), mode: UInt32(file.mode ?? 0o755))
      }
    }
    return builder.build()
  }

  static func seed(for path: String) -> UInt64 {
    Digest.sha256(path).hex.prefix(16).reduce(UInt64(0)) { $0 << 4 | UInt64($1.hexDigitValue ?? 0) }
  }
}
