/// The first pass of BuildKit's Dockerfile parser (frontend/dockerfile/parser), which
/// the classic builder uses too: lines become nodes, with comments dropped, line
/// continuations joined and each instruction's arguments split the way its keyword
/// wants (JSON array, whitespace-separated words, name=value pairs, or one string).
///
/// The second pass, `DockerfileInstructions`, gives the nodes their types.
public struct DockerfileNode: Hashable, Sendable {
  /// The keyword as typed (`RUN`, `run`).
  public var keyword: String
  /// The whole instruction after joining continuation lines, as `Step N/M :` prints it.
  public var original: String
  /// The first line of the instruction (1-based).
  public var line: Int
  /// `--chown=0:0`, `--from=builder`: the flags before the arguments.
  public var flags: [String]
  /// The arguments, split as the keyword's parser splits them.
  public var arguments: [String]
  /// True when the arguments were a JSON array (exec form).
  public var json: Bool
  /// ENV and LABEL: the arguments as (name, value) pairs; `legacy` for `ENV name value`.
  public var pairs: [DockerfilePair]

  /// The keyword in lower case, as the dispatch table knows it.
  public var command: String { keyword.lowercased() }
}

/// One `name=value` of ENV, LABEL or ARG, before variable expansion.
public struct DockerfilePair: Hashable, Sendable {
  public var name: String
  public var value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// Why a Dockerfile could not be parsed or run: the daemon's message.
public struct DockerfileError: Error, Hashable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}

public enum DockerfileParser {
  /// Splits `text` into instruction nodes.
  public static func parse(_ text: String) throws(DockerfileError) -> [DockerfileNode] {
    var ignored: [String] = []
    return try parse(text, emptyContinuations: &ignored)
  }

  /// The same, collecting the instructions that had an empty continuation line (the
  /// parser warns about them).
  public static func parse(_ text: String, emptyContinuations: inout [String]) throws(DockerfileError)
    -> [DockerfileNode]
  {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      // bufio.ScanLines drops a trailing CR.
      line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
    if text.hasSuffix("\n") { lines.removeLast() }
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
    var escape: Character = "\\"
    var nodes: [DockerfileNode] = []
    var index = 0
    var directivesAllowed = true
    while index < lines.count {
      let raw = lines[index]
      index += 1
      if directivesAllowed, let token = escapeDirective(raw) {
        guard token == "\\" || token == "`" else {
          throw DockerfileError("invalid escape token '\(token)' does not match ` or \\")
        }
        escape = token
        continue
      }
      let stripped = trimLeadingSpace(raw)
      if !isComment(raw) { directivesAllowed = false }
      let first = isComment(raw) ? "" : stripped
      let startLine = index
      var (line, done) = trimContinuation(first, escape: escape)
      if done && line.isEmpty { continue }
      directivesAllowed = false
      var hasEmptyContinuation = false
      while !done && index < lines.count {
        let next = lines[index]
        index += 1
        if isComment(next) { continue }
        if trimLeadingSpace(next).isEmpty {
          hasEmptyContinuation = true
          continue
        }
        let (part, end) = trimContinuation(next, escape: escape)
        line += part
        done = end
      }
      if hasEmptyContinuation { emptyContinuations.append(line) }
      nodes.append(try node(from: line, startLine: startLine, escape: escape))
    }
    guard !nodes.isEmpty else { throw DockerfileError("file with no instructions") }
    return nodes
  }

  /// `# escape=\`` at the top of the file.
  private static func escapeDirective(_ line: String) -> Character? {
    let text = trimLeadingSpace(line)
    guard text.hasPrefix("#") else { return nil }
    let body = trimLeadingSpace(String(text.dropFirst()))
    guard body.lowercased().hasPrefix("escape") else { return nil }
    let afterName = trimLeadingSpace(String(body.dropFirst(6)))
    guard afterName.hasPrefix("=") else { return nil }
    let value = trimLeadingSpace(String(afterName.dropFirst())).trimmingTrailingSpace
    return value.count == 1 ? value.first : (value.isEmpty ? nil : "?")
  }

  static func isComment(_ line: String) -> Bool { trimLeadingSpace(line).hasPrefix("#") }

  static func trimLeadingSpace(_ text: String) -> String {
    String(text.drop(while: { $0.isWhitespace }))
  }

  /// Removes a final escape character (and the blanks after it): the line continues.
  private static func trimContinuation(_ line: String, escape: Character) -> (String, Bool) {
    var text = Substring(line)
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    guard text.last == escape else { return (line, true) }
    return (String(text.dropLast()), false)
  }

