import DockSimCore
import DockSimTerminal
import Foundation
import Testing

extension PtyTests {
  /// Ctrl-C during a long command, and the signals that end docksim, as a user meets them.
  @Suite struct Signals {
    /// Ctrl-C in the middle of a pull's animation: `^C` and a new prompt, as bash shows it,
    /// status 130, and nothing of the pull registered (Docker cancels a pull whose client
    /// goes away). A later pull of the same image works.
    @Test func ctrlCDuringAPullLeavesNoImage() throws {
      let home = Binary.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: home) }
      let repl = try Session(home: home)
      repl.type("", thenLastLine: "$")
      // fedora:30's animation takes seconds: long enough to interrupt it in the middle.
      repl.send("docker pull fedora:30\r")
      let animating = repl.waitFor { $0.lines.contains { $0.contains(": Downloading") } }
      #expect(animating, "screen:\n\(repl.screen.text)")
      // Sent at once: the animation is running, the terminal is not at a prompt.
      repl.terminal.send("\u{03}")
      #expect(repl.waitFor { $0.lastLine == "$" }, "screen:\n\(repl.screen.text)")
      let pulled = repl.screen.lines.contains("Status: Downloaded newer image for fedora:30")
      #expect(repl.screen.lines.contains { $0.hasSuffix("^C") } && !pulled, "screen:\n\(repl.screen.text)")

      repl.type("echo $?\r", thenLastLine: "$")
      #expect(repl.screen.lines.suffix(2).first == "130")
      repl.type("docker images -q\r", thenLastLine: "$")
      #expect(repl.screen.lines.suffix(2).first == "$ docker images -q", "screen:\n\(repl.screen.text)")

