import DockSimCore
import DockSimShell

/// `docker info` (also `docker system info`): the client section, then the
/// daemon's, counted from the session. The host facts (kernel, OS, CPUs, memory)
/// are fixed: a 2-CPU Ubuntu VM of that release's era (22.04 for 20.10, 24.04 for 28).
struct Info: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS]",
    abstract: "Display system-wide information",
    flags: [.string("format", short: "f")],
    arguments: .none)

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let version = command.version
    let format = command.string("format")
    if !format.isEmpty {
      return SystemDocuments.format(
        SystemDocuments.info(session.engine), format: format, name: "",
        rootType: version == .v20_10 ? "system.info" : "system.dockerInfo", version: version, tabWriter: nil,
        console: &console)
    }
    // The CLI ends the report with a blank line.
    let text = client(version) + [""] + server(session.engine, version: version) + [""]
    console.write(text.map { $0 + "\n" }.joined())
    return 0
  }

  static func client(_ version: DockerVersion) -> [String] {
    let versionLine = version == .v28 ? [" Version:    \(version.fullVersion)"] : []
    return ["Client:"] + versionLine + [" Context:    default", " Debug Mode: false"]
  }

  static func server(_ engine: Engine, version: DockerVersion) -> [String] {
    ["Server:"] + counts(engine) + [" Server Version: \(version.fullVersion)"] + storage(version)
      + runtime(version) + host(version) + daemon(version)
  }

  static func counts(_ engine: Engine) -> [String] {
    let all = engine.containers.all
    let running = all.filter(\.state.running).count
    return [
      " Containers: \(all.count)", "  Running: \(running)", "  Paused: 0", "  Stopped: \(all.count - running)",
      " Images: \(engine.images.images.count)",
    ]
  }

  static func storage(_ version: DockerVersion) -> [String] {
    let metacopy = version == .v28 ? ["  Using metacopy: false"] : []
    return [" Storage Driver: overlay2", "  Backing Filesystem: extfs", "  Supports d_type: true"] + metacopy
      + ["  Native Overlay Diff: true", "  userxattr: false", " Logging Driver: json-file", " Cgroup Driver: systemd",
        " Cgroup Version: 2"] + plugins(version)
  }

  /// The daemon's plugins (the same lists `--format '{{json .Plugins}}'` shows) and 28's CDI directories.
  static func plugins(_ version: DockerVersion) -> [String] {
    let document = SystemDocuments.plugins(version)
    func names(_ kind: String) -> String { (document[kind]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ") }
    let cdi = version == .v28 ? [" CDI spec directories:", "  /etc/cdi", "  /var/run/cdi"] : []
    return [" Plugins:", "  Volume: \(names("Volume"))", "  Network: \(names("Network"))", "  Log: \(names("Log"))"] + cdi
  }

  static func runtime(_ version: DockerVersion) -> [String] {
    let release = Version.Release(version)
    let runtimes = version == .v28 ? "io.containerd.runc.v2 runc" : "io.containerd.runc.v2 io.containerd.runtime.v1.linux runc"
    return [
      " Swarm: inactive", " Runtimes: \(runtimes)", " Default Runtime: runc", " Init Binary: docker-init",
      " containerd version: \(release.containerdCommit)", " runc version: \(release.runcCommit)",
      " init version: de40ad0", " Security Options:", "  apparmor", "  seccomp", "   Profile: builtin", "  cgroupns",
    ]
  }

  /// The simulated host of each release's era.
  static func hostFacts(_ version: DockerVersion) -> (kernel: String, os: String, osVersion: String) {
    version == .v28
      ? ("6.8.0-60-generic", "Ubuntu 24.04.2 LTS", "24.04") : ("5.15.0-76-generic", "Ubuntu 22.04.2 LTS", "22.04")
  }

  /// 3.82GiB, the MemTotal of a 4 GB VM after the kernel's reservations.
  static let memoryBytes: Int64 = 4_101_627_904

  static func host(_ version: DockerVersion) -> [String] {
    let (kernel, os, _) = hostFacts(version)
    return [
      " Kernel Version: \(kernel)", " Operating System: \(os)", " OSType: linux", " Architecture: x86_64",
      " CPUs: 2", " Total Memory: 3.82GiB", " Name: docksim", " ID: \(SystemDocuments.daemonID(version))",
      " Docker Root Dir: /var/lib/docker",
      " Debug Mode: false",
    ]
  }

  static func daemon(_ version: DockerVersion) -> [String] {
    let registry = version == .v20_10 ? [" Registry: https://index.docker.io/v1/", " Labels:"] : []
    let loopback = version == .v28 ? ["  ::1/128"] : []
    return registry + [" Experimental: false", " Insecure Registries:"] + loopback
      + ["  127.0.0.0/8", " Live Restore Enabled: false"]
  }
}
