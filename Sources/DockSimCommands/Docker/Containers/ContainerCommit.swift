import DockSimCore

/// `docker commit`: the container's writable layer becomes a new read-only layer
/// on top of its image's layers, in a new image; the original image is unchanged.
/// Prints the new image's `sha256:` ID.
struct ContainerCommit: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]", abstract: "Create a new image from a container's changes",
    flags: [.string("message", short: "m"), .string("author", short: "a"), .list("change", short: "c")],
    arguments: .between(1, 2))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    guard let container = command.container(command.positionals[0], in: session, console: &console) else { return 1 }
    var tag: Reference?
    if command.positionals.count == 2 {
      do {
        tag = try Reference.parse(command.positionals[1], version: command.version).withDefaultTag
      } catch {
        console.errorLine("Error response from daemon: " + error.message(for: command.version))
        return 1
      }
    }
    guard let base = session.engine.images.image(container.imageID) else {
      command.daemonError("No such image: \(container.imageID)", console: &console)
      return 1
    }
    let image = committed(container, base: base, command: command, now: session.engine.clock.now)
    // The layer store's depth limit (LayerDepth): `max depth exceeded`.
    if case .failure(let error) = session.engine.images.addCommitted(image, parent: base) {
      command.daemonError(error.message, console: &console)
      return 1
    }
    if let tag { session.engine.images.setTag(tag, to: image.id, at: session.engine.clock.now) }
    session.engine.clock.advance(by: ContainerTiming.commit)
    console.line(image.id.description)
    return 0
  }

  /// moby's commit: the container's config becomes the image's, with one history
  /// entry whose CREATED BY is the container's `Cmd` and COMMENT the `-m` text; an
  /// unchanged container adds an empty-layer entry and no layer.
  static func committed(_ container: Container, base: Image, command: ParsedCommand, now: Timestamp) -> Image {
    let layer = container.filesystem.commit()
    let empty = container.filesystem.upper.isEmpty
    var config = base.config
    config.cmd = container.cmd
    config.env = container.environment
    config.workingDir = container.workingDirectory == "/" && base.config.workingDir.isEmpty ? "" : container.workingDirectory
    let entry = HistoryEntry(
      created: now, createdBy: container.cmd.joined(separator: " "), comment: command.string("message"),
      author: command.string("author"), emptyLayer: empty)
    return Image(
      layers: empty ? base.layers : base.layers + [layer], config: config, history: base.history + [entry],
      created: now, parent: base.id, author: command.string("author"), comment: command.string("message"),
      container: container.id)
  }
}
