import DockSimCore
import Testing
@testable import DockSimLessons

/// Exercises over the built-in `docksim/test` image, so they need no Hub data.
let exerciseLesson = """
  ---
  title: Exercise fixture
  lang: en
  seed: 9
  ---

  Narration.

  ```docksim
  $ docker run docksim/test cat /etc/motd
  ```

  ```docksim-exercise
  goal: /etc/motd says hello in a new container, and the image is unchanged
  check: file /etc/motd in container is "hello"
  check: image docksim/test unchanged
  hint: Start a shell in a container: docker run -it docksim/test
  hint: Inside it: echo hello > /etc/motd
  solution: docker run -it docksim/test
  solution: echo hello > /etc/motd
  solution: exit
  ```

  ```docksim
  $ docker diff $(docker ps -l -q)
  ```
  """

@Suite struct ExerciseTests {
  func lesson() throws -> Lesson {
    let lesson = try parse(exerciseLesson)
    return try parse(Blesser.blessedText(LessonRun(lesson)))
  }

  @Test func theSolutionReachesTheGoalAndTheLessonGoesOnFromThere() throws {
    let run = LessonRun(try lesson())
    #expect(run.passed, "\(LessonCheck.report(run))")
    // The transcript after the exercise sees the solution's container.
    // bash saved the solution's typed lines on exit.
    #expect(run.commands.last?.actual == ["C /etc", "C /etc/motd", "C /root", "A /root/.bash_history"])
  }

  @Test func aSolutionThatMissesTheGoalIsReported() throws {
    let text = try lesson().text.replacingAll("solution: echo hello > /etc/motd", with: "solution: echo bye > /etc/motd")
    let run = LessonRun(try parse(text))
    #expect(run.problems.map(\.message) == ["the solution does not reach the goal: file /etc/motd in container is \"hello\""])
  }

  @Test func aGoalMetBeforeTheExerciseIsReported() throws {
    let text = try lesson().text.replacingAll("check: file /etc/motd in container is \"hello\"\n", with: "")
    let run = LessonRun(try parse(text))
    #expect(run.problems.map(\.message) == ["the goal is already met before the exercise starts"])
  }

  /// The auto-pull exercise: only a container started from the image meets it.
  @Test func containerFromNeedsAContainerNotAPull() throws {
    var session = try LessonEnvironment().makeSession(for: try lesson())
    let start = session
    let check = try #require(GoalCheck(parsing: "container from docksim/test exists"))
    #expect(check == .containerFrom("docksim/test") && check.description == "container from docksim/test exists")
    #expect(check.result(in: session, start: start, language: .en).line == "✘ there is no image docksim/test yet")
    var console = Console()
    _ = session.execute("docker run docksim/test true", console: &console)
    #expect(check.result(in: session, start: start, language: .en).line == "✔ a container was started from docksim/test")
    // The image stays, its containers go: as after a plain docker pull.
    _ = session.execute("docker rm $(docker ps -aq)", console: &console)
    #expect(check.result(in: session, start: start, language: .en).line
      == "✘ no container was started from docksim/test yet (docker pull starts none)")
    #expect(check.result(in: session, start: start, language: .zh).line == "✘ 还没有用 docksim/test 启动过容器（docker pull 不会启动容器）")
  }

  @Test func checksReadImagesAndFiles() throws {
    var session = try LessonEnvironment().makeSession(for: try lesson())
    var console = Console()
    _ = session.execute("docker run docksim/test true", console: &console)
    let start = session
    #expect(GoalCheck.imageExists("docksim/test").isMet(in: session, start: start))
    #expect(GoalCheck.imageAbsent("ubuntu:99").isMet(in: session, start: start))
    #expect(GoalCheck.layerCount("docksim/test", 1).isMet(in: session, start: start))
    #expect(GoalCheck.historyRows("docksim/test", 2).isMet(in: session, start: start))
    #expect(GoalCheck.fileIs(path: "/etc/motd", place: .image("docksim/test"), text: "Welcome to docksim.").isMet(in: session, start: start))
    #expect(GoalCheck.fileAbsent(path: "/etc/nothing", place: .lastContainer).isMet(in: session, start: start))
    #expect(GoalCheck.fileExists(path: "/etc/passwd", place: .lastContainer).isMet(in: session, start: start))
    #expect(GoalCheck.sameImage("docksim/test:latest", "docksim/test").isMet(in: session, start: start))
    #expect(!GoalCheck.sameImage("ubuntu:99", "docksim/test").isMet(in: session, start: start))
  }
}

@Suite struct PlayerExerciseTests {
  func playerAtTheExercise(language: String = "en") throws -> LessonPlayer {
    let text = exerciseLesson.replacingAll("lang: en", with: "lang: \(language)")
    let lesson = try parse(Blesser.blessedText(LessonRun(try parse(text))))
    var player = LessonPlayer(lesson)
    _ = player.handle("")  // narration
    _ = player.handle("")  // types the command
    _ = player.handle("")  // runs it
    #expect(player.handle("") == [.goal("/etc/motd says hello in a new container, and the image is unchanged")])
    return player
  }

  @Test func hintsComeOneByOneAndNeverTheSolutionUnasked() throws {
    var player = try playerAtTheExercise()
    #expect(player.handle("hint") == [.hint("Start a shell in a container: docker run -it docksim/test")])
    #expect(player.handle("hint") == [.hint("Inside it: echo hello > /etc/motd")])
    #expect(player.handle("hint") == [.notice("No more hints. Type solution to see a solution.")])
  }

