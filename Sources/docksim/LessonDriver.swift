import DockSimCore
import DockSimLessons
import Foundation

/// The thin terminal side of the lesson player: it types, prints and waits for Enter;
/// every decision is `LessonPlayer`'s.
struct LessonDriver {
  var auto: Bool
  var delayMilliseconds: Int

  func play(_ lesson: Lesson) {
    let traits = LessonDriver.traits()
    var player = LessonPlayer(lesson, environment: LessonEnvironment(traits: traits))
    write(lesson.title + "\n\n")
    for output in player.introduction { show(output) }
    while !player.isFinished {
      let input: String
      if auto {
        pause(milliseconds: delayMilliseconds * 10)
        input = ""
      } else {
        let shownPrompt = player.pendingCommand == nil
        guard let line = readInput(player) else { break }
        input = line
        // Enter at an empty prompt only means "go on": take the prompt line back.
        if shownPrompt, line.isEmpty, isatty(1) == 1 { write("\u{1B}[1A\u{1B}[2K\r") }
      }
      let outputs = player.handle(input)
      for (index, output) in outputs.enumerated() {
        show(output)
        // A command typed and run in one go (`again`, a solution shown by `next`) has
        // no Enter from the student to end its line.
        if case .typed = output, !auto, index < outputs.count - 1 { write("\n") }
      }
    }
  }

  /// One complete input: more lines while the shell would ask for them (`> `).
  private func readInput(_ player: LessonPlayer) -> String? {
    write(player.pendingCommand == nil ? player.prompt : "")
    guard var text = readLine() else { return nil }
    while player.session.inputStatus(text) == .needsMore {
      write(player.session.continuationPrompt)
      guard let more = readLine() else { break }
      text += "\n" + more
    }
    return text
  }

  private func show(_ output: PlayerOutput) {
    switch output {
    case .narration(let text): write(text + "\n\n")
    case .typed(let prompt, let input):
      write(prompt)
      for character in input {
        write(String(character))
        pause(milliseconds: auto ? delayMilliseconds : 8)
      }
      // In class the student's Enter ends the line and runs the command.
      if auto { write("\n") }
    case .output(let events):
      for event in events {
        switch event {
        case .write(.stdout, let bytes): FileHandle.standardOutput.write(Data(bytes))
        case .write(.stderr, let bytes): FileHandle.standardError.write(Data(bytes))
        case .pause(let ms): pause(milliseconds: ms)
        }
      }
    case .goal(let text): write("\n★ " + text + "\n\n")
    case .hint(let text): write("💡 " + text + "\n")
    case .solved: write("✔\n\n")
    case .notice(let text): write(text + "\n")
    case .finished: write("\n")
    }
  }

  private func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  private func pause(milliseconds: Int) {
    guard milliseconds > 0 else { return }
    usleep(UInt32(milliseconds) * 1000)
  }

  /// A real terminal gets terminal output (progress redrawn, animation); a pipe gets plain text.
  static func traits() -> TerminalTraits {
    guard isatty(1) == 1 else { return .plain }
    var traits = TerminalTraits.terminal
    traits.animates = true
    return traits
  }
}
