/// A JSON value that keeps the order of object members, encoded the way Go's
/// encoding/json does: Docker's config files, `docker inspect` and `--format '{{json}}'`
/// all print Go's bytes, and member order is part of them (struct order, or sorted
/// for maps).
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case string(String)
  case array([JSONValue])
  /// Members in the order they are written.
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.int(let x), .int(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(compact()) }

  /// An object whose members are sorted by key (how Go marshals a map).
  public static func sortedObject(_ members: [String: JSONValue]) -> JSONValue {
    .object(members.sorted { $0.key < $1.key })
  }

  /// A list of strings, or `null` for nil (Go's nil slice).
  public static func strings(_ list: [String]?) -> JSONValue {
    list.map { .array($0.map(JSONValue.string)) } ?? .null
  }

  // MARK: - Reading members

  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
  public var intValue: Int64? { if case .int(let i) = self { i } else { nil } }
  public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
  public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
  public var objectValue: [(String, JSONValue)]? { if case .object(let o) = self { o } else { nil } }
  public var isNull: Bool { self == .null }

  // MARK: - Encoding

  /// `json.Marshal`: no spaces; `<`, `>`, `&` escaped unless `escapeHTML` is false.
  public func compact(escapeHTML: Bool = true) -> String {
    var out = ""
    write(to: &out, indent: nil, level: 0, escapeHTML: escapeHTML)
    return out
  }

  /// `json.MarshalIndent(v, "", indent)` (Docker's inspect uses four spaces).
  public func indented(_ indent: String = "    ", escapeHTML: Bool = true) -> String {
    var out = ""
    write(to: &out, indent: indent, level: 0, escapeHTML: escapeHTML)
    return out
  }

  private func write(to out: inout String, indent: String?, level: Int, escapeHTML: Bool) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .string(let s): out += JSONValue.quote(s, escapeHTML: escapeHTML)
    case .array(let items):
      writeContainer(items.map { (nil, $0) }, open: "[", close: "]", to: &out, indent: indent, level: level, escapeHTML)
    case .object(let members):
      writeContainer(members.map { ($0.0, $0.1) }, open: "{", close: "}", to: &out, indent: indent, level: level, escapeHTML)
    }
  }

  private func writeContainer(
    _ items: [(String?, JSONValue)], open: String, close: String, to out: inout String, indent: String?,
    level: Int, _ escapeHTML: Bool
  ) {
    out += open
    guard !items.isEmpty else { return out += close }
    for (index, (key, value)) in items.enumerated() {
      if index > 0 { out += "," }
      if let indent { out += "\n" + String(repeating: indent, count: level + 1) }
      if let key { out += JSONValue.quote(key, escapeHTML: escapeHTML) + (indent == nil ? ":" : ": ") }
      value.write(to: &out, indent: indent, level: level + 1, escapeHTML: escapeHTML)
    }
    if let indent { out += "\n" + String(repeating: indent, count: level) }
    out += close
  }

  /// Go's string encoding: `\"`, `\\`, `\n`, `\r`, `\t`, other controls as `\u00XX`,
  /// U+2028/U+2029 escaped, and the HTML characters when asked.
  public static func quote(_ text: String, escapeHTML: Bool = true) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<" where escapeHTML, ">" where escapeHTML, "&" where escapeHTML:
        out += "\\u00" + hex(scalar.value, 2)
      case "\u{2028}", "\u{2029}":
        out += "\\u" + hex(scalar.value, 4)
      default:
        if scalar.value < 0x20 { out += "\\u00" + hex(scalar.value, 2) } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }

  private static func hex(_ value: UInt32, _ digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}

// MARK: - Parsing

extension JSONValue {
  /// Why text is not JSON.
  public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { "invalid JSON at byte \(offset): \(message)" }
  }

  /// Parses one JSON document. Numbers must be integers (all docksim reads are).
  public init(parsing text: String) throws(ParseError) {
    var parser = JSONParser(bytes: Array(text.utf8))
    self = try parser.document()
  }

  public init(parsing bytes: [UInt8]) throws(ParseError) {
    var parser = JSONParser(bytes: bytes)
    self = try parser.document()
  }
}

private struct JSONParser {
  let bytes: [UInt8]
  var index = 0
  var depth = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func document() throws(JSONValue.ParseError) -> JSONValue {
    let value = try parseValue()
    skipSpace()
    guard index == bytes.count else { throw fail("unexpected data after the value") }
    return value
  }

