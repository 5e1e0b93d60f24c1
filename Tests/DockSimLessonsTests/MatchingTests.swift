import DockSimCore
import Testing
@testable import DockSimLessons

@Suite struct OutputPatternTests {
  @Test(arguments: [
    ("ubuntu  latest  [..]", "ubuntu  latest  ccc6e87d482b  5 days ago", true),
    ("ubuntu  [ID]  5 days ago", "ubuntu  ccc6e87d482b  5 days ago", true),
    ("ubuntu  [ID]  5 days ago", "ubuntu  ccc6e87d48  5 days ago", false),
    ("Digest: [DIGEST]", "Digest: sha256:" + String(repeating: "ab", count: 32), true),
    ("Digest: [DIGEST]", "Digest: sha256:abc", false),
    ("exact", "exact", true),
    ("exact", "exactly", false),
  ])
  func lines(expected: String, actual: String, matches: Bool) {
    #expect(OutputPattern.matchesLine(expected: expected, actual: actual) == matches)
  }

  @Test func ellipsisLineMatchesAnyLines() {
    #expect(OutputPattern.matches(expected: ["a", "...", "z"], actual: ["a", "b", "c", "z"]))
    #expect(OutputPattern.matches(expected: ["a", "...", "z"], actual: ["a", "z"]))
    #expect(OutputPattern.matches(expected: ["a", "..."], actual: ["a"]))
    #expect(!OutputPattern.matches(expected: ["a", "...", "z"], actual: ["a", "b"]))
    #expect(!OutputPattern.matches(expected: ["a"], actual: ["a", "b"]))
  }
}

@Suite struct ScreenTextTests {
  func screen(_ text: String) -> [String] {
    var screen = ScreenText()
    screen.feed(text)
    return screen.finishedLines
  }

  @Test func keepsOnlyTheLastStateOfRedrawnLines() {
    // Docker's pull progress: lines redrawn with cursor-up and erase-line.
    let text = "a: Waiting\nb: Waiting\n"
      + "\u{1B}[2A\u{1B}[2K\ra: Pull complete\r\u{1B}[2B"
      + "\u{1B}[1A\u{1B}[2K\rb: Pull complete\r\u{1B}[1B"
    #expect(screen(text) == ["a: Pull complete", "b: Pull complete"])
  }

  @Test func carriageReturnOverwrites() {
    #expect(screen("10%\r55%\r100%\n") == ["100%"])
  }

  @Test func coloursAreDropped() {
    #expect(screen("\u{1B}[1;32mok\u{1B}[0m\n") == ["ok"])
  }

  @Test func keepsBlankLinesButNotTheFinalNewline() {
    #expect(screen("a\n\nb\n") == ["a", "", "b"])
    #expect(screen("") == [])
  }

  @Test func bothStreamsInOrder() {
    var console = Console()
    console.line("out")
    console.errorLine("err")
    #expect(ScreenText.lines(of: console) == ["out", "err"])
  }
}

@Suite struct LineDiffTests {
  @Test func unifiedDiffWithLineNumbers() {
    let diff = LineDiff.unified(old: ["$ ls", "a", "b", "c"], new: ["$ ls", "a", "B", "c"], oldStart: 10)
    #expect(diff == "@@ -10,4 +10,4 @@\n $ ls\n a\n-b\n+B\n c\n")
  }

  @Test func equalTextsHaveNoDiff() {
    #expect(LineDiff.unified(old: ["a"], new: ["a"]).isEmpty)
  }

  @Test func farApartChangesMakeTwoHunks() {
    let old = (1...20).map(String.init)
    var new = old
    new[1] = "two"
    new[18] = "nineteen"
    let diff = LineDiff.unified(old: old, new: new, context: 2)
    #expect(diff.split(separator: "\n").filter { $0.hasPrefix("@@") }.count == 2)
  }
}

@Suite struct PromptTests {
  @Test func containerPromptShape() {
    #expect(LessonRun.containerPrompt(of: "root@3f1a2b4c5d6e:/# ls") == "root@3f1a2b4c5d6e:/# ")
    #expect(LessonRun.containerPrompt(of: "root@3f1a2b4c5d6e:/etc# cat motd") == "root@3f1a2b4c5d6e:/etc# ")
    // bash's \h is the hostname: the short ID, or what `docker run -h` set.
    #expect(LessonRun.containerPrompt(of: "root@Web-1:/# ls") == "root@Web-1:/# ")
    // CentOS's PS1, `[\u@\h \W]\$ `.
    #expect(LessonRun.containerPrompt(of: "[root@3f1a2b4c5d6e /]# ls") == "[root@3f1a2b4c5d6e /]# ")
    #expect(LessonRun.containerPrompt(of: "see root@example.com for details") == nil)
    #expect(LessonRun.containerPrompt(of: "user@host:~$ ls") == nil)
  }

  @Test func statusLines() {
    #expect(LessonRun.statusCode("? 1") == 1)
    #expect(LessonRun.statusCode("? 127") == 127)
    #expect(LessonRun.statusCode("?1") == nil)
  }
}
