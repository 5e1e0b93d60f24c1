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

  @Test func quitFinishesSayingWhere() throws {
    var player = try player()
    _ = player.handle("")
    #expect(player.handle("quit") == [.notice("You left the lesson at step 2 of 6."), .finished])
    #expect(player.isFinished)
  }

  /// Ctrl-C cancels a lesson command typed out and not run; at an empty prompt it says
  /// how to leave, any other input withdraws that, and a second Ctrl-C in a row leaves.
  @Test func ctrlCCancelsATypedCommandThenOffersToLeave() throws {
    var player = try player()
    let offer = PlayerOutput.notice("Press Ctrl-C again (or type quit) to leave the lesson; Enter goes on.")
    _ = player.handle("")
    #expect(player.handle("") == [.typed(prompt: "$ ", input: "docker images")])
    #expect(player.interrupt() == [])
    #expect(player.pendingCommand == nil && player.session.history.isEmpty)
    #expect(player.handle("") == [.typed(prompt: "$ ", input: "docker images")])
    _ = player.interrupt()
    #expect(player.interrupt() == [offer])
    _ = player.handle("echo between")
    #expect(player.interrupt() == [offer])
    #expect(player.interrupt() == [.notice("You left the lesson at step 2 of 6."), .finished])
    #expect(player.isFinished)
  }

  /// The driver cancels a command cut short by restoring the player from before it;
  /// `$?` then says 130.
  @Test func aCommandCutShortLeavesStatus130() throws {
    var player = try player()
    let before = player
    _ = player.handle("touch /tmp/x")
    player = before
    player.commandInterrupted()
    guard case .output(let events) = player.handle("echo $?").first else { Issue.record("expected output"); return }
    #expect(events == [.write(.stdout, Array("130\n".utf8))])
  }

  /// A Chinese lesson's player speaks Chinese and takes its words in Chinese too.
  @Test func aChineseLessonGetsThePlayersWordsInChinese() throws {
    let zh = try parse(fixtureLesson.replacingAll("lang: en", with: "lang: zh"), path: "zh/01-fixture.md")
    var player = LessonPlayer(zh)
    guard case .notice(let intro) = player.introduction.first else { Issue.record("expected a notice"); return }
    #expect(intro.hasPrefix("回车：下一步 · 返回（back）"))
    #expect(player.handle("帮助") == player.introduction)
    #expect(player.handle("提示") == [.notice("这里没有提示：提示只在练习中提供。")])
    #expect(player.handle("退出") == [.notice("已退出课程，停在第 1 步（共 6 步）。"), .finished])
  }

  @Test func helpShowsHowToPlay() throws {
    var player = try player()
    guard case .notice(let help) = player.handle("help").first else { Issue.record("expected a notice"); return }
    // The teaching commands are listed with the player's own words.
    #expect(help.contains("solution") && help.contains("layers · whence · trace · tree · explain"))
    #expect(player.session.history.isEmpty)
  }

  @Test func endsAfterTheLastStep() throws {
    var player = try player()
    var outputs: [PlayerOutput] = []
    for _ in 0..<40 where !player.isFinished { outputs += player.handle("") }
    #expect(player.isFinished)
    #expect(outputs.suffix(2) == [.notice("End of the lesson. Exercises: 0 of 0 solved by you."), .finished])
    #expect(player.session.history == ["docker images", "docker ps", "echo hello"])
  }

  @Test func pagesBreakAtBlankLines() {
    let text = "a\nb\n\nc\nd\n\ne"
    #expect(LessonPlayer.pages(text, height: 3) == ["a\nb", "c\nd", "e"])
    #expect(LessonPlayer.pages(text, height: 20) == [text])
  }

  /// The player tells where the student went rather than type at the wrong prompt.
  @Test func saysWhereTheStudentWentInsteadOfTypingAtTheWrongPrompt() {
    #expect(LessonPlayer.move(from: "root@0123456789ab:/# ", to: "$ ") == .leftContainer)
    #expect(LessonPlayer.move(from: "$ ", to: "root@0123456789ab:/# ") == .stillInContainer)
    #expect(LessonPlayer.move(from: "root@0123456789ab:/# ", to: "root@ba9876543210:/# ") == .otherContainer)
    // A cd in the same container changes only the directory.
    #expect(LessonPlayer.move(from: "root@0123456789ab:/# ", to: "root@0123456789ab:/etc# ") == nil)
    #expect(LessonPlayer.move(from: "/ # ", to: "/etc # ") == nil)
  }
}
