import DockSimTestSupport
import Testing

@testable import DockSimCore

/// Property: after any sequence of pulls, tags, untags and rmi, the layers the store
/// keeps are exactly the layers its images use, and an rmi's `Deleted:` layers are
/// exactly the ones no remaining image uses.
@Suite struct LayerLifetimeTests {
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func layersLiveExactlyAsLongAsSomethingUsesThem(seed: UInt64) throws {
    var engine = HubFixtures.engine()
    var random = SplitMix64(seed: seed)
    let names = ["base:1.0", "base:latest", "user/app", "extra:a", "extra:b", "user/app:latest"]
    for _ in 0..<60 {
      let name = names[Int(random.next() % UInt64(names.count))]
      switch random.next() % 4 {
      case 0:
        if name.hasPrefix("extra") { continue }
        _ = engine.pull(try Reference.parse(name, version: .v20_10))
      case 1:
        guard let source = engine.images.images.values.first else { continue }
        engine.images.setTag(try Reference.parse(name, version: .v20_10), to: source.id)
      case 2:
        let before = engine.images.layerChainIDs
        if case .success(let records) = engine.removeImage(name, force: random.next() % 2 == 0, users: []) {
          let deletedLayers = Set(records.compactMap { record -> Digest? in
            if case .deleted(let digest) = record, engine.images.image(digest) == nil, before.contains(digest) { return digest }
            return nil
          })
          #expect(deletedLayers == before.subtracting(engine.images.layerChainIDs))
        }
      default:
        _ = engine.images.removeReference(try Reference.parse(name, version: .v20_10))
      }
      let used = Set(engine.images.images.values.flatMap(\.chainIDs))
      #expect(engine.images.layerChainIDs == used)
    }
  }
}
