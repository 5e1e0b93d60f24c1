import DockSimCore
import DockSimShell

/// What `docker system df` counts, as the daemon's disk-usage call reports it:
/// every image with its shared size and container count, every container's writable layer.
struct DiskUsage {
  struct ImageUsage {
    var image: Image
    var sharedSize: Int64
    var containers: Int
    /// The first tag as the daemon sorts them (`docker system df -v` shows only that one).
    var firstTag: Reference?
  }

  var images: [ImageUsage]
  var containers: [Container]
  /// The size of all unique layers.
  var layersSize: Int64

  init(engine: Engine) {
    let all = engine.images.newestFirst
    var users: [Digest: Int] = [:]
    for container in engine.containers.all { users[container.imageID, default: 0] += 1 }
    var layerCount: [Digest: Int] = [:]
    var layerSize: [Digest: Int64] = [:]
    for image in all {
      for (chainID, layer) in zip(image.chainIDs, image.layers) {
        layerCount[chainID, default: 0] += 1
        layerSize[chainID] = Int64(layer.size)
      }
    }
    images = all.map { image in
      let shared = zip(image.chainIDs, image.layers).reduce(Int64(0)) { sum, pair in
        (layerCount[pair.0] ?? 0) > 1 ? sum + Int64(pair.1.size) : sum
      }
      let tag = engine.images.tagReferences(to: image.id).min { $0.description < $1.description }
      return ImageUsage(image: image, sharedSize: shared, containers: users[image.id] ?? 0, firstTag: tag)
    }
    containers = engine.containers.all
    layersSize = layerSize.values.reduce(0, +)
  }

  /// docker/cli's rule: the unique part of every image in use is not reclaimable.
  var reclaimableImageSize: Int64 {
    let used = images.filter { $0.containers > 0 }.reduce(Int64(0)) { $0 + $1.image.size - $1.sharedSize }
    return layersSize - used
  }

  var activeContainers: [Container] { containers.filter(\.state.running) }

  var containersSize: Int64 { containers.reduce(0) { $0 + $1.writableSize } }

  var reclaimableContainerSize: Int64 {
    containers.filter { !$0.state.running }.reduce(0) { $0 + $1.writableSize }
  }

  /// `<size> (<pct>%)` with the floored percentage when the total is positive.
  static func reclaimable(_ size: Int64, of total: Int64) -> String {
    let text = GoUnits.humanSize(size)
    return total > 0 ? "\(text) (\(size * 100 / total)%)" : text
  }
}
