/// The daemon's side of the container commands: create, start, stop, remove.
///
/// Simulated time. Each action moves `clock` by a fixed amount, so the durations
/// `docker ps` prints are the same on every run:
/// * create: the container is created at `now`, then 100 ms pass;
/// * start: the process starts at `now`, then 400 ms pass (so `docker run -d`
///   then `docker ps` shows `Less than a second ago` and `Up Less than a second`,
///   as a quick real host does);
/// * a process that ends by itself ends at `now` (after whatever its commands
///   took, such as `sleep`), then 100 ms pass;
/// * stop: a process that handles SIGTERM ends 200 ms after the signal; one that
///   ignores it (a shell, `sleep`: PID 1 has no default handlers) is killed after
///   the timeout (`-t`, 10 s by default) and exits with 137;
/// * remove: 100 ms;
/// * commit: 500 ms (the container is paused while its layer is written);
/// * a HEALTHCHECK probe: 50 ms to start its exec, then whatever its commands take.
public enum ContainerTiming {
  public static let create = Duration.milliseconds(100)
  public static let start = Duration.milliseconds(400)
  public static let exit = Duration.milliseconds(100)
  public static let stopBySignal = Duration.milliseconds(200)
  public static let remove = Duration.milliseconds(100)
  public static let commit = Duration.milliseconds(500)
  public static let probeStart = Duration.milliseconds(50)
  /// `docker stop`'s default grace period.
  public static let defaultStopTimeout: Int64 = 10
}

/// Why the daemon refused a container operation; `message` is its text.
public enum ContainerError: Error, Equatable, Sendable {
  case nameInUse(name: String, by: String)
  case invalidName(String)
  case noCommand
  case lookup(ContainerStore.LookupError)
  case notRunning(String)
  case runningCannotRemove(id: String, name: String)
  /// Another running container holds the host port.
  case portAllocated(name: String, id: String, address: String)
  /// The request's healthcheck has a duration under 1 ms.
  case invalidHealthcheck(String)

  public func message(version: DockerVersion) -> String {
    switch self {
    case .nameInUse(let name, let id):
      return "Conflict. The container name \"/\(name)\" is already in use by container \"\(id)\". "
        + "You have to remove (or rename) that container to be able to reuse that name."
    case .invalidName(let name):
      return "Invalid container name (\(name)), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
    case .noCommand:
      return "No command specified"
    case .lookup(let error):
      return error.message
    case .portAllocated(let name, let id, let address):
      let text =
        "driver failed programming external connectivity on endpoint \(name) (\(id)): "
        + "Bind for \(address) failed: port is already allocated"
      // 28's daemon wraps network setup errors.
      return version == .v28 ? "failed to set up container networking: " + text : text
    case .invalidHealthcheck(let message):
      return message
    case .notRunning(let id):
      return "Container \(id) is not running"
    case .runningCannotRemove(let id, let name):
      // 20.10: moby's cleanupContainer names the full ID; 28 names the container
      // as moby stores its name, with the leading slash.
      switch version {
      case .v20_10:
        return "You cannot remove a running container \(id). Stop the container before attempting removal or force remove"
      case .v28:
        return "cannot remove container \"/\(name)\": container is running: stop the container before removing or force remove"
      }
    }
  }
}

/// What `docker create` / `docker run` ask for.
public struct ContainerSpec: Sendable {
  public var image: ContainerImage
  /// The image as typed (`docker ps` shows it).
  public var reference: String
  public var name: String?
  /// The command after the image; empty means the image's `Cmd`.
  public var command: [String]
  /// `--entrypoint`; nil keeps the image's.
  public var entrypoint: String?
  public var environment: [String]
  public var workingDirectory: String?
  public var tty: Bool
  public var openStdin: Bool
  public var autoRemove: Bool
  /// `-p` values, parsed.
  public var publishedPorts: [PortBinding]
  /// `-h`.
  public var hostname: String?
  /// `docker run -d`.
  public var detached = false
  /// The CLI's terminal size (docker 28 sends it with every create).
  public var consoleSize = [0, 0]
  /// `--health-*` / `--no-healthcheck`; nil keeps the image's HEALTHCHECK.
  public var healthcheck: HealthConfig?

