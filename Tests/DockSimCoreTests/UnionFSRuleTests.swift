import Testing
@testable import DockSimCore

/// The remaining rules of overlay-semantics.md §14 and the errno cases of the calls.
@Suite struct UnionFSRuleTests {
  @Test func mergedDirectoryMetadataComesFromTopmostLayer() throws {
    var top = LayerBuilder(mtime: Fixture.t1)
    top.directory("/etc", mode: 0o700)
    top.file("/etc/extra", "e")
    var fs = ContainerFS(image: Fixture.image.appending(top.build()))
    #expect(try fs.stat("/etc").mode == 0o700)
    #expect(try fs.readdir("/etc").map(\.name) == ["extra", "hosts", "localtime", "motd", "os-release"])
    #expect(try fs.stat("/etc").linkCount == 1, "overlayfs reports nlink 1 for a merged directory")
  }

  @Test func whiteoutNeverHidesEntriesOfItsOwnLayer() throws {
    var lower = LayerBuilder(mtime: Fixture.t0)
    lower.file("/d/x", "old")
    var upper = LayerBuilder(mtime: Fixture.t0)
    upper.whiteout("/d/x")
    upper.file("/d/y", "y")
    var fs = ContainerFS(image: MergedView(layers: [lower.build(), upper.build()]))
    #expect(try fs.readdir("/d").map(\.name) == ["y"])
  }

  @Test func copiedUpDirectoryFromOpaqueLowerIsNotOpaque() throws {
    var l1 = LayerBuilder(mtime: Fixture.t0)
    l1.file("/d/a", "a")
    var l2 = LayerBuilder(mtime: Fixture.t0)
    l2.opaqueDirectory("/d")
    l2.file("/d/c", "c")
    var fs = ContainerFS(image: MergedView(layers: [l1.build(), l2.build()]))
    try fs.chmod("/d", mode: 0o700)
    #expect(fs.upper.entries["/d"] == .directory(FileMetadata(mode: 0o700, mtime: Fixture.t0), opaque: false))
    #expect(try fs.readdir("/d").map(\.name) == ["c"])
  }

  @Test func newDirectoryInsideMergedDirectoryIsNotOpaque() throws {  // S29
    var fs = Fixture.container()
    try fs.mkdir("/usr/share/doc", at: Fixture.t1)
    #expect(fs.upper.entries["/usr/share/doc"] == .directory(FileMetadata(mode: 0o755, mtime: Fixture.t1), opaque: false))
  }

  @Test func creatingAFileCopiesUpParentsWithLowerMetadataOnly() throws {  // S30
    var fs = Fixture.container()
    try fs.writeFile("/usr/share/zoneinfo/new.txt", FileData("n"), at: Fixture.t1)
    #expect(fs.upper.walkOrder == ["/usr", "/usr/share", "/usr/share/zoneinfo", "/usr/share/zoneinfo/new.txt"])
    #expect(fs.upper.entries["/usr"] == .directory(FileMetadata(mode: 0o755, mtime: Fixture.t0), opaque: false))
  }

  @Test func removeTreeOfMixedDirectoryIsOneWhiteout() throws {  // S36
    var fs = Fixture.container()
    try fs.writeFile("/opt/app/mine", FileData("m"), at: Fixture.t1)
    try fs.removeTree("/opt/app", at: Fixture.t1)
    #expect(fs.upper.walkOrder == ["/opt", "/opt/app"])
    #expect(fs.upper.entries["/opt/app"] == .whiteout)
  }

  @Test func unlinkOfCopiedUpFileRemovesCopyAndWhitesOut() throws {  // S39
    var fs = Fixture.container()
    try fs.chmod("/etc/motd", mode: 0o600)
    try fs.unlink("/etc/motd", at: Fixture.t1)
    #expect(fs.upper.entries["/etc/motd"] == .whiteout)
    #expect(fs.upper.files.isEmpty)
  }

