import DockSimCore
import DockSimShell

/// What `docker version --format` and `docker info --format` templates run on:
/// docker/cli's versionInfo and info structs, with the daemon's answers in them,
/// in field order. The values are those the plain output prints (Version.swift,
/// Info.swift), plus the fields only the JSON shows.
enum SystemDocuments {
  // MARK: version

  /// versionInfo{Client, Server}. The CLI rewrites the Engine component's
  /// BuildTime for display; the server's own BuildTime stays as the daemon sent it.
  static func version(_ version: DockerVersion) -> JSONValue {
    let release = Version.Release(version)
    var client: [(String, JSONValue)] = []
    // 20.10's Platform is a struct (an empty name here, as the distribution CLI has);
    // 28's is a nil pointer, left out.
    if version == .v20_10 { client.append(("Platform", .object([("Name", .string(""))]))) }
    client += [
      ("Version", .string(version.fullVersion)),
      ("ApiVersion", .string(version.apiVersion)),
      ("DefaultAPIVersion", .string(version.apiVersion)),
      ("GitCommit", .string(release.clientCommit)),
      ("GoVersion", .string(release.goVersion)),
      ("Os", .string("linux")),
      ("Arch", .string("amd64")),
      ("BuildTime", .string(release.clientBuilt)),
      ("Context", .string("default")),
    ]
    if version == .v20_10 { client.append(("Experimental", .bool(true))) }
    let kernel = Info.hostFacts(version).kernel
    let engineDetails: [(String, JSONValue)] = [
      ("ApiVersion", .string(version.apiVersion)), ("Arch", .string("amd64")),
      ("BuildTime", .string(release.engineBuilt)), ("Experimental", .string("false")),
      ("GitCommit", .string(release.engineCommit)), ("GoVersion", .string(release.goVersion)),
      ("KernelVersion", .string(kernel)), ("MinAPIVersion", .string(release.minimumAPI)), ("Os", .string("linux")),
    ]
    func component(_ name: String, _ version: String, _ details: [(String, JSONValue)]) -> JSONValue {
      .object([("Name", .string(name)), ("Version", .string(version)), ("Details", .object(details))])
    }
    let server: [(String, JSONValue)] = [
      ("Platform", .object([("Name", .string("Docker Engine - Community"))])),
      (
        "Components",
        .array([
          component("Engine", version.fullVersion, engineDetails),
          component("containerd", release.containerd, [("GitCommit", .string(release.containerdCommit))]),
          component("runc", release.runc, [("GitCommit", .string(release.runcCommit))]),
          component("docker-init", "0.19.0", [("GitCommit", .string("de40ad0"))]),
        ])
      ),
      ("Version", .string(version.fullVersion)),
      ("ApiVersion", .string(version.apiVersion)),
      ("MinAPIVersion", .string(release.minimumAPI)),
      ("GitCommit", .string(release.engineCommit)),
      ("GoVersion", .string(release.goVersion)),
      ("Os", .string("linux")),
      ("Arch", .string("amd64")),
      ("KernelVersion", .string(kernel)),
      ("BuildTime", .string(release.engineBuildTime)),
    ]
    return .object([("Client", .object(client)), ("Server", .object(server))])
  }

  // MARK: info

