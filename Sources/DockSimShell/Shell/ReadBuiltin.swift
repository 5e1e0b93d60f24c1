import DockSimCore

/// `read [-r] [-p prompt] [name ...]`: one line of standard input split into variables
/// with `IFS`, as bash 5.2 and dash 0.5.12 do it. Status 1 at the end of the input.
struct ReadBuiltin {
  let prefix: String
  let dash: Bool

  init(shell: ShellRun) {
    prefix = shell.messagePrefix
    dash = shell.isDash
  }

  private static let bashUsage =
    "read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]"

  /// One input byte and whether a backslash quoted it (quoted bytes never split fields).
  private struct Unit {
    var byte: UInt8
    var quoted: Bool
  }

  /// `prompts`: standard input is the terminal, where `-p PROMPT` is shown (on stderr).
  func run(
    _ argv: [String], stdin: ShellInput, prompts: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    var raw = false
    var prompt = ""
    var index = 1
    // Options: `-r`, `-s`, `-e` (no terminal here), `-p PROMPT` (shown only when reading a terminal).
    options: while index < argv.count, argv[index].hasPrefix("-"), argv[index] != "-" {
      let option = argv[index]
      index += 1
      if option == "--" { break }
      var letters = Substring(option.dropFirst())
      while let letter = letters.first {
        letters = letters.dropFirst()
        switch letter {
        case "r": raw = true
        case "s" where !dash, "e" where !dash: continue
        case "p":
          if letters.isEmpty {
            guard index < argv.count else { return missingArgument("p", console: &console) }
            prompt = argv[index]
            index += 1
          } else {
            prompt = String(letters)
          }
          continue options
        default: return invalidOption(letter, console: &console)
        }
      }
    }
    let names = Array(argv[index...])
    if names.isEmpty, dash {
      console.errorLine(prefix + "read: arg count")
      return 2
    }
    for name in names where !Parser.isName(name) {
      console.errorLine(prefix + (dash ? "read: \(name): bad variable name" : "read: `\(name)': not a valid identifier"))
      return dash ? 2 : 1
    }
    if prompts { console.write(prompt, to: .stderr) }
    let (line, complete) = readLine(stdin, raw: raw)
    let ifs = Array((session.currentShell.environment["IFS"] ?? " \t\n").utf8)
    let values = names.isEmpty ? [text(line[...])] : split(line, into: names.count, ifs: ifs)
    for (name, value) in zip(names.isEmpty ? ["REPLY"] : names, values) {
      session.currentShell.environment[name] = value
    }
    return complete ? 0 : 1
  }

  /// The next line without its newline; without `-r` a backslash quotes the next byte and
  /// a backslash-newline joins lines. `complete` is false when the input ended first.
  private func readLine(_ stdin: ShellInput, raw: Bool) -> (units: [Unit], complete: Bool) {
    var units: [Unit] = []
    while let byte = stdin.next() {
      if byte == UInt8(ascii: "\n") { return (units, true) }
      if byte == 0 { continue }
      if !raw, byte == UInt8(ascii: "\\") {
        guard let quoted = stdin.next() else { break }
        if quoted != UInt8(ascii: "\n") { units.append(Unit(byte: quoted, quoted: true)) }
        continue
      }
      units.append(Unit(byte: byte, quoted: false))
    }
    return (units, false)
  }

  /// bash's field splitting for `read`: each name but the last takes one field; the last
  /// takes the rest of the line less leading and trailing IFS white space (or, when only
  /// one field is left, that field without its delimiter).
  private func split(_ line: [Unit], into count: Int, ifs: [UInt8]) -> [String] {
    func isSeparator(_ unit: Unit) -> Bool { !unit.quoted && ifs.contains(unit.byte) }
    func isWhite(_ unit: Unit) -> Bool { isSeparator(unit) && (unit.byte == 32 || unit.byte == 9 || unit.byte == 10) }
    var position = 0
    func skipWhite() { while position < line.count, isWhite(line[position]) { position += 1 } }
    /// One field, and the delimiter after it (white space around at most one other separator).
    func field() -> ArraySlice<Unit> {
      let start = position
      while position < line.count, !isSeparator(line[position]) { position += 1 }
      let word = line[start..<position]
      skipWhite()
      if position < line.count, isSeparator(line[position]) {
        position += 1
        skipWhite()
      }
      return word
    }
    var values: [String] = []
    skipWhite()
    for _ in 0..<(count - 1) { values.append(text(field())) }
    let rest = position
    let word = field()
    if position == line.count {
      values.append(text(word))
    } else {
      var end = line.count
      while end > rest, isWhite(line[end - 1]) { end -= 1 }
      values.append(text(line[rest..<end]))
    }
    return values
  }

  private func text(_ units: ArraySlice<Unit>) -> String {
    String(decoding: units.map(\.byte), as: UTF8.self)
  }

  private func invalidOption(_ letter: Character, console: inout Console) -> Int32 {
    optionError(dash: "Illegal option -\(letter)", bash: "-\(letter): invalid option", console: &console)
  }

  private func missingArgument(_ letter: Character, console: inout Console) -> Int32 {
    optionError(dash: "No arg for -\(letter) option", bash: "-\(letter): option requires an argument", console: &console)
  }

  /// dash says it in one line; bash adds its usage line. Both end with status 2.
  private func optionError(dash dashText: String, bash bashText: String, console: inout Console) -> Int32 {
    console.errorLine(prefix + "read: " + (dash ? dashText : bashText))
    if !dash { console.errorLine(Self.bashUsage) }
    return 2
  }
}
