import DockSimTerminal
import Foundation
import Testing

extension PtyTests {
  /// `docksim lesson NAME` in a terminal, driven like a student: Enter, the player's
  /// words, and commands of their own between the steps.
  @Suite struct LessonPlayer {
    static func lesson(language: String) -> String {
      """
      ---
      title: Play test
      lang: \(language)
      ---

      First screen of narration.

      ```docksim
      $ echo one
      one
      ```

      Second screen of narration.

      ```docksim-exercise
      goal: Get the hello-world image.
      check: image hello-world exists
      hint: Pull it.
      solution: docker pull hello-world
      ```

      The end.
      """
    }

    /// A lessons folder holding the test lesson; returns the home and the arguments.
    static func setUp(language: String) throws -> (home: String, arguments: [String]) {
      let home = Binary.temporaryDirectory()
      try FileManager.default.createDirectory(atPath: home + "/lessons/\(language)", withIntermediateDirectories: true)
      try lesson(language: language).write(
        toFile: home + "/lessons/\(language)/01-play.md", atomically: true, encoding: .utf8)
      return (home, ["lesson", "01-play", "--lang", language, "--lessons", home + "/lessons"])
    }

    @Test func aStudentPlaysALesson() throws {
      let (home, arguments) = try Self.setUp(language: "en")
      defer { try? FileManager.default.removeItem(atPath: home) }
      let player = try Session(home: home, arguments: arguments)
      player.type("", thenLastLine: "$")
      #expect(player.screen.lines.prefix(3) == ["Play test", "", "Enter: next step · back · again · undo · help · quit"])
      #expect(player.screen.lines.contains("Teaching commands: layers · whence · trace · tree · explain"))

      // Enter: a screen of narration; Enter: the command typed out; Enter: it runs.
      player.press("\r", until: "First screen of narration.")
      player.type("\r", thenLastLine: "$ echo one")
      player.type("\r", thenLastLine: "$")
      #expect(player.screen.lines.suffix(2).first == "one")

      // The student's own command runs in the lesson's simulator.
      player.type("echo mine\r", thenLastLine: "$")
      #expect(player.screen.lines.suffix(2).first == "mine")

      // `back` undoes the step and types the command again; `again` replays the last step.
      player.type("back\r", thenLastLine: "$ echo one")
      player.type("\r", thenLastLine: "$")
      player.type("again\r", thenLastLines: ["$ again", "$ echo one", "one", "$"])

      // No hint outside an exercise; in one, the hints, then the goal reached by hand.
      player.type("hint\r", thenLastLines: ["$ hint", "No hint here: hints come with exercises.", "$"])
      player.press("\r", until: "Second screen of narration.")
      player.press("\r", until: "★ Get the hello-world image.")
      // Enter in an exercise checks; it never shows or runs the solution.
      player.press("\r", until: "  ✘ there is no image hello-world yet")
      #expect(!player.screen.lines.contains("    docker pull hello-world"))
      player.type("hint\r", thenLastLine: "$")
      #expect(player.screen.lines.contains("💡 Pull it."))
      player.type("docker pull hello-world\r", thenLastLine: "$")
      #expect(player.screen.lines.contains("Status: Downloaded newer image for hello-world:latest"))
      #expect(player.screen.lines.contains("✔"))

      player.press("\r", until: "The end.")
      player.terminal.send("\r")
      #expect(player.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
      #expect(player.screen.lines.contains("End of the lesson. Exercises: 1 of 1 solved by you."))
    }

    @Test func aChineseLessonsPlayerSpeaksChinese() throws {
      let (home, arguments) = try Self.setUp(language: "zh")
      defer { try? FileManager.default.removeItem(atPath: home) }
      let player = try Session(home: home, arguments: arguments)
      player.type("", thenLastLine: "$")
      #expect(player.screen.lines.contains("回车：下一步 · 返回（back）· 重放（again）· 撤销（undo）· 退出（quit）"))
      player.press("提示\r", until: "这里没有提示：提示只在练习中提供。")
      player.terminal.send("退出\r")
      #expect(player.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
      #expect(player.screen.lines.contains("已退出课程，停在第 1 步（共 5 步）。"))
    }

