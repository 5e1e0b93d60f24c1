import DockSimCore
import DockSimDaemon
import Foundation
import Testing

/// A student's session through the real docker CLIs against the daemon, and the same
/// lines through docksim's REPL from the same starting state: the same output and
/// status for each (pull, run attached and detached, --rm, diff, commit, history,
/// exec, logs, stop, rm, tag, rmi, and the daemon's refusals).
@Suite(.serialized) struct RealCLILifecycleTests {
  /// Each line, and whether its output is compared (commit's ID comes from the
  /// creation time, which follows the real clock in the daemon only).
  static let script: [(arguments: [String], compared: Bool)] = [
    (["pull", "busybox"], true),
    (["run", "alpine", "echo", "hello"], true),
    (["run", "--name", "c1", "ubuntu:18.04", "touch", "/x"], true),
    (["diff", "c1"], true),
    (["commit", "c1", "snap"], false),
    (["history", "--format", "{{.CreatedBy}} {{.Size}}", "snap"], true),
    (["run", "-d", "--name", "web", "-p", "8080:80", "nginx"], true),
    (["exec", "web", "ls", "/etc/nginx"], true),
    (["exec", "web", "sh", "-c", "echo to-err >&2; exit 4"], true),
    (["logs", "web"], true),
    (["stop", "web"], true),
    (["ps", "-a", "--format", "{{.Names}} {{.Image}} {{.Command}} {{.State}}"], true),
    (["rm", "c1"], true),
    (["tag", "snap", "snap:2"], true),
    (["rmi", "snap:2"], true),
    (["run", "--rm", "alpine", "sh", "-c", "echo out; echo err >&2; exit 3"], true),
    (["ps", "-a", "-q"], true),
    (["rm", "nobody"], true),
    (["stop", "nobody"], true),
    (["rmi", "nothing:here"], true),
    (["inspect", "--format", "{{.State.Status}} {{.State.ExitCode}} {{.Config.Image}}", "web"], true),
  ]

  @Test(arguments: [DockerVersion.v28, .v20_10])
  func aSessionThroughTheRealCLIMatchesTheREPL(version: DockerVersion) throws {
    guard let cli = RealCLITests.cli(version) else { return }
    var harness = DaemonHarness(version)
    harness.prepare(["docker pull ubuntu:18.04", "docker pull alpine", "docker pull nginx"])
    harness.catchUpWithRealClock()
    var repl = harness
    var differences: [String] = []
    try RealCLITests.serving(harness.daemon()) { socket in
      for (arguments, compared) in Self.script {
        let real = try RealCLITests.run(cli, arguments, socket: socket)
        let line = "docker " + arguments.map { $0.contains(" ") || $0.contains(";") ? "'\($0)'" : $0 }.joined(separator: " ")
        let simulated = repl.step(line)
        if compared, real.output != simulated.output || real.status != simulated.status {
          differences.append(
            "$ \(line)\n--- real \(version.fullVersion) CLI (\(real.status)):\n\(real.output)--- docksim (\(simulated.status)):\n\(simulated.output)")
        }
      }
    }
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
  }
}