      repl.type("docker pull hello-world\r", thenLastLine: "$", timeout: PtyTests.timeout * 2)
      #expect(repl.screen.lines.contains("Status: Downloaded newer image for hello-world:latest"))
      repl.send("\u{04}")
      #expect(repl.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
    }

    /// Ctrl-C during `find /` in a container of a large image stops the find (the rest of
    /// the input is abandoned, as bash abandons a list), and the container goes on working.
    @Test func ctrlCStopsABigFind() throws {
      let home = Binary.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: home) }
      let archive = home + "/big.tar"
      try Data(Self.rootFilesystem(directories: 200, filesPerDirectory: 100)).write(to: URL(fileURLWithPath: archive))
      let repl = try Session(home: home)
      repl.type("", thenLastLine: "$")
      repl.type("docker import \(archive) big\r", thenLastLine: "$", timeout: PtyTests.timeout * 4)
      repl.send("docker run -it big bash\r")
      #expect(repl.waitFor { $0.lastLine.hasPrefix("root@") && $0.lastLine.hasSuffix(":/#") })
      let prompt = repl.screen.lastLine

      repl.send("find / ; touch /done\r")
      #expect(repl.waitFor { $0.lines.contains(prompt + " find / ; touch /done") })
      // Ctrl-C lands in the find or in its output (whichever is under way; a fast machine
      // may have finished the walk): either way the input is cancelled whole. The first
      // Ctrl-C may reach the terminal before libedit has handed it back to the command
      // (then it is a key for the next prompt): repeat until the prompt is back.
      let back = repl.repeatUntil("\u{03}", every: 0.25) { $0.lastLine == prompt && $0.lines.contains { $0.hasSuffix("^C") } }
      #expect(back, "screen:\n\(repl.screen.text)")
      let finished = repl.screen.lines.contains("/data/d0199/f099")
      #expect(repl.screen.lines.contains { $0.hasSuffix("^C") } && !finished, "screen:\n\(repl.screen.text)")

      repl.type("ls /done\r", thenLastLine: prompt)
      #expect(repl.screen.lines.suffix(2).first == "ls: cannot access '/done': No such file or directory")
      repl.type("find /data/d0007 -name 'f00[12]'\r", thenLastLine: prompt)
      #expect(Array(repl.screen.lines.suffix(3).prefix(2)) == ["/data/d0007/f001", "/data/d0007/f002"])
      repl.type("exit\r", thenLastLine: "$")
      repl.send("\u{04}")
      #expect(repl.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
    }

    /// `docker logs -f` on a container that never ends follows until Ctrl-C, which leaves it
    /// with 130 and the container still up, as with the real CLI.
    @Test func ctrlCLeavesDockerLogsFollow() throws {
      let home = Binary.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: home) }
      let repl = try Session(home: home)
      repl.type("", thenLastLine: "$")
      repl.type("docker run -d --name forever ubuntu:18.04 sleep infinity\r", thenLastLine: "$", timeout: PtyTests.timeout * 2)
      repl.send("docker logs -f forever\r")
      #expect(repl.waitFor { $0.lastLine == "$ docker logs -f forever" })
      let back = repl.repeatUntil("\u{03}", every: 0.5) { $0.lastLine == "$" }
      #expect(back, "screen:\n\(repl.screen.text)")
      repl.type("echo $?\r", thenLastLine: "$")
      #expect(repl.screen.lines.suffix(2).first == "130")
      repl.type("docker ps --format '{{.Names}} {{.Status}}'\r", thenLastLine: "$")
      #expect(repl.screen.lines.suffix(2).first?.hasPrefix("forever Up") == true, "screen:\n\(repl.screen.text)")
      repl.send("\u{04}")
      #expect(repl.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
    }

    /// Ctrl-\ (SIGQUIT) is ignored at an interactive prompt by bash, dash and busybox ash:
    /// at docksim's host prompt, at a container shell's prompt and while a command plays,
    /// docksim goes on (no crash, no backtrace), the line being edited stays, and the
    /// running command finishes.
    @Test func ctrlBackslashIsIgnoredAsAShellIgnoresIt() throws {
      let home = Binary.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: home) }
      let repl = try Session(home: home)
      repl.type("", thenLastLine: "$")
      repl.type("echo one", thenLastLine: "$ echo one")
      repl.send("\u{1C}")
      repl.type("\r", thenLastLine: "$")
      #expect(repl.screen.lines.suffix(2).first == "one", "screen:\n\(repl.screen.text)")

      repl.send("docker pull hello-world\r")
      #expect(repl.waitFor { $0.lines.contains { $0.contains("Pulling from library/hello-world") } })
      repl.terminal.send("\u{1C}")
      #expect(repl.waitFor { $0.lastLine == "$" }, "screen:\n\(repl.screen.text)")
      #expect(repl.screen.lines.contains("Status: Downloaded newer image for hello-world:latest"))

      repl.type("docker run -it alpine sh\r", thenLastLine: "/ #", timeout: PtyTests.timeout * 2)
      repl.send("\u{1C}")
      repl.terminal.signal(SIGQUIT)
      repl.type("echo $?\r", thenLastLine: "/ #")
      #expect(repl.screen.lines.suffix(2).first == "0", "screen:\n\(repl.screen.text)")
      repl.type("exit\r", thenLastLine: "$")
      #expect(!repl.screen.text.contains("crashed"), "screen:\n\(repl.screen.text)")
      repl.send("\u{04}")
      #expect(repl.terminal.waitForExit(timeout: PtyTests.timeout) == 0)
    }

    /// SIGTERM and SIGHUP (the terminal window closed) while docksim waits at its
    /// prompt, where the terminal is in libedit's raw mode: the terminal is put back
    /// as it was, and the history file has every command.
    @Test(arguments: [SIGTERM, SIGHUP])
    func terminationRestoresTheTerminalAndKeepsHistory(signal: Int32) throws {
      let home = Binary.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: home) }
      let repl = try Session(home: home)
      repl.type("", thenLastLine: "$")
      repl.type("echo one\r", thenLastLine: "$")
      repl.type("echo two\r", thenLastLine: "$")
      // libedit edits in raw mode (it may switch a moment after showing the prompt).
      var raw = false
      for _ in 0..<Int(PtyTests.timeout * 10) where !raw {
        raw = repl.terminal.localModes.map { $0 & tcflag_t(ICANON) } == 0
        if !raw { _ = repl.terminal.read(timeout: 0.1) { _ in false } }
      }
      #expect(raw, "libedit edits in raw mode")
      repl.terminal.signal(signal)
      #expect(repl.terminal.waitForExit(timeout: PtyTests.timeout) != nil)
      // A fresh terminal's line discipline: whole lines, echo, Ctrl-C as a signal.
      let cooked = tcflag_t(ICANON | ECHO | ISIG)
      #expect(repl.terminal.localModes.map { $0 & cooked } == cooked)
      let history = try String(contentsOfFile: home + "/state/docksim/history", encoding: .utf8)
      #expect(history == "echo one\necho two\n")
    }

    /// A root filesystem tarball of `directories` x `filesPerDirectory` empty files under /data.
    static func rootFilesystem(directories: Int, filesPerDirectory: Int) -> [UInt8] {
      var writer = TarWriter(into: [UInt8]())
      writer.append(TarHeader(name: "data/", kind: .directory, mode: 0o755))
      for directory in 0..<directories {
        let name = "data/d" + Self.padded(directory, 4)
        writer.append(TarHeader(name: name + "/", kind: .directory, mode: 0o755))
        for file in 0..<filesPerDirectory {
          writer.append(TarHeader(name: name + "/f" + Self.padded(file, 3), kind: .regular))
        }
      }
      return writer.finish()
    }

    static func padded(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
  }
}
