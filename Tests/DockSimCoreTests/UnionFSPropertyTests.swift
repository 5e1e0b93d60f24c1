import Testing
@testable import DockSimCore

/// Seeded random operation sequences on the fixture image, checked against rules that
/// must hold whatever happened: commit + apply reproduces the container's view, the
/// incremental `docker diff` equals moby's full-tree comparison, and a failed call
/// changes nothing.
@Suite struct UnionFSPropertyTests {
  @Test(arguments: 1...40)
  func randomOperationsKeepTheInvariants(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var fs = Fixture.container()
    for step in 0..<60 {
      let before = fs.upper
      let time = Fixture.t1.adding(.seconds(Int64(step)))
      do {
        try RandomOperation.run(&fs, &random, at: time)
      } catch {
        #expect(fs.upper == before, "a failed call changed the writable layer (seed \(seed), step \(step))")
      }
    }
    // The root itself is not in a layer tar (overlay2's diff skips it), so its own
    // metadata is the one thing a commit does not carry.
    let committed = ContainerFS(image: fs.image.appending(fs.commit()))
    #expect(Snapshot(committed).differences(from: Snapshot(fs)).filter { $0 != "/" } == [], "seed \(seed)")
    #expect(fs.changes() == NaiveChanges.compute(container: fs, image: ContainerFS(image: fs.image)), "seed \(seed)")
  }
}

/// The visible tree: every path with what `docker diff` and `cat` see.
struct Snapshot: Equatable {
  struct Item: Equatable {
    var kind: FileKind
    var metadata: FileMetadata
    var size: Int
    var content: [UInt8]
    var target: String?
  }

  var items: [String: Item] = [:]

  /// Paths whose items differ or exist on one side only.
  func differences(from other: Snapshot) -> [String] {
    Set(items.keys).union(other.items.keys).filter { items[$0] != other.items[$0] }.sorted()
  }

  init(_ fs: ContainerFS) {
    for path in fs.walk() {
      guard let stat = fs.peek(path) else { continue }
      var item = Item(kind: stat.kind, metadata: stat.metadata, size: stat.size, content: [], target: nil)
      if stat.kind == .regular, let node = fs.node(at: path), let file = fs.regularFile(node) {
        item.content = file.data.bytes
      }
      if stat.kind == .symlink, case .symlink(let target, _)? = fs.node(at: path)?.entry { item.target = target }
      items[path] = item
    }
  }
}

/// moby's `ChangesDirs` + `addChanges` over two whole trees, siblings sorted: the
/// reference the incremental implementation must agree with.
enum NaiveChanges {
  static func compute(container: ContainerFS, image: ContainerFS) -> [Change] {
    var out: [Change] = []
    add("/", container, image, oldExists: true, to: &out)
    return out
  }

  private static func children(_ fs: ContainerFS, _ path: String) -> [String] {
    guard let node = fs.node(at: path), node.isDirectory else { return [] }
    return fs.entries(in: path, node).map(\.name)
  }

  private static func stat(_ fs: ContainerFS, _ path: String) -> DiffStat {
    let s = fs.peek(path)!
    return DiffStat(kind: s.kind, mode: s.mode, uid: s.metadata.uid, gid: s.metadata.gid, size: s.size, mtime: s.mtime)
  }

  private static func add(
    _ path: String, _ new: ContainerFS, _ old: ContainerFS, oldExists: Bool, reported: Bool = false,
    to out: inout [Change]
  ) {
    let start = out.count
    var added = reported
    if !oldExists {
      out.append(Change(.added, path))
      added = true
    }
    let newIsDir = new.peek(path)?.kind == .directory
    var oldChildren = Set(oldExists && newIsDir ? children(old, path) : [])
    for name in children(new, path) {
      let child = FSPath.child(path, name)
      guard oldChildren.remove(name) != nil else {
        add(child, new, old, oldExists: false, to: &out)
        continue
      }
      let differs = stat(new, child).differs(from: stat(old, child))
      if differs { out.append(Change(.changed, child)) }
      add(child, new, old, oldExists: true, reported: differs, to: &out)
    }
    for name in oldChildren.sorted(by: FSPath.byteOrder) { out.append(Change(.deleted, FSPath.child(path, name))) }
    if out.count > start && newIsDir && !added && path != "/" { out.insert(Change(.changed, path), at: start) }
  }
}

/// One random filesystem call on a random existing or new path.
enum RandomOperation {
  static func run(_ fs: inout ContainerFS, _ random: inout SplitMix64, at time: Timestamp) throws(FSError) {
    let paths = fs.walk()
    let existing = paths[Int(random.next() % UInt64(paths.count))]
    let other = paths[Int(random.next() % UInt64(paths.count))]
    let fresh = FSPath.child(other, ["n1", "n2", "motd", "app", "x"][Int(random.next() % 5)])
    let target = random.next() % 2 == 0 ? fresh : other
    switch random.next() % 13 {
    case 0: try fs.writeFile(existing, FileData("appended\n"), append: true, at: time)
    case 1: try fs.writeFile(target, FileData("new content\n"), at: time)
    case 2: try fs.chmod(existing, mode: random.next() % 2 == 0 ? 0o600 : 0o755)
    case 3: try fs.touch(target, at: time)
    case 4: try fs.mkdir(fresh, at: time)
    case 5: try fs.unlink(existing, at: time)
    case 6: try fs.rmdir(existing, at: time)
    case 7: try fs.removeTree(existing, at: time)
    case 8: try fs.rename(existing, target, at: time)
    case 9: try fs.link(existing, fresh, at: time)
    case 10: try fs.symlink(existing, at: fresh, time: time)
    case 11: try fs.truncate(existing, to: Int(random.next() % 20), at: time)
    default: try fs.writeFile(existing, FileData(), append: true, at: time)
    }
  }
}
