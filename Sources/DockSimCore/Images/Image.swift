/// A read-only image: its layers (base first), its runtime configuration and its
/// build history. The ID is the SHA-256 of a canonical serialization of all of it
/// (see `Image.canonicalConfig`), so equal content gives one ID and any change a new one.
public struct Image: Hashable, Sendable, Identifiable {
  /// `sha256:<hex>` of `canonicalConfig`.
  public let id: Digest
  /// Base layer first, as RootFS.Layers lists them.
  public let layers: [Layer]
  public let config: ImageConfig
  /// Oldest first, one entry per Dockerfile step, including steps without a layer.
  public let history: [HistoryEntry]
  /// The build time (what `docker images` CREATED counts from).
  public let created: Timestamp
  /// The local parent image (classic build and commit); nil for pulled images.
  public let parent: Digest?
  public let author: String
  public let comment: String
  /// The container a commit or build step ran in (inspect's `Container`).
  public let container: String
  public let architecture: String
  public let os: String
  /// The Docker release that built it (inspect's DockerVersion).
  public let dockerVersion: String

  public init(
    layers: [Layer], config: ImageConfig, history: [HistoryEntry], created: Timestamp,
    parent: Digest? = nil, author: String = "", comment: String = "", container: String = "",
    architecture: String = "amd64", os: String = "linux", dockerVersion: String = "18.09.7"
  ) {
    self.layers = layers
    self.config = config
    self.history = history
    self.created = created
    self.parent = parent
    self.author = author
    self.comment = comment
    self.container = container
    self.architecture = architecture
    self.os = os
    self.dockerVersion = dockerVersion
    self.id = Digest.sha256(
      Image.canonicalConfig(
        layers: layers, config: config, history: history, created: created, parent: parent,
        author: author, comment: comment, container: container, architecture: architecture, os: os,
        dockerVersion: dockerVersion))
  }

  /// The layers' diff IDs, base first (inspect's RootFS.Layers).
  public var diffIDs: [Digest] { layers.map(\.diffID) }

  /// Chain IDs, base first: how the daemon's layer store names a layer in its stack.
  /// chain(0) = diffID(0); chain(n) = sha256("chain(n-1) diffID(n)").
  public var chainIDs: [Digest] { Layer.chainIDs(of: diffIDs) }

  /// Sum of the layers' uncompressed sizes: inspect `.Size`, `docker images` SIZE.
  public var size: Int64 { layers.reduce(0) { $0 + Int64($1.size) } }

