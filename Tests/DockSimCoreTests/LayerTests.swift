import Testing
@testable import DockSimCore

@Suite struct LayerTests {
  @Test func diffIDDoesNotDependOnCallOrder() {
    var a = LayerBuilder(mtime: Fixture.t0)
    a.file("/b/x", "x")
    a.file("/a/y", "y")
    var b = LayerBuilder(mtime: Fixture.t0)
    b.file("/a/y", "y")
    b.file("/b/x", "x")
    #expect(a.build().diffID == b.build().diffID)
  }

  @Test func diffIDChangesWithContentModeAndTime() {
    func layer(_ text: String, mode: UInt32 = 0o644, mtime: Timestamp = Fixture.t0) -> Digest {
      var b = LayerBuilder(mtime: mtime)
      b.file("/f", text, mode: mode)
      return b.build().diffID
    }
    let base = layer("a")
    #expect(layer("b") != base)
    #expect(layer("a", mode: 0o600) != base)
    #expect(layer("a", mtime: Fixture.t1) != base)
    #expect(layer("a") == base)
  }

  @Test func generatedContentCostsNoMemoryAndIsDeterministic() {
    var b = LayerBuilder(mtime: Fixture.t0)
    b.file("/usr/lib/big.so", size: 60_000_000, seed: 42)
    let layer = b.build()
    #expect(layer.size == 60_000_000)
    let data = layer.file(at: "/usr/lib/big.so")!.data
    #expect(data.pieces.count == 1)
    let middle = data.bytes(in: 30_000_000..<30_000_016)
    #expect(middle.count == 16)
    #expect(middle == FileData.generated(size: 60_000_000, seed: 42).bytes(in: 30_000_000..<30_000_016))
    #expect(middle != FileData.generated(size: 60_000_000, seed: 43).bytes(in: 30_000_000..<30_000_016))
  }

  @Test func rangeReadsAgreeWithWholeReads() {
    var data = FileData.generated(size: 100, seed: 7)
    data.append(FileData("hello"))
    data.truncate(to: 110)
    let whole = data.bytes
    #expect(whole.count == 110)
    #expect(Array(whole[95..<105]) == data.bytes(in: 95..<105))
    #expect(Array(whole[100..<105]) == Array("hello".utf8))
    #expect(Array(whole[105...]) == [0, 0, 0, 0, 0])
  }

  @Test func truncateKeepsAPrefix() {
    var data = FileData("hello world")
    data.truncate(to: 5)
    #expect(data.text == "hello")
    #expect(data.size == 5)
  }

  @Test func sizeCountsHardLinkedInodeOnceAndSymlinkTargets() {
    var b = LayerBuilder(mtime: Fixture.t0)
    b.file("/bin/busybox", size: 1000, seed: 1)
    b.hardlink("/bin/sh", to: "/bin/busybox")
    b.symlink("/bin/ls", to: "busybox")
    b.directory("/tmp")
    b.whiteout("/old")
    let layer = b.build()
    #expect(layer.size == 1000 + 7)
    #expect(layer.fileCount == 3)
    #expect(layer.contents.linkCounts.values.contains(2))
  }

  @Test func builderAddsMissingParentsAndNormalizesPaths() {
    var b = LayerBuilder(mtime: Fixture.t0)
    b.file("a/./b/../c/file", "x")
    let layer = b.build()
    #expect(layer.contents.walkOrder == ["/a", "/a/c", "/a/c/file"])
    #expect(LayerBuilder.normalize("/../../etc//hosts") == "/etc/hosts")
  }

  @Test func walkOrderIsDepthFirstByName() {
    var b = LayerBuilder(mtime: Fixture.t0)
    b.file("/a-b/c", "")
    b.file("/a/b", "")
    #expect(b.build().contents.walkOrder == ["/a", "/a/b", "/a-b", "/a-b/c"])
  }

  @Test func whenceNamesProviderAndLowerVersions() throws {
    let view = Fixture.image
    let whence = try #require(view.whence("/etc/os-release"))
    #expect(whence.layer == 1)
    #expect(whence.below == [0])
    #expect(view.whence("/etc/hosts")?.below == [])
    #expect(view.whence("/usr/bin/tool") == nil)
  }

  @Test func appendingALayerEqualsBuildingFromScratch() {
    let all = ScaleImage(files: 500, layers: 5).layers()
    let incremental = MergedView(layers: Array(all.prefix(4))).appending(all[4])
    let scratch = MergedView(layers: all)
    #expect(incremental.pathCount == scratch.pathCount)
    #expect(ContainerFS(image: incremental).walk() == ContainerFS(image: scratch).walk())
    #expect(incremental.names(in: "/data/d00001") == scratch.names(in: "/data/d00001"))
  }

  @Test func scaleImageHasTheRequestedFiles() {
    let scale = ScaleImage(files: 1000, layers: 7)
    let layers = scale.layers()
    #expect(layers.count == 7)
    #expect(layers.map(\.fileCount).reduce(0, +) == 1002)
    let view = MergedView(layers: layers)
    #expect(view.file(at: scale.path(ofFile: 999))?.data.size == scale.size(ofFile: 999))
    #expect(view.names(in: "/data").count == 10)
  }
}
