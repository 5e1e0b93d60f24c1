/// The parsed form of a Go template (text/template/parse's nodes, the subset Docker users type).
indirect enum TemplateNode: Sendable {
  case text(String)
  /// `{{pipeline}}`: prints the value unless the pipeline declares variables.
  case action(TemplatePipe)
  case ifNode(TemplatePipe, [TemplateNode], else: [TemplateNode]?)
  case withNode(TemplatePipe, [TemplateNode], else: [TemplateNode]?)
  case rangeNode(TemplatePipe, [TemplateNode], else: [TemplateNode]?)
}

/// `$x := cmd | cmd | cmd`.
struct TemplatePipe: Sendable {
  var position: Int
  var declarations: [String] = []
  var commands: [TemplateCommand] = []

  var text: String {
    let body = commands.map(\.text).joined(separator: " | ")
    return declarations.isEmpty ? body : declarations.joined(separator: ", ") + " := " + body
  }
}

/// One command of a pipeline: a function or field and its arguments.
struct TemplateCommand: Sendable {
  var position: Int
  var operands: [TemplateOperand] = []
  var text: String {
    operands.map { operand in
      if case .pipe = operand.kind { return "(" + operand.text + ")" }
      return operand.text
    }.joined(separator: " ")
  }
}

/// An argument or command word, with where it is (for error context).
struct TemplateOperand: Sendable {
  enum Kind: Sendable {
    case field([String])
    case dot
    case variable(String, fields: [String])
    case string(String)
    case number(Int)
    case bool(Bool)
    case nilValue
    case function(String)
    /// `(pipeline).Field.Field`
    case pipe(TemplatePipe, fields: [String])
  }
  var kind: Kind
  var position: Int
  /// Go's node.String(): what `at <...>` shows.
  var text: String
}

/// Parses tokens into nodes (text/template/parse/parse.go's control flow and messages).
struct TemplateParser {
  var tokens: [TemplateToken]
  var index = 0
  /// The last token read, whose line Go's errors report.
  var current: TemplateToken
  var variables: [String] = ["$"]
  let functions: Set<String>

  init(tokens: [TemplateToken], functions: Set<String>) {
    self.tokens = tokens
    self.functions = functions
    current = tokens[0]
  }

  static func parse(_ text: String, functions: Set<String>) throws(TemplateParseFailure) -> [TemplateNode] {
    var parser = TemplateParser(tokens: TemplateLexer.tokenize(text), functions: functions)
    return try parser.parseTop()
  }

  func fail(_ message: String) -> TemplateParseFailure {
    TemplateParseFailure(line: current.line, message: message)
  }

  mutating func next() throws(TemplateParseFailure) -> TemplateToken {
    let token = tokens[min(index, tokens.count - 1)]
    index += 1
    current = token
    if token.kind == .error { throw TemplateParseFailure(line: token.line, message: token.value) }
    return token
  }

  mutating func backup() { index -= 1 }

  func peek() -> TemplateToken { tokens[min(index, tokens.count - 1)] }

  mutating func nextNonSpace() throws(TemplateParseFailure) -> TemplateToken {
    var token = try next()
    while token.kind == .space { token = try next() }
    return token
  }

  mutating func peekNonSpace() throws(TemplateParseFailure) -> TemplateToken {
    let token = try nextNonSpace()
    backup()
    return token
  }

  /// What ended an item list: `{{end}}` or `{{else}}`.
  enum Terminator { case end, elseClause }

  mutating func parseTop() throws(TemplateParseFailure) -> [TemplateNode] {
    var nodes: [TemplateNode] = []
    while try peekNonSpace().kind != .eof {
      switch try textOrAction() {
      case .node(let node): nodes.append(node)
      case .end: throw fail("unexpected {{end}}")
      case .elseClause: throw fail("unexpected {{else}}")
      }
    }
    return nodes
  }

  enum Item {
    case node(TemplateNode)
    case end
    case elseClause
  }

  mutating func itemList() throws(TemplateParseFailure) -> ([TemplateNode], Terminator) {
    var nodes: [TemplateNode] = []
    while try peekNonSpace().kind != .eof {
      switch try textOrAction() {
      case .node(let node): nodes.append(node)
      case .end: return (nodes, .end)
      case .elseClause: return (nodes, .elseClause)
      }
    }
    throw fail("unexpected EOF")
  }

