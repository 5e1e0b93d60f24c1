import DockSimCore
import DockSimShell

/// How a container's main process behaves once started. docksim runs no real
/// programs, so it sorts the command into the kinds a lesson meets:
enum MainProcess: Equatable {
  /// An interactive shell (`bash`, `sh` with no script): it waits on stdin while
  /// stdin is open (`-i`), and ends at once with status 0 when it is not.
  case shell
  /// A server (`nginx`, `redis-server`, `sleep infinity`): it runs until stopped.
  /// Servers handle SIGTERM; `sleep`, `tail -f` and shells, as PID 1, do not.
  case server(handlesSIGTERM: Bool)
  /// `sleep N`: runs for N seconds of simulated time, then exits with 0.
  case timed(Duration)
  /// A program of an image's own that docksim knows (`/hello` of hello-world):
  /// it writes its output and exits with 0.
  case imageBinary(output: String)
  /// Anything else runs to completion through the shell's interpreter.
  case oneShot

  static let shells: Set<String> = ["bash", "sh", "dash", "ash", "zsh"]
  static let servers: Set<String> = [
    "nginx", "httpd", "httpd-foreground", "apache2-foreground", "redis-server", "mysqld", "postgres", "mongod",
    "docker-entrypoint.sh", "php-fpm", "memcached", "rabbitmq-server",
  ]

  static func of(_ container: Container) -> MainProcess {
    let program = String(container.path.split(separator: "/").last ?? "")
    let args = container.args
    if let output = ImageBinaries.output(of: container) { return .imageBinary(output: output) }
    if isInteractiveShell([container.path] + args) { return .shell }
    if servers.contains(program) { return .server(handlesSIGTERM: true) }
    if program == "sleep", args.count == 1 {
      if args[0] == "infinity" { return .server(handlesSIGTERM: false) }
      if let seconds = Double(args[0]), seconds >= 0 {
        return .timed(Duration(nanoseconds: Int64(seconds * 1e9)))
      }
    }
    if program == "tail", args.contains("-f") || args.contains("-F") { return .server(handlesSIGTERM: false) }
    if program == "top" { return .server(handlesSIGTERM: false) }
    return .oneShot
  }

  /// `bash`, `sh`, `/bin/bash -l`: a shell that reads commands from its input.
  static func isInteractiveShell(_ argv: [String]) -> Bool {
    guard let first = argv.first else { return false }
    let program = String(first.split(separator: "/").last ?? "")
    return shells.contains(program) && argv.dropFirst().allSatisfy { ["-i", "-l", "--login"].contains($0) }
  }

  /// Whether `docker stop` ends it with SIGTERM (exit 0) rather than SIGKILL (137).
  var handlesSIGTERM: Bool {
    if case .server(let handles) = self { return handles }
    return false
  }
}

/// Starting main processes, and the shells users enter in containers.
extension Session {
  /// The outcome of starting a container's main process.
  enum StartOutcome: Equatable {
    /// Still running.
    case running
    /// It ended with this status.
    case exited(Int32)
    /// The runtime could not start it (`executable file not found`).
    case failed(message: String, status: Int32)
  }

  /// Starts container `id`'s main process. When `attached` (a foreground
  /// `docker run`), its output goes to `console` and an interactive shell takes
  /// over the session's input; otherwise output goes to the container's logs.
  mutating func startMainProcess(_ id: String, attached: Bool, stdin: [UInt8] = [], console: inout Console)
    -> StartOutcome
  {
    settleContainers()
    guard let container = engine.containers[id: id] else { return .exited(0) }
    let process = MainProcess.of(container)
    if process == .oneShot || process == .shell, !containerCanRun(id, program: container.path) {
      let failure = ContainerRuntimeText.notFound(container.path, version: engine.version)
      engine.markStartFailed(id, status: 127, error: failure)
      return .failed(message: failure, status: 127)
    }
    if case .failure(let error) = engine.bindPorts(id) {
      let failure = error.message(version: engine.version)
      engine.markStartFailed(id, status: 128, error: failure)
      return .failed(message: failure, status: 125)
    }
    // `trace on` tells the course text's boot sequence.
    record(.containerStarted(id: id))
    switch process {
    case .shell:
      engine.markStarted(id)
      guard container.openStdin else { return finish(id, status: 0) }
      if attached, container.tty { enterShell(of: id, main: true) }
      // `echo ls | docker run -i IMAGE sh`: the shell reads its script from the
      // pipe and ends with it.
      if attached, !container.tty { return runToCompletion(container, stdin: stdin, attached: true, console: &console) }
      return .running
    case .server:
      engine.markStarted(id)
      return .running
    case .timed(let duration):
      engine.markStarted(id, exitsAfter: (duration, 0))
      return .running
    case .imageBinary(let output):
      engine.markStarted(id)
      var written = Console(traits: console.traits)
      written.write(output)
      appendLogs(id, written)
      if attached { console.append(written) }
      return finish(id, status: 0)
    case .oneShot:
      engine.markStarted(id)
      return runToCompletion(container, stdin: container.openStdin ? stdin : [], attached: attached, console: &console)
    }
  }