  public init(
    image: ContainerImage, reference: String, name: String? = nil, command: [String] = [],
    entrypoint: String? = nil, environment: [String] = [], workingDirectory: String? = nil, tty: Bool = false,
    openStdin: Bool = false, autoRemove: Bool = false, publishedPorts: [PortBinding] = []
  ) {
    self.publishedPorts = publishedPorts
    self.image = image
    self.reference = reference
    self.name = name
    self.command = command
    self.entrypoint = entrypoint
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.tty = tty
    self.openStdin = openStdin
    self.autoRemove = autoRemove
  }
}

extension Engine {
  /// `POST /containers/create`: a new container in state `Created`.
  public mutating func createContainer(_ spec: ContainerSpec) -> Result<Container, ContainerError> {
    if let message = spec.healthcheck?.validationError { return .failure(.invalidHealthcheck(message)) }
    if let name = spec.name {
      guard ContainerStore.isValidName(name) else { return .failure(.invalidName(name)) }
      let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
      if let holder = containers.named(bare) { return .failure(.nameInUse(name: bare, by: holder.id)) }
    }
    let cmd = spec.command.isEmpty ? spec.image.cmd : spec.command
    let entrypoint = spec.entrypoint.map { $0.isEmpty ? [] : [$0] } ?? spec.image.entrypoint
    let process = entrypoint + cmd
    guard let path = process.first else { return .failure(.noCommand) }
    let id = ContainerStore.newID(using: &random)
    let name = spec.name.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
      ?? containers.newName(forID: id, using: &random)
    var container = Container(
      id: id, name: name, imageReference: spec.reference, imageID: spec.image.id, path: path,
      args: Array(process.dropFirst()), cmd: cmd, environment: mergedEnvironment(spec),
      workingDirectory: spec.workingDirectory ?? (spec.image.workingDirectory.isEmpty ? "/" : spec.image.workingDirectory),
      tty: spec.tty, openStdin: spec.openStdin, autoRemove: spec.autoRemove, created: clock.now,
      filesystem: ContainerFS(image: spec.image.root, createdAt: clock.now))
    container.imageSize = spec.image.size
    container.exposedPorts = spec.image.exposedPorts
    container.publishedPorts = spec.publishedPorts
    container.settings.hostname = spec.hostname
    container.settings.workingDir = spec.workingDirectory ?? spec.image.workingDirectory
    container.settings.detached = spec.detached
    container.settings.entrypoint = entrypoint
    container.settings.portRequests = spec.publishedPorts
    container.settings.consoleSize = spec.consoleSize
    container.healthcheck = spec.healthcheck.map { $0.merged(over: spec.image.healthcheck) } ?? spec.image.healthcheck
    container.filesystem.mounts.initLayer = InitLayer.index(in: spec.image.root)
    container.filesystem.mounts.initTime = clock.now
    containers.add(container)
    clock.advance(by: ContainerTiming.create)
    return .success(container)
  }

  /// The image's variables, overridden by `-e` ones of the same name.
  private func mergedEnvironment(_ spec: ContainerSpec) -> [String] {
    var result = spec.image.environment
    for variable in spec.environment {
      let name = variable.split(separator: "=", maxSplits: 1).first.map(String.init) ?? variable
      result.removeAll { $0.split(separator: "=", maxSplits: 1).first.map(String.init) == name }
      result.append(variable)
    }
    return result
  }

