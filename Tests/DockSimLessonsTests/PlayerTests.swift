import DockSimCore
import Testing
@testable import DockSimLessons

@Suite struct PlayerTests {
  func player() throws -> LessonPlayer { LessonPlayer(try blessedFixture()) }

  @Test func walksNarrationThenTypesAndRunsCommands() throws {
    var player = try player()
    #expect(player.handle("") == [.narration("# A fixture\n\nSome narration, with **Markdown**.")])
    #expect(player.handle("") == [.typed(prompt: "$ ", input: "docker images")])
    #expect(player.pendingCommand == "docker images")
    guard case .output = player.handle("next").first else { Issue.record("expected output"); return }
    #expect(player.pendingCommand == nil)
    #expect(player.handle("") == [.typed(prompt: "$ ", input: "docker ps")])
  }

  @Test func backRestoresTheSessionAndAgainReplays() throws {
    var player = try player()
    _ = player.handle("")
    _ = player.handle("")
    _ = player.handle("")
    let afterImages = player.session.history
    #expect(afterImages == ["docker images"])
    #expect(player.handle("back") == [.typed(prompt: "$ ", input: "docker images")])
    #expect(player.session.history.isEmpty)
    _ = player.handle("")
    let again = player.handle("again")
    #expect(again.first == .typed(prompt: "$ ", input: "docker images"))
    #expect(again.count == 2)
    #expect(player.session.history == ["docker images"])
  }

  @Test func freeCommandsRunBetweenStepsAndTheLessonGoesOn() throws {
    var player = try player()
    _ = player.handle("")
    let out = player.handle("echo mine")
    guard case .output = out.first else { Issue.record("expected output"); return }
    #expect(player.session.history == ["echo mine"])
    #expect(player.handle("") == [.typed(prompt: "$ ", input: "docker images")])
  }

  @Test func hintOutsideAnExerciseSaysSo() throws {
    var player = try player()
    guard case .notice = player.handle("hint").first else { Issue.record("expected a notice"); return }
  }

  @Test func quitFinishes() throws {
    var player = try player()
    #expect(player.handle("quit") == [.finished])
    #expect(player.isFinished)
  }

  @Test func endsAfterTheLastStep() throws {
    var player = try player()
    var outputs: [PlayerOutput] = []
    for _ in 0..<40 where !player.isFinished { outputs += player.handle("") }
    #expect(player.isFinished)
    #expect(outputs.last == .finished)
    #expect(player.session.history == ["docker images", "docker ps", "echo hello"])
  }

  @Test func pagesBreakAtBlankLines() {
    let text = "a\nb\n\nc\nd\n\ne"
    #expect(LessonPlayer.pages(text, height: 3) == ["a\nb", "c\nd", "e"])
    #expect(LessonPlayer.pages(text, height: 20) == [text])
  }
}
