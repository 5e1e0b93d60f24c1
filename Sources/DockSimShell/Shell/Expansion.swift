import DockSimCore

/// Word expansion: tilde, parameters, command substitution, field splitting,
/// pathname expansion and quote removal, in bash's order.
extension ShellRun {
  /// A piece of an expanded word; quoted text is neither split nor globbed.
  struct Piece {
    var text: String
    var quoted: Bool
  }

  /// Most a `$(...)` may capture, so a runaway command cannot fill memory.
  static let substitutionLimit = 1 << 20

  /// The words as fields (argv); nil after a message when expansion failed.
  mutating func expandArguments(
    _ words: [Word], session: inout Session, console: inout Console, status: inout Int32?
  ) -> [String]? {
    var argv: [String] = []
    let braces = !isDash && session.currentShell.options.has("braceexpand")
    for word in braces ? words.flatMap(BraceExpansion.expand) : words {
      guard let fields = expandFields(word, session: &session, console: &console, status: &status) else { return nil }
      for field in fields { argv.append(contentsOf: glob(field, session: session)) }
    }
    return argv
  }

  /// A word as one string, without splitting or globbing (assignments, here-strings).
  mutating func expandToString(
    _ word: Word, session: inout Session, console: inout Console, status: inout Int32?
  ) -> String? {
    var out = ""
    for part in word.parts {
      switch part {
      case .literal(let text, _): out += text
      case .tilde: out += session.homeDirectory
      case .parameter(let name, let quoted, let operation):
        guard
          let value = parameter(
            name, quoted: quoted, operation: operation, session: &session, console: &console, status: &status)
        else { return nil }
        out += value
      case .command(let script, _):
        out += substitute(script, session: &session, console: &console, status: &status)
      }
    }
    return out
  }

  /// A `case` pattern: expanded like a string, but quoted characters (and characters
  /// from quoted expansions) match only themselves.
  mutating func expandPattern(
    _ word: Word, session: inout Session, console: inout Console, status: inout Int32?
  ) -> GlobPattern? {
    var pattern = ""
    func add(_ text: String, quoted: Bool) {
      guard quoted else { return pattern += text }
      for c in text { pattern += "*?[]\\".contains(c) ? "\\\(c)" : String(c) }
    }
    for part in word.parts {
      switch part {
      case .literal(let text, let quoted): add(text, quoted: quoted)
      case .tilde: add(session.homeDirectory, quoted: true)
      case .parameter(let name, let quoted, let operation):
        guard
          let value = parameter(
            name, quoted: quoted, operation: operation, session: &session, console: &console, status: &status)
        else { return nil }
        add(value, quoted: quoted)
      case .command(let script, let quoted):
        add(substitute(script, session: &session, console: &console, status: &status), quoted: quoted)
      }
    }
    return GlobPattern(pattern)
  }

  /// Fields of one word; each field is a list of pieces (for globbing).
  private mutating func expandFields(
    _ word: Word, session: inout Session, console: inout Console, status: inout Int32?
  ) -> [[Piece]]? {
    var splitter = FieldSplitter(ifs: session.currentShell.environment["IFS"] ?? " \t\n")
    for part in word.parts {
      switch part {
      case .literal(let text, let quoted):
        splitter.add(text, quoted: quoted)
      case .tilde:
        splitter.add(session.homeDirectory, quoted: true)
      case .parameter(let name, let quoted, nil) where listParameter(name, session: session) != nil:
        let (values, isAt) = listParameter(name, session: session)!
        if quoted {
          // `"$@"`: one field per value; `"$*"`: one field, joined by IFS's first character.
          if isAt { splitter.addFields(values) } else { splitter.add(values.joined(separator: splitter.joiner), quoted: true) }
        } else {
          splitter.addSplitFields(values)
        }
      case .parameter(let name, let quoted, let operation):
        guard
          let value = parameter(
            name, quoted: quoted, operation: operation, session: &session, console: &console, status: &status)
        else { return nil }
        splitter.add(value, quoted: quoted, splits: !quoted)
      case .command(let script, let quoted):
        splitter.add(
          substitute(script, session: &session, console: &console, status: &status), quoted: quoted, splits: !quoted)
      }
    }
    return splitter.finish()
  }

  // MARK: Parameters

