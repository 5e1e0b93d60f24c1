import Testing
@testable import DockSimCore

@Suite struct UnionFSLookupTests {
  @Test func nonDirectoryInUpperLayerHidesLower() throws {
    var fs = Fixture.container()
    #expect(try fs.readFile("/etc/os-release").text == "NAME=second\n")
    #expect(try fs.stat("/etc/os-release").mode == 0o600)
    #expect(try fs.stat("/etc/os-release").place == .image(1))
  }

  @Test func whiteoutInImageLayerHidesLowerPath() {
    var fs = Fixture.container()
    #expect(throws: FSError.noSuchFile) { try fs.stat("/usr/bin/tool") }
    #expect(throws: FSError.noSuchFile) { try fs.stat("/var/lib/old/data") }
    #expect(throws: FSError.noSuchFile) { try fs.stat("/var/lib/old") }
  }

  @Test func opaqueDirectoryHidesLowerContentsButKeepsItsOwn() throws {
    var l1 = LayerBuilder(mtime: Fixture.t0)
    l1.file("/d/a", "a")
    l1.file("/d/b", "b")
    var l2 = LayerBuilder(mtime: Fixture.t0)
    l2.opaqueDirectory("/d")
    l2.file("/d/c", "c")
    var fs = ContainerFS(image: MergedView(layers: [l1.build(), l2.build()]))
    #expect(try fs.readdir("/d").map(\.name) == ["c"])
  }

  @Test func readdirMergesNamesSorted() throws {
    var fs = Fixture.container()
    #expect(try fs.readdir("/etc").map(\.name) == ["hosts", "localtime", "motd", "os-release"])
    try fs.writeFile("/etc/aaa", FileData("new"), at: Fixture.t1)
    try fs.unlink("/etc/motd", at: Fixture.t1)
    #expect(try fs.readdir("/etc").map(\.name) == ["aaa", "hosts", "localtime", "os-release"])
  }

  @Test func dotDotAtRootStaysAtRoot() throws {
    var fs = Fixture.container()
    #expect(try fs.readFile("/../../etc/motd").text == "welcome\n")
    #expect(try fs.stat("/..").path == "/")
  }

  @Test func relativeSymlinkResolvesInsideRoot() throws {
    var fs = Fixture.container()
    #expect(try fs.readFile("/etc/localtime").text == "TZif\n")
    try fs.symlink("/etc/motd", at: "/abs", time: Fixture.t1)
    #expect(try fs.readFile("/abs").text == "welcome\n")
    try fs.symlink("../../../../etc/hosts", at: "/up", time: Fixture.t1)
    #expect(try fs.readFile("/up").text == "127.0.0.1 localhost\n")
  }

  @Test func symlinkLoopGivesELOOP() throws {
    var fs = Fixture.container()
    try fs.symlink("/b", at: "/a", time: Fixture.t1)
    try fs.symlink("/a", at: "/b", time: Fixture.t1)
    #expect(throws: FSError.tooManySymlinks) { try fs.readFile("/a") }
    #expect(FSError.tooManySymlinks.description == "Too many levels of symbolic links")
  }

  @Test func fileInPathGivesENOTDIR() {
    var fs = Fixture.container()
    #expect(throws: FSError.notADirectory) { try fs.touch("/etc/hosts/x", at: Fixture.t1) }
    #expect(fs.upper.isEmpty)
  }
}

@Suite struct UnionFSCopyUpTests {
  @Test func appendCopiesUpFileAndParents() throws {
    var fs = Fixture.container()
    try fs.writeFile("/etc/motd", FileData("more\n"), append: true, at: Fixture.t1)
    #expect(try fs.readFile("/etc/motd").text == "welcome\nmore\n")
    #expect(fs.upper.entries["/etc"]?.isDirectory == true)
    #expect(fs.upper.file(at: "/etc/motd")?.data.text == "welcome\nmore\n")
    #expect(fs.upper.names(in: "/etc") == ["motd"])
  }

  @Test func openForAppendWithoutWritingCopiesUp() throws {
    var fs = Fixture.container()
    try fs.writeFile("/etc/motd", FileData(), append: true, at: Fixture.t1)
    #expect(fs.upper.file(at: "/etc/motd")?.metadata.mtime == Fixture.t0)
  }

  @Test func chmodToSameModeCopiesUp() throws {
    var fs = Fixture.container()
    try fs.chmod("/etc/hosts", mode: 0o644)
    #expect(fs.upper.file(at: "/etc/hosts") != nil)
  }

  @Test func writeThroughSymlinkCopiesUpTargetNotLink() throws {
    var fs = Fixture.container()
    try fs.writeFile("/etc/localtime", FileData("x"), append: true, at: Fixture.t1)
    #expect(fs.upper.file(at: "/usr/share/zoneinfo/UTC") != nil)
    #expect(fs.upper.entries["/etc/localtime"] == nil)
  }

  @Test func chmodOfDirectoryCopiesUpDirectoryOnly() throws {
    var fs = Fixture.container()
    try fs.chmod("/opt/app", mode: 0o700)
    #expect(fs.upper.sortedPathsForTest == ["/opt", "/opt/app"])
  }

  @Test func copyUpBreaksLowerHardLink() throws {
    var fs = Fixture.container()
    #expect(try fs.stat("/bin/sh").linkCount == 2)
    try fs.writeFile("/bin/busybox", FileData("x"), append: true, at: Fixture.t1)
    #expect(try fs.readFile("/bin/busybox").size == 1001)
    #expect(try fs.readFile("/bin/sh").size == 1000)
    #expect(try fs.stat("/bin/sh").linkCount == 2)
    #expect(try fs.stat("/bin/busybox").linkCount == 1)
  }