  func fail(_ message: String) -> JSONValue.ParseError { JSONValue.ParseError(offset: index, message: message) }

  mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[index]) { index += 1 }
  }

  mutating func parseValue() throws(JSONValue.ParseError) -> JSONValue {
    skipSpace()
    guard index < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expect("true"); return .bool(true)
    case UInt8(ascii: "f"): try expect("false"); return .bool(false)
    case UInt8(ascii: "n"): try expect("null"); return .null
    default: return .int(try parseInteger())
    }
  }

  mutating func expect(_ word: String) throws(JSONValue.ParseError) {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else {
      throw fail("invalid literal")
    }
    index += w.count
  }

  mutating func nested<T>(_ body: (inout JSONParser) throws(JSONValue.ParseError) -> T) throws(JSONValue.ParseError) -> T {
    depth += 1
    guard depth < 512 else { throw fail("nesting too deep") }
    defer { depth -= 1 }
    return try body(&self)
  }

  mutating func parseObject() throws(JSONValue.ParseError) -> JSONValue {
    try nested { (p: inout JSONParser) throws(JSONValue.ParseError) -> JSONValue in
      p.index += 1
      var members: [(String, JSONValue)] = []
      p.skipSpace()
      if p.index < p.bytes.count, p.bytes[p.index] == UInt8(ascii: "}") { p.index += 1; return .object(members) }
      while true {
        p.skipSpace()
        guard p.index < p.bytes.count, p.bytes[p.index] == UInt8(ascii: "\"") else { throw p.fail("expected a key") }
        let key = try p.parseString()
        p.skipSpace()
        guard p.index < p.bytes.count, p.bytes[p.index] == UInt8(ascii: ":") else { throw p.fail("expected ':'") }
        p.index += 1
        members.append((key, try p.parseValue()))
        p.skipSpace()
        guard p.index < p.bytes.count else { throw p.fail("unexpected end of input") }
        if p.bytes[p.index] == UInt8(ascii: ",") { p.index += 1; continue }
        guard p.bytes[p.index] == UInt8(ascii: "}") else { throw p.fail("expected ',' or '}'") }
        p.index += 1
        return .object(members)
      }
    }
  }

  mutating func parseArray() throws(JSONValue.ParseError) -> JSONValue {
    try nested { (p: inout JSONParser) throws(JSONValue.ParseError) -> JSONValue in
      p.index += 1
      var items: [JSONValue] = []
      p.skipSpace()
      if p.index < p.bytes.count, p.bytes[p.index] == UInt8(ascii: "]") { p.index += 1; return .array(items) }
      while true {
        items.append(try p.parseValue())
        p.skipSpace()
        guard p.index < p.bytes.count else { throw p.fail("unexpected end of input") }
        if p.bytes[p.index] == UInt8(ascii: ",") { p.index += 1; continue }
        guard p.bytes[p.index] == UInt8(ascii: "]") else { throw p.fail("expected ',' or ']'") }
        p.index += 1
        return .array(items)
      }
    }
  }

  mutating func parseInteger() throws(JSONValue.ParseError) -> Int64 {
    let start = index
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
    // Fractions and exponents are read and truncated: docksim's files carry integers.
    let integerEnd = index
    while index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[index])
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
    { index += 1 }
    guard let value = Int64(String(decoding: bytes[start..<integerEnd], as: UTF8.self)) else {
      index = start
      throw fail("invalid value")
    }
    return value
  }

  mutating func parseString() throws(JSONValue.ParseError) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() {
      if !raw.isEmpty { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw.removeAll() }
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
        default: throw fail("invalid escape")
        }
      default:
        raw.append(byte)
      }
    }
    throw fail("unterminated string")
  }

  mutating func parseUnicodeEscape() throws(JSONValue.ParseError) -> Unicode.Scalar {
    let high = try hex4()
    if (0xD800..<0xDC00).contains(high), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    {
      index += 2
      let low = try hex4()
      let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      return Unicode.Scalar(combined) ?? "\u{FFFD}"
    }
    return Unicode.Scalar(high) ?? "\u{FFFD}"
  }

  mutating func hex4() throws(JSONValue.ParseError) -> UInt32 {
    guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
    else { throw fail("invalid \\u escape") }
    index += 4
    return value
  }
}