  /// `$@`, `$*`, `${NAME[@]}`, `${NAME[*]}`: the values, and whether they are `@` (one
  /// field each when quoted) rather than `*` (joined when quoted). nil for other names.
  private func listParameter(_ name: String, session: Session) -> (values: [String], isAt: Bool)? {
    if name == "@" || name == "*" { return (Array(positional.dropFirst()), name == "@") }
    guard !isDash, name.hasSuffix("[@]") || name.hasSuffix("[*]") else { return nil }
    let base = String(name.dropLast(3))
    return (arrayValues(base, session: session), name.hasSuffix("[@]"))
  }

  /// An array's values: bash's PIPESTATUS, an array variable, or a plain variable as one element.
  private func arrayValues(_ name: String, session: Session) -> [String] {
    if name == "PIPESTATUS" { return session.currentShell.pipeStatus.map(String.init) }
    return simpleParameter(name, session: session).map { [$0] } ?? []
  }

  /// The value of `$name` after its operation; nil after a message when expansion failed.
  private mutating func parameter(
    _ name: String, quoted: Bool, operation: ParameterOperation?, session: inout Session, console: inout Console,
    status: inout Int32?
  ) -> String? {
    if name.hasPrefix("!") {
      badSubstitution(String(name.dropFirst()), console: &console)
      return nil
    }
    if name.hasPrefix("((") {
      // Parameters and substitutions inside `$(( ))` expand first (`$(( $1 * $(f) ))`).
      let text = String(name.dropFirst(2))
      var expression = text
      if text.contains("$") || text.contains("`") {
        guard
          let expanded = expandToString(
            Parser.hereDocumentWord(text), session: &session, console: &console, status: &status)
        else { return nil }
        expression = expanded
      }
      return arithmetic(expression, session: session, console: &console)
    }
    if name.hasPrefix("#"), name.count > 1 {
      let inner = String(name.dropFirst())
      if let (values, _) = listParameter(inner, session: session) { return String(values.count) }
      guard let value = bracketedOrSimple(inner, session: session, console: &console) else {
        if session.currentShell.options.nounset {
          unboundVariable(inner, session: &session, console: &console)
          return nil
        }
        return "0"
      }
      return String(value.count)
    }
    if let (values, _) = listParameter(name, session: session), operation == nil {
      return values.joined(separator: " ")
    }
    let value = bracketedOrSimple(name, session: session, console: &console)
    if abortStatus != nil { return nil }
    guard let operation else {
      if value == nil, session.currentShell.options.nounset {
        unboundVariable(name, session: &session, console: &console)
        return nil
      }
      return value ?? ""
    }
    return apply(operation, to: value, name: name, session: &session, console: &console, status: &status)
  }

  private mutating func bracketedOrSimple(_ name: String, session: Session, console: inout Console) -> String? {
    if name.hasSuffix("]"), let bracket = name.firstIndex(of: "[") {
      let key = String(name[name.index(after: bracket)..<name.index(before: name.endIndex)])
      return element(String(name[..<bracket]), key, session: session, console: &console)
    }
    if let (values, _) = listParameter(name, session: session) { return values.joined(separator: " ") }
    return simpleParameter(name, session: session)
  }

