import DockSimTerminal
import Foundation
import Testing

/// The REPL in a real pseudo-terminal: keys go in, the screen comes out. Runs without
/// a terminal of its own (CI has none): the test makes the terminal.
@Suite("REPL in a pseudo-terminal", .serialized) struct PtyTests {
  /// Generous: the machine may be busy building and testing for others.
  static let timeout = 30.0

  final class Session {
    let terminal: PseudoTerminal
    let home: String

    /// The REPL and the lesson player edit in raw mode; keys typed before libedit has
    /// switched to it would be echoed by the terminal as well (it shows its prompt a
    /// moment before), so `type` waits for raw mode first.
    let waitsForRawMode: Bool

    init(home: String, arguments: [String] = []) throws {
      self.home = home
      waitsForRawMode = arguments.isEmpty || arguments.first == "lesson"
      let environment = Binary.environment(home: home, extra: ["TERM": "xterm"])
      terminal = try #require(PseudoTerminal(executable: Binary.path, arguments: arguments, environment: environment))
    }

    var screen: Screen { Screen(terminal.output) }

    /// Waits until the screen shows what `shows` looks for.
    @discardableResult
    func waitFor(_ shows: @escaping (Screen) -> Bool) -> Bool {
      terminal.read(timeout: PtyTests.timeout) { shows(Screen($0)) }
    }

    /// Types keys, then waits for new output after which the last line is `line`
    /// (for a command: its output has come and the next prompt is shown).
    func type(
      _ keys: String, thenLastLine line: String, timeout: Double = PtyTests.timeout,
      sourceLocation: SourceLocation = #_sourceLocation
    ) {
      let before = terminal.output.count
      send(keys)
      let settled = terminal.read(timeout: timeout) { output in
        (output.count > before || keys.isEmpty) && Screen(output).lastLine == line
      }
      #expect(settled, "screen:\n\(screen.text)", sourceLocation: sourceLocation)
    }

    /// Types keys, then waits until the screen ends with `lines` (the last one being
    /// the next prompt). Safer than waiting for a bare prompt where output is typed
    /// out in pieces, as the lesson player does.
    func type(_ keys: String, thenLastLines lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
      let before = terminal.output.count
      send(keys)
      let settled = terminal.read(timeout: PtyTests.timeout) { output in
        output.count > before && Array(Screen(output).lines.suffix(lines.count)) == lines
      }
      #expect(settled, "screen:\n\(screen.text)", sourceLocation: sourceLocation)
    }

    /// Types `keys` at a prompt: once the terminal is in raw mode, for the REPL.
    func send(_ keys: String) {
      if waitsForRawMode && !keys.isEmpty {
        var waited = 0.0
        while waited < PtyTests.timeout, terminal.localModes.map({ $0 & tcflag_t(ICANON) }) != 0 {
          _ = terminal.read(timeout: 0.05) { _ in false }
          waited += 0.05
        }
      }
      terminal.send(keys)
    }

    /// Types `keys`, then waits until the screen has the line `line` and the prompt `$` below it
    /// (Enter in the lesson player: the last line is `$` before and after, so wait for the content).
    func press(_ keys: String, until line: String, sourceLocation: SourceLocation = #_sourceLocation) {
      send(keys)
      let shown = waitFor { $0.lines.contains(line) && $0.lastLine == "$" }
      #expect(shown, "screen:\n\(screen.text)", sourceLocation: sourceLocation)
    }

    /// Types `keys` again every `interval` seconds until the screen shows what `shows`
    /// looks for (or the timeout passes); returns whether it did.
    func repeatUntil(_ keys: String, every interval: Double, _ shows: @escaping (Screen) -> Bool) -> Bool {
      var waited = 0.0
      while waited < PtyTests.timeout {
        terminal.send(keys)
        if terminal.read(timeout: interval, until: { shows(Screen($0)) }) { return true }
        waited += interval
      }
      return false
    }
  }

