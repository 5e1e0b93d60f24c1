/// A container as `docker rmi` sees it: which image it was created from, whether it
/// runs, and the layers it holds (its image's chain IDs, which outlive a forced rmi).
public struct ImageUser: Hashable, Sendable {
  /// Full 64-hex container ID.
  public var containerID: String
  public var imageID: Digest
  public var running: Bool
  public var layerChainIDs: [Digest]

  public init(containerID: String, imageID: Digest, running: Bool, layerChainIDs: [Digest]) {
    self.containerID = containerID
    self.imageID = imageID
    self.running = running
    self.layerChainIDs = layerChainIDs
  }
}

/// One line of `docker rmi` output.
public enum ImageDeleteRecord: Hashable, Sendable {
  /// `Untagged: ubuntu:18.04` (familiar form).
  case untagged(String)
  /// `Deleted: sha256:…` (an image ID or a layer chain ID).
  case deleted(Digest)

  public var line: String {
    switch self {
    case .untagged(let ref): "Untagged: \(ref)"
    case .deleted(let digest): "Deleted: \(digest)"
    }
  }
}

/// Why `docker rmi` refused.
public enum ImageDeleteError: Error, Hashable, Sendable {
  case lookup(ImageStore.LookupError)
  /// `conflict: unable to remove repository reference "x" (must force) - container <cid> is using its referenced image <id>`
  case referenceInUse(typed: String, containerID: String, imageID: Digest)
  /// `conflict: unable to delete <id> (must be forced|cannot be forced) - <reason>`
  case conflict(imageID: Digest, hard: Bool, reason: String)

  /// The text after `Error response from daemon: ` (or the whole line for 20.10's
  /// client-side not-found, see `line(for:typed:)`).
  public var message: String {
    switch self {
    case .lookup(let error): error.message(for: .v28)
    case .referenceInUse(let typed, let cid, let id):
      "conflict: unable to remove repository reference \(GoQuote.quote(typed)) (must force) - container \(cid.prefix(12)) is using its referenced image \(id.short)"
    case .conflict(let id, let hard, let reason):
      "conflict: unable to delete \(id.short) (\(hard ? "cannot be forced" : "must be forced")) - \(reason)"
    }
  }

  /// The whole stderr line Docker prints for this error of `docker rmi <typed>`.
  public func line(for version: DockerVersion, typed: String) -> String {
    switch self {
    case .lookup(.invalidReference(let error)):
      return "Error response from daemon: " + error.message(for: version)
    case .lookup(.notFound):
      // 20.10's client turns a 404 into its own text with the name as typed.
      return version == .v20_10 ? "Error: No such image: \(typed)" : "Error response from daemon: " + message
    default:
      return "Error response from daemon: " + message
    }
  }
}

extension Engine {
  /// `docker rmi NAME|ID` (moby ImageService.ImageDelete, with prune of untagged parents).
  public mutating func removeImage(
    _ text: String, force: Bool, prune: Bool = true, users: [ImageUser]
  ) -> Result<[ImageDeleteRecord], ImageDeleteError> {
    let image: Image
    switch images.lookup(text, version: version) {
    case .success(let found): image = found
    case .failure(let error): return .failure(.lookup(error))
    }
    var remover = ImageRemover(store: images, users: users)
    let result = remover.remove(text, image: image, force: force, prune: prune, version: version)
    if case .success = result { images = remover.store }
    return result
  }
}

/// The deletion rules, over a scratch copy of the store that is kept only on success.
struct ImageRemover {
  var store: ImageStore
  let users: [ImageUser]
  var records: [ImageDeleteRecord] = []

  init(store: ImageStore, users: [ImageUser]) {
    self.store = store
    self.users = users
  }

