import DockSimCore
import DockSimDaemon
import Foundation
import NIOCore
import Testing

/// The real docker CLIs against `docksim daemon`: what they print of the simulated
/// state must be what docksim's own CLI prints of it, byte for byte. 28.2.2 is
/// /usr/local/bin/docker; 20.10 is Debian's docker.io unpacked by `.ci/run`
/// (DOCKSIM_DOCKER2010, else /tmp/docker2010/usr/bin/docker).
@Suite(.serialized) struct RealCLITests {
  static func cli(_ version: DockerVersion) -> String? {
    switch version {
    case .v28:
      return RequiredTool.path("docker", candidates: ["/usr/local/bin/docker"], install: "docker-ce-cli 28.2.2")
    case .v20_10:
      let given = ProcessInfo.processInfo.environment["DOCKSIM_DOCKER2010"].map { [$0] } ?? []
      return RequiredTool.path(
        "docker-20.10", candidates: given + ["/tmp/docker2010/usr/bin/docker"],
        install: "apt-get download docker.io && dpkg -x docker.io_*.deb /tmp/docker2010")
    }
  }

  /// A daemon on a fresh socket for the duration of `body`.
  static func serving<T>(_ daemon: Daemon, _ body: (String) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docksim-daemon-\(getpid())-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("docker.sock").path
    let server = HTTPServer(daemon: daemon, threads: 1)
    let channel = try server.listen(unixSocket: path)
    defer {
      try? channel.close().wait()
      try? server.shutdown()
    }
    return try body(path)
  }

  /// The real CLI's output (stdout then stderr) and status.
  static func run(_ cli: String, _ arguments: [String], socket: String) throws -> (status: Int32, output: String) {
    let config = FileManager.default.temporaryDirectory.appendingPathComponent("docksim-cli-config-\(getpid())")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: cli)
    process.arguments = arguments
    process.environment = [
      "DOCKER_HOST": "unix://" + socket, "DOCKER_CONFIG": config.path, "PATH": "/usr/bin:/bin", "HOME": config.path,
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout + stderr, as: UTF8.self))
  }

  /// The differential: each command through the real CLI and through docksim's REPL.
  static let readOnlyScript: [[String]] = [
    ["images"],
    ["images", "-a"],
    ["images", "ubuntu"],
    ["images", "--no-trunc"],
    ["images", "-q"],
    ["images", "--filter", "dangling=false"],
    ["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}} {{.CreatedAt}}"],
    ["ps"],
    ["ps", "-a"],
    ["ps", "-a", "--no-trunc"],
    ["ps", "-q"],
    ["ps", "-a", "--filter", "status=created"],
    ["ps", "-a", "--filter", "name=web"],
    ["ps", "-a", "--format", "{{.Names}} {{.Image}} {{.Command}} {{.Status}} {{.Ports}}"],
    ["ps", "--filter", "colour=red"],
    ["version", "--format", "{{.Server.Version}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.KernelVersion}}"],
    ["info", "--format", "{{.Containers}} {{.ContainersRunning}} {{.Images}} {{.ServerVersion}} {{.Driver}}"],
  ]

  static let preparation = [
    "docker pull ubuntu:18.04", "docker pull alpine", "docker pull nginx",
    "docker run -d --name web -p 8080:80 nginx", "docker create --name box alpine echo hi",
    "docker run --name once alpine echo hello",
  ]

  @Test(arguments: [DockerVersion.v28, .v20_10])
  func theRealCLIPrintsWhatDocksimsCLIPrints(version: DockerVersion) throws {
    guard let cli = Self.cli(version) else { return }
    var harness = DaemonHarness(version)
    harness.prepare(Self.preparation)
    harness.catchUpWithRealClock()
    var differences: [String] = []
    try Self.serving(harness.daemon()) { socket in
      for arguments in Self.readOnlyScript {
        let real = try Self.run(cli, arguments, socket: socket)
        let line = "docker " + arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        let simulated = harness.repl(line)
        if real.output != simulated {
          differences.append("$ \(line)\n--- real \(version.fullVersion) CLI:\n\(real.output)--- docksim:\n\(simulated)")
        }
      }
    }
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
  }
}
