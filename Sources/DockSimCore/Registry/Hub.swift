import Synchronization

/// The mock Docker Hub: repositories with descriptions and stars, tags pointing at
/// images, and the manifests a pull resolves. Built from catalog files (the bundled
/// one, then any `--hub FILE`), and changed by `docker push` for the rest of a run.
///
/// Nothing of a Hub image is built before something asks for it (a pull, an image
/// lookup): a tag holds the recipe, and the image is built once, on first use, and
/// shared by every copy of the Hub. `Hub.lazy(files:)` also defers reading and parsing
/// the catalogs to the first use, so start-up does not grow with the catalog.
public struct Hub: Sendable {
  /// The catalogs' repositories, loaded on first use (shared by copies of this value).
  private let catalog: CatalogIndex
  /// Repositories that pushes made or changed, over the catalog's.
  private var pushed: [String: HubRepository] = [:]
  /// Paths of pushed repositories the catalog does not have, in push order.
  private var pushedOrder: [String] = []
  /// The user `docker login` signed in (nil when logged out).
  public var loggedInUser: String?

  /// An empty Hub (every pull fails with "pull access denied").
  public init() { catalog = CatalogIndex(loaded: HubIndex()) }

  /// Indexes every catalog (images are built on first use). Later catalogs may build
  /// on images of earlier ones, add repositories, and replace tags or repository facts.
  public init(catalogs: [HubCatalog]) throws(HubCatalogError) {
    var index = HubIndex()
    for catalog in catalogs { try index.add(catalog) }
    catalog = CatalogIndex(loaded: index)
  }

  private init(lazy sources: [HubSource]) { catalog = CatalogIndex(sources: sources) }

  // MARK: Lookup

  /// Repositories by path (`library/ubuntu`, `nuagebec/ubuntu`).
  public var repositories: [String: HubRepository] { catalog.index.repositories.merging(pushed) { $1 } }

  /// Repository paths in catalog order, then pushed ones.
  public var order: [String] { catalog.index.order + pushedOrder }

  /// The repository a reference names (nil for other registries or unknown names).
  public func repository(for reference: Reference) -> HubRepository? {
    guard reference.isOnHub else { return nil }
    return pushed[reference.path] ?? catalog.index.repositories[reference.path]
  }

  /// The image a tag or digest reference names (built now if it was not yet).
  public func image(for reference: Reference) -> Image? {
    repository(for: reference)?.target(for: reference)?.image
  }

  /// Repositories in catalog order.
  public var allRepositories: [HubRepository] { order.compactMap { repository(path: $0) } }

  private func repository(path: String) -> HubRepository? { pushed[path] ?? catalog.index.repositories[path] }

  /// Every image the Hub serves, by ID. This builds them all: only `docker push`
  /// needs it (which blobs the registry already has).
  public var images: [Digest: Image] {
    var all: [Digest: Image] = [:]
    for repository in allRepositories {
      for tag in repository.tagOrder {
        if let image = repository.target(tag: tag)?.image { all[image.id] = image }
      }
    }
    return all
  }

  /// IDs of the images built so far (by pulls and lookups), for tests and benchmarks.
  public var builtImageIDs: Set<Digest> {
    var built: Set<Digest> = []
    for repository in allRepositories {
      for tag in repository.tagOrder {
        if let image = repository.builtImage(tag: tag) { built.insert(image.id) }
      }
    }
    return built
  }

  // MARK: Lazy loading

  /// Why a catalog did not load (the first bad file); loads the catalogs if they were
  /// not yet. The Hub then serves the catalogs before the bad one.
  public var loadProblem: HubCatalogError? { catalog.index.problem }

  /// `loadProblem`, but only once something has loaded the catalogs: front ends ask
  /// after each command without making every session pay for the catalog.
  public var problemIfLoaded: HubCatalogError? { catalog.indexIfLoaded?.problem }

  // MARK: Push

  /// Stores `image` as `reference` (a Hub user repository), creating the repository
  /// with no stars and no description, as a first push does. Returns the manifest.
  public mutating func push(_ image: Image, as reference: Reference) -> HubManifest {
    let path = reference.path
    let existing = repository(path: path)
    if existing == nil { pushedOrder.append(path) }
    var changed =
      existing ?? HubRepository(path: path, description: "", stars: 0, isOfficial: false, isAutomated: false)
    let target = HubImageTarget(built: image)
    changed.setTag(reference.tag ?? Reference.defaultTag, target: target)
    pushed[path] = changed
    return target.manifest
  }
}

