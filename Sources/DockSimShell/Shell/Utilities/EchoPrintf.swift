import DockSimCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// bash's `echo` and `printf` builtins.
enum EchoPrintf {
  /// `echo [-neE] words`: options only while each word is made of n, e, E.
  static func echo(_ argv: [String], console: inout Console) -> Int32 {
    var words = ArraySlice(argv.dropFirst())
    var newline = true
    var escapes = false
    while let first = words.first, first.count > 1, first.hasPrefix("-"),
      first.dropFirst().allSatisfy({ "neE".contains($0) })
    {
      for flag in first.dropFirst() {
        switch flag {
        case "n": newline = false
        case "e": escapes = true
        default: escapes = false
        }
      }
      words.removeFirst()
    }
    var out = Array(words.joined(separator: " ").utf8)
    if escapes {
      let (decoded, stop) = decodeEscapes(out, octalNeedsZero: true)
      out = decoded
      if stop { newline = false }
    }
    if newline { out.append(UInt8(ascii: "\n")) }
    console.write(bytes: out)
    return 0
  }

  /// Backslash escapes of `echo -e` and `printf %b` (`\0nnn`) or a printf format (`\nnn`).
  /// Returns the bytes and whether `\c` asked to stop all output.
  static func decodeEscapes(_ bytes: [UInt8], octalNeedsZero: Bool) -> ([UInt8], Bool) {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      guard b == UInt8(ascii: "\\"), i + 1 < bytes.count else {
        out.append(b)
        i += 1
        continue
      }
      let c = bytes[i + 1]
      i += 2
      switch c {
      case UInt8(ascii: "a"): out.append(7)
      case UInt8(ascii: "b"): out.append(8)
      case UInt8(ascii: "c"): return (out, true)
      case UInt8(ascii: "e"), UInt8(ascii: "E"): out.append(27)
      case UInt8(ascii: "f"): out.append(12)
      case UInt8(ascii: "n"): out.append(10)
      case UInt8(ascii: "r"): out.append(13)
      case UInt8(ascii: "t"): out.append(9)
      case UInt8(ascii: "v"): out.append(11)
      case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "x"):
        var value = 0
        var digits = 0
        while digits < 2, i < bytes.count, let d = hexValue(bytes[i]) {
          value = value * 16 + d
          i += 1
          digits += 1
        }
        if digits == 0 { out.append(contentsOf: [UInt8(ascii: "\\"), c]) } else { out.append(UInt8(value & 0xff)) }
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        if octalNeedsZero && c != UInt8(ascii: "0") {
          out.append(contentsOf: [UInt8(ascii: "\\"), c])
          continue
        }
        var value = octalNeedsZero ? 0 : Int(c - UInt8(ascii: "0"))
        var digits = 0
        while digits < (octalNeedsZero ? 3 : 2), i < bytes.count, (48...55).contains(bytes[i]) {
          value = value * 8 + Int(bytes[i] - 48)
          i += 1
          digits += 1
        }
        out.append(UInt8(value & 0xff))
      default:
        out.append(contentsOf: [UInt8(ascii: "\\"), c])
      }
    }
    return (out, false)
  }

  private static func hexValue(_ b: UInt8) -> Int? {
    switch b {
    case 48...57: return Int(b - 48)
    case 97...102: return Int(b - 87)
    case 65...70: return Int(b - 55)
    default: return nil
    }
  }

  // MARK: printf

  static func printf(_ argv: [String], prefix: String, console: inout Console) -> Int32 {
    var operands = Array(argv.dropFirst())
    if operands.first == "--" { operands.removeFirst() }
    guard let format = operands.first else {
      console.errorLine(prefix + "printf: usage: printf [-v var] format [arguments]")
      return 2
    }
    var arguments = ArraySlice(operands.dropFirst())
    var formatter = Formatter(prefix: prefix)
    var out: [UInt8] = []
    repeat {
      let consumedBefore = arguments.count
      let stop = formatter.format(Array(format.utf8), arguments: &arguments, into: &out)
      if stop || arguments.count == consumedBefore { break }
    } while !arguments.isEmpty
    console.write(bytes: out)
    for message in formatter.errors { console.errorLine(message) }
    return formatter.errors.isEmpty ? 0 : 1
  }

  private struct Formatter {
    let prefix: String
    var errors: [String] = []

    /// One pass over the format; true when `\c` stopped output.
    mutating func format(_ format: [UInt8], arguments: inout ArraySlice<String>, into out: inout [UInt8]) -> Bool {
      var i = 0
      while i < format.count {
        let b = format[i]
        if b == UInt8(ascii: "\\") {
          var end = i + 1
          if end < format.count { end += 1 }
          // Take the whole escape (octal digits, hex digits) for the decoder.
          while end < format.count, end - i < 5, isEscapeContinuation(format[i + 1], format[end]) { end += 1 }
          let (decoded, stop) = EchoPrintf.decodeEscapes(Array(format[i..<end]), octalNeedsZero: false)
          out.append(contentsOf: decoded)
          if stop { return true }
          i = end
          continue
        }
        guard b == UInt8(ascii: "%"), i + 1 < format.count else {
          out.append(b)
          i += 1
          continue
        }
        var j = i + 1
        if format[j] == UInt8(ascii: "%") {
          out.append(b)
          i = j + 1
          continue
        }
        var spec = "%"
        while j < format.count, "-+ #0".utf8.contains(format[j]) {
          spec.unicodeScalars.append(Unicode.Scalar(format[j]))
          j += 1
        }
        while j < format.count, (48...57).contains(format[j]) || format[j] == UInt8(ascii: ".") || format[j] == UInt8(ascii: "*") {
          if format[j] == UInt8(ascii: "*") {
            spec += String(Int(arguments.popFirst() ?? "") ?? 0)
          } else {
            spec.unicodeScalars.append(Unicode.Scalar(format[j]))
          }
          j += 1
        }
        guard j < format.count else {
          out.append(contentsOf: Array(spec.utf8))
          break
        }
        let conversion = format[j]
        i = j + 1
        if conversion == UInt8(ascii: "b") {
          let (decoded, stop) = EchoPrintf.decodeEscapes(Array((arguments.popFirst() ?? "").utf8), octalNeedsZero: true)
          out.append(contentsOf: pad(decoded, spec: spec))
          if stop { return true }
          continue
        }
        out.append(contentsOf: convert(conversion, spec: spec, argument: arguments.popFirst()))
      }
      return false
    }

    private func isEscapeContinuation(_ kind: UInt8, _ b: UInt8) -> Bool {
      if kind == UInt8(ascii: "x") { return (48...57).contains(b) || (97...102).contains(b) || (65...70).contains(b) }
      if (48...55).contains(kind) { return (48...55).contains(b) }
      return false
    }

    private func pad(_ bytes: [UInt8], spec: String) -> [UInt8] {
      let body = spec.dropFirst()
      let left = body.contains("-")
      let widthText = body.drop { "-+ #0".contains($0) }.prefix { $0 != "." }
      var bytes = bytes
      if let dot = body.firstIndex(of: "."), let precision = Int(body[body.index(after: dot)...]) ?? Optional(0) {
        bytes = Array(bytes.prefix(precision))
      }
      let width = Int(widthText) ?? 0
      guard bytes.count < width else { return bytes }
      let fill = [UInt8](repeating: UInt8(ascii: " "), count: width - bytes.count)
      return left ? bytes + fill : fill + bytes
    }

    private mutating func convert(_ conversion: UInt8, spec: String, argument: String?) -> [UInt8] {
      switch conversion {
      case UInt8(ascii: "s"):
        return pad(Array((argument ?? "").utf8), spec: spec)
      case UInt8(ascii: "c"):
        return pad(Array((argument ?? "").utf8.prefix(1)), spec: spec)
      case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "x"), UInt8(ascii: "X"),
        UInt8(ascii: "o"):
        let value = integer(argument)
        return Array(CFormat.integer(value, spec: spec, conversion: Character(Unicode.Scalar(conversion))).utf8)
      case UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "F"), UInt8(ascii: "E"), UInt8(ascii: "G"):
        let value = Double(argument ?? "0") ?? 0
        return Array(CFormat.floating(value, spec: spec, conversion: Character(Unicode.Scalar(conversion))).utf8)
      default:
        errors.append(prefix + "printf: `\(Character(Unicode.Scalar(conversion)))': invalid format character")
        return []
      }
    }

    private mutating func integer(_ argument: String?) -> Int64 {
      guard let text = argument?.trimmingSpaces(), !text.isEmpty else { return 0 }
      if text.hasPrefix("'") || text.hasPrefix("\"") {
        return Int64(text.unicodeScalars.dropFirst().first?.value ?? 0)
      }
      if let value = Int64(text) { return value }
      if text.hasPrefix("0x") || text.hasPrefix("0X"), let value = Int64(text.dropFirst(2), radix: 16) { return value }
      if text.hasPrefix("0"), let value = Int64(text, radix: 8) { return value }
      errors.append(prefix + "printf: \(argument ?? ""): invalid number")
      return Int64(text.prefix { $0.isNumber || $0 == "-" }) ?? 0
    }
  }
}

