import DockSimCore

/// One-shot runs inside a container, for `docker run IMAGE CMD...` and `docker exec`.
extension Session {
  /// Runs `arguments` as the container's process, in a fresh shell frame pushed for
  /// the run and popped after it; output goes to `console`. Returns the exit status
  /// (127 with bash's message when the program does not exist).
  public mutating func runInContainer(
    _ id: String, arguments: [String], workingDirectory: String = "/", environment: [String: String] = [:],
    stdin: [UInt8] = [], stdinIsTerminal: Bool = false, console: inout Console
  ) -> Int32 {
    guard !arguments.isEmpty else { return 0 }
    let (values, order) = processEnvironment(id, environment, tty: stdinIsTerminal)
    shells.append(ShellFrame(place: .container(id: id), cwd: workingDirectory, environment: values, order: order))
    let depth = shells.count
    var run = ShellRun(dialect: .bashCommand(name: "bash"), isSubshell: true)
    let status = run.invoke(arguments, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &self, console: &console)
    if shells.count == depth { shells.removeLast() }
    return status
  }

  /// `sh` or `bash` typed at the user's prompt in a container: an interactive shell inside
  /// the shell, with the prompt and messages of its own kind, which `exit` leaves (the
  /// container runs on). False when `program` is no shell of the image (`bash` in alpine).
  mutating func enterTypedShell(_ program: String) -> Bool {
    guard Builtins.shells.contains(PathText.basename(program)), case .container = currentShell.place,
      let kind = shellKind(of: program)
    else { return false }
    var frame = currentShell
    frame.shellProgram = program
    frame.shellKind = kind
    frame.typedLines = []
    frame.linesRead = 0
    frame.lastStatus = 0
    frame.functions = [:]
    frame.options = .initial(interactive: true)
    frame.pipeStatus = [0]
    frame.startShell(kind)
    shells.append(frame)
    return true
  }

  /// The environment the daemon gives a container's process, in its order: PATH (the
  /// default when the image sets none), HOSTNAME, TERM under `-t`, the image's and `-e`
  /// variables, then HOME when unset (moby's CreateDaemonEnvironment, runc's HOME).
  package func processEnvironment(
    _ id: String, _ given: [String: String], tty: Bool
  ) -> (values: [String: String], order: [String]) {
    guard let container = engine.containers[id: id] else { return (given, given.keys.sorted()) }
    var values = given
    values["PATH"] = values["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    values["HOSTNAME"] = values["HOSTNAME"] ?? container.hostname
    if tty { values["TERM"] = values["TERM"] ?? "xterm" }
    values["HOME"] = values["HOME"] ?? "/root"
    var order = ["PATH", "HOSTNAME"] + (tty ? ["TERM"] : [])
    for line in container.environment {
      let name = String(line.prefix { $0 != "=" })
      if values[name] != nil, !order.contains(name) { order.append(name) }
    }
    for name in given.keys.sorted() where !order.contains(name) && name != "HOME" { order.append(name) }
    if !order.contains("HOME") { order.append("HOME") }
    return (values, order)
  }

  /// Runs a command line in the container as `sh -c` would (`docker exec C sh -c '...'`).
  public mutating func runInContainer(
    _ id: String, command: String, workingDirectory: String = "/", environment: [String: String] = [:],
    stdin: [UInt8] = [], console: inout Console
  ) -> Int32 {
    runInContainer(
      id, arguments: ["sh", "-c", command], workingDirectory: workingDirectory, environment: environment,
      stdin: stdin, console: &console)
  }

  /// Whether `name` (`ls`, `/bin/sh`, `bash`) is a program or builtin inside container `id`:
  /// `docker run` reports `executable file not found in $PATH` otherwise.
  public func containerCanRun(_ id: String, program name: String) -> Bool {
    var probe = self
    probe.shells.append(ShellFrame(place: .container(id: id)))
    return probe.canRun(name)
  }

  /// Whether `name` runs at the current prompt (for completion and `type`).
  public func canRun(_ name: String) -> Bool {
    runsAsBuiltin(name) || Builtins.isShellPath(name, in: self) || ProgramTable.lookup(name, in: self) != nil
  }

  /// Whether `name` is a builtin here. A shell named bare is one only where the image
  /// has it on PATH: alpine's busybox gives `sh` and no `bash` (`docker run alpine bash`
  /// is the runtime's "executable file not found", `bash` at its prompt "not found").
  /// An image described without any shell file but with utilities (small synthetic ones
  /// in tests) still gets every shell.
  func runsAsBuiltin(_ name: String) -> Bool {
    guard Builtins.names.contains(name) else { return false }
    guard Builtins.shells.contains(name) else { return true }
    guard ProgramTable.placeHasUtilities(self) else { return false }
    guard case .container = currentShell.place else { return true }
    let onPath = { (shell: String) in SystemTools.executablePath(shell, in: self) != nil }
    return onPath(name) || !Builtins.shells.contains(where: onPath)
  }
}

extension Session {
  /// `exit` (or Ctrl-D) in a container's shell: pops the frame. If the shell was
  /// the container's main process, the container exits with `status`, and a
  /// container run with `--rm` is removed.
  public mutating func leaveContainerShell(status: Int32) {
    guard shells.count > 1, case .container(let id) = currentShell.place else { return }
    saveShellHistory()
    let index = shells.count - 1
    shells.removeLast()
    currentShell.lastStatus = status
    guard let container = engine.containers[id: id], container.attachedShellIndex == index else { return }
    var detached = container
    detached.attachedShellIndex = nil
    engine.containers.update(detached)
    guard container.state.running else { return }
    engine.markExited(id, status: status)
    if container.autoRemove { engine.removeContainer(id) }
  }
}

extension Builtins {
  /// `/bin/sh`, `/bin/bash`: a shell named by a path that exists in the current place
  /// (`docker run IMAGE /bin/sh -c ...`, the classic builder's `/bin/sh -c` RUN).
  static func isShellPath(_ name: String, in session: Session) -> Bool {
    guard name.contains("/"), shells.contains(PathText.basename(name)) else { return false }
    return session.filesystem.exists(session.absolutePath(name))
  }
}