  /// Binds the container's published ports, choosing host ports for `-p 80`
  /// (the first free one from the ephemeral range: 49153 in 20.10, 32768 in 28);
  /// fails when a running container holds one of them.
  public mutating func bindPorts(_ id: String) -> Result<Void, ContainerError> {
    guard var container = containers[id: id] else { return .success(()) }
    let taken = containers.all.filter { $0.state.running && $0.id != id }.flatMap(\.publishedPorts)
    var bound: [PortBinding] = []
    for var binding in container.publishedPorts {
      if binding.hostPort == 0 {
        var port = version == .v28 ? 32768 : 49153
        while (taken + bound).contains(where: { $0.hostPort == port && $0.proto == binding.proto }) { port += 1 }
        binding.hostPort = port
      } else if taken.contains(where: { $0.hostPort == binding.hostPort && $0.proto == binding.proto }) {
        let address = (binding.hostIP.isEmpty ? "0.0.0.0" : binding.hostIP) + ":\(binding.hostPort)"
        return .failure(.portAllocated(name: container.name, id: container.id, address: address))
      }
      bound.append(binding)
    }
    container.publishedPorts = bound
    containers.update(container)
    return .success(())
  }

  /// The main process starts (the container is `Up`).
  public mutating func markStarted(_ id: String, exitsAfter lifetime: (Duration, Int32)? = nil) {
    guard var container = containers[id: id] else { return }
    container.state.running = true
    container.state.startedAt = clock.now
    container.state.finishedAt = .goZero
    container.state.exitCode = 0
    container.state.error = ""
    container.state.scheduledExit = lifetime.map { .init(at: clock.now.adding($0.0), status: $0.1) }
    if let policy = HealthPolicy(container.healthcheck, version: version) {
      var health = container.state.health ?? ContainerHealth()
      health.open(startedAt: clock.now, policy: policy)
      container.state.health = health
    }
    container.bridgeHost = freeBridgeHost()
    container.filesystem.mountEtcFiles(
      hostname: container.hostname, address: container.bridgeHost.map { "172.17.\($0 / 256).\($0 % 256)" }, version: version,
      at: clock.now)
    containers.update(container)
    clock.advance(by: ContainerTiming.start)
  }

  /// The lowest free address on the default bridge: the gateway is 172.17.0.1, so
  /// containers get .2, .3, ... and a stopped container's address is reused.
  private func freeBridgeHost() -> Int {
    let taken = Set(containers.all.compactMap(\.bridgeHost))
    var host = 2
    while taken.contains(host) { host += 1 }
    return host
  }

  /// The main process ended with `status` at `time` (now unless given).
  public mutating func markExited(_ id: String, status: Int32, at time: Timestamp? = nil) {
    guard var container = containers[id: id] else { return }
    container.state.running = false
    container.state.exitCode = status
    container.state.finishedAt = time ?? clock.now
    container.state.scheduledExit = nil
    container.state.health?.close()
    container.execIDs = []
    container.bridgeHost = nil
    containers.update(container)
    if time == nil { clock.advance(by: ContainerTiming.exit) }
  }

  /// The runtime could not start the process (`executable file not found`):
  /// the container stays `Created`, with exit code 127 (or 126) and the error.
  public mutating func markStartFailed(_ id: String, status: Int32, error: String) {
    guard var container = containers[id: id] else { return }
    container.state.exitCode = status
    container.state.error = error
    containers.update(container)
  }

  /// `docker stop`: SIGTERM, then SIGKILL after `timeout` seconds unless the
  /// process handles SIGTERM. Returns false when it was not running.
  public mutating func stopContainer(_ id: String, timeout: Int64, handlesSIGTERM: Bool) -> Bool {
    guard let container = containers[id: id], container.state.running else { return false }
    if handlesSIGTERM {
      clock.advance(by: ContainerTiming.stopBySignal)
      markExited(id, status: 0, at: clock.now)
    } else {
      clock.advance(by: .seconds(max(timeout, 0)))
      markExited(id, status: 137, at: clock.now)
    }
    return true
  }

  /// `docker rm`: forgets the container and its writable layer.
  public mutating func removeContainer(_ id: String) {
    containers.remove(id: id)
    clock.advance(by: ContainerTiming.remove)
  }
}
