import DockSimCore
import DockSimShell

extension DockerCommandTable {
  /// Image archives in and out: save, load, import, export.
  static var archiveCommands: [DockerCommandEntry] {
    [
      DockerCommandEntry(["save"], ImageSave.self),
      DockerCommandEntry(["image", "save"], ImageSave.self),
      DockerCommandEntry(["load"], ImageLoad.self),
      DockerCommandEntry(["image", "load"], ImageLoad.self),
      DockerCommandEntry(["import"], ImageImport.self),
      DockerCommandEntry(["image", "import"], ImageImport.self),
      DockerCommandEntry(["export"], ContainerExport.self),
      DockerCommandEntry(["container", "export"], ContainerExport.self),
    ]
  }
}

/// Where an archive's bytes go: the file `-o` names (streamed to the real disk), or
/// standard output — which docker refuses when it is a terminal, and which the session
/// collects whole (its console is a buffer the front end flushes).
func writeArchive(
  _ produce: (inout HostFileSink) -> Void, _ command: ParsedCommand, session: inout Session, console: inout Console
) -> Int32 {
  let output = command.string("output")
  if output.isEmpty {
    guard !console.traits.stdoutIsTerminal else {
      console.errorLine("cowardly refusing to save to a terminal. Use the -o flag or redirect")
      return 1
    }
    var sink = HostFileSink()
    produce(&sink)
    console.write(bytes: sink.bytes)
    return 0
  }
  do {
    try session.hostFiles.write(output, streaming: produce)
  } catch {
    console.errorLine("failed to save image: \(error)")
    return 1
  }
  return 0
}

/// Ctrl-C during `docker load` or `docker import`: 20.10's CLI dies of the signal and
/// 28's cancels the request and exits without a word; the daemon drops the upload, so
/// nothing is registered. The command stops where it is, prints nothing and stores
/// nothing (the REPL then also restores the session as it was before the input).
private let interruptedStatus: Int32 = 130

/// `docker save`: images to a docker-archive/OCI tar.
struct ImageSave: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] IMAGE [IMAGE...]",
    abstract: "Save one or more images to a tar archive (streamed to STDOUT by default)",
    flags: [.string("output", short: "o")],
    arguments: .atLeast(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    var entries: [ImageArchive.Entry] = []
    for name in command.positionals {
      guard let entry = entry(for: name, session: session, version: command.version) else {
        command.daemonError(missingMessage(name, version: command.version), console: &console)
        return 1
      }
      if let index = entries.firstIndex(where: { $0.image.id == entry.image.id }) {
        entries[index].tags += entry.tags.filter { !entries[index].tags.contains($0) }
      } else {
        entries.append(entry)
      }
    }
    // 20.10 writes the legacy docker-archive only; 25 and later add the OCI layout.
    let format: ImageArchive.SaveFormat = command.version == .v20_10 ? .legacy : .combined
    return writeArchive({ $0 = ImageArchive.save(entries, format: format, into: $0) }, command, session: &session, console: &console)
  }

  /// A name saves that tag; an ID saves the image with all its tags (as Docker does).
  private static func entry(for name: String, session: Session, version: DockerVersion) -> ImageArchive.Entry? {
    guard case .success(let image) = session.engine.images.lookup(name, version: version) else { return nil }
    if let reference = try? Reference.parse(name, version: version), session.engine.images.imageFor(reference) != nil {
      return ImageArchive.Entry(image: image, tags: [reference.withDefaultTag])
    }
    return ImageArchive.Entry(image: image, tags: session.engine.images.tagReferences(to: image.id))
  }

  /// 20.10's daemon asks its reference store, which says only that; 28 names the image.
  private static func missingMessage(_ name: String, version: DockerVersion) -> String {
    switch version {
    case .v20_10: return "reference does not exist"
    case .v28:
      let familiar = (try? Reference.parse(name, version: version))?.withDefaultTag.familiar ?? name
      return "No such image: \(familiar)"
    }
  }
}