/// C's printf conversions for integers and doubles, without Foundation.
enum CFormat {
  static func integer(_ value: Int64, spec: String, conversion: Character) -> String {
    let flags = spec.dropFirst().prefix { "-+ #0".contains($0) }
    let rest = spec.dropFirst(1 + flags.count)
    let width = Int(rest.prefix { $0 != "." }) ?? 0
    let precision = rest.firstIndex(of: ".").map { Int(rest[rest.index(after: $0)...]) ?? 0 }
    var digits: String
    var sign = ""
    switch conversion {
    case "x": digits = String(UInt64(bitPattern: value), radix: 16)
    case "X": digits = String(UInt64(bitPattern: value), radix: 16).uppercased()
    case "o": digits = String(UInt64(bitPattern: value), radix: 8)
    case "u": digits = String(UInt64(bitPattern: value))
    default:
      digits = String(value.magnitude)
      if value < 0 { sign = "-" } else if flags.contains("+") { sign = "+" } else if flags.contains(" ") { sign = " " }
    }
    if let precision, digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
    if flags.contains("#"), conversion == "x", value != 0 { sign = "0x" }
    if flags.contains("#"), conversion == "X", value != 0 { sign = "0X" }
    return padNumber(sign: sign, digits: digits, width: width, flags: flags, zeroAllowed: precision == nil)
  }

