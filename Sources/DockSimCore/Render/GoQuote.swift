/// Go's `strconv.Quote`: what `docker ps` puts in its COMMAND column (and `%q` prints).
///
///     GoQuote.quote("echo \"hi\"\n")   // "\"echo \\\"hi\\\"\\n\""
public enum GoQuote {
  public static func quote(_ text: String) -> String {
    quote(bytes: Array(text.utf8))
  }

  /// Quotes raw bytes; invalid UTF-8 bytes come out as `\xNN`, as in Go.
  public static func quote(bytes: [UInt8]) -> String {
    var out = "\""
    var index = 0
    while index < bytes.count {
      guard let (scalar, length) = decodeScalar(bytes, at: index) else {
        out += "\\x" + hex(UInt32(bytes[index]), digits: 2)
        index += 1
        continue
      }
      out += escape(scalar)
      index += length
    }
    return out + "\""
  }

  static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\"": return "\\\""
    case "\\": return "\\\\"
    case "\u{07}": return "\\a"
    case "\u{08}": return "\\b"
    case "\u{0C}": return "\\f"
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    case "\u{0B}": return "\\v"
    default: break
    }
    if isPrint(scalar) { return String(scalar) }
    let value = scalar.value
    if value < 0x80 { return "\\x" + hex(value, digits: 2) }
    if value < 0x10000 { return "\\u" + hex(value, digits: 4) }
    return "\\U" + hex(value, digits: 8)
  }

  /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
  static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark,
      .decimalNumber, .letterNumber, .otherNumber,
      .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation,
      .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      return true
    default:
      return false
    }
  }

  static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// One UTF-8 scalar at `index` and its length, or nil when the bytes are not valid UTF-8.
  static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
    var iterator = bytes[index...].makeIterator()
    var decoder = UTF8()
    switch decoder.decode(&iterator) {
    case .scalarValue(let scalar): return (scalar, UTF8.width(scalar))
    default: return nil
    }
  }
}
