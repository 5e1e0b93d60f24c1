import DockSimTestSupport
import Foundation
import Testing
@testable import DockSimCore

/// Real tools read what docksim writes, and docksim reads what they write. skopeo comes
/// from Debian (`.ci/run` installs it); where it is missing these tests say so and pass.
@Suite(.serialized) struct SkopeoInteroperabilityTests {
  let image = archiveSampleImage()
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docksim-skopeo-\(getpid())")

  private var skopeo: String? { HostTool.named("skopeo") }

  private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    try HostTool.run(skopeo!, ["--insecure-policy"] + arguments)
  }

  private func saved() throws -> String {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("saved.tar").path
    let tag = try Reference.parse("ubuntu:18.04", version: .v20_10)
    _ = FileManager.default.createFile(atPath: path, contents: Data(ImageArchive.save([.init(image: image, tags: [tag])])))
    return path
  }

  @Test func skopeoInspectsASavedArchive() throws {
    guard skopeo != nil else { print("skipped: skopeo is not installed (apt-get install skopeo)"); return }
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try run(["inspect", "docker-archive:" + saved()])
    #expect(result.status == 0, "\(result.output)")
    let json = try JSONValue(parsing: result.output)
    let blobs = ImageArchive.blobsOf(image)
    #expect(json["Layers"] == .array(blobs.layers.map { .string($0.description) }))
    #expect(json["Architecture"]?.stringValue == "amd64")
  }

  @Test func skopeoCopiesToOCIAndBackAndDocksimLoadsBoth() throws {
    guard skopeo != nil else { print("skipped: skopeo is not installed (apt-get install skopeo)"); return }
    defer { try? FileManager.default.removeItem(at: directory) }
    let archive = try saved()
    let oci = directory.appendingPathComponent("oci").path
    let toOCI = try run(["copy", "docker-archive:" + archive, "oci:" + oci + ":18.04"])
    #expect(toOCI.status == 0, "\(toOCI.output)")
    let fromOCI = try ImageArchive.load(ImageArchive.tar(filesBelow(oci)))
    #expect(fromOCI.map(\.image.id) == [image.id])
    let back = directory.appendingPathComponent("back.tar").path
    let toArchive = try run(["copy", "oci:" + oci + ":18.04", "docker-archive:" + back + ":ubuntu:18.04"])
    #expect(toArchive.status == 0, "\(toArchive.output)")
    let loaded = try ImageArchive.load([UInt8](FileManager.default.contents(atPath: back) ?? Data()))
    #expect(loaded.map(\.image.id) == [image.id])
    #expect(loaded.first?.tags.map(\.familiar) == ["ubuntu:18.04"])
  }

  private func filesBelow(_ root: String) throws -> [(String, [UInt8])] {
    let enumerator = FileManager.default.enumerator(atPath: root)
    var files: [(String, [UInt8])] = []
    while let name = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = root + "/" + name
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        files.append((name, [UInt8](FileManager.default.contents(atPath: path) ?? Data())))
      }
    }
    return files
  }
}
