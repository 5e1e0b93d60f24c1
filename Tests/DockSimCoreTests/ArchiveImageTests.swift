import Testing
@testable import DockSimCore

/// A two-layer image with every kind of entry, built the way the Hub builds its images.
func archiveSampleImage() -> Image {
  let t = Timestamp(seconds: 1_578_650_400)
  var base = LayerBuilder(mtime: t)
  base.file("/etc/os-release", "NAME=\"Ubuntu\"\nVERSION=\"18.04.3 LTS (Bionic Beaver)\"\n")
  base.file("/bin/bash", size: 1_183_448, seed: 42, mode: 0o755)
  base.hardlink("/bin/rbash", to: "/bin/bash")
  base.symlink("/bin/sh", to: "bash")
  base.file("/var/cache/apt/old", "old\n")
  var top = LayerBuilder(mtime: t.adding(.seconds(60)))
  top.whiteout("/var/cache/apt/old")
  top.opaqueDirectory("/opt/app")
  top.file("/opt/app/run", "#!/bin/sh\n", mode: 0o755)
  return Image(
    layers: [base.build(), top.build()],
    config: ImageConfig(cmd: ["bash"], workingDir: "/opt/app", labels: ["maintainer": "docksim"], exposedPorts: ["80/tcp"]),
    history: [
      HistoryEntry(created: t, createdBy: "/bin/sh -c #(nop) ADD file:0123 in / ", emptyLayer: false),
      HistoryEntry(created: t.adding(.seconds(60)), createdBy: "/bin/sh -c rm -rf /var/cache/apt/old", emptyLayer: false),
      HistoryEntry(created: t.adding(.seconds(61)), createdBy: "/bin/sh -c #(nop)  CMD [\"bash\"]", emptyLayer: true),
    ],
    created: t.adding(.seconds(61)))
}

@Suite struct ImageArchiveTests {
  let image = archiveSampleImage()
  var tag: Reference { try! Reference.parse("ubuntu:18.04", version: .v20_10) }

  @Test func saveThenLoadGivesTheSameImageAndID() throws {
    let entries = try ImageArchive.load(ImageArchive.save([.init(image: image, tags: [tag])]))
    #expect(entries.count == 1)
    #expect(entries[0].image.id == image.id)
    #expect(entries[0].image == image)
    #expect(entries[0].tags.map(\.familiar) == ["ubuntu:18.04"])
  }

  @Test func archiveHasBothLayoutsWithRealDigests() throws {
    let bytes = ImageArchive.save([.init(image: image, tags: [tag])])
    let reader = TarReader(bytes: bytes)
    let members = try reader.members()
    let names = members.map(\.header.name)
    #expect(names.prefix(2) == ["blobs/", "blobs/sha256/"])
    #expect(names.suffix(4) == ["index.json", "manifest.json", "oci-layout", "repositories"])
    for member in members where member.header.name.hasPrefix("blobs/sha256/") && member.header.kind == .regular {
      #expect(Digest.sha256(reader.content(of: member)).hex == String(member.header.name.dropFirst(13)))
    }
    let manifest = try JSONValue(parsing: Array(reader.content(of: members.first { $0.header.name == "manifest.json" }!)))
    #expect(manifest.arrayValue?.first?["RepoTags"] == .array([.string("ubuntu:18.04")]))
    let repositories = String(decoding: reader.content(of: members.last!), as: UTF8.self)
    #expect(repositories.hasPrefix(#"{"ubuntu":{"18.04":""#))
  }

  @Test func configJSONIsDockers() throws {
    let blobs = ImageArchive.blobsOf(image)
    let config = String(decoding: blobs.blobs[blobs.config]!, as: UTF8.self)
    #expect(config.hasPrefix(#"{"architecture":"amd64","config":{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"ExposedPorts":{"80/tcp":{}},"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["bash"],"Image":"","Volumes":null,"WorkingDir":"/opt/app","Entrypoint":null,"OnBuild":null,"Labels":{"maintainer":"docksim"}},"created":"2020-01-10T10:01:01Z","history":[{"created":"2020-01-10T10:00:00Z","created_by":"/bin/sh -c #(nop) ADD file:0123 in / "}"#))
    #expect(config.hasSuffix(#""os":"linux","rootfs":{"type":"layers","diff_ids":["\#(blobs.layers[0])","\#(blobs.layers[1])"]}}"#))
  }

