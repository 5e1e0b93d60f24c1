import DockSimCommands
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
  func playerAtTheExercise() throws -> LessonPlayer {
    let lesson = try parse(Blesser.blessedText(LessonRun(try parse(exerciseLesson))))
    var player = LessonPlayer(lesson)
    _ = player.handle("")  // narration
    _ = player.handle("")  // types the command
    _ = player.handle("")  // runs it
    #expect(player.handle("") == [.goal("/etc/motd says hello in a new container, and the image is unchanged")])
    return player
  }

  @Test func hintsComeOneByOneThenTheSolution() throws {
    var player = try playerAtTheExercise()
    #expect(player.handle("hint") == [.hint("Start a shell in a container: docker run -it docksim/test")])
    #expect(player.handle("hint") == [.hint("Inside it: echo hello > /etc/motd")])
    #expect(player.handle("hint") == [.hint("A solution:\ndocker run -it docksim/test\necho hello > /etc/motd\nexit")])
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

  @Test func nextPlaysTheSolutionSoTheLessonCanGoOn() throws {
    var player = try playerAtTheExercise()
    let out = player.handle("next")
    #expect(out.first == .notice("The goal is not reached yet; here is a solution:"))
    #expect(out.contains(.typed(prompt: "$ ", input: "docker run -it docksim/test")))
    #expect(player.prompt == "$ ")
    #expect(player.handle("") == [.typed(prompt: "$ ", input: "docker diff $(docker ps -l -q)")])
  }
}