    /// Ctrl-C at the prompt drops the line being typed (the terminal echoes `^C`) and
    /// says how to leave; Enter goes on; a second Ctrl-C in a row leaves with the summary
    /// (status 130), the terminal as it was and the student's commands in the history file.
    @Test func ctrlCAtThePromptOffersToLeaveThenLeaves() throws {
      let (home, arguments) = try Self.setUp(language: "en")
      defer { try? FileManager.default.removeItem(atPath: home) }
      let player = try Session(home: home, arguments: arguments)
      player.type("", thenLastLine: "$")
      player.type("echo mine\r", thenLastLine: "$")
      #expect(player.screen.lines.suffix(2).first == "mine")

      // Wait for the echo: Ctrl-C makes the terminal discard output not yet read.
      player.type("echo half", thenLastLine: "$ echo half")
      player.type("\u{03}", thenLastLines: ["$ echo half^C", Self.offer, "$"])
      // Enter goes on with the lesson.
      player.press("\r", until: "First screen of narration.")
      // A lesson command typed out is cancelled by Ctrl-C, not run; Enter types it again.
      player.type("\r", thenLastLine: "$ echo one")
      player.type("\u{03}", thenLastLines: ["$ echo one^C", "$"])
      player.type("\r", thenLastLine: "$ echo one")
      player.type("\r", thenLastLines: ["$ echo one", "one", "$"])

      player.type("\u{03}", thenLastLines: ["$ ^C", Self.offer, "$"])
      player.terminal.send("\u{03}")
      #expect(player.terminal.waitForExit(timeout: PtyTests.timeout) == 130)
      let screen = player.screen.lines.filter { !$0.isEmpty }
      #expect(screen.suffix(3) == ["$ ^C", "You left the lesson at step 3 of 5.", "Exercises: 0 of 1 solved by you."], "screen:\n\(player.screen.text)")
      let cooked = tcflag_t(ICANON | ECHO | ISIG)
      #expect(player.terminal.localModes.map { $0 & cooked } == cooked)
      let history = try String(contentsOfFile: home + "/state/docksim/history", encoding: .utf8)
      #expect(history == "echo mine\n")
    }

    /// Ctrl-C while a command's output plays cancels the command whole, as in the REPL:
    /// `^C`, the prompt, nothing of the pull kept, `$?` 130; the lesson goes on.
    @Test func ctrlCDuringACommandCancelsIt() throws {
      let (home, arguments) = try Self.setUp(language: "en")
      defer { try? FileManager.default.removeItem(atPath: home) }
      let player = try Session(home: home, arguments: arguments)
      player.type("", thenLastLine: "$")
      // fedora:30's animation takes seconds: long enough to interrupt it in the middle.
      player.send("docker pull fedora:30\r")
      let animating = player.waitFor { $0.lines.contains { $0.contains(": Downloading") } }
      #expect(animating, "screen:\n\(player.screen.text)")
      player.terminal.send("\u{03}")
      #expect(player.waitFor { $0.lastLine == "$" && $0.lines.contains { $0.hasSuffix("^C") } }, "screen:\n\(player.screen.text)")
      #expect(!player.screen.lines.contains("Status: Downloaded newer image for fedora:30"))

      player.type("echo $?\r", thenLastLines: ["$ echo $?", "130", "$"])
      player.type("docker images -q\r", thenLastLines: ["$ docker images -q", "$"])
      player.press("\r", until: "First screen of narration.")
      player.terminal.send("quit\r")
      #expect(player.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
      #expect(player.screen.lines.contains("You left the lesson at step 2 of 5."))
    }

