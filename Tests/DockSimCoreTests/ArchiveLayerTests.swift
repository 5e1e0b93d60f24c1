import Testing
@testable import DockSimCore

@Suite struct LayerArchiveTests {
  private let t = Timestamp(seconds: 1_579_082_400)

  private func sampleLayer() -> Layer {
    var b = LayerBuilder(mtime: t)
    b.file("/etc/os-release", "NAME=\"Ubuntu\"\n")
    b.file("/bin/bash", size: 1_183_448, seed: 7, mode: 0o755)
    b.hardlink("/bin/rbash", to: "/bin/bash")
    b.symlink("/bin/sh", to: "bash")
    b.whiteout("/var/cache/old")
    b.opaqueDirectory("/opt/app")
    b.file("/opt/app/new", "new\n")
    return b.build()
  }

  @Test func tarListsMembersAsOverlay2Writes() throws {
    let members = try TarReader(bytes: LayerArchive.tarBytes(sampleLayer())).members()
    #expect(members.map(\.header.name) == [
      "bin/", "bin/bash", "bin/rbash", "bin/sh", "etc/", "etc/os-release",
      "opt/", "opt/app/", "opt/app/.wh..wh..opq", "opt/app/new", "var/", "var/cache/", "var/cache/.wh.old",
    ])
    #expect(members[2].header.kind == .hardLink)
    #expect(members[2].header.linkName == "bin/bash")
    #expect(members[3].header.linkName == "bash")
    #expect(members[12].header.mode == 0o600)
  }

  @Test func readingWhatWeWroteGivesTheSameLayer() throws {
    let layer = sampleLayer()
    let back = try LayerArchive.read(LayerArchive.tarBytes(layer))
    #expect(back.diffID == layer.diffID)
    #expect(back.size == layer.size)
  }

  @Test func streamedDigestMatchesBytes() {
    let layer = sampleLayer()
    #expect(LayerArchive.tarDigest(layer) == Digest.sha256(LayerArchive.tarBytes(layer)))
  }

  @Test func contentWithoutDocksimRecordsIsLiteral() throws {
    var w = TarWriter(into: [UInt8]())
    w.append(TarHeader(name: "./etc/", kind: .directory, mode: 0o755))
    w.appendFile(TarHeader(name: "./etc/motd", kind: .regular), bytes: Array("hi\n".utf8))
    let layer = try LayerArchive.read(w.finish())
    #expect(layer.file(at: "/etc/motd")?.data.text == "hi\n")
  }

  @Test(arguments: [
    ("../etc/passwd", "path contains \"..\""),
    ("/etc/passwd", "absolute path"),
    ("a/../../b", "path contains \"..\""),
  ])
  func refusesNamesThatLeaveTheRoot(name: String, reason: String) {
    var w = TarWriter(into: [UInt8]())
    w.appendFile(TarHeader(name: name, kind: .regular), bytes: [1])
    #expect(throws: LayerArchiveError.unsafePath(member: name, reason: reason)) { try LayerArchive.read(w.finish()) }
  }

  @Test func refusesSymlinksThatClimbOutOfTheRoot() {
    var w = TarWriter(into: [UInt8]())
    w.append(TarHeader(name: "a/b", kind: .symbolicLink, linkName: "../../etc/passwd"))
    #expect(throws: LayerArchiveError.self) { try LayerArchive.read(w.finish()) }
    var ok = TarWriter(into: [UInt8]())
    ok.append(TarHeader(name: "etc/localtime", kind: .symbolicLink, linkName: "/usr/share/zoneinfo/UTC"))
    #expect(throws: Never.self) { try LayerArchive.read(ok.finish()) }
  }

  @Test func refusesHardLinksToUnknownMembers() {
    var w = TarWriter(into: [UInt8]())
    w.append(TarHeader(name: "b", kind: .hardLink, linkName: "a"))
    #expect(throws: LayerArchiveError.danglingHardLink(member: "b", target: "a")) { try LayerArchive.read(w.finish()) }
  }

  @Test func aLyingDataRecordIsIgnored() throws {
    var w = TarWriter(into: [UInt8]())
    var h = TarHeader(name: "f", kind: .regular)
    h.extendedRecords["DOCKSIM.data"] = "gen:1:0:3"
    w.appendFile(h, bytes: [9, 9, 9])
    let layer = try LayerArchive.read(w.finish())
    #expect(layer.file(at: "/f")?.data.bytes == [9, 9, 9])
  }
}
