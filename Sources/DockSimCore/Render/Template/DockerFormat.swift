/// Docker's `--format` handling for every listing command (`images`, `ps`, `search`,
/// `history`, `system df`, ...): the `table` prefix, `\t`/`\n` escapes, the header row,
/// the Go text/template subset with Docker's functions, the tabwriter, and Go's exact
/// error messages.
///
/// A command describes its rows once (Go's context type name, for error messages, and
/// each field's column header) and hands over one field → value dictionary per row:
///
///     let schema = FormatSchema(typeName: "*formatter.imageContext",
///                               headers: ["Repository": "REPOSITORY", "Tag": "TAG", "ID": "IMAGE ID"])
///     let format = try DockerFormat(options.format, default: "table {{.Repository}}\t{{.Tag}}\t{{.ID}}",
///                                   version: session.settings.dockerVersion)
///     let text = try format.render([["Repository": "ubuntu", "Tag": "18.04", "ID": "72300a873c2c"]], schema: schema)
///     // "REPOSITORY   TAG       IMAGE ID\nubuntu       18.04     72300a873c2c\n"
///     // On failure: catch `DockerFormatError`, print `error.message` to stderr, exit 1.
///
/// Every field listed in the dictionary is also what `{{json .}}` shows (sorted keys), so
/// include all of the context's fields as Docker's formatter has them, as strings.
public struct DockerFormat: Sendable {
  /// The format started with `table`: a header row and aligned columns.
  public let isTable: Bool
  /// The template text after Docker's preprocessing (prefix removed, trimmed, escapes turned into TAB/newline).
  public let template: String
  let nodes: [TemplateNode]
  let version: DockerVersion
  /// The Go template's name, shown in errors (`docker version` names its template "version").
  let name: String

  /// Parses a format exactly as given (`table ...`, `{{json .}}`, ...).
  public init(_ format: String, version: DockerVersion, name: String = "") throws(DockerFormatError) {
    self.version = version
    self.name = name
    isTable = format.hasPrefix("table")
    var text = isTable ? String(format.dropFirst(5)) : format
    text = Self.trimSpaces(text)
    text = text.replacing("\\t", with: "\t").replacing("\\n", with: "\n")
    template = text
    do {
      nodes = try TemplateParser.parse(text, functions: TemplateFunctions.names)
    } catch {
      throw DockerFormatError(message: "template parsing error: template: \(name):\(error.line): \(error.message)")
    }
  }

  /// A template exactly as given, as docker/cli's `templates.Parse` takes it for
  /// `inspect`, `version` and `info`: no `table` prefix, trimming or `\t` escapes.
  public init(verbatim text: String, version: DockerVersion, name: String = "") throws(DockerFormatError) {
    self.version = version
    self.name = name
    isTable = false
    template = text
    do {
      nodes = try TemplateParser.parse(text, functions: TemplateFunctions.names)
    } catch {
      throw DockerFormatError(message: "template parsing error: template: \(name):\(error.line): \(error.message)")
    }
  }

  /// The format a command uses for `--format VALUE`: nothing or `table` means the
  /// command's default table; `json` means `{{json .}}` from Docker 23.0 on.
  public init(_ userFormat: String?, default defaultFormat: String, version: DockerVersion) throws(DockerFormatError) {
    switch userFormat ?? "" {
    case "", "table": try self.init(defaultFormat, version: version)
    case "json" where version != .v20_10: try self.init("{{json .}}", version: version)
    case let format: try self.init(format, version: version)
    }
  }

  /// Docker trims only spaces (not tabs or newlines) around the template.
  static func trimSpaces(_ text: String) -> String {
    var scalars = Substring(text)
    while scalars.first == " " { scalars.removeFirst() }
    while scalars.last == " " { scalars.removeLast() }
    return String(scalars)
  }

