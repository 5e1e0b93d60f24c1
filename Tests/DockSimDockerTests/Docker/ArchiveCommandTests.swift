import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// A session whose image store holds the built-in `docksim/test` image.
private func harness(_ version: DockerVersion = .v20_10) -> ShellHarness {
  var session = Session(settings: Settings(dockerVersion: version))
  TestImage.install(into: &session.engine)
  return ShellHarness(session: session)
}

@Suite struct ArchiveCommandTests {
  @Test func saveThenLoadInAnotherSessionGivesTheSameImage() throws {
    var first = harness()
    #expect(first.run("docker save -o test.tar docksim/test") == out(""))
    let original = try #require(first.session.engine.images.imageFor(Reference.parse("docksim/test", version: .v20_10)))
    var second = harness()
    second.session.hostFiles = first.session.hostFiles
    _ = second.session.engine.images.deleteImage(original.id)
    #expect(second.run("docker load -i test.tar") == out("Loaded image: docksim/test:latest\n"))
    let loaded = try #require(second.session.engine.images.imageFor(Reference.parse("docksim/test", version: .v20_10)))
    #expect(loaded.id == original.id)
  }

  @Test func saveAndLoadThroughAPipe() {
    var h = harness()
    #expect(h.run("docker save docksim/test | docker load") == out("Loaded image: docksim/test:latest\n"))
  }

  @Test func aTerminalIsNeverSentAnArchive() {
    var h = harness()
    #expect(
      h.run("docker save docksim/test", traits: .terminal)
        == out("", "cowardly refusing to save to a terminal. Use the -o flag or redirect\n", 1))
    #expect(h.run("docker load", traits: .terminal) == out("", "requested load from stdin, but stdin is empty\n", 1))
  }

  @Test func missingImagesAndFilesAreReportedPerVersion() {
    var old = harness(.v20_10)
    #expect(old.run("docker save -o x.tar nosuch") == out("", "Error response from daemon: reference does not exist\n", 1))
    var new = harness(.v28)
    #expect(new.run("docker save -o x.tar nosuch") == out("", "Error response from daemon: No such image: nosuch:latest\n", 1))
    #expect(new.run("docker load -i nope.tar") == out("", "open nope.tar: no such file or directory\n", 1))
  }

  @Test func exportThenImportMakesAOneLayerImageOfTheContainer() throws {
    var h = harness()
    h.run("docker run --name box docksim/test sh -c 'echo hello > /root/note'")
    #expect(h.run("docker export -o box.tar box") == out(""))
    let imported = h.run("docker import box.tar snapshot:1")
    #expect(imported.status == 0 && imported.stdout.hasPrefix("sha256:") && imported.stdout.count == 72)
    #expect(h.run("docker run snapshot:1 cat /root/note") == out("hello\n"))
    let image = try #require(h.session.engine.images.imageFor(Reference.parse("snapshot:1", version: .v20_10)))
    #expect(image.layers.count == 1)
    #expect(image.history.map(\.comment) == ["Imported from -"])
  }

  @Test func loadingAnArchiveThatIsNotOneChangesNothing() {
    var h = harness()
    h.session.hostFiles = {
      var files = InMemoryHostFiles()
      files.files["junk.tar"] = Array(repeating: 7, count: 1000)
      return files
    }()
    let before = h.session.engine.images.images.count
    let result = h.run("docker load -i junk.tar")
    #expect(result.status == 1 && result.stderr.hasPrefix("Error response from daemon: "))
    #expect(h.session.engine.images.images.count == before)
  }
}

/// `docker save` writes what each emulated version writes: 20.10 the legacy
/// docker-archive only, 28 the docker-archive and the OCI layout; both load back.
@Suite struct SaveFormatPerVersionTests {
  private func names(_ bytes: [UInt8]) throws -> [String] {
    try TarReader(bytes: bytes).members().map(\.header.name)
  }

  @Test(arguments: [DockerVersion.v20_10, .v28]) func saveWritesTheVersionsLayout(_ version: DockerVersion) throws {
    var h = harness(version)
    #expect(h.run("docker save -o test.tar docksim/test") == out(""))
    guard let files = h.session.hostFiles as? InMemoryHostFiles, let bytes = files.files["test.tar"] else {
      Issue.record("no archive written")
      return
    }
    let members = try names(bytes)
    switch version {
    case .v20_10:
      #expect(!members.contains("index.json") && !members.contains("oci-layout"))
      #expect(members.contains { $0.hasSuffix("/layer.tar") } && members.contains { $0.hasSuffix("/VERSION") })
    case .v28:
      #expect(members.contains("index.json") && members.contains("oci-layout") && members.contains("blobs/sha256/"))
    }
    let original = try #require(h.session.engine.images.imageFor(Reference.parse("docksim/test", version: version)))
    var fresh = harness(version)
    fresh.session.hostFiles = h.session.hostFiles
    _ = fresh.session.engine.images.deleteImage(original.id)
    #expect(fresh.run("docker load -i test.tar") == out("Loaded image: docksim/test:latest\n"))
    #expect(fresh.session.engine.images.imageFor(try Reference.parse("docksim/test", version: version))?.id == original.id)
  }
}
