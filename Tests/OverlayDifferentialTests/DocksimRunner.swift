import DockSimCore

/// Runs a scenario on docksim: the layers through `LayerBuilder`, the container through
/// `ContainerFS`, and the operations through `DirectShell`, which calls ContainerFS the
/// way coreutils call the kernel. Reads back the merged view, the writable layer and
/// docker diff in the same form as KernelRunner.
enum DocksimRunner {
  /// The simulated clock during the operations: after `nowThreshold`, so what an
  /// operation stamps reads as "now", as the kernel's real clock does.
  static let operationsStart = Timestamp(seconds: 1_700_000_000)

  static func run(_ scenario: Scenario) -> ScenarioResult {
    let image = MergedView(layers: scenario.layers.map(layer))
    var shell = DirectShell(fs: ContainerFS(image: image), now: operationsStart)
    let outcomes = scenario.operations.map { operation in
      let (status, stdout) = shell.run(operation)
      return ScenarioResult.Outcome(command: operation, status: status, stdout: stdout)
    }
    var fs = shell.fs
    let merged = mergedTree(&fs)
    let diff = DockerDiff.changes(container: merged, image: imageTree(image))
    return ScenarioResult(outcomes: outcomes, merged: merged, upper: upperTree(fs.upper), diff: diff)
  }

  static func layer(_ items: [LayerItem]) -> Layer {
    var builder = LayerBuilder(mtime: Timestamp(seconds: defaultLayerMTime))
    for item in items {
      switch item {
      case .directory(let path, let mode, let opaque): builder.directory(path, mode: mode, opaque: opaque)
      case .file(let path, let content, let mode, let mtime):
        builder.file(path, content, mode: mode, mtime: Timestamp(seconds: mtime))
      case .symlink(let path, let target): builder.symlink(path, to: target)
      case .hardLink(let path, let existing): builder.hardlink(path, to: existing)
      case .whiteout(let path): builder.whiteout(path)
      }
    }
    return builder.build()
  }

  // MARK: - Reading back

  /// The container's merged view, read through the calls `ls -lR` would make.
  static func mergedTree(_ fs: inout ContainerFS) -> Tree {
    var tree = Tree()
    var pending = ["/"]
    while let directory = pending.popLast() {
      for child in (try? fs.readdir(directory)) ?? [] {
        let path = FSPath.child(directory, child.name)
        guard let info = try? fs.lstat(path) else { continue }
        var entry = TreeEntry(kind: kind(info.kind), permissions: info.mode)
        entry.size = info.size
        entry.linkCount = info.linkCount
        entry.mtime = info.mtime
        entry.inode = info.inode
        entry.uid = info.metadata.uid
        entry.gid = info.metadata.gid
        switch info.kind {
        case .regular: entry.content = (try? fs.readFile(path))?.bytes ?? []
        case .symlink: entry.linkTarget = (try? fs.readlink(path)) ?? ""
        case .directory: pending.append(path)
        }
        tree.entries[path] = entry
      }
    }
    return tree
  }

  /// The writable layer as overlay's upper dir would hold it.
  static func upperTree(_ upper: Changeset) -> Tree {
    var tree = Tree()
    for path in upper.walkOrder where path != "/" {
      guard let entry = upper.entry(at: path) else { continue }
      tree.entries[path] = treeEntry(entry, files: upper)
    }
    return tree
  }

  /// The image's merged view alone (the other side of docker diff).
  static func imageTree(_ image: MergedView) -> Tree {
    var tree = Tree()
    var pending = ["/"]
    while let directory = pending.popLast() {
      for name in image.names(in: directory) {
        let path = FSPath.child(directory, name)
        guard let (entry, layer) = image.entry(at: path) else { continue }
        var converted = treeEntry(entry, files: image.layers[layer].contents)
        converted.inode = UInt64(layer) << 32 | converted.inode
        tree.entries[path] = converted
        if entry.isDirectory { pending.append(path) }
      }
    }
    return tree
  }

  private static func treeEntry(_ entry: LayerEntry, files: Changeset) -> TreeEntry {
    switch entry {
    case .directory(let metadata, let opaque):
      var converted = TreeEntry(kind: .directory, permissions: metadata.mode, metadata: metadata)
      converted.opaque = opaque
      return converted
    case .file(let inode):
      let file = files.files[inode]
      var converted = TreeEntry(kind: .file, permissions: file?.metadata.mode ?? 0, metadata: file?.metadata)
      converted.content = file?.data.bytes ?? []
      converted.size = converted.content.count
      converted.inode = UInt64(inode)
      converted.linkCount = files.linkCounts[inode] ?? 1
      return converted
    case .symlink(let target, let metadata):
      var converted = TreeEntry(kind: .symlink, permissions: 0o777, metadata: metadata)
      converted.linkTarget = target
      converted.size = target.utf8.count
      return converted
    case .whiteout:
      return TreeEntry(kind: .whiteout, permissions: 0)
    }
  }

  private static func kind(_ kind: DockSimCore.FileKind) -> TreeEntry.Kind {
    switch kind {
    case .regular: .file
    case .directory: .directory
    case .symlink: .symlink
    }
  }
}

extension TreeEntry {
  init(kind: Kind, permissions: UInt32, metadata: FileMetadata?) {
    self.init(kind: kind, permissions: permissions)
    if let metadata {
      mtime = metadata.mtime
      uid = metadata.uid
      gid = metadata.gid
    }
  }
}
