import Testing
@testable import DockSimCore

/// `docker load` keeps file bodies where they lie in the archive: the layers it builds
/// must be the very layers (same diffIDs, same image IDs) that copied bytes gave.
@Suite struct StoredBytesTests {
  private let t = Timestamp(seconds: 1_579_082_400)
  private let text = Array("hello, stored bytes\n".utf8)

  private func layer(_ data: FileData) -> Layer {
    var b = LayerBuilder(mtime: t)
    b.file("/etc/motd", data: data)
    return b.build()
  }

  @Test func storedContentNamesTheSameLayerAsLiteralContent() {
    let source = SharedBytes(Array("xx".utf8) + text + Array("yy".utf8))
    let stored = FileData(stored: source, range: 2..<(2 + text.count))
    #expect(stored.bytes == text)
    #expect(stored.isLiteral)
    #expect(layer(stored).diffID == layer(FileData(text)).diffID)
  }

  @Test func appendsAndTruncationsKeepDigestsOfTheBytes() {
    let source = SharedBytes(text)
    var grown = FileData(stored: source, range: 0..<text.count)
    grown.append(FileData("more\n"))
    #expect(grown.pieces.count == 2)
    #expect(layer(grown).diffID == layer(FileData(text + Array("more\n".utf8))).diffID)
    var cut = FileData(stored: source, range: 0..<text.count)
    cut.truncate(to: 5)
    #expect(cut.bytes == Array(text.prefix(5)))
    #expect(layer(cut).diffID == layer(FileData(Array(text.prefix(5)))).diffID)
  }

  @Test func chunksAreTheBytesInOrder() {
    var data = FileData(stored: SharedBytes(text), range: 0..<text.count)
    data.append(FileData.generated(size: 200_000, seed: 5))
    data.truncate(to: 250_000)
    var collected: [UInt8] = []
    data.forEachChunk { collected.append(contentsOf: $0) }
    #expect(collected == data.bytes)
    var counter = CountingSink()
    counter.write(data)
    #expect(counter.count == 250_000)
  }

  @Test func loadedBodiesPointIntoTheArchive() throws {
    let image = archiveSampleImage()
    let tag = try Reference.parse("ubuntu:18.04", version: .v20_10)
    let source = SharedBytes(ImageArchive.save([.init(image: image, tags: [tag])]))
    let entries = try ImageArchive.load(source)
    #expect(entries.map(\.image.id) == [image.id])
    let motd = try #require(entries[0].image.layers[0].file(at: "/etc/os-release"))
    guard case .stored(let stored)? = motd.data.pieces.first else {
      Issue.record("a loaded body was copied: \(motd.data.pieces)")
      return
    }
    #expect(stored.source === source)
    // Generated content saved by docksim comes back as its description, not as bytes.
    let bash = try #require(entries[0].image.layers[0].file(at: "/bin/bash"))
    #expect(!bash.data.isLiteral)
  }

  /// A gzip layer is inflated once: every body points into that one buffer, which is
  /// the layer's tar and nothing more (no second copy of the bodies, no spare room).
  @Test func gzipLayerBodiesPointIntoOneInflatedCopy() throws {
    var b = LayerBuilder(mtime: t)
    var random = SplitMix64(seed: 11)
    for index in 0..<20 {
      b.file("/data/f\(index)", data: FileData((0..<5_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
    }
    let plain = b.build()
    let tar = LayerArchive.tarBytes(plain)
    let layer = try ImageArchive.rootFSLayer(SharedBytes(Gzip.compress(tar)))
    #expect(layer.diffID == plain.diffID)
    var sources: [SharedBytes] = []
    for index in 0..<20 {
      let file = try #require(layer.file(at: "/data/f\(index)"))
      #expect(file.data.bytes == plain.file(at: "/data/f\(index)")?.data.bytes)
      guard case .stored(let stored)? = file.data.pieces.first, file.data.pieces.count == 1 else {
        Issue.record("a gzip body was copied out of the inflated layer: \(file.data.pieces)")
        return
      }
      sources.append(stored.source)
    }
    #expect(sources.allSatisfy { $0 === sources[0] })
    #expect(sources[0].count == tar.count)
  }

  @Test func streamedSaveAndExportEqualTheBytes() {
    let image = archiveSampleImage()
    let entries = [ImageArchive.Entry(image: image, tags: [])]
    let streamed = ImageArchive.save(entries, into: CountingSink())
    #expect(streamed.count == ImageArchive.save(entries).count)
    let digest = ImageArchive.save(entries, into: DigestBuilder())
    #expect(digest.finish() == Digest.sha256(ImageArchive.save(entries)))
    let fs = ContainerFS(image: MergedView(layers: image.layers))
    #expect(ImageArchive.export(fs, into: CountingSink()).count == ImageArchive.export(fs).count)
  }

  @Test func aLayerInsideAnArchiveIsReadInPlace() throws {
    var b = LayerBuilder(mtime: t)
    b.file("/a", "first\n")
    b.file("/b", data: FileData(text))
    let tar = LayerArchive.tarBytes(b.build())
    let source = SharedBytes([UInt8](repeating: 0xee, count: 1024) + tar + [1, 2, 3])
    let layer = try LayerArchive.read(source, window: 1024..<(1024 + tar.count))
    #expect(layer.diffID == b.build().diffID)
    #expect(layer.file(at: "/b")?.data.bytes == text)
  }
}

@Suite struct SubsecondTimesTests {
  /// docksim's clock moves in fractions of a second (a container runs for 0.5 s); a PAX
  /// mtime record keeps the fraction so a committed layer saves and loads unchanged.
  @Test func fractionsOfASecondSurviveALayerTar() throws {
    for nanoseconds: Int64 in [500_000_000, 1, 999_999_999] {
      var b = LayerBuilder(mtime: Timestamp(seconds: 1_579_082_400, nanoseconds: nanoseconds))
      b.file("/root/note", "hi\n")
      let layer = b.build()
      let back = try LayerArchive.read(LayerArchive.tarBytes(layer))
      #expect(back.diffID == layer.diffID)
    }
    var w = TarWriter(into: [UInt8]())
    w.append(TarHeader(name: "old", kind: .regular, modified: -2, modifiedNanoseconds: 750_000_000))
    let header = try TarReader(bytes: w.finish()).members()[0].header
    #expect(header.modified == -2 || header.modified == -1)
    #expect(Timestamp(seconds: header.modified, nanoseconds: header.modifiedNanoseconds) == Timestamp(seconds: -2, nanoseconds: 750_000_000))
  }
}
