import DockSimCore

/// A JSON value with keys in the order Go's structs declare them, printed the way
/// `docker inspect` prints (json.MarshalIndent with four spaces, HTML escaped).
public indirect enum InspectJSON: Sendable, Hashable {
  case string(String)
  case int(Int64)
  case bool(Bool)
  case null
  case array([InspectJSON])
  case object([(String, InspectJSON)])

  public static func == (a: InspectJSON, b: InspectJSON) -> Bool { a.rendered() == b.rendered() }
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

  public static func strings(_ items: [String]) -> InspectJSON { .array(items.map { .string($0) }) }
  /// nil becomes `null`, as Go marshals a nil slice.
  public static func strings(orNull items: [String]?) -> InspectJSON { items.map { strings($0) } ?? .null }

  /// The indented text, starting at `level` (no trailing newline).
  public func rendered(level: Int = 0) -> String {
    let indent = String(repeating: "    ", count: level + 1)
    let closing = String(repeating: "    ", count: level)
    switch self {
    case .string(let text): return Self.quote(text)
    case .int(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    case .array(let items):
      guard !items.isEmpty else { return "[]" }
      return "[\n" + items.map { indent + $0.rendered(level: level + 1) }.joined(separator: ",\n") + "\n" + closing + "]"
    case .object(let members):
      guard !members.isEmpty else { return "{}" }
      let lines = members.map { indent + Self.quote($0.0) + ": " + $0.1.rendered(level: level + 1) }
      return "{\n" + lines.joined(separator: ",\n") + "\n" + closing + "}"
    }
  }

  /// What a `--format` template sees (maps by key).
  public var templateValue: TemplateValue {
    switch self {
    case .string(let text): .string(text)
    case .int(let value): .int(Int(value))
    case .bool(let value): .bool(value)
    case .null: .null
    case .array(let items): .list(items.map(\.templateValue), elementType: "interface {}")
    case .object(let members): .map(Dictionary(members.map { ($0.0, $0.1.templateValue) }, uniquingKeysWith: { $1 }))
    }
  }

  /// Go's JSON string quoting with HTML escaping.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        out += "\\u" + hex4(scalar.value)
      default:
        if scalar.value < 0x20 { out += "\\u" + hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }

  /// A list of documents as `docker inspect` prints it: `[`, the items, `]`.
  public static func document(_ items: [InspectJSON]) -> String { InspectJSON.array(items).rendered() + "\n" }
}
