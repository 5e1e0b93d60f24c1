/// Builds a `Layer` deterministically, like containerd's `fstest.Apply` or crane's filemap.
///
/// Missing parent directories are added (0755, root, the builder's mtime), as image
/// build tools write them into layer tars. The diffID depends only on the resulting
/// tree, never on the order of the calls.
///
/// ```swift
/// var b = LayerBuilder(mtime: t)
/// b.file("/etc/os-release", "NAME=\"Ubuntu\"\n")
/// b.file("/bin/bash", size: 1_183_448, seed: 7, mode: 0o755)
/// b.symlink("/bin/sh", to: "bash")
/// b.whiteout("/var/cache/old")
/// let layer = b.build()
/// ```
public struct LayerBuilder: Sendable {
  public var mtime: Timestamp
  public var uid: UInt32
  public var gid: UInt32
  public private(set) var contents = Changeset()

  public init(mtime: Timestamp, uid: UInt32 = 0, gid: UInt32 = 0) {
    self.mtime = mtime
    self.uid = uid
    self.gid = gid
  }

  /// Starts from an existing changeset (to derive a layer from another one).
  public init(contents: Changeset, mtime: Timestamp) {
    self.init(mtime: mtime)
    self.contents = contents
  }

  public mutating func directory(
    _ path: String, mode: UInt32 = 0o755, opaque: Bool = false, uid: UInt32? = nil, gid: UInt32? = nil,
    mtime: Timestamp? = nil
  ) {
    let p = LayerBuilder.normalize(path)
    if p != "/" { ensureParents(of: p) }
    contents.set(p, .directory(metadata(mode, uid, gid, mtime), opaque: opaque))
  }

  public mutating func file(
    _ path: String, data: FileData, mode: UInt32 = 0o644, uid: UInt32? = nil, gid: UInt32? = nil,
    mtime: Timestamp? = nil
  ) {
    let p = prepareLeaf(path)
    contents.addFile(p, RegularFile(data: data, metadata: metadata(mode, uid, gid, mtime)))
  }

  /// A text file.
  public mutating func file(_ path: String, _ text: String, mode: UInt32 = 0o644, mtime: Timestamp? = nil) {
    file(path, data: FileData(text), mode: mode, mtime: mtime)
  }

  /// A file of `size` bytes of deterministic generated content (a binary, a library).
  public mutating func file(_ path: String, size: Int, seed: UInt64, mode: UInt32 = 0o755, mtime: Timestamp? = nil) {
    file(path, data: .generated(size: size, seed: seed), mode: mode, mtime: mtime)
  }

  public mutating func symlink(_ path: String, to target: String, mtime: Timestamp? = nil) {
    let p = prepareLeaf(path)
    contents.set(p, .symlink(target: target, metadata(0o777, nil, nil, mtime)))
  }

  /// A second name for the regular file already at `existing` in this layer.
  /// Does nothing when `existing` is not a regular file of this layer.
  public mutating func hardlink(_ path: String, to existing: String) {
    guard case .file(let inode)? = contents.entries[LayerBuilder.normalize(existing)] else { return }
    let p = prepareLeaf(path)
    contents.set(p, .file(inode: inode))
  }

  /// Deletes `path` from the layers below.
  public mutating func whiteout(_ path: String) {
    let p = prepareLeaf(path)
    contents.set(p, .whiteout)
  }

  /// An opaque directory: hides everything the layers below have under `path`.
  public mutating func opaqueDirectory(_ path: String, mode: UInt32 = 0o755) {
    directory(path, mode: mode, opaque: true)
  }

  public func build() -> Layer { Layer(contents) }

  /// An absolute path without `.`, `..` or repeated slashes; `..` never climbs above
  /// the root (a layer cannot write outside its tree).
  public static func normalize(_ path: String) -> String {
    var parts: [String] = []
    for part in FSPath.components(path) {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  private mutating func prepareLeaf(_ path: String) -> String {
    let p = LayerBuilder.normalize(path)
    ensureParents(of: p)
    contents.removeTree(p)
    return p
  }

  private mutating func ensureParents(of path: String) {
    for ancestor in FSPath.ancestors(path).reversed() where contents.entries[ancestor]?.isDirectory != true {
      contents.removeTree(ancestor)
      contents.set(ancestor, .directory(metadata(0o755, nil, nil, nil), opaque: false))
    }
  }

  private func metadata(_ mode: UInt32, _ uid: UInt32?, _ gid: UInt32?, _ mtime: Timestamp?) -> FileMetadata {
    FileMetadata(mode: mode, uid: uid ?? self.uid, gid: gid ?? self.gid, mtime: mtime ?? self.mtime)
  }
}
