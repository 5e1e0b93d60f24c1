import HashTreeCollections

/// The read-only merged view of an image's layers (base first): its root filesystem.
///
/// Built once per image by applying the layers bottom to top (whiteouts and opaque
/// directories hide only what is below them), it is a flattened index: lookup and
/// readdir cost the same through 127 layers as through one. A value with persistent
/// maps inside, so every container of the image shares it for free.
public struct MergedView: Sendable {
  /// One visible path: the entry that wins and where it comes from.
  struct Node: Hashable, Sendable {
    var layer: Int
    var entry: LayerEntry
    /// Lower layers that also have an entry at this path (top first), hidden or merged.
    var below: [Int]
    /// A directory whose names come from more than one layer.
    var merged: Bool
  }

  public private(set) var layers: [Layer]
  private(set) var nodes: TreeDictionary<String, Node>
  /// The sorted entries (name and kind) of every visible directory, absent for empty
  /// ones: readdir of a directory no container changed is this array, shared by every
  /// container of the image, with no merge and no lookup per name.
  private(set) var listings: TreeDictionary<String, [DirectoryEntry]> = [:]

  /// Root metadata when no layer sets it: 0755, root, at the epoch.
  public static let defaultRootMetadata = FileMetadata(mode: 0o755, mtime: Timestamp(seconds: 0))

  public init(layers: [Layer], rootMetadata: FileMetadata = MergedView.defaultRootMetadata) {
    self.layers = []
    nodes = ["/": Node(layer: 0, entry: .directory(rootMetadata, opaque: false), below: [], merged: false)]
    for layer in layers { append(layer) }
  }

  /// An image with no layers: an empty root directory (`FROM scratch`, the host's home).
  public static let empty = MergedView(layers: [])

  /// The view with one more layer on top (a committed container, a build step). Costs
  /// the size of the new layer only; the old view is unchanged and shares its storage.
  public func appending(_ layer: Layer) -> MergedView {
    var view = self
    view.append(layer)
    return view
  }

  /// Number of visible paths, the root included.
  public var pathCount: Int { nodes.count }

  /// The visible entry at a normalized path (no symlink resolution) and its layer.
  public func entry(at path: String) -> (entry: LayerEntry, layer: Int)? {
    nodes[path].map { ($0.entry, $0.layer) }
  }

  /// The regular file visible at a normalized path.
  public func file(at path: String) -> RegularFile? {
    guard let node = nodes[path], case .file(let inode) = node.entry else { return nil }
    return layers[node.layer].contents.files[inode]
  }

  /// Sorted names of a visible directory (empty for files and missing paths).
  public func names(in path: String) -> [String] { (listings[path] ?? []).map(\.name) }

  /// Sorted entries of a visible directory (empty for files and missing paths).
  public func entries(in path: String) -> [DirectoryEntry] { listings[path] ?? [] }

  /// Which layer provides `path` and which lower layers also have it ("whence").
  public func whence(_ path: String) -> Whence? {
    nodes[path].map { Whence(layer: $0.layer, entry: $0.entry, below: $0.below) }
  }

  func node(_ path: String) -> Node? { nodes[path] }

  // MARK: - Applying a layer on top, as an OCI runtime extracts it

  private mutating func append(_ layer: Layer) {
    let index = layers.count
    layers.append(layer)
    let contents = layer.contents
    // Parents come before children in walk order, and an entry of a layer never hides
    // another entry of the same layer, so one pass is enough.
    for path in contents.walkOrder {
      guard let entry = contents.entries[path] else { continue }
      let old = nodes[path]
      let below = old.map { [$0.layer] + $0.below } ?? []
      switch entry {
      case .whiteout:
        removeTree(path)
      case .directory(_, let opaque):
        if let old, old.entry.isDirectory, !opaque {
          // Directories merge: the names stay, the metadata is the upper one's.
          nodes[path] = Node(layer: index, entry: entry, below: below, merged: true)
        } else {
          replace(path, with: Node(layer: index, entry: entry, below: below, merged: false))
        }
      case .file, .symlink:
        replace(path, with: Node(layer: index, entry: entry, below: below, merged: false))
      }
    }
  }

  private mutating func replace(_ path: String, with node: Node) {
    if path == "/" {
      removeChildren("/")
      nodes["/"] = node
      return
    }
    removeTree(path)
    nodes[path] = node
    let parent = FSPath.parent(path)
    let name = FSPath.name(path)
    // Taking the array out keeps it uniquely referenced, so the insert does not copy it.
    var entries = listings.removeValue(forKey: parent) ?? []
    // Walk order adds names in sorted order, so this is nearly always an append.
    let position = MergedView.insertionIndex(of: name, in: entries)
    entries.insert(DirectoryEntry(name: name, kind: ContainerFS.kind(node.entry)), at: position)
    listings[parent] = entries
  }

  private mutating func removeTree(_ path: String) {
    guard nodes[path] != nil, path != "/" else { return }
    removeChildren(path)
    nodes[path] = nil
    let parent = FSPath.parent(path)
    guard var entries = listings.removeValue(forKey: parent) else { return }
    let name = FSPath.name(path)
    let position = MergedView.insertionIndex(of: name, in: entries)
    if position < entries.count && entries[position].name == name { entries.remove(at: position) }
    listings[parent] = entries.isEmpty ? nil : entries
  }

  /// Iterative (an explicit stack), so a deep tree costs heap, not native stack.
  private mutating func removeChildren(_ path: String) {
    var stack = [path]
    while let current = stack.popLast() {
      guard let entries = listings.removeValue(forKey: current) else { continue }
      for entry in entries {
        let child = FSPath.child(current, entry.name)
        nodes[child] = nil
        stack.append(child)
      }
    }
  }

  /// The first index whose name does not sort before `name` (binary search, byte order).
  static func insertionIndex(of name: String, in entries: [DirectoryEntry]) -> Int {
    if let last = entries.last, FSPath.byteOrder(last.name, name) { return entries.count }
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if FSPath.byteOrder(entries[mid].name, name) { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

/// Where a visible path of an image comes from (the `whence` teaching view).
public struct Whence: Hashable, Sendable {
  /// The layer whose entry is visible (base = 0).
  public let layer: Int
  public let entry: LayerEntry
  /// Lower layers that have an entry at the same path, nearest first: hidden versions
  /// for files, merged contributions for directories.
  public let below: [Int]
}
