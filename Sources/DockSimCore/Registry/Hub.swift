/// The mock Docker Hub: repositories with descriptions and stars, tags pointing at
/// images, and the manifests a pull resolves. Built from catalog files (the bundled
/// one, then any `--hub FILE`), and changed by `docker push` for the rest of a run.
public struct Hub: Sendable {
  /// Repositories by path (`library/ubuntu`, `nuagebec/ubuntu`), in catalog order.
  public private(set) var repositories: [String: HubRepository] = [:]
  public private(set) var order: [String] = []
  /// Every image the Hub serves, by ID.
  public private(set) var images: [Digest: Image] = [:]
  /// The user `docker login` signed in (nil when logged out).
  public var loggedInUser: String?

  /// An empty Hub (every pull fails with "pull access denied").
  public init() {}

  /// Builds every catalog image. Later catalogs may build on images of earlier ones,
  /// add repositories, and replace tags or repository facts.
  public init(catalogs: [HubCatalog]) throws(HubCatalogError) {
    for catalog in catalogs {
      for repository in catalog.repositories { try add(repository, file: catalog.file) }
    }
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
      let image = try build(imageRecipe, file: file)
      images[image.id] = image
      for tag in imageRecipe.tags { repositories[path]!.setTag(tag, image: image) }
    }
  }

  private func build(_ recipe: HubCatalog.ImageRecipe, file: String) throws(HubCatalogError) -> Image {
    var base: Image?
    if recipe.from != "scratch" {
      guard let reference = try? Reference.parse(recipe.from, version: .v28),
        let found = image(for: reference.withDefaultTag)
      else {
        throw HubCatalogError(
          file: file, line: recipe.line, field: "from",
          message: "\"\(recipe.from)\" is not an image defined earlier (or scratch)")
      }
      base = found
    }
    var assembler = ImageAssembler(base: base)
    let count = recipe.steps.count
    for (index, step) in recipe.steps.enumerated() {
      let time = recipe.created.adding(.seconds(Int64(index - count + 1)))
      assembler.append(step.step, layer: step.files.map { CatalogFile.layer($0, mtime: time) }, at: time)
    }
    return assembler.image(created: recipe.created)
  }

  // MARK: Lookup

  /// The repository a reference names (nil for other registries or unknown names).
  public func repository(for reference: Reference) -> HubRepository? {
    guard reference.isOnHub else { return nil }
    return repositories[reference.path]
  }

  /// The image a tag or digest reference names.
  public func image(for reference: Reference) -> Image? {
    guard let repository = repository(for: reference) else { return nil }
    if let digest = reference.digest {
      return repository.tags.values.first { $0.digest.description == digest }.flatMap { images[$0.imageID] }
    }
    return repository.tags[reference.tag ?? Reference.defaultTag].flatMap { images[$0.imageID] }
  }

  /// Repositories in catalog order.
  public var allRepositories: [HubRepository] { order.compactMap { repositories[$0] } }

  // MARK: Push

  /// Stores `image` as `reference` (a Hub user repository), creating the repository
  /// with no stars and no description, as a first push does. Returns the manifest.
  public mutating func push(_ image: Image, as reference: Reference) -> HubManifest {
    let path = reference.path
    if repositories[path] == nil {
      repositories[path] = HubRepository(path: path, description: "", stars: 0, isOfficial: false, isAutomated: false)
      order.append(path)
    }
    images[image.id] = image
    repositories[path]!.setTag(reference.tag ?? Reference.defaultTag, image: image)
    return repositories[path]!.tags[reference.tag ?? Reference.defaultTag]!
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
  /// Tag to manifest.
  public private(set) var tags: [String: HubManifest] = [:]
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

  mutating func setTag(_ tag: String, image: Image) {
    if tags[tag] == nil { tagOrder.append(tag) }
    tags[tag] = HubManifest(image: image)
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
}
