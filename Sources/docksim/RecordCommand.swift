import ArgumentParser
import DockSimCommands
import DockSimCore
import DockSimLessons
import Foundation

/// `docksim record FILE`: a live session becomes a lesson file with its outputs filled in.
struct RecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record a session as a lesson file.",
    discussion: "Type commands as in the REPL; `exit` on the host or end of input stops and writes FILE.")

  @Argument(help: "The lesson file to write.")
  var file: String

  @Option(help: "The lesson's title (default: the file name).")
  var title: String?

  @Option(help: ArgumentHelp("The lesson's language: zh or en.", valueName: "zh|en"))
  var lang = "en"

  @Option(help: ArgumentHelp("Seed of container names and IDs.", valueName: "N"))
  var seed: UInt64?

  mutating func run() throws {
    guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be zh or en, not '\(lang)'.") }
    var settings = Settings(language: language)
    if let seed { settings.seed = seed }
    let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    var recorder = Recorder(title: title ?? name, settings: settings)
    var session = Session(settings: settings, hub: try LessonEnvironment.bundledHub(extraHubData: nil))
    let traits = isatty(1) == 1 ? TerminalTraits.terminal : TerminalTraits.plain
    while !session.finished, let input = readInput(session) {
      let prompt = session.prompt
      var console = Console(traits: traits)
      let status = session.execute(input, console: &console)
      session.history.append(input)
      FileHandle.standardOutput.write(Data(console.combinedText.utf8))
      recorder.record(prompt: prompt, input: input, console: console, status: status)
    }
    try recorder.text.write(toFile: file, atomically: true, encoding: .utf8)
    FileHandle.standardError.write(Data("recorded \(file)\n".utf8))
  }

  private func readInput(_ session: Session) -> String? {
    FileHandle.standardOutput.write(Data(session.prompt.utf8))
    guard var text = readLine() else { return nil }
    while session.inputStatus(text) == .needsMore {
      FileHandle.standardOutput.write(Data(session.continuationPrompt.utf8))
      guard let more = readLine() else { break }
      text += "\n" + more
    }
    return text
  }
}
