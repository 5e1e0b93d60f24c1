import DockSimCore
import DockSimShell

/// `docker exec`: runs a command in a running container; `-it ... bash` enters a
/// shell there (leaving it with `exit` does not stop the container).
struct ContainerExec: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER COMMAND [ARG...]", abstract: "Run a command in a running container",
    abstractV28: "Execute a command in a running container",
    flags: [
      .bool("interactive", short: "i"), .bool("tty", short: "t"), .bool("detach", short: "d"),
      .list("env", short: "e"), .string("workdir", short: "w"), .string("user", short: "u"),
    ],
    arguments: .atLeast(2), interspersed: false)

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    guard let container = command.clientSideContainer(command.positionals[0], in: session, console: &console) else {
      return 1
    }
    guard container.state.running else {
      command.daemonError(ContainerError.notRunning(container.id).message(version: command.version), console: &console)
      return 1
    }
    let argv = Array(command.positionals.dropFirst())
    guard session.containerCanRun(container.id, program: argv[0]) else {
      console.errorLine(ContainerRuntimeText.execNotFound(argv[0]))
      return 126
    }
    let workdir = command.isSet("workdir") ? command.string("workdir") : container.workingDirectory
    if MainProcess.isInteractiveShell(argv), command.bool("interactive"), command.bool("tty"),
      !command.bool("detach")
    {
      session.enterShell(of: container.id, main: false, program: argv[0], workingDirectory: workdir, environment: command.list("env"))
      return 0
    }
    var output = console.part(traits: console.traits)
    let status = session.runInContainer(
      container.id, arguments: argv, workingDirectory: workdir,
      environment: Session.environment(container.environment + command.list("env")),
      stdin: command.bool("interactive") ? command.invocation.stdin : [], stdinIsTerminal: command.bool("tty"),
      console: &output)
    if command.bool("detach") { return 0 }
    console.append(output)
    return status
  }
}
