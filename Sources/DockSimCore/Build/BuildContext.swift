/// The files `docker build` sends to the daemon: a directory of the simulated host,
/// less what `.dockerignore` excludes, as the CLI tars it (root-owned, modes and
/// whole-second modification times kept).
public struct BuildContext: Sendable {
  public enum Entry: Sendable, Hashable {
    case directory(FileMetadata)
    case file(FileData, FileMetadata)
    case symlink(String, FileMetadata)

    var metadata: FileMetadata {
      switch self {
      case .directory(let m), .file(_, let m), .symlink(_, let m): m
      }
    }
  }

  /// Paths relative to the context root (`app.py`, `src/main.c`), in the order
  /// filepath.Walk visits them.
  public private(set) var paths: [String] = []
  public private(set) var entries: [String: Entry] = [:]

  public init() {}

  /// Adds one entry; parents must come first. `asSent`: as the CLI's tar carries it,
  /// uid/gid 0 and whole seconds (archive.FileInfoHeader); else as it is (an image's files).
  public mutating func add(_ path: String, _ entry: Entry, asSent: Bool = true) {
    if entries[path] == nil { paths.append(path) }
    var stored = entry
    func clean(_ m: FileMetadata) -> FileMetadata {
      asSent ? FileMetadata(mode: m.mode, uid: 0, gid: 0, mtime: Timestamp(seconds: m.mtime.seconds)) : m
    }
    switch entry {
    case .directory(let m): stored = .directory(clean(m))
    case .file(let data, let m): stored = .file(data, clean(m))
    case .symlink(let target, let m): stored = .symlink(target, clean(m))
    }
    entries[path] = stored
  }

  /// Reads `root` of `fs` (a directory), leaving out what `ignore` excludes.
  public static func read(_ fs: ContainerFS, root: String, ignore: DockerIgnore = DockerIgnore(), asSent: Bool = true)
    -> BuildContext
  {
    var context = BuildContext()
    var probe = fs
    let prefix = root == "/" ? "/" : root + "/"
    for path in fs.walk(from: root).sorted() where path.hasPrefix(prefix) {
      let relative = String(path.dropFirst(prefix.count))
      guard !relative.isEmpty, !ignore.excludes(relative) else { continue }
      guard let stat = try? probe.lstat(path) else { continue }
      switch stat.kind {
      case .directory: context.add(relative, .directory(stat.metadata), asSent: asSent)
      case .regular:
        guard let data = try? probe.readFile(path) else { continue }
        context.add(relative, .file(data, stat.metadata), asSent: asSent)
      case .symlink:
        guard let target = try? probe.readlink(path) else { continue }
        context.add(relative, .symlink(target, stat.metadata), asSent: asSent)
      }
    }
    return context
  }

  /// The size of the context tar as Go's archive/tar writes it: a 512-byte header
  /// per entry (plus a PAX header when a name does not fit USTAR), contents padded
  /// to 512 bytes, and two zero blocks at the end.
  public var tarSize: Int {
    var size = 1024
    for path in paths {
      guard let entry = entries[path] else { continue }
      switch entry {
      case .directory: size += Self.headerSize(path + "/", link: "")
      case .file(let data, _): size += Self.headerSize(path, link: "") + Self.padded(data.size)
      case .symlink(let target, _): size += Self.headerSize(path, link: target)
      }
    }
    return size
  }

  static func padded(_ count: Int) -> Int { (count + 511) / 512 * 512 }

  /// One header block, or three (PAX header, PAX records, header) when the name or
  /// link target is too long for USTAR.
  static func headerSize(_ name: String, link: String) -> Int {
    fitsUSTAR(name) && link.utf8.count <= 100 ? 512 : 512 * 3
  }

  /// A name fits in 100 bytes, or splits at a `/` into a 155-byte prefix and a 100-byte name.
  static func fitsUSTAR(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    if bytes.count <= 100 { return true }
    if bytes.count > 256 { return false }
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
      if index <= 155 && bytes.count - index - 1 <= 100 && index > 0 { return true }
    }
    return false
  }

  // MARK: Sources of COPY and ADD

  /// Whether `path` (relative, cleaned) is in the context; "" and "." are the root.
  public func kind(of path: String) -> Entry? {
    if path.isEmpty { return .directory(FileMetadata(mode: 0o755, mtime: .goZero)) }
    return entries[path]
  }

  /// Every path under directory `path` ("" for the root), in walk order.
  public func descendants(of path: String) -> [String] {
    let prefix = path.isEmpty ? "" : path + "/"
    return paths.filter { $0.hasPrefix(prefix) && $0 != path }
  }

  /// The classic builder's source hash, which names the copied content in the
  /// history (`COPY file:<hex> in /`) and keys the build cache: it covers names,
  /// modes, link targets and contents, not modification times.
  public func hash(of path: String) -> String {
    guard let entry = kind(of: path) else { return "" }
    if case .directory = entry {
      let lines = descendants(of: path).map { line(for: $0, name: path.isEmpty ? $0 : String($0.dropFirst(path.count + 1))) }
      return "dir:" + Digest.sha256(lines.joined()).hex
    }
    return "file:" + Digest.sha256(line(for: path, name: FSPath.name("/" + path))).hex
  }

  private func line(for path: String, name: String) -> String {
    switch entries[path] {
    case .directory(let m)?: return "d \(quoted(name)) \(String(m.mode, radix: 8))\n"
    case .file(let data, let m)?:
      return "f \(quoted(name)) \(String(m.mode, radix: 8)) \(data.size) \(Digest.sha256(data.bytes).hex)\n"
    case .symlink(let target, _)?: return "l \(quoted(name)) \(quoted(target))\n"
    case nil: return ""
    }
  }

  /// `multi:<hex>` for several sources (hashStringSlice("multi", hashes)).
  public static func multiHash(_ hashes: [String]) -> String {
    "multi:" + Digest.sha256(hashes.joined(separator: ",")).hex
  }
}