  @Test func loadsAPlainOCILayoutWithGzipLayers() throws {
    let blobs = ImageArchive.blobsOf(image)
    var files: [(String, [UInt8])] = []
    var layers: [JSONValue] = []
    for digest in blobs.layers {
      let gz = Gzip.compress(blobs.blobs[digest]!)
      let gzDigest = Digest.sha256(gz)
      files.append((ImageArchive.blobPath(gzDigest), gz))
      layers.append(ImageArchive.descriptor(ImageArchive.MediaType.layerGzip, gzDigest, gz.count))
    }
    let config = blobs.blobs[blobs.config]!
    files.append((ImageArchive.blobPath(blobs.config), config))
    let manifest = Array(JSONValue.object([
      ("schemaVersion", .int(2)), ("config", ImageArchive.descriptor(ImageArchive.MediaType.config, blobs.config, config.count)),
      ("layers", .array(layers)),
    ]).compact().utf8)
    let manifestDigest = Digest.sha256(manifest)
    files.append((ImageArchive.blobPath(manifestDigest), manifest))
    files.append(("index.json", Array(#"{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"\#(manifestDigest)","size":\#(manifest.count),"annotations":{"org.opencontainers.image.ref.name":"18.04"}}]}"#.utf8)))
    files.append(("oci-layout", Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8)))
    let entries = try ImageArchive.load(ImageArchive.tar(files))
    #expect(entries.map(\.image.id) == [image.id])
  }

  @Test func aLayerThatDoesNotMatchItsDiffIDIsRefused() throws {
    let blobs = ImageArchive.blobsOf(image)
    var tampered = ImageArchive.save([.init(image: image, tags: [])])
    let reader = TarReader(bytes: tampered)
    let layer = try reader.members().first { $0.header.name == ImageArchive.blobPath(blobs.layers[1]) }!
    // Flip a byte inside the layer's tar (in a file's content, past the headers).
    tampered[layer.content.upperBound - 1100] ^= 0x01
    #expect(throws: ImageArchiveError.self) { try ImageArchive.load(tampered) }
  }

  @Test func truncatedArchivesAndOtherTarsAreErrors() {
    let bytes = ImageArchive.save([.init(image: image, tags: [tag])])
    #expect(throws: ImageArchiveError.self) { try ImageArchive.load(Array(bytes.prefix(bytes.count / 2 + 100))) }
    #expect(throws: ImageArchiveError.notAnImageArchive) { try ImageArchive.load(ImageArchive.tar([("etc/motd", [0x68])])) }
  }

  @Test func exportThenImportKeepsTheMergedTree() throws {
    var fs = ContainerFS(image: MergedView(layers: image.layers))
    let exported = ImageArchive.export(fs)
    let names = try TarReader(bytes: exported).members().map(\.header.name)
    #expect(names.contains("bin/rbash"))
    #expect(!names.contains { $0.contains(".wh.") })
    #expect(!names.contains("var/cache/apt/old"))
    let layer = try ImageArchive.rootFSLayer(exported)
    var imported = ContainerFS(image: MergedView(layers: [layer]))
    #expect(try imported.readFile("/opt/app/run").text == "#!/bin/sh\n")
    #expect(try imported.readFile("/bin/bash") == fs.readFile("/bin/bash"))
    #expect(try imported.lstat("/bin/rbash").linkCount == 2)
  }
}

@Suite struct GeneratedContentTests {
  /// Word-at-a-time generation must give exactly the bytes of the per-byte definition.
  @Test func rangesAgreeWithSingleBytes() {
    let data = FileData.generated(size: 1000, seed: 99)
    let all = data.bytes
    #expect(all == (0..<1000).map { FileData.generatedByte(seed: 99, index: $0) })
    #expect(data.bytes(in: 3..<21) == Array(all[3..<21]))
  }
}
