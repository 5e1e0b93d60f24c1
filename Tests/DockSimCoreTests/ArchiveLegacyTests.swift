import DockSimTestSupport
import Foundation
import Testing
@testable import DockSimCore

/// `docker save` as Docker 20.10 writes it: the legacy docker-archive, a folder per layer.
@Suite struct LegacyArchiveTests {
  let image = archiveSampleImage()
  var tag: Reference { try! Reference.parse("ubuntu:18.04", version: .v20_10) }

  private func members(_ bytes: [UInt8]) throws -> [(TarReader.Member, [UInt8])] {
    let reader = TarReader(bytes: bytes)
    return try reader.members().map { ($0, reader.content(of: $0)) }
  }

  @Test func foldersPerLayerThenConfigManifestAndRepositories() throws {
    let bytes = ImageArchive.save([.init(image: image, tags: [tag])], format: .legacy)
    let list = try members(bytes)
    let names = list.map(\.0.header.name)
    let blobs = ImageArchive.blobsOf(image)
    #expect(!names.contains("index.json") && !names.contains("oci-layout") && !names.contains { $0.hasPrefix("blobs/") })
    #expect(names.suffix(2) == ["manifest.json", "repositories"])
    #expect(names.contains(blobs.config.hex + ".json"))
    let folders = names.filter { $0.hasSuffix("/") }
    #expect(folders.count == 2)
    for folder in folders {
      #expect(names.contains(folder + "VERSION") && names.contains(folder + "json") && names.contains(folder + "layer.tar"))
    }
    #expect(names == names.sorted { FSPath.byteOrder($0, $1) })
    let manifest = try JSONValue(parsing: list.first { $0.0.header.name == "manifest.json" }!.1)
    let layers = manifest.arrayValue?.first?["Layers"]?.arrayValue?.compactMap(\.stringValue) ?? []
    #expect(manifest.arrayValue?.first?["Config"] == .string(blobs.config.hex + ".json"))
    #expect(manifest.arrayValue?.first?["RepoTags"] == .array([.string("ubuntu:18.04")]))
    // Each layer.tar is the very layer tar whose SHA-256 the config lists as its diff ID.
    for (index, path) in layers.enumerated() {
      let content = try #require(list.first { $0.0.header.name == path }?.1)
      #expect(Digest.sha256(content) == blobs.layers[index])
    }
    let repositories = String(decoding: list.last!.1, as: UTF8.self)
    #expect(repositories == #"{"ubuntu":{"18.04":"\#(layers.last!.dropLast(10))"}}"# + "\n")
    // moby stamps the layer folders with the image's creation time, the two indexes with 0.
    #expect(list.first { $0.0.header.name == folders[0] }?.0.header.modified == image.created.seconds)
    #expect(list.last?.0.header.modified == 0)
  }

  @Test func layerJSONIsTheV1Image() throws {
    let list = try members(ImageArchive.save([.init(image: image, tags: [tag])], format: .legacy))
    let manifest = try JSONValue(parsing: list.first { $0.0.header.name == "manifest.json" }!.1)
    let layers = manifest.arrayValue?.first?["Layers"]?.arrayValue?.compactMap(\.stringValue) ?? []
    let lower = String(layers[0].dropLast(10))
    let top = String(layers[1].dropLast(10))
    let lowerJSON = String(decoding: list.first { $0.0.header.name == lower + "/json" }!.1, as: UTF8.self)
    #expect(lowerJSON == #"{"id":"\#(lower)","created":"1970-01-01T00:00:00Z","container_config":{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":null,"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null},"os":"linux"}"#)
    let topJSON = try JSONValue(parsing: list.first { $0.0.header.name == top + "/json" }!.1)
    #expect(topJSON.objectValue?.map(\.0) == ["id", "parent", "created", "container_config", "config", "architecture", "os"])
    #expect(topJSON["parent"] == .string(lower))
    #expect(list.first { $0.0.header.name == lower + "/VERSION" }?.1 == Array("1.0".utf8))
    // The v1 ID of the lower layer, as moby's CreateID computes it: sorted members, its chain ID (= its diff ID).
    let diffID = ImageArchive.blobsOf(image).layers[0]
    let expected = Digest.sha256(#"{"container_config":{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":null,"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null},"created":"1970-01-01T00:00:00Z","layer_id":"\#(diffID)"}"#)
    #expect(lower == expected.hex)
  }

  @Test func loadsBackToTheSameImage() throws {
    let entries = try ImageArchive.load(ImageArchive.save([.init(image: image, tags: [tag])], format: .legacy))
    #expect(entries.map(\.image.id) == [image.id])
    #expect(entries.first?.tags.map(\.familiar) == ["ubuntu:18.04"])
  }

  /// Two equal layers in one image: the second `layer.tar` is a symlink to the first,
  /// as moby writes it, and loading follows it.
  @Test func aRepeatedLayerIsLinkedAndLoads() throws {
    let t = Timestamp(seconds: 1_578_650_400)
    var base = LayerBuilder(mtime: t)
    base.file("/etc/motd", "hi\n")
    let repeated = Image(
      layers: [base.build(), .empty, .empty], config: ImageConfig(cmd: ["sh"]),
      history: ["a", "b", "c"].map { HistoryEntry(created: t, createdBy: $0, emptyLayer: false) },
      created: t)
    let bytes = ImageArchive.save([.init(image: repeated, tags: [])], format: .legacy)
    let list = try members(bytes)
    let links = list.filter { $0.0.header.kind == .symbolicLink }
    #expect(links.count == 1)
    #expect(links.first?.0.header.linkName.hasPrefix("../") == true)
    #expect(links.first?.0.header.linkName.hasSuffix("/layer.tar") == true)
    #expect(try ImageArchive.load(bytes).map(\.image.id) == [repeated.id])
  }
}

/// skopeo reads the legacy archive too (where it is installed).
@Suite(.serialized) struct LegacyArchiveSkopeoTests {
  @Test func skopeoInspectsAndCopiesTheLegacyArchive() throws {
    guard let skopeo = HostTool.named("skopeo") else {
      print("skipped: skopeo is not installed (apt-get install skopeo)")
      return
    }
    let image = archiveSampleImage()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docksim-legacy-\(getpid())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/saved.tar"
    let tag = try Reference.parse("ubuntu:18.04", version: .v20_10)
    _ = FileManager.default.createFile(atPath: path, contents: Data(ImageArchive.save([.init(image: image, tags: [tag])], format: .legacy)))
    func run(_ arguments: [String]) throws -> (Int32, String) {
      try HostTool.run(skopeo, ["--insecure-policy"] + arguments)
    }
    let inspect = try run(["inspect", "docker-archive:" + path])
    #expect(inspect.0 == 0, "\(inspect.1)")
    let json = try JSONValue(parsing: Array(inspect.1.utf8))
    #expect(json["Layers"] == .array(ImageArchive.blobsOf(image).layers.map { .string($0.description) }))
    let copy = try run(["copy", "docker-archive:" + path, "docker-archive:" + directory + "/copy.tar:ubuntu:18.04"])
    #expect(copy.0 == 0, "\(copy.1)")
    let loaded = try ImageArchive.load([UInt8](FileManager.default.contents(atPath: directory + "/copy.tar") ?? Data()))
    #expect(loaded.map(\.image.id) == [image.id])
  }
}
