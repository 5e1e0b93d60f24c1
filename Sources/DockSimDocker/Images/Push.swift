import DockSimCore
import DockSimShell

/// `docker push [OPTIONS] NAME[:TAG]` (also `docker image push`): uploads a local
/// tag to the mock Hub, where `docker search` and `docker pull` find it for the
/// rest of the run. Output is the non-terminal layout (no progress bars).
struct Push: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] NAME[:TAG]",
    abstract: "Push an image or a repository to a registry",
    abstractV28: "Upload an image to a registry",
    arguments: .exactly(1))

  /// The upload manager's limit: layers past it print `Waiting`.
  static let concurrentUploads = 5

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let reference: Reference
    do {
      reference = try Reference.parse(command.positionals[0], version: command.version)
    } catch {
      console.errorLine(error.message(for: command.version))
      return 1
    }
    if reference.tag == nil, reference.digest == nil {
      console.line("Using default tag: \(Reference.defaultTag)")
    }
    let tagged = reference.withDefaultTag
    console.line("The push refers to repository [\(tagged.name)]")
    guard let image = session.engine.images.imageFor(tagged) else {
      console.errorLine("An image does not exist locally with the tag: \(tagged.familiarName)")
      return 1
    }
    // The daemon pings the registry before it prepares any layer; its stream has
    // begun, so the error comes in it and the CLI prints it bare.
    guard tagged.isOnHub else {
      console.errorLine(RegistryHost.unreachableMessage(tagged.domain))
      return 1
    }
    let layers = Array(image.layers.reversed())
    for layer in layers { console.line("\(layer.diffID.short): Preparing") }
    for layer in layers.dropFirst(concurrentUploads) { console.line("\(layer.diffID.short): Waiting") }
    if let refusal = refusal(tagged, user: session.engine.hub.loggedInUser) {
      console.errorLine(refusal)
      return 1
    }
    upload(image, as: tagged, session: &session, console: &console)
    return 0
  }

  /// Why the registry refuses the push, nil when it accepts it.
  static func refusal(_ reference: Reference, user: String?) -> String? {
    let owner = reference.path.split(separator: "/").first.map(String.init)
    guard let user, owner == user, owner != "library" else {
      return "denied: requested access to the resource is denied"
    }
    return nil
  }

  /// Sends the layers the Hub lacks, stores the tag there, and records the
  /// manifest digest locally as `docker push` does.
  static func upload(_ image: Image, as reference: Reference, session: inout Session, console: inout Console) {
    let known = Set(session.engine.hub.images.values.flatMap { $0.layers.map(\.blobDigest) })
    let layers = Array(image.layers.reversed())
    for layer in layers where known.contains(layer.blobDigest) {
      console.line("\(layer.diffID.short): Layer already exists")
    }
    for layer in layers where !known.contains(layer.blobDigest) {
      console.line("\(layer.diffID.short): Pushed")
    }
    let manifest = session.engine.hub.push(image, as: reference)
    session.engine.images.setDigest(reference.digested(manifest.digest.description), to: image.id)
    let tag = reference.tag ?? Reference.defaultTag
    console.line("\(tag): digest: \(manifest.digest) size: \(manifestSize(layers: image.layers.count))")
  }

  /// The byte size of a schema 2 manifest: a fixed part and one entry per layer.
  static func manifestSize(layers: Int) -> Int { 317 + 212 * layers }
}
