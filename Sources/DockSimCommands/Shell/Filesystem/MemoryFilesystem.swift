import DockSimCore

/// A plain in-memory file system of inodes: the simulated host's home, and any
/// place that has no layers under it. Hard links share an inode, as on ext4.
public struct MemoryFilesystem: ShellFilesystem, Hashable {
  enum Node: Sendable, Hashable {
    case file(FileContent)
    case directory([String: UInt64])
    case symlink(String)
  }

  struct Inode: Sendable, Hashable {
    var node: Node
    var permissions: UInt32
    var uid: Int
    var gid: Int
    var modified: Timestamp
    var changed: Timestamp
    var links: Int
  }

  /// Where a path leads: the directory holding the last name, and the inode if it exists.
  struct Resolved {
    var parent: UInt64
    var name: String
    var inode: UInt64?
  }

  static let rootInode: UInt64 = 2
  /// Linux's MAXSYMLINKS.
  static let maximumLinkHops = 40

  var inodes: [UInt64: Inode]
  var nextInode: UInt64 = 3
  /// Owner of what is created here (the host's student is 1000, a container's root 0).
  public var owner: (uid: Int, gid: Int) {
    get { (ownerUID, ownerGID) }
    set { (ownerUID, ownerGID) = newValue }
  }
  var ownerUID: Int
  var ownerGID: Int

  /// An empty root directory.
  public init(created: Timestamp, uid: Int = 0, gid: Int = 0) {
    ownerUID = uid
    ownerGID = gid
    inodes = [
      Self.rootInode: Inode(
        node: .directory([:]), permissions: 0o755, uid: 0, gid: 0, modified: created, changed: created, links: 2)
    ]
  }

  // MARK: Path resolution

  func components(_ path: String) -> [String] {
    path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
  }

  /// Walks `path` from the root, following symbolic links on the way and, when
  /// asked, the last one; `..` at the root stays at the root.
  func resolve(_ path: String, followingFinal: Bool) throws(Errno) -> Resolved {
    var queue = ArraySlice(components(path))
    var chain: [UInt64] = [Self.rootInode]
    let mustBeDirectory = path.hasSuffix("/") && path.count > 1
    let follow = followingFinal || mustBeDirectory
    var hops = 0
    while let name = queue.popFirst() {
      let isLast = queue.isEmpty
      if name.utf8.count > 255 { throw .nameTooLong }
      if name == "." || name == ".." {
        guard case .directory = inodes[chain.last!]!.node else { throw .notDirectory }
        if name == "..", chain.count > 1 { chain.removeLast() }
        continue
      }
      guard case .directory(let entries) = inodes[chain.last!]!.node else { throw .notDirectory }
      guard let child = entries[name] else {
        if isLast { return Resolved(parent: chain.last!, name: name, inode: nil) }
        throw .noEntry
      }
      if case .symlink(let target) = inodes[child]!.node, !isLast || follow {
        hops += 1
        if hops > Self.maximumLinkHops { throw .loop }
        if target.hasPrefix("/") { chain = [Self.rootInode] }
        queue = ArraySlice(components(target) + queue)
        if queue.isEmpty {
          // A link to "/" or to "..": the directory we are in now is the answer.
          break
        }
        continue
      }
      if isLast {
        if mustBeDirectory, case .directory = inodes[child]!.node {} else if mustBeDirectory {
          throw .notDirectory
        }
        return Resolved(parent: chain.last!, name: name, inode: child)
      }
      chain.append(child)
    }
    let current = chain.last!
    let parent = chain.count > 1 ? chain[chain.count - 2] : Self.rootInode
    return Resolved(parent: parent, name: ".", inode: current)
  }

  private func existing(_ path: String, followingFinal: Bool) throws(Errno) -> (Resolved, UInt64) {
    let resolved = try resolve(path, followingFinal: followingFinal)
    guard let inode = resolved.inode else { throw .noEntry }
    return (resolved, inode)
  }

  // MARK: Reading

