import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimPrograms
@testable import DockSimShell

/// Runs a scenario on docksim and reads back the merged view, the writable layer and
/// docker diff in the same form as KernelRunner. The layers go through `LayerBuilder`,
/// the container's filesystem is a `ContainerFS`; the operations run one of two ways.
enum DocksimRunner {
  enum Route: String, Sendable, CaseIterable, CustomTestStringConvertible {
    /// Straight on ContainerFS (DirectShell): a mismatch is the union filesystem's.
    case containerFS
    /// Through `sh -c` in a container shell and the shell's utilities.
    case shell
    /// The student's whole path: the image in the image store, `docker run -it`, each
    /// operation typed at the container's prompt, `exit`, then `docker diff` and
    /// `docker commit` at the host prompt (their output and layer are what is compared).
    case docker

    var testDescription: String { rawValue }
  }

  /// What one route leaves behind.
  private struct Run {
    var outcomes: [ScenarioResult.Outcome]
    var fs: ContainerFS
    var diff: [String]
    var writableLayer: Changeset
  }

  /// The simulated clock during the operations: after `nowThreshold`, so what an
  /// operation stamps reads as "now", as the kernel's real clock does.
  static let operationsStart = Timestamp(seconds: 1_700_000_000)

  static func run(_ scenario: Scenario, via route: Route) -> ScenarioResult {
    let layers = scenario.layers.map(layer)
    var run: Run
    switch route {
    case .containerFS: run = runDirectly(scenario.operations, on: ContainerFS(image: MergedView(layers: layers)))
    case .shell: run = runInShell(scenario.operations, on: ContainerFS(image: MergedView(layers: layers)))
    case .docker: run = runWithDocker(scenario.operations, layers: layers)
    }
    return ScenarioResult(
      outcomes: run.outcomes, merged: mergedTree(&run.fs), upper: upperTree(run.writableLayer), diff: run.diff)
  }

  /// The writable layer as `docker commit` takes it (overlay2's native diff: the upper
  /// dir as is), and docker diff as ContainerFS computes it.
  private static func finished(_ outcomes: [ScenarioResult.Outcome], _ fs: ContainerFS) -> Run {
    Run(outcomes: outcomes, fs: fs, diff: fs.changes().map(\.description), writableLayer: fs.commit().contents)
  }

  private static func runDirectly(_ operations: [String], on fs: ContainerFS) -> Run {
    var shell = DirectShell(fs: fs, now: operationsStart)
    let outcomes = operations.map { operation in
      let (status, stdout) = shell.run(operation)
      return ScenarioResult.Outcome(command: operation, status: status, stdout: stdout)
    }
    return finished(outcomes, shell.fs)
  }

  /// A running container over `fs` is put in the engine's store (no image, no docker
  /// CLI), then each operation runs in it as `sh -c`.
  private static func runInShell(_ operations: [String], on fs: ContainerFS) -> Run {
    let id = String(repeating: "d", count: 64)
    var session = Session(settings: Settings(clockStart: operationsStart))
    session.engine.containers.add(ContainerFixtures.running(id: id, filesystem: fs, at: operationsStart))
    let outcomes = operations.map { operation in
      var console = Console()
      let status = session.runInContainer(id, command: operation, console: &console)
      // stderr is not compared here: `sh -c` words its own errors as dash does
      // (`sh: 1: ...`), the kernel side's bash as at a prompt (the docker route's).
      return ScenarioResult.Outcome(command: operation, status: status, stdout: console.stdoutText)
    }
    return finished(outcomes, session.engine.containers[id: id]?.filesystem ?? fs)
  }


  private static func runWithDocker(_ operations: [String], layers: [Layer]) -> Run {
    var session = Session(settings: Settings(clockStart: operationsStart))
    let image = Image(
      layers: layers, config: ImageConfig(cmd: ["bash"]),
      history: layers.map { _ in HistoryEntry(created: operationsStart, createdBy: "scenario layer", emptyLayer: false) },
      created: operationsStart)
    session.engine.images.add(image)
    if let tag = try? Reference.parse("scenario:latest", version: session.engine.version) {
      session.engine.images.setTag(tag, to: image.id)
    }
    func type(_ line: String) -> (Int32, String, String) {
      var console = Console()
      let status = session.execute(line, console: &console)
      return (status, console.stdoutText, console.stderrText)
    }
    // The kernel runs mount the image's layers alone: no Docker init layer.
    session.engine.containers.initLayerEnabled = false
    _ = type("docker run -it --name scenario scenario sh")
    let entered = session.shells.count == 2
    let outcomes = operations.map { operation in
      let (status, stdout, stderr) = entered ? type(operation) : (-1, "", "docker run -it did not enter the container")
      return ScenarioResult.Outcome(command: operation, status: status, stdout: stdout, stderr: stderr)
    }
    if entered { _ = type("exit") }
    let diff = type("docker diff scenario").1.split(separator: "\n").map(String.init)
    let committed = Digest(parsing: String(type("docker commit scenario").1.filter { $0 != "\n" }))
      .flatMap { session.engine.images.image($0) }
    let writable = committed.flatMap { $0.layers.count == layers.count + 1 ? $0.layers.last?.contents : nil }
    let fs = session.engine.containers.named("scenario")?.filesystem ?? ContainerFS(image: MergedView(layers: layers))
    return Run(outcomes: outcomes, fs: fs, diff: diff, writableLayer: writable ?? Changeset())
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
