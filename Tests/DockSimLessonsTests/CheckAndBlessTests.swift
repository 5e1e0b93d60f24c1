import DockSimPrograms
import DockSimShell
import DockSimCore
import Testing
@testable import DockSimLessons

@Suite struct CheckAndBlessTests {
  @Test func blessedLessonPassesTheCheck() throws {
    let run = LessonRun(try blessedFixture())
    #expect(run.passed, "\(LessonCheck.report(run))")
    #expect(run.commands.map(\.input) == ["docker images", "docker ps", "echo hello"])
  }

  @Test func blessingTwiceChangesNothing() throws {
    let lesson = try blessedFixture()
    #expect(Blesser.blessedText(LessonRun(lesson)) == lesson.text)
  }

  /// The test: a changed output fails with a readable diff; --bless restores it, prose untouched.
  @Test func changedOutputFailsAndBlessRestoresIt() throws {
    let good = try blessedFixture()
    var lines = good.lines
    let echo = try #require(lines.firstIndex(of: "$ echo hello"))
    lines.insert("a line the simulator never printed", at: echo + 1)
    let broken = try parse(lines.joined(separator: "\n"))

    let run = LessonRun(broken)
    #expect(!run.passed)
    #expect(run.mismatches.count == 1)
    let report = LessonCheck.report(run)
    #expect(report.contains("--- en/01-fixture.md (expected)"))
    #expect(report.contains("@@ -\(echo + 1),"))
    #expect(report.contains("\n $ echo hello\n"))
    #expect(report.contains("\n-a line the simulator never printed\n"))
    #expect(LessonCheck.summary([run]).hasSuffix("1 failed (in 1 lesson)"))

    let restored = Blesser.blessedText(run)
    #expect(restored == good.text)
    #expect(LessonRun(try parse(restored)).passed)
  }

  @Test func blessLeavesProseAndOtherFencesByteForByte() throws {
    let original = try parse(fixtureLesson)
    let blessed = try parse(Blesser.blessedText(LessonRun(original)))
    func prose(_ lesson: Lesson) -> [String] {
      lesson.parts.compactMap { if case .prose(let text) = $0 { text } else { nil } }
    }
    #expect(prose(blessed) == prose(original))
    // Outside the docksim fences, the lines are the same lines.
    #expect(outsideTranscripts(blessed) == outsideTranscripts(original))
    #expect(blessed.lines.count > original.lines.count)
  }

  @Test func elisionsThatStillMatchAreKept() throws {
    let good = try blessedFixture()
    var lines = good.lines
    let start = try #require(lines.firstIndex(of: "$ echo hello"))
    let end = try #require(lines[start...].firstIndex(of: "```"))
    lines.replaceSubrange((start + 1)..<end, with: ["..."])
    let elided = try parse(lines.joined(separator: "\n"))
    let run = LessonRun(elided)
    #expect(run.passed)
    #expect(Blesser.blessedText(run) == elided.text)
  }

  @Test func statusLinesAreCheckedAndBlessed() throws {
    let good = try blessedFixture()
    let status = try #require(LessonRun(good).commands.last?.status)
    var lines = good.lines
    let end = try #require(lines.lastIndex(of: "```"))
    lines.insert("? \(status + 1)", at: end)
    let wrong = try parse(lines.joined(separator: "\n"))
    let run = LessonRun(wrong)
    #expect(!run.passed)
    #expect(LessonCheck.report(run).contains("-? \(status + 1)\n+? \(status)\n"))
    let fixed = try parse(Blesser.blessedText(run))
    #expect(fixed.lines[end] == "? \(status)")
    #expect(LessonRun(fixed).passed)
  }

  @Test func textThatIsNotACommandIsAProblemNotOutput() throws {
    let text = "---\ntitle: T\nlang: en\n---\n```docksim\nstray output\n$ docker ps\n```\n"
    let run = LessonRun(try parse(text))
    #expect(run.problems.count == 1)
    #expect(run.problems[0].line == 5)
    // The stray line is left alone by bless.
    #expect(Blesser.blessedText(run).contains("stray output\n$ docker ps\n"))
  }