  /// `${NAME:-word}` and the other operators.
  private mutating func apply(
    _ operation: ParameterOperation, to value: String?, name: String, session: inout Session,
    console: inout Console, status: inout Int32?
  ) -> String? {
    let missing = value == nil || (operation.colon && value == "")
    func operand() -> String? {
      guard let word = operation.word else { return "" }
      return expandToString(word, session: &session, console: &console, status: &status)
    }
    switch operation.kind {
    case .useDefault:
      return missing ? operand() : value
    case .useAlternative:
      return missing ? "" : operand()
    case .assignDefault:
      guard missing else { return value }
      guard let assigned = operand() else { return nil }
      guard Parser.isName(name) else {
        console.errorLine(messagePrefix + (isDash ? "\(name): bad variable name" : "$\(name): cannot assign in this way"))
        abortStatus = isDash ? 2 : 1
        return nil
      }
      session.currentShell.environment[name] = assigned
      return assigned
    case .errorIfUnset:
      guard missing else { return value }
      guard let text = operand() else { return nil }
      let message = text.isEmpty ? (operation.colon ? "parameter null or not set" : "parameter not set") : text
      parameterError(name, message, console: &console)
      return nil
    case .removeSuffix(let longest), .removePrefix(let longest):
      guard let value, !value.isEmpty else { return value ?? "" }
      guard let pattern = operandPattern(operation.word, session: &session, console: &console, status: &status)
      else { return nil }
      if case .removeSuffix = operation.kind { return Self.removeSuffix(pattern, from: value, longest: longest) }
      return Self.removePrefix(pattern, from: value, longest: longest)
    case .replace(let all, let anchor):
      guard !isDash || isAsh else { return badSubstitution(name, console: &console) }
      guard let value else { return "" }
      guard let pattern = operandPattern(operation.word, session: &session, console: &console, status: &status)
      else { return nil }
      var replacement = ""
      if let word = operation.replacement {
        guard let text = expandToString(word, session: &session, console: &console, status: &status)
        else { return nil }
        replacement = text
      }
      return Self.replace(pattern, in: value, with: replacement, all: all, anchor: anchor)
    case .substring(let offsetText, let lengthText):
      guard !isDash || isAsh else { return badSubstitution(name, console: &console) }
      let scalars = Array((value ?? "").unicodeScalars)
      guard let offset = arithmetic(offsetText, session: session, console: &console).flatMap({ Int($0) })
      else { return nil }
      var start = offset < 0 ? scalars.count + offset : offset
      guard start >= 0, start <= scalars.count else { return "" }
      var end = scalars.count
      if let lengthText {
        guard let length = arithmetic(lengthText, session: session, console: &console).flatMap({ Int($0) })
        else { return nil }
        if length < 0 {
          end = scalars.count + length
          guard end >= start else {
            console.errorLine(messagePrefix + "\(length): substring expression < 0")
            abortStatus = isInteractive ? 1 : 1
            return nil
          }
        } else {
          end = min(scalars.count, start + length)
        }
      }
      start = min(start, end)
      return String(String.UnicodeScalarView(scalars[start..<end]))
    case .changeCase(let upper, let all):
      guard !isDash else { return badSubstitution(name, console: &console) }
      guard let value else { return "" }
      let pattern = operation.word.flatMap { word -> GlobPattern? in
        word.parts.isEmpty || word.source.isEmpty
          ? nil : operandPattern(word, session: &session, console: &console, status: &status)
      }
      var out = ""
      for (index, c) in value.enumerated() {
        let applies = (all || index == 0) && (pattern?.matches(String(c)) ?? true)
        out += applies ? (upper ? c.uppercased() : c.lowercased()) : String(c)
      }
      return out
    }
  }

  private mutating func operandPattern(
    _ word: Word?, session: inout Session, console: inout Console, status: inout Int32?
  ) -> GlobPattern? {
    guard let word else { return GlobPattern("") }
    return expandPattern(word, session: &session, console: &console, status: &status)
  }

  private var isInteractive: Bool {
    if case .interactiveBash = dialect { return true }
    return false
  }

  /// `bash: ${x!}: bad substitution`, `sh: 1: Bad substitution`: the command does not run;
  /// a shell that is not interactive exits (bash 1, dash 2).
  @discardableResult
  private mutating func badSubstitution(_ text: String, console: inout Console) -> String? {
    console.errorLine(messagePrefix + (isDash ? "Bad substitution" : "\(text): bad substitution"))
    if isDash { abortStatus = 2 }
    return nil
  }

  /// `${NAME:?message}` for an unset NAME: the command does not run and a shell that is
  /// not interactive exits (bash 127 under `-c`, 1 from a file; dash 2).
  private mutating func parameterError(_ name: String, _ message: String, console: inout Console) {
    console.errorLine(messagePrefix + "\(name): \(message)")
    switch dialect {
    case .interactiveBash: abortStatus = 1
    case .bash(_, file: true): abortStatus = 1
    case .bash, .bashCommand: abortStatus = 127
    case .dash, .ash: abortStatus = 2
    }
  }

  static func removePrefix(_ pattern: GlobPattern, from value: String, longest: Bool) -> String {
    let scalars = Array(value.unicodeScalars)
    let lengths = longest ? Array((0...scalars.count).reversed()) : Array(0...scalars.count)
    for n in lengths where pattern.matches(String(String.UnicodeScalarView(scalars[..<n]))) {
      return String(String.UnicodeScalarView(scalars[n...]))
    }
    return value
  }

