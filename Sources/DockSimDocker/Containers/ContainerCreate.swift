import DockSimCore
import DockSimShell

/// `docker create`: a new container from an image, not started; prints its ID.
struct ContainerCreate: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]", abstract: "Create a new container",
    flags: ContainerRun.containerFlags, arguments: .atLeast(1), interspersed: false)

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    switch ContainerRun.create(command, session: &session, console: &console) {
    case .success(let container):
      console.line(container.id)
      return 0
    case .failure(let failure):
      command.runStyleError(failure.message, console: &console)
      return 125
    }
  }
}

/// `docker run`: create, start, and attach (or print the ID with `-d`).
struct ContainerRun: DockerCommand {
  /// The flags of `docker create` and `docker run` that docksim acts on.
  static let containerFlags: [DockerFlag] = [
    .bool("interactive", short: "i"), .bool("tty", short: "t"), .string("name"), .bool("rm"),
    .list("env", short: "e"), .string("entrypoint"), .string("workdir", short: "w"),
    .list("publish", short: "p"), .string("hostname", short: "h"),
  ]

  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]", abstract: "Run a command in a new container",
    abstractV28: "Create and run a new container from an image",
    flags: containerFlags + [.bool("detach", short: "d")], arguments: .atLeast(1), interspersed: false)

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    let container: Container
    switch create(command, session: &session, console: &console) {
    case .success(let created): container = created
    case .failure(let failure):
      command.runStyleError(failure.message, console: &console)
      return 125
    }
    let detached = command.bool("detach")
    let stdin = command.invocation.stdinIsTerminal ? [] : command.invocation.stdin
    switch session.startMainProcess(container.id, attached: !detached, stdin: stdin, console: &console) {
    case .failed(let message, let status):
      command.runStyleError(DockerErrors.daemon(message), helpHint: false, console: &console)
      if container.autoRemove { session.engine.removeContainer(container.id) }
      return status
    case .running:
      if detached { console.line(container.id) }
      return 0
    case .exited(let status):
      if detached { console.line(container.id) }
      if container.autoRemove { session.engine.removeContainer(container.id) }
      return detached ? 0 : status
    }
  }

  /// Resolves the image and creates the container; the error is the text after `docker: `.
  static func create(_ command: ParsedCommand, session: inout Session, console: inout Console)
    -> Result<Container, CreateFailure>
  {
    let typed = command.positionals[0]
    // The CLI checks `-p` values before it talks to the daemon.
    var ports: [PortBinding] = []
    for text in command.list("publish") {
      switch PortBinding.parse(text) {
      case .success(let binding): ports.append(binding)
      case .failure(let error): return .failure(CreateFailure(error.message(version: command.version)))
      }
    }
    let healthcheck: HealthConfig?
    switch ContainerHealthFlags.config(command) {
    case .success(let config): healthcheck = config
    case .failure(let failure): return .failure(failure)
    }
    let image: ContainerImage
    switch ContainerImages.resolve(typed, session: &session, console: &console) {
    case .success(let found): image = found
    case .failure(let failure): return .failure(CreateFailure(failure.message))
    }
    var spec = ContainerSpec(
      image: image, reference: typed, name: command.isSet("name") ? command.string("name") : nil,
      command: Array(command.positionals.dropFirst()),
      entrypoint: command.isSet("entrypoint") ? command.string("entrypoint") : nil,
      environment: command.list("env"), workingDirectory: command.isSet("workdir") ? command.string("workdir") : nil,
      tty: command.bool("tty"), openStdin: command.bool("interactive"), autoRemove: command.bool("rm"),
      publishedPorts: ports)
    spec.hostname = command.isSet("hostname") ? command.string("hostname") : nil
    spec.detached = command.bool("detach")
    spec.healthcheck = healthcheck
    // 28's CLI sends its terminal's size with every create (20.10's only on Windows);
    // docksim's terminal model has 24 rows.
    if command.version == .v28, console.traits.stdoutIsTerminal { spec.consoleSize = [24, console.traits.width] }
    switch session.engine.createContainer(spec) {
    case .success(let container): return .success(container)
    case .failure(let error):
      return .failure(CreateFailure(DockerErrors.daemon(error.message(version: command.version))))
    }
  }
}

/// Why `docker create` / `docker run` could not make the container: the text after `docker: `.
struct CreateFailure: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
