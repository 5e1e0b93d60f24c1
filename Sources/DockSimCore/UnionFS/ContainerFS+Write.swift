/// The write operations, each with the kernel's overlayfs behaviour. Every operation
/// checks everything that can fail before it changes anything: a failed call copies
/// nothing up (S12, S35).
extension ContainerFS {
  /// Opens `path` for writing (creating it if missing, following symlinks) and writes
  /// `data`: `echo x > f` (truncate) or `echo x >> f` (`append`). Opening a lower file
  /// copies it up even when nothing is written (S06).
  public mutating func writeFile(
    _ path: String, _ data: FileData, append: Bool = false, mode: UInt32 = 0o644, at time: Timestamp
  ) throws(FSError) {
    let resolved = try resolve(path, followLast: true)
    guard let node = resolved.node else {
      guard !resolved.trailingSlash else { throw .isADirectory }
      try checkRoom(growing: 0, to: data.size)
      try createFile(resolved, RegularFile(data: data, metadata: FileMetadata(mode: mode, mtime: time)), at: time)
      return
    }
    guard !node.isDirectory else { throw .isADirectory }
    if mountedFile(resolved.path) != nil { return writeMounted(resolved.path, data, append: append, at: time) }
    let size = regularFile(node)?.data.size ?? 0
    try checkRoom(growing: node.place == .upper ? size : 0, to: append ? size + data.size : data.size)
    let inode = copyUpFile(resolved.path, node)
    upper.updateFile(inode: inode) { $0.write(data, append: append, at: time) }
  }

  /// Creates an empty file, or (when it exists) opens it for writing without writing:
  /// `: > f` with O_CREAT but no O_TRUNC. Used by `touch`-like creators.
  public mutating func createFile(_ path: String, mode: UInt32 = 0o644, exclusive: Bool = false, at time: Timestamp)
    throws(FSError)
  {
    let resolved = try resolve(path, followLast: !exclusive)
    if let node = resolved.node {
      guard !exclusive else { throw .fileExists }
      guard !node.isDirectory else { throw .isADirectory }
      _ = copyUpFile(resolved.path, node)
      return
    }
    guard !resolved.trailingSlash else { throw .isADirectory }
    try createFile(resolved, RegularFile(data: FileData(), metadata: FileMetadata(mode: mode, mtime: time)), at: time)
  }

  /// `truncate(2)`: cuts or extends with zeros; copies a lower file up.
  public mutating func truncate(_ path: String, to size: Int, at time: Timestamp) throws(FSError) {
    guard size >= 0 else { throw .invalidArgument }
    let (resolved, node) = try existing(path, followLast: true)
    guard !node.isDirectory else { throw .isADirectory }
    try checkRoom(growing: node.place == .upper ? regularFile(node)?.data.size ?? 0 : 0, to: size)
    let inode = copyUpFile(resolved.path, node)
    upper.updateFile(inode: inode) { file in
      file.data.truncate(to: size)
      file.metadata.mtime = time
    }
  }

  /// `touch`: sets the modification time, creating an empty file when missing.
  public mutating func touch(_ path: String, at time: Timestamp) throws(FSError) {
    let resolved = try resolve(path, followLast: true)
    if resolved.node == nil {
      guard !resolved.trailingSlash else { throw .isADirectory }
      try createFile(resolved, RegularFile(data: FileData(), metadata: FileMetadata(mode: 0o644, mtime: time)), at: time)
    } else {
      try setModificationTime(path, time)
    }
  }

  /// `utimes(2)` (follows symlinks): a metadata change, so a lower object is copied up.
  public mutating func setModificationTime(_ path: String, _ time: Timestamp) throws(FSError) {
    try changeMetadata(path) { $0.mtime = time }
  }

  /// `chmod(2)` (follows symlinks). Copies up even when the mode does not change (S04).
  public mutating func chmod(_ path: String, mode: UInt32) throws(FSError) {
    try changeMetadata(path) { $0.mode = mode & 0o7777 }
  }

  /// `chown(2)` (follows symlinks).
  public mutating func chown(_ path: String, uid: UInt32, gid: UInt32) throws(FSError) {
    try changeMetadata(path) {
      $0.uid = uid
      $0.gid = gid
    }
  }