/// A catalog file for `Hub.lazy(files:)`: its name (for errors) and how to get its text.
public struct HubSource: Sendable {
  public var name: String
  /// The file's text; nil when it cannot be read.
  public var text: @Sendable () -> String?

  public init(name: String, text: @escaping @Sendable () -> String?) {
    self.name = name
    self.text = text
  }
}

/// Repositories and tags of the catalogs, indexed but with no image built.
struct HubIndex: Sendable {
  var repositories: [String: HubRepository] = [:]
  var order: [String] = []
  var problem: HubCatalogError?

  mutating func add(_ catalog: HubCatalog) throws(HubCatalogError) {
    for repository in catalog.repositories { try add(repository, file: catalog.file) }
  }

  private mutating func add(_ recipe: HubCatalog.Repository, file: String) throws(HubCatalogError) {
    let path = recipe.official ? "library/" + recipe.name : recipe.name
    var repository =
      repositories[path]
      ?? HubRepository(path: path, description: "", stars: 0, isOfficial: recipe.official, isAutomated: false)
    repository.description = recipe.description
    repository.stars = recipe.stars
    repository.isOfficial = recipe.official
    repository.isAutomated = recipe.automated
    if repositories[path] == nil { order.append(path) }
    repositories[path] = repository
    for imageRecipe in recipe.images {
      let target = HubImageTarget(recipe: imageRecipe, base: try base(of: imageRecipe, file: file))
      for tag in imageRecipe.tags { repositories[path]!.setTag(tag, target: target) }
    }
  }

  /// The earlier image a recipe builds on (nil for scratch), found without building it.
  private func base(of recipe: HubCatalog.ImageRecipe, file: String) throws(HubCatalogError) -> HubImageTarget? {
    guard recipe.from != "scratch" else { return nil }
    guard let reference = try? Reference.parse(recipe.from, version: .v28), reference.isOnHub,
      let target = repositories[reference.path]?.target(for: reference.withDefaultTag)
    else {
      throw HubCatalogError(
        file: file, line: recipe.line, field: "from",
        message: "\"\(recipe.from)\" is not an image defined earlier (or scratch)")
    }
    return target
  }
}

/// The catalogs' index, loaded once (now, or on first use from `HubSource`s) and shared
/// by every copy of the Hub.
final class CatalogIndex: Sendable {
  private enum State {
    case pending([HubSource])
    case loaded(HubIndex)
  }
  private let state: Mutex<State>

  init(loaded index: HubIndex) { state = Mutex(.loaded(index)) }
  init(sources: [HubSource]) { state = Mutex(.pending(sources)) }

  var index: HubIndex {
    state.withLock { state in
      switch state {
      case .loaded(let index): return index
      case .pending(let sources):
        let index = Self.load(sources)
        state = .loaded(index)
        return index
      }
    }
  }

  var indexIfLoaded: HubIndex? {
    state.withLock { state in
      if case .loaded(let index) = state { index } else { nil }
    }
  }

  /// Parses and indexes the sources in order; the first that fails stops the load.
  private static func load(_ sources: [HubSource]) -> HubIndex {
    var index = HubIndex()
    for source in sources {
      do throws(HubCatalogError) {
        guard let text = source.text() else {
          throw HubCatalogError(file: source.name, line: 1, field: "(file)", message: "cannot be read")
        }
        try index.add(try HubCatalog.load(yaml: text, file: source.name))
      } catch {
        index.problem = error
        break
      }
    }
    return index
  }
}

/// What a tag names: an image recipe, built on first use and then kept (shared by
/// every tag of the recipe and every copy of the Hub), or an image pushed as it is.
final class HubImageTarget: Sendable {
  private enum State {
    case recipe(HubCatalog.ImageRecipe, base: HubImageTarget?)
    case built(Image, HubManifest)
  }
  private let state: Mutex<State>

  init(recipe: HubCatalog.ImageRecipe, base: HubImageTarget?) { state = Mutex(.recipe(recipe, base: base)) }
  init(built image: Image) { state = Mutex(.built(image, HubManifest(image: image))) }

  var image: Image { resolved.image }
  var manifest: HubManifest { resolved.manifest }

  /// The image if it has been built, without building it.
  var builtImage: Image? {
    state.withLock { state in
      if case .built(let image, _) = state { image } else { nil }
    }
  }

  private var resolved: (image: Image, manifest: HubManifest) {
    state.withLock { state in
      switch state {
      case .built(let image, let manifest): return (image, manifest)
      case .recipe(let recipe, let base):
        // The base is another target, so this never waits on its own lock.
        let image = Self.build(recipe, base: base?.image)
        let manifest = HubManifest(image: image)
        state = .built(image, manifest)
        return (image, manifest)
      }
    }
  }

