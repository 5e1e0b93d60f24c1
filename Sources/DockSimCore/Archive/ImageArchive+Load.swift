/// Why an archive could not be loaded. The image store is left as it was.
public enum ImageArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
  case tar(TarError)
  case layer(member: String, LayerArchiveError)
  /// Neither `manifest.json` nor an OCI `index.json`.
  case notAnImageArchive
  case missingMember(String)
  case invalidJSON(member: String, message: String)
  /// A layer's uncompressed SHA-256 differs from the diff ID its config lists.
  case diffIDMismatch(expected: String, got: String)
  case compression(member: String, message: String)
  /// The user pressed Ctrl-C: nothing was loaded.
  case interrupted

  /// The text `docker load` prints after `Error: ` or the daemon prefix.
  public var description: String {
    switch self {
    case .tar(let error): error.description
    case .layer(let member, let error): "\(member): \(error)"
    case .notAnImageArchive: "open /var/lib/docker/tmp/docker-import/manifest.json: no such file or directory"
    case .missingMember(let name): "file \(name) not found in the archive"
    case .invalidJSON(let member, let message): "\(member): \(message)"
    case .diffIDMismatch(let expected, let got): "invalid diffID for layer: expected \"\(expected)\", got \"\(got)\""
    case .compression(let member, let message): "\(member): \(message)"
    case .interrupted: "interrupted"
    }
  }
}

extension ImageArchive {
  /// The images of a docker-archive or OCI layout, with the tags they carry.
  public static func load(_ bytes: [UInt8]) throws(ImageArchiveError) -> [Entry] {
    try load(SharedBytes(bytes))
  }

  /// Loads from bytes that stay where they are (a mapped file): file bodies of plain
  /// layers keep pointing into `source`; gzip layers are inflated once into memory.
  /// `interruption` is looked at between layers and inside each, so Ctrl-C stops a
  /// long load early; the caller has then stored nothing.
  public static func load(_ source: SharedBytes, interruption: Interruption = .never) throws(ImageArchiveError)
    -> [Entry]
  {
    var files = try members(of: source)
    files.interruption = interruption
    if files.ranges["manifest.json"] != nil {
      return try loadDockerArchive(files)
    }
    if files.ranges["index.json"] != nil {
      return try loadOCILayout(files)
    }
    throw .notAnImageArchive
  }

  /// The regular members of an archive by normalized name (no `./`), as ranges of its bytes.
  struct Members {
    let source: SharedBytes
    var ranges: [String: Range<Int>] = [:]
    /// Ctrl-C, looked at while the layers are read.
    var interruption = Interruption.never
  }

  private static func members(of source: SharedBytes) throws(ImageArchiveError) -> Members {
    let list: [TarReader.Member]
    do { list = try TarReader(source).members() } catch { throw .tar(error) }
    var files = Members(source: source)
    var links: [(String, String)] = []
    for member in list {
      var name = member.header.name
      while name.hasPrefix("./") { name.removeFirst(2) }
      switch member.header.kind {
      case .regular: files.ranges[name] = member.content
      case .symbolicLink: links.append((name, member.header.linkName))
      default: break
      }
    }
    // Docker 20.10 saves a layer that two images share once and links the second
    // `layer.tar` to the first; skopeo links its legacy names the same way. Links are
    // followed inside the archive only.
    for (name, target) in links {
      if let resolved = resolveLink(target, from: name), let range = files.ranges[resolved] { files.ranges[name] = range }
    }
    return files
  }

