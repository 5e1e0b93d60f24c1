import DockSimPrograms
import DockSimShell
import DockSimCore
import DockSimLessons
import Foundation

/// `docksim record FILE`: a live session becomes a lesson file with its outputs filled in.
struct RecordCommand {
  static let spec = CommandSpec(
    name: "record",
    abstract: "Record a session as a lesson file.",
    discussion: "Type commands as in the REPL; `exit` on the host or end of input stops and writes FILE.",
    options: [
      .value("title", "title", help: "The lesson's title (default: the file name)."),
      .value("lang", "zh|en", help: "The lesson's language: zh or en.", default: "en"),
      .value("seed", "N", help: "Seed of container names and IDs."),
    ],
    arguments: [ArgumentSpec(name: "file", help: "The lesson file to write.")])

  var file: String
  var title: String?
  var lang: String
  var seed: UInt64?
  private let parsed: ParsedCommandLine

  init(_ parsed: ParsedCommandLine) throws(UsageError) {
    file = parsed.arguments[0]
    title = parsed.value("title")
    lang = parsed.value("lang") ?? "en"
    seed = try parsed.integer("seed", in: Self.spec)
    self.parsed = parsed
  }

  func run() throws -> Int32 {
    guard let language = Language(rawValue: lang) else { throw parsed.invalid("--lang must be zh or en, not '\(lang)'.") }
    var settings = Settings(language: language)
    if let seed { settings.seed = seed }
    let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    var recorder = Recorder(title: title ?? name, settings: settings)
    var session = Session(settings: settings, hub: try LessonEnvironment.bundledHub(extraHubData: nil))
    // The lesson records what a terminal shows (a lesson plays on one, and `--check`
    // runs it so), even when the session is typed through a pipe; a pipe then gets the
    // screen's final lines rather than the progress redrawn in place.
    let onTerminal = isatty(1) == 1
    while !session.finished, let input = readInput(session) {
      let prompt = session.prompt
      var console = Console(traits: .terminal)
      let status = session.execute(input, console: &console)
      session.history.append(input)
      let shown = onTerminal ? console.combinedText : ScreenText.lines(of: console).map { $0 + "\n" }.joined()
      FileHandle.standardOutput.write(Data(shown.utf8))
      recorder.record(prompt: prompt, input: input, console: console, status: status)
    }
    try recorder.text.write(toFile: file, atomically: true, encoding: .utf8)
    FileHandle.standardError.write(Data("recorded \(file)\n".utf8))
    return 0
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