  static func floating(_ value: Double, spec: String, conversion: Character) -> String {
    // `%e` and `%g`: the C library's own conversion, which bash's printf calls.
    if "eEgG".contains(conversion) { return cFormatted(value, spec: spec + String(conversion)) }
    let flags = spec.dropFirst().prefix { "-+ #0".contains($0) }
    let rest = spec.dropFirst(1 + flags.count)
    let width = Int(rest.prefix { $0 != "." }) ?? 0
    let precision = rest.firstIndex(of: ".").map { Int(rest[rest.index(after: $0)...]) ?? 0 } ?? 6
    var sign = ""
    if value < 0 || (value == 0 && value.sign == .minus) { sign = "-" } else if flags.contains("+") { sign = "+" }
    let digits = fixed(abs(value), precision: precision)
    return padNumber(sign: sign, digits: digits, width: width, flags: flags, zeroAllowed: true)
  }

  private static func cFormatted(_ value: Double, spec: String) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    let count = withVaList([value]) { vsnprintf(&buffer, buffer.count, spec, $0) }
    guard count >= 0 else { return "" }
    return String(decoding: buffer.prefix(min(Int(count), buffer.count - 1)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `%.Nf` by exact decimal rounding of the double's value (half to even on ties, like glibc).
  static func fixed(_ value: Double, precision: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : "inf" }
    var scale = 1.0
    for _ in 0..<precision { scale *= 10 }
    let scaled = (value * scale).rounded(.toNearestOrEven)
    guard scaled < 9.2e18 else { return String(value) }
    let whole = UInt64(scaled)
    var text = String(whole)
    if precision == 0 { return text }
    if text.count <= precision { text = String(repeating: "0", count: precision - text.count + 1) + text }
    let split = text.index(text.endIndex, offsetBy: -precision)
    return text[..<split] + "." + text[split...]
  }

  private static func padNumber(
    sign: String, digits: String, width: Int, flags: Substring, zeroAllowed: Bool
  ) -> String {
    let length = sign.count + digits.count
    guard length < width else { return sign + digits }
    let fill = width - length
    if flags.contains("-") { return sign + digits + String(repeating: " ", count: fill) }
    if flags.contains("0") && zeroAllowed { return sign + String(repeating: "0", count: fill) + digits }
    return String(repeating: " ", count: fill) + sign + digits
  }
}
