import Testing
@testable import DockSimCore

/// `docker diff` for the scenarios of overlay-semantics.md §10 (S-numbers are the
/// reference harness's experiments, run against the kernel).
@Suite struct ChangesTests {
  private func diff(_ build: (inout ContainerFS) throws -> Void) rethrows -> [String] {
    var fs = Fixture.container()
    try build(&fs)
    return fs.changes().map(\.description)
  }

  @Test func appendToLowerFileChangesFileAndParent() throws {  // S01
    #expect(try diff { try $0.writeFile("/etc/motd", FileData("x\n"), append: true, at: Fixture.t1) } == ["C /etc", "C /etc/motd"])
  }

  @Test func overwriteLowerFile() throws {  // S02
    #expect(try diff { try $0.writeFile("/etc/motd", FileData("x\n"), at: Fixture.t1) } == ["C /etc", "C /etc/motd"])
  }

  @Test func chmodLowerFile() throws {  // S03
    #expect(try diff { try $0.chmod("/etc/motd", mode: 0o600) } == ["C /etc", "C /etc/motd"])
  }

  @Test func copyUpWithoutVisibleChangeIsInvisible() throws {  // S04, S06
    #expect(try diff { try $0.chmod("/etc/hosts", mode: 0o644) } == [])
    #expect(try diff { try $0.writeFile("/etc/motd", FileData(), append: true, at: Fixture.t1) } == [])
  }

  @Test func touchLowerFile() throws {  // S05
    #expect(try diff { try $0.touch("/etc/motd", at: Fixture.t1) } == ["C /etc", "C /etc/motd"])
  }

  @Test func deleteLowerFile() throws {  // S07
    #expect(try diff { try $0.unlink("/etc/motd", at: Fixture.t1) } == ["C /etc", "D /etc/motd"])
  }

  @Test func deleteAndRecreateIsChangeNotDeleteAdd() throws {  // S08
    let lines = try diff {
      try $0.unlink("/etc/motd", at: Fixture.t1)
      try $0.writeFile("/etc/motd", FileData("new\n"), at: Fixture.t1)
    }
    #expect(lines == ["C /etc", "C /etc/motd"])
  }

  @Test func removeLowerTreeReportsOnlyTopmostDelete() throws {  // S09
    #expect(try diff { try $0.removeTree("/opt/app", at: Fixture.t1) } == ["C /opt", "D /opt/app"])
  }

  @Test func recreatedDirectoryListsOldChildrenAsDeleted() throws {  // S10
    let lines = try diff {
      try $0.removeTree("/opt/app", at: Fixture.t1)
      try $0.mkdir("/opt/app", at: Fixture.t1)
      try $0.writeFile("/opt/app/new", FileData("n"), at: Fixture.t1)
    }
    #expect(lines == ["C /opt", "C /opt/app", "A /opt/app/new", "D /opt/app/README", "D /opt/app/bin"])
  }

  @Test func directoryReplacedByFileHasNoDeletesForChildren() throws {  // S32
    let lines = try diff {
      try $0.removeTree("/opt/app", at: Fixture.t1)
      try $0.writeFile("/opt/app", FileData("f"), at: Fixture.t1)
    }
    #expect(lines == ["C /opt", "C /opt/app"])
  }

  @Test func fileReplacedByDirectory() throws {  // S33
    let lines = try diff {
      try $0.unlink("/etc/motd", at: Fixture.t1)
      try $0.mkdir("/etc/motd", at: Fixture.t1)
    }
    #expect(lines == ["C /etc", "C /etc/motd"])
  }

  @Test func renameLowerFile() throws {  // S18
    let lines = try diff { try $0.rename("/etc/motd", "/etc/motd.bak", at: Fixture.t1) }
    #expect(lines == ["C /etc", "A /etc/motd.bak", "D /etc/motd"])
  }