  /// The text whose SHA-256 is the image ID. Stands for Docker's config JSON: the same
  /// facts, one per line, in a fixed order.
  static func canonicalConfig(
    layers: [Layer], config: ImageConfig, history: [HistoryEntry], created: Timestamp, parent: Digest?,
    author: String, comment: String, container: String, architecture: String, os: String, dockerVersion: String
  ) -> String {
    var lines = [
      "docker_version \(dockerVersion)",
      "architecture \(architecture)", "os \(os)", "created \(created)", "author \(quoted(author))",
      "comment \(quoted(comment))", "container \(container)", "parent \(parent?.description ?? "")",
    ]
    lines += config.canonicalLines
    lines += layers.map { "diff_id \($0.diffID)" }
    lines += history.map(\.canonicalLine)
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Layer {
  /// Digest of the compressed blob a registry serves. docksim does not gzip: the blob
  /// digest is derived from the diff ID so that it differs from it, as in Docker.
  public var blobDigest: Digest { Digest.sha256("blob \(diffID)\n") }

  /// A plausible compressed size (about 40% of the content), for pull progress.
  public var compressedSize: Int64 { max(32, Int64(size) * 2 / 5) }

  /// Chain IDs, base first: chain(0) = diffID(0); chain(n) = sha256("chain(n-1) diffID(n)").
  public static func chainIDs(of diffIDs: [Digest]) -> [Digest] {
    var result: [Digest] = []
    for diffID in diffIDs {
      if let last = result.last {
        result.append(Digest.sha256("\(last) \(diffID)"))
      } else {
        result.append(diffID)
      }
    }
    return result
  }
}

/// The runtime defaults an image gives its containers (the config's `Config`).
public struct ImageConfig: Hashable, Sendable {
  public var env: [String]
  public var cmd: [String]?
  public var entrypoint: [String]?
  public var workingDir: String
  public var user: String
  /// Sorted by key when serialized.
  public var labels: [String: String]
  /// `80/tcp`, sorted when serialized.
  public var exposedPorts: [String]
  public var volumes: [String]
  public var stopSignal: String?
  /// HEALTHCHECK; nil when no image in the chain set one.
  public var healthcheck: HealthConfig?
  /// ONBUILD triggers, as written after the keyword.
  public var onBuild: [String] = []

  public static let defaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

  public init(
    env: [String] = [ImageConfig.defaultPath], cmd: [String]? = nil, entrypoint: [String]? = nil,
    workingDir: String = "", user: String = "", labels: [String: String] = [:], exposedPorts: [String] = [],
    volumes: [String] = [], stopSignal: String? = nil
  ) {
    self.env = env
    self.cmd = cmd
    self.entrypoint = entrypoint
    self.workingDir = workingDir
    self.user = user
    self.labels = labels
    self.exposedPorts = exposedPorts
    self.volumes = volumes
    self.stopSignal = stopSignal
  }

  /// Sets `NAME=value` in `env`, replacing an earlier value of NAME (Dockerfile ENV).
  public mutating func setEnv(_ name: String, _ value: String) {
    let entry = "\(name)=\(value)"
    if let index = env.firstIndex(where: { $0.hasPrefix(name + "=") }) {
      env[index] = entry
    } else {
      env.append(entry)
    }
  }

  var canonicalLines: [String] {
    var lines = env.map { "env \(quoted($0))" }
    if let cmd { lines.append("cmd " + cmd.map(quoted).joined(separator: " ")) }
    if let entrypoint { lines.append("entrypoint " + entrypoint.map(quoted).joined(separator: " ")) }
    lines.append("workdir \(quoted(workingDir))")
    lines.append("user \(quoted(user))")
    lines += labels.keys.sorted().map { "label \(quoted($0)) \(quoted(labels[$0]!))" }
    lines += exposedPorts.sorted().map { "expose \($0)" }
    lines += volumes.sorted().map { "volume \(quoted($0))" }
    if let stopSignal { lines.append("stopsignal \(stopSignal)") }
    // Only when set, so that the IDs of images without them stay what they were.
    if let healthcheck {
      let numbers = [healthcheck.interval, healthcheck.timeout, healthcheck.startPeriod, healthcheck.startInterval]
      lines.append(
        "healthcheck " + healthcheck.test.map(quoted).joined(separator: " ") + " "
          + numbers.map(String.init).joined(separator: " ") + " \(healthcheck.retries)")
    }
    lines += onBuild.map { "onbuild \(quoted($0))" }
    return lines
  }
}

/// One step of an image's build, as `docker history` lists it.
public struct HistoryEntry: Hashable, Sendable {
  public var created: Timestamp
  /// `/bin/sh -c #(nop)  CMD ["bash"]`, `/bin/sh -c apt-get update`, ...
  public var createdBy: String
  public var comment: String
  public var author: String
  /// True for metadata-only steps (ENV, CMD, ...), which have no layer.
  public var emptyLayer: Bool

  public init(created: Timestamp, createdBy: String, comment: String = "", author: String = "", emptyLayer: Bool) {
    self.created = created
    self.createdBy = createdBy
    self.comment = comment
    self.author = author
    self.emptyLayer = emptyLayer
  }

  var canonicalLine: String {
    "history \(created) \(emptyLayer ? "empty" : "layer") \(quoted(author)) \(quoted(comment)) \(quoted(createdBy))"
  }
}

/// A string in double quotes with `\`, `"` and control characters escaped, so a
/// canonical line can never be confused with another.
func quoted(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "\""
}
