/// The functions a Docker `--format` template can call: Go's builtins that users type
/// and Docker's own (`json`, `split`, `join`, `title`, `lower`, `upper`, `pad`, `truncate`).
struct TemplateFunction: Sendable {
  enum Parameter: Sendable {
    case string, int, stringList, any

    var goName: String {
      switch self {
      case .string: "string"
      case .int: "int"
      case .stringList: "[]string"
      case .any: "interface {}"
      }
    }
  }

  var parameters: [Parameter]
  /// The last parameter repeats (Go `...`).
  var variadic = false
  /// A failing call's message goes after `error calling NAME: `.
  var body: @Sendable ([TemplateValue]) throws(TemplateCallFailure) -> TemplateValue
}

struct TemplateCallFailure: Error, Sendable {
  var message: String
}

enum TemplateFunctions {
  /// The names the parser accepts (Go checks them before executing).
  static let names: Set<String> = Set(rows.keys).union(["and", "or"])

  /// Functions for executing rows.
  static let rows: [String: TemplateFunction] = builtins.merging(docker) { $1 }

  /// Functions for the table header: Docker replaces the text functions by ones that
  /// return the header unchanged, so `{{.Name | upper}}` still shows `NAME`.
  static let header: [String: TemplateFunction] = rows.merging(headerOverrides) { $1 }

  static func text(_ transform: @escaping @Sendable (String) -> String) -> TemplateFunction {
    TemplateFunction(parameters: [.string]) { args throws(TemplateCallFailure) in .string(transform(args[0].stringValue)) }
  }

  static let docker: [String: TemplateFunction] = [
    "json": TemplateFunction(parameters: [.any]) { args throws(TemplateCallFailure) in
      .string(TemplateJSON.encode(args[0]))
    },
    "split": TemplateFunction(parameters: [.string, .string]) { args throws(TemplateCallFailure) in
      .strings(GoStrings.split(args[0].stringValue, separator: args[1].stringValue))
    },
    "join": TemplateFunction(parameters: [.stringList, .string]) { args throws(TemplateCallFailure) in
      guard case .list(let items, _) = args[0] else { return .string("") }
      return .string(items.map(\.stringValue).joined(separator: args[1].stringValue))
    },
    "title": text(GoStrings.title),
    "lower": text(GoStrings.lower),
    "upper": text(GoStrings.upper),
    "pad": TemplateFunction(parameters: [.string, .int, .int]) { args throws(TemplateCallFailure) in
      let source = args[0].stringValue
      guard !source.isEmpty else { return .string("") }
      let left = String(repeating: " ", count: max(0, args[1].intValue))
      return .string(left + source + String(repeating: " ", count: max(0, args[2].intValue)))
    },
    "truncate": TemplateFunction(parameters: [.string, .int]) { args throws(TemplateCallFailure) in
      // Docker cuts bytes, not characters.
      let bytes = Array(args[0].stringValue.utf8)
      let length = args[1].intValue
      guard bytes.count >= length else { return args[0] }
      return .string(String(decoding: bytes[..<max(0, length)], as: UTF8.self))
    },
  ]

  static func identity(_ parameters: [TemplateFunction.Parameter]) -> TemplateFunction {
    TemplateFunction(parameters: parameters) { args throws(TemplateCallFailure) in .string(args[0].stringValue) }
  }

  static let headerOverrides: [String: TemplateFunction] = [
    "json": identity([.string]), "split": identity([.string, .string]), "join": identity([.string, .string]),
    "title": identity([.string]), "lower": identity([.string]), "upper": identity([.string]),
    "truncate": identity([.string, .int]),
  ]

  static let builtins: [String: TemplateFunction] = [
    "not": TemplateFunction(parameters: [.any]) { args throws(TemplateCallFailure) in .bool(!args[0].isTrue) },
    "len": TemplateFunction(parameters: [.any]) { args throws(TemplateCallFailure) in
      switch args[0] {
      case .string(let s): return .int(s.utf8.count)
      case .list(let items, _): return .int(items.count)
      case .map(let fields): return .int(fields.count)
      default: throw TemplateCallFailure(message: "len of type \(args[0].goTypeName)")
      }
    },
    "index": TemplateFunction(parameters: [.any, .any], variadic: true) { args throws(TemplateCallFailure) in
      try GoBuiltins.index(args[0], keys: Array(args.dropFirst()))
    },
    "print": TemplateFunction(parameters: [.any], variadic: true) { args throws(TemplateCallFailure) in
      .string(GoBuiltins.sprint(args))
    },
    "println": TemplateFunction(parameters: [.any], variadic: true) { args throws(TemplateCallFailure) in
      .string(args.map(\.printed).joined(separator: " ") + "\n")
    },
    "printf": TemplateFunction(parameters: [.string, .any], variadic: true) { args throws(TemplateCallFailure) in
      .string(GoBuiltins.sprintf(args[0].stringValue, Array(args.dropFirst())))
    },
    "eq": TemplateFunction(parameters: [.any, .any], variadic: true) { args throws(TemplateCallFailure) in
      for other in args.dropFirst() where try GoBuiltins.compare(args[0], other) == 0 { return .bool(true) }
      return .bool(false)
    },
    "ne": comparison { $0 != 0 },
    "lt": comparison { $0 < 0 },
    "le": comparison { $0 <= 0 },
    "gt": comparison { $0 > 0 },
    "ge": comparison { $0 >= 0 },
  ]

  static func comparison(_ test: @escaping @Sendable (Int) -> Bool) -> TemplateFunction {
    TemplateFunction(parameters: [.any, .any]) { args throws(TemplateCallFailure) in
      .bool(test(try GoBuiltins.compare(args[0], args[1])))
    }
  }
}

