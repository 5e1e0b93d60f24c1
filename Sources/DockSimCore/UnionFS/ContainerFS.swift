/// A container's root filesystem: an image's merged view plus the container's own
/// writable layer, with the kernel overlayfs semantics Docker mounts (index=off,
/// redirect_dir off, metacopy off).
///
/// Creating one copies nothing: the image view is shared, and the writable layer
/// (`upper`) grows only with the container's changes. Paths may be absolute or
/// relative to `/`; they are resolved inside the container's root (`..` at `/`
/// stays at `/`, absolute symlink targets start at the container's root, more than
/// 40 symlinks give `ELOOP`). Timestamps are passed in: the simulated clock.
///
/// Operations are `mutating` even when they only read, because they record
/// `FSEvent`s while `tracing` is on.
public struct ContainerFS: Sendable {
  /// The read-only layers: the image's root.
  public let image: MergedView
  /// The writable layer, as overlay's upper directory holds it (whiteouts, opaque dirs).
  public internal(set) var upper = Changeset()
  /// When on, operations append `FSEvent`s to `events`.
  public var tracing = false
  public internal(set) var events: [FSEvent] = []
  /// Files bind-mounted over paths of the union mount (ContainerFS+Mounts.swift).
  public var mounts = ContainerMounts()

  /// The writable layer's own root directory (overlay's upperdir), when it has one.
  /// A container's upperdir is made when the container is created, and the kernel shows
  /// a merged directory with its upper directory's attributes: `/` in a container has
  /// the creation time and link count 1, not the image root's.
  var upperRoot: FileMetadata?

  public init(image: MergedView) { self.image = image }

  /// A container's filesystem: the image's view under a writable layer made at `createdAt`.
  public init(image: MergedView, createdAt: Timestamp) {
    self.image = image
    upperRoot = FileMetadata(mode: 0o755, mtime: createdAt)
  }

  /// An empty filesystem (just `/`): the simulated host's own filesystem starts this way.
  public static func empty(rootMetadata: FileMetadata = MergedView.defaultRootMetadata) -> ContainerFS {
    ContainerFS(image: MergedView(layers: [], rootMetadata: rootMetadata))
  }

  /// Returns the recorded events and forgets them.
  public mutating func drainEvents() -> [FSEvent] {
    defer { events = [] }
    return events
  }

  mutating func record(_ event: @autoclosure () -> FSEvent) {
    if tracing { events.append(event()) }
  }

  // MARK: - The merged view, one path at a time

  /// A visible object: its entry, where it comes from, and (for directories)
  /// whether image contents below it are merged into it.
  struct Node {
    var entry: LayerEntry
    var place: LayerPlace
    var lowerVisible: Bool

    var isDirectory: Bool { entry.isDirectory }
  }

  /// The root. The writable layer always has a root directory (overlay's upperdir), but
  /// it only holds a root entry once the root's own metadata changes.
  var rootNode: Node {
    if let entry = upper.entries["/"] { return Node(entry: entry, place: .upper, lowerVisible: true) }
    if let metadata = upperRoot {
      return Node(entry: .directory(metadata, opaque: false), place: .upper, lowerVisible: true)
    }
    let node = image.node("/")!
    return Node(entry: node.entry, place: .image(node.layer), lowerVisible: true)
  }

  /// The visible child at `path` of a directory whose image contents are (or are not) visible.
  func lookupChild(_ path: String, parentLowerVisible: Bool) -> Node? {
    if let entry = upper.entries[path] {
      switch entry {
      case .whiteout:
        return nil
      case .directory(_, let opaque):
        let lower = parentLowerVisible && !opaque && image.node(path)?.entry.isDirectory == true
        return Node(entry: entry, place: .upper, lowerVisible: lower)
      case .file, .symlink:
        return Node(entry: entry, place: .upper, lowerVisible: false)
      }
    }
    guard parentLowerVisible, let node = image.node(path) else { return nil }
    return Node(entry: node.entry, place: .image(node.layer), lowerVisible: node.entry.isDirectory)
  }

  /// The visible object at a normalized path, without following symlinks.
  func node(at path: String) -> Node? {
    var current = rootNode
    var prefix = "/"
    for name in FSPath.components(path) {
      guard current.isDirectory else { return nil }
      prefix = FSPath.child(prefix, name)
      guard let next = lookupChild(prefix, parentLowerVisible: current.lowerVisible) else { return nil }
      current = next
    }
    return current
  }

  /// Where the object at a normalized path comes from (no symlink resolution).
  public func place(of path: String) -> LayerPlace? { node(at: LayerBuilder.normalize(path))?.place }

  /// The regular file an entry names, in whichever layer holds it.
  func regularFile(_ node: Node) -> RegularFile? {
    guard case .file(let inode) = node.entry else { return nil }
    switch node.place {
    case .upper: return upper.files[inode]
    case .image(let layer): return image.layers[layer].contents.files[inode]
    }
  }

