import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker

/// Every command and management subcommand docker's help lists (the real 20.10.24 and
/// 28.2.2 texts) either works or answers one line, `docksim: docker PATH: not simulated
/// (...)`, with status 125; "is not a docker command" is only for names the real CLI lacks.
/// The walk's result is the coverage list (Tests/Transcripts/docker/help-coverage.txt),
/// which README's "Docker commands" section summarises.
@Suite struct DockerHelpCoverageTests {
  enum Answer: Equatable {
    case simulated
    case notSimulated(String)
  }

  @Test(arguments: [DockerVersion.v20_10, .v28])
  func everyListedCommandWorksOrSaysItIsNotSimulated(version: DockerVersion) throws {
    var lines: [String] = []
    for path in Self.listedPaths(version) {
      let answer = try #require(Self.answer(path, version: version), "docker \(path.joined(separator: " "))")
      switch answer {
      case .simulated: lines.append("simulated      docker \(path.joined(separator: " "))")
      case .notSimulated(let line): lines.append("not simulated  \(line)")
      }
    }
    GoldenFile.check(lines.joined(separator: "\n") + "\n", file: "help-coverage-\(version.rawValue).txt", folder: "docker")
  }

  /// Names docker does not have keep the real CLI's answer.
  @Test(arguments: [DockerVersion.v20_10, .v28])
  func unknownNamesAreNotDockerCommands(version: DockerVersion) {
    var harness = SessionHarness(version)
    let outcome = harness.run("docker nosuch")
    #expect(outcome.status == 1)
    #expect(outcome.stderr == DockerErrors.unknownCommand("nosuch", version: version) + "\n")
  }

  /// The commands of `docker --help`, then the subcommands of each management command
  /// docksim has the help of (`container`, `image`, `system`).
  static func listedPaths(_ version: DockerVersion) -> [[String]] {
    let root = commands(in: DockerHelp.text([], version: version) ?? "")
    var paths = root.map { [$0] }
    for group in root where DockerHelp.text([group], version: version) != nil {
      paths += commands(in: DockerHelp.text([group], version: version)!).map { [group, $0] }
    }
    return paths
  }

  /// The names in a help text's `Commands:` and `Management Commands:` sections.
  static func commands(in help: String) -> [String] {
    var names: [String] = []
    var inSection = false
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasSuffix("Commands:") {
        inSection = true
      } else if line.isEmpty {
        inSection = false
      } else if inSection, line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first {
        names.append(String(name.trimmingCharacters(in: ["*"])))
      }
    }
    return names
  }

  /// How docksim answers `docker PATH --help` and `docker PATH`: the command's help (it is
  /// simulated), or the same single not-simulated line with 125 to both; nil otherwise.
  static func answer(_ path: [String], version: DockerVersion) -> Answer? {
    var harness = SessionHarness(version)
    let command = "docker " + path.joined(separator: " ")
    let help = harness.run(command + " --help")
    let bare = harness.run(command)
    let line = "docksim: docker \(path.joined(separator: " ")): not simulated ("
    if help.status == 125 {
      let single = help.stderr.hasPrefix(line) && help.stderr.filter { $0 == "\n" }.count == 1
      guard single, help.stdout.isEmpty, bare.status == 125, bare.stderr == help.stderr else { return nil }
      return .notSimulated(String(help.stderr.dropLast()))
    }
    let unknown = ["is not a docker command", "unknown command", "unknown help topic"]
    guard help.status == 0, !help.stdout.isEmpty, !unknown.contains(where: { bare.stderr.contains($0) }) else {
      return nil
    }
    return .simulated
  }
}
