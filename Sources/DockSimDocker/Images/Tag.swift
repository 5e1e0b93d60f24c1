import DockSimCore
import DockSimShell

/// `docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]` (also `docker image tag`).
struct Tag: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
    abstract: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
    arguments: .exactly(2))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let version = command.version
    let source = command.positionals[0]
    let target = command.positionals[1]
    // The Go client checks both names before it calls the daemon.
    do {
      _ = try Reference.parseAny(source, version: version)
    } catch {
      console.errorLine(parsingError(source, error, version))
      return 1
    }
    let reference: Reference
    do {
      reference = try Reference.parse(target, version: version)
    } catch {
      console.errorLine(parsingError(target, error, version))
      return 1
    }
    guard reference.digest == nil else {
      console.errorLine("refusing to create a tag with a digest reference")
      return 1
    }
    switch session.engine.images.lookup(source, version: version) {
    case .failure(let error):
      console.errorLine(DockerErrors.daemon(error.message(for: version)))
      return 1
    case .success(let image):
      session.engine.images.setTag(reference.withDefaultTag, to: image.id, at: session.engine.clock.now)
      return 0
    }
  }

  static func parsingError(_ text: String, _ error: ReferenceError, _ version: DockerVersion) -> String {
    "Error parsing reference: \(GoQuote.quote(text)) is not a valid repository/tag: \(error.message(for: version))"
  }
}
