import HashTreeCollections

/// The contents of one layer: paths to entries, a child index per directory, and
/// the inode table of its regular files. Persistent maps make copies O(1) and let
/// a container's writable layer grow only with its own changes.
///
/// Paths are absolute and normalized (`/etc/hosts`); the root `/` is only present
/// when the layer changes the root directory's own metadata.
public struct Changeset: Hashable, Sendable {
  public private(set) var entries: TreeDictionary<String, LayerEntry> = [:]
  /// Names (not paths) present in each directory of this layer, whiteouts included.
  public private(set) var children: TreeDictionary<String, TreeSet<String>> = [:]
  public private(set) var files: TreeDictionary<Int, RegularFile> = [:]
  /// How many names refer to each inode (hard links).
  public private(set) var linkCounts: TreeDictionary<Int, Int> = [:]
  private var nextInode = 1
  /// The sum of the sizes of the layer's regular files, each inode once (the disk
  /// space a writable layer uses, for its budget).
  public private(set) var fileBytes = 0

  public init() {}

  public var isEmpty: Bool { entries.isEmpty }

  public func entry(at path: String) -> LayerEntry? { entries[path] }

  /// The inode behind a regular-file entry.
  public func file(at path: String) -> RegularFile? {
    guard case .file(let inode)? = entries[path] else { return nil }
    return files[inode]
  }

  /// The names in directory `path`, sorted bytewise.
  public func names(in path: String) -> [String] {
    (children[path].map(Array.init) ?? []).sorted(by: FSPath.byteOrder)
  }

  /// Every path of the layer in the order a tar writer walks a directory tree:
  /// depth-first, names sorted within each directory, parents before children.
  public var walkOrder: [String] {
    var out: [String] = []
    out.reserveCapacity(entries.count)
    if entries["/"] != nil { out.append("/") }
    appendWalk(of: "/", to: &out)
    return out
  }

  /// Iterative (an explicit stack), so a deep tree costs heap, not native stack.
  private func appendWalk(of directory: String, to out: inout [String]) {
    var stack = names(in: directory).reversed().map { FSPath.child(directory, $0) }
    while let path = stack.popLast() {
      out.append(path)
      if children[path] != nil { stack += names(in: path).reversed().map { FSPath.child(path, $0) } }
    }
  }

  // MARK: - Building (module-internal: layers are immutable once built)

  /// Puts `entry` at `path`, replacing what was there (but not its children).
  mutating func set(_ path: String, _ entry: LayerEntry) {
    if let old = entries[path], case .file(let inode) = old { release(inode) }
    entries[path] = entry
    if case .file(let inode) = entry { linkCounts[inode, default: 0] += 1 }
    if path != "/" { children[FSPath.parent(path), default: []].insert(FSPath.name(path)) }
  }

  /// Adds a new inode and names it `path`; returns the inode number.
  @discardableResult
  mutating func addFile(_ path: String, _ file: RegularFile) -> Int {
    let inode = nextInode
    nextInode += 1
    files[inode] = file
    fileBytes += file.data.size
    set(path, .file(inode: inode))
    return inode
  }

  mutating func updateFile(inode: Int, _ change: (inout RegularFile) -> Void) {
    guard var file = files[inode] else { return }
    let before = file.data.size
    change(&file)
    fileBytes += file.data.size - before
    files[inode] = file
  }

  /// Removes the entry at `path` (not its children).
  mutating func remove(_ path: String) {
    guard let old = entries.removeValue(forKey: path) else { return }
    if case .file(let inode) = old { release(inode) }
    if path != "/" {
      let parent = FSPath.parent(path)
      children[parent]?.remove(FSPath.name(path))
      if children[parent]?.isEmpty == true { children[parent] = nil }
    }
  }

  /// Removes `path` and everything below it (children first, without recursion).
  mutating func removeTree(_ path: String) {
    var order: [String] = []
    var stack = [path]
    while let current = stack.popLast() {
      order.append(current)
      for name in children[current] ?? [] { stack.append(FSPath.child(current, name)) }
    }
    for current in order.reversed() {
      children[current] = nil
      remove(current)
    }
  }

  /// Every path at or below `path`, parents first (names sorted; no recursion).
  func subtree(_ path: String) -> [String] {
    var out: [String] = entries[path] == nil ? [] : [path]
    appendWalk(of: path, to: &out)
    return out
  }

  private mutating func release(_ inode: Int) {
    let remaining = (linkCounts[inode] ?? 1) - 1
    if remaining <= 0 {
      linkCounts[inode] = nil
      fileBytes -= files[inode]?.data.size ?? 0
      files[inode] = nil
    } else {
      linkCounts[inode] = remaining
    }
  }
}

/// Helpers for normalized absolute paths (`/`, `/etc`, `/etc/hosts`).
public enum FSPath {
  /// `/a/b` → `/a`; `/a` → `/`; `/` → `/`.
  public static func parent(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return "/" }
    return String(path[..<slash])
  }

  /// The last component (`hosts` of `/etc/hosts`; empty for `/`).
  public static func name(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return String(path[path.utf8.index(after: slash)...])
  }

  public static func child(_ directory: String, _ name: String) -> String {
    directory == "/" ? "/" + name : directory + "/" + name
  }

  /// Every ancestor of `path`, nearest first, `/` excluded.
  public static func ancestors(_ path: String) -> [String] {
    var out: [String] = []
    var current = parent(path)
    while current != "/" {
      out.append(current)
      current = parent(current)
    }
    return out
  }

  /// `cwd` joined with `path` (unchanged when `path` is absolute), not yet resolved:
  /// `..` and symlinks are resolved by the filesystem itself.
  public static func joined(_ cwd: String, _ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
  }

  /// Sorts as `ls` in the C locale and tar writers do: by UTF-8 bytes.
  public static func byteOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// Splits into components, dropping empty ones (`//a/` → `a`).
  static func components(_ path: String) -> [String] {
    path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
  }
}
