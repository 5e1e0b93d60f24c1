import DockSimCore
import DockSimShell

/// A container as `GET /containers/{id}/json` describes it: moby's ContainerJSON
/// (20.10, API 1.41) or container.InspectResponse (28, API 1.50), keys in struct
/// order. Values the simulation has no source for are those of a default
/// `docker run` on an Ubuntu host with the overlay2 driver, AppArmor and cgroup v2.
/// Host-side names (overlay2 cache IDs, the sandbox, the endpoint, the bridge
/// network) are random in Docker; here they are hashes of the container ID, so
/// the same session always prints the same document.
enum ContainerInspectDocument {
  static func json(_ container: Container, engine: Engine, size: Bool) -> JSONValue {
    let version = engine.version
    let image = engine.images.image(container.imageID)
    let started = container.state.startedAt != .goZero
    let directory = "/var/lib/docker/containers/\(container.id)"
    var members: [(String, JSONValue)] = [
      ("Id", .string(container.id)),
      ("Created", .string(timestamp(container.created))),
      ("Path", .string(container.path)),
      ("Args", .strings(container.args)),
      ("State", state(container)),
      ("Image", .string(container.imageID.description)),
      // The daemon writes these files when it first starts the container.
      ("ResolvConfPath", .string(started ? directory + "/resolv.conf" : "")),
      ("HostnamePath", .string(started ? directory + "/hostname" : "")),
      ("HostsPath", .string(started ? directory + "/hosts" : "")),
      ("LogPath", .string(started ? "\(directory)/\(container.id)-json.log" : "")),
      ("Name", .string("/" + container.name)),
      ("RestartCount", .int(0)),
      ("Driver", .string("overlay2")),
      ("Platform", .string("linux")),
      ("MountLabel", .string("")),
      ("ProcessLabel", .string("")),
      ("AppArmorProfile", .string(started ? "docker-default" : "")),
      ("ExecIDs", container.execIDs.isEmpty ? .null : .strings(container.execIDs)),
      ("HostConfig", hostConfig(container, version: version)),
      ("GraphDriver", graphDriver(container, image: image)),
    ]
    if size {
      let writable = container.writableSize
      members += [("SizeRw", .int(writable)), ("SizeRootFs", .int(writable + container.imageSize))]
    }
    members += [
      ("Mounts", mounts(container, image: image)),
      ("Config", config(container, image: image)),
      ("NetworkSettings", networkSettings(container, version: version)),
    ]
    return .object(members)
  }

  /// State.Health is an `omitempty` pointer: `{{json .State.Health}}` is `null`
  /// for a container without a HEALTHCHECK.
  static let omittedFields: JSONValue.OmittedFields = ["State": [("Health", .null)]]

  static func timestamp(_ time: Timestamp) -> String { time.rfc3339(fractionDigits: 9, trimZeros: true) }

  static func state(_ container: Container) -> JSONValue {
    let state = container.state
    var members: [(String, JSONValue)] = [
      ("Status", .string(state.status)),
      ("Running", .bool(state.running)),
      ("Paused", .bool(false)),
      ("Restarting", .bool(false)),
      ("OOMKilled", .bool(false)),
      ("Dead", .bool(false)),
      ("Pid", .int(state.running ? pid(container) : 0)),
      ("ExitCode", .int(Int64(state.exitCode))),
      ("Error", .string(state.error)),
      ("StartedAt", .string(timestamp(state.startedAt))),
      ("FinishedAt", .string(timestamp(state.finishedAt))),
    ]
    // `omitempty`: only a container that started with a HEALTHCHECK has one.
    if let health = state.health { members.append(("Health", healthJSON(health))) }
    return .object(members)
  }

  /// moby's Health: the log is always a list (the daemon copies it into a new slice).
  static func healthJSON(_ health: ContainerHealth) -> JSONValue {
    let log = health.log.map { result -> JSONValue in
      .object([
        ("Start", .string(timestamp(result.start))),
        ("End", .string(timestamp(result.end))),
        ("ExitCode", .int(Int64(result.exitCode))),
        ("Output", .string(result.output)),
      ])
    }
    return .object([
      ("Status", .string(health.status.rawValue)),
      ("FailingStreak", .int(Int64(health.failingStreak))),
      ("Log", .array(log)),
    ])
  }

  /// The main process's host PID: a stable number from the ID and the start time
  /// (a restarted container gets a new one), in the range a busy host hands out.
  static func pid(_ container: Container) -> Int64 {
    let digest = Digest.sha256("pid \(container.id) \(container.state.startedAt)").hex
    return 1000 + Int64(UInt32(digest.prefix(8), radix: 16)! % 60000)
  }

