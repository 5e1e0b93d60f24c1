/// One message of the daemon's pull stream (`POST /images/create`), as the CLI's
/// jsonmessage renderer receives it.
public struct PullMessage: Hashable, Sendable {
  /// The layer's 12-hex blob ID, or the tag on the `Pulling from` line; nil for
  /// `Digest:` and `Status:`.
  public var id: String?
  public var status: String
  /// The message carries `"progressDetail"` (every per-layer message does).
  public var hasProgress: Bool
  /// Byte counters of `Downloading` and `Extracting` updates (0 when none).
  public var current: Int64
  public var total: Int64
  /// Animation time before this message, in milliseconds (terminal only).
  public var delay: Int

  public init(id: String?, status: String, hasProgress: Bool = false, current: Int64 = 0, total: Int64 = 0, delay: Int = 0) {
    self.id = id
    self.status = status
    self.hasProgress = hasProgress
    self.current = current
    self.total = total
    self.delay = delay
  }

  /// True for updates a non-terminal never shows (byte counters).
  public var isCounter: Bool { current > 0 || total > 0 }
}

/// What a successful pull did.
public struct PullResult: Sendable {
  public var messages: [PullMessage]
  /// The image the reference now names (for `-a`, the last tag's).
  public var image: Image
  /// The reference as pulled, tag filled in (`docker.io/library/ubuntu:latest`).
  public var reference: Reference
}

/// Why a pull failed: the text after `Error response from daemon: `.
public enum PullError: Error, Hashable, Sendable {
  case accessDenied(String)
  case manifestUnknown(String)
  case unreachable(String)
  case tagWithAllTags

  public var message: String {
    switch self {
    case .accessDenied(let name):
      "pull access denied for \(name), repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
    case .manifestUnknown(let reference): "manifest for \(reference) not found: manifest unknown: manifest unknown"
    case .unreachable(let host): RegistryHost.unreachableMessage(host)
    case .tagWithAllTags: "tag can't be used with --all-tags/-a"
    }
  }

  /// The stderr line of `docker pull` (the daemon prefix, except for the CLI's own check).
  public var line: String {
    self == .tagWithAllTags ? message : "Error response from daemon: " + message
  }
}

extension Engine {
  /// Pulls `reference` (`:latest` implied) from the mock Hub into the image store,
  /// advancing the clock by the simulated transfer time (see `PullSimulation`).
  public mutating func pull(_ reference: Reference) -> Result<PullResult, PullError> {
    let reference = reference.withDefaultTag
    guard reference.isOnHub else { return .failure(.unreachable(reference.domain)) }
    guard let repository = hub.repository(for: reference) else {
      return .failure(.accessDenied(reference.familiarName))
    }
    guard let (manifest, image) = repository.pullTarget(for: reference) else {
      return .failure(.manifestUnknown(reference.familiar))
    }
    var messages: [PullMessage] = []
    let wasCurrent = fetch(image, manifest: manifest, reference: reference, into: &messages)
    let verb = wasCurrent ? "Image is up to date for" : "Downloaded newer image for"
    messages.append(PullMessage(id: nil, status: "Status: \(verb) \(reference.familiar)"))
    return .success(PullResult(messages: messages, image: image, reference: reference))
  }

  /// `docker pull -a`: every tag of the repository, in tag order.
  public mutating func pullAllTags(_ reference: Reference) -> Result<PullResult, PullError> {
    guard reference.tag == nil, reference.digest == nil else { return .failure(.tagWithAllTags) }
    guard reference.isOnHub else { return .failure(.unreachable(reference.domain)) }
    guard let repository = hub.repository(for: reference) else {
      return .failure(.accessDenied(reference.familiarName))
    }
    var messages: [PullMessage] = []
    var allCurrent = true
    var last: Image?
    for tag in repository.tagOrder.sorted() {
      guard let (manifest, image) = repository.pullTarget(for: reference.tagged(tag)) else { continue }
      allCurrent = fetch(image, manifest: manifest, reference: reference.tagged(tag), into: &messages) && allCurrent
      last = image
    }
    let verb = allCurrent ? "Image is up to date for" : "Downloaded newer image for"
    messages.append(PullMessage(id: nil, status: "Status: \(verb) \(reference.familiarName)"))
    return .success(PullResult(messages: messages, image: last!, reference: reference.repository))
  }

