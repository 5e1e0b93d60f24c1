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
    let (_, node) = try existing(path, followLast: true)
    guard let file = regularFile(node) else { throw .isADirectory }
    return file.data
  }

  /// The names of a directory, sorted bytewise, without `.` and `..` (follows symlinks).
  /// The directory is resolved once and each child found from it, so a walk such as
  /// `find` costs the size of the tree, not its size times its depth.
  public mutating func readdir(_ path: String) throws(FSError) -> [DirectoryEntry] {
    let (resolved, node) = try existing(path, followLast: true)
    guard node.isDirectory else { throw .notADirectory }
    return names(in: resolved.path, node).compactMap { name in
      let child = FSPath.child(resolved.path, name)
      return lookupChild(child, parentLowerVisible: node.lowerVisible).map {
        DirectoryEntry(name: name, kind: ContainerFS.kind($0.entry))
      }
    }
  }

  /// Visible names of a directory: upper names that are not whiteouts, plus the
  /// image's names when they show through, each once, sorted.
  func names(in path: String, _ node: Node) -> [String] {
    guard node.place == .upper || path == "/" else { return image.names(in: path) }
    let own = upper.children[path].map { Array($0) } ?? []
    var names = own.filter { upper.entries[FSPath.child(path, $0)]?.isWhiteout == false }
    if node.lowerVisible {
      names += image.names(in: path).filter { upper.entries[FSPath.child(path, $0)] == nil }
    }
    return names.sorted(by: FSPath.byteOrder)
  }

  func isEmptyDirectory(_ path: String, _ node: Node) -> Bool { names(in: path, node).isEmpty }

  static func kind(_ entry: LayerEntry) -> FileKind {
    switch entry {
    case .directory: .directory
    case .symlink: .symlink
    case .file, .whiteout: .regular
    }
  }

  func makeStat(_ path: String, _ node: Node) -> FileStat {
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
    let subdirectories = names(in: path, node).filter {
      lookupChild(FSPath.child(path, $0), parentLowerVisible: node.lowerVisible)?.isDirectory == true
    }
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
      for name in names(in: current, currentNode) {
        let child = FSPath.child(current, name)
        if let childNode = lookupChild(child, parentLowerVisible: currentNode.lowerVisible) {
          children.append((child, childNode))
        }
      }
      stack += children.reversed()
    }
  }
}
