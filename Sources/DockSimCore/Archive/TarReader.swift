/// Reads a tar archive held in memory (or mapped from a file) without copying
/// member contents: each member's content is a range of the archive's bytes.
///
/// Understands ustar, PAX extended headers (`x`; global `g` headers are skipped)
/// and GNU long names (`L`, `K`), which is what Docker, skopeo and umoci write.
public struct TarReader {
  /// One member: its header and where its content lies in the archive.
  public struct Member: Sendable, Hashable {
    public var header: TarHeader
    public var content: Range<Int>
  }

  /// The bytes the archive lies in, and where in them (a layer tar inside an image archive).
  public let source: SharedBytes
  public let window: Range<Int>

  public init(bytes: [UInt8]) { self.init(SharedBytes(bytes)) }

  public init(_ source: SharedBytes, window: Range<Int>? = nil) {
    self.source = source
    self.window = window ?? 0..<source.count
  }

  /// All members in archive order. Content ranges are positions in `source`.
  public func members() throws(TarError) -> [Member] {
    try source.withUnsafeBytes { raw throws(TarError) in try Scanner(bytes: raw, window: window).members() }
  }

  /// The content of a member (copied; large bodies are better read in place through `source`).
  public func content(of member: Member) -> [UInt8] { source.bytes(in: member.content) }
}

/// The parser proper, over the raw bytes of the window; offsets in errors count from
/// the window's start, as a tool reading that tar alone would count them.
private struct Scanner {
  typealias Member = TarReader.Member
  let bytes: UnsafeRawBufferPointer
  let window: Range<Int>

  func members() throws(TarError) -> [Member] {
    var result: [Member] = []
    var offset = window.lowerBound
    var pending = PendingOverrides()
    while offset + tarBlock <= window.upperBound {
      if isZeroBlock(at: offset) { return result }
      let start = offset
      var header = try decodeHeader(at: offset)
      if !header.kind.isMetadata, let size = pending.size { header.size = size }
      offset += tarBlock
      let contentEnd = offset + header.size
      guard contentEnd <= window.upperBound else { throw .truncated(member: header.name) }
      let content = offset..<contentEnd
      offset = contentEnd + (tarBlock - header.size % tarBlock) % tarBlock
      switch header.kind {
      case .other(UInt8(ascii: "x")):
        pending.merge(try parsePAX(content, offset: start))
      case .other(UInt8(ascii: "g")):
        continue
      case .other(UInt8(ascii: "L")):
        pending.path = cString(content)
      case .other(UInt8(ascii: "K")):
        pending.linkPath = cString(content)
      default:
        pending.apply(to: &header)
        pending = PendingOverrides()
        result.append(Member(header: header, content: header.kind == .regular ? content : content.lowerBound..<content.lowerBound))
      }
    }
    // Like Go's reader, accept an archive that stops at a block boundary without
    // its end-of-archive blocks; a partial block means it was cut short.
    guard offset == window.upperBound else { throw .truncated(member: result.last?.header.name) }
    return result
  }

  // MARK: - Decoding

  /// What PAX or GNU headers say about the next member.
  private struct PendingOverrides {
    var path: String?
    var linkPath: String?
    var size: Int?
    var uid: Int?
    var gid: Int?
    var userName: String?
    var groupName: String?
    var modified: Int64?
    var modifiedNanoseconds: Int64 = 0
    var extended: [String: String] = [:]

    static let standardKeys: Set<String> = ["path", "linkpath", "size", "uid", "gid", "uname", "gname", "mtime", "atime", "ctime"]

    mutating func merge(_ records: [String: String]) {
      for (key, value) in records where !PendingOverrides.standardKeys.contains(key) { extended[key] = value }
      if let v = records["path"] { path = v }
      if let v = records["linkpath"] { linkPath = v }
      if let v = records["size"].flatMap({ Int($0) }) { size = v }
      if let v = records["uid"].flatMap({ Int($0) }) { uid = v }
      if let v = records["gid"].flatMap({ Int($0) }) { gid = v }
      if let v = records["uname"] { userName = v }
      if let v = records["gname"] { groupName = v }
      // mtime may carry a fraction ("1579082400.5"): nanoseconds, digits beyond the ninth dropped.
      if let v = records["mtime"] {
        let parts = v.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if let whole = Int64(parts[0]) {
          modified = whole
          let digits = parts.count > 1 ? String(parts[1].prefix(9)) : ""
          let padded = digits + String(repeating: "0", count: 9 - digits.count)
          modifiedNanoseconds = digits.allSatisfy(\.isNumber) ? Int64(padded) ?? 0 : 0
          if parts[0].hasPrefix("-") { modifiedNanoseconds = -modifiedNanoseconds }
        }
      }
    }

