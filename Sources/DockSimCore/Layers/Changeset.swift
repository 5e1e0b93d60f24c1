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

  private func appendWalk(of directory: String, to out: inout [String]) {
    for name in names(in: directory) {
      let path = FSPath.child(directory, name)
      out.append(path)
      if children[path] != nil { appendWalk(of: path, to: &out) }
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
    set(path, .file(inode: inode))
    return inode
  }

  mutating func updateFile(inode: Int, _ change: (inout RegularFile) -> Void) {
    guard var file = files[inode] else { return }
    change(&file)
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

  /// Removes `path` and everything below it.
  mutating func removeTree(_ path: String) {
    for name in children[path].map(Array.init) ?? [] { removeTree(FSPath.child(path, name)) }
    children[path] = nil
    remove(path)
  }

  /// Every path at or below `path`, parents first.
  func subtree(_ path: String) -> [String] {
    var out: [String] = entries[path] == nil ? [] : [path]
    for name in names(in: path) { out += subtree(FSPath.child(path, name)) }
    return out
  }

  private mutating func release(_ inode: Int) {
    let remaining = (linkCounts[inode] ?? 1) - 1
    if remaining <= 0 {
      linkCounts[inode] = nil
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
