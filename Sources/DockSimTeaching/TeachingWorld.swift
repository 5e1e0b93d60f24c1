import DockSimCore
import DockSimShell

/// Something the teaching commands can show: an image, or a container (its image's
/// layers plus its writable layer), with everything the diagram, whence and tree need.
struct TeachingSubject {
  enum Kind {
    case image
    case container(id: String, image: String, started: Bool)
  }

  var kind: Kind
  /// How the user knows it: `ubuntu:18.04`, `web`.
  var name: String
  /// For an image, its merged view with an empty writable layer on top.
  var filesystem: ContainerFS
  var stack: [LayerStackView.ImageLayer]
  var baseImage: String

  var labels: LayerLabels {
    LayerLabels(owners: stack.map { layer in
      switch layer.owner {
      case .baseImage(let name), .parentImage(let name), .thisImage(let name): name
      }
    })
  }

  var view: LayerStackView {
    switch kind {
    case .image:
      return LayerStackView(subject: .image(name), changes: nil, layers: stack, baseImage: baseImage, bootfs: .idle)
    case .container(_, let image, let started):
      return LayerStackView(
        subject: .container(name: name, image: image), changes: TeachingWorld.changes(filesystem), layers: stack,
        baseImage: baseImage, bootfs: started ? .unmountedAfterStart : .notMounted)
    }
  }
}

/// Where the teaching commands find images and containers. Each function is the one
/// place that knows how the image and container stores are shaped.
enum TeachingWorld {
  /// The image view and layer names of a container's image, for trace lines.
  static func traceContext(container id: String, in session: Session) -> TraceContext {
    if let subject = container(id, in: session) {
      return TraceContext(image: subject.filesystem.image, labels: subject.labels)
    }
    // A container gone by the end of the input (`docker run --rm`).
    let fs = session.containerFilesystem(id)
    return TraceContext(image: fs.image, labels: LayerLabels(image: "?", count: fs.image.layers.count))
  }

  /// A container by name or ID prefix, else an image by reference or ID.
  static func subject(_ text: String, in session: Session) -> TeachingSubject? {
    container(text, in: session) ?? image(text, in: session)
  }

  /// The container whose shell the user is in, if any.
  static func currentContainer(in session: Session) -> TeachingSubject? {
    guard case .container(let id) = session.currentShell.place else { return nil }
    return container(id, in: session)
  }

  static func container(_ text: String, in session: Session) -> TeachingSubject? {
    guard case .success(let container) = session.engine.containers.find(text) else { return nil }
    return subject(of: container, in: session)
  }

  static func subject(of container: Container, in session: Session) -> TeachingSubject {
    subject(
      id: container.id, name: container.name, fs: container.filesystem,
      image: session.engine.images.image(container.imageID), typed: container.imageReference,
      started: container.state.startedAt != .goZero, in: session)
  }

  /// A container over `fs`: its image from the store (by ID, or by the layers the root is made of).
  static func subject(
    id: String, name: String, fs: ContainerFS, image: Image?, typed: String = "?", started: Bool, in session: Session
  ) -> TeachingSubject {
    let store = session.engine.images
    let diffIDs = fs.image.layers.map(\.diffID)
    let image = image ?? store.images.values.filter { $0.diffIDs == diffIDs }.min {
      displayName($0, store: store) < displayName($1, store: store)
    }
    guard let image else {
      return TeachingSubject(
        kind: .container(id: id, image: typed, started: started), name: name, filesystem: fs,
        stack: anonymousStack(fs.image.layers, image: typed), baseImage: typed)
    }
    let imageName = displayName(image, store: store)
    let stack = layerStack(image, name: imageName, store: store)
    return TeachingSubject(
      kind: .container(id: id, image: imageName, started: started), name: name, filesystem: fs,
      stack: stack.layers, baseImage: stack.base)
  }

  static func image(_ text: String, in session: Session) -> TeachingSubject? {
    guard case .success(let image) = session.engine.images.lookup(text, version: session.settings.dockerVersion)
    else { return nil }
    let name = displayName(image, store: session.engine.images)
    let stack = layerStack(image, name: name, store: session.engine.images)
    return TeachingSubject(
      kind: .image, name: name, filesystem: ContainerFS(image: MergedView(layers: image.layers)), stack: stack.layers,
      baseImage: stack.base)
  }

  /// An image's familiar tag (the first, sorted), or its short ID when untagged.
  static func displayName(_ image: Image, store: ImageStore) -> String {
    store.tagReferences(to: image.id).map(\.familiar).sorted().first ?? TruncateID.short(image.id.description)
  }

  /// Each layer of `image` with its build step and the image it came from: the local
  /// images whose layers are a prefix of this one's are its base and parent images.
  static func layerStack(_ image: Image, name: String, store: ImageStore) -> (layers: [LayerStackView.ImageLayer], base: String) {
    let ancestors = ancestors(of: image, store: store)
    let steps = image.history.filter { !$0.emptyLayer }.map(\.createdBy)
    let baseName = ancestors.first?.name ?? name
    var layers: [LayerStackView.ImageLayer] = []
    for (index, layer) in image.layers.enumerated() {
      let owner: LayerStackView.Owner
      if let first = ancestors.firstIndex(where: { $0.count > index }) {
        owner = first == 0 ? .baseImage(ancestors[first].name) : .parentImage(ancestors[first].name)
      } else {
        owner = ancestors.isEmpty ? .baseImage(name) : .thisImage(name)
      }
      layers.append(
        LayerStackView.ImageLayer(
          number: index + 1, shortDigest: String(layer.diffID.hex.prefix(12)),
          createdBy: steps.indices.contains(index) ? steps[index] : nil, size: layer.size,
          fileCount: layer.fileCount, owner: owner))
    }
    return (layers, baseName)
  }

  /// Local tagged images whose layers are a proper prefix of `image`'s, fewest layers first.
  static func ancestors(of image: Image, store: ImageStore) -> [(name: String, count: Int)] {
    var found: [Int: String] = [:]
    for candidate in store.images.values where candidate.layers.count < image.layers.count && !candidate.layers.isEmpty {
      guard Array(image.diffIDs.prefix(candidate.layers.count)) == candidate.diffIDs else { continue }
      let name = displayName(candidate, store: store)
      // Several images with the same layers: keep the alphabetically first name.
      if let existing = found[candidate.layers.count], existing <= name { continue }
      found[candidate.layers.count] = name
    }
    return found.keys.sorted().map { (found[$0]!, $0) }
  }

  /// Layers known only by their content (no image store entry).
  static func anonymousStack(_ layers: [Layer], image: String) -> [LayerStackView.ImageLayer] {
    layers.enumerated().map { index, layer in
      LayerStackView.ImageLayer(
        number: index + 1, shortDigest: String(layer.diffID.hex.prefix(12)), createdBy: nil, size: layer.size,
        fileCount: layer.fileCount, owner: .thisImage(image))
    }
  }

  /// The container layer's changes as `docker diff` lists them.
  static func changes(_ fs: ContainerFS) -> LayerStackView.Changes {
    var changes = LayerStackView.Changes(added: 0, changed: 0, deleted: 0)
    for change in fs.changes() {
      switch change.kind {
      case .added: changes.added += 1
      case .changed: changes.changed += 1
      case .deleted: changes.deleted += 1
      }
    }
    return changes
  }
}