/// `.dockerignore` patterns (moby's patternmatcher): Go filepath.Match globs per
/// path, `**` for any number of directories, `!` to re-include; a pattern that
/// matches a directory excludes everything under it; the last match wins.
public struct DockerIgnore: Sendable, Hashable {
  struct Pattern: Sendable, Hashable {
    var components: [String]
    var exclusion: Bool
  }

  var patterns: [Pattern] = []

  public init() {}

  public init(_ text: String) {
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = String(raw).trimmingTrailingSpace
      line = String(line.drop(while: { $0 == " " || $0 == "\t" }))
      if line.hasPrefix("#") || line.isEmpty { continue }
      var exclusion = false
      if line.hasPrefix("!") {
        exclusion = true
        line = String(line.dropFirst()).trimmingTrailingSpace
      }
      let components = line.split(separator: "/").map(String.init).filter { $0 != "." }
      if components.isEmpty { continue }
      patterns.append(Pattern(components: components, exclusion: exclusion))
    }
  }

  /// Re-includes `path` whatever the patterns say (the CLI keeps the Dockerfile and .dockerignore).
  public mutating func keep(_ path: String) {
    if excludes(path) { patterns.append(Pattern(components: path.split(separator: "/").map(String.init), exclusion: true)) }
  }

  public func excludes(_ path: String) -> Bool {
    let parts = path.split(separator: "/").map(String.init)
    var excluded = false
    for pattern in patterns {
      var matched = false
      for end in stride(from: parts.count, through: 1, by: -1) where Self.match(pattern.components[...], parts[..<end]) {
        matched = true
        break
      }
      if matched { excluded = !pattern.exclusion }
    }
    return excluded
  }

  static func match(_ pattern: ArraySlice<String>, _ parts: ArraySlice<String>) -> Bool {
    guard let first = pattern.first else { return parts.isEmpty }
    if first == "**" {
      for skip in 0...parts.count where match(pattern.dropFirst(), parts.dropFirst(skip)) { return true }
      return false
    }
    guard let part = parts.first, Glob.match(first, part) else { return false }
    return match(pattern.dropFirst(), parts.dropFirst())
  }
}

/// Go's filepath.Match for one path component: `*`, `?`, `[...]`, `\` escapes.
public enum Glob {
  public static func match(_ pattern: String, _ name: String) -> Bool {
    matchChars(Array(pattern)[...], Array(name)[...])
  }

  public static func hasWildcards(_ text: String) -> Bool { text.contains { "*?[\\".contains($0) } }

  private static func matchChars(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
    guard let c = p.first else { return s.isEmpty }
    switch c {
    case "*":
      for skip in 0...s.count where matchChars(p.dropFirst(), s.dropFirst(skip)) { return true }
      return false
    case "?":
      return !s.isEmpty && matchChars(p.dropFirst(), s.dropFirst())
    case "[":
      guard let ch = s.first, let close = p.dropFirst().firstIndex(of: "]") else { return false }
      var set = p[p.index(after: p.startIndex)..<close]
      let negate = set.first == "^" || set.first == "!"
      if negate { set = set.dropFirst() }
      var found = false
      var items = Array(set)
      while !items.isEmpty {
        let low = items.removeFirst()
        if items.count >= 2, items[0] == "-" {
          let high = items[1]
          items.removeFirst(2)
          if low <= ch && ch <= high { found = true }
        } else if low == ch {
          found = true
        }
      }
      return found != negate && matchChars(p[p.index(after: close)...], s.dropFirst())
    case "\\":
      guard p.count > 1, let ch = s.first, ch == p[p.index(after: p.startIndex)] else { return false }
      return matchChars(p.dropFirst(2), s.dropFirst())
    default:
      guard let ch = s.first, ch == c else { return false }
      return matchChars(p.dropFirst(), s.dropFirst())
    }
  }
}
