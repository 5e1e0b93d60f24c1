/// Images as the archives `docker save` writes and `docker load` reads.
///
/// `save` writes what Docker 25+ writes: a docker-archive (`manifest.json`,
/// `repositories`) and an OCI image layout (`oci-layout`, `index.json`,
/// `blobs/sha256/...`) sharing the same blobs. Every digest in it is the real
/// SHA-256 of the bytes it names: layer tars (diff IDs), the config JSON, the
/// manifests. `load` reads that, the older docker-archive layout (`<id>/layer.tar`)
/// and plain OCI layouts (skopeo, umoci), with plain or gzip-compressed layers.
///
/// docksim's own image IDs are SHA-256 of a canonical description (see `Image`), so
/// the config digest in an archive is not the docksim ID; loading rebuilds the very
/// same image, so `save` then `load` gives back identical images and IDs.
public enum ImageArchive {
  /// An image and the references it is saved or loaded under.
  public struct Entry: Sendable, Hashable {
    public var image: Image
    public var tags: [Reference]
    public init(image: Image, tags: [Reference]) {
      self.image = image
      self.tags = tags
    }
  }

  /// The archive bytes of `entries` (images are written once even if listed twice).
  public static func save(_ entries: [Entry]) -> [UInt8] {
    save(entries, into: [UInt8]())
  }

