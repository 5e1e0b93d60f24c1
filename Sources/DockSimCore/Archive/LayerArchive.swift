/// A `Layer` as an OCI layer tar, and back.
///
/// Writing follows overlay2's native diff (moby's archive with ConvertWrite):
/// paths in walk order without the root, directories with a trailing `/`, a
/// whiteout as an empty `.wh.NAME` file (mode 0600), an opaque directory as the
/// directory followed by an empty `DIR/.wh..wh..opq`, second names of an inode as
/// hard-link members. Generated content also carries a `DOCKSIM.data` PAX record
/// describing how it was generated, which other tools ignore and which lets
/// `docker load` rebuild the very same layer (same diffID) from a saved archive.
public enum LayerArchive {
  /// The PAX record that describes generated content.
  static let dataRecord = "DOCKSIM.data"

  /// Streams `layer` as a tar into `writer` (without the end-of-archive blocks).
  public static func write<Sink: ByteSink>(_ layer: Layer, to writer: inout TarWriter<Sink>) {
    let contents = layer.contents
    var firstName: [Int: String] = [:]
    for path in contents.walkOrder where path != "/" {
      guard let entry = contents.entries[path] else { continue }
      let name = String(path.dropFirst())
      switch entry {
      case .directory(let meta, let opaque):
        writer.append(header(name + "/", .directory, meta))
        if opaque { writer.append(marker(name + "/" + whiteoutOpaque)) }
      case .symlink(let target, let meta):
        var h = header(name, .symbolicLink, meta)
        h.linkName = target
        writer.append(h)
      case .whiteout:
        let parent = FSPath.parent(path)
        let prefix = parent == "/" ? "" : String(parent.dropFirst()) + "/"
        writer.append(marker(prefix + whiteoutPrefix + FSPath.name(path)))
      case .file(let inode):
        guard let file = contents.files[inode] else { continue }
        if let first = firstName[inode] {
          var h = header(name, .hardLink, file.metadata)
          h.linkName = first
          writer.append(h)
          continue
        }
        firstName[inode] = name
        writeFile(name, file, to: &writer)
      }
    }
  }

  /// The whole layer as tar bytes (small layers, tests).
  public static func tarBytes(_ layer: Layer) -> [UInt8] {
    var writer = TarWriter(into: [UInt8]())
    write(layer, to: &writer)
    return writer.finish()
  }

  /// The SHA-256 of the layer's tar, as Docker computes a diffID, without holding the tar.
  public static func tarDigest(_ layer: Layer) -> Digest {
    var writer = TarWriter(into: DigestBuilder())
    write(layer, to: &writer)
    return writer.finish().finish()
  }

  static let whiteoutPrefix = ".wh."
  static let whiteoutOpaque = ".wh..wh..opq"

  private static func header(_ name: String, _ kind: TarHeader.Kind, _ meta: FileMetadata) -> TarHeader {
    TarHeader(
      name: name, kind: kind, mode: meta.mode, uid: Int(meta.uid), gid: Int(meta.gid),
      modified: meta.mtime.seconds, modifiedNanoseconds: meta.mtime.nanosecondOfSecond)
  }

  private static func marker(_ name: String) -> TarHeader {
    TarHeader(name: name, kind: .regular, mode: 0o600)
  }

  private static func writeFile<Sink: ByteSink>(_ name: String, _ file: RegularFile, to writer: inout TarWriter<Sink>) {
    var h = header(name, .regular, file.metadata)
    h.size = file.data.size
    if !file.data.isLiteral { h.extendedRecords[dataRecord] = describe(file.data) }
    // Streamed: a generated 60 MB binary is never held whole, stored bytes are read in place.
    writer.append(h) { $0.write(file.data) }
  }

  /// `gen:SEED:OFFSET:COUNT,zero:COUNT,lit:COUNT` — literal pieces by length only;
  /// their bytes are in the tar.
  static func describe(_ data: FileData) -> String {
    data.pieces.map { piece in
      switch piece {
      case .literal(let bytes): "lit:\(bytes.count)"
      case .zeros(let count): "zero:\(count)"
      case .generated(let seed, let offset, let count): "gen:\(seed):\(offset):\(count)"
      case .stored(let stored): "lit:\(stored.count)"
      }
    }.joined(separator: ",")
  }
}