    func apply(to header: inout TarHeader) {
      if let path { header.name = path }
      if let linkPath { header.linkName = linkPath }
      if let userName { header.userName = userName }
      if let groupName { header.groupName = groupName }
      if let uid { header.uid = uid }
      if let gid { header.gid = gid }
      if let modified {
        header.modified = modified
        header.modifiedNanoseconds = modifiedNanoseconds
      }
      header.extendedRecords = extended
      _ = size  // the size override was already used to find the content
    }
  }

  private func isZeroBlock(at offset: Int) -> Bool {
    bytes[offset..<(offset + tarBlock)].allSatisfy { $0 == 0 }
  }

  private func decodeHeader(at offset: Int) throws(TarError) -> TarHeader {
    try verifyChecksum(at: offset)
    let name = string(at: offset, width: 100)
    let prefix = isUSTAR(at: offset) ? string(at: offset + 345, width: 155) : ""
    return TarHeader(
      name: prefix.isEmpty ? name : prefix + "/" + name,
      kind: TarHeader.Kind(flag: bytes[offset + 156]),
      mode: UInt32(truncatingIfNeeded: try number(at: offset + 100, width: 8, field: "mode")),
      uid: try number(at: offset + 108, width: 8, field: "uid"),
      gid: try number(at: offset + 116, width: 8, field: "gid"),
      userName: string(at: offset + 265, width: 32),
      groupName: string(at: offset + 297, width: 32),
      modified: Int64(try number(at: offset + 136, width: 12, field: "mtime")),
      size: try number(at: offset + 124, width: 12, field: "size"),
      linkName: string(at: offset + 157, width: 100),
      deviceMajor: (try? number(at: offset + 329, width: 8, field: "devmajor")) ?? 0,
      deviceMinor: (try? number(at: offset + 337, width: 8, field: "devminor")) ?? 0
    )
  }

  private func isUSTAR(at offset: Int) -> Bool {
    Array(bytes[(offset + 257)..<(offset + 262)]) == Array("ustar".utf8)
  }

  private func verifyChecksum(at offset: Int) throws(TarError) {
    var sum = 0
    for i in 0..<tarBlock {
      sum += (148..<156).contains(i) ? Int(UInt8(ascii: " ")) : Int(bytes[offset + i])
    }
    let stored = try number(at: offset + 148, width: 8, field: "checksum")
    guard stored == sum else { throw .badChecksum(offset: offset - window.lowerBound) }
  }

  /// An octal field (NUL- or space-terminated), or GNU base-256 when the top bit is set.
  private func number(at offset: Int, width: Int, field: String) throws(TarError) -> Int {
    let field_ = bytes[offset..<(offset + width)]
    if let first = field_.first, first & 0x80 != 0 {
      var value = Int(first & 0x7f)
      for byte in field_.dropFirst() { value = value << 8 | Int(byte) }
      return value
    }
    var value = 0
    var seenDigit = false
    for byte in field_ {
      if byte == 0 || (byte == UInt8(ascii: " ") && seenDigit) { break }
      if byte == UInt8(ascii: " ") { continue }
      guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte) else {
        throw .badNumber(field: field, offset: offset - window.lowerBound)
      }
      seenDigit = true
      value = value * 8 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private func string(at offset: Int, width: Int) -> String {
    cString(offset..<(offset + width))
  }

  private func cString(_ range: Range<Int>) -> String {
    let slice = bytes[range]
    let end = slice.firstIndex(of: 0) ?? slice.endIndex
    return String(decoding: bytes[range.lowerBound..<end], as: UTF8.self)
  }

  private func parsePAX(_ range: Range<Int>, offset: Int) throws(TarError) -> [String: String] {
    var records: [String: String] = [:]
    var index = range.lowerBound
    while index < range.upperBound {
      guard let space = bytes[index..<range.upperBound].firstIndex(of: UInt8(ascii: " ")),
        let length = Int(String(decoding: bytes[index..<space], as: UTF8.self)), length > 0,
        index + length <= range.upperBound, bytes[index + length - 1] == UInt8(ascii: "\n")
      else { throw .badPAXRecord(offset: offset - window.lowerBound) }
      let record = bytes[(space + 1)..<(index + length - 1)]
      guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else { throw .badPAXRecord(offset: offset - window.lowerBound) }
      let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
      records[key] = String(decoding: record[(equals + 1)...], as: UTF8.self)
      index += length
    }
    return records
  }
}