    /// The player edits lines as the REPL does: Up recalls, Tab completes, Chinese edits.
    @Test func theStudentEditsWithHistoryAndCompletion() throws {
      let (home, arguments) = try Self.setUp(language: "en")
      defer { try? FileManager.default.removeItem(atPath: home) }
      let player = try Session(home: home, arguments: arguments)
      player.type("", thenLastLine: "$")
      player.type("echo mine\r", thenLastLines: ["$ echo mine", "mine", "$"])
      player.type("\u{1B}[A", thenLastLine: "$ echo mine")
      // Ctrl-U empties the line (Ctrl-C would too, and offer to leave the lesson).
      player.type("\u{15}", thenLastLine: "$")
      player.type("docker vers\t", thenLastLine: "$ docker version")
      player.type("\u{15}", thenLastLine: "$")
      player.type("echo 你好世界\u{02}\u{7F}", thenLastLine: "$ echo 你好界")
      player.type("\r", thenLastLines: ["$ echo 你好界", "你好界", "$"])
      player.terminal.send("quit\r")
      #expect(player.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
    }

    /// Keys typed while a pull's progress is drawn are not echoed into it: they wait
    /// for the next prompt, where they show as typed, and Enter runs them.
    @Test func typeaheadWaitsForTheNextPrompt() throws {
      let (home, arguments) = try Self.setUp(language: "en")
      defer { try? FileManager.default.removeItem(atPath: home) }
      let player = try Session(home: home, arguments: arguments)
      player.type("", thenLastLine: "$")
      player.send("docker pull fedora:30\r")
      #expect(player.waitFor { $0.lines.contains { $0.contains(": Downloading") } }, "screen:\n\(player.screen.text)")
      player.terminal.send("echo typed\r\r")
      #expect(player.waitFor { $0.lines.contains("typed") && $0.lastLine == "$" }, "screen:\n\(player.screen.text)")
      let lines = player.screen.lines
      let status = try #require(lines.firstIndex(of: "Status: Downloaded newer image for fedora:30"))
      // The progress ends as on a quiet terminal: every layer's last state, then the status.
      #expect(lines[..<status].filter { $0.hasSuffix(": Pull complete") }.count >= 1)
      #expect(!lines[..<status].contains { $0.contains("echo typed") })
      #expect(lines[(status + 1)...].contains("$ echo typed"))
      player.terminal.send("quit\r")
      #expect(player.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
    }

    /// A student who leaves the lesson's container early is told so; the lesson does
    /// not type container commands at the host prompt.
    @Test func leavingTheContainerEarlyIsNoticed() throws {
      let home = Binary.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: home) }
      try FileManager.default.createDirectory(atPath: home + "/lessons/en", withIntermediateDirectories: true)
      try """
        ---
        title: Container test
        lang: en
        ---

        Into a container.

        ```docksim
        $ docker run -it ubuntu bash
        root@000000000000:/# echo inside
        inside
        ```
        """.write(toFile: home + "/lessons/en/01-in.md", atomically: true, encoding: .utf8)
      let player = try Session(home: home, arguments: ["lesson", "01", "--lessons", home + "/lessons"])
      player.type("", thenLastLine: "$")
      player.press("\r", until: "Into a container.")
      player.type("\r", thenLastLine: "$ docker run -it ubuntu bash")
      player.send("\r")
      #expect(player.waitFor { $0.lastLine.hasPrefix("root@") }, "screen:\n\(player.screen.text)")
      player.type("exit\r", thenLastLine: "$")
      player.send("\r")
      #expect(player.waitFor { $0.lines.contains { $0.contains("have left it: you are on the host ($).") } }, "screen:\n\(player.screen.text)")
      #expect(!player.screen.lines.contains("$ echo inside"))
      player.terminal.send("quit\r")
      #expect(player.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
    }

    static let offer = "Press Ctrl-C again (or type quit) to leave the lesson; Enter goes on."
  }
}