  private static func build(_ recipe: HubCatalog.ImageRecipe, base: Image?) -> Image {
    var assembler = ImageAssembler(base: base)
    let count = recipe.steps.count
    for (index, step) in recipe.steps.enumerated() {
      let time = recipe.created.adding(.seconds(Int64(index - count + 1)))
      assembler.append(step.step, layer: step.files.map { CatalogFile.layer($0, mtime: time) }, at: time)
    }
    return assembler.image(created: recipe.created)
  }
}

/// A repository on the Hub.
public struct HubRepository: Sendable, Hashable {
  /// `library/ubuntu`, `nuagebec/ubuntu`.
  public let path: String
  public var description: String
  public var stars: Int
  public var isOfficial: Bool
  public var isAutomated: Bool
  /// Tag to what it names (built on first use).
  private var targets: [String: HubImageTarget] = [:]
  /// Tags in the order the catalog lists them (`docker pull -a` pulls them sorted).
  public private(set) var tagOrder: [String] = []

  public init(path: String, description: String, stars: Int, isOfficial: Bool, isAutomated: Bool) {
    self.path = path
    self.description = description
    self.stars = stars
    self.isOfficial = isOfficial
    self.isAutomated = isAutomated
  }

  /// How search lists it: `ubuntu`, `nuagebec/ubuntu`.
  public var searchName: String { path.hasPrefix("library/") ? String(path.dropFirst(8)) : path }

  /// Tag to manifest. This builds every image of the repository; a pull asks for one
  /// tag with `pullTarget(for:)`.
  public var tags: [String: HubManifest] { targets.mapValues(\.manifest) }

  /// The manifest and image a reference's tag (default `latest`) or digest names.
  public func pullTarget(for reference: Reference) -> (manifest: HubManifest, image: Image)? {
    target(for: reference).map { ($0.manifest, $0.image) }
  }

  func target(tag: String) -> HubImageTarget? { targets[tag] }

  func builtImage(tag: String) -> Image? { targets[tag]?.builtImage }

  /// By digest, the repository's images are built until one matches (a registry
  /// resolves a digest among the repository's manifests).
  func target(for reference: Reference) -> HubImageTarget? {
    if let digest = reference.digest {
      return tagOrder.lazy.compactMap { targets[$0] }.first { $0.manifest.digest.description == digest }
    }
    return targets[reference.tag ?? Reference.defaultTag]
  }

  mutating func setTag(_ tag: String, target: HubImageTarget) {
    if targets[tag] == nil { tagOrder.append(tag) }
    targets[tag] = target
  }

  public static func == (a: HubRepository, b: HubRepository) -> Bool {
    a.path == b.path && a.description == b.description && a.stars == b.stars && a.isOfficial == b.isOfficial
      && a.isAutomated == b.isAutomated && a.tagOrder == b.tagOrder
      && a.targets.mapValues(ObjectIdentifier.init) == b.targets.mapValues(ObjectIdentifier.init)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(tagOrder)
  }
}

/// What a registry serves for a tag: the config (the image ID) and the layer blobs.
public struct HubManifest: Sendable, Hashable {
  public let imageID: Digest
  /// Compressed blob digests, base first.
  public let layerBlobs: [Digest]
  /// The manifest's own digest: `Digest:` in pull output, RepoDigests in inspect.
  public let digest: Digest

  public init(image: Image) {
    imageID = image.id
    layerBlobs = image.layers.map(\.blobDigest)
    var text = "schemaVersion 2\nconfig \(image.id)\n"
    for layer in image.layers { text += "layer \(layer.blobDigest) \(layer.compressedSize)\n" }
    digest = Digest.sha256(text)
  }
}

extension Hub {
  /// The name of the bundled catalog in DockSimData's `Hub/` folder
  /// (`BundledData.hubFile(Hub.bundledCatalogName)`).
  public static let bundledCatalogName = "catalog.yaml"

  /// Parses and builds catalogs in order: the bundled one first, then each
  /// `--hub FILE`. `name` is what errors call the file.
  public static func load(files: [(name: String, text: String)]) throws(HubCatalogError) -> Hub {
    var catalogs: [HubCatalog] = []
    for file in files { catalogs.append(try HubCatalog.load(yaml: file.text, file: file.name)) }
    return try Hub(catalogs: catalogs)
  }

  /// A Hub that reads and parses `files` on first use, not now: `loadProblem` says
  /// whether they loaded (a front end reports it as `load(files:)` would have thrown).
  public static func lazy(files: [HubSource]) -> Hub { Hub(lazy: files) }
}
