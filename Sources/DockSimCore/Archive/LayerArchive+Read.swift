/// Why a layer tar could not become a layer.
public enum LayerArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
  case tar(TarError)
  /// A member's name or link would leave the layer's root (the tar-slip class of bugs).
  case unsafePath(member: String, reason: String)
  /// A hard link names a member that is not an earlier regular file of the layer.
  case danglingHardLink(member: String, target: String)
  /// The user pressed Ctrl-C while the members were read.
  case interrupted

  public var description: String {
    switch self {
    case .tar(let error): error.description
    case .unsafePath(let member, let reason): "refusing tar member \"\(member)\": \(reason)"
    case .danglingHardLink(let member, let target):
      "invalid hard link \"\(member)\": \"\(target)\" is not an earlier regular file in the layer"
    case .interrupted: "interrupted"
    }
  }
}

extension LayerArchive {
  /// Reads an OCI layer tar. `.wh.NAME` members become whiteouts and `.wh..wh..opq`
  /// marks its directory opaque, whatever their position; names with `..`, absolute
  /// names, and links that climb out of the root are refused.
  public static func read(_ bytes: [UInt8]) throws(LayerArchiveError) -> Layer {
    try read(SharedBytes(bytes))
  }

  /// Reads the layer tar at `window` of `source` (an archive loaded whole, or mapped).
  /// Regular files keep pointing into `source`: only headers are parsed, and each
  /// body is hashed once in place for the layer's digest. `interruption` is looked at
  /// every few members, so Ctrl-C stops a layer of a million files where it is.
  public static func read(
    _ source: SharedBytes, window: Range<Int>? = nil, interruption: Interruption = .never
  ) throws(LayerArchiveError) -> Layer {
    let reader = TarReader(source, window: window)
    let members: [TarReader.Member]
    do { members = try reader.members() } catch { throw .tar(error) }
    var builder = LayerBuilder(mtime: Timestamp(seconds: 0))
    var opaque: [String] = []
    for (index, member) in members.enumerated() {
      if index % interruptionStride == 0, interruption.isRequested { throw .interrupted }
      let path = try safePath(member.header.name)
      if path == "/" { continue }
      try add(member, at: path, from: reader, to: &builder, opaque: &opaque)
    }
    // Opaque markers are applied last: a marker may precede its directory's own entry.
    for directory in opaque { markOpaque(directory, in: &builder) }
    return builder.build()
  }

  /// How many members are read between two looks at the interruption.
  static let interruptionStride = 64

  private static func add(
    _ member: TarReader.Member, at path: String, from reader: TarReader, to builder: inout LayerBuilder,
    opaque: inout [String]
  ) throws(LayerArchiveError) {
    let h = member.header
    let name = FSPath.name(path)
    if name == whiteoutOpaque {
      opaque.append(FSPath.parent(path))
      return
    }
    if name.hasPrefix(whiteoutPrefix) {
      builder.whiteout(FSPath.child(FSPath.parent(path), String(name.dropFirst(whiteoutPrefix.count))))
      return
    }
    let meta = FileMetadata(
      mode: h.mode, uid: UInt32(clamping: h.uid), gid: UInt32(clamping: h.gid), mtime: Timestamp(seconds: h.modified, nanoseconds: h.modifiedNanoseconds))
    switch h.kind {
    case .directory:
      builder.directory(path, mode: meta.mode, uid: meta.uid, gid: meta.gid, mtime: meta.mtime)
    case .symbolicLink:
      try checkSymlink(h.linkName, at: path, member: h.name)
      builder.symlink(path, to: h.linkName, mtime: meta.mtime)
    case .hardLink:
      let target = try safePath(h.linkName)
      guard builder.contents.file(at: target) != nil else {
        throw .danglingHardLink(member: h.name, target: h.linkName)
      }
      builder.hardlink(path, to: target)
    case .regular:
      let data = fileData(reader.source, member.content, description: h.extendedRecords[dataRecord])
      builder.file(path, data: data, mode: meta.mode, uid: meta.uid, gid: meta.gid, mtime: meta.mtime)
    default:
      // Devices, FIFOs and unknown types have no place in a simulated root; skip them.
      return
    }
  }