  mutating func textOrAction() throws(TemplateParseFailure) -> Item {
    let token = try nextNonSpace()
    switch token.kind {
    case .text: return .node(.text(token.value))
    case .leftDelim: return try action()
    default: throw fail("unexpected \(token.described) in input")
    }
  }

  mutating func action() throws(TemplateParseFailure) -> Item {
    let token = try nextNonSpace()
    if token.kind == .keyword {
      switch token.value {
      case "end":
        try expectRightDelim(context: "end")
        return .end
      case "else":
        let following = try peekNonSpace()
        if following.kind == .keyword, following.value == "if" || following.value == "with" { return .elseClause }
        try expectRightDelim(context: "else")
        return .elseClause
      case "if", "with", "range": return .node(try control(token.value))
      default: throw fail("unexpected \(token.described) in command")
      }
    }
    backup()
    let mark = variables.count
    let pipe = try pipeline(context: "command", end: .rightDelim)
    _ = mark
    return .node(.action(pipe))
  }

  mutating func expectRightDelim(context: String) throws(TemplateParseFailure) {
    let token = try nextNonSpace()
    guard token.kind == .rightDelim else { throw fail("unexpected \(token.described) in \(context)") }
  }

  /// `if`/`with`/`range` up to its `{{end}}`, with `{{else}}` and `{{else if}}`.
  mutating func control(_ keyword: String) throws(TemplateParseFailure) -> TemplateNode {
    let mark = variables.count
    defer { variables.removeLast(variables.count - mark) }
    let pipe = try pipeline(context: keyword, end: .rightDelim)
    let (body, terminator) = try itemList()
    var otherwise: [TemplateNode]?
    if terminator == .elseClause {
      let following = peek()
      if following.kind == .keyword, following.value == keyword, keyword == "if" || keyword == "with" {
        _ = try next()
        otherwise = [try control(keyword)]
      } else {
        let (elseBody, elseEnd) = try itemList()
        guard elseEnd == .end else { throw fail("expected end; found {{else}}") }
        otherwise = elseBody
      }
    }
    switch keyword {
    case "if": return .ifNode(pipe, body, else: otherwise)
    case "with": return .withNode(pipe, body, else: otherwise)
    default: return .rangeNode(pipe, body, else: otherwise)
    }
  }

  mutating func pipeline(context: String, end: TemplateToken.Kind) throws(TemplateParseFailure) -> TemplatePipe {
    var pipe = TemplatePipe(position: try peekNonSpace().position)
    try declarations(into: &pipe, context: context)
    while true {
      let token = try nextNonSpace()
      if token.kind == end {
        try check(pipe, context: context)
        return pipe
      }
      switch token.kind {
      case .bool, .char, .dot, .field, .identifier, .number, .nilValue, .rawString, .string, .variable, .leftParen:
        backup()
        pipe.commands.append(try command())
      default:
        throw fail("unexpected \(token.described) in \(context)")
      }
    }
  }

  /// `$x :=` or, in range, `$i, $e :=`.
  mutating func declarations(into pipe: inout TemplatePipe, context: String) throws(TemplateParseFailure) {
    let start = index
    var names: [String] = []
    while try peekNonSpace().kind == .variable {
      let variable = try nextNonSpace()
      let after = try nextNonSpace()
      if after.kind == .declare || after.kind == .assign {
        names.append(variable.value)
        pipe.declarations = names
        variables.append(contentsOf: names)
        return
      }
      if after.kind == .char, after.value == ",", context == "range", names.isEmpty {
        names.append(variable.value)
        continue
      }
      break
    }
    index = start
  }

  func check(_ pipe: TemplatePipe, context: String) throws(TemplateParseFailure) {
    guard !pipe.commands.isEmpty else { throw fail("missing value for \(context)") }
    for (stage, command) in pipe.commands.enumerated().dropFirst() {
      switch command.operands.first?.kind {
      case .bool, .dot, .nilValue, .number, .string:
        throw fail("non executable command in pipeline stage \(stage + 1)")
      default: continue
      }
    }
  }