  @Test func renameOverAnotherLowerFile() throws {  // S19
    var fs = Fixture.container()
    try fs.rename("/etc/motd", "/etc/hosts", at: Fixture.t1)
    #expect(try fs.readFile("/etc/hosts").text == "welcome\n")
    #expect(fs.upper.entries["/etc/motd"] == .whiteout)
  }

  @Test func renameErrorsFollowTheKernelOrder() throws {
    var fs = Fixture.container()
    try fs.mkdir("/new", at: Fixture.t1)
    try fs.writeFile("/new/f", FileData(), at: Fixture.t1)
    #expect(throws: FSError.notADirectory) { try fs.rename("/new", "/etc/motd", at: Fixture.t1) }
    #expect(throws: FSError.isADirectory) { try fs.rename("/etc/motd", "/srv/empty", at: Fixture.t1) }
    #expect(throws: FSError.invalidArgument) { try fs.rename("/new", "/new/sub", at: Fixture.t1) }
    #expect(throws: FSError.crossDevice) { try fs.rename("/srv/empty", "/new/x", at: Fixture.t1) }
  }

  @Test func renameUpperDirectoryOverEmptyLowerDirectoryMakesItOpaque() throws {
    var fs = Fixture.container()
    try fs.mkdir("/srv/new", at: Fixture.t1)
    try fs.writeFile("/srv/new/f", FileData("f"), at: Fixture.t1)
    try fs.rename("/srv/new", "/srv/empty", at: Fixture.t1)
    #expect(try fs.readdir("/srv/empty").map(\.name) == ["f"])
    if case .directory(_, let opaque)? = fs.upper.entries["/srv/empty"] { #expect(opaque) }
  }

  @Test func renameIntoANonEmptyDirectoryFails() throws {
    var fs = Fixture.container()
    try fs.mkdir("/new", at: Fixture.t1)
    #expect(throws: FSError.directoryNotEmpty) { try fs.rename("/new", "/opt", at: Fixture.t1) }
  }

  @Test func errnoCasesOfCreation() throws {
    var fs = Fixture.container()
    #expect(throws: FSError.fileExists) { try fs.symlink("x", at: "/etc/motd", time: Fixture.t1) }
    #expect(throws: FSError.fileExists) { try fs.link("/etc/motd", "/etc/hosts", at: Fixture.t1) }
    #expect(throws: FSError.operationNotPermitted) { try fs.link("/etc", "/etc2", at: Fixture.t1) }
    #expect(throws: FSError.noSuchFile) { try fs.writeFile("/nope/f", FileData(), at: Fixture.t1) }
    #expect(throws: FSError.isADirectory) { try fs.writeFile("/etc", FileData(), at: Fixture.t1) }
    #expect(throws: FSError.isADirectory) { try fs.readFile("/etc") }
    #expect(throws: FSError.notADirectory) { try fs.readdir("/etc/motd") }
    #expect(throws: FSError.invalidArgument) { try fs.readlink("/etc/motd") }
    #expect(throws: FSError.isADirectory) { try fs.unlink("/etc", at: Fixture.t1) }
    #expect(throws: FSError.busy) { try fs.rmdir("/", at: Fixture.t1) }
    #expect(throws: FSError.fileExists) { try fs.createFile("/etc/motd", exclusive: true, at: Fixture.t1) }
    let long = String(repeating: "a", count: 256)
    #expect(throws: FSError.nameTooLong) { try fs.touch("/" + long, at: Fixture.t1) }
    #expect(FSError.nameTooLong.description == "File name too long")
    #expect(fs.upper.isEmpty)
  }

  @Test func writingThroughDanglingSymlinkCreatesTheTarget() throws {
    var fs = Fixture.container()
    try fs.symlink("/srv/empty/target", at: "/dangling", time: Fixture.t1)
    try fs.writeFile("/dangling", FileData("made"), at: Fixture.t1)
    #expect(try fs.readFile("/srv/empty/target").text == "made")
    #expect(try fs.lstat("/dangling").kind == .symlink)
  }

  @Test func writesSetMtimeOpenForAppendDoesNot() throws {
    var fs = Fixture.container()
    try fs.writeFile("/etc/motd", FileData(), append: true, at: Fixture.t1)
    #expect(try fs.stat("/etc/motd").mtime == Fixture.t0)
    try fs.writeFile("/etc/motd", FileData("x"), append: true, at: Fixture.t2)
    #expect(try fs.stat("/etc/motd").mtime == Fixture.t2)
    #expect(try fs.stat("/etc").mtime == Fixture.t0, "writing a file does not touch its directory")
    try fs.writeFile("/etc/new", FileData(), at: Fixture.t2)
    #expect(try fs.stat("/etc").mtime == Fixture.t2, "creating a name does")
  }

  @Test func tracingRecordsTheOverlayStepsAndNothingWhenOff() throws {
    var fs = Fixture.container()
    try fs.unlink("/etc/hosts", at: Fixture.t1)
    #expect(fs.events.isEmpty)
    fs.tracing = true
    try fs.writeFile("/opt/app/README", FileData("x"), append: true, at: Fixture.t1)
    try fs.unlink("/etc/motd", at: Fixture.t1)
    let events = fs.drainEvents()
    #expect(events.contains(.copyUp(path: "/opt", fromLayer: 0)))
    #expect(events.contains(.copyUp(path: "/opt/app/README", fromLayer: 0)))
    #expect(events.contains(.whiteout(path: "/etc/motd")))
    #expect(events.contains(.lookup(path: "/opt/app/README", place: .image(0))))
    #expect(fs.events.isEmpty)
  }

  @Test func creatingContainersSharesTheImage() throws {
    let image = MergedView(layers: ScaleImage(files: 300, layers: 3).layers())
    var a = ContainerFS(image: image)
    let b = ContainerFS(image: image)
    try a.writeFile("/etc/hostname", FileData("a\n"), at: Fixture.t1)
    #expect(b.upper.isEmpty)
    #expect(a.upper.files.count == 1)
    var c = b
    #expect(try c.readFile("/etc/hostname").text == "scale\n")
  }
}

@Suite struct CommitTests {
  @Test func commitKeepsUnchangedCopyUps() throws {  // S04, S06
    var fs = Fixture.container()
    try fs.chmod("/etc/hosts", mode: 0o644)
    #expect(fs.changes().isEmpty)
    #expect(fs.commit().contents.walkOrder == ["/etc", "/etc/hosts"])
  }

