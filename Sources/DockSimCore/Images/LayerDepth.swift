/// moby's layer store (layer/layer_store.go) refuses to register a layer on a chain
/// that is already `maxLayerDepth` (125) deep: 127 is the most some graph drivers
/// mount, less the init and writable layers of a container. Every commit registers
/// a layer, even an empty one (it is released afterwards), so `docker commit` and
/// every non-cached `docker build` step fail on an image of 125 layers, with
/// `max depth exceeded` (ErrMaxDepthExceeded). Pulled and loaded images are
/// registered layer by layer and meet the same limit.
public enum LayerDepth {
  public static let maximum = 125

  /// The error text, as the daemon returns it.
  public static let exceeded = "max depth exceeded"

  /// Whether a new layer may go on top of `parentLayers` layers.
  public static func canRegister(onTopOf parentLayers: Int) -> Bool { parentLayers < maximum }
}

extension ImageStore {
  /// Adds an image made by committing on top of `parent` (nil: FROM scratch), as the
  /// layer store allows it: fails with `LayerDepth.exceeded` when the parent's chain
  /// is already at the maximum depth.
  public mutating func addCommitted(_ image: Image, parent: Image?) -> Result<Void, LayerDepthError> {
    guard LayerDepth.canRegister(onTopOf: parent?.layers.count ?? 0) else { return .failure(LayerDepthError()) }
    add(image)
    return .success(())
  }
}

/// `max depth exceeded`.
public struct LayerDepthError: Error, Hashable, Sendable {
  public var message: String { LayerDepth.exceeded }
  public init() {}
}
