/// Reads shell input into a `Script`, the way bash 5.2 splits and quotes it.
///
/// The parser works on Unicode scalars, not Characters: a combining mark after a
/// quote must not glue itself onto the quote and hide it.
struct Parser {
  /// Why input could not be parsed. Each case is one of bash's messages.
  enum Failure: Error, Hashable {
    /// An open quote, `${`, `$(` or backquote at the end of the input.
    case unmatched(Character)
    /// The input ends where a command must follow (`a |`, `a &&`).
    case endOfFile
    /// A token where none may stand (`| a`, `a ;; b`).
    case unexpectedToken(String)
    /// The input ends inside a compound command that still wants `word` (`fi`, `done`, ...).
    case endOfFileExpecting(String)
    /// `token` where a compound command wants `word` (`if true; fi`); `isWord` when the
    /// token is an ordinary word (dash then says "word unexpected").
    case unexpectedWhileExpecting(String, expecting: String, isWord: Bool)
    /// An ordinary word where none may stand (`esac b`): dash says only "word unexpected".
    case unexpectedWord(String)
    /// `case` at the end of the input, where the grammar wants a word.
    case endOfFileExpectingWord
    /// dash: a function name that is not a name (`f-g() ...`); bash accepts those.
    case badFunctionName
    /// dash: a redirection it does not have (`<<<`).
    case redirectionUnexpected

    /// What bash prints after `bash: `.
    var message: String {
      switch self {
      case .unmatched(let c): return "unexpected EOF while looking for matching `\(c)'"
      case .endOfFile, .endOfFileExpecting: return "syntax error: unexpected end of file"
      case .unexpectedToken(let t), .unexpectedWhileExpecting(let t, _, _), .unexpectedWord(let t):
        return "syntax error near unexpected token `\(t)'"
      case .endOfFileExpectingWord: return "syntax error near unexpected token `newline'"
      case .badFunctionName: return "syntax error: bad function name"
      case .redirectionUnexpected: return "syntax error near unexpected token `<'"
      }
    }

    /// What dash prints after `sh: LINE: `.
    var dashMessage: String {
      switch self {
      case .unmatched("`"): return "Syntax error: EOF in backquote substitution"
      case .unmatched("}"): return "Syntax error: Missing '}'"
      case .unmatched(")"): return "Syntax error: end of file unexpected (expecting \")\")"
      case .unmatched: return "Syntax error: Unterminated quoted string"
      case .endOfFile: return "Syntax error: end of file unexpected"
      case .endOfFileExpecting(let word): return "Syntax error: end of file unexpected (expecting \"\(word)\")"
      case .unexpectedToken(let t): return "Syntax error: \(Self.dashToken(t)) unexpected"
      case .unexpectedWhileExpecting(let t, let word, let isWord):
        return "Syntax error: \(isWord ? "word" : Self.dashToken(t)) unexpected (expecting \"\(word)\")"
      case .unexpectedWord: return "Syntax error: word unexpected"
      case .endOfFileExpectingWord: return "Syntax error: end of file unexpected (expecting word)"
      case .badFunctionName: return "Syntax error: Bad function name"
      case .redirectionUnexpected: return "Syntax error: redirection unexpected"
      }
    }

    private static func dashToken(_ token: String) -> String { token == "newline" ? token : "\"\(token)\"" }

    var isEndOfFile: Bool {
      switch self {
      case .endOfFile, .endOfFileExpecting: return true
      default: return false
      }
    }

    /// More lines could complete the input (the REPL asks with `> `).
    var wantsMoreInput: Bool {
      switch self {
      case .unmatched, .endOfFile, .endOfFileExpecting: return true
      case .unexpectedToken, .unexpectedWhileExpecting, .unexpectedWord, .endOfFileExpectingWord, .badFunctionName,
        .redirectionUnexpected:
        return false
      }
    }
  }

  /// A parsed input and what bash would say about it while reading.
  struct Result: Sendable {
    var script: Script
    var hereDocuments: [HereDocument]
    /// `here-document at line 1 delimited by end-of-file (wanted `EOF')`.
    var warnings: [String]
    /// The input ended inside a here-document or after a backslash.
    var wantsMoreInput: Bool
  }

  private struct PendingHereDocument {
    var index: Int
    var delimiter: String
    var stripsTabs: Bool
    var line: Int
  }

  private let text: [Unicode.Scalar]
  /// dash's grammar (`sh`): no `function` keyword, no `;&`/`;;&`, any command as a function body.
  private let posix: Bool
  private var index = 0
  private var line = 1
  private var hereDocuments: [HereDocument] = []
  private var pending: [PendingHereDocument] = []
  private var warnings: [String] = []
  private var wantsMoreInput = false
  /// Nesting of `$(`; deep nesting is refused rather than overflowing the stack.
  private var depth = 0
  private static let maximumDepth = 64

  init(_ text: String, posix: Bool = false) {
    self.text = Array(text.unicodeScalars)
    self.posix = posix
  }

  /// The line the parser had reached when `text` failed to parse (for dash's messages).
  static func failureLine(_ text: String, posix: Bool = false) -> Int {
    var parser = Parser(text, posix: posix)
    do {
      _ = try parser.parseScript(until: nil)
    } catch {
      return parser.line
    }
    return parser.line
  }

