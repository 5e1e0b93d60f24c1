import DockSimCore
import DockSimTestSupport

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// A session with the bundled Hub, fed whole inputs as a script feeds them (pipes,
/// here-documents, `sleep` on the host), with transcripts of what it printed.
struct SessionHarness {
  var session: Session

  init(_ version: DockerVersion = .v20_10) {
    session = Session(settings: Settings(dockerVersion: version), hub: RegistryTestSupport.hub ?? Hub())
  }

  @discardableResult
  mutating func run(_ text: String) -> ShellHarness.Outcome {
    var console = Console(traits: .plain)
    let status = session.execute(text, console: &console)
    return ShellHarness.Outcome(stdout: console.stdoutText, stderr: console.stderrText, status: status)
  }

  mutating func transcript(_ inputs: [String]) -> String {
    inputs.map { input in
      let outcome = run(input)
      return TranscriptEntry.text(input, stdout: outcome.stdout, stderr: outcome.stderr, status: outcome.status)
    }.joined()
  }

  func image(_ name: String) -> Image? {
    guard case .success(let image) = session.engine.images.lookup(name, version: session.engine.version) else { return nil }
    return image
  }
}

/// One input of a golden transcript: `$ input` (`> ` before each continuation line),
/// its stdout, its stderr lines marked `! `, a non-zero status as `? N`.
enum TranscriptEntry {
  static func text(_ input: String, stdout: String, stderr: String, status: Int32) -> String {
    var out = input.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .map { ($0.offset == 0 ? "$ " : "> ") + $0.element + "\n" }.joined()
    out += stdout
    out += stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "! " + $0 + "\n" }.joined()
    return out + (status == 0 ? "" : "? \(status)\n")
  }
}