  /// Streams the archive of `entries` into `sink`: layer tars are measured in a first
  /// pass (digest and size, needed before their headers) and written in a second, so a
  /// 100 MB image is never held whole.
  public static func save<Sink: ByteSink>(_ entries: [Entry], into sink: Sink) -> Sink {
    var blobs: [Digest: Blob] = [:]
    var manifestEntries: [JSONValue] = []
    var indexEntries: [JSONValue] = []
    var repositories: [String: [(String, String)]] = [:]
    for entry in entries {
      let written = describeBlobs(entry.image)
      blobs.merge(written.blobs) { first, _ in first }
      manifestEntries.append(.object([
        ("Config", .string(blobPath(written.config))),
        ("RepoTags", entry.tags.isEmpty ? .null : .array(entry.tags.map { .string($0.familiar) })),
        ("Layers", .array(written.layers.map { .string(blobPath($0)) })),
      ]))
      indexEntries += indexDescriptors(manifest: written.manifest, size: blobs[written.manifest]?.size ?? 0, tags: entry.tags)
      for tag in entry.tags {
        repositories[tag.familiarName, default: []].append((tag.tag ?? Reference.defaultTag, written.layers.last?.hex ?? ""))
      }
    }
    var files: [(String, Blob)] = blobs.map { (blobPath($0.key), $0.value) }
    files.append(("index.json", .bytes(Array(JSONValue.object([
      ("schemaVersion", .int(2)), ("mediaType", .string(MediaType.index)), ("manifests", .array(indexEntries)),
    ]).compact().utf8) + [0x0a])))
    files.append(("manifest.json", .bytes(Array(JSONValue.array(manifestEntries).compact().utf8) + [0x0a])))
    files.append(("oci-layout", .bytes(Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8))))
    files.append(("repositories", .bytes(Array(repositoriesJSON(repositories).compact().utf8) + [0x0a])))
    return tar(files, into: sink)
  }

  /// A member of an image archive: bytes in memory (JSON), or a layer's tar, written
  /// when its turn comes.
  enum Blob {
    case bytes([UInt8])
    case layer(Layer, size: Int)

    var size: Int {
      switch self {
      case .bytes(let bytes): bytes.count
      case .layer(_, let size): size
      }
    }

    /// Streams the member's bytes: a layer's tar is written only now, never held whole.
    func write(to sink: inout some ByteSink) {
      switch self {
      case .bytes(let bytes): sink.write(bytes)
      case .layer(let layer, _):
        var inner = TarWriter(into: sink)
        LayerArchive.write(layer, to: &inner)
        _ = inner.finish()
      }
    }
  }

  enum MediaType {
    static let index = "application/vnd.oci.image.index.v1+json"
    static let manifest = "application/vnd.oci.image.manifest.v1+json"
    static let config = "application/vnd.oci.image.config.v1+json"
    static let layer = "application/vnd.oci.image.layer.v1.tar"
    static let layerGzip = "application/vnd.oci.image.layer.v1.tar+gzip"
  }

  static func blobPath(_ digest: Digest) -> String { "blobs/sha256/" + digest.hex }

  /// The blobs of one image with layer tars in memory (tests, small images).
  static func blobsOf(_ image: Image) -> (blobs: [Digest: [UInt8]], layers: [Digest], config: Digest, manifest: Digest) {
    let described = describeBlobs(image)
    let bytes = described.blobs.mapValues { blob in
      switch blob {
      case .bytes(let bytes): bytes
      case .layer(let layer, _): LayerArchive.tarBytes(layer)
      }
    }
    return (bytes, described.layers, described.config, described.manifest)
  }

  /// The blobs of one image: its layer tars (measured, not held), its config, its OCI manifest.
  static func describeBlobs(_ image: Image) -> (blobs: [Digest: Blob], layers: [Digest], config: Digest, manifest: Digest) {
    var blobs: [Digest: Blob] = [:]
    var layerDigests: [Digest] = []
    for layer in image.layers {
      var writer = TarWriter(into: MeasuringSink())
      LayerArchive.write(layer, to: &writer)
      let measured = writer.finish()
      let digest = measured.digest.finish()
      blobs[digest] = .layer(layer, size: measured.count)
      layerDigests.append(digest)
    }
    let config = Array(ImageConfigJSON.encode(image, diffIDs: layerDigests).compact().utf8)
    let configDigest = Digest.sha256(config)
    blobs[configDigest] = .bytes(config)
    let manifest = Array(JSONValue.object([
      ("schemaVersion", .int(2)),
      ("mediaType", .string(MediaType.manifest)),
      ("config", descriptor(MediaType.config, configDigest, config.count)),
      ("layers", .array(layerDigests.map { descriptor(MediaType.layer, $0, blobs[$0]?.size ?? 0) })),
    ]).compact().utf8)
    let manifestDigest = Digest.sha256(manifest)
    blobs[manifestDigest] = .bytes(manifest)
    return (blobs, layerDigests, configDigest, manifestDigest)
  }

  static func descriptor(_ mediaType: String, _ digest: Digest, _ size: Int) -> JSONValue {
    .object([("mediaType", .string(mediaType)), ("digest", .string(digest.description)), ("size", .int(Int64(size)))])
  }

  /// One index entry per tag (annotated with its name), or one without annotations.
  private static func indexDescriptors(manifest: Digest, size: Int, tags: [Reference]) -> [JSONValue] {
    guard !tags.isEmpty else { return [descriptor(MediaType.manifest, manifest, size)] }
    return tags.map { tag in
      guard case .object(var members) = descriptor(MediaType.manifest, manifest, size) else { return .null }
      members.append(("annotations", .object([
        ("io.containerd.image.name", .string(tag.withDefaultTag.description)),
        ("org.opencontainers.image.ref.name", .string(tag.tag ?? Reference.defaultTag)),
      ])))
      return .object(members)
    }
  }

  static func repositoriesJSON(_ repositories: [String: [(String, String)]]) -> JSONValue {
    .sortedObject(repositories.mapValues { tags in .sortedObject(Dictionary(tags, uniquingKeysWith: { a, _ in a }).mapValues(JSONValue.string)) })
  }

  /// A tar of files and the directories above them, in walk order, as Docker writes it.
  static func tar(_ files: [(String, [UInt8])]) -> [UInt8] {
    tar(files.map { ($0.0, Blob.bytes($0.1)) }, into: [UInt8]())
  }

  static func tar<Sink: ByteSink>(_ files: [(String, Blob)], into sink: Sink) -> Sink {
    // One box for the archive and the layer tars nested in it: both write straight through.
    let box = SinkBox(sink)
    var writer = TarWriter(into: BoxedSink(box: box))
    var directories: Set<String> = []
    for (path, blob) in files.sorted(by: { FSPath.byteOrder($0.0, $1.0) }) {
      var prefix = ""
      for part in path.split(separator: "/").dropLast() {
        prefix += part + "/"
        if directories.insert(prefix).inserted {
          writer.append(TarHeader(name: prefix, kind: .directory, mode: 0o755))
        }
      }
      writer.append(TarHeader(name: path, kind: .regular, mode: 0o644, size: blob.size)) { sink in
        blob.write(to: &sink)
      }
    }
    _ = writer.finish()
    return box.sink
  }
}
