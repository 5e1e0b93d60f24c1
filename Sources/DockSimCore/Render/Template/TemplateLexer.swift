/// The tokens of Go's text/template (`{{` `}}` delimiters), with byte positions and
/// line numbers so that errors read exactly as Go's do.
struct TemplateToken: Equatable {
  enum Kind: Equatable {
    case text, leftDelim, rightDelim, space, identifier, field, dot, variable
    case string, rawString, number, bool, nilValue, char, pipe, leftParen, rightParen
    case declare, assign
    case keyword  // if else end range with define template block break continue
    case eof
    /// A lexing error; the parser reports it when it gets there, as Go's does.
    case error
  }
  var kind: Kind
  /// The token's source text (for text tokens: the text after trimming).
  var value: String
  /// Byte offset in the template.
  var position: Int
  /// 1-based line.
  var line: Int

  /// How Go's parser names the token in `unexpected X in Y` messages.
  var described: String {
    switch kind {
    case .eof: "EOF"
    case .error: value
    case .keyword, .nilValue, .dot: "<\(value)>"
    default:
      // Go: %.10q... for long values, %q otherwise.
      value.unicodeScalars.count > 10
        ? GoQuote.quote(String(String.UnicodeScalarView(value.unicodeScalars.prefix(10)))) + "..."
        : GoQuote.quote(value)
    }
  }
}

/// A template error before execution: Go's `template: :LINE: message`.
struct TemplateParseFailure: Error, Sendable {
  var line: Int
  var message: String
}

/// Splits a template into tokens, following text/template/parse/lex.go.
struct TemplateLexer {
  let bytes: [UInt8]
  var position = 0
  var line = 1
  var tokens: [TemplateToken] = []
  var parenDepth = 0

  static let keywords: Set<String> = [
    "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue",
  ]

  init(_ text: String) { bytes = Array(text.utf8) }

  /// All tokens; a lexing error ends the list as an `.error` token.
  static func tokenize(_ text: String) -> [TemplateToken] {
    var lexer = TemplateLexer(text)
    do {
      try lexer.run()
    } catch {
      lexer.tokens.append(TemplateToken(kind: .error, value: error.message, position: lexer.position, line: error.line))
    }
    return lexer.tokens
  }

  mutating func run() throws(TemplateParseFailure) {
    while position < bytes.count {
      try lexText()
    }
    tokens.append(TemplateToken(kind: .eof, value: "", position: bytes.count, line: line))
  }

  func starts(with text: String, at offset: Int) -> Bool {
    let pattern = Array(text.utf8)
    guard offset + pattern.count <= bytes.count else { return false }
    return Array(bytes[offset..<(offset + pattern.count)]) == pattern
  }

  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

