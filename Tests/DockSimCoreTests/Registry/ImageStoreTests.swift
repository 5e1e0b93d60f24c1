import DockSimTestSupport
import Testing

@testable import DockSimCore

@Suite struct ImageStoreTests {
  @Test func equalContentGivesOneID() throws {
    let hub = HubFixtures.hub()
    let one = hub.image(for: try Reference.parse("base:1.0", version: .v20_10))
    let latest = hub.image(for: try Reference.parse("base", version: .v20_10).withDefaultTag)
    #expect(one != nil)
    #expect(one?.id == latest?.id)
    #expect(one?.size == 5_000_000)
  }

  @Test func pullStoresTagsAndSharesLayers() throws {
    var engine = HubFixtures.engine()
    let result = try engine.pull(try Reference.parse("user/app", version: .v20_10)).get()
    #expect(result.messages.first?.status == "Pulling from user/app")
    #expect(engine.images.images.count == 1)
    let base = try engine.pull(try Reference.parse("base:1.0", version: .v20_10)).get()
    // The base's layer is already there.
    #expect(base.messages.filter { $0.hasProgress }.map(\.status) == ["Already exists"])
    #expect(base.messages.last?.status == "Status: Downloaded newer image for base:1.0")
    let again = try engine.pull(try Reference.parse("base:1.0", version: .v20_10)).get()
    #expect(again.messages.last?.status == "Status: Image is up to date for base:1.0")
  }

  @Test func pullErrors() throws {
    var engine = HubFixtures.engine()
    let missing = engine.pull(try Reference.parse("nosuch", version: .v20_10))
    #expect(
      missing.failureLine
        == "Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
    )
    let noTag = engine.pull(try Reference.parse("base:9", version: .v20_10))
    #expect(noTag.failureLine == "Error response from daemon: manifest for base:9 not found: manifest unknown: manifest unknown")
  }

  @Test func nonTerminalPullLines() throws {
    var engine = HubFixtures.engine()
    let result = try engine.pull(try Reference.parse("user/app", version: .v20_10)).get()
    var console = Console()
    var renderer = PullRenderer(terminal: false, width: 80, stream: .stdout)
    renderer.render(result.messages, to: &console)
    let ids = result.image.layers.map { String($0.blobDigest.hex.prefix(12)) }
    let digest = engine.hub.repository(for: result.reference)!.tags["latest"]!.digest
    #expect(
      console.stdoutText == """
        latest: Pulling from user/app
        \(ids[0]): Pulling fs layer
        \(ids[1]): Pulling fs layer
        \(ids[1]): Verifying Checksum
        \(ids[1]): Download complete
        \(ids[0]): Verifying Checksum
        \(ids[0]): Download complete
        \(ids[0]): Pull complete
        \(ids[1]): Pull complete
        Digest: \(digest)
        Status: Downloaded newer image for user/app:latest

        """)
  }

  @Test func rmiUntagsThenDeletesFreeingOnlyUnsharedLayers() throws {
    var engine = HubFixtures.engine()
    let app = try engine.pull(try Reference.parse("user/app", version: .v20_10)).get().image
    let base = try engine.pull(try Reference.parse("base", version: .v20_10)).get().image
    let records = try engine.removeImage("user/app", force: false, users: []).get()
    let digest = engine.hub.repository(for: try Reference.parse("user/app", version: .v20_10))!.tags["latest"]!.digest
    #expect(
      records.map(\.line) == [
        "Untagged: user/app:latest", "Untagged: user/app@\(digest)", "Deleted: \(app.id)",
        "Deleted: \(app.chainIDs[1])",
      ])
    #expect(engine.images.layerChainIDs == Set(base.chainIDs))
  }

  @Test func rmiConflicts() throws {
    var engine = HubFixtures.engine()
    let base = try engine.pull(try Reference.parse("base:1.0", version: .v20_10)).get().image
    _ = try engine.pull(try Reference.parse("base:latest", version: .v20_10)).get()
    let byID = engine.removeImage(base.id.short, force: false, users: [])
    #expect(
      byID.failureMessage
        == "conflict: unable to delete \(base.id.short) (must be forced) - image is referenced in multiple repositories")
    let cid = String(repeating: "c", count: 64)
    let user = ImageUser(containerID: cid, imageID: base.id, running: false, layerChainIDs: base.chainIDs)
    _ = try engine.removeImage("base:latest", force: false, users: [user]).get()
    let byName = engine.removeImage("base:1.0", force: false, users: [user])
    #expect(
      byName.failureMessage
        == "conflict: unable to remove repository reference \"base:1.0\" (must force) - container cccccccccccc is using its referenced image \(base.id.short)"
    )
    let missing = engine.removeImage("nosuch", force: false, users: [])
    #expect(missing.failureLine(.v20_10, "nosuch") == "Error: No such image: nosuch")
    #expect(missing.failureLine(.v28, "nosuch") == "Error response from daemon: No such image: nosuch:latest")
  }
}

extension Result where Failure == PullError {
  var failureLine: String? {
    if case .failure(let error) = self { return error.line }
    return nil
  }
}

extension Result where Failure == ImageDeleteError {
  var failureMessage: String? {
    if case .failure(let error) = self { return error.message }
    return nil
  }
  func failureLine(_ version: DockerVersion, _ typed: String) -> String? {
    if case .failure(let error) = self { return error.line(for: version, typed: typed) }
    return nil
  }
}