  /// The info struct: the daemon's system.Info members at the top, then ClientInfo.
  static func info(_ engine: Engine) -> JSONValue {
    let version = engine.version
    let modern = version == .v28
    let all = engine.containers.all
    let running = all.filter(\.state.running).count
    let host = Info.hostFacts(version)
    let release = Version.Release(version)
    func pairs(_ items: [(String, String)]) -> JSONValue {
      .array(items.map { .array([.string($0.0), .string($0.1)]) })
    }
    let metacopy = modern ? [("Using metacopy", "false")] : []
    var members: [(String, JSONValue)] = [
      ("ID", .string(daemonID(version))),
      ("Containers", .int(Int64(all.count))),
      ("ContainersRunning", .int(Int64(running))),
      ("ContainersPaused", .int(0)),
      ("ContainersStopped", .int(Int64(all.count - running))),
      ("Images", .int(Int64(engine.images.images.count))),
      ("Driver", .string("overlay2")),
      (
        "DriverStatus",
        pairs(
          [("Backing Filesystem", "extfs"), ("Supports d_type", "true")] + metacopy
            + [("Native Overlay Diff", "true"), ("userxattr", "false")])
      ),
      ("Plugins", plugins(version)),
      ("MemoryLimit", .bool(true)),
      ("SwapLimit", .bool(true)),
    ]
    // cgroup v2 has no kernel-memory accounting; 28 leaves the false fields out.
    if !modern { members += [("KernelMemory", .bool(false)), ("KernelMemoryTCP", .bool(false))] }
    members += [
      ("CpuCfsPeriod", .bool(true)),
      ("CpuCfsQuota", .bool(true)),
      ("CPUShares", .bool(true)),
      ("CPUSet", .bool(true)),
      ("PidsLimit", .bool(true)),
      ("IPv4Forwarding", .bool(true)),
    ]
    if !modern { members += [("BridgeNfIptables", .bool(true)), ("BridgeNfIp6tables", .bool(true))] }
    members += [
      ("Debug", .bool(false)),
      ("NFd", .int(Int64(24 + 2 * running))),
      ("OomKillDisable", .bool(false)),
      ("NGoroutines", .int(Int64(34 + 6 * running))),
      ("SystemTime", .string(engine.clock.now.rfc3339(fractionDigits: 9, trimZeros: true))),
      ("LoggingDriver", .string("json-file")),
      ("CgroupDriver", .string("systemd")),
      ("CgroupVersion", .string("2")),
      ("NEventsListener", .int(0)),
      ("KernelVersion", .string(host.kernel)),
      ("OperatingSystem", .string(host.os)),
      ("OSVersion", .string(host.osVersion)),
      ("OSType", .string("linux")),
      ("Architecture", .string("x86_64")),
      ("IndexServerAddress", .string("https://index.docker.io/v1/")),
      ("RegistryConfig", registryConfig(version)),
      ("NCPU", .int(2)),
      ("MemTotal", .int(Info.memoryBytes)),
      ("GenericResources", .null),
      ("DockerRootDir", .string("/var/lib/docker")),
      ("HttpProxy", .string("")),
      ("HttpsProxy", .string("")),
      ("NoProxy", .string("")),
      ("Name", .string("docksim")),
      ("Labels", .array([])),
      ("ExperimentalBuild", .bool(false)),
      ("ServerVersion", .string(version.fullVersion)),
      ("Runtimes", runtimes(version)),
      ("DefaultRuntime", .string("runc")),
      (
        "Swarm",
        .object([
          ("NodeID", .string("")), ("NodeAddr", .string("")), ("LocalNodeState", .string("inactive")),
          ("ControlAvailable", .bool(false)), ("Error", .string("")), ("RemoteManagers", .null),
        ])
      ),
      ("LiveRestoreEnabled", .bool(false)),
      ("Isolation", .string("")),
      ("InitBinary", .string("docker-init")),
      ("ContainerdCommit", commit(release.containerdCommit, version)),
      ("RuncCommit", commit(release.runcCommit, version)),
      ("InitCommit", commit("de40ad0", version)),
      ("SecurityOptions", .strings(["name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"])),
    ]
    if modern {
      members += [
        ("FirewallBackend", .object([("Driver", .string("iptables"))])),
        ("CDISpecDirs", .strings(["/etc/cdi", "/var/run/cdi"])),
        (
          "Containerd",
          .object([
            ("Address", .string("/run/containerd/containerd.sock")),
            ("Namespaces", .object([("Containers", .string("moby")), ("Plugins", .string("plugins.moby"))])),
          ])
        ),
      ]
    }
    members += [("Warnings", .null), ("ClientInfo", clientInfo(version))]
    return .object(members)
  }

  /// 20.10's ID is a key fingerprint (12 groups of 4 base32 characters); 28's a UUID.
  /// Both are random per installation; here they come from a fixed seed.
  static func daemonID(_ version: DockerVersion) -> String {
    let hex = Digest.sha256("docksim daemon \(version.rawValue)").hex
    switch version {
    case .v20_10:
      let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
      let digits = hex.prefix(48).map { alphabet[Int(String($0), radix: 16)! * 2 % 32] }
      return stride(from: 0, to: 48, by: 4).map { String(digits[$0..<($0 + 4)]) }.joined(separator: ":")
    case .v28:
      let chars = Array(hex.prefix(32))
      return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    }
  }

