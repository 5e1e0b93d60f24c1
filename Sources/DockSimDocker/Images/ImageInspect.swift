import DockSimCore
import DockSimShell

/// `docker image inspect [OPTIONS] IMAGE [IMAGE...]`. `docker inspect` (the
/// containers' command) uses `ImageInspect.json(_:engine:)` for images.
struct ImageInspect: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] IMAGE [IMAGE...]",
    abstract: "Display detailed information on one or more images",
    flags: [.string("format", short: "f")],
    arguments: .atLeast(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let results = command.positionals.map { Inspect.image($0, session: session) }
    return InspectOutput.write(results, format: command.string("format"), version: command.version, console: &console)
  }

  /// The image document, keys in the order of the emulated version's API type.
  static func json(_ image: Image, engine: Engine) -> JSONValue {
    let store = engine.images
    let legacy = engine.version == .v20_10
    var members: [(String, JSONValue)] = [
      ("Id", .string(image.id.description)),
      ("RepoTags", .strings(store.tagReferences(to: image.id).map(\.familiar))),
      ("RepoDigests", .strings(store.digestReferences(to: image.id).map(\.familiar))),
      ("Parent", .string(image.parent?.description ?? "")),
      ("Comment", .string(image.comment)),
      ("Created", .string(image.created.rfc3339(fractionDigits: 9, trimZeros: true))),
    ]
    if legacy {
      members += [
        ("Container", .string(image.container)),
        ("ContainerConfig", config(image, buildStep: true)),
      ]
    }
    members += [
      ("DockerVersion", .string(image.dockerVersion)),
      ("Author", .string(image.author)),
      ("Config", legacy ? config(image, buildStep: false) : ociConfig(image.config)),
      ("Architecture", .string(image.architecture)),
      ("Os", .string(image.os)),
      ("Size", .int(image.size)),
    ]
    if legacy { members.append(("VirtualSize", .int(image.size))) }
    let lastTag = store.lastTagTime[image.id].map { $0.rfc3339(fractionDigits: 9, trimZeros: true) }
    members += [
      ("GraphDriver", graphDriver(image)),
      ("RootFS", .object([("Type", .string("layers")), ("Layers", .strings(image.diffIDs.map(\.description)))])),
      ("Metadata", .object([("LastTagTime", .string(lastTag ?? "0001-01-01T00:00:00Z"))])),
    ]
    return .object(members)
  }

  /// container.Config as an image stores it. `buildStep` gives ContainerConfig: the
  /// container of the last build step, whose command is that step.
  static func config(_ image: Image, buildStep: Bool) -> JSONValue {
    let config = image.config
    var cmd = JSONValue.strings(config.cmd)
    if buildStep {
      let step = image.history.last?.createdBy ?? ""
      let body = step.hasPrefix("/bin/sh -c ") ? String(step.dropFirst(11)) : step
      cmd =
        body.hasPrefix("#(nop) ")
        ? .strings(["/bin/sh", "-c", "#(nop) ", String(body.dropFirst(7)).trimmingLeadingSpaces()])
        : .strings(["/bin/sh", "-c", body])
    }
    var members: [(String, JSONValue)] = [
      ("Hostname", .string(buildStep ? String(image.container.prefix(12)) : "")),
      ("Domainname", .string("")),
      ("User", .string(config.user)),
      ("AttachStdin", .bool(false)),
      ("AttachStdout", .bool(false)),
      ("AttachStderr", .bool(false)),
    ]
    if !config.exposedPorts.isEmpty {
      members.append(("ExposedPorts", .object(config.exposedPorts.sorted().map { ($0, .object([])) })))
    }
    members += [
      ("Tty", .bool(false)),
      ("OpenStdin", .bool(false)),
      ("StdinOnce", .bool(false)),
      ("Env", .strings(config.env)),
      ("Cmd", cmd),
    ]
    if let health = config.healthcheck { members.append(("Healthcheck", health.json)) }
    members += [
      ("Image", .string(image.parent?.description ?? "")),
      ("Volumes", config.volumes.isEmpty ? .null : .object(config.volumes.sorted().map { ($0, .object([])) })),
      ("WorkingDir", .string(config.workingDir)),
      ("Entrypoint", .strings(config.entrypoint)),
      ("OnBuild", config.onBuild.isEmpty ? .null : .strings(config.onBuild)),
      ("Labels", config.labels.isEmpty ? .null : .object(config.labels.keys.sorted().map { ($0, .string(config.labels[$0]!)) })),
    ]
    if let signal = config.stopSignal { members.append(("StopSignal", .string(signal))) }
    return .object(members)
  }

  /// 28 (API 1.50) sends the image's config as dockerspec.DockerOCIImageConfig
  /// (moby v28.2.2 api/types/image/image_inspect.go; the router sends the legacy
  /// container.Config only to clients below 1.50): the OCI ImageConfig's fields,
  /// then Healthcheck, OnBuild and Shell, each left out when empty. There is no
  /// Hostname, Domainname, Attach*, Tty, OpenStdin, StdinOnce or Image any more.
  static func ociConfig(_ config: ImageConfig) -> JSONValue {
    let set: ([String]) -> JSONValue = { .object($0.sorted().map { ($0, .object([])) }) }
    var members: [(String, JSONValue)] = []
    if !config.user.isEmpty { members.append(("User", .string(config.user))) }
    if !config.exposedPorts.isEmpty { members.append(("ExposedPorts", set(config.exposedPorts))) }
    if !config.env.isEmpty { members.append(("Env", .strings(config.env))) }
    if let entrypoint = config.entrypoint, !entrypoint.isEmpty { members.append(("Entrypoint", .strings(entrypoint))) }
    if let cmd = config.cmd, !cmd.isEmpty { members.append(("Cmd", .strings(cmd))) }
    if !config.volumes.isEmpty { members.append(("Volumes", set(config.volumes))) }
    if !config.workingDir.isEmpty { members.append(("WorkingDir", .string(config.workingDir))) }
    if !config.labels.isEmpty { members.append(("Labels", .sortedObject(config.labels.mapValues { .string($0) }))) }
    if let signal = config.stopSignal, !signal.isEmpty { members.append(("StopSignal", .string(signal))) }
    if let health = config.healthcheck { members.append(("Healthcheck", health.json)) }
    if !config.onBuild.isEmpty { members.append(("OnBuild", .strings(config.onBuild))) }
    return .object(members)
  }

  /// The `omitempty` fields of 28's InspectResponse and DockerOCIImageConfig that a
  /// template on the typed response reaches even when the JSON leaves them out
  /// (`{{json .Config.Cmd}}` is `null`, not an error).
  static func omittedFields(_ version: DockerVersion) -> JSONValue.OmittedFields {
    guard version == .v28 else { return [:] }
    return [
      "": [
        ("Container", ""), ("ContainerConfig", .null), ("Variant", ""), ("OsVersion", ""), ("VirtualSize", .int(0)),
        ("Descriptor", .null), ("Manifests", .null),
      ],
      "Config": [
        ("User", ""), ("ExposedPorts", .null), ("Env", .null), ("Entrypoint", .null), ("Cmd", .null), ("Volumes", .null),
        ("WorkingDir", ""), ("Labels", .null), ("StopSignal", ""), ("ArgsEscaped", .bool(false)), ("Healthcheck", .null),
        ("OnBuild", .null), ("Shell", .null),
      ],
    ]
  }

  /// overlay2's directories. The cache-id of a layer directory is random in Docker;
  /// here it is derived from the chain ID so that it is stable.
  static func graphDriver(_ image: Image) -> JSONValue {
    guard let directories = Overlay2Directories(image: image) else {
      return .object([("Data", .null), ("Name", .string("overlay2"))])
    }
    var data: [(String, JSONValue)] = []
    if !directories.lower.isEmpty { data.append(("LowerDir", .string(directories.lower.joined(separator: ":")))) }
    data += [
      ("MergedDir", .string(directories.mergedDir)),
      ("UpperDir", .string(directories.upperDir)),
      ("WorkDir", .string(directories.workDir)),
    ]
    return .object([("Data", .object(data)), ("Name", .string("overlay2"))])
  }
}

extension String {
  func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}

extension JSONValue {
  /// What a `--format` template sees of a document (objects as maps).
  var templateValue: TemplateValue {
    switch self {
    case .string(let text): .string(text)
    case .int(let value): .int(Int(value))
    case .bool(let value): .bool(value)
    case .null: .null
    case .array(let items): .list(items.map(\.templateValue), elementType: "interface {}")
    case .object(let members): .map(Dictionary(members.map { ($0.0, $0.1.templateValue) }, uniquingKeysWith: { $1 }))
    }
  }
}