  public func info(_ path: String, followingLinks: Bool) throws(Errno) -> FileInfo {
    let (_, number) = try existing(path, followingFinal: followingLinks)
    let inode = inodes[number]!
    var info = FileInfo(
      kind: .regular, permissions: inode.permissions, size: 0, links: inode.links, uid: inode.uid, gid: inode.gid,
      modified: inode.modified, changed: inode.changed, accessed: inode.modified, inode: number)
    switch inode.node {
    case .file(let content):
      info.size = content.count
    case .directory:
      info.kind = .directory
      info.size = 4096
    case .symlink(let target):
      info.kind = .symlink
      info.size = target.utf8.count
      info.linkTarget = target
    }
    return info
  }

  public func names(inDirectory path: String) throws(Errno) -> [String] {
    let (_, number) = try existing(path, followingFinal: true)
    guard case .directory(let entries) = inodes[number]!.node else { throw .notDirectory }
    return entries.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  public func read(_ path: String) throws(Errno) -> FileContent {
    let (_, number) = try existing(path, followingFinal: true)
    switch inodes[number]!.node {
    case .file(let content): return content
    case .directory: throw .isDirectory
    case .symlink: throw .loop
    }
  }

  public func readLink(_ path: String) throws(Errno) -> String {
    let (_, number) = try existing(path, followingFinal: false)
    guard case .symlink(let target) = inodes[number]!.node else { throw .invalid }
    return target
  }

  // MARK: Writing

  public mutating func write(_ path: String, _ content: FileContent, appending: Bool, at now: Timestamp) throws(Errno) {
    let resolved = try resolve(path, followingFinal: true)
    if let number = resolved.inode {
      guard case .file(let old) = inodes[number]!.node else { throw .isDirectory }
      inodes[number]!.node = .file(appending ? old.appending(content) : content)
      inodes[number]!.modified = now
      inodes[number]!.changed = now
      return
    }
    try create(.file(content), permissions: 0o644, in: resolved, at: now)
  }

  public mutating func makeDirectory(_ path: String, permissions: UInt32, at now: Timestamp) throws(Errno) {
    let resolved = try resolve(path, followingFinal: false)
    guard resolved.inode == nil else { throw .exists }
    try create(.directory([:]), permissions: permissions, in: resolved, at: now)
    inodes[resolved.parent]!.links += 1
  }

  public mutating func makeSymbolicLink(_ path: String, target: String, at now: Timestamp) throws(Errno) {
    let resolved = try resolve(path, followingFinal: false)
    guard resolved.inode == nil else { throw .exists }
    try create(.symlink(target), permissions: 0o777, in: resolved, at: now)
  }

  public mutating func makeHardLink(_ path: String, to existingPath: String, at now: Timestamp) throws(Errno) {
    let (_, number) = try existing(existingPath, followingFinal: false)
    if case .directory = inodes[number]!.node { throw .notPermitted }
    let resolved = try resolve(path, followingFinal: false)
    guard resolved.inode == nil else { throw .exists }
    try insert(number, named: resolved.name, into: resolved.parent, at: now)
    inodes[number]!.links += 1
    inodes[number]!.changed = now
  }

  private mutating func create(_ node: Node, permissions: UInt32, in place: Resolved, at now: Timestamp) throws(Errno) {
    guard place.name != "." else { throw .exists }
    let number = nextInode
    nextInode += 1
    let links = { if case .directory = node { return 2 } else { return 1 } }()
    inodes[number] = Inode(
      node: node, permissions: permissions, uid: ownerUID, gid: ownerGID, modified: now, changed: now, links: links)
    try insert(number, named: place.name, into: place.parent, at: now)
  }

  private mutating func insert(_ number: UInt64, named name: String, into parent: UInt64, at now: Timestamp) throws(Errno) {
    guard case .directory(var entries) = inodes[parent]!.node else { throw .notDirectory }
    entries[name] = number
    inodes[parent]!.node = .directory(entries)
    inodes[parent]!.modified = now
    inodes[parent]!.changed = now
  }

  private mutating func detach(_ name: String, from parent: UInt64, at now: Timestamp) {
    guard case .directory(var entries) = inodes[parent]!.node else { return }
    entries[name] = nil
    inodes[parent]!.node = .directory(entries)
    inodes[parent]!.modified = now
    inodes[parent]!.changed = now
  }

  // MARK: Removing and renaming

  public mutating func removeDirectory(_ path: String, at now: Timestamp) throws(Errno) {
    let (resolved, number) = try existing(path, followingFinal: false)
    guard case .directory(let entries) = inodes[number]!.node else { throw .notDirectory }
    if number == Self.rootInode { throw .busy }
    if resolved.name == "." { throw .invalid }
    guard entries.isEmpty else { throw .notEmpty }
    detach(resolved.name, from: resolved.parent, at: now)
    inodes[resolved.parent]!.links -= 1
    inodes[number] = nil
  }

  public mutating func unlink(_ path: String, at now: Timestamp) throws(Errno) {
    let (resolved, number) = try existing(path, followingFinal: false)
    if case .directory = inodes[number]!.node { throw .isDirectory }
    detach(resolved.name, from: resolved.parent, at: now)
    inodes[number]!.links -= 1
    inodes[number]!.changed = now
    if inodes[number]!.links <= 0 { inodes[number] = nil }
  }

  public mutating func rename(_ source: String, to destination: String, at now: Timestamp) throws(Errno) {
    let (from, number) = try existing(source, followingFinal: false)
    if from.name == "." || number == Self.rootInode { throw .busy }
    let to = try resolve(destination, followingFinal: false)
    if to.name == "." { throw .busy }
    let movingDirectory = { if case .directory = inodes[number]!.node { return true } else { return false } }()
    if movingDirectory, try isInside(to.parent, number) { throw .invalid }
    if let target = to.inode {
      if target == number { return }
      switch (movingDirectory, inodes[target]!.node) {
      case (true, .directory(let entries)):
        guard entries.isEmpty else { throw .notEmpty }
        inodes[target] = nil
        inodes[to.parent]!.links -= 1
      case (true, _): throw .notDirectory
      case (false, .directory): throw .isDirectory
      case (false, _):
        inodes[target]!.links -= 1
        if inodes[target]!.links <= 0 { inodes[target] = nil }
      }
    }
    detach(from.name, from: from.parent, at: now)
    try insert(number, named: to.name, into: to.parent, at: now)
    if movingDirectory, from.parent != to.parent {
      inodes[from.parent]!.links -= 1
      inodes[to.parent]!.links += 1
    }
    inodes[number]!.changed = now
  }

  /// Whether directory `candidate` is `ancestor` or below it (renaming a directory into itself).
  private func isInside(_ candidate: UInt64, _ ancestor: UInt64) throws(Errno) -> Bool {
    if candidate == ancestor { return true }
    var stack = [ancestor]
    while let next = stack.popLast() {
      guard case .directory(let entries) = inodes[next]!.node else { continue }
      for child in entries.values {
        if child == candidate { return true }
        if case .directory = inodes[child]!.node { stack.append(child) }
      }
    }
    return false
  }

  // MARK: Metadata

  public mutating func setPermissions(_ path: String, _ permissions: UInt32, at now: Timestamp) throws(Errno) {
    let (_, number) = try existing(path, followingFinal: true)
    inodes[number]!.permissions = permissions & 0o7777
    inodes[number]!.changed = now
  }

  public mutating func setOwner(
    _ path: String, uid: Int?, gid: Int?, followingLinks: Bool, at now: Timestamp
  ) throws(Errno) {
    let (_, number) = try existing(path, followingFinal: followingLinks)
    if let uid { inodes[number]!.uid = uid }
    if let gid { inodes[number]!.gid = gid }
    inodes[number]!.changed = now
  }

  public mutating func setModified(_ path: String, _ time: Timestamp, at now: Timestamp) throws(Errno) {
    let (_, number) = try existing(path, followingFinal: true)
    inodes[number]!.modified = time
    inodes[number]!.changed = now
  }

  public static func == (a: MemoryFilesystem, b: MemoryFilesystem) -> Bool {
    a.inodes == b.inodes && a.nextInode == b.nextInode && a.ownerUID == b.ownerUID && a.ownerGID == b.ownerGID
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(nextInode)
    hasher.combine(inodes.count)
  }
}

extension MemoryFilesystem {
  /// Builds a tree from (path, content or nil for a directory) pairs; parents first.
  mutating func populate(directories: [String], files: [(String, String)], at now: Timestamp) {
    for directory in directories { try? makeDirectory(directory, permissions: 0o755, at: now) }
    for (path, text) in files { try? write(path, .bytes(Array(text.utf8)), appending: false, at: now) }
  }
}
