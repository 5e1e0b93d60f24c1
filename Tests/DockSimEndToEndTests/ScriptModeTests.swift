import Foundation
import Testing

/// The built binary in script mode: standard input is a pipe, output is compared exactly.
@Suite("Script mode") struct ScriptModeTests {
  @Test func runsLinesWithoutPromptOrBanner() throws {
    let result = try Binary.run(script: "echo hi\necho there\n")
    #expect(result == .init(stdout: "hi\nthere\n", stderr: "", status: 0))
  }

  @Test func unknownCommandAnswersAsBash() throws {
    let result = try Binary.run(script: "foo\n")
    #expect(result == .init(stdout: "", stderr: "bash: foo: command not found\n", status: 0))
  }

  @Test func skipsBlankLinesAndComments() throws {
    let result = try Binary.run(script: "# a comment\n\n   \n\t# indented comment\necho a\n")
    #expect(result == .init(stdout: "a\n", stderr: "", status: 0))
  }

  @Test func lastLineNeedsNoNewline() throws {
    let result = try Binary.run(script: "echo a")
    #expect(result.stdout == "a\n")
  }

  @Test func echoGivesATranscript() throws {
    let result = try Binary.run(["--echo"], script: "echo a\n# skipped\nfoo\ncat <<EOF\nhello\nEOF\n")
    #expect(result.stdout == "$ echo a\na\n$ foo\n$ cat <<EOF\n> hello\n> EOF\nhello\n")
    #expect(result.stderr == "bash: foo: command not found\n")
    #expect(result.status == 0)
  }

  @Test func failFastStopsWithTheFailingStatus() throws {
    let result = try Binary.run(["--fail-fast"], script: "echo a\nfoo\necho b\n")
    #expect(result == .init(stdout: "a\n", stderr: "bash: foo: command not found\n", status: 127))
  }

  @Test func statusIsZeroWithoutFailFast() throws {
    let result = try Binary.run(script: "foo\nfalse\n")
    #expect(result.status == 0)
  }

  @Test func hereDocumentTakesTheFollowingLines() throws {
    let result = try Binary.run(script: "cat <<EOF\n# not a comment\n\nline\nEOF\necho after\n")
    #expect(result.stdout == "# not a comment\n\nline\nafter\n")
  }

  @Test func openQuoteAtEndOfInputReportsBashError() throws {
    let result = try Binary.run(script: "echo \"abc\n")
    #expect(result.stderr.contains("unexpected EOF while looking for matching `\"'"))
    #expect(result.stdout == "")
  }

  @Test func quoteSpanningLinesIsOneCommand() throws {
    let result = try Binary.run(script: "echo \"a\nb\"\n")
    #expect(result.stdout == "a\nb\n")
  }

  @Test func invalidUTF8IsReportedAndTheRunGoesOn() throws {
    let result = try Binary.run(input: Array("echo ".utf8) + [0xFF] + Array("\necho ok\n".utf8))
    #expect(result.stdout == "\u{FFFD}\nok\n")
    #expect(result.stderr == "docksim: line 1: invalid UTF-8; the bad bytes read as U+FFFD\n")
    #expect(result.status == 0)
  }

  @Test func nulBytesAreDroppedWithAWarning() throws {
    let result = try Binary.run(input: Array("ec".utf8) + [0] + Array("ho hi\n".utf8))
    #expect(result == .init(stdout: "hi\n", stderr: "docksim: line 1: ignored null byte in input\n", status: 0))
  }

  @Test func megabyteLine() throws {
    let word = String(repeating: "a", count: 1 << 20)
    let result = try Binary.run(script: "echo \(word)\necho done\n")
    #expect(result.stdout == word + "\ndone\n")
    #expect(result.status == 0)
  }

  @Test func windowsLineEndsAreAccepted() throws {
    let result = try Binary.run(script: "echo a\r\necho b\r\n")
    #expect(result.stdout == "a\nb\n")
  }

  @Test func exitEndsTheScript() throws {
    let result = try Binary.run(script: "echo a\nexit 3\necho b\n")
    #expect(result.stdout == "a\n")
    #expect(result.status == 0)
  }

  @Test func scriptFileAndDash() throws {
    let directory = Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = directory + "/lesson.sh"
    try "echo from file\n".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(try Binary.run(["--script", file], script: "echo ignored\n").stdout == "from file\n")
    #expect(try Binary.run(["--script", "-"], script: "echo from stdin\n").stdout == "from stdin\n")
  }

  @Test func unreadableScriptFails() throws {
    let result = try Binary.run(["--script", "/nonexistent/lesson.sh"], script: "")
    #expect(result.status == 1)
    #expect(result.stderr == "docksim: cannot read script /nonexistent/lesson.sh: No such file or directory\n")
    #expect(result.stdout == "")
  }

  @Test func badOptions() throws {
    let bad = try Binary.run(["--docker-version", "19"], script: "")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--docker-version must be 20.10 or 28"))
    #expect(try Binary.run(["--clock", "yesterday"], script: "").status == 64)
    #expect(try Binary.run(["--lang", "fr"], script: "").status == 64)
  }

  @Test func sameScriptSameOutput() throws {
    let script = "echo a\nfoo\ncd /nowhere\necho $?\n"
    #expect(try Binary.run(script: script) == Binary.run(script: script))
  }
}