  static func removeSuffix(_ pattern: GlobPattern, from value: String, longest: Bool) -> String {
    let scalars = Array(value.unicodeScalars)
    let starts = longest ? Array(0...scalars.count) : Array((0...scalars.count).reversed())
    for n in starts where pattern.matches(String(String.UnicodeScalarView(scalars[n...]))) {
      return String(String.UnicodeScalarView(scalars[..<n]))
    }
    return value
  }

  /// `${v/p/r}`: the longest match at the first place one starts (every place with `//`).
  static func replace(
    _ pattern: GlobPattern, in value: String, with replacement: String, all: Bool, anchor: ParameterOperation.Anchor?
  ) -> String {
    let scalars = Array(value.unicodeScalars)
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
    switch anchor {
    case .start:
      for n in (0...scalars.count).reversed() where pattern.matches(text(0..<n)) {
        return replacement + text(n..<scalars.count)
      }
      return value
    case .end:
      for n in 0...scalars.count where pattern.matches(text(n..<scalars.count)) {
        return text(0..<n) + replacement
      }
      return value
    case nil:
      guard !pattern.elements.isEmpty else { return value }
      var out = ""
      var start = 0
      var replaced = false
      while start < scalars.count {
        if !(replaced && !all), let end = (start + 1...scalars.count).reversed().first(where: {
          pattern.matches(text(start..<$0))
        }) {
          out += replacement
          start = end
          replaced = true
          continue
        }
        out.unicodeScalars.append(scalars[start])
        start += 1
      }
      return out
    }
  }

  /// `${NAME[i]}`, `${NAME[@]}`: bash's PIPESTATUS array; any other variable is an array
  /// of one element. dash has no arrays.
  private mutating func element(_ name: String, _ key: String, session: Session, console: inout Console) -> String? {
    guard !isDash else {
      // An expansion error ends a dash script.
      console.errorLine(messagePrefix + "Bad substitution")
      abortStatus = 2
      return nil
    }
    let values = arrayValues(name, session: session)
    if key == "@" || key == "*" { return values.joined(separator: " ") }
    guard let value = arithmetic(key, session: session, console: &console), var index = Int(value) else { return nil }
    if index < 0 { index += values.count }
    guard index >= 0, index < values.count else { return nil }
    return values[index]
  }

  /// `set -u`: an unset variable is an error that ends a script (bash 127, dash 2) and
  /// abandons the line in an interactive bash (status 1).
  private mutating func unboundVariable(_ name: String, session: inout Session, console: inout Console) {
    console.errorLine(messagePrefix + (isDash ? "\(name): parameter not set" : "\(name): unbound variable"))
    switch dialect {
    case .interactiveBash: abortStatus = 1
    case .bashCommand, .bash: abortStatus = 127
    case .dash, .ash: abortStatus = 2
    }
  }

  private func simpleParameter(_ name: String, session: Session) -> String? {
    switch name {
    case "?": return String(session.currentShell.lastStatus)
    case "$": return "1"
    case "#": return String(max(0, positional.count - 1))
    case "@", "*": return positional.dropFirst().joined(separator: " ")
    case "-": return optionLetters(session)
    case "!": return ""
    case "PIPESTATUS" where !isDash: return String(session.currentShell.pipeStatus.first ?? 0)
    // bash's own read-only variables, never exported.
    case "UID" where !isDash, "EUID" where !isDash:
      return session.currentShell.environment[name] ?? String(session.currentUser.uid)
    case "LINENO": return session.currentShell.environment[name] ?? String(line - lineBase)
    default:
      if let number = Int(name) { return number < positional.count ? positional[number] : nil }
      return session.currentShell.environment[name]
    }
  }