extension TemplateValue {
  /// The string inside (after the executor checked the type), or its printed form.
  var stringValue: String {
    if case .string(let s) = self { return s }
    return printed
  }
  var intValue: Int {
    if case .int(let i) = self { return i }
    return 0
  }
}

/// The Go builtins whose behaviour is more than a line.
enum GoBuiltins {
  /// fmt.Sprint: a space between operands when neither side is a string.
  static func sprint(_ args: [TemplateValue]) -> String {
    var out = ""
    for (index, arg) in args.enumerated() {
      if index > 0, !isString(args[index - 1]), !isString(arg) { out += " " }
      out += arg.printed
    }
    return out
  }

  static func isString(_ value: TemplateValue) -> Bool {
    if case .string = value { return true }
    return false
  }

  /// fmt.Sprintf for the verbs templates use: %s %v %d %q %t %%, with `-` and a width.
  static func sprintf(_ format: String, _ args: [TemplateValue]) -> String {
    var out = ""
    var remaining = args[...]
    var scalars = format.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "%" else {
        out.unicodeScalars.append(scalar)
        continue
      }
      var leftAlign = false
      var width = ""
      var next = scalars.next()
      while let flag = next, flag == "-" || flag == "+" || flag == "#" || flag == " " || flag == "0" {
        if flag == "-" { leftAlign = true }
        next = scalars.next()
      }
      while let digit = next, digit.properties.numericType == .decimal, digit.isASCII {
        width.unicodeScalars.append(digit)
        next = scalars.next()
      }
      guard let verb = next else {
        out += "%!(NOVERB)"
        break
      }
      if verb == "%" {
        out += "%"
        continue
      }
      guard let arg = remaining.popFirst() else {
        out += "%!\(verb)(MISSING)"
        continue
      }
      out += pad(formatVerb(verb, arg), width: Int(width) ?? 0, left: leftAlign)
    }
    if !remaining.isEmpty {
      out += "%!(EXTRA " + remaining.map { "\($0.goTypeName)=\($0.printed)" }.joined(separator: ", ") + ")"
    }
    return out
  }

  static func pad(_ text: String, width: Int, left: Bool) -> String {
    let missing = width - text.unicodeScalars.count
    guard missing > 0 else { return text }
    let spaces = String(repeating: " ", count: missing)
    return left ? text + spaces : spaces + text
  }

  static func formatVerb(_ verb: Unicode.Scalar, _ arg: TemplateValue) -> String {
    switch (verb, arg) {
    case ("v", _), ("s", .string), ("d", .int), ("t", .bool): return arg.printed
    case ("q", .string(let s)): return GoQuote.quote(s)
    default: return "%!\(verb)(\(arg.goTypeName)=\(arg.printed))"
    }
  }

  static func index(_ value: TemplateValue, keys: [TemplateValue]) throws(TemplateCallFailure) -> TemplateValue {
    var current = value
    for key in keys {
      switch (current, key) {
      case (.list(let items, _), .int(let i)):
        guard i >= 0, i < items.count else { throw TemplateCallFailure(message: "index out of range: \(i)") }
        current = items[i]
      case (.string(let text), .int(let i)):
        // Indexing a Go string yields a byte.
        let bytes = Array(text.utf8)
        guard i >= 0, i < bytes.count else { throw TemplateCallFailure(message: "index out of range: \(i)") }
        current = .int(Int(bytes[i]))
      case (.map(let fields), .string(let name)):
        current = fields[name] ?? .null
      case (.list, _):
        throw TemplateCallFailure(message: "cannot index slice/array with type \(key.goTypeName)")
      default:
        throw TemplateCallFailure(message: "can't index item of type \(current.goTypeName)")
      }
    }
    return current
  }

  /// -1, 0, 1 for two basic values of the same kind (Go's eq/lt rules).
  static func compare(_ a: TemplateValue, _ b: TemplateValue) throws(TemplateCallFailure) -> Int {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.string(let x), .string(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
    case (.int, .string), (.string, .int), (.bool, .int), (.int, .bool), (.bool, .string), (.string, .bool):
      throw TemplateCallFailure(message: "incompatible types for comparison")
    default:
      throw TemplateCallFailure(message: "invalid type for comparison")
    }
  }
}

/// Go's `strings` functions with their exact edge cases.
enum GoStrings {
  /// strings.Split: an empty separator splits into characters; an empty string gives [""].
  static func split(_ text: String, separator: String) -> [String] {
    if separator.isEmpty { return text.unicodeScalars.map { String($0) } }
    var parts: [String] = []
    var rest = Substring(text)
    while let range = rest.range(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }

  /// strings.Title: upper-case the first letter of each word.
  static func title(_ text: String) -> String {
    var out = ""
    var previousIsSeparator = true
    for scalar in text.unicodeScalars {
      out += previousIsSeparator ? simpleMapping(scalar, upper: true) : String(scalar)
      previousIsSeparator = isSeparator(scalar)
    }
    return out
  }

  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value <= 0x7F {
      let c = scalar.value
      let alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
      return !alnum
    }
    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return false }
    return scalar.properties.isWhitespace
  }

  static func lower(_ text: String) -> String { text.unicodeScalars.map { simpleMapping($0, upper: false) }.joined() }
  static func upper(_ text: String) -> String { text.unicodeScalars.map { simpleMapping($0, upper: true) }.joined() }

  /// Go maps rune by rune (unicode.ToUpper): a character whose full mapping is longer stays.
  static func simpleMapping(_ scalar: Unicode.Scalar, upper: Bool) -> String {
    let mapped = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
    return mapped.unicodeScalars.count == 1 ? mapped : String(scalar)
  }
}
