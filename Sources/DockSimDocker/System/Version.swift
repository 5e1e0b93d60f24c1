import DockSimCore
import DockSimShell

/// `docker version`.
///
/// The client section is what the real CLI of that release prints (Debian's
/// 20.10.24 adds `Experimental: true`). The server section is what a Linux daemon
/// of that release reports. Fixed values, taken from the upstream release builds:
/// * 20.10.24: engine commit 5d6db84, go1.19.7, built Tue Apr  4 18:18:42 2023,
///   minimum API 1.12; containerd 1.6.20, runc 1.1.5, docker-init 0.19.0.
/// * 28.2.2: engine commit 45873be, go1.24.3, built Fri May 30 12:07:26 2025,
///   minimum API 1.24; containerd 1.7.27, runc 1.2.5, docker-init 0.19.0.
/// No date comes from the clock.
struct Version: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS]",
    abstract: "Show the Docker version information",
    flags: [.string("format", short: "f")],
    arguments: .none)

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let format = command.string("format")
    guard !format.isEmpty else {
      console.write(text(for: command.version))
      return 0
    }
    // The CLI writes the template's output through tabwriter(20, 1, 1, ' ').
    return SystemDocuments.format(
      SystemDocuments.version(command.version), format: format, name: "version", rootType: "system.versionInfo",
      typeNames: ["Client": "system.clientVersion", "Server": "*types.Version"],
      version: command.version, tabWriter: TabWriter(minWidth: 20, padding: 1), console: &console)
  }

  /// The whole output: client, a blank line, server.
  static func text(for version: DockerVersion) -> String {
    let release = Release(version)
    return lines(client(version, release)) + "\n" + lines(server(version, release))
  }

  static func lines(_ rows: [String]) -> String { rows.map { $0 + "\n" }.joined() }

  static func client(_ version: DockerVersion, _ release: Release) -> [String] {
    var rows = [
      "Client:",
      field(" Version:", version.fullVersion),
      field(" API version:", version.apiVersion),
      field(" Go version:", release.goVersion),
      field(" Git commit:", release.clientCommit),
      field(" Built:", release.clientBuilt),
      field(" OS/Arch:", "linux/amd64"),
      field(" Context:", "default"),
    ]
    if version == .v20_10 { rows.append(field(" Experimental:", "true")) }
    return rows
  }

  static func server(_ version: DockerVersion, _ release: Release) -> [String] {
    [
      "Server: Docker Engine - Community",
      " Engine:",
      field("  Version:", version.fullVersion),
      field("  API version:", "\(version.apiVersion) (minimum version \(release.minimumAPI))"),
      field("  Go version:", release.goVersion),
      field("  Git commit:", release.engineCommit),
      field("  Built:", release.engineBuilt),
      field("  OS/Arch:", "linux/amd64"),
      field("  Experimental:", "false"),
      " containerd:",
      field("  Version:", release.containerd),
      field("  GitCommit:", release.containerdCommit),
      " runc:",
      field("  Version:", release.runc),
      field("  GitCommit:", release.runcCommit),
      " docker-init:",
      field("  Version:", "0.19.0"),
      field("  GitCommit:", "de40ad0"),
    ]
  }

  /// Go's tabwriter output of the version template: values start after column 20.
  static func field(_ label: String, _ value: String) -> String {
    label.padding(toLength: max(20, label.count + 1), withPad: " ", startingAt: 0) + value
  }

  /// The fixed build facts of one release.
  struct Release {
    var goVersion: String
    var clientCommit: String
    var clientBuilt: String
    var engineCommit: String
    var engineBuilt: String
    /// The daemon's BuildTime as the API sends it (`date --rfc-3339=ns` at build).
    var engineBuildTime: String
    var minimumAPI: String
    var containerd: String
    var containerdCommit: String
    var runc: String
    var runcCommit: String

    init(_ version: DockerVersion) {
      switch version {
      case .v20_10:
        goVersion = "go1.19.7"
        clientCommit = "297e128"
        clientBuilt = "Tue Apr  4 18:21:03 2023"
        engineCommit = "5d6db84"
        engineBuilt = "Tue Apr  4 18:18:42 2023"
        engineBuildTime = "2023-04-04T18:18:42.000000000+00:00"
        minimumAPI = "1.12"
        containerd = "1.6.20"
        containerdCommit = "2806fc1057397dbaeefbea0e4e17bddfbd388f38"
        runc = "1.1.5"
        runcCommit = "v1.1.5-0-gf19387a"
      case .v28:
        goVersion = "go1.24.3"
        clientCommit = "e6534b4"
        clientBuilt = "Fri May 30 12:07:14 2025"
        engineCommit = "45873be"
        engineBuilt = "Fri May 30 12:07:26 2025"
        engineBuildTime = "2025-05-30T12:07:26.000000000+00:00"
        minimumAPI = "1.24"
        containerd = "1.7.27"
        containerdCommit = "05044ec0a9a75232cad458027ca83437aae3f4da"
        runc = "1.2.5"
        runcCommit = "v1.2.5-0-g59923ef"
      }
    }
  }
}