  // MARK: HostConfig

  /// What the CLI sends for a default `docker run`, after the daemon filled its
  /// defaults in (moby's adaptContainerSettings).
  static func hostConfig(_ container: Container, version: DockerVersion) -> JSONValue {
    let modern = version == .v28
    var members: [(String, JSONValue)] = [
      ("Binds", .null),
      ("ContainerIDFile", .string("")),
      ("LogConfig", .object([("Type", .string("json-file")), ("Config", .object([]))])),
      // 28's daemon turns the CLI's "default" into the default network's name.
      ("NetworkMode", .string(modern ? "bridge" : "default")),
      ("PortBindings", portBindings(container.settings.portRequests)),
      ("RestartPolicy", .object([("Name", .string("no")), ("MaximumRetryCount", .int(0))])),
      ("AutoRemove", .bool(container.autoRemove)),
      ("VolumeDriver", .string("")),
      ("VolumesFrom", .null),
    ]
    let consoleSize = JSONValue.array(container.settings.consoleSize.map { .int(Int64($0)) })
    if modern { members.append(("ConsoleSize", consoleSize)) }
    members += [
      ("CapAdd", .null),
      ("CapDrop", .null),
      ("CgroupnsMode", .string("private")),
      ("Dns", .array([])),
      ("DnsOptions", .array([])),
      ("DnsSearch", .array([])),
      ("ExtraHosts", .null),
      ("GroupAdd", .null),
      ("IpcMode", .string("private")),
      ("Cgroup", .string("")),
      ("Links", .null),
      ("OomScoreAdj", .int(0)),
      ("PidMode", .string("")),
      ("Privileged", .bool(false)),
      ("PublishAllPorts", .bool(false)),
      ("ReadonlyRootfs", .bool(false)),
      ("SecurityOpt", .null),
      ("UTSMode", .string("")),
      ("UsernsMode", .string("")),
      ("ShmSize", .int(67_108_864)),
      ("Runtime", .string("runc")),
    ]
    if !modern { members.append(("ConsoleSize", consoleSize)) }
    members.append(("Isolation", .string("")))
    members += resources(version: version)
    members += [
      ("MaskedPaths", .strings(maskedPaths(version))),
      ("ReadonlyPaths", .strings(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"])),
    ]
    return .object(members)
  }

  /// container.Resources as the CLI sends them: 28's option lists are empty
  /// slices where 20.10's were nil, and 28 leaves out the kernel-memory limits.
  static func resources(version: DockerVersion) -> [(String, JSONValue)] {
    let modern = version == .v28
    let emptyList: JSONValue = modern ? .array([]) : .null
    var members: [(String, JSONValue)] = [
      ("CpuShares", .int(0)),
      ("Memory", .int(0)),
      ("NanoCpus", .int(0)),
      ("CgroupParent", .string("")),
      ("BlkioWeight", .int(0)),
      ("BlkioWeightDevice", .array([])),
      ("BlkioDeviceReadBps", emptyList),
      ("BlkioDeviceWriteBps", emptyList),
      ("BlkioDeviceReadIOps", emptyList),
      ("BlkioDeviceWriteIOps", emptyList),
      ("CpuPeriod", .int(0)),
      ("CpuQuota", .int(0)),
      ("CpuRealtimePeriod", .int(0)),
      ("CpuRealtimeRuntime", .int(0)),
      ("CpusetCpus", .string("")),
      ("CpusetMems", .string("")),
      ("Devices", .array([])),
      ("DeviceCgroupRules", .null),
      ("DeviceRequests", .null),
    ]
    if !modern { members += [("KernelMemory", .int(0)), ("KernelMemoryTCP", .int(0))] }
    members += [
      ("MemoryReservation", .int(0)),
      ("MemorySwap", .int(0)),
      ("MemorySwappiness", .null),
      ("OomKillDisable", .bool(false)),
      ("PidsLimit", .null),
      ("Ulimits", emptyList),
      ("CpuCount", .int(0)),
      ("CpuPercent", .int(0)),
      ("IOMaximumIOps", .int(0)),
      ("IOMaximumBandwidth", .int(0)),
    ]
    return members
  }

  /// moby's oci defaults; 28 also masks /proc/interrupts and powercap (GHSA advisories).
  static func maskedPaths(_ version: DockerVersion) -> [String] {
    let interrupts = version == .v28 ? ["/proc/interrupts"] : []
    let powercap = version == .v28 ? ["/sys/devices/virtual/powercap"] : []
    return ["/proc/asound", "/proc/acpi"] + interrupts + [
      "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
      "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
    ] + powercap
  }

  /// `-p` as requested: a port the daemon chooses has an empty HostPort.
  static func portBindings(_ requests: [PortBinding]) -> JSONValue {
    var bindings: [String: [JSONValue]] = [:]
    for request in requests {
      let binding = JSONValue.object([
        ("HostIp", .string(request.hostIP)), ("HostPort", .string(request.hostPort == 0 ? "" : String(request.hostPort))),
      ])
      bindings["\(request.containerPort)/\(request.proto)", default: []].append(binding)
    }
    return .sortedObject(bindings.mapValues { .array($0) })
  }

  // MARK: GraphDriver

  /// The container's overlay2 directories (`Overlay2Directories`).
  static func graphDriver(_ container: Container, image: Image?) -> JSONValue {
    let directories = Overlay2Directories(container: container, image: image)
    return .object([
      (
        "Data",
        .object([
          ("LowerDir", .string(directories.lower.joined(separator: ":"))),
          ("MergedDir", .string(directories.mergedDir)),
          ("UpperDir", .string(directories.upperDir)),
          ("WorkDir", .string(directories.workDir)),
        ])
      ),
      ("Name", .string("overlay2")),
    ])
  }

  // MARK: Mounts

  /// The image's VOLUMEs each get an anonymous local volume (a random 64-hex name in
  /// Docker, a hash of the container and path here). The daemon lists them from a
  /// map, in no fixed order; docksim sorts them by destination.
  static func mounts(_ container: Container, image: Image?) -> JSONValue {
    let paths = (image?.config.volumes ?? []).sorted()
    return .array(
      paths.map { path in
        let name = Digest.sha256("volume \(container.id) \(path)").hex
        return .object([
          ("Type", .string("volume")), ("Name", .string(name)),
          ("Source", .string("/var/lib/docker/volumes/\(name)/_data")), ("Destination", .string(path)),
          ("Driver", .string("local")), ("Mode", .string("")), ("RW", .bool(true)), ("Propagation", .string("")),
        ])
      })
  }

  // MARK: Config

  /// container.Config: the create request merged with the image's config.
  static func config(_ container: Container, image: Image?) -> JSONValue {
    let imageConfig = image?.config ?? ImageConfig()
    let settings = container.settings
    let attached = !settings.detached
    var members: [(String, JSONValue)] = [
      ("Hostname", .string(settings.hostname ?? container.shortID)),
      ("Domainname", .string("")),
      ("User", .string(imageConfig.user)),
      ("AttachStdin", .bool(attached && container.openStdin)),
      ("AttachStdout", .bool(attached)),
      ("AttachStderr", .bool(attached)),
    ]
    let exposed = Set(container.exposedPorts + settings.portRequests.map { "\($0.containerPort)/\($0.proto)" })
    if !exposed.isEmpty { members.append(("ExposedPorts", .object(exposed.sorted().map { ($0, .object([])) }))) }
    members += [
      ("Tty", .bool(container.tty)),
      ("OpenStdin", .bool(container.openStdin)),
      ("StdinOnce", .bool(attached && container.openStdin)),
      ("Env", .strings(container.environment)),
      ("Cmd", container.cmd.isEmpty ? .null : .strings(container.cmd)),
    ]
    // The daemon merges the image's healthcheck into the container's config (not its triggers).
    if let health = container.healthcheck { members.append(("Healthcheck", health.json)) }
    members += [
      ("Image", .string(container.imageReference)),
      ("Volumes", imageConfig.volumes.isEmpty ? .null : .object(imageConfig.volumes.sorted().map { ($0, .object([])) })),
      ("WorkingDir", .string(settings.workingDir)),
      ("Entrypoint", settings.entrypoint.isEmpty ? .null : .strings(settings.entrypoint)),
      ("OnBuild", .null),
      // The CLI always sends a (possibly empty) label map; the image's labels join it.
      ("Labels", .sortedObject(imageConfig.labels.mapValues { .string($0) })),
    ]
    if let signal = imageConfig.stopSignal { members.append(("StopSignal", .string(signal))) }
    return .object(members)
  }

  // MARK: NetworkSettings

  /// The default bridge network, 172.17.0.0/16. A running container has an
  /// endpoint and an address; a stopped one keeps its sandbox's name and loses the rest.
  static func networkSettings(_ container: Container, version: DockerVersion) -> JSONValue {
    let modern = version == .v28
    let started = container.state.startedAt != .goZero
    let sandboxID = started ? Digest.sha256("sandbox \(container.id)").hex : ""
    let sandboxKey = started ? "/var/run/docker/netns/" + sandboxID.prefix(12) : ""
    let address = container.bridgeHost.map { Address(host: $0, container: container, version: version) }
    let base: [(String, JSONValue)] =
      modern
      ? [
        ("Bridge", .string("")), ("SandboxID", .string(sandboxID)), ("SandboxKey", .string(sandboxKey)),
        ("Ports", ports(container)), ("HairpinMode", .bool(false)), ("LinkLocalIPv6Address", .string("")),
        ("LinkLocalIPv6PrefixLen", .int(0)), ("SecondaryIPAddresses", .null), ("SecondaryIPv6Addresses", .null),
      ]
      : [
        ("Bridge", .string("")), ("SandboxID", .string(sandboxID)), ("HairpinMode", .bool(false)),
        ("LinkLocalIPv6Address", .string("")), ("LinkLocalIPv6PrefixLen", .int(0)), ("Ports", ports(container)),
        ("SandboxKey", .string(sandboxKey)), ("SecondaryIPAddresses", .null), ("SecondaryIPv6Addresses", .null),
      ]
    let defaults: [(String, JSONValue)] = [
      ("EndpointID", .string(address?.endpointID ?? "")),
      ("Gateway", .string(address == nil ? "" : "172.17.0.1")),
      ("GlobalIPv6Address", .string("")),
      ("GlobalIPv6PrefixLen", .int(0)),
      ("IPAddress", .string(address?.ip ?? "")),
      ("IPPrefixLen", .int(address == nil ? 0 : 16)),
      ("IPv6Gateway", .string("")),
      ("MacAddress", .string(address?.mac ?? "")),
    ]
    let networks = JSONValue.object([("bridge", endpoint(address, started: started, version: version))])
    return .object(base + defaults + [("Networks", networks)])
  }

  /// network.EndpointSettings of the default bridge.
  static func endpoint(_ address: Address?, started: Bool, version: DockerVersion) -> JSONValue {
    let networkID = started ? Digest.sha256("network bridge").hex : ""
    let operational: [(String, JSONValue)] = [
      ("NetworkID", .string(networkID)),
      ("EndpointID", .string(address?.endpointID ?? "")),
      ("Gateway", .string(address == nil ? "" : "172.17.0.1")),
      ("IPAddress", .string(address?.ip ?? "")),
      ("IPPrefixLen", .int(address == nil ? 0 : 16)),
      ("IPv6Gateway", .string("")),
      ("GlobalIPv6Address", .string("")),
      ("GlobalIPv6PrefixLen", .int(0)),
    ]
    let head: [(String, JSONValue)] = [("IPAMConfig", .null), ("Links", .null), ("Aliases", .null)]
    let mac = JSONValue.string(address?.mac ?? "")
    switch version {
    case .v20_10:
      return .object(head + operational + [("MacAddress", mac), ("DriverOpts", .null)])
    case .v28:
      return .object(
        head + [("MacAddress", mac), ("DriverOpts", .null), ("GwPriority", .int(0))] + operational + [("DNSNames", .null)])
    }
  }

  /// NetworkSettings.Ports: only while running; published ports with both the
  /// IPv4 and IPv6 binding, exposed ones nobody published as null.
  static func ports(_ container: Container) -> JSONValue {
    var ports: [String: JSONValue] = [:]
    for port in container.listedPorts {
      let key = "\(port.privatePort)/\(port.type)"
      guard !port.ip.isEmpty else {
        ports[key] = .null
        continue
      }
      let binding = JSONValue.object([("HostIp", .string(port.ip)), ("HostPort", .string(String(port.publicPort)))])
      ports[key] = .array((ports[key]?.arrayValue ?? []) + [binding])
    }
    return .sortedObject(ports)
  }

  /// A running container's place on the bridge.
  struct Address {
    var ip: String
    var mac: String
    var endpointID: String

    init(host: Int, container: Container, version: DockerVersion) {
      ip = "172.17.\(host / 256).\(host % 256)"
      endpointID = Digest.sha256("endpoint \(container.id) \(container.state.startedAt)").hex
      switch version {
      case .v20_10:
        // 20.10 derives the MAC from the IPv4 address.
        mac = "02:42:ac:11:" + Self.hexByte(host / 256) + ":" + Self.hexByte(host % 256)
      case .v28:
        // 28 picks a random locally administered unicast address.
        let digest = Digest.sha256("mac \(container.id) \(container.state.startedAt)").hex
        var octets = stride(from: 0, to: 12, by: 2).map { offset in
          Int(digest.dropFirst(offset).prefix(2), radix: 16)!
        }
        octets[0] = (octets[0] & 0xfe) | 0x02
        mac = octets.map(Self.hexByte).joined(separator: ":")
      }
    }

    static func hexByte(_ value: Int) -> String {
      let text = String(value, radix: 16)
      return text.count == 1 ? "0" + text : text
    }
  }
}