  static func parse(_ text: String, posix: Bool = false) -> Swift.Result<Result, Failure> {
    var parser = Parser(text, posix: posix)
    do {
      let script = try parser.parseScript(until: nil)
      parser.finishPendingHereDocuments()
      return .success(
        Result(
          script: script, hereDocuments: parser.hereDocuments, warnings: parser.warnings,
          wantsMoreInput: parser.wantsMoreInput))
    } catch {
      return .failure(error)
    }
  }

  // MARK: Lists

  /// Lists up to `terminator` (the `)` of `$(` or of a subshell), one of `closers` (the
  /// reserved words that end a compound command's part, left unread) or the end;
  /// `expecting` names what a compound command still wants there.
  /// In a `case` item's list (`caseBody`), `;;` (and bash's `;&`, `;;&`) end the list unread.
  private mutating func parseScript(
    until terminator: Unicode.Scalar?, closers: Set<String> = [], expecting: String? = nil, caseBody: Bool = false
  ) throws(Failure) -> Script {
    var script = Script()
    while true {
      skipBlanks()
      guard let c = peek() else {
        if let expecting { throw .endOfFileExpecting(expecting) }
        if terminator != nil { throw .unmatched(")") }
        return script
      }
      if c == terminator { return script }
      if c == "\n" {
        consumeNewline()
        continue
      }
      if let word = reservedWord(), Self.closingWords.contains(word) {
        if closers.contains(word) { return script }
        if let expecting { throw .unexpectedWhileExpecting(word, expecting: expecting, isWord: false) }
        throw .unexpectedToken(word)
      }
      if caseBody, endsCaseItem() { return script }
      if c == ";" || c == "&" || c == "|" || c == ")" { throw .unexpectedToken(operatorText()) }
      script.lists.append(try parseAndOr())
      skipBlanks()
      guard let next = peek() else { continue }
      if next == terminator { return script }
      switch next {
      case "\n": consumeNewline()
      case ";":
        if caseBody, endsCaseItem() { return script }
        if peek(1) == ";" { throw unexpectedAfterCommand(";;", expecting: expecting) }
        index += 1
      case "&":
        index += 1
      default: throw unexpectedAfterCommand(operatorText(), expecting: expecting)
      }
    }
  }

  /// A token that may not follow a command: dash names what the compound command wanted.
  private func unexpectedAfterCommand(_ token: String, expecting: String?) -> Failure {
    guard let expecting else { return .unexpectedToken(token) }
    return .unexpectedWhileExpecting(token, expecting: expecting, isWord: false)
  }

  /// `;;` at the cursor, or bash's `;&` and `;;&`.
  private func endsCaseItem() -> Bool {
    guard peek() == ";" else { return false }
    return peek(1) == ";" || (!posix && peek(1) == "&")
  }

  // MARK: Compound commands

  static let closingWords: Set<String> = ["then", "elif", "else", "fi", "do", "done", "}", "esac"]
  private static let reservedWords: Set<String> = closingWords.union([
    "if", "for", "in", "while", "until", "{", "case", "function",
  ])
  /// The words that open a compound command (a function's body must be one).
  private static let compoundWords: Set<String> = ["if", "for", "while", "until", "{", "case"]

  /// The reserved word at the cursor, if the next word is one (unquoted, whole).
  private func reservedWord() -> String? {
    var cursor = index
    var word = ""
    while cursor < text.count, !" \t\n;&|<>()".unicodeScalars.contains(text[cursor]) {
      word.unicodeScalars.append(text[cursor])
      cursor += 1
      if word.unicodeScalars.count > 8 { return nil }
    }
    return Self.reservedWords.contains(word) ? word : nil
  }

  private mutating func consume(_ word: String) { index += word.unicodeScalars.count }

  /// A part of a compound command up to one of `closers`, which must not be empty.
  private mutating func parseClause(closers: Set<String>, expecting: String) throws(Failure) -> Script {
    let script = try parseScript(until: nil, closers: closers, expecting: expecting)
    if script.lists.isEmpty { throw .unexpectedToken(reservedWord() ?? operatorText()) }
    return script
  }

  private mutating func parseCompound(_ word: String?) throws(Failure) -> CompoundCommand {
    depth += 1
    defer { depth -= 1 }
    guard depth < Self.maximumDepth else { throw .unexpectedToken(word ?? "(") }
    switch word {
    case "if": return try parseIf()
    case "for": return try parseFor()
    case "case": return try parseCase()
    case "while", "until":
      consume(word!)
      let condition = try parseClause(closers: ["do"], expecting: "do")
      consume("do")
      let body = try parseClause(closers: ["done"], expecting: "done")
      consume("done")
      return .loop(condition: condition, body: body, until: word == "until")
    case "{":
      consume("{")
      let body = try parseClause(closers: ["}"], expecting: "}")
      consume("}")
      return .group(body)
    default:
      index += 1
      let body = try parseScript(until: ")", expecting: ")")
      if body.lists.isEmpty { throw .unexpectedToken(")") }
      index += 1
      return .subshell(body)
    }
  }

  private mutating func parseIf() throws(Failure) -> CompoundCommand {
    consume("if")
    var branches: [IfBranch] = []
    while true {
      let condition = try parseClause(closers: ["then"], expecting: "then")
      consume("then")
      let body = try parseClause(closers: ["elif", "else", "fi"], expecting: "fi")
      branches.append(IfBranch(condition: condition, body: body))
      let word = reservedWord()!
      consume(word)
      switch word {
      case "elif": continue
      case "else":
        let otherwise = try parseClause(closers: ["fi"], expecting: "fi")
        consume("fi")
        return .ifClause(branches: branches, otherwise: otherwise)
      default: return .ifClause(branches: branches, otherwise: nil)
      }
    }
  }