  @Test func editingHistoryCompletionAndKeys() throws {
    let home = Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let repl = try Session(home: home)
    repl.type("", thenLastLine: "$")

    // A command, and bash's answer to an unknown one.
    repl.type("foo\r", thenLastLine: "$")
    #expect(repl.screen.lines.contains("bash: foo: command not found"))

    // Tab completes a command name.
    repl.type("histo\t", thenLastLine: "$ history")
    repl.type("\r", thenLastLine: "$")
    #expect(repl.screen.lines.contains("    1  foo"))
    #expect(repl.screen.lines.contains("    2  history"))

    // Two Tabs list the candidates; Ctrl-C drops the line.
    repl.type("ec\t", thenLastLine: "$ echo")
    repl.type("\u{03}", thenLastLine: "$")
    #expect(repl.screen.lines.contains("$ echo ^C"))

    // Up recalls the last entry.
    repl.type("\u{1B}[A", thenLastLine: "$ history")
    repl.type("\u{03}", thenLastLine: "$")

    // Chinese text is shown and edited by character: Ctrl-B, then Backspace deletes 世.
    repl.type("echo 你好世界", thenLastLine: "$ echo 你好世界")
    repl.type("\u{02}\u{7F}", thenLastLine: "$ echo 你好界")
    repl.type("\r", thenLastLine: "$")
    #expect(repl.screen.lines.contains("你好界"))

    // A quote left open asks for more lines.
    repl.type("echo \"a\r", thenLastLine: ">")
    repl.type("b\"\r", thenLastLine: "$")
    #expect(repl.screen.lines.suffix(4).contains("a"))

    // Ctrl-D at the host prompt leaves, saying exit as bash does.
    repl.type("true\r", thenLastLine: "$")
    repl.send("\u{04}")
    #expect(repl.terminal.waitForExit(timeout: Self.timeout) == 0)
    #expect(repl.screen.lines.contains("$ exit"))

    // Every executed input is in the history file, oldest first (a Tab-completed
    // word keeps its space, as in bash).
    let history = try String(contentsOfFile: home + "/state/docksim/history", encoding: .utf8)
    #expect(history == "foo\nhistory \necho 你好界\necho \"a\\nb\"\ntrue\n")
  }

  /// Ctrl-D in dash (ubuntu's sh) ends the prompt's line and says nothing, as dash does.
  @Test func ctrlDLeavesDashOnANewLine() throws {
    let home = Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let repl = try Session(home: home)
    repl.type("", thenLastLine: "$")
    repl.type("docker run -it ubuntu sh\r", thenLastLine: "#")
    repl.send("\u{04}")
    repl.type("", thenLastLine: "$")
    #expect(repl.screen.lines.suffix(2).first == "#")
  }

  @Test func historyCarriesOverToTheNextRun() throws {
    let home = Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    try FileManager.default.createDirectory(atPath: home + "/state/docksim", withIntermediateDirectories: true)
    try "echo earlier\n".write(toFile: home + "/state/docksim/history", atomically: true, encoding: .utf8)
    let repl = try Session(home: home)
    repl.type("", thenLastLine: "$")
    repl.type("\u{1B}[A", thenLastLine: "$ echo earlier")
    repl.type("\r", thenLastLine: "$")
    #expect(repl.screen.lines.contains("earlier"))
    repl.send("\u{04}")
    #expect(repl.terminal.waitForExit(timeout: Self.timeout) == 0)
  }

  @Test func doubleTabListsCandidates() throws {
    let home = Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let repl = try Session(home: home)
    repl.type("", thenLastLine: "$")
    // `e` is the start of several commands (echo, exit, export): one Tab adds nothing,
    // the second lists them, and the prompt and line come back below the list.
    repl.type("e\t", thenLastLine: "$ e")
    repl.send("\t")
    let listed = repl.waitFor { screen in
      screen.lines.contains { $0.contains("echo") && $0.contains("exit") && $0.contains("export") }
        && screen.lastLine == "$ e"
    }
    #expect(listed, "screen:\n\(repl.screen.lines.joined(separator: "\n"))")
    repl.type("\u{03}", thenLastLine: "$")
    repl.send("\u{04}")
    #expect(repl.terminal.waitForExit(timeout: Self.timeout) != nil)
  }

  @Test func unwritableHistoryWarnsOnceAndGoesOn() throws {
    let home = Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    // The history's directory is a file, so the history can be neither read nor
    // written: one warning, and the REPL goes on.
    _ = FileManager.default.createFile(atPath: home + "/state", contents: Data("x".utf8))
    let repl = try Session(home: home)
    repl.type("", thenLastLine: "$")
    repl.type("echo one\r", thenLastLine: "$")
    repl.type("echo two\r", thenLastLine: "$")
    let warnings = repl.screen.lines.filter { $0.hasPrefix("docksim: cannot ") }
    #expect(warnings.count == 1)
    #expect(repl.screen.lines.contains("two"))
    repl.send("\u{04}")
    #expect(repl.terminal.waitForExit(timeout: Self.timeout) == 0)
  }
}