  /// splitCommand + the keyword's line parser.
  private static func node(from line: String, startLine: Int, escape: Character) throws(DockerfileError)
    -> DockerfileNode
  {
    let trimmed = trimLeadingSpace(line).trimmingTrailingSpace
    let keyword = String(trimmed.prefix(while: { !$0.isWhitespace }))
    let afterKeyword = trimLeadingSpace(String(trimmed.dropFirst(keyword.count)))
    let (flags, rest) = extractFlags(afterKeyword)
    var node = DockerfileNode(
      keyword: keyword, original: trimmed, line: startLine, flags: flags, arguments: [], json: false, pairs: [])
    switch keyword.lowercased() {
    case "run", "cmd", "entrypoint", "shell":
      (node.arguments, node.json) = try maybeJSON(rest)
    case "add", "copy", "volume":
      (node.arguments, node.json) = try maybeJSONToList(rest)
    case "env", "label":
      node.pairs = try nameValues(rest, key: keyword.lowercased() == "env" ? "ENV" : "LABEL", escape: escape)
    case "arg":
      node.arguments = words(rest, escape: escape)
    case "from", "expose":
      node.arguments = whitespaceSplit(rest)
    case "healthcheck":
      // parseHealthConfig: the type word, then the command (JSON or not).
      let type = String(rest.prefix(while: { !$0.isWhitespace }))
      guard !type.isEmpty else { break }
      let command: [String]
      (command, node.json) = try maybeJSON(trimLeadingSpace(String(rest.dropFirst(type.count))))
      node.arguments = [type] + command
    case "onbuild":
      // parseSubCommand: the trigger is parsed as a line of its own (its errors are this line's).
      guard !rest.isEmpty else { break }
      let trigger = try self.node(from: rest, startLine: startLine, escape: escape)
      node.arguments = [trigger.keyword.lowercased(), trigger.original]
    default:
      node.arguments = rest.isEmpty ? [] : [rest]
    }
    return node
  }

  /// extractBuilderFlags: leading `--name=value` words.
  private static func extractFlags(_ text: String) -> ([String], String) {
    var flags: [String] = []
    var rest = Substring(text)
    while rest.hasPrefix("--") {
      let word = rest.prefix(while: { !$0.isWhitespace })
      if word == "--" {
        rest = rest.dropFirst(2).drop(while: { $0.isWhitespace })
        break
      }
      flags.append(String(word))
      rest = rest.dropFirst(word.count).drop(while: { $0.isWhitespace })
    }
    return (flags, String(rest))
  }

  private static func whitespaceSplit(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
  }

  /// parseJSON: a JSON array of strings, or nil when the text is not a JSON array.
  private static func json(_ text: String) throws(DockerfileError) -> [String]? {
    let trimmed = trimLeadingSpace(text)
    guard trimmed.hasPrefix("["), let value = try? JSONValue(parsing: trimmed), case .array(let items) = value else {
      return nil
    }
    var strings: [String] = []
    for item in items {
      guard case .string(let string) = item else {
        throw DockerfileError("when using JSON array syntax, arrays must be comprised of strings only")
      }
      strings.append(string)
    }
    return strings
  }

  private static func maybeJSON(_ text: String) throws(DockerfileError) -> ([String], Bool) {
    if text.isEmpty { return ([], false) }
    if let list = try json(text) { return (list, true) }
    return ([text], false)
  }

  private static func maybeJSONToList(_ text: String) throws(DockerfileError) -> ([String], Bool) {
    if let list = try json(text) { return (list, true) }
    return (whitespaceSplit(text), false)
  }

  /// parseNameVal: `NAME value` (legacy) or `NAME=value NAME2="v 2"`.
  private static func nameValues(_ text: String, key: String, escape: Character) throws(DockerfileError)
    -> [DockerfilePair]
  {
    let split = words(text, escape: escape)
    guard let first = split.first else { return [] }
    if !first.contains("=") {
      let name = String(text.prefix(while: { !$0.isWhitespace }))
      let value = trimLeadingSpace(String(text.dropFirst(name.count)))
      guard !value.isEmpty else { throw DockerfileError("\(key) must have two arguments") }
      return [DockerfilePair(name: name, value: value)]
    }
    var pairs: [DockerfilePair] = []
    for word in split {
      guard let equals = word.firstIndex(of: "=") else {
        throw DockerfileError(
          "Syntax error - can't find = in \(GoQuote.quote(word)). Must be of the form: name=value")
      }
      pairs.append(DockerfilePair(name: String(word[..<equals]), value: String(word[word.index(after: equals)...])))
    }
    return pairs
  }

  /// parseWords: whitespace-separated words; quotes and escapes are kept for the
  /// variable expansion that follows.
  static func words(_ text: String, escape: Character) -> [String] {
    var result: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var blankOK = false
    var characters = Array(text)[...]
    while let ch = characters.popFirst() {
      if let open = quote {
        if ch == open { quote = nil }
        if ch == escape && open != "'" {
          guard let next = characters.popFirst() else { continue }
          current.append(ch)
          current.append(next)
          continue
        }
        current.append(ch)
        continue
      }
      if ch.isWhitespace {
        if inWord && (blankOK || !current.isEmpty) { result.append(current) }
        current = ""
        inWord = false
        blankOK = false
        continue
      }
      inWord = true
      if ch == "'" || ch == "\"" {
        quote = ch
        blankOK = true
      }
      if ch == escape {
        guard let next = characters.popFirst() else { continue }
        current.append(ch)
        current.append(next)
        continue
      }
      current.append(ch)
    }
    if inWord && (blankOK || !current.isEmpty) { result.append(current) }
    return result
  }
}

extension String {
  var trimmingTrailingSpace: String {
    var text = Substring(self)
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return String(text)
  }
}