  /// Renders rows: each row executed and followed by a newline; for a table, the header
  /// (always, even with no rows) and the rows aligned by Docker's tabwriter.
  public func render(_ rows: [[String: TemplateValue]], schema: FormatSchema) throws(DockerFormatError) -> String {
    try render(values: rows.map { .record(typeName: schema.typeName, fields: $0) }, headers: schema.headers)
  }

  /// Renders arbitrary values (e.g. `docker inspect --format` over nested documents).
  public func render(values: [TemplateValue], headers: [String: String] = [:]) throws(DockerFormatError) -> String {
    var body = ""
    for value in values {
      body += try execute(value, functions: TemplateFunctions.rows)
      body += "\n"
    }
    guard isTable else { return body }
    // Docker ignores errors in the header: whatever was written before the error stays.
    var header = TemplateExecutor(functions: TemplateFunctions.header, root: .map(headers.mapValues { .string($0) }))
    try? header.walk(nodes, dot: .map(headers.mapValues { .string($0) }))
    return TabWriter(version: version).format(header.output + "\n" + body)
  }

  /// Executes the template once with `value` as dot.
  public func execute(_ value: TemplateValue) throws(DockerFormatError) -> String {
    try execute(value, functions: TemplateFunctions.rows)
  }

  /// Executes once and returns what was written, with the error that stopped it, if
  /// any: Go's template leaves the output written before an error (`docker version`).
  public func executePartially(_ value: TemplateValue) -> (output: String, error: DockerFormatError?) {
    var executor = TemplateExecutor(functions: TemplateFunctions.rows, root: value)
    executor.rangesOverIntegers = version != .v20_10
    do {
      try executor.walk(nodes, dot: value)
      return (executor.output, nil)
    } catch {
      return (executor.output, DockerFormatError(message: "template parsing error: " + describe(error)))
    }
  }

  /// Executes over raw JSON as `docker inspect` falls back to: a missing map key is an error.
  public func executeStrict(_ value: TemplateValue) throws(DockerFormatError) -> String {
    try execute(value, functions: TemplateFunctions.rows, missingKeyIsError: true)
  }

  func execute(
    _ value: TemplateValue, functions: [String: TemplateFunction], missingKeyIsError: Bool = false
  ) throws(DockerFormatError) -> String {
    var executor = TemplateExecutor(functions: functions, root: value)
    executor.rangesOverIntegers = version != .v20_10
    executor.missingKeyIsError = missingKeyIsError
    do {
      try executor.walk(nodes, dot: value)
    } catch {
      throw DockerFormatError(message: "template parsing error: " + describe(error))
    }
    return executor.output
  }

  /// Go's ErrorContext: line and byte column of the node, and its text (whole: the Go of
  /// both emulated releases no longer cuts it).
  func describe(_ failure: TemplateExecFailure) -> String {
    let bytes = Array(template.utf8)
    let before = bytes[..<min(failure.position, bytes.count)]
    let line = 1 + before.filter { $0 == 0x0A }.count
    let column = before.lastIndex(of: 0x0A).map { failure.position - $0 - 1 } ?? failure.position
    return "template: \(name):\(line):\(column): executing \"\(name)\" at <\(failure.context)>: \(failure.message)"
  }
}

/// What a command's rows look like to a template.
public struct FormatSchema: Sendable, Hashable {
  /// Go's type of the row context, named in errors (`*formatter.imageContext`).
  public var typeName: String
  /// Field name → column header (`"ID": "IMAGE ID"`).
  public var headers: [String: String]

  public init(typeName: String, headers: [String: String]) {
    self.typeName = typeName
    self.headers = headers
  }
}

/// A template that failed to parse or execute; `message` is Docker's whole stderr line.
public struct DockerFormatError: Error, Sendable, Hashable {
  public var message: String
  public init(message: String) { self.message = message }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: TemplateValue...) { self = .list(elements, elementType: "interface {}") }
  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self = .map(Dictionary(elements, uniquingKeysWith: { $1 }))
  }
}