  /// `$-`: the options on, as each shell lists them (bash `hBc` under `-c`, `himBHs` at a
  /// prompt; dash and busybox list theirs in reverse: `smi` at a prompt, nothing under `-c`).
  private func optionLetters(_ session: Session) -> String {
    let options = session.currentShell.options
    let interactive = !isSubshell
    switch dialect {
    case .interactiveBash, .bash, .bashCommand:
      var letters = ""
      for letter in "abefhikmnptuvxBCEHPT" {
        if letter == "i" {
          if interactive { letters.append("i") }
        } else if let name = ShellOptions.bashLetters[letter], options.has(name) {
          letters.append(letter)
        }
      }
      switch dialect {
      case .interactiveBash: return letters + "s"
      case .bash(_, file: true): return letters
      default: return letters + "c"
      }
    case .dash, .ash(_, _):
      var order = Array("efIimnsxvCabu")
      if case .ash(_, file: false) = dialect, isSubshell { order.insert("c", at: 1) }
      var letters = ""
      for letter in order.reversed() {
        if letter == "c" || (letter == "i" && interactive) || (interactive && "sm".contains(letter)) {
          letters.append(letter)
        } else if let name = ShellOptions.dashLetters[letter], options.has(name), !"ism".contains(letter) {
          letters.append(letter)
        }
      }
      return letters
    }
  }

  /// `$((...))`: integers with + - * / % and parentheses; names read variables. An error
  /// ends a shell that is not interactive (bash 1, dash 2), and abandons an interactive line.
  private mutating func arithmetic(_ expression: String, session: Session, console: inout Console) -> String? {
    var evaluator = Arithmetic(text: expression, variables: session.currentShell.environment)
    switch evaluator.evaluate() {
    case .success(let value): return String(value)
    case .failure(let message, let dash):
      if isDash {
        console.errorLine(messagePrefix + "arithmetic expression: " + dash)
        abortStatus = 2
      } else {
        console.errorLine(messagePrefix + message)
        abortStatus = 1
      }
      return nil
    }
  }

  // MARK: Command substitution

  /// Runs `$(...)` in a subshell and returns its output without trailing newlines.
  private mutating func substitute(
    _ script: Script, session: inout Session, console: inout Console, status: inout Int32?
  ) -> String {
    var sub = subshell()
    sub.substitutionDepth += 1
    var traits = console.traits
    traits.stdoutIsTerminal = false
    var capture = console.part(traits: traits)
    let saved = session.currentShell
    let depth = session.shells.count
    let result = sub.run(script, stdin: ShellInput([]), stdinIsTerminal: false, session: &session, console: &capture)
    if session.shells.count == depth {
      session.currentShell = saved
      session.currentShell.lastStatus = result
    }
    status = result
    console.write(bytes: capture.bytes(of: .stderr), to: .stderr)
    var bytes = capture.bytes(of: .stdout)
    if bytes.count > Self.substitutionLimit { bytes = Array(bytes.prefix(Self.substitutionLimit)) }
    while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    bytes.removeAll { $0 == 0 }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: Pathname expansion

  /// The field's matches in the current file system, sorted; the field itself when none match.
  private func glob(_ field: [Piece], session: Session) -> [String] {
    let plain = field.map(\.text).joined()
    let hasPattern = field.contains { !$0.quoted && $0.text.contains { "*?[".contains($0) } }
    guard hasPattern else { return [plain] }
    var pattern = ""
    for piece in field {
      if piece.quoted {
        for c in piece.text { pattern += "*?[]\\".contains(c) ? "\\\(c)" : String(c) }
      } else {
        pattern += piece.text
      }
    }
    let matches = PathnameExpansion.expand(pattern, session: session)
    return matches.isEmpty ? [plain] : matches
  }
}

/// Matches a pattern such as `/etc/*.conf` or `*/bin` against the file system.
enum PathnameExpansion {
  static func expand(_ pattern: String, session: Session) -> [String] {
    var fs = session.filesystem
    let absolute = pattern.hasPrefix("/")
    let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    var candidates: [String] = [absolute ? "/" : ""]
    for (index, component) in components.enumerated() {
      let isLast = index == components.count - 1
      let glob = GlobPattern(component)
      var next: [String] = []
      for base in candidates {
        if !glob.isPattern {
          let path = join(base, unescape(component))
          if isLast ? exists(path, fs: fs, session: session) : isDirectory(path, fs: &fs, session: session) {
            next.append(path)
          }
          continue
        }
        let directory = base.isEmpty ? session.currentShell.cwd : session.absolutePath(base)
        guard let names = try? fs.readdir(directory).map(\.name) else { continue }
        let showsHidden = component.hasPrefix(".")
        for name in names where (showsHidden || !name.hasPrefix(".")) && glob.matches(name) {
          let path = join(base, name)
          if isLast || isDirectory(path, fs: &fs, session: session) { next.append(path) }
        }
      }
      candidates = next
      if candidates.isEmpty { return [] }
    }
    if pattern.hasSuffix("/") { candidates = candidates.map { $0 + "/" } }
    return candidates.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  private static func join(_ base: String, _ name: String) -> String {
    if base.isEmpty { return name }
    return base.hasSuffix("/") ? base + name : base + "/" + name
  }

  private static func unescape(_ text: String) -> String {
    var out = ""
    var escaped = false
    for c in text {
      if c == "\\" && !escaped {
        escaped = true
        continue
      }
      out.append(c)
      escaped = false
    }
    return out
  }

  private static func exists(_ path: String, fs: ContainerFS, session: Session) -> Bool {
    fs.kind(at: session.absolutePath(path)) != nil
  }

  private static func isDirectory(_ path: String, fs: inout ContainerFS, session: Session) -> Bool {
    (try? fs.stat(session.absolutePath(path)))?.kind == .directory
  }
}

/// Collects one word's fields: POSIX field splitting of unquoted expansions by IFS
/// (whitespace runs delimit, each other IFS character delimits a field of its own, so
/// `a::b` with `IFS=:` is `a`, ``, `b`), and `"$@"`'s one field per parameter.
struct FieldSplitter {
  typealias Piece = ShellRun.Piece
  private let white: Set<Character>
  private let other: Set<Character>
  /// What joins `"$*"`: IFS's first character (nothing when IFS is empty).
  let joiner: String
  private var fields: [[Piece]] = []
  private var current: [Piece] = []
  private var started = false
  /// A `"$@"` with no parameters: the word's empty quotes alone make no field.
  private var emptyList = false

