import DockSimCore
import DockSimShell

/// `docker rmi [OPTIONS] IMAGE [IMAGE...]` (also `docker image rm`, `remove`).
struct RemoveImage: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] IMAGE [IMAGE...]",
    abstract: "Remove one or more images",
    flags: [.bool("force", short: "f"), .bool("no-prune")],
    arguments: .atLeast(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let force = command.bool("force")
    var errors: [String] = []
    var fatal = false
    for name in command.positionals {
      let users = ImageUsers.of(session.engine)
      switch session.engine.removeImage(name, force: force, prune: !command.bool("no-prune"), users: users) {
      case .success(let records):
        for record in records { console.line(record.line) }
      case .failure(let error):
        if case .lookup(.notFound) = error {} else { fatal = true }
        errors.append(error.line(for: command.version, typed: name))
      }
    }
    guard !errors.isEmpty else { return 0 }
    // With -f, images that do not exist are reported but do not fail the command.
    console.errorLine(errors.joined(separator: "\n"))
    return !force || fatal ? 1 : 0
  }
}

/// Which containers use which images (rmi conflicts, `system df` ACTIVE).
enum ImageUsers {
  static func of(_ engine: Engine) -> [ImageUser] {
    engine.containers.all.map { container in
      ImageUser(
        containerID: container.id, imageID: container.imageID, running: container.state.running,
        layerChainIDs: engine.images.image(container.imageID)?.chainIDs ?? [])
    }
  }
}
