/// Where Docker's overlay2 storage driver keeps an image's or a container's layers
/// (`/var/lib/docker/overlay2/<cache id>/diff`), as `docker inspect`'s GraphDriver and a
/// container's `/proc/mounts` show them. The cache IDs are random in Docker (moby's
/// daemon/graphdriver/overlay2/overlay.go); here they are hashes, so they are stable.
public struct Overlay2Directories: Sendable, Hashable {
  public static let root = "/var/lib/docker/overlay2/"

  /// The layer directories below the top one, nearest first (`LowerDir`); empty for
  /// an image of one layer.
  public var lower: [String]
  /// The top layer's directory (`UpperDir` is its `diff`, `MergedDir` its `merged`).
  public var top: String

  public var upperDir: String { top + "/diff" }
  public var mergedDir: String { top + "/merged" }
  public var workDir: String { top + "/work" }

  /// An image's layers: its top layer is the upper directory, the rest the lower ones.
  /// Nil for an image without layers.
  public init?(image: Image) {
    let directories = image.chainIDs.map { Self.root + Digest.sha256("cache-id \($0)").hex }
    guard let top = directories.last else { return nil }
    self.top = top
    self.lower = directories.dropLast().reversed().map { $0 + "/diff" }
  }

  /// A container's: its writable layer on top of an `-init` layer (the files the daemon
  /// writes: /etc/hosts, ...) on top of the image's layers, nearest first.
  public init(container: Container, image: Image?) {
    top = Self.root + Digest.sha256("cache-id container \(container.id)").hex
    lower = [top + "-init/diff"]
    if let image, let below = Overlay2Directories(image: image) {
      // The image's own top layer is its upper directory; the layers below are its lower ones.
      lower.append(below.upperDir)
      lower += below.lower
    }
  }
}
