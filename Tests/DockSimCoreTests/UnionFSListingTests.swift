import Testing
@testable import DockSimCore

/// The cached directory listings: each image directory's sorted entries (name and kind)
/// kept in the `MergedView`, and `readdir` taking them as they are when the writable
/// layer holds nothing under a directory. Every listing is checked against one derived
/// without the cache: the visible paths scanned for the directory's children, each
/// looked up on its own.
@Suite struct UnionFSListingTests {
  @Test(arguments: 1...40)
  func listingsStayExactUnderRandomWrites(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var fs = Fixture.container()
    for step in 0..<60 {
      try? RandomOperation.run(&fs, &random, at: Fixture.t1.adding(.seconds(Int64(step))))
      if step % 15 == 14 { Listings.expectExact(fs, "seed \(seed) step \(step)") }
    }
    // The container's image is untouched: a new container of it lists the image.
    Listings.expectExact(ContainerFS(image: fs.image), "seed \(seed), image")
    #expect(Listings.viewIsExact(fs.image), "seed \(seed)")
    // A commit makes a new image view whose listings are its own; the old one is unchanged.
    let committed = fs.image.appending(fs.commit())
    #expect(Listings.viewIsExact(committed), "seed \(seed), committed")
    Listings.expectExact(ContainerFS(image: committed), "seed \(seed), committed")
    #expect(ContainerFS(image: committed).walk() == fs.walk(), "seed \(seed)")
    #expect(Listings.viewIsExact(fs.image), "seed \(seed), after commit")
  }

  @Test func whiteoutsOpaqueDirectoriesAndCopyUpsInTheContainer() throws {
    var fs = Fixture.container()
    let image = ContainerFS(image: fs.image)
    try fs.removeTree("/opt/app", at: Fixture.t1)  // a whiteout
    #expect(try fs.readdir("/opt").isEmpty)
    try fs.mkdir("/opt/app", at: Fixture.t1)  // opaque over the whiteout
    try fs.writeFile("/opt/app/new", FileData("n\n"), at: Fixture.t1)
    #expect(try fs.readdir("/opt/app") == [DirectoryEntry(name: "new", kind: .regular)])
    try fs.writeFile("/etc/motd", FileData("x\n"), append: true, at: Fixture.t1)  // copy-up
    try fs.unlink("/etc/hosts", at: Fixture.t1)
    try fs.mkdir("/etc/hosts.d", at: Fixture.t1)
    try fs.symlink("motd", at: "/etc/zz", time: Fixture.t1)
    #expect(
      try fs.readdir("/etc") == [
        DirectoryEntry(name: "hosts.d", kind: .directory), DirectoryEntry(name: "localtime", kind: .symlink),
        DirectoryEntry(name: "motd", kind: .regular), DirectoryEntry(name: "os-release", kind: .regular),
        DirectoryEntry(name: "zz", kind: .symlink),
      ])
    // A file replaced by a directory of the same name changes its kind in the listing.
    try fs.unlink("/etc/os-release", at: Fixture.t1)
    try fs.mkdir("/etc/os-release", at: Fixture.t1)
    #expect(try fs.readdir("/etc").first { $0.name == "os-release" }?.kind == .directory)
    Listings.expectExact(fs, "after the writes")
    // The shared image listings did not move: another container of the image sees them.
    var other = image
    #expect(try other.readdir("/etc").map(\.name) == ["hosts", "localtime", "motd", "os-release"])
    #expect(try other.readdir("/opt/app").map(\.name) == ["README", "bin"])
  }

  @Test func layersReplaceHideAndMergeInTheImageListings() {
    var top = LayerBuilder(mtime: Fixture.t1)
    top.file("/opt/app/bin", "now a file\n")  // a directory replaced by a file
    top.opaqueDirectory("/usr/share")
    top.file("/usr/share/only", "x")
    top.whiteout("/etc/motd")
    top.directory("/etc/motd.d")
    let view = Fixture.image.appending(top.build())
    #expect(view.entries(in: "/opt/app") == [
      DirectoryEntry(name: "README", kind: .regular), DirectoryEntry(name: "bin", kind: .regular),
    ])
    #expect(view.entries(in: "/opt/app/bin").isEmpty)
    #expect(view.entries(in: "/usr/share") == [DirectoryEntry(name: "only", kind: .regular)])
    #expect(view.entries(in: "/etc").map(\.name) == ["hosts", "localtime", "motd.d", "os-release"])
    #expect(Listings.viewIsExact(view))
    #expect(Listings.viewIsExact(Fixture.image))
    #expect(Fixture.image.entries(in: "/opt/app/bin") == [DirectoryEntry(name: "run", kind: .regular)])
  }

  @Test func aWalkFromDirectoryHandlesEqualsTheWholeTreeWalk() throws {
    var fs = Fixture.container()
    try fs.removeTree("/usr/share", at: Fixture.t1)
    try fs.mkdir("/usr/share", at: Fixture.t1)
    try fs.writeFile("/srv/empty/f", FileData("f"), at: Fixture.t1)
    var seen: [String] = []
    var stack = [try fs.openDirectory("/")]
    while let directory = stack.popLast() {
      seen.append(directory.path)
      var below: [DirectoryHandle] = []
      for entry in fs.entries(of: directory) {
        let stat = try fs.lstat(entry.name, in: directory)
        #expect(stat == fs.peek(FSPath.child(directory.path, entry.name)))
        if let child = fs.subdirectory(entry.name, of: directory) {
          below.append(child)
        } else {
          seen.append(FSPath.child(directory.path, entry.name))
        }
      }
      stack += below.reversed()
    }
    #expect(seen.sorted() == fs.walk().sorted())
    // A symlink to a directory is not a subdirectory (a walk does not follow it).
    let etc = try fs.openDirectory("/etc")
    #expect(fs.subdirectory("localtime", of: etc) == nil)
    #expect(throws: FSError.noSuchFile) { try fs.lstat("nothing", in: etc) }
    #expect(throws: FSError.notADirectory) { try fs.openDirectory("/etc/motd") }
  }
}

/// Listings derived without the cache.
enum Listings {
  /// The image's visible children of `path`, from a scan of every visible path.
  static func scanned(_ view: MergedView, _ path: String) -> [DirectoryEntry] {
    view.nodes.compactMap { key, node in
      key != "/" && FSPath.parent(key) == path
        ? DirectoryEntry(name: FSPath.name(key), kind: ContainerFS.kind(node.entry)) : nil
    }.sorted { FSPath.byteOrder($0.name, $1.name) }
  }

  static func viewIsExact(_ view: MergedView) -> Bool {
    view.nodes.allSatisfy { path, node in
      !node.entry.isDirectory || view.entries(in: path) == scanned(view, path)
    }
  }

  /// Every visible directory of the container: readdir equals each candidate name
  /// (the writable layer's and the image's) looked up on its own.
  static func expectExact(_ fs: ContainerFS, _ comment: Comment) {
    var fs = fs
    for path in fs.walk() {
      guard let node = fs.node(at: path), node.isDirectory else { continue }
      var names = Set(fs.upper.children[path] ?? [])
      if node.lowerVisible { names.formUnion(scanned(fs.image, path).map(\.name)) }
      let expected = names.compactMap { name in
        fs.lookupChild(FSPath.child(path, name), parentLowerVisible: node.lowerVisible).map {
          DirectoryEntry(name: name, kind: ContainerFS.kind($0.entry))
        }
      }.sorted { FSPath.byteOrder($0.name, $1.name) }
      #expect((try? fs.readdir(path)) == expected, "\(path): \(comment)")
    }
  }
}