  /// Runs the main process through the shell's interpreter until it ends.
  private mutating func runToCompletion(
    _ container: Container, stdin: [UInt8], attached: Bool, console: inout Console
  ) -> StartOutcome {
    var output = console.part(traits: console.traits)
    let status = runInContainer(
      container.id, arguments: [container.path] + container.args, workingDirectory: container.workingDirectory,
      environment: Self.environment(container.environment), stdin: stdin, stdinIsTerminal: container.tty,
      console: &output)
    // The log driver keeps the output whether or not a client was attached.
    appendLogs(container.id, output)
    if attached { console.append(output) }
    return finish(container.id, status: status)
  }

  private mutating func finish(_ id: String, status: Int32) -> StartOutcome {
    engine.markExited(id, status: status)
    return .exited(status)
  }

  private mutating func appendLogs(_ id: String, _ output: Console) {
    guard var container = engine.containers[id: id] else { return }
    // A terminal (-t) merges both streams into one, which the log keeps as stdout.
    let events = output.events.map { event -> Console.Event in
      guard container.tty, case .write(_, let bytes) = event else { return event }
      return .write(.stdout, bytes)
    }
    container.logs += LogEntry.lines(events, time: container.state.startedAt)
    engine.containers.update(container)
  }

  /// `NAME=value` lines as a dictionary (the last one wins).
  static func environment(_ lines: [String]) -> [String: String] {
    var result: [String: String] = [:]
    for line in lines {
      let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
    return result
  }

  /// Pushes a shell frame in the container: the prompt becomes `root@<id>:/# `.
  mutating func enterShell(
    of id: String, main: Bool, program: String? = nil, workingDirectory: String? = nil, environment: [String] = []
  ) {
    guard var container = engine.containers[id: id] else { return }
    let (variables, order) = processEnvironment(
      id, Self.environment(container.environment + environment), tty: container.tty || !main)
    var frame = ShellFrame(
      place: .container(id: id), cwd: workingDirectory ?? container.workingDirectory, environment: variables,
      order: order)
    frame.shellProgram = program ?? (main ? container.path : nil)
    frame.hostname = container.settings.hostname
    shells.append(frame)
    // Resolved inside the container (PATH, symlinks): `sh` is dash or busybox ash.
    if let program = currentShell.shellProgram, let kind = shellKind(of: program) { currentShell.shellKind = kind }
    currentShell.startShell(currentShell.shellKind)
    if main {
      container.attachedShellIndex = shells.count - 1
      engine.containers.update(container)
    }
  }
}

/// What the runtime (runc under containerd) says when it cannot start a process,
/// per emulated version: 20.10.24 runs containerd 1.6 / runc 1.1; 28.2 runs
/// containerd 1.7 / runc 1.2, whose init adds "error during container init".
enum ContainerRuntimeText {
  /// `docker exec C foo` (the same runc text in both versions).
  static func execNotFound(_ program: String) -> String {
    "OCI runtime exec failed: exec failed: unable to start container process: "
      + "exec: \"\(program)\": executable file not found in $PATH: unknown"
  }

  static func notFound(_ program: String, version: DockerVersion) -> String {
    let exec = "exec: \"\(program)\": executable file not found in $PATH"
    switch version {
    case .v20_10:
      return "failed to create shim task: OCI runtime create failed: runc create failed: "
        + "unable to start container process: \(exec): unknown"
    case .v28:
      return "failed to create task for container: failed to create shim task: OCI runtime create failed: "
        + "runc create failed: unable to start container process: error during container init: \(exec): unknown"
    }
  }
}
