/// The containers of the simulated host, in creation order.
public struct ContainerStore: Sendable {
  public private(set) var all: [Container] = []
  /// The merged root of each image containers were made from, built once.
  private var rootViews: [Digest: MergedView] = [:]
  /// Docker's `-init` layer under every container (InitLayer.swift). The overlay
  /// differential tests turn it off to compare with a bare overlay mount of the image.
  public var initLayerEnabled = true

  public init() {}

  /// Why a name or ID did not give one container. `message` is the daemon's text.
  public enum LookupError: Error, Equatable, Sendable {
    case notFound(String)
    case ambiguous(String)

    public var message: String {
      switch self {
      case .notFound(let reference): "No such container: \(reference)"
      case .ambiguous(let prefix): "multiple IDs found with provided prefix: \(prefix)"
      }
    }
  }

  /// moby's `GetContainer`: a full ID, then a name (with or without `/`), then a
  /// unique ID prefix.
  public func find(_ reference: String) -> Result<Container, LookupError> {
    if let exact = all.first(where: { $0.id == reference }) { return .success(exact) }
    let name = reference.hasPrefix("/") ? String(reference.dropFirst()) : reference
    if let named = all.first(where: { $0.name == name }) { return .success(named) }
    let matches = reference.isEmpty ? [] : all.filter { $0.id.hasPrefix(reference) }
    switch matches.count {
    case 0: return .failure(.notFound(reference))
    case 1: return .success(matches[0])
    default: return .failure(.ambiguous(reference))
    }
  }

  /// The root of image `id`'s containers: its layers merged under Docker's init
  /// layer, built on first use and then shared.
  public mutating func rootView(of id: Digest, layers: [Layer]) -> MergedView {
    if let view = rootViews[id] { return view }
    let view = initLayerEnabled ? InitLayer.containerRoot(layers) : MergedView(layers: layers)
    rootViews[id] = view
    return view
  }

  /// The container with this full ID.
  public subscript(id id: String) -> Container? {
    all.first { $0.id == id }
  }

  /// The container that has `name`, if any.
  public func named(_ name: String) -> Container? {
    all.first { $0.name == name }
  }

  public mutating func add(_ container: Container) {
    all.append(container)
  }

  /// Replaces the container that has the same ID.
  public mutating func update(_ container: Container) {
    guard let index = all.firstIndex(where: { $0.id == container.id }) else { return }
    all[index] = container
  }

  public mutating func remove(id: String) {
    all.removeAll { $0.id == id }
  }

  /// moby's `stringid.GenerateRandomID`: 32 random bytes in hex, drawn again when
  /// the 12-character short form would be all digits (it could read as a number).
  public static func newID(using random: inout SplitMix64) -> String {
    while true {
      let id = (0..<4).map { _ in hex16(random.next()) }.joined()
      if !id.prefix(12).allSatisfy(\.isNumber) { return id }
    }
  }

  private static func hex16(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// moby's `generateNewName`: `GetRandomName(0)`, then retries 1 to 5 (with a
  /// digit added) while the name is taken, and at last the 12-hex short ID.
  public func newName(forID id: String, using random: inout SplitMix64) -> String {
    for retry in 0..<6 {
      let name = NameGenerator.randomName(retry: retry, using: &random)
      if named(name) == nil { return name }
    }
    return String(id.prefix(12))
  }

  /// moby's `validContainerNamePattern`: `^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$`.
  public static func isValidName(_ name: String) -> Bool {
    let body = name.hasPrefix("/") ? Substring(name.dropFirst()) : Substring(name)
    guard body.count >= 2, let first = body.first, first.isASCII, first.isLetter || first.isNumber else {
      return false
    }
    return body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
  }
}