/// `docker load`: images from a docker-archive or OCI layout tar.
struct ImageLoad: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS]", abstract: "Load an image from a tar archive or STDIN",
    flags: [.string("input", short: "i"), .bool("quiet", short: "q")],
    arguments: .none)

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let input = command.string("input")
    let source: SharedBytes
    if input.isEmpty {
      guard !command.invocation.stdinIsTerminal, !command.invocation.stdin.isEmpty else {
        console.errorLine("requested load from stdin, but stdin is empty")
        return 1
      }
      source = SharedBytes(command.invocation.stdin)
    } else {
      do { source = try session.hostFiles.map(input) } catch {
        console.errorLine(error.description)
        return 1
      }
    }
    let entries: [ImageArchive.Entry]
    do { entries = try ImageArchive.load(source, interruption: console.interruption) } catch {
      if error == .interrupted { return interruptedStatus }
      command.daemonError(error.description, console: &console)
      return 1
    }
    // Every body has been hashed in place; its pages are read again only when used.
    source.dropResidentPages()
    for entry in entries { store(entry, session: &session, console: &console) }
    return 0
  }

  /// Adds the image and moves its tags, saying what moved, as the daemon does.
  private static func store(_ entry: ImageArchive.Entry, session: inout Session, console: inout Console) {
    session.engine.images.add(entry.image)
    guard !entry.tags.isEmpty else {
      console.line("Loaded image ID: \(entry.image.id)")
      return
    }
    for tag in entry.tags {
      if let old = session.engine.images.imageFor(tag), old.id != entry.image.id {
        console.line("The image \(tag.familiar) already exists, renaming the old one with ID \(old.id) to empty string")
      }
      session.engine.images.setTag(tag, to: entry.image.id, at: session.engine.clock.now)
      console.line("Loaded image: \(tag.familiar)")
    }
  }
}

/// `docker import`: a root filesystem tarball becomes a one-layer image.
struct ImageImport: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
    abstract: "Import the contents from a tarball to create a filesystem image",
    flags: [.list("change", short: "c"), .string("message", short: "m"), .string("platform")],
    arguments: .between(1, 2))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let source = command.positionals[0]
    var target: Reference?
    if command.positionals.count == 2 {
      do { target = try Reference.parse(command.positionals[1], version: command.version).withDefaultTag } catch {
        console.errorLine(error.message(for: command.version))
        return 1
      }
    }
    let bytes: SharedBytes
    if source == "-" {
      bytes = SharedBytes(command.invocation.stdin)
    } else {
      do { bytes = try session.hostFiles.map(source) } catch {
        console.errorLine(error.description)
        return 1
      }
    }
    let layer: Layer
    do { layer = try ImageArchive.rootFSLayer(bytes, interruption: console.interruption) } catch {
      if error == .interrupted { return interruptedStatus }
      command.daemonError(error.description, console: &console)
      return 1
    }
    bytes.dropResidentPages()
    let now = session.engine.clock.now
    // The CLI streams a file to the daemon as standard input, so the daemon's default
    // comment names "-" whether the tarball came from a file or a pipe.
    let message = command.string("message")
    let comment = message.isEmpty ? "Imported from -" : message
    let image = Image(
      layers: [layer], config: ImageConfig(env: []),
      history: [HistoryEntry(created: now, createdBy: "", comment: comment, emptyLayer: false)],
      created: now, comment: comment)
    session.engine.images.add(image)
    if let target { session.engine.images.setTag(target, to: image.id, at: now) }
    console.line(image.id.description)
    return 0
  }
}

/// `docker export`: a container's merged filesystem as a tar.
struct ContainerExport: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER", abstract: "Export a container's filesystem as a tar archive",
    flags: [.string("output", short: "o")], arguments: .exactly(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    guard let container = command.container(command.positionals[0], in: session, console: &console) else { return 1 }
    return writeArchive({ $0 = ImageArchive.export(container.filesystem, into: $0) }, command, session: &session, console: &console)
  }
}
