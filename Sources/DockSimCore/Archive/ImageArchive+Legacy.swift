/// The archive Docker 20.10 writes (moby's image/tarexport before 25): the legacy
/// docker-archive only, no OCI layout.
///
/// ```
/// <v1 id>/            one folder per layer (its v1 ID, below), mtime the image's creation
///   VERSION           "1.0"
///   json              the layer's v1 image JSON (id, parent, and for the top layer the image's config)
///   layer.tar         the layer's tar (a symlink to the first copy when two layers are equal)
/// <image id>.json     the image config (its SHA-256 is the image ID)
/// manifest.json       [{"Config","RepoTags","Layers"}], mtime 0
/// repositories        {"name":{"tag":"<top v1 id>"}}, mtime 0, only when something is tagged
/// ```
/// A layer's v1 ID is the SHA-256 of its v1 JSON (without `id`) with `layer_id` (the
/// chain ID of the layers up to it) and `parent` (the v1 ID below it) added, members
/// sorted, as moby's image/v1 CreateID computes it.
extension ImageArchive {
  /// Which archive `docker save` writes.
  public enum SaveFormat: Sendable {
    /// docker-archive + OCI image layout in one tar (Docker 25 and later).
    case combined
    /// docker-archive only, a folder per layer (Docker 20.10).
    case legacy
  }

  public static func save(_ entries: [Entry], format: SaveFormat) -> [UInt8] {
    save(entries, format: format, into: [UInt8]())
  }

  public static func save<Sink: ByteSink>(_ entries: [Entry], format: SaveFormat, into sink: Sink) -> Sink {
    switch format {
    case .combined: save(entries, into: sink)
    case .legacy: saveLegacy(entries, into: sink)
    }
  }

  /// A member of the legacy archive and its modification time.
  private struct LegacyMember {
    enum Content {
      case directory
      case file(Blob)
      case symlink(String)
    }
    var content: Content
    var modified: Int64
  }

  static func saveLegacy<Sink: ByteSink>(_ entries: [Entry], into sink: Sink) -> Sink {
    var members: [String: LegacyMember] = [:]
    var firstCopy: [Digest: String] = [:]
    var manifest: [JSONValue] = []
    var repositories: [String: [(String, String)]] = [:]
    var configDigests: [Digest: Digest] = [:]
    for entry in entries {
      let image = entry.image
      let created = image.created.seconds
      var diffIDs: [Digest] = []
      var layerBlobs: [Blob] = []
      for layer in image.layers {
        var writer = TarWriter(into: MeasuringSink())
        LayerArchive.write(layer, to: &writer)
        let measured = writer.finish()
        diffIDs.append(measured.digest.finish())
        layerBlobs.append(.layer(layer, size: measured.count))
      }
      let configJSON = ImageConfigJSON.encode(image, diffIDs: diffIDs)
      let config = Array(configJSON.compact().utf8)
      let configDigest = Digest.sha256(config)
      configDigests[image.id] = configDigest
      members[configDigest.hex + ".json"] = LegacyMember(content: .file(.bytes(config)), modified: created)

      var parent: Digest?
      var folders: [String] = []
      for (index, diffID) in diffIDs.enumerated() {
        let isTop = index == diffIDs.count - 1
        let chain = chainID(diffIDs[...index])
        let v1 = isTop ? topV1Members(configJSON) : [("created", JSONValue.string("1970-01-01T00:00:00Z")), ("container_config", zeroContainerConfig)]
        let id = v1ID(v1, chainID: chain, parent: parent)
        let folder = id.hex
        folders.append(folder)
        defer { parent = id }
        guard members[folder + "/"] == nil else { continue }
        var json: [(String, JSONValue)] = [("id", .string(id.hex))]
        if let parent { json.append(("parent", .string(parent.hex))) }
        json += v1
        if !isTop { json.append(("os", .string(image.os))) }
        members[folder + "/"] = LegacyMember(content: .directory, modified: created)
        members[folder + "/VERSION"] = LegacyMember(content: .file(.bytes(Array("1.0".utf8))), modified: created)
        members[folder + "/json"] = LegacyMember(content: .file(.bytes(Array(JSONValue.object(json).compact().utf8))), modified: created)
        if let first = firstCopy[diffID] {
          members[folder + "/layer.tar"] = LegacyMember(content: .symlink("../" + first), modified: created)
        } else {
          firstCopy[diffID] = folder + "/layer.tar"
          members[folder + "/layer.tar"] = LegacyMember(content: .file(layerBlobs[index]), modified: created)
        }
      }
      var item: [(String, JSONValue)] = [
        ("Config", .string(configDigest.hex + ".json")),
        ("RepoTags", entry.tags.isEmpty ? .null : .array(entry.tags.map { .string($0.familiar) })),
        ("Layers", .array(folders.map { .string($0 + "/layer.tar") })),
      ]
      // moby names a parent only when it is saved in the same archive.
      if let parentImage = image.parent, let parentConfig = configDigests[parentImage] {
        item.append(("Parent", .string(parentConfig.description)))
      }
      manifest.append(.object(item))
      for tag in entry.tags {
        repositories[tag.familiarName, default: []].append((tag.tag ?? Reference.defaultTag, folders.last ?? ""))
      }
    }
    members["manifest.json"] = LegacyMember(content: .file(.bytes(Array(JSONValue.array(manifest).compact().utf8) + [0x0a])), modified: 0)
    if !repositories.isEmpty {
      members["repositories"] = LegacyMember(
        content: .file(.bytes(Array(repositoriesJSON(repositories).compact().utf8) + [0x0a])), modified: 0)
    }
    return writeLegacy(members, into: sink)
  }