  /// `for NAME [in WORD...] ; do LIST ; done` (newlines allowed where `;` is).
  private mutating func parseFor() throws(Failure) -> CompoundCommand {
    consume("for")
    skipBlanks()
    guard let c = peek() else { throw .endOfFile }
    if "\n;&|<>()".unicodeScalars.contains(c) { throw .unexpectedToken(operatorText()) }
    let name = try parseWord().source
    try skipSeparatorsBeforeDo(allowSemicolon: false)
    var items: [Word]? = nil
    if reservedWord() == "in" {
      consume("in")
      var words: [Word] = []
      while true {
        skipBlanks()
        guard let c = peek() else { throw .endOfFileExpecting("do") }
        if c == ";" || c == "\n" { break }
        if "&|<>()".unicodeScalars.contains(c) { throw .unexpectedToken(operatorText()) }
        words.append(try parseWord())
      }
      items = words
    }
    try skipSeparatorsBeforeDo(allowSemicolon: true)
    guard reservedWord() == "do" else {
      guard peek() != nil else { throw .endOfFileExpecting("do") }
      let word = reservedWord()
      let token = word ?? (isWordEnd(peek()) ? operatorText() : nextWordText())
      throw .unexpectedWhileExpecting(token, expecting: "do", isWord: word == nil && !isWordEnd(peek()))
    }
    consume("do")
    let body = try parseClause(closers: ["done"], expecting: "done")
    consume("done")
    return .forLoop(name: name, items: items, body: body)
  }

  private mutating func skipSeparatorsBeforeDo(allowSemicolon: Bool) throws(Failure) {
    var semicolonSeen = false
    while true {
      skipBlanks()
      if peek() == "\n" {
        consumeNewline()
      } else if allowSemicolon, !semicolonSeen, peek() == ";", peek(1) != ";" {
        semicolonSeen = true
        index += 1
      } else {
        return
      }
    }
  }

  /// `case WORD in [(]pattern[|pattern]) list ;; ... esac` (newlines allowed between the parts).
  private mutating func parseCase() throws(Failure) -> CompoundCommand {
    consume("case")
    skipBlanks()
    guard let c = peek() else { throw .endOfFileExpectingWord }
    if isWordEnd(c) { throw .unexpectedToken(operatorText()) }
    let subject = try parseWord()
    try skipNewlines(orThrow: .endOfFileExpecting("in"))
    guard reservedWord() == "in" else { throw unexpected(expecting: "in") }
    consume("in")
    var items: [CaseItem] = []
    while true {
      try skipNewlines(orThrow: .endOfFileExpecting(")"))
      if reservedWord() == "esac" {
        consume("esac")
        return .caseClause(subject: subject, items: items)
      }
      let patterns = try parseCasePatterns()
      let body = try parseScript(until: nil, closers: ["esac"], expecting: ";;", caseBody: true)
      var terminator = CaseItem.Terminator.stop
      if peek() == ";" {
        if peek(1) == "&" {
          terminator = .fallThrough
          index += 2
        } else if peek(2) == "&", !posix {
          terminator = .testNext
          index += 3
        } else {
          index += 2
        }
      }
      items.append(CaseItem(patterns: patterns, body: body, terminator: terminator))
    }
  }

  /// `[(]pattern[|pattern]...)`, the cursor left after the `)`.
  private mutating func parseCasePatterns() throws(Failure) -> [Word] {
    if peek() == "(" { index += 1 }
    var patterns: [Word] = []
    while true {
      skipBlanks()
      guard let c = peek() else { throw .endOfFileExpecting(")") }
      // dash calls any token here a word it did not expect.
      if isWordEnd(c) { throw .unexpectedWhileExpecting(operatorText(), expecting: ")", isWord: true) }
      patterns.append(try parseWord())
      skipBlanks()
      switch peek() {
      case "|": index += 1
      case ")":
        index += 1
        return patterns
      case nil: throw .endOfFileExpecting(")")
      default: throw unexpected(expecting: ")", anyTokenIsWord: true)
      }
    }
  }

  /// Skips blanks and newlines; at the end of the input throws `failure`.
  private mutating func skipNewlines(orThrow failure: Failure) throws(Failure) {
    while true {
      skipBlanks()
      guard let c = peek() else { throw failure }
      guard c == "\n" else { return }
      consumeNewline()
    }
  }

  /// The token at the cursor where the grammar wants `expecting`.
  private func unexpected(expecting: String, anyTokenIsWord: Bool = false) -> Failure {
    let isWord = !isWordEnd(peek())
    let token = reservedWord() ?? (isWord ? nextWordText() : operatorText())
    return .unexpectedWhileExpecting(token, expecting: expecting, isWord: isWord || anyTokenIsWord)
  }

  /// Whether the cursor is at `NAME (`, the start of a function definition.
  private func functionNameAhead() -> Bool {
    let name = nextWordText()
    guard !name.isEmpty, !name.unicodeScalars.contains(where: { "'\"\\$`=".unicodeScalars.contains($0) }) else {
      return false
    }
    var cursor = index + name.unicodeScalars.count
    while cursor < text.count, text[cursor] == " " || text[cursor] == "\t" { cursor += 1 }
    return cursor < text.count && text[cursor] == "("
  }