  @Test func renameLowerDirectoryThroughMvFallback() throws {  // S20
    let lines = try diff { fs in
      #expect(throws: FSError.crossDevice) { try fs.rename("/opt/app", "/opt/app2", at: Fixture.t1) }
      try copyTree(&fs, "/opt/app", "/opt/app2")
      try fs.removeTree("/opt/app", at: Fixture.t1)
    }
    #expect(lines == ["C /opt", "A /opt/app2", "A /opt/app2/README", "A /opt/app2/bin", "A /opt/app2/bin/run", "D /opt/app"])
  }

  @Test func recreatingNameDeletedByImageLayerIsAdded() throws {  // S16
    #expect(try diff { try $0.writeFile("/usr/bin/tool", FileData("t"), at: Fixture.t1) } == ["C /usr", "C /usr/bin", "A /usr/bin/tool"])
  }

  @Test func writeThroughSymlinkChangesTargetOnly() throws {  // S28
    let lines = try diff { try $0.writeFile("/etc/localtime", FileData("x"), append: true, at: Fixture.t1) }
    #expect(lines == ["C /usr", "C /usr/share", "C /usr/share/zoneinfo", "C /usr/share/zoneinfo/UTC"])
  }

  @Test func newDirectoryRenamedIsAdded() throws {  // S23
    let lines = try diff {
      try $0.mkdir("/work", at: Fixture.t1)
      try $0.writeFile("/work/f", FileData("f"), at: Fixture.t1)
      try $0.rename("/work", "/work2", at: Fixture.t1)
    }
    #expect(lines == ["A /work2", "A /work2/f"])
  }

  @Test func brokenHardLinkChangesOnlyTheWrittenName() throws {  // S24
    #expect(try diff { try $0.writeFile("/bin/busybox", FileData("x"), append: true, at: Fixture.t1) } == ["C /bin", "C /bin/busybox"])
  }

  @Test func changedBeforeDeletedWithinDirectorySortedByName() throws {
    let lines = try diff {
      try $0.unlink("/etc/hosts", at: Fixture.t1)
      try $0.writeFile("/etc/zzz", FileData("z"), at: Fixture.t1)
      try $0.chmod("/etc/motd", mode: 0o600)
    }
    #expect(lines == ["C /etc", "C /etc/motd", "A /etc/zzz", "D /etc/hosts"])
  }

  @Test func nothingChangedIsEmpty() {
    #expect(Fixture.container().changes().isEmpty)
  }

  @Test func mtimeWithinTheSameSecondAndNoNanosecondsIsEqual() {
    let a = DiffStat(kind: .regular, mode: 0o644, uid: 0, gid: 0, size: 1, mtime: Timestamp(seconds: 5))
    var b = a
    b.mtime = Timestamp(seconds: 5, nanoseconds: 300)
    #expect(!b.differs(from: a))
    var c = b
    c.mtime = Timestamp(seconds: 5, nanoseconds: 400)
    #expect(c.differs(from: b))
  }

  @Test func directoryMtimeIsIgnored() throws {
    #expect(try diff { try $0.setModificationTime("/opt", Fixture.t2) } == [])
  }
}

/// `cp -a SRC DST` through the filesystem API (GNU mv's fallback after EXDEV).
func copyTree(_ fs: inout ContainerFS, _ source: String, _ target: String) throws {
  let stat = try fs.lstat(source)
  switch stat.kind {
  case .directory:
    try fs.mkdir(target, mode: stat.mode, at: Fixture.t1)
    for entry in try fs.readdir(source) {
      try copyTree(&fs, FSPath.child(source, entry.name), FSPath.child(target, entry.name))
    }
    try fs.setModificationTime(target, stat.mtime)
  case .symlink:
    try fs.symlink(try fs.readlink(source), at: target, time: stat.mtime)
  case .regular:
    try fs.writeFile(target, try fs.readFile(source), mode: stat.mode, at: Fixture.t1)
    try fs.setModificationTime(target, stat.mtime)
  }
}
