import DockSimCore
import DockSimShell

/// `docker restart`: stops each running container as `docker stop` does, then
/// starts it again (a stopped one is just started); echoes each argument, and
/// prints the errors after the names, as docker/cli's runRestart collects them.
///
/// The daemon writes /etc/hostname, /etc/hosts and /etc/resolv.conf afresh on
/// every start (moby's BuildHostnameFile and the new libnetwork sandbox's hosts
/// and resolv.conf), so edits made inside the container are gone after a
/// restart; `markStarted` does the same. A `--rm` container is not removed by
/// its restart's stop.
struct ContainerRestart: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER [CONTAINER...]", abstract: "Restart one or more containers",
    flags: ContainerStop.stopFlags, arguments: .atLeast(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    guard let timeout = ContainerStop.stopTimeout(command, console: &console) else { return 1 }
    var errors = Console(traits: console.traits)
    for reference in command.positionals {
      guard let container = command.container(reference, in: session, console: &errors) else { continue }
      if container.state.running {
        session.stopMainProcess(container, timeout: timeout, signalGiven: command.isSet("signal"))
      }
      if case .failed(let message, _) = session.startMainProcess(container.id, attached: false, console: &console) {
        command.daemonError("Cannot restart container \(reference): \(message)", console: &errors)
        continue
      }
      console.line(reference)
    }
    console.append(errors)
    return errors.events.isEmpty ? 0 : 1
  }
}
