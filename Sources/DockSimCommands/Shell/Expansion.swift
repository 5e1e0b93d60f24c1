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
    for word in words {
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
      case .parameter(let name, _, let fallback):
        guard let value = parameter(name, fallback: fallback, session: &session, console: &console, status: &status)
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
      case .parameter(let name, let quoted, let fallback):
        guard let value = parameter(name, fallback: fallback, session: &session, console: &console, status: &status)
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
    var fields: [[Piece]] = []
    var current: [Piece] = []
    var started = false
    func split(_ value: String, quoted: Bool) {
      if quoted {
        current.append(Piece(text: value, quoted: true))
        started = true
        return
      }
      let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
      var pieces = value.split(omittingEmptySubsequences: true, whereSeparator: isBlank).map(String.init)
      if let first = value.first, isBlank(first), started || !current.isEmpty {
        fields.append(current)
        current = []
        started = false
      }
      let endsBlank = value.last.map(isBlank) ?? false
      guard !pieces.isEmpty else { return }
      let last = pieces.removeLast()
      for piece in pieces {
        current.append(Piece(text: piece, quoted: false))
        fields.append(current)
        current = []
      }
      current.append(Piece(text: last, quoted: false))
      started = true
      if endsBlank {
        fields.append(current)
        current = []
        started = false
      }
    }
    for part in word.parts {
      switch part {
      case .literal(let text, let quoted):
        current.append(Piece(text: text, quoted: quoted))
        started = true
      case .tilde:
        current.append(Piece(text: session.homeDirectory, quoted: true))
        started = true
      case .parameter(let name, let quoted, let fallback):
        guard let value = parameter(name, fallback: fallback, session: &session, console: &console, status: &status)
        else { return nil }
        split(value, quoted: quoted)
      case .command(let script, let quoted):
        split(substitute(script, session: &session, console: &console, status: &status), quoted: quoted)
      }
    }
    if started || !current.isEmpty { fields.append(current) }
    return fields
  }

  // MARK: Parameters

  /// The value of `$name`; nil after `bad substitution`.
  private mutating func parameter(
    _ name: String, fallback: Word?, session: inout Session, console: inout Console, status: inout Int32?
  ) -> String? {
    if name.hasPrefix("!") {
      console.errorLine(messagePrefix + "\(name.dropFirst()): bad substitution")
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
    if name.hasSuffix("]"), let bracket = name.firstIndex(of: "[") {
      let key = String(name[name.index(after: bracket)..<name.index(before: name.endIndex)])
      return element(String(name[..<bracket]), key, session: session, console: &console)
    }
    if name.hasPrefix("#"), name.count > 1 {
      return String((session.currentShell.environment[String(name.dropFirst())] ?? "").count)
    }
    let colon = name.hasSuffix(":")
    let bare = colon ? String(name.dropLast()) : name
    let value = simpleParameter(bare, session: session)
    if let fallback, value == nil || (colon && value == "") {
      return expandToString(fallback, session: &session, console: &console, status: &status)
    }
    if value == nil, session.currentShell.options.nounset {
      unboundVariable(bare, session: &session, console: &console)
      return nil
    }
    return value ?? ""
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
    let values =
      name == "PIPESTATUS"
      ? session.currentShell.pipeStatus.map(String.init)
      : simpleParameter(name, session: session).map { [$0] } ?? []
    if key == "@" || key == "*" { return values.joined(separator: " ") }
    guard let index = Int(key.trimmingSpaces()), index >= 0, index < values.count else { return "" }
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
    case "-": return "hB"
    case "!": return ""
    case "PIPESTATUS" where !isDash: return String(session.currentShell.pipeStatus.first ?? 0)
    default:
      if let number = Int(name) { return number < positional.count ? positional[number] : nil }
      return session.currentShell.environment[name]
    }
  }

  /// `$((...))`: integers with + - * / % and parentheses; names read variables.
  private func arithmetic(_ expression: String, session: Session, console: inout Console) -> String? {
    var evaluator = Arithmetic(text: expression, variables: session.currentShell.environment)
    switch evaluator.evaluate() {
    case .success(let value): return String(value)
    case .failure(let message):
      console.errorLine(messagePrefix + message)
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
