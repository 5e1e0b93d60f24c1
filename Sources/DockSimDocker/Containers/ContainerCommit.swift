import DockSimCore
import DockSimShell

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
    let image: Image
    do {
      image = try committed(container, base: base, command: command, now: session.engine.clock.now)
    } catch {
      command.daemonError(error.message, console: &console)
      return 1
    }
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
  static func committed(_ container: Container, base: Image, command: ParsedCommand, now: Timestamp)
    throws(DockerfileError) -> Image
  {
    let layer = container.filesystem.commit()
    let empty = container.filesystem.upper.isEmpty
    var config = base.config
    config.cmd = container.cmd
    config.env = container.environment
    config.workingDir = container.workingDirectory == "/" && base.config.workingDir.isEmpty ? "" : container.workingDirectory
    config = try CommitChanges.apply(command.list("change"), to: config, version: command.version)
    let entry = HistoryEntry(
      created: now, createdBy: container.cmd.joined(separator: " "), comment: command.string("message"),
      author: command.string("author"), emptyLayer: empty)
    return Image(
      layers: empty ? base.layers : base.layers + [layer], config: config, history: base.history + [entry],
      created: now, parent: base.id, author: command.string("author"), comment: command.string("message"),
      container: container.id)
  }
}

/// `docker commit --change`: Dockerfile instructions the daemon applies to the new
/// image's config (moby's BuildFromConfig). Only the config changes; the layer and
/// the history entry are the commit's own.
enum CommitChanges {
  /// The instructions moby accepts; 28 also takes STOPSIGNAL.
  static func allowed(_ version: DockerVersion) -> Set<String> {
    var names: Set<String> = ["cmd", "entrypoint", "healthcheck", "env", "expose", "label", "onbuild", "user", "volume", "workdir"]
    if version == .v28 { names.insert("stopsignal") }
    return names
  }

  static func apply(_ changes: [String], to original: ImageConfig, version: DockerVersion) throws(DockerfileError) -> ImageConfig {
    guard !changes.isEmpty else { return original }
    let text = changes.joined(separator: "\n")
    for node in try DockerfileParser.parse(text) where !allowed(version).contains(node.command) {
      throw DockerfileError("\(node.command) is not a valid change command")
    }
    // The typed pass wants a stage; the daemon reports the instruction's own error.
    let steps: [DockerfileStep]
    do {
      steps = try DockerfilePlan.parse("FROM scratch\n" + text, version: version).stages.first?.steps ?? []
    } catch {
      let message = error.message
      guard message.hasPrefix("dockerfile parse error"), let colon = message.firstRange(of: ": ") else { throw error }
      throw DockerfileError(String(message[colon.upperBound...]))
    }
    var config = original
    var cmdSet = false
    for step in steps {
      let expansion = DockerfileExpansion(environment: config.env)
      switch step.instruction {
      case .cmd(let words, let shellForm):
        config.cmd = shellForm ? ["/bin/sh", "-c", words.joined(separator: " ")] : words
        cmdSet = true
      case .entrypoint(let words, let shellForm):
        config.entrypoint = shellForm ? (words.isEmpty ? nil : ["/bin/sh", "-c", words.joined(separator: " ")]) : words
        // An ENTRYPOINT resets CMD unless a CMD came first (moby's dispatch).
        if !cmdSet { config.cmd = nil }
      case .env(let pairs):
        for pair in pairs { config.setEnv(try expansion.word(pair.name), try expansion.word(pair.value)) }
      case .label(let pairs):
        for pair in pairs { config.labels[try expansion.word(pair.name)] = try expansion.word(pair.value) }
      case .expose(let ports):
        for port in ports {
          for word in try expansion.word(port).split(separator: " ") {
            let full = word.contains("/") ? String(word) : word + "/tcp"
            if !config.exposedPorts.contains(full) { config.exposedPorts.append(full) }
          }
        }
      case .user(let user): config.user = try expansion.word(user)
      case .workdir(let path): config.workingDir = BuildStepPaths.workdir(try expansion.word(path), current: config.workingDir)
      case .volume(let paths):
        for path in paths {
          let value = try expansion.word(path)
          if !config.volumes.contains(value) { config.volumes.append(value) }
        }
      case .stopSignal(let signal): config.stopSignal = try expansion.word(signal)
      case .healthcheck(let health): config.healthcheck = health
      case .onbuild(let trigger): config.onBuild.append(trigger)
      default: break
      }
    }
    return config
  }
}