  /// Streams one tag's layers, stores the image and its references; true when the
  /// reference already named this image (nothing new).
  private mutating func fetch(
    _ image: Image, manifest: HubManifest, reference: Reference, into messages: inout [PullMessage]
  ) -> Bool {
    let streamID = reference.digest ?? reference.tag ?? Reference.defaultTag
    messages.append(PullMessage(id: streamID, status: "Pulling from \(reference.path)"))
    let previous = images.imageFor(reference)
    if images.image(image.id) == nil {
      var simulation = PullSimulation(image: image, localChains: images.layerChainIDs)
      messages += simulation.run()
      clock.advance(by: .milliseconds(Int64(simulation.elapsedMilliseconds)))
      images.add(image)
    }
    messages.append(PullMessage(id: nil, status: "Digest: \(manifest.digest)"))
    if reference.digest == nil { images.setTag(reference, to: image.id) }
    images.setDigest(reference.digested(manifest.digest.description), to: image.id)
    return previous?.id == image.id
  }
}

/// The per-layer part of a pull, simulated in 100 ms ticks: three downloads at a
/// time at 3 MB of compressed data per tick each, then extraction base to top at
/// 30 MB of content per tick. The same ticks pace the terminal animation and move
/// the simulated clock, so a pull of ubuntu takes about a second, fedora about three.
struct PullSimulation {
  static let tickMilliseconds = 100
  static let downloadPerTick: Int64 = 3_000_000
  static let extractPerTick: Int64 = 30_000_000
  static let concurrentDownloads = 3

  let layers: [Layer]
  /// Index of the first layer not already present.
  let firstMissing: Int
  var messages: [PullMessage] = []
  var elapsedMilliseconds = 0
  private var pendingDelay = 0

  init(image: Image, localChains: Set<Digest>) {
    layers = image.layers
    let chains = image.chainIDs
    var index = 0
    while index < chains.count, localChains.contains(chains[index]) { index += 1 }
    firstMissing = index
  }

  mutating func run() -> [PullMessage] {
    for layer in layers[..<firstMissing] { emit(layer, "Already exists") }
    let missing = Array(firstMissing..<layers.count)
    for index in missing { emit(layers[index], "Pulling fs layer") }
    for index in missing.dropFirst(Self.concurrentDownloads) { emit(layers[index], "Waiting") }
    var downloaded = [Int64](repeating: 0, count: layers.count)
    var done = Set<Int>()
    var queue = missing
    var active: [Int] = []
    var extracting = missing.first
    var extracted: Int64 = 0
    while extracting != nil {
      while active.count < Self.concurrentDownloads, !queue.isEmpty { active.append(queue.removeFirst()) }
      tick()
      // Within one tick the layer with the least left finishes first.
      let byRemaining = active.sorted {
        (layers[$0].compressedSize - downloaded[$0], $0) < (layers[$1].compressedSize - downloaded[$1], $1)
      }
      for index in byRemaining {
        let total = layers[index].compressedSize
        downloaded[index] = min(total, downloaded[index] + Self.downloadPerTick)
        if downloaded[index] < total {
          emit(layers[index], "Downloading", current: downloaded[index], total: total)
        } else {
          emit(layers[index], "Verifying Checksum")
          emit(layers[index], "Download complete")
          done.insert(index)
        }
      }
      active.removeAll { done.contains($0) }
      if let index = extracting, done.contains(index) {
        let total = Int64(layers[index].size)
        extracted = min(total, extracted + Self.extractPerTick)
        if extracted < total, total > 0 {
          emit(layers[index], "Extracting", current: extracted, total: total)
        } else {
          if total > 0 { emit(layers[index], "Extracting", current: total, total: total) }
          emit(layers[index], "Pull complete")
          extracted = 0
          extracting = index + 1 < layers.count ? index + 1 : nil
        }
      }
    }
    return messages
  }

  private mutating func tick() {
    elapsedMilliseconds += Self.tickMilliseconds
    pendingDelay += Self.tickMilliseconds
  }

  private mutating func emit(_ layer: Layer, _ status: String, current: Int64 = 0, total: Int64 = 0) {
    messages.append(
      PullMessage(
        id: String(layer.blobDigest.hex.prefix(12)), status: status, hasProgress: true, current: current,
        total: total, delay: pendingDelay))
    pendingDelay = 0
  }
}
