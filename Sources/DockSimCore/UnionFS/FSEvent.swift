/// Where a visible file comes from: the container's writable layer or an image layer
/// (index into the image's layers, base = 0).
public enum LayerPlace: Hashable, Sendable, CustomStringConvertible {
  case upper
  case image(Int)

  public var description: String {
    switch self {
    case .upper: "upper"
    case .image(let index): "layer \(index)"
    }
  }
}

/// Something the union filesystem did that a teacher wants to show (`trace on`).
/// Recorded only while `ContainerFS.tracing` is on; drain with `drainEvents()`.
public enum FSEvent: Hashable, Sendable {
  /// A path was resolved; the visible entry comes from `place`.
  case lookup(path: String, place: LayerPlace)
  /// The lower object at `path` was copied into the writable layer from image layer `fromLayer`.
  case copyUp(path: String, fromLayer: Int)
  /// A whiteout was created at `path` to hide the lower entry.
  case whiteout(path: String)
  /// `path` was created (or moved) as an opaque directory, hiding the lower one.
  case opaqueDirectory(path: String)
  /// `path` was removed from the writable layer itself (nothing lower to hide).
  case removedFromUpper(path: String)
}
