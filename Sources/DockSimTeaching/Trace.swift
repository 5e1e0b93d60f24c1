import DockSimCore
import DockSimShell

/// One thing to narrate after a command while `trace on`: a union filesystem event
/// in a container, or a step of the course text's boot sequence.
public enum TraceRecord: Sendable, Hashable {
  case filesystem(FSEvent, containerID: String)
  case boot(BootStep)
}

/// The boot sequence as the course text tells it (`docker run` with `trace on`).
public enum BootStep: Sendable, Hashable {
  case mountBootfs
  case mountRootfs(image: String)
  case unionMount(layerCount: Int)
  case writableLayer
  case unmountBootfs
  /// Said once per session: what Docker really does.
  case reality

  /// The steps of one container start, in order.
  public static func sequence(baseImage: String, layersAboveBase: Int) -> [BootStep] {
    // A base image alone is just rootfs: nothing to union-mount above it.
    let union: [BootStep] = layersAboveBase > 0 ? [.unionMount(layerCount: layersAboveBase)] : []
    return [.mountBootfs, .mountRootfs(image: baseImage)] + union + [.writableLayer, .unmountBootfs]
  }
}

/// `trace on`'s narrator: what an input did to containers' union filesystems, and the
/// course text's boot sequence for each container it started, one line each.
public struct TraceNarrator: Narrator {
  /// What the current input did, to tell after its output.
  var pending: [TraceRecord] = []
  /// The boot narration's note about real Docker was given (it is said once).
  var toldBootReality = false

  public init() {}

  public mutating func record(_ event: SessionEvent, in session: Session) {
    switch event {
    case .filesystem(let event, let id): pending.append(.filesystem(event, containerID: id))
    case .containerStarted(let id): narrateBoot(containerID: id, in: session)
    }
  }

  /// Adds the boot narration of container `id`'s start (`docker run`, `docker start`).
  mutating func narrateBoot(containerID id: String, in session: Session) {
    guard let subject = TeachingWorld.container(id, in: session) else { return }
    let baseLayers = subject.stack.filter { if case .baseImage = $0.owner { true } else { false } }.count
    narrateBoot(baseImage: subject.baseImage, layersAboveBase: subject.stack.count - baseLayers)
  }

  /// Adds the boot narration of a container start. The note about real Docker is
  /// added the first time only.
  mutating func narrateBoot(baseImage: String, layersAboveBase: Int) {
    let steps = BootStep.sequence(baseImage: baseImage, layersAboveBase: layersAboveBase)
    pending += steps.map { .boot($0) }
    if !pending.contains(.boot(.reality)) && !toldBootReality {
      pending.append(.boot(.reality))
      toldBootReality = true
    }
  }

  public mutating func discard() { pending = [] }

  /// Writes the pending narration under the command's output and forgets it.
  public mutating func flush(in session: Session, console: inout Console) {
    defer { pending = [] }
    guard session.tracing, !pending.isEmpty else { return }
    let lines = TraceLines(language: session.settings.language) { id in
      TeachingWorld.traceContext(container: id, in: session)
    }.lines(pending)
    for line in lines {
      console.line(Colour.dim.paint(line, enabled: console.traits.color))
    }
  }
}

/// What the narrator needs to know about a container: its image's layers and their names.
struct TraceContext {
  var image: MergedView
  var labels: LayerLabels
}

/// Turns trace records into one line each, in the session's language.
struct TraceLines {
  var language: Language
  /// The image and layer labels of a container, by container ID.
  var context: (String) -> TraceContext

  func lines(_ records: [TraceRecord]) -> [String] {
    var seen: Set<TraceRecord> = []
    var lines: [String] = []
    let prefix = "[" + Messages.text(.tracePrefix, language) + "] "
    for record in records where seen.insert(record).inserted {
      lines.append(prefix + line(record))
    }
    return lines
  }

  func line(_ record: TraceRecord) -> String {
    switch record {
    case .boot(let step): return line(step)
    case .filesystem(let event, let id): return line(event, context: context(id))
    }
  }

  func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
    Messages.text(key, language, arguments)
  }

  func line(_ event: FSEvent, context: TraceContext) -> String {
    let labels = context.labels
    switch event {
    case .lookup(let path, let place):
      return text(.traceLookup, ["path": path, "place": labels.place(place, language)])
    case .copyUp(let path, let layer):
      return text(
        .traceCopyUp,
        ["path": path, "place": labels.place(.image(layer), language), "number": "\(labels.number(layer))"])
    case .whiteout(let path):
      // The image view still has the version the whiteout hides.
      let layer = context.image.whence(path)?.layer ?? 0
      return text(.traceWhiteout, ["path": path, "place": labels.place(.image(layer), language)])
    case .opaqueDirectory(let path):
      return text(.traceOpaque, ["path": path])
    case .removedFromUpper(let path):
      return text(.traceRemoved, ["path": path])
    }
  }

  func line(_ step: BootStep) -> String {
    switch step {
    case .mountBootfs: text(.bootMountBootfs)
    case .mountRootfs(let image): text(.bootMountRootfs, ["image": image])
    case .unionMount(let count): text(.bootUnionMount, ["count": "\(count)"])
    case .writableLayer: text(.bootWritableLayer)
    case .unmountBootfs: text(.bootUnmountBootfs)
    case .reality: text(.bootReality)
    }
  }
}