  @Test func hardLinkInContainerSharesUpperInode() throws {
    var fs = Fixture.container()
    try fs.link("/etc/motd", "/etc/motd2", at: Fixture.t1)
    try fs.writeFile("/etc/motd2", FileData("!"), append: true, at: Fixture.t2)
    #expect(try fs.readFile("/etc/motd").text == "welcome\n!")
    #expect(try fs.stat("/etc/motd").inode == fs.stat("/etc/motd2").inode)
  }

  @Test func failedOperationsCopyNothingUp() {
    var fs = Fixture.container()
    #expect(throws: FSError.directoryNotEmpty) { try fs.rmdir("/opt/app", at: Fixture.t1) }
    #expect(throws: FSError.fileExists) { try fs.mkdir("/opt", at: Fixture.t1) }
    #expect(throws: FSError.notADirectory) { try fs.rmdir("/etc/motd", at: Fixture.t1) }
    #expect(fs.upper.isEmpty)
  }
}

@Suite struct UnionFSDeleteTests {
  @Test func unlinkOfLowerFileLeavesWhiteout() throws {
    var fs = Fixture.container()
    try fs.unlink("/etc/motd", at: Fixture.t1)
    #expect(fs.upper.entries["/etc/motd"] == .whiteout)
    #expect(!fs.exists("/etc/motd"))
  }

  @Test func unlinkOfUpperOnlyFileLeavesNoTrace() throws {
    var fs = Fixture.container()
    try fs.writeFile("/etc/new", FileData("n"), at: Fixture.t1)
    try fs.unlink("/etc/new", at: Fixture.t1)
    #expect(fs.upper.entries["/etc/new"] == nil)
  }

  @Test func removeTreeOfLowerDirectoryIsOneWhiteout() throws {
    var fs = Fixture.container()
    try fs.removeTree("/opt/app", at: Fixture.t1)
    #expect(fs.upper.sortedPathsForTest == ["/opt", "/opt/app"])
    #expect(fs.upper.entries["/opt/app"] == .whiteout)
  }

  @Test func recreateDirectoryOverWhiteoutIsOpaque() throws {
    var fs = Fixture.container()
    try fs.removeTree("/opt/app", at: Fixture.t1)
    try fs.mkdir("/opt/app", at: Fixture.t1)
    #expect(fs.upper.entries["/opt/app"] == .directory(FileMetadata(mode: 0o755, mtime: Fixture.t1), opaque: true))
    #expect(try fs.readdir("/opt/app").isEmpty)
  }

  @Test func recreateFileOverWhiteoutIsPlainFile() throws {
    var fs = Fixture.container()
    try fs.unlink("/etc/motd", at: Fixture.t1)
    try fs.writeFile("/etc/motd", FileData("again"), at: Fixture.t1)
    #expect(try fs.readFile("/etc/motd").text == "again")
  }

  @Test func rmdirSucceedsWhenAllLowerEntriesAreWhitedOut() throws {
    var fs = Fixture.container()
    try fs.unlink("/opt/app/README", at: Fixture.t1)
    try fs.removeTree("/opt/app/bin", at: Fixture.t1)
    try fs.rmdir("/opt/app", at: Fixture.t1)
    #expect(fs.upper.sortedPathsForTest == ["/opt", "/opt/app"])
    #expect(fs.upper.entries["/opt/app"] == .whiteout)
  }

  @Test func recreatingNameDeletedByImageLayerIsNotOpaque() throws {
    var fs = Fixture.container()
    try fs.mkdir("/var/lib/old", at: Fixture.t1)
    #expect(fs.upper.entries["/var/lib/old"]?.isDirectory == true)
    if case .directory(_, let opaque)? = fs.upper.entries["/var/lib/old"] { #expect(!opaque) }
  }
}

@Suite struct UnionFSRenameTests {
  @Test func renameOfLowerFileCopiesUpAndWhitesOut() throws {
    var fs = Fixture.container()
    try fs.rename("/etc/motd", "/etc/motd.bak", at: Fixture.t1)
    #expect(fs.upper.entries["/etc/motd"] == .whiteout)
    #expect(try fs.readFile("/etc/motd.bak").text == "welcome\n")
  }

  @Test func renameOfLowerDirectoryIsEXDEV() {
    var fs = Fixture.container()
    #expect(throws: FSError.crossDevice) { try fs.rename("/opt/app", "/opt/app2", at: Fixture.t1) }
    #expect(fs.upper.isEmpty)
    #expect(FSError.crossDevice.description == "Invalid cross-device link")
  }

  @Test func renameOfUpperOnlyDirectoryIntoMergedParentIsOpaque() throws {
    var fs = Fixture.container()
    try fs.mkdir("/work", at: Fixture.t1)
    try fs.writeFile("/work/f", FileData("f"), at: Fixture.t1)
    try fs.rename("/work", "/work2", at: Fixture.t1)
    #expect(try fs.readFile("/work2/f").text == "f")
    if case .directory(_, let opaque)? = fs.upper.entries["/work2"] { #expect(opaque) } else { Issue.record("no dir") }
    #expect(fs.upper.entries["/work"] == nil)
  }
}

extension Changeset {
  var sortedPathsForTest: [String] { walkOrder }
}
