/// One line of `docker diff`: `A /path`, `C /path` or `D /path`.
public struct Change: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: String, Hashable, Sendable {
    case added = "A"
    case changed = "C"
    case deleted = "D"
  }

  public var kind: Kind
  public var path: String

  public init(_ kind: Kind, _ path: String) {
    self.kind = kind
    self.path = path
  }

  public var description: String { "\(kind.rawValue) \(path)" }
}

/// The attributes moby's `statDifferent` compares.
struct DiffStat: Equatable {
  var kind: FileKind
  var mode: UInt32
  var uid: UInt32
  var gid: UInt32
  var size: Int
  var mtime: Timestamp

  /// moby `statDifferent`: type, mode, owner always; size and mtime only when the old
  /// object is not a directory; times equal when they agree to the second and one of
  /// them has no nanoseconds (some file systems and tar keep only seconds).
  func differs(from old: DiffStat) -> Bool {
    if kind != old.kind || mode != old.mode || uid != old.uid || gid != old.gid { return true }
    if old.kind == .directory { return false }
    return size != old.size || !DiffStat.sameTime(mtime, old.mtime)
  }

  static func sameTime(_ a: Timestamp, _ b: Timestamp) -> Bool {
    a == b || (a.seconds == b.seconds && (a.nanosecondOfSecond == 0 || b.nanosecondOfSecond == 0))
  }
}

extension ContainerFS {
  /// `docker diff`: the container's merged view against the image's, by moby's rules
  /// (`archive.ChangesDirs`). A change drags `C` onto every ancestor directory; only the
  /// topmost deleted path is listed; a directory replaced by a file is just `C`; a
  /// copy-up that changed nothing is invisible. Depth-first, siblings sorted by name,
  /// added/changed before deleted within a directory.
  ///
  /// Only directories the writable layer touches are visited (everything else is the
  /// image's own view), so the cost grows with the changes, not with the image.
  public func changes() -> [Change] {
    var out: [Change] = []
    guard upper.entries["/"] != nil || upper.children["/"] != nil else { return out }
    addChildChanges(of: "/", container: rootNode, imageIsDirectory: true, to: &out)
    return out
  }

  /// Changes below a directory that exists in the container (and, when `imageIsDirectory`,
  /// as a directory in the image too).
  private func addChildChanges(of path: String, container: Node, imageIsDirectory: Bool, to out: inout [Change]) {
    var deleted: [String] = []
    for name in candidateNames(path, container, imageIsDirectory) {
      let child = FSPath.child(path, name)
      let new = lookupChild(child, parentLowerVisible: container.lowerVisible)
      let old = imageIsDirectory ? image.node(child) : nil
      switch (new, old) {
      case (let new?, nil):
        addAdded(child, new, to: &out)
      case (nil, _?):
        deleted.append(child)
      case (let new?, let old?):
        addModified(child, new, old, to: &out)
      case (nil, nil):
        break
      }
    }
    out += deleted.map { Change(.deleted, $0) }
  }

  /// Names that can differ: those the writable layer holds (whiteouts included), plus
  /// every image name when the container's directory no longer shows the image's.
  private func candidateNames(_ path: String, _ container: Node, _ imageIsDirectory: Bool) -> [String] {
    // The root always has an upper directory (overlay's upperdir itself).
    guard container.place == .upper || path == "/" else { return [] }
    var names = Set(upper.children[path].map(Array.init) ?? [])
    if imageIsDirectory && !container.lowerVisible { names.formUnion(image.names(in: path)) }
    return names.sorted(by: FSPath.byteOrder)
  }

  private func addAdded(_ path: String, _ node: Node, to out: inout [Change]) {
    out.append(Change(.added, path))
    guard node.isDirectory else { return }
    addChildChanges(of: path, container: node, imageIsDirectory: false, to: &out)
  }

  private func addModified(_ path: String, _ new: Node, _ old: MergedView.Node, to out: inout [Change]) {
    let start = out.count
    let reported = diffStat(new).differs(from: diffStat(old))
    if reported { out.append(Change(.changed, path)) }
    // Below a container directory that still comes from the image nothing can differ.
    guard new.isDirectory, new.place == .upper else { return }
    addChildChanges(of: path, container: new, imageIsDirectory: old.entry.isDirectory, to: &out)
    if !reported && out.count > start { out.insert(Change(.changed, path), at: start) }
  }

  private func diffStat(_ node: Node) -> DiffStat {
    diffStat(node.entry, file: regularFile(node))
  }

  private func diffStat(_ node: MergedView.Node) -> DiffStat {
    var file: RegularFile?
    if case .file(let inode) = node.entry { file = image.layers[node.layer].contents.files[inode] }
    return diffStat(node.entry, file: file)
  }

  private func diffStat(_ entry: LayerEntry, file: RegularFile?) -> DiffStat {
    switch entry {
    case .directory(let m, _):
      DiffStat(kind: .directory, mode: m.mode, uid: m.uid, gid: m.gid, size: 4096, mtime: m.mtime)
    case .symlink(let target, let m):
      DiffStat(kind: .symlink, mode: m.mode, uid: m.uid, gid: m.gid, size: target.utf8.count, mtime: m.mtime)
    case .file, .whiteout:
      DiffStat(
        kind: .regular, mode: file?.metadata.mode ?? 0, uid: file?.metadata.uid ?? 0, gid: file?.metadata.gid ?? 0,
        size: file?.data.size ?? 0, mtime: file?.metadata.mtime ?? .goZero)
    }
  }

  // MARK: - Commit

  /// `docker commit`'s new layer: the writable layer as overlay2's native diff tars it.
  /// Whiteouts and opaque directories are kept, and so are files copied up without a
  /// visible change (unlike `docker diff`). The root directory itself is not part of it.
  public func commit() -> Layer {
    var contents = upper
    contents.remove("/")
    return Layer(contents)
  }
}
