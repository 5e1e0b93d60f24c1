import DockSimCore
import DockSimTestSupport
import Foundation
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// Runs `docker ...` lines straight through the docker CLI, on a session with the
/// bundled Hub, and records transcripts.
struct DockerHarness {
  var session: Session

  init(version: DockerVersion = .v20_10) {
    session = Session(settings: Settings(dockerVersion: version), hub: RegistryTestSupport.hub ?? Hub())
  }

  struct Outcome {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// Runs one `docker` command line (words split on spaces; single or double
  /// quotes group words).
  @discardableResult
  mutating func run(_ line: String, traits: TerminalTraits = .plain) -> Outcome {
    var console = Console(traits: traits)
    let words = Self.split(line)
    let invocation = Invocation(arguments: words)
    let status = DockerCLI(version: session.settings.dockerVersion, invocation: invocation)
      .main(session: &session, console: &console)
    return Outcome(stdout: console.stdoutText, stderr: console.stderrText, status: status)
  }

  /// A transcript entry: `$ line`, then stdout, then stderr lines, then a non-zero status.
  mutating func transcript(_ lines: [String]) -> String {
    lines.map { line in
      let outcome = run(line)
      return TranscriptEntry.text(line, stdout: outcome.stdout, stderr: outcome.stderr, status: outcome.status)
    }.joined()
  }

  static func split(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var inWord = false
    for character in line {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character == " " {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}

/// Golden files in Tests/Transcripts/<folder> (see `GoldenFile`); `DOCKSIM_BLESS=1 swift test`
/// rewrites them.
enum RegistryGolden {
  static func check(
    _ actual: String, file name: String, folder: String = "registry", sourceLocation: SourceLocation = #_sourceLocation
  ) {
    GoldenFile.check(actual, file: name, folder: folder, sourceLocation: sourceLocation)
  }
}