  init(ifs: String) {
    white = Set(ifs.filter { " \t\n".contains($0) })
    other = Set(ifs.filter { !" \t\n".contains($0) })
    joiner = ifs.first.map(String.init) ?? ""
  }

  /// Text of the word: literal or quoted as is; an unquoted expansion is split when `splits`.
  mutating func add(_ text: String, quoted: Bool, splits: Bool = false) {
    guard splits, !(white.isEmpty && other.isEmpty) else {
      current.append(Piece(text: text, quoted: quoted))
      started = true
      return
    }
    var run = ""
    var index = text.startIndex
    func isBlank(_ i: String.Index) -> Bool { i < text.endIndex && white.contains(text[i]) }
    while index < text.endIndex {
      let c = text[index]
      guard white.contains(c) || other.contains(c) else {
        run.append(c)
        index = text.index(after: index)
        continue
      }
      if !run.isEmpty {
        current.append(Piece(text: run, quoted: false))
        started = true
        run = ""
      }
      while isBlank(index) { index = text.index(after: index) }
      var hard = false
      if index < text.endIndex, other.contains(text[index]) {
        hard = true
        index = text.index(after: index)
        while isBlank(index) { index = text.index(after: index) }
      }
      if hard || started { closeField() }
    }
    if !run.isEmpty {
      current.append(Piece(text: run, quoted: false))
      started = true
    }
  }

  /// `"$@"`: the first value joins the text before it, the last the text after it.
  mutating func addFields(_ values: [String]) {
    if values.isEmpty { emptyList = true }
    for (index, value) in values.enumerated() {
      if index > 0 { closeField() }
      current.append(Piece(text: value, quoted: true))
      started = true
    }
  }

  /// Unquoted `$@` and `$*`: each value split on its own, never joined with the next.
  mutating func addSplitFields(_ values: [String]) {
    for (index, value) in values.enumerated() {
      if index > 0, started { closeField() }
      if white.isEmpty && other.isEmpty {
        if !value.isEmpty { add(value, quoted: false) }
      } else {
        add(value, quoted: false, splits: true)
      }
    }
  }

  private mutating func closeField() {
    fields.append(current)
    current = []
    started = false
  }

  func finish() -> [[Piece]] {
    if emptyList, fields.isEmpty, current.allSatisfy({ $0.quoted && $0.text.isEmpty }) { return [] }
    var all = fields
    if started || !current.isEmpty { all.append(current) }
    return all
  }
}