  /// The members in the order moby's directory walk gives them (names sorted bytewise).
  private static func writeLegacy<Sink: ByteSink>(_ members: [String: LegacyMember], into sink: Sink) -> Sink {
    let box = SinkBox(sink)
    var writer = TarWriter(into: BoxedSink(box: box))
    for (name, member) in members.sorted(by: { FSPath.byteOrder(String($0.key), String($1.key)) }) {
      var header = TarHeader(name: name, kind: .regular, mode: 0o644, modified: member.modified)
      switch member.content {
      case .directory:
        header.kind = .directory
        header.mode = 0o755
        writer.append(header)
      case .symlink(let target):
        header.kind = .symbolicLink
        header.mode = 0o777
        header.linkName = target
        writer.append(header)
      case .file(let blob):
        header.size = blob.size
        writer.append(header) { sink in blob.write(to: &sink) }
      }
    }
    _ = writer.finish()
    return box.sink
  }

  /// The chain ID of a stack of diff IDs: the first diff ID, then SHA-256 of "<chain> <diff ID>".
  static func chainID(_ diffIDs: ArraySlice<Digest>) -> Digest {
    var chain = diffIDs.first!
    for diffID in diffIDs.dropFirst() { chain = Digest.sha256("\(chain) \(diffID)") }
    return chain
  }

  /// moby's v1 CreateID: the v1 JSON without `id`, plus `layer_id` and `parent`, members sorted.
  static func v1ID(_ members: [(String, JSONValue)], chainID: Digest, parent: Digest?) -> Digest {
    var all = Dictionary(members, uniquingKeysWith: { a, _ in a })
    all["layer_id"] = .string(chainID.description)
    if let parent { all["parent"] = .string(parent.description) }
    return Digest.sha256(JSONValue.sortedObject(all).compact())
  }

  /// The top layer's v1 JSON is the image's (moby's V1Image, in its struct order),
  /// without `id` and `parent`, which the caller adds.
  private static func topV1Members(_ config: JSONValue) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = []
    for key in ["comment", "created", "container"] {
      if let value = config[key], value != .string("") { members.append((key, value)) }
    }
    members.append(("container_config", config["container_config"] ?? zeroContainerConfig))
    for key in ["docker_version", "author", "config", "architecture", "variant", "os"] {
      if let value = config[key], value != .string("") { members.append((key, value)) }
    }
    return members
  }

  /// A zero container.Config as Go marshals it (the `container_config` of every lower layer).
  static let zeroContainerConfig = JSONValue.object([
    ("Hostname", .string("")), ("Domainname", .string("")), ("User", .string("")),
    ("AttachStdin", .bool(false)), ("AttachStdout", .bool(false)), ("AttachStderr", .bool(false)),
    ("Tty", .bool(false)), ("OpenStdin", .bool(false)), ("StdinOnce", .bool(false)),
    ("Env", .null), ("Cmd", .null), ("Image", .string("")), ("Volumes", .null), ("WorkingDir", .string("")),
    ("Entrypoint", .null), ("OnBuild", .null), ("Labels", .null),
  ])
}
