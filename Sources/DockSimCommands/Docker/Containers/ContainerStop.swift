import DockSimCore

/// `docker stop`: SIGTERM, then SIGKILL after the timeout; echoes each argument.
/// A container that is not running is not an error.
struct ContainerStop: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER [CONTAINER...]", abstract: "Stop one or more running containers",
    flags: [
      // 20.10 calls it --time; 28 --timeout (with --time hidden and deprecated,
      // which the 28 help does not list: declared hidden so it is still accepted).
      .int("time", short: "t", default: 10, hidden: true), .int("timeout", short: "t", default: 10),
      .string("signal", short: "s"),
    ],
    arguments: .atLeast(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    let timeout = Int64(command.isSet("timeout") ? command.int("timeout") : command.int("time"))
    var failed = false
    for reference in command.positionals {
      guard let container = command.container(reference, in: session, console: &console) else {
        failed = true
        continue
      }
      if container.state.running {
        session.leaveShells(of: container.id)
        let handles = MainProcess.of(container).handlesSIGTERM && !command.isSet("signal")
        _ = session.engine.stopContainer(container.id, timeout: timeout, handlesSIGTERM: handles)
        if container.autoRemove { session.engine.removeContainer(container.id) }
      }
      console.line(reference)
    }
    return failed ? 1 : 0
  }
}