  /// `NAME () body` or bash's `function NAME [()] body`; the body is a compound command
  /// (dash takes any command).
  private mutating func parseFunction(keyword: Bool) throws(Failure) -> FunctionDefinition {
    if keyword {
      consume("function")
      skipBlanks()
      guard !isWordEnd(peek()) else { throw .unexpectedToken(operatorText()) }
    }
    let name = nextWordText()
    consume(name)
    skipBlanks()
    if peek() == "(" || !keyword {
      index += 1
      skipBlanks()
      guard peek() == ")" else {
        guard peek() != nil else { throw .endOfFile }
        throw unexpected(expecting: ")")
      }
      index += 1
    }
    if posix, !Self.isName(name) { throw .badFunctionName }
    try skipNewlines(orThrow: .endOfFile)
    let word = reservedWord()
    if peek() == "(" || word.map(Self.compoundWords.contains) == true {
      let body = try parseCompound(word)
      return FunctionDefinition(name: name, body: body, redirections: try parseCompoundRedirections())
    }
    guard posix, word.map(Self.closingWords.contains) != true else {
      throw .unexpectedToken(word ?? (isWordEnd(peek()) ? operatorText() : nextWordText()))
    }
    let command = try parseCommand()
    let body = Script(lists: [AndOrList(first: Pipeline(commands: [command]))])
    return FunctionDefinition(name: name, body: .group(body), redirections: [])
  }

  /// The ordinary word at the cursor, for a message.
  private func nextWordText() -> String {
    var cursor = index
    var word = ""
    while cursor < text.count, !" \t\n;&|<>()".unicodeScalars.contains(text[cursor]) {
      word.unicodeScalars.append(text[cursor])
      cursor += 1
    }
    return word
  }

  /// Redirections may follow a compound command's closing word; nothing else may.
  private mutating func parseCompoundRedirections() throws(Failure) -> [Redirection] {
    var redirections: [Redirection] = []
    while true {
      skipBlanks()
      if let redirection = try parseRedirectionIfAny() {
        redirections.append(redirection)
        continue
      }
      guard let c = peek(), !"\n;&|)".unicodeScalars.contains(c) else { return redirections }
      throw c == "(" ? .unexpectedToken("(") : .unexpectedWord(nextWordText())
    }
  }

  private mutating func parseAndOr() throws(Failure) -> AndOrList {
    var list = AndOrList(first: try parsePipeline())
    while true {
      skipBlanks()
      let op: AndOrList.Operator
      if peek() == "&", peek(1) == "&" {
        op = .and
      } else if peek() == "|", peek(1) == "|" {
        op = .or
      } else {
        return list
      }
      index += 2
      try skipNewlinesBeforeCommand()
      list.rest.append((op, try parsePipeline()))
    }
  }

  private mutating func parsePipeline() throws(Failure) -> Pipeline {
    var pipeline = Pipeline()
    skipBlanks()
    if peek() == "!", isBlankOrEnd(peek(1)) {
      pipeline.negated = true
      index += 1
    }
    pipeline.commands.append(try parseCommand())
    while true {
      skipBlanks()
      guard peek() == "|", peek(1) != "|" else { return pipeline }
      index += 1
      if peek() == "&" {
        // `a |& b` is `a 2>&1 | b`.
        index += 1
        let last = pipeline.commands.count - 1
        let both = Redirection(fd: 2, op: .duplicate, target: Word(parts: [.literal("1", quoted: false)], source: "1"))
        switch pipeline.commands[last] {
        case .simple(var command):
          command.redirections.append(both)
          pipeline.commands[last] = .simple(command)
        case .compound(let compound, var redirections):
          redirections.append(both)
          pipeline.commands[last] = .compound(compound, redirections: redirections)
        case .function:
          // A definition writes nothing.
          break
        }
      }
      try skipNewlinesBeforeCommand()
      pipeline.commands.append(try parseCommand())
    }
  }

  /// After `|`, `&&` or `||` a command must follow, possibly on a later line.
  private mutating func skipNewlinesBeforeCommand() throws(Failure) {
    while true {
      skipBlanks()
      guard let c = peek() else { throw .endOfFile }
      guard c == "\n" else { return }
      consumeNewline()
    }
  }

  // MARK: Commands

  private mutating func parseCommand() throws(Failure) -> Command {
    skipBlanks()
    let word = reservedWord()
    if let word, Self.closingWords.contains(word) { throw .unexpectedToken(word) }
    if word == "function", !posix { return .function(try parseFunction(keyword: true)) }
    if word == nil || word == "function", functionNameAhead() { return .function(try parseFunction(keyword: false)) }
    if peek() == "(" || (word != nil && word != "in" && word != "function") {
      let compound = try parseCompound(word)
      return .compound(compound, redirections: try parseCompoundRedirections())
    }
    return .simple(try parseSimpleCommand())
  }

  private mutating func parseSimpleCommand() throws(Failure) -> SimpleCommand {
    var command = SimpleCommand()
    command.line = line
    while true {
      skipBlanks()
      guard let c = peek() else { break }
      if c == "\n" || c == ";" || c == "&" && peek(1) != ">" || c == "|" || c == ")" || c == "(" { break }
      if let redirection = try parseRedirectionIfAny() {
        command.redirections.append(redirection)
        continue
      }
      let word = try parseWord()
      if command.words.isEmpty, let assignment = Self.assignment(from: word) {
        command.assignments.append(assignment)
      } else {
        command.words.append(word)
      }
    }
    if command.isEmpty {
      if peek() == nil { throw .endOfFile }
      throw .unexpectedToken(operatorText())
    }
    return command
  }