  /// Enter (and `again`) in an exercise checks, as Killercoda's Check button does: it
  /// never runs the solution.
  @Test func enterInAnExerciseShowsTheChecklist() throws {
    var player = try playerAtTheExercise()
    let list = PlayerOutput.checklist([
      CheckResult(isMet: false, text: "/etc/motd in the container is 'Welcome to docksim.', expected 'hello'"),
      CheckResult(isMet: true, text: "image docksim/test is unchanged (\(String(Probe(player.session).imageID("docksim/test")!.prefix(12))))"),
    ])
    #expect(player.handle("").first == list)
    #expect(player.handle("next").first == list)
    #expect(player.handle("again").prefix(2) == [.goal("/etc/motd says hello in a new container, and the image is unchanged"), list])
    #expect(player.session.history == ["docker run docksim/test cat /etc/motd"])
    #expect(player.solvedByStudent == 0 && player.currentExercise != nil)
  }

  /// A wrong attempt says what still differs.
  @Test func aWrongAttemptGetsTheChecklist() throws {
    var player = try playerAtTheExercise()
    _ = player.handle("docker run -it docksim/test")
    let out = player.handle("echo helo > /etc/motd")
    guard case .checklist(let results) = out.last else { Issue.record("expected a checklist: \(out)"); return }
    #expect(results.map(\.line).first == "✘ /etc/motd in the container is 'helo', expected 'hello'")
    #expect(results.last?.isMet == true)
    // A command that changes nothing the checks see adds no checklist.
    #expect(player.handle("ls /").count == 1)
  }

  @Test func solutionShowsItAndAsksBeforeRunningIt() throws {
    var player = try playerAtTheExercise()
    let shown = player.handle("solution")
    #expect(shown == [.notice("A solution:"), .solution(["docker run -it docksim/test", "echo hello > /etc/motd", "exit"])])
    #expect(player.prompt == "Run this solution from the exercise's start? [y/N] ")
    #expect(player.handle("") == [.notice("Not run. The exercise goes on.")])
    #expect(player.prompt == "$ " && player.currentExercise != nil)
    _ = player.handle("solution")
    let ran = player.handle("y")
    #expect(ran.first == .notice("Back to the exercise's start; the solution runs:"))
    #expect(ran.contains(.typed(prompt: "$ ", input: "docker run -it docksim/test")))
    #expect(player.prompt == "$ " && player.currentExercise == nil && player.solvedByStudent == 0)
    #expect(player.handle("") == [.typed(prompt: "$ ", input: "docker diff $(docker ps -l -q)")])
  }

  @Test func resetRestoresTheStartAndUndoTakesBackOneCommand() throws {
    var player = try playerAtTheExercise()
    let start = player.session.engine.containers.all.count
    _ = player.handle("docker run -it docksim/test")
    _ = player.handle("echo helo > /etc/motd")
    #expect(player.handle("undo") == [.notice("Taken back: echo helo > /etc/motd")])
    #expect(player.prompt.hasPrefix("root@"))
    #expect(player.handle("reset") == [.notice("Back to the exercise's start.")])
    #expect(player.prompt == "$ " && player.session.engine.containers.all.count == start)
    #expect(player.handle("undo") == [.notice("No command of yours to take back here (back goes back a step).")])
  }

  /// A goal reached before the exercise asks for it counts as the student's.
  @Test func aGoalAlreadyMetCounts() throws {
    let text = exerciseLesson.replacingAll("check: file /etc/motd in container is \"hello\"\n", with: "")
    var player = LessonPlayer(try parse(text))
    _ = player.handle("")
    _ = player.handle("")
    _ = player.handle("")
    let out = player.handle("")
    #expect(out.first == .goal("/etc/motd says hello in a new container, and the image is unchanged"))
    #expect(out.last == .solved)
    #expect(player.solvedByStudent == 1)
  }

  @Test func aChineseExerciseSpeaksChinese() throws {
    var player = try playerAtTheExercise(language: "zh")
    #expect(player.handle("答案").first == .notice("参考答案："))
    #expect(player.prompt == "从练习开始时的状态运行这个答案吗？[y/N] ")
    _ = player.handle("否")
    guard case .checklist(let results) = player.handle("检查").first else { Issue.record("expected a checklist"); return }
    #expect(results.first?.line == "✘ 容器中的 /etc/motd 是 'Welcome to docksim.'，应为 'hello'")
  }

  @Test func theStudentsOwnWaySolvesIt() throws {
    var player = try playerAtTheExercise()
    // Not the solution's keystrokes: a one-shot container that writes the file.
    _ = player.handle("docker run -it docksim/test")
    #expect(player.prompt.hasPrefix("root@"))
    let out = player.handle("printf 'hello\\n' > /etc/motd")
    #expect(out.last == .solved)
    _ = player.handle("exit")
    #expect(player.handle("") == [.typed(prompt: "$ ", input: "docker diff $(docker ps -l -q)")])
  }

  /// Progress counts each exercise once: going back over a solved exercise keeps it
  /// solved, solving it again does not count it twice, nor does `next` take it away.
  @Test func eachExerciseCountsOnceInTheSummary() throws {
    var player = try playerAtTheExercise()
    let goal = PlayerOutput.goal("/etc/motd says hello in a new container, and the image is unchanged")
    _ = player.handle("docker run -it docksim/test")
    #expect(player.handle("printf 'hello\\n' > /etc/motd").last == .solved)
    #expect(player.handle("back") == [goal])
    #expect(player.prompt == "$ ")
    _ = player.handle("docker run -it docksim/test")
    #expect(player.handle("printf 'hello\\n' > /etc/motd").last == .solved)
    #expect(player.solvedByStudent == 1)
    _ = player.handle("back")
    _ = player.handle("next")
    #expect(player.solvedByStudent == 1)
    #expect(player.handle("quit").suffix(2) == [.notice("Exercises: 1 of 1 solved by you."), .finished])
  }
}