  @Test func commitOfRecreatedDirectoryIsOpaque() throws {  // S10
    var fs = Fixture.container()
    try fs.removeTree("/opt/app", at: Fixture.t1)
    try fs.mkdir("/opt/app", at: Fixture.t1)
    try fs.writeFile("/opt/app/new", FileData("n"), at: Fixture.t1)
    let layer = fs.commit()
    #expect(layer.contents.walkOrder == ["/opt", "/opt/app", "/opt/app/new"])
    #expect(layer.entry(at: "/opt/app") == .directory(FileMetadata(mode: 0o755, mtime: Fixture.t1), opaque: true))
  }

  @Test func commitLeavesTheImageAndSharesItsLayers() throws {
    var fs = Fixture.container()
    try fs.unlink("/etc/motd", at: Fixture.t1)
    let layer = fs.commit()
    let newImage = fs.image.appending(layer)
    #expect(newImage.layers.count == 3)
    #expect(Array(newImage.layers.prefix(2)) == fs.image.layers)
    #expect(fs.image.entry(at: "/etc/motd") != nil)
    #expect(newImage.entry(at: "/etc/motd") == nil)
    #expect(layer.entry(at: "/etc/motd") == .whiteout)
  }

  @Test func commitPreservesHardLinksOfTheWritableLayer() throws {
    var fs = Fixture.container()
    try fs.link("/etc/motd", "/etc/motd2", at: Fixture.t1)
    let layer = fs.commit()
    #expect(layer.size == 8, "one inode, counted once")
    var next = ContainerFS(image: fs.image.appending(layer))
    #expect(try next.stat("/etc/motd").linkCount == 2)
  }

  @Test func emptyCommitIsTheEmptyLayer() {
    #expect(Fixture.container().commit().diffID == Layer.empty.diffID)
  }
}
