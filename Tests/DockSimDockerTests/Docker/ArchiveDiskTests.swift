import DockSimCore
import DockSimTestSupport
import Foundation
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// `docker save -o`, `load -i`, `export -o` and `import` on the real disk, as the
/// executable runs them: archives are streamed out and mapped back in.
@Suite(.serialized) struct ArchiveDiskTests {
  private func harness() -> ShellHarness {
    var session = Session(settings: Settings(dockerVersion: .v28), hostFiles: LocalDiskFiles())
    TestImage.install(into: &session.engine)
    return ShellHarness(session: session)
  }

  private func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("docksim-disk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func saveStreamsToDiskAndLoadMapsItBack() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var first = harness()
    first.run("docker run --name box docksim/test sh -c 'echo from the disk > /root/note'")
    #expect(first.run("docker commit box snap:1").status == 0)
    #expect(first.run("docker save -o \(directory)/snap.tar snap:1") == out(""))
    #expect(!FileManager.default.fileExists(atPath: "\(directory)/snap.tar.docksim-tmp"))
    let original = try #require(first.session.engine.images.imageFor(Reference.parse("snap:1", version: .v28)))
    let saved = try #require(FileManager.default.contents(atPath: "\(directory)/snap.tar"))
    let tag = try Reference.parse("snap:1", version: .v28)
    #expect([UInt8](saved) == ImageArchive.save([.init(image: original, tags: [tag])]))

    var second = harness()
    #expect(second.run("docker load -i \(directory)/snap.tar") == out("Loaded image: snap:1\n"))
    let loaded = try #require(second.session.engine.images.imageFor(Reference.parse("snap:1", version: .v28)))
    #expect(loaded.id == original.id)
    #expect(loaded == original)
    #expect(second.run("docker run --rm snap:1 cat /root/note") == out("from the disk\n"))
    // Saving over the very file the image was loaded from replaces it by rename; the
    // mapping keeps the old bytes, and the new file is identical.
    #expect(second.run("docker save -o \(directory)/snap.tar snap:1") == out(""))
    #expect(FileManager.default.contents(atPath: "\(directory)/snap.tar") == saved)
    #expect(second.run("docker run --rm snap:1 cat /root/note") == out("from the disk\n"))
  }

  @Test func exportStreamsTheTreeAndImportMapsIt() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var h = harness()
    h.run("docker run --name box docksim/test sh -c 'echo exported > /root/note'")
    #expect(h.run("docker export -o \(directory)/box.tar box") == out(""))
    let container = try #require(h.session.engine.containers.named("box"))
    let bytes = try #require(FileManager.default.contents(atPath: "\(directory)/box.tar"))
    #expect([UInt8](bytes) == ImageArchive.export(container.filesystem))
    #expect(h.run("docker import \(directory)/box.tar flat:1").status == 0)
    #expect(h.run("docker run --rm flat:1 cat /root/note") == out("exported\n"))
  }

  @Test func directoriesAndMissingFilesAreGoErrors() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var h = harness()
    let folder = h.run("docker load -i \(directory)")
    #expect(folder.status == 1 && folder.stderr == "read \(directory): is a directory\n")
    #expect(h.run("docker load -i \(directory)/nope.tar") == out("", "open \(directory)/nope.tar: no such file or directory\n", 1))
    _ = FileManager.default.createFile(atPath: "\(directory)/empty.tar", contents: Data())
    let empty = h.run("docker load -i \(directory)/empty.tar")
    #expect(empty.status == 1)
  }
}
