/// A value a `--format` template can see: what Go's text/template would find through
/// reflection on Docker's formatter contexts.
public indirect enum TemplateValue: Sendable, Hashable {
  case string(String)
  case int(Int)
  case bool(Bool)
  /// A Go slice; `elementType` names it in error messages (`[]string`).
  case list([TemplateValue], elementType: String = "string")
  /// A Go map: a missing key is `<no value>`, not an error.
  case map([String: TemplateValue])
  /// A Go struct such as `*formatter.imageContext`: a missing field is an error naming `typeName`.
  /// `json` marshals it as Docker's contexts do: sorted keys, HTML-escaped strings.
  case record(typeName: String, fields: [String: TemplateValue])
  /// A Go struct of the API types (`docker inspect`'s documents): `json` and `%v`
  /// keep the declaration order `keys` gives, and `json` does not escape HTML.
  case structure(typeName: String, keys: [String], fields: [String: TemplateValue])
  /// Go's nil.
  case null
  /// Go's invalid reflect.Value: a missing map key; prints `<no value>`.
  case missing

  /// A list of strings (`split`'s result).
  public static func strings(_ items: [String]) -> TemplateValue {
    .list(items.map { .string($0) }, elementType: "string")
  }

  /// The Go type name used in error messages.
  var goTypeName: String {
    switch self {
    case .string: "string"
    case .int: "int"
    case .bool: "bool"
    case .list(_, let element): "[]" + element
    case .map: "map[string]interface {}"
    case .record(let name, _), .structure(let name, _, _): name
    case .null: "interface {}"
    case .missing: "<invalid>"
    }
  }

  /// Go's template truth: non-zero, non-empty.
  var isTrue: Bool {
    switch self {
    case .string(let s): !s.isEmpty
    case .int(let i): i != 0
    case .bool(let b): b
    case .list(let items, _): !items.isEmpty
    case .map(let fields): !fields.isEmpty
    case .record, .structure: true
    case .null, .missing: false
    }
  }

  /// `fmt.Print`'s `%v`.
  var printed: String {
    switch self {
    case .string(let s): s
    case .int(let i): String(i)
    case .bool(let b): b ? "true" : "false"
    case .list(let items, _): "[" + items.map(\.printed).joined(separator: " ") + "]"
    case .map(let fields):
      "map[" + fields.keys.sorted().map { "\($0):\(fields[$0]!.printed)" }.joined(separator: " ") + "]"
    case .record(_, let fields):
      "{" + fields.keys.sorted().map { fields[$0]!.printed }.joined(separator: " ") + "}"
    case .structure(_, let keys, let fields): "{" + keys.map { fields[$0]!.printed }.joined(separator: " ") + "}"
    case .null: "<nil>"
    case .missing: "<no value>"
    }
  }
}

/// Go's encoding/json output for template values (the `json` template function).
enum TemplateJSON {
  /// `escapeHTML` is true inside Docker's context records (they are marshalled with
  /// json.Marshal first), false elsewhere (Docker's `json` function turns it off).
  static func encode(_ value: TemplateValue, escapeHTML: Bool = false) -> String {
    switch value {
    case .string(let s): return quote(s, escapeHTML: escapeHTML)
    case .int(let i): return String(i)
    case .bool(let b): return b ? "true" : "false"
    case .list(let items, _):
      return "[" + items.map { encode($0, escapeHTML: escapeHTML) }.joined(separator: ",") + "]"
    case .map(let fields): return object(fields, escapeHTML: escapeHTML)
    case .record(_, let fields): return object(fields, escapeHTML: true)
    case .structure(_, let keys, let fields):
      let members = keys.map { quote($0, escapeHTML: escapeHTML) + ":" + encode(fields[$0]!, escapeHTML: escapeHTML) }
      return "{" + members.joined(separator: ",") + "}"
    case .null, .missing: return "null"
    }
  }

  static func object(_ fields: [String: TemplateValue], escapeHTML: Bool) -> String {
    let members = fields.keys.sorted().map {
      quote($0, escapeHTML: escapeHTML) + ":" + encode(fields[$0]!, escapeHTML: escapeHTML)
    }
    return "{" + members.joined(separator: ",") + "}"
  }

  static func quote(_ text: String, escapeHTML: Bool) -> String {
    JSONValue.quote(text, escapeHTML: escapeHTML)
  }
}