  @Test func aContainerPromptOnTheHostIsSkippedNotBlessedAway() throws {
    let text = "---\ntitle: T\nlang: en\n---\n```docksim\nroot@0123456789ab:/# ls\nbin\n$ docker ps\n```\n"
    let run = LessonRun(try parse(text))
    #expect(run.problems.count == 1)
    #expect(run.commands.map(\.input) == ["docker ps"])
    #expect(Blesser.blessedText(run).contains("root@0123456789ab:/# ls\nbin\n$ docker ps\n"))
  }

  @Test func sameLessonSameOutput() throws {
    let lesson = try blessedFixture()
    #expect(LessonRun(lesson).commands == LessonRun(lesson).commands)
  }
}

@Suite struct RecorderTests {
  @Test func recordedSessionPlaysBackGreen() throws {
    var settings = try LessonEnvironment().makeSession(for: try parse(fixtureLesson)).settings
    settings.seed = 7
    var session = Session(settings: settings)
    var recorder = Recorder(title: "Recorded", settings: settings)
    for input in ["docker images", "echo hi"] {
      let prompt = session.prompt
      var console = Console(traits: .terminal)
      let status = session.execute(input, console: &console)
      recorder.record(prompt: prompt, input: input, console: console, status: status)
    }
    let lesson = try parse(recorder.text)
    #expect(lesson.frontMatter.settings == settings)
    #expect(lesson.title == "Recorded")
    let run = LessonRun(lesson)
    #expect(run.commands.count == 2)
    #expect(run.passed, "\(LessonCheck.report(run))")
  }
}

/// The lesson's lines with the content of its docksim fences left out.
func outsideTranscripts(_ lesson: Lesson) -> [String] {
  var inside = Set<Int>()
  for case .transcript(let block) in lesson.parts {
    inside.formUnion(block.firstLine..<(block.firstLine + block.lines.count))
  }
  return lesson.lines.indices.filter { !inside.contains($0) }.map { lesson.lines[$0] }
}

/// The prose lint: narration may quote only IDs, digests and sizes the lesson prints.
@Suite struct ProseLintTests {
  @Test func lesson03FailsWithTheStaleIDItQuotedBeforeTheFix() throws {
    for path in ["en/03-listing-images.md", "zh/03-listing-images.md"] {
      let current = try sourceLessons.lesson(at: path)
      #expect(LessonRun(current).problems.isEmpty, "\(path)")
      // The ID lesson 03 quoted until outputs were blessed without the prose.
      let stale = try LessonParser.parse(current.text.replacingAll("ID 都是 2219da1682cf", with: "ID 都是 c7b9bf02da76")
        .replacingAll("same image ID, 2219da1682cf", with: "same image ID, c7b9bf02da76"), path: path)
      let run = LessonRun(stale)
      #expect(run.problems.map(\.message) == [
        "the narration quotes the ID c7b9bf02da76, which no output of the lesson prints (a deliberate one is marked <!-- lint: allow c7b9bf02da76 -->)"
      ], "\(path)")
      #expect(!run.passed)
    }
  }

  @Test func findsIDsDigestsAndSizesButNotWords() {
    let tokens = ProseLint.tokens("Image 2219da1682cf is 64.2MB (or 72.9 MB), digest sha256:0a1b2c3d4e5f; deadbeef is a word, so is facade.")
    #expect(tokens.map(\.text) == ["2219da1682cf", "64.2MB", "72.9 MB", "sha256:0a1b2c3d4e5f"])
    #expect(ProseLint.tokens("镜像 ID 是 2219da1682cf，大小 64.2MB。").map(\.text) == ["2219da1682cf", "64.2MB"])
  }

  @Test func transcriptsAndMarkedExceptionsAreNotLinted() throws {
    let lesson = try parse("""
      ---
      title: t
      lang: en
      ---

      The course text's image was 60 MB and 0123456789ab.
      <!-- lint: allow 60MB 0123456789ab -->

      ```docksim
      $ echo 2219da1682cf
      2219da1682cf
      ```

      It printed 2219da1682cf, not 2219da1682ce.
      """)
    #expect(ProseLint.problems(lesson, printed: "$ echo 2219da1682cf\n2219da1682cf").map(\.line) == [13])
  }
}