  func string(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

  mutating func emit(_ kind: TemplateToken.Kind, from start: Int, value: String? = nil) {
    let text = value ?? string(start, position)
    tokens.append(TemplateToken(kind: kind, value: text, position: start, line: line))
    line += text.utf8.filter { $0 == 0x0A }.count
  }

  /// Text up to the next `{{`, then the action.
  mutating func lexText() throws(TemplateParseFailure) {
    let start = position
    var delim = position
    while delim < bytes.count, !starts(with: "{{", at: delim) { delim += 1 }
    var end = delim
    let trimsLeft = delim < bytes.count && starts(with: "{{- ", at: delim)
      || (starts(with: "{{-", at: delim) && delim + 3 < bytes.count && Self.isSpace(bytes[delim + 3]))
    if trimsLeft {
      while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
    }
    if end > start {
      position = end
      emit(.text, from: start)
      // The trimmed space still counts for line numbers.
      line += bytes[end..<delim].filter { $0 == 0x0A }.count
    }
    position = delim
    guard delim < bytes.count else { return }
    try lexLeftDelim(trimmed: trimsLeft)
  }

  mutating func lexLeftDelim(trimmed: Bool) throws(TemplateParseFailure) {
    let start = position
    position += trimmed ? 4 : 2
    if starts(with: "/*", at: position) {
      try lexComment()
      return
    }
    tokens.append(TemplateToken(kind: .leftDelim, value: "{{", position: start, line: line))
    parenDepth = 0
    try lexInsideAction()
  }

  mutating func lexComment() throws(TemplateParseFailure) {
    var end = position + 2
    while end < bytes.count, !starts(with: "*/", at: end) { end += 1 }
    guard end < bytes.count else { throw TemplateParseFailure(line: line, message: "unclosed comment") }
    line += bytes[position..<end].filter { $0 == 0x0A }.count
    position = end + 2
    if starts(with: "}}", at: position) {
      position += 2
    } else if starts(with: " -}}", at: position) {
      position += 4
      skipSpaces()
    } else {
      throw TemplateParseFailure(line: line, message: "comment ends before closing delimiter")
    }
  }

  mutating func skipSpaces() {
    while position < bytes.count, Self.isSpace(bytes[position]) {
      if bytes[position] == 0x0A { line += 1 }
      position += 1
    }
  }

  /// Tokens until `}}` (or ` -}}`, which also trims the following text's leading space).
  mutating func lexInsideAction() throws(TemplateParseFailure) {
    while true {
      guard position < bytes.count else { throw TemplateParseFailure(line: line, message: "unclosed action") }
      if starts(with: " -}}", at: position) || starts(with: "}}", at: position) {
        try closeAction()
        return
      }
      try lexActionToken()
    }
  }

  mutating func closeAction() throws(TemplateParseFailure) {
    if parenDepth > 0 { throw TemplateParseFailure(line: line, message: "unclosed left paren") }
    let trims = bytes[position] == 0x20
    let start = position + (trims ? 2 : 0)
    position = start + 2
    tokens.append(TemplateToken(kind: .rightDelim, value: "}}", position: start, line: line))
    if trims { skipSpaces() }
  }

  mutating func lexActionToken() throws(TemplateParseFailure) {
    let start = position
    let byte = bytes[position]
    switch byte {
    case _ where Self.isSpace(byte):
      while position < bytes.count, Self.isSpace(bytes[position]), !starts(with: " -}}", at: position) {
        position += 1
      }
      emit(.space, from: start)
    case UInt8(ascii: "="):
      position += 1
      emit(.assign, from: start)
    case UInt8(ascii: ":"):
      guard starts(with: ":=", at: position) else { throw TemplateParseFailure(line: line, message: "expected :=") }
      position += 2
      emit(.declare, from: start)
    case UInt8(ascii: "|"):
      position += 1
      emit(.pipe, from: start)
    case UInt8(ascii: "\""):
      try lexQuote()
    case UInt8(ascii: "`"):
      try lexRawQuote()
    case UInt8(ascii: "$"):
      position += 1
      lexAlphanumeric()
      emit(.variable, from: start)
    case UInt8(ascii: "."):
      if position + 1 < bytes.count, isDigit(bytes[position + 1]) {
        try lexNumber()
      } else {
        position += 1
        lexAlphanumeric()
        emit(position - start == 1 ? .dot : .field, from: start)
      }
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try lexNumber()
    case UInt8(ascii: "("):
      position += 1
      parenDepth += 1
      emit(.leftParen, from: start)
    case UInt8(ascii: ")"):
      position += 1
      parenDepth -= 1
      if parenDepth < 0 { throw TemplateParseFailure(line: line, message: "unexpected right paren U+0029 ')'") }
      emit(.rightParen, from: start)
    case _ where isAlphanumeric(byte) || byte >= 0x80:
      lexAlphanumeric()
      let word = string(start, position)
      switch word {
      case "true", "false": emit(.bool, from: start)
      case "nil": emit(.nilValue, from: start)
      case _ where Self.keywords.contains(word): emit(.keyword, from: start)
      default: emit(.identifier, from: start)
      }
    case 0x21...0x7E:
      position += 1
      emit(.char, from: start)
    default:
      let scalar = Unicode.Scalar(byte)
      throw TemplateParseFailure(
        line: line,
        message: "unrecognized character in action: U+\(GoQuote.hex(UInt32(byte), digits: 4).uppercased()) \(GoQuote.quote(String(scalar)).replacingQuotes())")
    }
  }

  func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  func isAlphanumeric(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
  }

  mutating func lexAlphanumeric() {
    while position < bytes.count, isAlphanumeric(bytes[position]) || bytes[position] >= 0x80 { position += 1 }
  }

  mutating func lexNumber() throws(TemplateParseFailure) {
    let start = position
    if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
    while position < bytes.count,
      isAlphanumeric(bytes[position]) || bytes[position] == UInt8(ascii: ".")
    {
      position += 1
    }
    let text = string(start, position)
    guard Int(text) != nil || Double(text) != nil else {
      throw TemplateParseFailure(line: line, message: "bad number syntax: \(GoQuote.quote(text))")
    }
    emit(.number, from: start)
  }

  mutating func lexQuote() throws(TemplateParseFailure) {
    let start = position
    position += 1
    while true {
      guard position < bytes.count, bytes[position] != 0x0A else {
        throw TemplateParseFailure(line: line, message: "unterminated quoted string")
      }
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\\") {
        position += 1
      } else if byte == UInt8(ascii: "\"") {
        break
      }
    }
    emit(.string, from: start)
  }

  mutating func lexRawQuote() throws(TemplateParseFailure) {
    let start = position
    position += 1
    while position < bytes.count, bytes[position] != UInt8(ascii: "`") { position += 1 }
    guard position < bytes.count else {
      throw TemplateParseFailure(line: line, message: "unterminated raw quoted string")
    }
    position += 1
    emit(.rawString, from: start)
  }
}

extension String {
  /// `"x"` → `'x'`: Go's %#U shows the character in single quotes.
  func replacingQuotes() -> String {
    guard count >= 2 else { return self }
    return "'" + dropFirst().dropLast() + "'"
  }
}