  mutating func command() throws(TemplateParseFailure) -> TemplateCommand {
    var command = TemplateCommand(position: try peekNonSpace().position)
    loop: while true {
      _ = try peekNonSpace()
      if let operand = try operand() { command.operands.append(operand) }
      let token = try next()
      switch token.kind {
      case .space: continue loop
      case .rightDelim, .rightParen: backup()
      case .pipe: break
      default: throw fail("unexpected \(token.described) in operand")
      }
      break loop
    }
    guard !command.operands.isEmpty else { throw fail("empty command") }
    return command
  }

  /// A term and the field chain after it (`(split .X ".").Foo`, `$v.Name`).
  mutating func operand() throws(TemplateParseFailure) -> TemplateOperand? {
    guard var term = try term() else { return nil }
    var chain: [String] = []
    var chainStart = term.position
    while peek().kind == .field {
      if chain.isEmpty { chainStart = peek().position }
      chain.append(String(try next().value.dropFirst()))
    }
    guard !chain.isEmpty else { return term }
    let suffix = chain.map { "." + $0 }.joined()
    switch term.kind {
    case .field(let fields):
      term = TemplateOperand(kind: .field(fields + chain), position: chainStart, text: term.text + suffix)
    case .variable(let name, let fields):
      term = TemplateOperand(kind: .variable(name, fields: fields + chain), position: chainStart, text: term.text + suffix)
    case .pipe(let pipe, let fields):
      term = TemplateOperand(kind: .pipe(pipe, fields: fields + chain), position: chainStart, text: "(" + term.text + ")" + suffix)
    case .bool, .string, .number, .nilValue, .dot:
      throw fail("unexpected . after term \(GoQuote.quote(term.text))")
    case .function:
      throw fail("unexpected . after term \(GoQuote.quote(term.text))")
    }
    return term
  }

  mutating func term() throws(TemplateParseFailure) -> TemplateOperand? {
    let token = try nextNonSpace()
    let at = token.position
    switch token.kind {
    case .identifier:
      guard functions.contains(token.value) else { throw fail("function \(GoQuote.quote(token.value)) not defined") }
      return TemplateOperand(kind: .function(token.value), position: at, text: token.value)
    case .dot: return TemplateOperand(kind: .dot, position: at, text: ".")
    case .nilValue: return TemplateOperand(kind: .nilValue, position: at, text: "nil")
    case .variable:
      guard variables.contains(token.value) else { throw fail("undefined variable \(GoQuote.quote(token.value))") }
      return TemplateOperand(kind: .variable(token.value, fields: []), position: at, text: token.value)
    case .field:
      return TemplateOperand(kind: .field([String(token.value.dropFirst())]), position: at, text: token.value)
    case .bool: return TemplateOperand(kind: .bool(token.value == "true"), position: at, text: token.value)
    case .number:
      guard let number = Int(token.value) else { throw fail("unsupported number \(token.value)") }
      return TemplateOperand(kind: .number(number), position: at, text: token.value)
    case .string, .rawString:
      return TemplateOperand(kind: .string(try unquote(token)), position: at, text: token.value)
    case .leftParen:
      let pipe = try pipeline(context: "parenthesized pipeline", end: .rightParen)
      return TemplateOperand(kind: .pipe(pipe, fields: []), position: at, text: pipe.text)
    default:
      backup()
      return nil
    }
  }

  /// Go's strconv.Unquote for the escapes templates use.
  func unquote(_ token: TemplateToken) throws(TemplateParseFailure) -> String {
    let body = String(token.value.dropFirst().dropLast())
    if token.kind == .rawString { return body }
    var out = ""
    var scalars = body.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "\\" else {
        out.unicodeScalars.append(scalar)
        continue
      }
      guard let escaped = scalars.next() else { throw fail("invalid syntax") }
      switch escaped {
      case "n": out += "\n"
      case "t": out += "\t"
      case "r": out += "\r"
      case "a": out += "\u{07}"
      case "b": out += "\u{08}"
      case "f": out += "\u{0C}"
      case "v": out += "\u{0B}"
      case "\\": out += "\\"
      case "\"": out += "\""
      case "'": out += "'"
      case "x", "u", "U":
        let count = escaped == "x" ? 2 : (escaped == "u" ? 4 : 8)
        var hex = ""
        for _ in 0..<count { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
        guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else {
          throw fail("invalid syntax")
        }
        out.unicodeScalars.append(decoded)
      default: throw fail("invalid syntax")
      }
    }
    return out
  }
}
