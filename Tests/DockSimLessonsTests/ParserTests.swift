import DockSimCore
import Testing
@testable import DockSimLessons

@Suite struct FrontMatterTests {
  @Test func readsEveryField() throws {
    let lesson = try parse(fixtureLesson)
    #expect(lesson.title == "A fixture")
    #expect(lesson.language == .en)
    #expect(lesson.frontMatter.dockerVersion == .v20_10)
    #expect(lesson.frontMatter.clockStart == Timestamp(iso8601: "2020-01-15T10:00:00Z"))
    #expect(lesson.frontMatter.seed == 42)
    #expect(lesson.name == "01-fixture")
  }

  @Test func hexSeedAndModernDocker() throws {
    let lesson = try parse("---\ntitle: T\nlang: zh\ndocker: 28\nseed: 0x2a\nhub: extra.yaml\n---\n")
    #expect(lesson.frontMatter.seed == 42)
    #expect(lesson.frontMatter.dockerVersion == .v28)
    #expect(lesson.frontMatter.hubFile == "extra.yaml")
    #expect(lesson.language == .zh)
  }

  @Test(arguments: [
    ("no front matter\n", 1),
    ("---\nlang: en\n---\n", 1),
    ("---\ntitle: T\nlang: fr\n---\n", 3),
    ("---\ntitle: T\nlang: en\ncolour: red\n---\n", 4),
    ("---\ntitle: T\nlang: en\nclock: yesterday\n---\n", 4),
  ])
  func rejectsBadFrontMatter(text: String, line: Int) {
    #expect(throws: LessonError.self) { try parse(text) }
    do { _ = try parse(text) } catch { #expect((error as? LessonError)?.line == line) }
  }
}

@Suite struct BodyTests {
  @Test func splitsProseTranscriptsAndOtherFences() throws {
    let lesson = try parse(fixtureLesson)
    let kinds = lesson.parts.map { part -> String in
      switch part {
      case .prose: "prose"
      case .transcript: "transcript"
      case .exercise: "exercise"
      }
    }
    #expect(kinds == ["prose", "transcript", "prose", "transcript", "prose"])
    guard case .prose(let middle) = lesson.parts[2] else { return }
    // A fence in another language is narration, shown as written.
    #expect(middle.contains("```dockerfile\nFROM ubuntu\n```"))
    guard case .transcript(let block) = lesson.parts[1] else { return }
    #expect(block.lines == ["$ docker images", "$ docker ps"])
    #expect(lesson.lines[block.firstLine] == "$ docker images")
  }

  @Test func unclosedFenceIsAnError() {
    #expect(throws: LessonError.self) { try parse("---\ntitle: T\nlang: en\n---\n```docksim\n$ ls\n") }
  }

  @Test func textRoundTripsByteForByte() throws {
    #expect(try parse(fixtureLesson).text == fixtureLesson)
  }
}

@Suite struct ExerciseParsingTests {
  let text = """
    ---
    title: T
    lang: en
    ---
    ```docksim-exercise
    goal: /etc/motd says hello in the container, and the image is unchanged
    check: file /etc/motd in container is "hello"
    check: image ubuntu:latest unchanged
    check: image ubuntu:18.04 same as ubuntu:latest
    check: image mine:1 history 4
    check: file /tmp/a in image mine:1 absent
    hint: Start a container with `docker run -it ubuntu bash`.
    hint: Then `echo hello > /etc/motd`.
    solution: docker run -it ubuntu bash
    solution: echo hello > /etc/motd
    ```
    """

  @Test func readsGoalChecksHintsAndSolution() throws {
    let exercise = try #require(try parse(text).exercises.first)
    #expect(exercise.goal.hasPrefix("/etc/motd says hello"))
    #expect(exercise.checks == [
      .fileIs(path: "/etc/motd", place: .lastContainer, text: "hello"),
      .imageUnchanged("ubuntu:latest"),
      .sameImage("ubuntu:18.04", "ubuntu:latest"),
      .historyRows("mine:1", 4),
      .fileAbsent(path: "/tmp/a", place: .image("mine:1")),
    ])
    #expect(exercise.hints.count == 2)
    #expect(exercise.solution == ["docker run -it ubuntu bash", "echo hello > /etc/motd"])
  }

  @Test func checksPrintAsTheyAreWritten() throws {
    let exercise = try #require(try parse(text).exercises.first)
    #expect(exercise.checks.map(\.description)[0] == "file /etc/motd in container is \"hello\"")
    for check in exercise.checks { #expect(GoalCheck(parsing: check.description) == check) }
  }

  @Test func unknownCheckIsAnError() {
    let bad = "---\ntitle: T\nlang: en\n---\n```docksim-exercise\ngoal: g\ncheck: image x is pretty\n```\n"
    #expect(throws: LessonError.self) { try parse(bad) }
  }
}
