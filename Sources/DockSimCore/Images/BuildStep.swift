/// One Dockerfile instruction after parsing, as the classic builder records it.
///
/// The Hub catalog describes its images with these, and `docker build` produces
/// them, so a pulled image and a built one have the same kind of history:
/// `/bin/sh -c #(nop)  CMD ["bash"]` for metadata, `/bin/sh -c apt-get …` for RUN.
public enum BuildStep: Hashable, Sendable {
  /// ADD or COPY of files into `destination`; `source` says how the history names
  /// them (`file:<hex>` for one file or a tarball, `dir:<hex>` for a directory).
  case add(instruction: String, sourceKind: String, destination: String)
  /// RUN in shell form.
  case run(String)
  case env([(String, String)])
  case cmd([String])
  case entrypoint([String])
  case workdir(String)
  case label([(String, String)])
  case expose([String])
  case volume([String])
  case stopSignal(String)
  case user(String)

  /// True when the step makes a filesystem layer (ADD, COPY, RUN).
  public var makesLayer: Bool {
    switch self {
    case .add, .run: true
    default: false
    }
  }

  /// The CREATED BY text of `docker history`. `contentDigest` names the copied
  /// content for ADD/COPY.
  public func createdBy(contentDigest: Digest?) -> String {
    switch self {
    case .add(let instruction, let kind, let destination):
      let hex = contentDigest?.hex ?? Digest.sha256("").hex
      return "/bin/sh -c #(nop) \(instruction) \(kind):\(hex) in \(destination) "
    case .run(let command): return "/bin/sh -c " + command
    case .env(let pairs): return nop("ENV " + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    case .cmd(let words): return nop("CMD " + jsonish(words))
    case .entrypoint(let words): return nop("ENTRYPOINT " + jsonish(words))
    case .workdir(let dir): return "/bin/sh -c #(nop) WORKDIR \(dir)"
    case .label(let pairs): return nop("LABEL " + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    case .expose(let ports): return nop("EXPOSE " + ports.joined(separator: " "))
    case .volume(let paths): return nop("VOLUME " + "[" + paths.joined(separator: " ") + "]")
    case .stopSignal(let signal): return nop("STOPSIGNAL " + signal)
    case .user(let user): return nop("USER " + user)
    }
  }

  /// Applies the step's effect on the runtime config (ENV, CMD, ...).
  public func apply(to config: inout ImageConfig) {
    switch self {
    case .add, .run: break
    case .env(let pairs): for (name, value) in pairs { config.setEnv(name, value) }
    case .cmd(let words): config.cmd = words
    case .entrypoint(let words):
      config.entrypoint = words
      config.cmd = nil  // Docker resets CMD when ENTRYPOINT is set after it.
    case .workdir(let dir): config.workingDir = Self.resolve(dir, against: config.workingDir)
    case .label(let pairs): for (key, value) in pairs { config.labels[key] = value }
    case .expose(let ports):
      for port in ports {
        let full = port.contains("/") ? port : port + "/tcp"
        if !config.exposedPorts.contains(full) { config.exposedPorts.append(full) }
      }
    case .volume(let paths): for path in paths where !config.volumes.contains(path) { config.volumes.append(path) }
    case .stopSignal(let signal): config.stopSignal = signal
    case .user(let user): config.user = user
    }
  }

  /// WORKDIR relative to the previous one.
  static func resolve(_ dir: String, against current: String) -> String {
    if dir.hasPrefix("/") { return dir }
    let base = current.isEmpty ? "/" : current
    return base.hasSuffix("/") ? base + dir : base + "/" + dir
  }

  private func nop(_ text: String) -> String { "/bin/sh -c #(nop)  " + text }

  /// The classic builder prints exec-form lists as `["nginx" "-g" "daemon off;"]`.
  private func jsonish(_ words: [String]) -> String {
    "[" + words.map { GoQuote.quote($0) }.joined(separator: " ") + "]"
  }

  public static func == (a: BuildStep, b: BuildStep) -> Bool { a.createdBy(contentDigest: nil) == b.createdBy(contentDigest: nil) }
  public func hash(into hasher: inout Hasher) { hasher.combine(createdBy(contentDigest: nil)) }
}

/// Builds an image one step at a time on top of a base: the shared engine of the
/// Hub catalog and `docker build`.
public struct ImageAssembler: Sendable {
  public private(set) var layers: [Layer]
  public private(set) var history: [HistoryEntry]
  public private(set) var config: ImageConfig

  /// Starts from `base` (nil: FROM scratch).
  public init(base: Image?) {
    layers = base?.layers ?? []
    history = base?.history ?? []
    config = base?.config ?? ImageConfig()
  }

  /// Records one step; `layer` is the changeset of ADD/COPY/RUN (nil for metadata).
  public mutating func append(_ step: BuildStep, layer: Layer?, at time: Timestamp) {
    let contentDigest = layer.map { Digest.sha256("content \($0.diffID)") }
    step.apply(to: &config)
    if let layer { layers.append(layer) }
    history.append(HistoryEntry(created: time, createdBy: step.createdBy(contentDigest: contentDigest), emptyLayer: layer == nil))
  }

  public func image(created: Timestamp, parent: Digest? = nil, container: String = "") -> Image {
    Image(layers: layers, config: config, history: history, created: created, parent: parent, container: container)
  }
}