  static func plugins(_ version: DockerVersion) -> JSONValue {
    // 28 no longer ships the logentries driver.
    let logentries = version == .v20_10 ? ["logentries"] : []
    let log = ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local"] + logentries + ["splunk", "syslog"]
    return .object([
      ("Volume", .strings(["local"])),
      ("Network", .strings(["bridge", "host", "ipvlan", "macvlan", "null", "overlay"])),
      ("Authorization", .null),
      ("Log", .strings(log)),
    ])
  }

  /// 28's CLI re-encodes RegistryConfig through a map (its ServiceConfig has a
  /// MarshalJSON for extra fields), so its keys, and its index's, come out sorted.
  static func registryConfig(_ version: DockerVersion) -> JSONValue {
    let config = registryConfigFields(version)
    guard version == .v28 else { return config }
    return sortedDeep(config)
  }

  static func sortedDeep(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members): return .object(members.map { ($0.0, sortedDeep($0.1)) }.sorted { $0.0 < $1.0 })
    case .array(let items): return .array(items.map(sortedDeep))
    default: return value
    }
  }

  static func registryConfigFields(_ version: DockerVersion) -> JSONValue {
    // NetIPNet marshals as CIDR text. 28 also trusts the IPv6 loopback, and leaves
    // its artifact fields out when empty.
    let insecure: [String] = version == .v28 ? ["::1/128", "127.0.0.0/8"] : ["127.0.0.0/8"]
    var members: [(String, JSONValue)] = []
    if version == .v20_10 {
      members += [("AllowNondistributableArtifactsCIDRs", .array([])), ("AllowNondistributableArtifactsHostnames", .array([]))]
    }
    let hub = JSONValue.object([
      ("Name", .string("docker.io")), ("Mirrors", .array([])), ("Secure", .bool(true)), ("Official", .bool(true)),
    ])
    members += [
      ("InsecureRegistryCIDRs", .strings(insecure)),
      ("IndexConfigs", .object([("docker.io", hub)])),
      ("Mirrors", .array([])),
    ]
    return .object(members)
  }

  static func runtimes(_ version: DockerVersion) -> JSONValue {
    let names =
      version == .v20_10 ? ["io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "runc"] : ["io.containerd.runc.v2", "runc"]
    return .object(names.map { ($0, .object([("path", .string("runc"))])) })
  }

  /// 28's Expected is omitted when empty, and docker-init's is no longer checked.
  static func commit(_ id: String, _ version: DockerVersion) -> JSONValue {
    version == .v20_10 ? .object([("ID", .string(id)), ("Expected", .string(id))]) : .object([("ID", .string(id))])
  }

  static func clientInfo(_ version: DockerVersion) -> JSONValue {
    var members: [(String, JSONValue)] = [("Debug", .bool(false))]
    if version == .v28 {
      // 28 embeds the client's version facts (info does not fill in the API version).
      if case .object(let client) = SystemDocuments.version(version)["Client"] ?? .null {
        members += client.filter { $0.0 != "ApiVersion" }
      }
    } else {
      members.append(("Context", .string("default")))
    }
    return .object(members + [("Plugins", .array([])), ("Warnings", .null)])
  }

  // MARK: formatting

  /// Runs `--format` on a document as docker/cli does for version and info: parse
  /// errors exit 64, execution errors are printed after the partial output (and the
  /// newline the CLI always adds) and exit 1.
  static func format(
    _ document: JSONValue, format: String, name: String, rootType: String, typeNames: [String: String] = [:],
    version: DockerVersion, tabWriter: TabWriter?, console: inout Console
  ) -> Int32 {
    let text = version == .v28 && format == "json" ? "{{json .}}" : format
    let template: DockerFormat
    do {
      template = try DockerFormat(verbatim: text, version: version, name: name)
    } catch {
      console.errorLine(error.message)
      return 64
    }
    let value = document.typedTemplateValue(rootType: rootType, typeNames: typeNames)
    let (written, error) = template.executePartially(value)
    // Execution errors come back bare (only parse errors carry the prefix).
    let failure = error.map { String($0.message.trimmingPrefix("template parsing error: ")) }
    let output = written + "\n"
    console.write(tabWriter.map { $0.format(output) } ?? output)
    if let failure {
      console.errorLine(failure)
      return 1
    }
    return 0
  }
}
