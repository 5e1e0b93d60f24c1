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

  public let layers: [Layer]
  private(set) var nodes: TreeDictionary<String, Node>
  /// Sorted names of every visible directory (absent for empty directories).
  private(set) var listings: TreeDictionary<String, [String]>

  /// Root metadata when no layer sets it: 0755 root, at Go's zero time is wrong for `ls`,
  /// so the epoch is used.
  public static let defaultRootMetadata = FileMetadata(mode: 0o755, mtime: Timestamp(seconds: 0))

  public init(layers: [Layer], rootMetadata: FileMetadata = MergedView.defaultRootMetadata) {
    self.layers = layers
    var builder = Builder(root: Node(layer: 0, entry: .directory(rootMetadata, opaque: false), below: [], merged: false))
    for (index, layer) in layers.enumerated() { builder.apply(layer.contents, index: index) }
    nodes = builder.nodes
    listings = builder.children.mapValues { Array($0).sorted(by: FSPath.byteOrder) }
  }

  /// An image with no layers: an empty root directory (`FROM scratch`, the host's home).
  public static let empty = MergedView(layers: [])

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
  public func names(in path: String) -> [String] { listings[path] ?? [] }

  /// Which layer provides `path` and which lower layers also have it ("whence").
  public func whence(_ path: String) -> Whence? {
    nodes[path].map { Whence(layer: $0.layer, entry: $0.entry, below: $0.below) }
  }

  func node(_ path: String) -> Node? { nodes[path] }

  /// Applies layers base first, as an OCI runtime extracts them.
  private struct Builder {
    var nodes: TreeDictionary<String, Node> = [:]
    var children: TreeDictionary<String, TreeSet<String>> = [:]

    init(root: Node) { nodes["/"] = root }

    mutating func apply(_ layer: Changeset, index: Int) {
      // Parents come before children in walk order, and an entry of this layer never
      // hides another entry of the same layer, so one pass is enough.
      for path in layer.walkOrder {
        guard let entry = layer.entries[path] else { continue }
        let old = nodes[path]
        let below = old.map { [$0.layer] + $0.below } ?? []
        switch entry {
        case .whiteout:
          removeTree(path)
        case .directory(_, let opaque):
          if let old, old.entry.isDirectory, !opaque {
            nodes[path] = Node(layer: index, entry: entry, below: below, merged: true)
          } else {
            if path != "/" { removeTree(path) } else { children["/"] = nil }
            insert(path, Node(layer: index, entry: entry, below: below, merged: false))
          }
        case .file, .symlink:
          removeTree(path)
          insert(path, Node(layer: index, entry: entry, below: below, merged: false))
        }
      }
    }

    private mutating func insert(_ path: String, _ node: Node) {
      nodes[path] = node
      if path != "/" { children[FSPath.parent(path), default: []].insert(FSPath.name(path)) }
    }

    private mutating func removeTree(_ path: String) {
      guard nodes[path] != nil else { return }
      removeChildren(path)
      nodes[path] = nil
      let parent = FSPath.parent(path)
      children[parent]?.remove(FSPath.name(path))
      if children[parent]?.isEmpty == true { children[parent] = nil }
    }

    private mutating func removeChildren(_ path: String) {
      guard let names = children[path] else { return }
      for name in names {
        let child = FSPath.child(path, name)
        removeChildren(child)
        nodes[child] = nil
      }
      children[path] = nil
    }
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
