import DockSimCore
import DockSimShell

/// `docker diff`: the container's merged tree against its image's, by moby's
/// rules (`ContainerFS.changes()`), one `A|C|D /path` line each.
struct ContainerDiff: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "CONTAINER", abstract: "Inspect changes to files or directories on a container's filesystem",
    arguments: .exactly(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    guard let container = command.container(command.positionals[0], in: session, console: &console) else { return 1 }
    for change in container.filesystem.changes() {
      console.line(change.description)
    }
    return 0
  }
}
