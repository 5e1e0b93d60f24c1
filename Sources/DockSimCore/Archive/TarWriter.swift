/// Writes a tar archive the way Go's archive/tar does for Docker: ustar headers,
/// and a PAX extended header in front of any member whose name, link name, owner
/// names or numbers do not fit ustar's fields.
///
/// Usage: `var writer = TarWriter(into: sink)`, then `append(header, contents:)`
/// per member, then `finish()`, which writes the two zero blocks that end an archive.
public struct TarWriter<Sink: ByteSink> {
  public private(set) var sink: Sink

  public init(into sink: Sink) { self.sink = sink }

  /// Writes one member. `contents` must yield exactly `header.size` bytes for a
  /// regular file (it is called with a write function, so large generated content
  /// streams through without being held whole).
  public mutating func append(_ header: TarHeader, contents: (inout Sink) -> Void = { _ in }) {
    let pax = paxRecords(for: header)
    if !pax.isEmpty {
      let body = encodePAX(pax)
      var paxHeader = TarHeader(name: paxName(for: header.name), kind: .other(UInt8(ascii: "x")), mode: 0o644)
      paxHeader.size = body.count
      paxHeader.modified = header.modified
      sink.write(encodeHeader(paxHeader))
      sink.write(body)
      sink.writeZeros(padding(body.count))
    }
    sink.write(encodeHeader(header))
    guard header.kind == .regular, header.size > 0 else { return }
    contents(&sink)
    sink.writeZeros(padding(header.size))
  }

  /// Appends a regular file whose bytes are in memory.
  public mutating func appendFile(_ header: TarHeader, bytes: [UInt8]) {
    var header = header
    header.size = bytes.count
    append(header) { $0.write(bytes) }
  }

  /// Ends the archive and returns the sink.
  public mutating func finish() -> Sink {
    sink.writeZeros(2 * tarBlock)
    return sink
  }

  // MARK: - Encoding

  private func padding(_ size: Int) -> Int { (tarBlock - size % tarBlock) % tarBlock }

  /// Go names PAX headers `PaxHeaders.0/<base>`; tools ignore the name, so keep it short.
  private func paxName(for name: String) -> String {
    let base = name.split(separator: "/").last.map(String.init) ?? "member"
    return String(decoding: ("PaxHeaders.0/" + base).utf8.prefix(99), as: UTF8.self)
  }

  /// The PAX records a member needs: only for what ustar cannot hold.
  private func paxRecords(for header: TarHeader) -> [(String, String)] {
    var records: [(String, String)] = []
    if splitUSTARName(header.name) == nil { records.append(("path", header.name)) }
    if header.linkName.utf8.count > 100 || !isASCII(header.linkName) { records.append(("linkpath", header.linkName)) }
    if header.size > 0o77777777777 { records.append(("size", String(header.size))) }
    if header.uid > 0o7777777 { records.append(("uid", String(header.uid))) }
    if header.gid > 0o7777777 { records.append(("gid", String(header.gid))) }
    if header.userName.utf8.count > 32 || !isASCII(header.userName) { records.append(("uname", header.userName)) }
    if header.groupName.utf8.count > 32 || !isASCII(header.groupName) { records.append(("gname", header.groupName)) }
    if header.modified < 0 || header.modified > 0o77777777777 || header.modifiedNanoseconds != 0 {
      records.append(("mtime", paxTime(header.modified, header.modifiedNanoseconds)))
    }
    records += header.extendedRecords.map { ($0.key, $0.value) }
    return records.sorted { $0.0 < $1.0 }
  }

  /// `1578650400.5`: seconds and the fraction without trailing zeros, as Go writes it.
  private func paxTime(_ seconds: Int64, _ nanoseconds: Int64) -> String {
    guard nanoseconds != 0 else { return String(seconds) }
    // Before 1970 the sign covers the fraction too: -1.25 is seconds -2 plus 0.75.
    let (sign, whole, nanos) = seconds < 0 ? ("-", -(seconds + 1), 1_000_000_000 - nanoseconds) : ("", seconds, nanoseconds)
    var fraction = String(nanos)
    fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(sign)\(whole).\(fraction)"
  }

