import DockSimShell
import DockSimCore

/// `docksim record FILE`: turns a live session into a lesson file with its outputs filled in.
///
/// Each input is written at the prompt it was typed at, followed by what the screen
/// showed. The front matter repeats the session's settings, so `--check` plays it back
/// to the same output.
public struct Recorder: Sendable {
  public var title: String
  public var settings: Settings
  private var transcript: [String] = []

  public init(title: String, settings: Settings) {
    self.title = title
    self.settings = settings
  }

  /// Records one input, typed at `prompt`, and what it printed.
  public mutating func record(prompt: String, input: String, console: Console, status: Int32) {
    let inputLines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    transcript.append(prompt + inputLines[0])
    transcript += inputLines.dropFirst().map { "> " + $0 }
    transcript += LessonRun.trimmed(ScreenText.lines(of: console))
  }

  public var isEmpty: Bool { transcript.isEmpty }

  /// The lesson file.
  public var text: String {
    let seed = "0x" + String(settings.seed, radix: 16)
    var lines = [
      "---",
      "title: \(title)",
      "lang: \(settings.language.rawValue)",
      "docker: \(settings.dockerVersion.rawValue)",
      "clock: \(settings.clockStart.rfc3339())",
      "seed: \(seed)",
      "---",
      "",
      "# \(title)",
      "",
      "```" + LessonParser.transcriptTag,
    ]
    lines += transcript
    lines += ["```", ""]
    return lines.joined(separator: "\n")
  }
}