  mutating func remove(
    _ text: String, image: Image, force: Bool, prune: Bool, version: DockerVersion
  ) -> Result<[ImageDeleteRecord], ImageDeleteError> {
    let id = image.id
    var removedRepositoryRef = false
    if !ImageStore.isIDPrefix(text, of: image) {
      let refs = store.references(to: id)
      if !force, Self.isSingleReference(refs), let user = users.first(where: { $0.imageID == id }) {
        return .failure(.referenceInUse(typed: text, containerID: user.containerID, imageID: id))
      }
      guard let typed = try? Reference.parse(text, version: version) else {
        return .failure(.lookup(.notFound(text)))
      }
      untagNamed(typed.withDefaultTag, id: id)
      if !store.references(to: id).isEmpty { return .success(records) }
      removedRepositoryRef = true
    } else if Self.isSingleReference(store.references(to: id)) {
      if let conflict = conflict(for: id, hard: true, soft: !force, activeReference: false) {
        return .failure(conflict)
      }
      for ref in store.references(to: id) {
        store.removeReference(ref)
        records.append(.untagged(ref.familiar))
      }
    }
    if let error = deleteHelper(id, force: force, prune: prune, quiet: removedRepositoryRef) {
      return .failure(error)
    }
    return .success(records)
  }

  /// Removes the typed reference, and the repository's digests when it was that
  /// repository's last tag.
  private mutating func untagNamed(_ reference: Reference, id: Digest) {
    store.removeReference(reference)
    records.append(.untagged(reference.familiar))
    guard reference.digest == nil else { return }
    let remaining = store.references(to: id)
    let sameRepoTag = remaining.contains { $0.digest == nil && $0.name == reference.name }
    guard !sameRepoTag else { return }
    for ref in remaining where ref.digest != nil && ref.name == reference.name {
      store.removeReference(ref)
      records.append(.untagged(ref.familiar))
    }
  }

  /// imageDeleteHelper: conflicts, then every reference, the image, its freed layers,
  /// and (prune) the parent when it is left untagged and unused.
  private mutating func deleteHelper(_ id: Digest, force: Bool, prune: Bool, quiet: Bool) -> ImageDeleteError? {
    if let conflict = conflict(for: id, hard: true, soft: !force, activeReference: !force) {
      if quiet, case .conflict(_, _, let reason) = conflict,
        !store.isDangling(id) || reason.hasPrefix("image is being used")
      {
        return nil
      }
      return conflict
    }
    let parent = store.image(id)?.parent
    for ref in store.references(to: id) {
      store.removeReference(ref)
      records.append(.untagged(ref.familiar))
    }
    let retained = Set(users.flatMap(\.layerChainIDs))
    let freed = store.deleteImage(id, retained: retained)
    records.append(.deleted(id))
    records += freed.map { .deleted($0) }
    guard prune, let parent, store.image(parent) != nil else { return nil }
    return deleteHelper(parent, force: false, prune: true, quiet: true)
  }

  /// checkImageDeleteConflict: hard = children or a running container;
  /// soft = other references or a stopped container.
  private func conflict(for id: Digest, hard: Bool, soft: Bool, activeReference: Bool) -> ImageDeleteError? {
    if hard, !store.children(of: id).isEmpty {
      return .conflict(imageID: id, hard: true, reason: "image has dependent child images")
    }
    if hard, let user = users.first(where: { $0.imageID == id && $0.running }) {
      return .conflict(
        imageID: id, hard: true, reason: "image is being used by running container \(user.containerID.prefix(12))")
    }
    if soft, activeReference, !store.references(to: id).isEmpty {
      return .conflict(imageID: id, hard: false, reason: "image is referenced in multiple repositories")
    }
    if soft, let user = users.first(where: { $0.imageID == id && !$0.running }) {
      return .conflict(
        imageID: id, hard: false, reason: "image is being used by stopped container \(user.containerID.prefix(12))")
    }
    return nil
  }

  /// At most one tag, and every reference in one repository.
  static func isSingleReference(_ refs: [Reference]) -> Bool {
    guard !refs.isEmpty else { return false }
    let tagCount = refs.filter { $0.digest == nil }.count
    guard tagCount <= 1 else { return false }
    return Set(refs.map(\.name)).count == 1
  }
}


