/// HEALTHCHECK as an image config keeps it (moby's container.HealthConfig; 28's
/// dockerspec.HealthcheckConfig adds StartInterval). Durations are nanoseconds;
/// zero means "inherit the default".
public struct HealthConfig: Hashable, Sendable {
  /// `["NONE"]`, `["CMD", args...]` or `["CMD-SHELL", command]`.
  public var test: [String]
  public var interval: Int64 = 0
  public var timeout: Int64 = 0
  public var startPeriod: Int64 = 0
  /// 28 only (BuildKit's `--start-interval`).
  public var startInterval: Int64 = 0
  public var retries: Int = 0

  public init(test: [String]) { self.test = test }

  /// The JSON members `docker inspect` shows, zero values omitted (`omitempty`).
  public var json: JSONValue {
    var members: [(String, JSONValue)] = test.isEmpty ? [] : [("Test", .strings(test))]
    for (name, value) in [
      ("Interval", interval), ("Timeout", timeout), ("StartPeriod", startPeriod), ("StartInterval", startInterval),
    ] where value != 0 {
      members.append((name, .int(value)))
    }
    if retries != 0 { members.append(("Retries", .int(Int64(retries)))) }
    return .object(members)
  }

  /// Reads the JSON `json` writes (a loaded image's config).
  public init?(json: JSONValue?) {
    guard let json, case .object = json else { return nil }
    test = (json["Test"]?.arrayValue ?? []).compactMap(\.stringValue)
    interval = json["Interval"]?.intValue ?? 0
    timeout = json["Timeout"]?.intValue ?? 0
    startPeriod = json["StartPeriod"]?.intValue ?? 0
    startInterval = json["StartInterval"]?.intValue ?? 0
    retries = Int(json["Retries"]?.intValue ?? 0)
  }

  /// The classic builder's history text, `fmt.Sprintf("%q", healthConfig)` of the
  /// pointer: `&{["CMD-SHELL" "curl -f http://x/"] "30s" "3s" "0s" '\x03'}`; 28's
  /// struct has one duration more (StartInterval).
  public func goQuoted(version: DockerVersion) -> String {
    var durations = [interval, timeout, startPeriod]
    if version == .v28 { durations.append(startInterval) }
    let fields =
      ["[" + test.map { GoQuote.quote($0) }.joined(separator: " ") + "]"]
      + durations.map { "\"" + GoDurationText.string($0) + "\"" } + [GoDurationText.quotedRune(retries)]
    return "&{" + fields.joined(separator: " ") + "}"
  }

  /// `%v` of the test (`[CMD-SHELL curl -f http://x/]`), for the override note.
  public var testDescription: String { "[" + test.joined(separator: " ") + "]" }
}

/// Go's time.Duration text both ways, and `%q` of an integer.
public enum GoDurationText {
  public struct ParseError: Error, Hashable, Sendable {
    public var message: String
  }

  private static let units: [(String, Int64)] = [
    ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
    ("m", 60_000_000_000), ("h", 3_600_000_000_000),
  ]

  /// time.ParseDuration: `1h30m`, `1.5s`, `-2ms`, `0`; Go's error texts.
  public static func parse(_ text: String) throws(ParseError) -> Int64 {
    let quoted = GoQuote.quote(text)
    var rest = Substring(text)
    var negative = false
    if let first = rest.first, first == "-" || first == "+" {
      negative = first == "-"
      rest = rest.dropFirst()
    }
    if rest == "0" { return 0 }
    guard !rest.isEmpty else { throw ParseError(message: "time: invalid duration \(quoted)") }
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, number != ".", let value = Double(number) else {
        throw ParseError(message: "time: invalid duration \(quoted)")
      }
      rest = rest.dropFirst(number.count)
      let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      guard !unitText.isEmpty else { throw ParseError(message: "time: missing unit in duration \(quoted)") }
      guard let unit = units.first(where: { $0.0 == unitText }) else {
        throw ParseError(message: "time: unknown unit \(GoQuote.quote(String(unitText))) in duration \(quoted)")
      }
      rest = rest.dropFirst(unitText.count)
      total += value * Double(unit.1)
    }
    guard total < 9.2e18 else { throw ParseError(message: "time: invalid duration \(quoted)") }
    return (negative ? -1 : 1) * Int64(total.rounded(.towardZero))
  }

  /// Duration.String: `0s`, `300ms`, `1.5s`, `5m0s`, `1h0m0s`.
  public static func string(_ nanoseconds: Int64) -> String {
    if nanoseconds == 0 { return "0s" }
    let sign = nanoseconds < 0 ? "-" : ""
    let u = nanoseconds.magnitude
    if u < 1_000 { return sign + "\(u)ns" }
    if u < 1_000_000 { return sign + decimal(u, digits: 3) + "µs" }
    if u < 1_000_000_000 { return sign + decimal(u, digits: 6) + "ms" }
    var text = decimal(u % 60_000_000_000, digits: 9) + "s"
    let minutes = u / 60_000_000_000
    if minutes > 0 {
      text = "\(minutes % 60)m" + text
      if minutes >= 60 { text = "\(minutes / 60)h" + text }
    }
    return sign + text
  }

  /// `value / 10^digits` with the fraction's trailing zeros dropped.
  private static func decimal(_ value: UInt64, digits: Int) -> String {
    var scale: UInt64 = 1
    for _ in 0..<digits { scale *= 10 }
    var fraction = String(value % scale)
    fraction = String(repeating: "0", count: digits - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(value / scale)" + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// `%q` of an integer: a Go rune literal (`'\x03'`, `'A'`, `'\n'`).
  public static func quotedRune(_ value: Int) -> String {
    let escapes: [Int: String] = [7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 39: "\\'", 92: "\\\\"]
    if let escape = escapes[value] { return "'\(escape)'" }
    if value >= 0x20 && value < 0x7F { return "'\(Character(Unicode.Scalar(UInt8(value))))'" }
    if value >= 0 && value < 0x20 || value == 0x7F { return "'\\x" + hex(value, width: 2) + "'" }
    if value >= 0xA0, value <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(value)) { return "'\(Character(scalar))'" }
    if value >= 0 && value <= 0xFFFF { return "'\\u" + hex(value, width: 4) + "'" }
    return value >= 0 && value <= 0x10FFFF ? "'\\U" + hex(value, width: 8) + "'" : "'\u{FFFD}'"
  }

  private static func hex(_ value: Int, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