  /// `../abc/layer.tar` seen from `def/layer.tar` → `abc/layer.tar`; nil when it climbs out.
  private static func resolveLink(_ target: String, from name: String) -> String? {
    guard !target.hasPrefix("/") else { return nil }
    var parts = name.split(separator: "/").dropLast().map(String.init)
    for part in target.split(separator: "/") {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }

  private static func json(_ name: String, in files: Members) throws(ImageArchiveError) -> JSONValue {
    guard let range = files.ranges[name] else { throw .missingMember(name) }
    do { return try JSONValue(parsing: files.source.bytes(in: range)) } catch {
      throw .invalidJSON(member: name, message: error.description)
    }
  }

  private static func loadDockerArchive(_ files: Members) throws(ImageArchiveError) -> [Entry] {
    let list = try json("manifest.json", in: files)
    var entries: [Entry] = []
    for item in list.arrayValue ?? [] {
      guard let configName = item["Config"]?.stringValue else { throw .invalidJSON(member: "manifest.json", message: "no Config") }
      let layerNames = (item["Layers"]?.arrayValue ?? []).compactMap(\.stringValue)
      let image = try image(config: configName, layers: layerNames, files: files)
      let tags = (item["RepoTags"]?.arrayValue ?? []).compactMap(\.stringValue).compactMap { try? Reference.parse($0, version: .v28) }
      entries.append(Entry(image: image, tags: tags))
    }
    return entries
  }

  private static func loadOCILayout(_ files: Members) throws(ImageArchiveError) -> [Entry] {
    var entries: [Entry] = []
    for descriptor in try json("index.json", in: files)["manifests"]?.arrayValue ?? [] {
      guard let digest = descriptor["digest"]?.stringValue.flatMap(Digest.init(parsing:)) else { continue }
      let manifest = try json(blobPath(digest), in: files)
      guard let config = manifest["config"]?["digest"]?.stringValue.flatMap(Digest.init(parsing:)) else {
        throw .invalidJSON(member: blobPath(digest), message: "no config descriptor")
      }
      let layers = (manifest["layers"]?.arrayValue ?? []).compactMap { $0["digest"]?.stringValue.flatMap(Digest.init(parsing:)) }
      let image = try image(config: blobPath(config), layers: layers.map(blobPath), files: files)
      let annotations = descriptor["annotations"]
      let name = annotations?["io.containerd.image.name"]?.stringValue ?? annotations?["org.opencontainers.image.ref.name"]?.stringValue
      let tags = name.flatMap { try? Reference.parse($0, version: .v28) }.map { [$0] } ?? []
      entries.append(Entry(image: image, tags: tags.filter { $0.tag != nil }))
    }
    return entries
  }

  /// Builds one image, checking each layer against the diff ID its config lists.
  private static func image(config configName: String, layers layerNames: [String], files: Members)
    throws(ImageArchiveError) -> Image
  {
    let config = try json(configName, in: files)
    let diffIDs = ImageConfigJSON.diffIDs(config)
    var layers: [Layer] = []
    for (index, name) in layerNames.enumerated() {
      if files.interruption.isRequested { throw .interrupted }
      guard let range = files.ranges[name] else { throw .missingMember(name) }
      let (source, window) = try uncompressed(files.source, range, member: name)
      let digest = source.digest(of: window).description
      if index < diffIDs.count, diffIDs[index] != digest { throw .diffIDMismatch(expected: diffIDs[index], got: digest) }
      layers.append(try layer(source, window: window, member: name, interruption: files.interruption))
    }
    return ImageConfigJSON.decode(config, layers: layers)
  }

  /// Reads one layer tar; Ctrl-C inside it ends the whole load.
  private static func layer(_ source: SharedBytes, window: Range<Int>, member: String, interruption: Interruption)
    throws(ImageArchiveError) -> Layer
  {
    do { return try LayerArchive.read(source, window: window, interruption: interruption) } catch {
      throw error == .interrupted ? .interrupted : .layer(member: member, error)
    }
  }

  /// A layer blob as an uncompressed tar: in place when plain; when gzip, inflated
  /// into memory (the bodies then live there once, the compressed bytes are not kept).
  private static func uncompressed(_ source: SharedBytes, _ range: Range<Int>, member: String)
    throws(ImageArchiveError) -> (SharedBytes, Range<Int>)
  {
    let compressed = source.withUnsafeBytes { Gzip.isCompressed($0[range]) }
    guard compressed else { return (source, range) }
    let inflated = source.withUnsafeBytes { raw in
      Result { () throws(Gzip.Error) in try Gzip.decompress(UnsafeRawBufferPointer(rebasing: raw[range])) }
    }
    switch inflated {
    case .success(let bytes): return (SharedBytes(bytes), 0..<bytes.count)
    case .failure(let error): throw .compression(member: member, message: error.description)
    }
  }
}

extension ImageArchive {
  /// `docker import`: a root filesystem tarball (plain or gzip) becomes one layer.
  public static func rootFSLayer(_ bytes: [UInt8]) throws(ImageArchiveError) -> Layer {
    try rootFSLayer(SharedBytes(bytes))
  }

  /// `docker import` from bytes that stay where they are (a mapped file); Ctrl-C
  /// stops it between members.
  public static func rootFSLayer(_ source: SharedBytes, interruption: Interruption = .never)
    throws(ImageArchiveError) -> Layer
  {
    let (tar, window) = try uncompressed(source, 0..<source.count, member: "-")
    if interruption.isRequested { throw .interrupted }
    return try layer(tar, window: window, member: "-", interruption: interruption)
  }

  /// `docker export`: the merged filesystem of a container as a tar, without
  /// whiteouts (they only hide things; the merged view has none).
  public static func export(_ filesystem: ContainerFS) -> [UInt8] {
    export(filesystem, into: [UInt8]())
  }

  /// Streams the export into `sink`; file bodies are written from where they lie.
  public static func export<Sink: ByteSink>(_ filesystem: ContainerFS, into sink: Sink) -> Sink {
    // The daemon tars the merged directory, not the container's bind mounts.
    var fs = filesystem.withoutMounts
    fs.tracing = false
    var writer = TarWriter(into: sink)
    var firstName: [UInt64: String] = [:]
    for path in fs.walk(from: "/") where path != "/" {
      guard let stat = fs.peek(path) else { continue }
      let name = String(path.dropFirst())
      let meta = stat.metadata
      var header = TarHeader(
        name: name, kind: .regular, mode: meta.mode, uid: Int(meta.uid), gid: Int(meta.gid), modified: meta.mtime.seconds)
      switch stat.kind {
      case .directory:
        header.name += "/"
        header.kind = .directory
        writer.append(header)
      case .symlink:
        header.kind = .symbolicLink
        header.linkName = (try? fs.readlink(path)) ?? ""
        writer.append(header)
      case .regular:
        if stat.linkCount > 1, let first = firstName[stat.inode] {
          header.kind = .hardLink
          header.linkName = first
          writer.append(header)
          continue
        }
        firstName[stat.inode] = name
        let data = (try? fs.readFile(path)) ?? FileData()
        header.size = data.size
        if !data.isLiteral { header.extendedRecords[LayerArchive.dataRecord] = LayerArchive.describe(data) }
        writer.append(header) { $0.write(data) }
      }
    }
    return writer.finish()
  }
}
