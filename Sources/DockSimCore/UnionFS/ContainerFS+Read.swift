/// What `stat(2)` reports for a visible object.
public struct FileStat: Hashable, Sendable {
  public var kind: FileKind
  public var metadata: FileMetadata
  /// Bytes: file size, symlink target length, 4096 for directories (as ext4 reports them).
  public var size: Int
  public var linkCount: Int
  /// A deterministic inode number (hard links share it).
  public var inode: UInt64
  /// The layer the visible object comes from.
  public var place: LayerPlace
  /// The physical path after symlink resolution.
  public var path: String

  public var mode: UInt32 { metadata.mode }
  public var mtime: Timestamp { metadata.mtime }
}

/// A name in a directory listing.
public struct DirectoryEntry: Hashable, Sendable {
  public var name: String
  public var kind: FileKind
}

extension ContainerFS {
  /// `stat(2)`: follows symlinks.
  public mutating func stat(_ path: String) throws(FSError) -> FileStat {
    let (resolved, node) = try existing(path, followLast: true)
    return makeStat(resolved.path, node)
  }

  /// `lstat(2)`: a symlink itself.
  public mutating func lstat(_ path: String) throws(FSError) -> FileStat {
    let (resolved, node) = try existing(path, followLast: false)
    return makeStat(resolved.path, node)
  }

  /// True when `path` resolves (following symlinks) to something. Records no events.
  public func exists(_ path: String) -> Bool {
    (try? resolveQuietly(path, followLast: true).node) != nil
  }

  /// The kind of what `path` names (symlinks not followed), nil when absent. Records no events.
  public func kind(at path: String) -> FileKind? {
    guard let node = try? resolveQuietly(path, followLast: false).node else { return nil }
    return ContainerFS.kind(node.entry)
  }

  public mutating func readlink(_ path: String) throws(FSError) -> String {
    let (_, node) = try existing(path, followLast: false)
    guard case .symlink(let target, _) = node.entry else { throw .invalidArgument }
    return target
  }

  /// The content of a regular file (follows symlinks).
  public mutating func readFile(_ path: String) throws(FSError) -> FileData {
    let (resolved, node) = try existing(path, followLast: true)
    if let mounted = mountedFile(resolved.path) { return mounted.data }
    guard let file = regularFile(node) else { throw .isADirectory }
    return file.data
  }

  /// The names of a directory, sorted bytewise, without `.` and `..` (follows symlinks).
  /// The directory is resolved once and each child found from it, so a walk such as
  /// `find` costs the size of the tree, not its size times its depth.
  public mutating func readdir(_ path: String) throws(FSError) -> [DirectoryEntry] {
    let (resolved, node) = try existing(path, followLast: true)
    guard node.isDirectory else { throw .notADirectory }
    return entries(in: resolved.path, node)
  }

  /// Visible entries of a directory, sorted: upper names that are not whiteouts, plus
  /// the image's entries when they show through, each once. When the writable layer
  /// holds nothing under the directory (every directory of a fresh container), this is
  /// the image's cached listing itself: no merge, no lookup per name.
  func entries(in path: String, _ node: Node) -> [DirectoryEntry] {
    guard let own = upper.children[path] else { return node.lowerVisible ? image.entries(in: path) : [] }
    var merged: [DirectoryEntry] = []
    for name in own {
      guard let entry = upper.entries[FSPath.child(path, name)], !entry.isWhiteout else { continue }
      merged.append(DirectoryEntry(name: name, kind: ContainerFS.kind(entry)))
    }
    if node.lowerVisible {
      for entry in image.entries(in: path) where upper.entries[FSPath.child(path, entry.name)] == nil {
        merged.append(entry)
      }
    }
    return merged.sorted { FSPath.byteOrder($0.name, $1.name) }
  }

  func isEmptyDirectory(_ path: String, _ node: Node) -> Bool { entries(in: path, node).isEmpty }

  static func kind(_ entry: LayerEntry) -> FileKind {
    switch entry {
    case .directory: .directory
    case .symlink: .symlink
    case .file, .whiteout: .regular
    }
  }

  func makeStat(_ path: String, _ node: Node) -> FileStat {
    mounts.isEmpty ? layerStat(path, node) : mounts.apply(to: layerStat(path, node))
  }

