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
    }
  }
}

extension ImageArchive {
  /// The images of a docker-archive or OCI layout, with the tags they carry.
  public static func load(_ bytes: [UInt8]) throws(ImageArchiveError) -> [Entry] {
    let files = try members(of: bytes)
    if let manifest = files["manifest.json"] {
      return try loadDockerArchive(manifest, files: files)
    }
    if let index = files["index.json"] {
      return try loadOCILayout(index, files: files)
    }
    throw .notAnImageArchive
  }

  /// Regular members by normalized name (no `./`), contents sliced from the archive.
  private static func members(of bytes: [UInt8]) throws(ImageArchiveError) -> [String: ArraySlice<UInt8>] {
    let reader = TarReader(bytes: bytes)
    let list: [TarReader.Member]
    do { list = try reader.members() } catch { throw .tar(error) }
    var files: [String: ArraySlice<UInt8>] = [:]
    for member in list where member.header.kind == .regular {
      var name = member.header.name
      while name.hasPrefix("./") { name.removeFirst(2) }
      files[name] = reader.content(of: member)
    }
    return files
  }

  private static func json(_ name: String, in files: [String: ArraySlice<UInt8>]) throws(ImageArchiveError) -> JSONValue {
    guard let bytes = files[name] else { throw .missingMember(name) }
    do { return try JSONValue(parsing: Array(bytes)) } catch { throw .invalidJSON(member: name, message: error.description) }
  }

  private static func loadDockerArchive(_ manifest: ArraySlice<UInt8>, files: [String: ArraySlice<UInt8>]) throws(ImageArchiveError)
    -> [Entry]
  {
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

  private static func loadOCILayout(_ index: ArraySlice<UInt8>, files: [String: ArraySlice<UInt8>]) throws(ImageArchiveError)
    -> [Entry]
  {
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
  private static func image(config configName: String, layers layerNames: [String], files: [String: ArraySlice<UInt8>])
    throws(ImageArchiveError) -> Image
  {
    let config = try json(configName, in: files)
    let diffIDs = ImageConfigJSON.diffIDs(config)
    var layers: [Layer] = []
    for (index, name) in layerNames.enumerated() {
      guard let stored = files[name] else { throw .missingMember(name) }
      var bytes = Array(stored)
      if Gzip.isCompressed(bytes) {
        do { bytes = try Gzip.decompress(bytes) } catch { throw .compression(member: name, message: error.description) }
      }
      let digest = Digest.sha256(bytes).description
      if index < diffIDs.count, diffIDs[index] != digest { throw .diffIDMismatch(expected: diffIDs[index], got: digest) }
      do { layers.append(try LayerArchive.read(bytes)) } catch { throw .layer(member: name, error) }
    }
    return ImageConfigJSON.decode(config, layers: layers)
  }
}

extension ImageArchive {
  /// `docker import`: a root filesystem tarball (plain or gzip) becomes one layer.
  public static func rootFSLayer(_ bytes: [UInt8]) throws(ImageArchiveError) -> Layer {
    var bytes = bytes
    if Gzip.isCompressed(bytes) {
      do { bytes = try Gzip.decompress(bytes) } catch { throw .compression(member: "-", message: error.description) }
    }
    do { return try LayerArchive.read(bytes) } catch { throw .layer(member: "-", error) }
  }

  /// `docker export`: the merged filesystem of a container as a tar, without
  /// whiteouts (they only hide things; the merged view has none).
  public static func export(_ filesystem: ContainerFS) -> [UInt8] {
    var fs = filesystem
    fs.tracing = false
    var writer = TarWriter(into: [UInt8]())
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
        writer.append(header) { sink in
          var offset = 0
          while offset < data.size {
            sink.write(data.bytes(in: offset..<min(offset + (1 << 16), data.size)))
            offset += 1 << 16
          }
        }
      }
    }
    return writer.finish()
  }
}