  // MARK: - Path resolution

  /// A resolved path: the physical, normalized path and what is there (nil when the
  /// last component does not exist but its directory does).
  struct Resolved {
    var path: String
    var node: Node?
    /// Whether the image contents of the parent directory are visible.
    var parentLowerVisible: Bool
    /// The path named a directory explicitly (`a/`).
    var trailingSlash: Bool
    /// The last component as written was `.` or `..`.
    var endsInDot: Bool
  }

  private struct Step {
    var path: String
    var node: Node
  }

  /// Linux's limits: 40 symlinks per lookup (ELOOP), NAME_MAX 255 bytes per name and
  /// PATH_MAX 4096 bytes with the terminating NUL (ENAMETOOLONG). Every path a
  /// filesystem holds is at most `maxPathLength` long, resolved symlinks included, so
  /// no tree is deeper than 2,048 directories.
  public static let maxSymlinkHops = 40
  public static let maxNameLength = 255
  public static let maxPathLength = 4095
  /// The largest regular file (EFBIG "File too large" beyond it).
  public static let maxFileSize = 1 << 30
  /// The most file bytes a writable layer may hold, each inode once (ENOSPC "No space
  /// left on device" beyond it), like a container on a 2 GiB disk. Copy-ups count but
  /// never fail: the image's own files are already bounded.
  public static let writableLayerBudget = 2 << 30

  mutating func resolve(_ path: String, followLast: Bool) throws(FSError) -> Resolved {
    guard tracing else { return try resolveQuietly(path, followLast: followLast) }
    var lookups: [FSEvent]? = []
    defer { events += lookups ?? [] }
    return try resolve(path, followLast: followLast, lookups: &lookups)
  }

  /// Resolves without recording (for read-only helpers that take no `inout self`).
  func resolveQuietly(_ path: String, followLast: Bool) throws(FSError) -> Resolved {
    var none: [FSEvent]? = nil
    return try resolve(path, followLast: followLast, lookups: &none)
  }

  private func resolve(_ path: String, followLast: Bool, lookups: inout [FSEvent]?) throws(FSError) -> Resolved {
    guard !path.isEmpty else { throw .noSuchFile }
    guard path.utf8.count <= ContainerFS.maxPathLength else { throw .nameTooLong }
    let trailingSlash = path.hasSuffix("/") && path != "/"
    var pending = Array(FSPath.components(path).reversed())
    let endsInDot = pending.first == "." || pending.first == ".."
    var stack = [Step(path: "/", node: rootNode)]
    var hops = 0
    while let name = pending.popLast() {
      if name == "." { continue }
      if name == ".." {
        if stack.count > 1 { stack.removeLast() }
        continue
      }
      guard name.utf8.count <= ContainerFS.maxNameLength else { throw .nameTooLong }
      let dir = stack[stack.count - 1]
      let childPath = FSPath.child(dir.path, name)
      // A short path can lead deep through symlinks; the physical path is bounded too.
      guard childPath.utf8.count <= ContainerFS.maxPathLength else { throw .nameTooLong }
      let isLast = pending.isEmpty
      guard let child = lookupChild(childPath, parentLowerVisible: dir.node.lowerVisible) else {
        if isLast {
          return Resolved(
            path: childPath, node: nil, parentLowerVisible: dir.node.lowerVisible,
            trailingSlash: trailingSlash, endsInDot: false)
        }
        throw .noSuchFile
      }
      lookups?.append(.lookup(path: childPath, place: child.place))
      if case .symlink(let target, _) = child.entry, !isLast || followLast || trailingSlash {
        hops += 1
        guard hops <= ContainerFS.maxSymlinkHops else { throw .tooManySymlinks }
        guard !target.isEmpty else { throw .noSuchFile }
        if target.hasPrefix("/") { stack.removeSubrange(1...) }
        pending.append(contentsOf: FSPath.components(target).reversed())
        continue
      }
      if isLast {
        if trailingSlash && !child.isDirectory { throw .notADirectory }
        return Resolved(
          path: childPath, node: child, parentLowerVisible: dir.node.lowerVisible,
          trailingSlash: trailingSlash, endsInDot: false)
      }
      guard child.isDirectory else { throw .notADirectory }
      stack.append(Step(path: childPath, node: child))
    }
    // The path ended at a directory reached by `/`, `.` or `..`.
    let top = stack[stack.count - 1]
    let parentVisible = stack.count > 1 ? stack[stack.count - 2].node.lowerVisible : true
    return Resolved(
      path: top.path, node: top.node, parentLowerVisible: parentVisible, trailingSlash: trailingSlash,
      endsInDot: endsInDot)
  }

  /// Resolves a path that must exist.
  mutating func existing(_ path: String, followLast: Bool) throws(FSError) -> (Resolved, Node) {
    let resolved = try resolve(path, followLast: followLast)
    guard let node = resolved.node else { throw .noSuchFile }
    return (resolved, node)
  }
}