  /// A PAX record is "<length> <key>=<value>\n" where length counts the whole record.
  private func encodePAX(_ records: [(String, String)]) -> [UInt8] {
    var body: [UInt8] = []
    for (key, value) in records {
      let payload = " \(key)=\(value)\n"
      var length = payload.utf8.count + 1
      while String(length).utf8.count + payload.utf8.count != length { length += 1 }
      body.append(contentsOf: Array((String(length) + payload).utf8))
    }
    return body
  }

  private func encodeHeader(_ header: TarHeader) -> [UInt8] {
    var block = [UInt8](repeating: 0, count: tarBlock)
    let (prefix, name) = splitUSTARName(header.name) ?? ("", String(decoding: header.name.utf8.prefix(100), as: UTF8.self))
    put(name, into: &block, at: 0, width: 100)
    putOctal(Int(header.mode & 0o7777), into: &block, at: 100, width: 8)
    putOctal(min(header.uid, 0o7777777), into: &block, at: 108, width: 8)
    putOctal(min(header.gid, 0o7777777), into: &block, at: 116, width: 8)
    putOctal(header.kind == .regular || header.kind.flag == UInt8(ascii: "x") ? min(header.size, 0o77777777777) : 0, into: &block, at: 124, width: 12)
    putOctal(Int(max(0, min(header.modified, 0o77777777777))), into: &block, at: 136, width: 12)
    block[156] = header.kind.flag
    put(String(decoding: header.linkName.utf8.prefix(100), as: UTF8.self), into: &block, at: 157, width: 100)
    put("ustar\u{0}00", into: &block, at: 257, width: 8)
    put(String(decoding: header.userName.utf8.prefix(32), as: UTF8.self), into: &block, at: 265, width: 32)
    put(String(decoding: header.groupName.utf8.prefix(32), as: UTF8.self), into: &block, at: 297, width: 32)
    if header.kind == .characterDevice || header.kind == .blockDevice {
      putOctal(header.deviceMajor, into: &block, at: 329, width: 8)
      putOctal(header.deviceMinor, into: &block, at: 337, width: 8)
    }
    put(prefix, into: &block, at: 345, width: 155)
    // The checksum is computed with its own field read as spaces.
    for i in 148..<156 { block[i] = UInt8(ascii: " ") }
    let sum = block.reduce(0) { $0 + Int($1) }
    putOctal(sum, into: &block, at: 148, width: 7)
    block[155] = UInt8(ascii: " ")
    return block
  }

  /// Splits a name into ustar's prefix (≤155) and name (≤100) at a `/`, or nil.
  private func splitUSTARName(_ full: String) -> (String, String)? {
    guard isASCII(full) else { return nil }
    let bytes = Array(full.utf8)
    if bytes.count <= 100 { return ("", full) }
    guard bytes.count <= 256 else { return nil }
    for cut in stride(from: min(bytes.count - 1, 155), through: 1, by: -1) where bytes[cut] == UInt8(ascii: "/") {
      let name = bytes[(cut + 1)...]
      if name.count <= 100, !name.isEmpty {
        return (String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: name, as: UTF8.self))
      }
    }
    return nil
  }

  private func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

  private func put(_ text: String, into block: inout [UInt8], at offset: Int, width: Int) {
    for (i, byte) in text.utf8.prefix(width).enumerated() { block[offset + i] = byte }
  }

  /// Zero-padded octal digits followed by a NUL, filling `width` bytes.
  private func putOctal(_ value: Int, into block: inout [UInt8], at offset: Int, width: Int) {
    let digits = String(value, radix: 8)
    let padded = String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
    put(padded, into: &block, at: offset, width: width - 1)
  }
}