  private static func markOpaque(_ directory: String, in builder: inout LayerBuilder) {
    guard directory != "/" else { return }
    if case .directory(let meta, _)? = builder.contents.entry(at: directory) {
      builder.directory(directory, mode: meta.mode, opaque: true, uid: meta.uid, gid: meta.gid, mtime: meta.mtime)
    } else {
      builder.opaqueDirectory(directory)
    }
  }

  /// `./etc/hosts`, `etc/hosts` → `/etc/hosts`; absolute names and `..` are refused.
  static func safePath(_ name: String) throws(LayerArchiveError) -> String {
    if name.hasPrefix("/") { throw .unsafePath(member: name, reason: "absolute path") }
    let parts = name.split(separator: "/", omittingEmptySubsequences: true)
    if parts.contains("..") { throw .unsafePath(member: name, reason: "path contains \"..\"") }
    let kept = parts.filter { $0 != "." }
    return "/" + kept.joined(separator: "/")
  }

  /// A relative symlink target may not climb above the root from where it stands.
  private static func checkSymlink(_ target: String, at path: String, member: String) throws(LayerArchiveError) {
    guard !target.hasPrefix("/") else { return }  // absolute: resolved inside the container's root
    var depth = FSPath.components(FSPath.parent(path)).count
    for part in target.split(separator: "/", omittingEmptySubsequences: true) {
      if part == ".." {
        depth -= 1
        if depth < 0 { throw .unsafePath(member: member, reason: "symbolic link points outside the root") }
      } else if part != "." {
        depth += 1
      }
    }
  }

  /// The file's content: the tar's bytes, or — when a docksim record describes
  /// generated pieces and the bytes agree — those pieces, so the layer is rebuilt
  /// exactly (generated content keeps costing no memory).
  static func fileData(_ source: SharedBytes, _ range: Range<Int>, description: String?) -> FileData {
    func asStored() -> FileData { range.isEmpty ? FileData() : FileData(stored: source, range: range) }
    guard let description, let pieces = parsePieces(description, source: source, range: range),
      pieces.reduce(0, { $0 + $1.count }) == range.count
    else { return asStored() }
    let data = FileData(pieces: pieces)
    return agrees(data, with: source, range) ? data : asStored()
  }

  private static func parsePieces(_ text: String, source: SharedBytes, range: Range<Int>) -> [FileData.Piece]? {
    var pieces: [FileData.Piece] = []
    var offset = range.lowerBound
    for item in text.split(separator: ",") {
      let fields = item.split(separator: ":").map(String.init)
      switch (fields.first, fields.count) {
      case ("lit", 2):
        guard let count = Int(fields[1]), count >= 0, offset + count <= range.upperBound else { return nil }
        pieces.append(.stored(StoredBytes(source, range: offset..<(offset + count))))
        offset += count
      case ("zero", 2):
        guard let count = Int(fields[1]), count >= 0 else { return nil }
        pieces.append(.zeros(count: count))
        offset += count
      case ("gen", 4):
        guard let seed = UInt64(fields[1]), let start = Int(fields[2]), let count = Int(fields[3]), start >= 0, count >= 0
        else { return nil }
        pieces.append(.generated(seed: seed, offset: start, count: count))
        offset += count
      default:
        return nil
      }
    }
    return pieces
  }

  /// Compares the start and end of every piece (4 KiB each) with the tar's bytes: a
  /// record that does not describe its bytes is ignored. Checking all of a 60 MB
  /// binary would make every load regenerate it.
  private static func agrees(_ data: FileData, with source: SharedBytes, _ stored: Range<Int>) -> Bool {
    var start = 0
    for piece in data.pieces {
      let window = min(4096, piece.count)
      for range in [start..<(start + window), (start + piece.count - window)..<(start + piece.count)] {
        let base = stored.lowerBound
        guard data.bytes(in: range) == source.bytes(in: (base + range.lowerBound)..<(base + range.upperBound)) else {
          return false
        }
      }
      start += piece.count
    }
    return true
  }
}
