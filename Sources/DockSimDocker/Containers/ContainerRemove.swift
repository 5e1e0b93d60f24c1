import DockSimCore
import DockSimShell

/// `docker rm` / `docker container rm`: removes containers, echoing each
/// argument as typed; `-f` kills a running one first.
struct ContainerRemove: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER [CONTAINER...]", abstract: "Remove one or more containers",
    flags: [.bool("force", short: "f"), .bool("volumes", short: "v"), .bool("link", short: "l")],
    arguments: .atLeast(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    var failed = false
    for reference in command.positionals {
      if remove(reference, command: command, session: &session, console: &console) {
        console.line(reference)
      } else {
        failed = true
      }
    }
    return failed ? 1 : 0
  }

  private static func remove(
    _ reference: String, command: ParsedCommand, session: inout Session, console: inout Console
  ) -> Bool {
    // docker/cli trims slashes: `docker rm /web` removes `web`.
    let trimmed = reference.trimmingCharacters(in: "/")
    guard !trimmed.isEmpty else {
      console.errorLine("Error: Container name cannot be empty")
      return false
    }
    guard let container = command.clientSideContainer(trimmed, in: session, console: &console) else { return false }
    if container.state.running {
      guard command.bool("force") else {
        let error = ContainerError.runningCannotRemove(id: container.id, name: container.name)
        command.daemonError(error.message(version: command.version), console: &console)
        return false
      }
      session.leaveShells(of: container.id)
      session.engine.markExited(container.id, status: 137)
    }
    session.leaveShells(of: container.id)
    session.engine.removeContainer(container.id)
    return true
  }
}

extension String {
  /// The string without leading and trailing `characters`.
  func trimmingCharacters(in characters: String) -> String {
    var text = Substring(self)
    while let first = text.first, characters.contains(first) { text.removeFirst() }
    while let last = text.last, characters.contains(last) { text.removeLast() }
    return String(text)
  }
}

extension Session {
  /// Drops every shell frame inside container `id` (it was killed or removed):
  /// the user lands back at the prompt below them.
  mutating func leaveShells(of id: String) {
    while let index = shells.lastIndex(where: { $0.place == .container(id: id) }), index > 0 {
      shells.removeSubrange(index...)
    }
  }
}