  /// `mkdir(2)`. Over a whiteout of the writable layer the new directory is opaque,
  /// so the deleted lower contents stay hidden (S10, S33).
  public mutating func mkdir(_ path: String, mode: UInt32 = 0o755, at time: Timestamp) throws(FSError) {
    let resolved = try resolve(path, followLast: false)
    guard resolved.node == nil else { throw .fileExists }
    let parent = FSPath.parent(resolved.path)
    copyUpAncestors(parent)
    let overWhiteout = upper.entries[resolved.path]?.isWhiteout == true
    upper.set(resolved.path, .directory(FileMetadata(mode: mode, mtime: time), opaque: overWhiteout))
    if overWhiteout { record(.opaqueDirectory(path: resolved.path)) }
    touchDirectory(parent, time)
  }

  /// `unlink(2)`: a lower name becomes a whiteout; an upper-only name just goes (S07, S39).
  public mutating func unlink(_ path: String, at time: Timestamp) throws(FSError) {
    let (resolved, node) = try existing(path, followLast: false)
    guard !node.isDirectory else { throw .isADirectory }
    try checkNotMountPoint(resolved.path)
    removeName(resolved, node, at: time)
  }

  /// `rmdir(2)`: only when the merged directory is empty; then one whiteout replaces
  /// the upper copy and the whiteouts it held (S12, S13).
  public mutating func rmdir(_ path: String, at time: Timestamp) throws(FSError) {
    let (resolved, node) = try existing(path, followLast: false)
    guard !resolved.endsInDot else { throw resolved.path == "/" ? .busy : .invalidArgument }
    guard resolved.path != "/" else { throw .busy }
    guard node.isDirectory else { throw .notADirectory }
    guard isEmptyDirectory(resolved.path, node) else { throw .directoryNotEmpty }
    removeName(resolved, node, at: time)
  }

  /// `rm -r`: removes a whole tree; a lower tree leaves one whiteout at its top (S09, S36).
  public mutating func removeTree(_ path: String, at time: Timestamp) throws(FSError) {
    let (resolved, node) = try existing(path, followLast: false)
    guard resolved.path != "/", !resolved.endsInDot else { throw .busy }
    removeName(resolved, node, at: time)
  }

  /// `symlink(2)`: creates the link in the writable layer; nothing is copied up (S27).
  public mutating func symlink(_ target: String, at path: String, time: Timestamp) throws(FSError) {
    let resolved = try resolve(path, followLast: false)
    guard resolved.node == nil else { throw .fileExists }
    guard !target.isEmpty else { throw .noSuchFile }
    let parent = FSPath.parent(resolved.path)
    copyUpAncestors(parent)
    upper.set(resolved.path, .symlink(target: target, FileMetadata(mode: 0o777, mtime: time)))
    touchDirectory(parent, time)
  }

  /// `link(2)`: a hard link. A lower file is copied up first and both names then share
  /// the upper inode (S26); directories cannot be linked.
  public mutating func link(_ existingPath: String, _ newPath: String, at time: Timestamp) throws(FSError) {
    let (source, node) = try existing(existingPath, followLast: false)
    guard !node.isDirectory else { throw .operationNotPermitted }
    let target = try resolve(newPath, followLast: false)
    guard target.node == nil else { throw .fileExists }
    guard !target.trailingSlash else { throw .noSuchFile }
    copyUp(source.path, node)
    let parent = FSPath.parent(target.path)
    copyUpAncestors(parent)
    guard let entry = upper.entries[source.path] else { return }
    upper.set(target.path, entry)
    touchDirectory(parent, time)
  }

