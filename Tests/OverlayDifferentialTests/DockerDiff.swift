import DockSimCore

/// `docker diff` as moby computes it for overlay2 and the containerd store:
/// `archive.ChangesDirs(containerRoot, imageRoot)` — a comparison of two merged trees,
/// never a reading of the upper dir (overlay-semantics.md §10). Ported from moby/go-archive
/// `changes.go` (`addChanges`) and `changes_unix.go` (`statDifferent`), with siblings
/// visited in name order instead of Go's random map order.
enum DockerDiff {
  /// Lines like `C /etc`, in moby's depth-first order.
  static func changes(container: Tree, image: Tree) -> [String] {
    var walk = Walk(container: container, image: image)
    walk.addChanges(path: "/", existedBefore: true, added: false)
    return walk.changes
  }

  private struct Walk {
    let container: Tree
    let image: Tree
    var changes: [String] = []

    mutating func addChanges(path: String, existedBefore: Bool, added alreadyAdded: Bool) {
      let sizeAtEntry = changes.count
      var added = alreadyAdded
      if !existedBefore {
        changes.append("A \(path)")
        added = true
      }
      let isDirectory = path == "/" || container.entries[path]?.kind == .directory
      // moby looks at the old children only when the new entry is a directory: a
      // directory replaced by a file reports no deletions below it.
      var oldChildren: Set<String> = []
      if existedBefore && isDirectory { oldChildren = Set(image.children(of: path)) }

      for child in container.children(of: path) {
        var childAdded = false
        let existed = oldChildren.contains(child)
        if existed {
          if let old = image.entries[child], let new = container.entries[child], statDifferent(old, new) {
            changes.append("C \(child)")
            childAdded = true
          }
          oldChildren.remove(child)
        }
        addChanges(path: child, existedBefore: existed, added: childAdded)
      }
      for deleted in oldChildren.sorted() { changes.append("D \(deleted)") }

      // Something changed below a directory that is not itself reported: report it,
      // before its children ("needed to properly save and restore filesystem permissions").
      if changes.count > sizeAtEntry && isDirectory && !added && path != "/" {
        changes.insert("C \(path)", at: sizeAtEntry)
      }
    }
  }

  /// moby's `statDifferent`: mode (type and permissions), owner, rdev; for non-directories
  /// also size and mtime. Directory size and mtime never count.
  static func statDifferent(_ old: TreeEntry, _ new: TreeEntry) -> Bool {
    if old.kind != new.kind || old.permissions != new.permissions || old.uid != new.uid || old.gid != new.gid
      || old.rdev != new.rdev
    {
      return true
    }
    guard old.kind != .directory else { return false }
    return !sameFsTime(old.mtime, new.mtime) || old.size != new.size
  }

  /// Equal, or equal to the second with one side having no fraction (tar drops it).
  static func sameFsTime(_ a: Timestamp, _ b: Timestamp) -> Bool {
    a == b || (a.seconds == b.seconds && (a.nanosecondOfSecond == 0 || b.nanosecondOfSecond == 0))
  }
}
