import DockSimCore
import Testing

@testable import DockSimCommands

/// A session driven the way a front end drives it, for shell tests.
struct ShellHarness {
  var session = Session()

  struct Outcome: Equatable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    var status: Int32
    var description: String { "stdout: \(stdout.debugDescription) stderr: \(stderr.debugDescription) status: \(status)" }
  }

  /// Runs one input; stdout and stderr are kept apart.
  @discardableResult
  mutating func run(_ text: String, traits: TerminalTraits = .plain) -> Outcome {
    var console = Console(traits: traits)
    let status = session.execute(text, console: &console)
    return Outcome(stdout: console.stdoutText, stderr: console.stderrText, status: status)
  }

  /// Both streams interleaved, as a terminal shows them.
  mutating func combined(_ text: String, traits: TerminalTraits = .plain) -> String {
    var console = Console(traits: traits)
    _ = session.execute(text, console: &console)
    return console.combinedText
  }

  /// Enters a stand-in container shell (until `docker run -it` exists in these tests).
  mutating func enterContainer(_ id: String = String(repeating: "ab", count: 32)) {
    session.shells.append(ShellFrame(place: .container(id: id)))
  }

  /// The text of a file in the current place.
  func file(_ path: String) -> String? {
    var fs = session.filesystem
    guard let content = try? fs.readFile(path) else { return nil }
    return String(decoding: content.bytes, as: UTF8.self)
  }
}

func out(_ stdout: String, _ stderr: String = "", _ status: Int32 = 0) -> ShellHarness.Outcome {
  ShellHarness.Outcome(stdout: stdout, stderr: stderr, status: status)
}