  /// `rename(2)`. Files are copied up and moved, leaving a whiteout (S18, S19). A lower
  /// or merged directory gives `EXDEV` (redirect_dir off, S20): `mv` then copies and
  /// deletes. A directory of the writable layer alone is moved, and becomes opaque when
  /// its new parent is merged (S23).
  public mutating func rename(_ from: String, _ to: String, at time: Timestamp) throws(FSError) {
    let (source, node) = try existing(from, followLast: false)
    let target = try resolve(to, followLast: false)
    guard source.path != "/", target.path != "/", !source.endsInDot, !target.endsInDot else { throw .busy }
    if source.path == target.path { return }
    try checkNotMountPoint(source.path)
    try checkNotMountPoint(target.path)
    if target.path.hasPrefix(source.path + "/") { throw .invalidArgument }
    if let existing = target.node {
      if node.isDirectory && !existing.isDirectory { throw .notADirectory }
      if !node.isDirectory && existing.isDirectory { throw .isADirectory }
      if sameInode(node, existing) { return }
    } else if target.trailingSlash && !node.isDirectory {
      throw .notADirectory
    }
    if node.isDirectory && (node.place != .upper || node.lowerVisible) { throw .crossDevice }
    if let existing = target.node, existing.isDirectory, !isEmptyDirectory(target.path, existing) {
      throw .directoryNotEmpty
    }
    if node.isDirectory { try checkMovedPaths(source.path, to: target.path) }
    let sourceHasLower = source.parentLowerVisible && image.node(source.path) != nil
    copyUp(source.path, node)
    let targetParent = FSPath.parent(target.path)
    copyUpAncestors(targetParent)
    if target.node != nil { upper.removeTree(target.path) }
    moveUpperTree(source.path, to: target.path)
    if case .directory(let metadata, let opaque)? = upper.entries[target.path], !opaque, target.parentLowerVisible {
      upper.set(target.path, .directory(metadata, opaque: true))
      record(.opaqueDirectory(path: target.path))
    }
    if sourceHasLower {
      upper.set(source.path, .whiteout)
      record(.whiteout(path: source.path))
    }
    touchDirectory(FSPath.parent(source.path), time)
    touchDirectory(targetParent, time)
  }

  // MARK: - Limits

  /// Whether a file of the writable layer (now `current` bytes there, 0 when it is
  /// new or still below) may become `size` bytes: EFBIG past the largest file, ENOSPC
  /// when the writable layer's budget would be exceeded. Shrinking always succeeds.
  func checkRoom(growing current: Int, to size: Int) throws(FSError) {
    guard size > current else { return }
    guard size <= ContainerFS.maxFileSize else { throw .fileTooLarge }
    guard upper.fileBytes - current + size <= ContainerFS.writableLayerBudget else { throw .noSpace }
  }

  /// A rename moves a whole upper tree: every path it would get must fit PATH_MAX.
  private func checkMovedPaths(_ from: String, to: String) throws(FSError) {
    let growth = to.utf8.count - from.utf8.count
    guard growth > 0 else { return }
    let longest = upper.subtree(from).lazy.map(\.utf8.count).max() ?? from.utf8.count
    guard longest + growth <= ContainerFS.maxPathLength else { throw .nameTooLong }
  }

  // MARK: - Copy-up and the steps every operation shares

  /// Copies the lower object at `path` into the writable layer: its missing ancestor
  /// directories first (metadata only, no other children), then the object itself with
  /// its metadata and, for a file, its full data. A hard link to a lower file is broken:
  /// the upper copy is a new inode (index=off, S24).
  mutating func copyUp(_ path: String, _ node: Node) {
    guard case .image(let layer) = node.place else { return }
    if path != "/" { copyUpAncestors(FSPath.parent(path)) }
    switch node.entry {
    case .directory(let metadata, _):
      // A lower opaque directory is copied up without the flag (S17).
      upper.set(path, .directory(metadata, opaque: false))
    case .file:
      if let file = regularFile(node) { upper.addFile(path, file) }
    case .symlink, .whiteout:
      upper.set(path, node.entry)
    }
    record(.copyUp(path: path, fromLayer: layer))
  }

  /// Makes sure the visible directory `path` and its ancestors exist in the writable layer.
  mutating func copyUpAncestors(_ path: String) {
    var missing: [String] = []
    var current = path
    while current != "/" && upper.entries[current] == nil {
      missing.append(current)
      current = FSPath.parent(current)
    }
    for directory in missing.reversed() {
      guard let node = image.node(directory) else { continue }
      upper.set(directory, .directory(metadataOf(node.entry), opaque: false))
      record(.copyUp(path: directory, fromLayer: node.layer))
    }
  }