  /// `NAME=value` before the command name.
  private static func assignment(from word: Word) -> Assignment? {
    guard case .literal(let text, quoted: false)? = word.parts.first, let equals = text.firstIndex(of: "=") else {
      return nil
    }
    let name = String(text[..<equals])
    guard isName(name) else { return nil }
    var value = Word(parts: Array(word.parts.dropFirst()), source: String(word.source.dropFirst(name.count + 1)))
    let rest = String(text[text.index(after: equals)...])
    if !rest.isEmpty { value.parts.insert(.literal(rest, quoted: false), at: 0) }
    return Assignment(name: name, value: value)
  }

  static func isName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || first.isASCIILetter else { return false }
    return text.unicodeScalars.allSatisfy { $0 == "_" || $0.isASCIILetter || $0.isASCIIDigit }
  }

  // MARK: Redirections

  private mutating func parseRedirectionIfAny() throws(Failure) -> Redirection? {
    var cursor = index
    var digits = ""
    while cursor < text.count, text[cursor].isASCIIDigit {
      digits.unicodeScalars.append(text[cursor])
      cursor += 1
    }
    guard cursor < text.count else { return nil }
    let c = text[cursor]
    let both = digits.isEmpty && c == "&" && cursor + 1 < text.count && text[cursor + 1] == ">"
    guard c == "<" || c == ">" || both else { return nil }
    index = cursor
    let fdGiven = Int(digits.prefix(9))
    if both {
      index += 2
      let append = peek() == ">"
      if append { index += 1 }
      return Redirection(fd: 1, op: append ? .appendBoth : .outputBoth, target: try redirectionTarget())
    }
    if c == ">" {
      index += 1
      let fd = fdGiven ?? 1
      switch peek() {
      case ">":
        index += 1
        return Redirection(fd: fd, op: .append, target: try redirectionTarget())
      case "&":
        index += 1
        let target = try redirectionTarget()
        if fdGiven == nil, !target.isDescriptor {
          return Redirection(fd: 1, op: .outputBoth, target: target)
        }
        return Redirection(fd: fd, op: .duplicate, target: target)
      case "|":
        index += 1
        return Redirection(fd: fd, op: .output, target: try redirectionTarget())
      default:
        return Redirection(fd: fd, op: .output, target: try redirectionTarget())
      }
    }
    index += 1
    let fd = fdGiven ?? 0
    switch peek() {
    case "<":
      index += 1
      if peek() == "<" {
        if posix { throw .redirectionUnexpected }
        index += 1
        return Redirection(fd: fd, op: .hereString, target: try redirectionTarget())
      }
      let stripsTabs = peek() == "-"
      if stripsTabs { index += 1 }
      return try hereDocument(fd: fd, stripsTabs: stripsTabs)
    case "&":
      index += 1
      return Redirection(fd: fd, op: .duplicate, target: try redirectionTarget())
    default:
      return Redirection(fd: fd, op: .input, target: try redirectionTarget())
    }
  }

  private mutating func redirectionTarget() throws(Failure) -> Word {
    skipBlanks()
    guard let c = peek() else { throw .unexpectedToken("newline") }
    if "\n;&|<>()".unicodeScalars.contains(c) { throw .unexpectedToken(operatorText()) }
    return try parseWord()
  }

  private mutating func hereDocument(fd: Int, stripsTabs: Bool) throws(Failure) -> Redirection {
    let delimiterWord = try redirectionTarget()
    let quoted = delimiterWord.parts.contains { part in
      if case .literal(_, quoted: true) = part { return true }
      return false
    } || delimiterWord.source.contains("\\") || delimiterWord.source.contains("'") || delimiterWord.source.contains("\"")
    let number = hereDocuments.count
    hereDocuments.append(HereDocument(body: "", expands: !quoted))
    pending.append(
      PendingHereDocument(
        index: number, delimiter: Self.unquotedDelimiter(delimiterWord.source), stripsTabs: stripsTabs, line: line))
    return Redirection(fd: fd, op: .hereDocument(index: number), target: delimiterWord)
  }

  /// The delimiter with quotes removed but `$` left alone, as bash compares it.
  private static func unquotedDelimiter(_ source: String) -> String {
    var out = ""
    var scalars = source.unicodeScalars.makeIterator()
    while let c = scalars.next() {
      switch c {
      case "'", "\"": continue
      case "\\": if let next = scalars.next() { out.unicodeScalars.append(next) }
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// Reads the bodies of the here-documents started on the line just ended.
  private mutating func consumeNewline() {
    index += 1
    line += 1
    let waiting = pending
    pending = []
    for document in waiting { readBody(of: document) }
  }

  private mutating func readBody(of document: PendingHereDocument) {
    var body = ""
    while index < text.count {
      var current = ""
      while index < text.count, text[index] != "\n" {
        current.unicodeScalars.append(text[index])
        index += 1
      }
      let hadNewline = index < text.count
      if hadNewline {
        index += 1
        line += 1
      }
      if document.stripsTabs { current = String(current.drop { $0 == "\t" }) }
      if current == document.delimiter {
        hereDocuments[document.index].body = body
        return
      }
      body += current + "\n"
    }
    hereDocuments[document.index].body = body
    endedEarly(document)
  }

  private mutating func finishPendingHereDocuments() {
    for document in pending { endedEarly(document) }
    pending = []
  }

  private mutating func endedEarly(_ document: PendingHereDocument) {
    warnings.append(
      "warning: here-document at line \(document.line) delimited by end-of-file (wanted `\(document.delimiter)')")
    wantsMoreInput = true
  }

  // MARK: Words

  private mutating func parseWord() throws(Failure) -> Word {
    let start = index
    var builder = WordBuilder()
    loop: while let c = peek() {
      switch c {
      case " ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")":
        break loop
      case "\\":
        if index + 1 >= text.count {
          // A backslash at the very end continues the line; at end of file bash drops it.
          wantsMoreInput = true
          index += 1
        } else if text[index + 1] == "\n" {
          index += 2
          line += 1
        } else {
          builder.append(text[index + 1], quoted: true)
          index += 2
        }
      case "'":
        index += 1
        guard let close = text[index...].firstIndex(of: "'") else { throw .unmatched("'") }
        builder.appendQuoted(text[index..<close])
        line += text[index..<close].filter { $0 == "\n" }.count
        index = close + 1
      case "\"":
        try parseDoubleQuoted(into: &builder)
      case "$":
        try parseDollar(into: &builder, quoted: false)
      case "`":
        try parseBackquote(into: &builder, quoted: false)
      case "~" where builder.isEmpty && (isWordEnd(peek(1)) || peek(1) == "/"):
        builder.add(.tilde)
        index += 1
      default:
        builder.append(c, quoted: false)
        index += 1
      }
    }
    var word = builder.finish()
    word.source = String(String.UnicodeScalarView(text[start..<index]))
    return word
  }

  private mutating func parseDoubleQuoted(into builder: inout WordBuilder) throws(Failure) {
    index += 1
    builder.appendQuoted([])
    while true {
      guard let c = peek() else { throw .unmatched("\"") }
      switch c {
      case "\"":
        index += 1
        return
      case "\\":
        let next = peek(1)
        if next == "\n" {
          index += 2
          line += 1
        } else if let next, "$`\"\\".unicodeScalars.contains(next) {
          builder.append(next, quoted: true)
          index += 2
        } else {
          builder.append("\\", quoted: true)
          index += 1
        }
      case "$":
        try parseDollar(into: &builder, quoted: true)
      case "`":
        try parseBackquote(into: &builder, quoted: true)
      default:
        if c == "\n" { line += 1 }
        builder.append(c, quoted: true)
        index += 1
      }
    }
  }

  private mutating func parseDollar(into builder: inout WordBuilder, quoted: Bool) throws(Failure) {
    guard let next = peek(1) else {
      builder.append("$", quoted: quoted)
      index += 1
      return
    }
    if next == "{" {
      try parseBraced(into: &builder, quoted: quoted)
    } else if next == "(" {
      if peek(2) == "(" {
        try parseArithmetic(into: &builder, quoted: quoted)
        return
      }
      index += 2
      depth += 1
      defer { depth -= 1 }
      guard depth < Self.maximumDepth else { throw .unexpectedToken("(") }
      let script = try parseScript(until: ")")
      guard peek() == ")" else { throw .unmatched(")") }
      index += 1
      builder.add(.command(script, quoted: quoted))
    } else if next == "_" || next.isASCIILetter {
      index += 1
      var name = ""
      while let c = peek(), c == "_" || c.isASCIILetter || c.isASCIIDigit {
        name.unicodeScalars.append(c)
        index += 1
      }
      builder.add(.parameter(name, quoted: quoted))
    } else if next.isASCIIDigit || "?$#!@*-".unicodeScalars.contains(next) {
      index += 2
      builder.add(.parameter(String(Character(next)), quoted: quoted))
    } else {
      builder.append("$", quoted: quoted)
      index += 1
    }
  }

  /// `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${#NAME}`.
  private mutating func parseBraced(into builder: inout WordBuilder, quoted: Bool) throws(Failure) {
    let open = index
    index += 2
    var nesting = 1
    var cursor = index
    while cursor < text.count {
      if text[cursor] == "{" { nesting += 1 }
      if text[cursor] == "}" {
        nesting -= 1
        if nesting == 0 { break }
      }
      cursor += 1
    }
    guard cursor < text.count else { throw .unmatched("}") }
    let inside = String(String.UnicodeScalarView(text[index..<cursor]))
    index = cursor + 1
    let whole = String(String.UnicodeScalarView(text[open..<index]))
    builder.add(Self.bracedParameter(inside, whole: whole, quoted: quoted))
  }

  private static func bracedParameter(_ inside: String, whole: String, quoted: Bool) -> WordPart {
    // `${NAME[subscript]}`: an array element.
    if let bracket = inside.firstIndex(of: "["), inside.hasSuffix("]"), isName(String(inside[..<bracket])) {
      return .parameter(inside, quoted: quoted)
    }
    // `${#NAME}`, `${#1}`, `${#@}`: the length.
    if inside.hasPrefix("#"), inside.count > 1 {
      let name = String(inside.dropFirst())
      if isName(name) || isSpecial(name) || name.allSatisfy({ $0.isASCII && $0.isNumber }) { return .parameter(inside, quoted: quoted) }
      if let bracket = name.firstIndex(of: "["), name.hasSuffix("]"), isName(String(name[..<bracket])) {
        return .parameter(inside, quoted: quoted)
      }
    }
    var rest = Substring(inside)
    let name: String
    if let first = rest.first, first.isASCII, first.isNumber {
      name = String(rest.prefix { $0.isASCII && $0.isNumber })
    } else if let first = rest.first, isSpecial(String(first)) {
      name = String(first)
    } else {
      name = String(rest.prefix { $0 == "_" || $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII })
    }
    rest = rest.dropFirst(name.count)
    guard !name.isEmpty else { return .parameter("!" + whole, quoted: quoted) }
    if rest.isEmpty { return .parameter(name, quoted: quoted) }
    guard let operation = parameterOperation(rest, quoted: quoted) else {
      return .parameter("!" + whole, quoted: quoted)
    }
    return .parameter(name, quoted: quoted, operation: operation)
  }

  private static func isSpecial(_ name: String) -> Bool { ["?", "$", "#", "!", "@", "*", "-"].contains(name) }

  /// The operator after the name in `${NAME...}`; nil when bash calls it a bad substitution.
  private static func parameterOperation(_ text: Substring, quoted: Bool) -> ParameterOperation? {
    func operand(_ t: Substring) -> Word { operandWord(String(t), quoted: quoted) }
    let colon = text.hasPrefix(":")
    let body = colon ? text.dropFirst() : text
    let defaults: [Character: ParameterOperation.Kind] = [
      "-": .useDefault, "=": .assignDefault, "?": .errorIfUnset, "+": .useAlternative,
    ]
    if let first = body.first, let kind = defaults[first] {
      return ParameterOperation(kind: kind, colon: colon, word: operand(body.dropFirst()))
    }
    if colon {
      // `${v:offset}`, `${v:offset:length}`: arithmetic, split at the first `:` outside parentheses.
      var depth = 0
      var split: Substring.Index?
      for i in body.indices {
        if body[i] == "(" { depth += 1 }
        if body[i] == ")" { depth -= 1 }
        if body[i] == ":", depth == 0 {
          split = i
          break
        }
      }
      guard let split else { return ParameterOperation(kind: .substring(offset: String(body), length: nil)) }
      return ParameterOperation(
        kind: .substring(offset: String(body[..<split]), length: String(body[body.index(after: split)...])))
    }
    for (op, kind) in [
      ("%%", ParameterOperation.Kind.removeSuffix(longest: true)), ("%", .removeSuffix(longest: false)),
      ("##", .removePrefix(longest: true)), ("#", .removePrefix(longest: false)),
      ("^^", .changeCase(upper: true, all: true)), ("^", .changeCase(upper: true, all: false)),
      (",,", .changeCase(upper: false, all: true)), (",", .changeCase(upper: false, all: false)),
    ] where text.hasPrefix(op) {
      return ParameterOperation(kind: kind, word: operand(text.dropFirst(op.count)))
    }
    guard text.hasPrefix("/") else { return nil }
    var pattern = text.dropFirst()
    var kind = ParameterOperation.Kind.replace(all: false, anchor: nil)
    if pattern.hasPrefix("/") {
      kind = .replace(all: true, anchor: nil)
      pattern = pattern.dropFirst()
    } else if pattern.hasPrefix("#") {
      kind = .replace(all: false, anchor: .start)
      pattern = pattern.dropFirst()
    } else if pattern.hasPrefix("%") {
      kind = .replace(all: false, anchor: .end)
      pattern = pattern.dropFirst()
    }
    // The pattern ends at the first `/` not quoted by a backslash.
    var cut: Substring.Index?
    var i = pattern.startIndex
    while i < pattern.endIndex {
      if pattern[i] == "\\" {
        i = pattern.index(after: i)
        if i < pattern.endIndex { i = pattern.index(after: i) }
        continue
      }
      if pattern[i] == "/" {
        cut = i
        break
      }
      i = pattern.index(after: i)
    }
    guard let cut else { return ParameterOperation(kind: kind, word: operand(pattern), replacement: nil) }
    return ParameterOperation(
      kind: kind, word: operand(pattern[..<cut]), replacement: operand(pattern[pattern.index(after: cut)...]))
  }

  /// The word inside `${NAME-word}`: quotes and expansions as in a word, blanks kept.
  /// Inside double quotes (`quoted`), quotes are plain characters and a backslash
  /// quotes only `$`, backquote, `"` and itself. Unquoted characters stay pattern
  /// characters for `%`, `#` and `/`.
  static func operandWord(_ text: String, quoted: Bool) -> Word {
    var parser = Parser(text)
    var builder = WordBuilder()
    builder.appendQuoted([])
    do {
      while let c = parser.peek() {
        switch c {
        case "\\":
          if let next = parser.peek(1), !quoted || "$`\"\\".unicodeScalars.contains(next) {
            builder.append(next, quoted: true)
            parser.index += 2
          } else {
            builder.append(c, quoted: quoted)
            parser.index += 1
          }
        case "'" where !quoted:
          parser.index += 1
          guard let close = parser.text[parser.index...].firstIndex(of: "'") else { throw Failure.unmatched("'") }
          builder.appendQuoted(parser.text[parser.index..<close])
          parser.index = close + 1
        case "\"" where !quoted: try parser.parseDoubleQuoted(into: &builder)
        case "$": try parser.parseDollar(into: &builder, quoted: quoted)
        case "`": try parser.parseBackquote(into: &builder, quoted: quoted)
        default:
          builder.append(c, quoted: false)
          parser.index += 1
        }
      }
    } catch {
      return Word(parts: [.literal(text, quoted: true)], source: text)
    }
    var word = builder.finish()
    word.source = text
    return word
  }

  /// `$(( ... ))`: kept as text and evaluated when expanded.
  private mutating func parseArithmetic(into builder: inout WordBuilder, quoted: Bool) throws(Failure) {
    index += 3
    var nesting = 0
    var expression = ""
    while true {
      guard let c = peek() else { throw .unmatched(")") }
      if c == ")" && nesting == 0 {
        guard peek(1) == ")" else { throw .unmatched(")") }
        index += 2
        break
      }
      if c == "(" { nesting += 1 }
      if c == ")" { nesting -= 1 }
      expression.unicodeScalars.append(c)
      index += 1
    }
    builder.add(.parameter("((" + expression, quoted: quoted))
  }

  private mutating func parseBackquote(into builder: inout WordBuilder, quoted: Bool) throws(Failure) {
    index += 1
    var inner = ""
    while true {
      guard let c = peek() else { throw .unmatched("`") }
      index += 1
      if c == "`" { break }
      if c == "\\", let next = peek(), "$`\\".unicodeScalars.contains(next) {
        inner.unicodeScalars.append(next)
        index += 1
        continue
      }
      inner.unicodeScalars.append(c)
    }
    depth += 1
    defer { depth -= 1 }
    guard depth < Self.maximumDepth else { throw .unexpectedToken("`") }
    var sub = Parser(inner)
    sub.depth = depth
    sub.line = line
    let script = try sub.parseScript(until: nil)
    builder.add(.command(script, quoted: quoted))
  }

  /// A here-document's body as a word: `$` and backquotes expand, `\\` quotes only
  /// `$`, backquote, `\\` and newline; everything else is literal.
  static func hereDocumentWord(_ body: String) -> Word {
    var parser = Parser(body)
    var builder = WordBuilder()
    builder.appendQuoted([])
    do {
      while let c = parser.peek() {
        switch c {
        case "\\":
          let next = parser.peek(1)
          if next == "\n" {
            parser.index += 2
          } else if let next, "$`\\".unicodeScalars.contains(next) {
            builder.append(next, quoted: true)
            parser.index += 2
          } else {
            builder.append(c, quoted: true)
            parser.index += 1
          }
        case "$": try parser.parseDollar(into: &builder, quoted: true)
        case "`": try parser.parseBackquote(into: &builder, quoted: true)
        default:
          builder.append(c, quoted: true)
          parser.index += 1
        }
      }
    } catch {
      return Word(parts: [.literal(body, quoted: true)], source: body)
    }
    return builder.finish()
  }

  // MARK: Scanning

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let at = index + offset
    return at < text.count ? text[at] : nil
  }

  private func isBlankOrEnd(_ c: Unicode.Scalar?) -> Bool {
    guard let c else { return true }
    return c == " " || c == "\t" || c == "\n"
  }

  private func isWordEnd(_ c: Unicode.Scalar?) -> Bool {
    guard let c else { return true }
    return " \t\n;&|<>()".unicodeScalars.contains(c)
  }

  /// Skips blanks, backslash-newlines and a comment up to (not including) its newline.
  private mutating func skipBlanks() {
    while let c = peek() {
      if c == " " || c == "\t" {
        index += 1
      } else if c == "\\", peek(1) == "\n" {
        index += 2
        line += 1
      } else if c == "#" {
        while let d = peek(), d != "\n" { index += 1 }
      } else {
        return
      }
    }
  }

  /// The operator at the cursor, as bash names it in a syntax error.
  private func operatorText() -> String {
    guard let c = peek() else { return "newline" }
    if c == "\n" { return "newline" }
    let two = peek(1).map { String(Character(c)) + String(Character($0)) } ?? ""
    if ["&&", "||", ";;", "|&", ">>", "<<", "&>", ">&", "<&"].contains(two) { return two }
    return String(Character(c))
  }
}

