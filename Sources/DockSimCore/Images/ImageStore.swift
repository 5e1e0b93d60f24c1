/// The daemon's local images: the images by ID, and the reference store that maps
/// tags (`ubuntu:18.04`) and repository digests (`ubuntu@sha256:…`) to image IDs.
///
/// Layers are not stored apart: a layer exists while some image lists it (by chain
/// ID), so deleting an image frees exactly the layers nothing else uses.
public struct ImageStore: Sendable {
  public private(set) var images: [Digest: Image] = [:]
  /// Tag references (always with a tag, never a digest) to image IDs.
  public private(set) var tags: [Reference: Digest] = [:]
  /// Repository digest references (`docker.io/library/ubuntu@sha256:…`) to image IDs.
  public private(set) var digests: [Reference: Digest] = [:]
  /// When each image was last tagged locally (inspect's Metadata.LastTagTime).
  public private(set) var lastTagTime: [Digest: Timestamp] = [:]
  /// When each image arrived (pull, build, commit): breaks ties in listings.
  public private(set) var arrival: [Digest: Int] = [:]
  private var arrivals = 0

  public init() {}

  public func image(_ id: Digest) -> Image? { images[id] }

  /// Adds an image (a no-op when the same content is already there).
  public mutating func add(_ image: Image) {
    guard images[image.id] == nil else { return }
    images[image.id] = image
    arrivals += 1
    arrival[image.id] = arrivals
  }

  /// Points `reference` (a tag reference) at `id`, moving it from any other image.
  /// `at` is recorded as the image's LastTagTime when `recordTime` (docker tag, commit).
  public mutating func setTag(_ reference: Reference, to id: Digest, at time: Timestamp? = nil) {
    let tagged = reference.withDefaultTag
    tags[Reference(domain: tagged.domain, path: tagged.path, tag: tagged.tag)] = id
    if let time { lastTagTime[id] = time }
  }

  /// Records `repository@digest` for `id` (after a pull or push).
  public mutating func setDigest(_ reference: Reference, to id: Digest) {
    digests[reference] = id
  }

  /// Every reference to `id`: tags then digests, each sorted by full string
  /// (the daemon's order).
  public func references(to id: Digest) -> [Reference] {
    tagReferences(to: id) + digestReferences(to: id)
  }

  public func tagReferences(to id: Digest) -> [Reference] {
    tags.filter { $0.value == id }.keys.sorted { $0.description < $1.description }
  }

  public func digestReferences(to id: Digest) -> [Reference] {
    digests.filter { $0.value == id }.keys.sorted { $0.description < $1.description }
  }

  /// Images whose parent is `id` (local builds and commits).
  public func children(of id: Digest) -> [Image] {
    images.values.filter { $0.parent == id }.sorted { $0.id < $1.id }
  }

  /// No tag and no digest.
  public func isUntagged(_ id: Digest) -> Bool { references(to: id).isEmpty }

  /// Untagged and without children: what `--filter dangling=true` lists.
  public func isDangling(_ id: Digest) -> Bool { isUntagged(id) && children(of: id).isEmpty }

  /// The chain IDs of every layer some image holds.
  public var layerChainIDs: Set<Digest> {
    var result = Set<Digest>()
    for image in images.values { result.formUnion(image.chainIDs) }
    return result
  }

  /// Images newest first (by build time, then arrival), as the daemon lists them.
  public var newestFirst: [Image] {
    images.values.sorted {
      if $0.created != $1.created { return $0.created > $1.created }
      return (arrival[$0.id] ?? 0) > (arrival[$1.id] ?? 0)
    }
  }

  // MARK: Lookup

  /// Why a name or ID did not resolve.
  public enum LookupError: Error, Hashable, Sendable {
    case invalidReference(ReferenceError)
    /// Carries what Docker prints after `No such image: ` (the familiar reference
    /// with `:latest` added, or the text as typed when it is not a name).
    case notFound(String)

    /// What the daemon says (the CLI prints it after `Error response from daemon: `).
    public func message(for version: DockerVersion) -> String {
      switch self {
      case .invalidReference(let error): error.message(for: version)
      case .notFound(let what): "No such image: \(what)"
      }
    }
  }

  /// daemon GetImage: a full ID, a tag reference, or a unique ID prefix.
  public func lookup(_ text: String, version: DockerVersion) -> Result<Image, LookupError> {
    let parsed: Reference.AnyReference
    do { parsed = try Reference.parseAny(text, version: version) } catch { return .failure(.invalidReference(error)) }
    switch parsed {
    case .id(let digest):
      if let image = images[digest] { return .success(image) }
      return .failure(.notFound(digest.description))
    case .named(let reference):
      if let image = imageFor(reference) { return .success(image) }
      if let image = imageWithIDPrefix(text) { return .success(image) }
      return .failure(.notFound(reference.withDefaultTag.familiar))
    }
  }

  /// The image a name refers to (`:latest` implied), nil when none.
  public func imageFor(_ reference: Reference) -> Image? {
    if let digest = reference.digest {
      return digests[Reference(domain: reference.domain, path: reference.path, digest: digest)].flatMap { images[$0] }
    }
    return tags[reference.withDefaultTag].flatMap { images[$0] }
  }

  /// The only image whose hex ID starts with `prefix` (nil when none or several).
  public func imageWithIDPrefix(_ prefix: String) -> Image? {
    let hex = prefix.hasPrefix("sha256:") ? String(prefix.dropFirst(7)) : prefix
    guard !hex.isEmpty, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
    let matches = images.keys.filter { $0.hex.hasPrefix(hex) }
    return matches.count == 1 ? images[matches[0]] : nil
  }

  /// True when `text` names `image` by its ID (a prefix of its hex, `sha256:` optional):
  /// rmi then deletes by ID rather than untagging a name.
  public static func isIDPrefix(_ text: String, of image: Image) -> Bool {
    let hex = text.hasPrefix("sha256:") ? String(text.dropFirst(7)) : text
    return !hex.isEmpty && image.id.hex.hasPrefix(hex)
  }

  // MARK: Removal primitives (the rmi rules are in ImageRemoval.swift)

  /// Removes one tag or digest reference; true when it existed.
  @discardableResult
  public mutating func removeReference(_ reference: Reference) -> Bool {
    if reference.digest != nil {
      return digests.removeValue(forKey: Reference(domain: reference.domain, path: reference.path, digest: reference.digest)) != nil
    }
    return tags.removeValue(forKey: reference.withDefaultTag) != nil
  }

  /// Deletes the image record and returns the chain IDs of the layers nothing else
  /// holds any more (top first, as `Deleted:` lines list them). `retained` are chain
  /// IDs still held elsewhere (containers built on the image).
  public mutating func deleteImage(_ id: Digest, retained: Set<Digest> = []) -> [Digest] {
    guard let image = images.removeValue(forKey: id) else { return [] }
    lastTagTime[id] = nil
    arrival[id] = nil
    for (ref, target) in tags where target == id { tags[ref] = nil }
    for (ref, target) in digests where target == id { digests[ref] = nil }
    let stillUsed = layerChainIDs.union(retained)
    return image.chainIDs.reversed().filter { !stillUsed.contains($0) }
  }
}
