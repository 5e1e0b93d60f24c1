import DockSimCore
import DockSimShell

/// `docker start`: starts stopped containers and echoes each argument. With `-a`
/// (`-ai` for a shell) it attaches as `docker run` does.
struct ContainerStart: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER [CONTAINER...]", abstract: "Start one or more stopped containers",
    flags: [.bool("attach", short: "a"), .bool("interactive", short: "i")],
    arguments: .atLeast(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    if command.bool("attach") || command.bool("interactive") {
      return attached(command, session: &session, console: &console)
    }
    var failures: [String] = []
    for reference in command.positionals {
      guard let container = command.container(reference, in: session, console: &console) else {
        failures.append(reference)
        continue
      }
      if !container.state.running,
        case .failed(let message, _) = session.startMainProcess(container.id, attached: false, console: &console)
      {
        command.daemonError(message, console: &console)
        failures.append(reference)
        continue
      }
      console.line(reference)
    }
    guard failures.isEmpty else {
      console.errorLine("Error: failed to start containers: " + failures.joined(separator: ", "))
      return 1
    }
    return 0
  }

  /// `docker start -a[i] C`: one container, in the foreground.
  private static func attached(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    guard command.positionals.count == 1 else {
      console.errorLine("you cannot start and attach multiple containers at once")
      return 1
    }
    guard let container = command.container(command.positionals[0], in: session, console: &console) else {
      return 1
    }
    if container.state.running { return 0 }
    switch session.startMainProcess(container.id, attached: true, console: &console) {
    case .running: return 0
    case .exited(let status): return status
    case .failed(let message, let status):
      command.daemonError(message, console: &console)
      return status
    }
  }
}