/// Collects a word's parts, merging adjacent literal text of the same quoting.
/// The literal being built is kept apart so appending a character is O(1).
private struct WordBuilder {
  private var done: [WordPart] = []
  private var pending = ""
  private var pendingQuoted: Bool? = nil

  var isEmpty: Bool { done.isEmpty && pendingQuoted == nil }

  /// Appends a non-literal part (a parameter, a substitution).
  mutating func add(_ part: WordPart) {
    flush()
    done.append(part)
  }

  mutating func append(_ c: Unicode.Scalar, quoted: Bool) {
    if pendingQuoted != quoted { flush() }
    pendingQuoted = quoted
    pending.unicodeScalars.append(c)
  }

  /// Quoted text; an empty run still makes the word exist (`""`).
  mutating func appendQuoted(_ scalars: ArraySlice<Unicode.Scalar>) {
    if pendingQuoted != true { flush() }
    pendingQuoted = true
    pending.unicodeScalars.append(contentsOf: scalars)
  }

  private mutating func flush() {
    guard let quoted = pendingQuoted else { return }
    done.append(.literal(pending, quoted: quoted))
    pending = ""
    pendingQuoted = nil
  }

  private func flushed() -> [WordPart] {
    guard let quoted = pendingQuoted else { return done }
    return done + [.literal(pending, quoted: quoted)]
  }

  func finish() -> Word { Word(parts: flushed()) }
}

extension Unicode.Scalar {
  var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Word {
  /// `1`, `2`, `-`: the target of `>&` is a descriptor rather than a file.
  var isDescriptor: Bool {
    guard parts.count == 1, case .literal(let text, _) = parts[0] else { return false }
    return text == "-" || (!text.isEmpty && text.unicodeScalars.allSatisfy(\.isASCIIDigit))
  }
}