  /// Copies a regular file up if needed and returns its upper inode.
  mutating func copyUpFile(_ path: String, _ node: Node) -> Int {
    copyUp(path, node)
    guard case .file(let inode)? = upper.entries[path] else { return 0 }
    return inode
  }

  private mutating func createFile(_ resolved: Resolved, _ file: RegularFile, at time: Timestamp) throws(FSError) {
    let parent = FSPath.parent(resolved.path)
    copyUpAncestors(parent)
    // A file simply replaces a whiteout of the writable layer (S08): no opaque flag.
    upper.addFile(resolved.path, file)
    touchDirectory(parent, time)
  }

  private mutating func changeMetadata(_ path: String, _ change: (inout FileMetadata) -> Void) throws(FSError) {
    let (resolved, node) = try existing(path, followLast: true)
    copyUp(resolved.path, node)
    // A container's root lives in the writable layer from the start, with no entry of its own yet.
    if resolved.path == "/" && upper.entries["/"] == nil { upper.set("/", rootNode.entry) }
    guard let entry = upper.entries[resolved.path] else { return }
    switch entry {
    case .directory(var metadata, let opaque):
      change(&metadata)
      upper.set(resolved.path, .directory(metadata, opaque: opaque))
    case .symlink(let target, var metadata):
      change(&metadata)
      upper.set(resolved.path, .symlink(target: target, metadata))
    case .file(let inode):
      upper.updateFile(inode: inode) { change(&$0.metadata) }
    case .whiteout:
      break
    }
  }

  /// Removes a visible name: drops the upper object (and anything below it), then
  /// leaves a whiteout when an image layer still has the name.
  private mutating func removeName(_ resolved: Resolved, _ node: Node, at time: Timestamp) {
    let parent = FSPath.parent(resolved.path)
    copyUpAncestors(parent)
    let hasLower = resolved.parentLowerVisible && image.node(resolved.path) != nil
    if node.place == .upper { upper.removeTree(resolved.path) }
    if hasLower {
      upper.set(resolved.path, .whiteout)
      record(.whiteout(path: resolved.path))
    } else {
      record(.removedFromUpper(path: resolved.path))
    }
    touchDirectory(parent, time)
  }

  /// Moves an upper subtree; inodes (and so hard links) are kept.
  private mutating func moveUpperTree(_ from: String, to: String) {
    let paths = upper.subtree(from)
    var moved: [(String, LayerEntry)] = []
    for path in paths {
      guard let entry = upper.entries[path] else { continue }
      moved.append((to + path.dropFirst(from.count), entry))
    }
    // New names first, so no inode loses its last link in between.
    for (path, entry) in moved { upper.set(path, entry) }
    upper.removeTree(from)
  }

  /// A directory's mtime changes when a name in it is added or removed.
  private mutating func touchDirectory(_ path: String, _ time: Timestamp) {
    let entry = path == "/" ? rootNode.entry : upper.entries[path]
    guard case .directory(var metadata, let opaque)? = entry else { return }
    metadata.mtime = time
    upper.set(path, .directory(metadata, opaque: opaque))
  }

  private func sameInode(_ a: Node, _ b: Node) -> Bool {
    guard case .file(let x) = a.entry, case .file(let y) = b.entry else { return false }
    return x == y && a.place == b.place
  }

  func metadataOf(_ entry: LayerEntry) -> FileMetadata {
    switch entry {
    case .directory(let metadata, _), .symlink(_, let metadata): metadata
    case .file, .whiteout: MergedView.defaultRootMetadata
    }
  }
}

extension RegularFile {
  /// `open(O_WRONLY | O_TRUNC or O_APPEND)` then `write`: O_TRUNC always sets mtime; a
  /// write sets it only when it writes something.
  mutating func write(_ bytes: FileData, append: Bool, at time: Timestamp) {
    if !append {
      data = FileData()
      metadata.mtime = time
    }
    if bytes.size > 0 {
      data.append(bytes)
      metadata.mtime = time
    }
  }
}