  private func layerStat(_ path: String, _ node: Node) -> FileStat {
    let base = inodeBase(node.place)
    switch node.entry {
    case .directory(let metadata, _):
      return FileStat(
        kind: .directory, metadata: metadata, size: 4096, linkCount: directoryLinkCount(path, node),
        inode: base | (ContainerFS.pathHash(path) & 0xFF_FFFF_FFFF), place: node.place, path: path)
    case .symlink(let target, let metadata):
      return FileStat(
        kind: .symlink, metadata: metadata, size: target.utf8.count, linkCount: 1,
        inode: base | (ContainerFS.pathHash(path) & 0xFF_FFFF_FFFF), place: node.place, path: path)
    case .file(let inode):
      let file = regularFile(node)
      let links: Int
      switch node.place {
      case .upper: links = upper.linkCounts[inode] ?? 1
      case .image(let layer): links = image.layers[layer].contents.linkCounts[inode] ?? 1
      }
      return FileStat(
        kind: .regular, metadata: file?.metadata ?? MergedView.defaultRootMetadata, size: file?.data.size ?? 0,
        linkCount: links, inode: base | UInt64(inode), place: node.place, path: path)
    case .whiteout:
      fatalError("whiteouts are never visible")
    }
  }

  /// overlayfs reports 1 for a merged directory (counting would need every layer);
  /// a directory from one layer has 2 plus its subdirectories, as on ext4.
  private func directoryLinkCount(_ path: String, _ node: Node) -> Int {
    let merged: Bool
    switch node.place {
    case .upper: merged = node.lowerVisible
    case .image: merged = image.node(path)?.merged ?? false
    }
    if merged { return 1 }
    let subdirectories = entries(in: path, node).lazy.filter { $0.kind == .directory }
    return 2 + subdirectories.count
  }

  private func inodeBase(_ place: LayerPlace) -> UInt64 {
    switch place {
    case .upper: 1 << 40
    case .image(let layer): UInt64(layer + 2) << 40
    }
  }

  /// FNV-1a: a stable number for objects that have no inode of their own in the model.
  static func pathHash(_ path: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in path.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }
}

extension ContainerFS {
  /// `lstat` without recording events, nil when absent (for views such as `tree`).
  public func peek(_ path: String) -> FileStat? {
    guard let resolved = try? resolveQuietly(path, followLast: false), let node = resolved.node else { return nil }
    return makeStat(resolved.path, node)
  }

  /// Every visible path under `path` (itself included), depth-first, names sorted;
  /// symlinks are not followed. Costs the size of the tree: for views and tests.
  public func walk(from path: String = "/") -> [String] {
    guard let resolved = try? resolveQuietly(path, followLast: false), let node = resolved.node else { return [] }
    var out: [String] = []
    appendWalk(resolved.path, node, to: &out)
    return out
  }

  /// Iterative (an explicit stack): a deep tree costs heap, not native stack.
  private func appendWalk(_ path: String, _ node: Node, to out: inout [String]) {
    var stack = [(path, node)]
    while let (current, currentNode) = stack.popLast() {
      out.append(current)
      guard currentNode.isDirectory else { continue }
      var children: [(String, Node)] = []
      for entry in entries(in: current, currentNode) {
        let child = FSPath.child(current, entry.name)
        if let childNode = lookupChild(child, parentLowerVisible: currentNode.lowerVisible) {
          children.append((child, childNode))
        }
      }
      stack += children.reversed()
    }
  }
}

/// A directory resolved once, for walks that go down a tree (find, ls -R, du, cp -r):
/// each child is found from its parent's node, not resolved again from `/`, so a walk
/// costs the size of the tree and not its size times its depth. A handle is a snapshot
/// of one lookup: a walker that changes the tree under it opens the directory again.
public struct DirectoryHandle: Sendable {
  /// The physical, normalized path of the directory.
  public let path: String
  let node: ContainerFS.Node
}

extension ContainerFS {
  /// Resolves `path` (following symlinks, as `opendir` does) to a directory.
  public mutating func openDirectory(_ path: String) throws(FSError) -> DirectoryHandle {
    let (resolved, node) = try existing(path, followLast: true)
    guard node.isDirectory else { throw .notADirectory }
    return DirectoryHandle(path: resolved.path, node: node)
  }

  /// The visible entries of a directory, sorted bytewise, without `.` and `..` (`readdir`).
  public func entries(of directory: DirectoryHandle) -> [DirectoryEntry] {
    entries(in: directory.path, directory.node)
  }

  /// The child directory `name` (a name from `entries(of:)`) of `directory`; nil when
  /// it is not a directory (a symlink to one is not followed, as a walk does not).
  public mutating func subdirectory(_ name: String, of directory: DirectoryHandle) -> DirectoryHandle? {
    let path = FSPath.child(directory.path, name)
    guard let node = lookupChild(path, parentLowerVisible: directory.node.lowerVisible), node.isDirectory else {
      return nil
    }
    record(.lookup(path: path, place: node.place))
    return DirectoryHandle(path: path, node: node)
  }

  /// `lstat` of the entry `name` of `directory`, found from the directory.
  public mutating func lstat(_ name: String, in directory: DirectoryHandle) throws(FSError) -> FileStat {
    let path = FSPath.child(directory.path, name)
    guard let node = lookupChild(path, parentLowerVisible: directory.node.lowerVisible) else { throw .noSuchFile }
    record(.lookup(path: path, place: node.place))
    return makeStat(path, node)
  }
}
