import DockSimCore

/// `set -x`: each command, expanded, on standard error after PS4 (default `+ `), before
/// it runs. bash quotes what the shell would read differently, prints each assignment on
/// its own line, repeats PS4's first character once per `$(...)` level and shows
/// `for`/`case` heads; dash prints the words as they are, assignments first on one line.
extension ShellRun {
  mutating func traceCommand(
    _ argv: [String], assignments: [(String, String)], session: inout Session, console: inout Console
  ) {
    guard session.currentShell.options.xtrace, !argv.isEmpty || !assignments.isEmpty else { return }
    let prefix = tracePrefix(session: &session, console: &console)
    if isDash {
      let words = assignments.map { "\($0.0)=\($0.1)" } + argv
      console.errorLine(prefix + words.joined(separator: " "))
      return
    }
    for (name, value) in assignments { console.errorLine(prefix + name + "=" + Self.traceQuoted(value)) }
    if !argv.isEmpty { console.errorLine(prefix + argv.map(Self.traceQuoted).joined(separator: " ")) }
  }

  /// bash's `+ for NAME in WORDS` (the words as typed), once per round.
  mutating func traceFor(_ name: String, items: [Word]?, session: inout Session, console: inout Console) {
    guard session.currentShell.options.xtrace, !isDash else { return }
    let words = items.map { $0.map(\.source).joined(separator: " ") } ?? "\"$@\""
    console.errorLine(tracePrefix(session: &session, console: &console) + "for \(name) in " + words)
  }

  /// bash's `+ case WORD in`, with the word expanded.
  mutating func traceCase(_ word: String, session: inout Session, console: inout Console) {
    guard session.currentShell.options.xtrace, !isDash else { return }
    console.errorLine(tracePrefix(session: &session, console: &console) + "case \(word) in")
  }

  /// PS4 expanded (it may hold `$VAR`); bash repeats its first character per level.
  private mutating func tracePrefix(session: inout Session, console: inout Console) -> String {
    let text = session.currentShell.environment["PS4"] ?? "+ "
    var status: Int32? = nil
    var ps4 = text
    if text.contains("$") || text.contains("`") {
      // Expanding PS4 must not trace itself.
      let saved = session.currentShell.options
      session.currentShell.options.set("xtrace", false)
      ps4 = expandToString(Parser.hereDocumentWord(text), session: &session, console: &console, status: &status) ?? text
      session.currentShell.options = saved
    }
    guard !isDash, let first = ps4.first, substitutionDepth > 0 else { return ps4 }
    return String(repeating: first, count: substitutionDepth) + ps4
  }

  /// bash's quoting in a trace: `''` for an empty word, single quotes around a word with
  /// a character the shell treats specially (sh_contains_shell_metas), `'\''` inside.
  static func traceQuoted(_ word: String) -> String {
    if word.isEmpty { return "''" }
    guard needsQuotes(word) else { return word }
    if word == "'" { return "\\'" }
    return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
  }

  private static func needsQuotes(_ word: String) -> Bool {
    var previous: Character? = nil
    for c in word {
      switch c {
      case " ", "\t", "\n", "'", "\"", "\\", "|", "&", ";", "(", ")", "<", ">", "!", "{", "}", "*", "[", "?", "]",
        "^", "$", "`":
        return true
      case "~" where previous == nil || previous == "=" || previous == ":":
        return true
      case "#" where previous == nil:
        return true
      default:
        break
      }
      previous = c
    }
    return false
  }
}
