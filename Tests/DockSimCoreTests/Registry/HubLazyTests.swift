import DockSimTestSupport
import Synchronization
import Testing

@testable import DockSimCore

/// Nothing of a Hub image is built before a pull asks for it, and a lazy Hub reads
/// its catalogs only on first use (issue #7: start-up does not grow with the catalog).
@Suite struct HubLazyTests {
  func reference(_ text: String) throws -> Reference { try Reference.parse(text, version: .v20_10) }

  @Test func imagesAreBuiltOnlyWhenPulledAndThenShared() throws {
    var engine = HubFixtures.engine()
    #expect(engine.hub.builtImageIDs.isEmpty)
    #expect(engine.hub.allRepositories.count == 2)  // search and completion build nothing
    #expect(engine.hub.builtImageIDs.isEmpty)
    let copy = engine.hub
    _ = try engine.pull(reference("base:1.0")).get()
    let base = try #require(engine.images.imageFor(try reference("base:1.0")))
    #expect(engine.hub.builtImageIDs == [base.id])
    #expect(copy.builtImageIDs == [base.id])  // copies share what was built
    _ = try engine.pull(reference("user/app")).get()
    #expect(engine.hub.builtImageIDs.count == 2)
  }

  @Test func lazyHubReadsItsFilesOnFirstUse() throws {
    let reads = Counter()
    let hub = Hub.lazy(files: [
      HubSource(name: "fixture.yaml") {
        reads.increment()
        return HubFixtures.yaml
      }
    ])
    #expect(reads.value == 0)
    #expect(hub.problemIfLoaded == nil)
    #expect(reads.value == 0)
    #expect(hub.repository(for: try reference("user/app")) != nil)
    #expect(hub.image(for: try reference("base")) != nil)
    #expect(reads.value == 1)
    #expect(hub.loadProblem == nil)
  }

  @Test func badFileIsReportedOnFirstUseAndEarlierFilesStillServe() throws {
    let hub = Hub.lazy(files: [
      HubSource(name: "fixture.yaml") { HubFixtures.yaml },
      HubSource(name: "extra.yaml") { "version: 1\nrepositories:\n  - name: x/y\n    stars: many\n" },
    ])
    #expect(hub.problemIfLoaded == nil)
    #expect(hub.repository(for: try reference("base")) != nil)
    #expect(hub.problemIfLoaded?.description == "extra.yaml:4: repositories[0].stars: expected an integer")
  }

  @Test func fromMustNameAnEarlierImageWithoutBuildingIt() {
    let yaml = """
      version: 1
      repositories:
        - name: user/app
          images:
            - tags: [latest]
              from: base:1.0
              created: 2020-01-12T00:00:00Z
              steps:
                - CMD: [app]
      """
    #expect(throws: HubCatalogError.self) { try Hub.load(files: [(name: "bad.yaml", text: yaml)]) }
  }
}

/// Counts calls from a `@Sendable` closure.
final class Counter: Sendable {
  private let count = Mutex(0)
  var value: Int { count.withLock { $0 } }
  func increment() { count.withLock { $0 += 1 } }
}
