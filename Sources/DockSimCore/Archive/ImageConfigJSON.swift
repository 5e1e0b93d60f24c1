/// An image's config as Docker's JSON (the blob whose digest is Docker's image ID):
/// top-level members sorted (moby marshals the config through a map), the runtime
/// `config` in the struct order of moby's container.Config.
enum ImageConfigJSON {
  static func encode(_ image: Image, diffIDs: [Digest]) -> JSONValue {
    var members: [String: JSONValue] = [
      "architecture": .string(image.architecture),
      "config": runtimeConfig(image.config),
      "created": .string(image.created.rfc3339(fractionDigits: 9, trimZeros: true)),
      "history": .array(image.history.map(history)),
      "os": .string(image.os),
      "rootfs": .object([("type", .string("layers")), ("diff_ids", .array(diffIDs.map { .string($0.description) }))]),
    ]
    if !image.author.isEmpty { members["author"] = .string(image.author) }
    if !image.comment.isEmpty { members["comment"] = .string(image.comment) }
    if !image.container.isEmpty { members["container"] = .string(image.container) }
    if let parent = image.parent { members["parent"] = .string(parent.description) }
    return .sortedObject(members)
  }

  private static func runtimeConfig(_ c: ImageConfig) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("Hostname", .string("")), ("Domainname", .string("")), ("User", .string(c.user)),
      ("AttachStdin", .bool(false)), ("AttachStdout", .bool(false)), ("AttachStderr", .bool(false)),
    ]
    if !c.exposedPorts.isEmpty { members.append(("ExposedPorts", emptyObjects(c.exposedPorts))) }
    members += [
      ("Tty", .bool(false)), ("OpenStdin", .bool(false)), ("StdinOnce", .bool(false)),
      ("Env", .strings(c.env)), ("Cmd", .strings(c.cmd)),
    ]
    if let health = c.healthcheck { members.append(("Healthcheck", health.json)) }
    members += [
      ("Image", .string("")),
      ("Volumes", c.volumes.isEmpty ? .null : emptyObjects(c.volumes)),
      ("WorkingDir", .string(c.workingDir)), ("Entrypoint", .strings(c.entrypoint)),
      ("OnBuild", c.onBuild.isEmpty ? .null : .strings(c.onBuild)),
      ("Labels", c.labels.isEmpty ? .null : .sortedObject(c.labels.mapValues(JSONValue.string))),
    ]
    if let signal = c.stopSignal { members.append(("StopSignal", .string(signal))) }
    return .object(members)
  }

  /// Go's `map[string]struct{}`: `{"80/tcp":{}}`.
  private static func emptyObjects(_ keys: [String]) -> JSONValue {
    .sortedObject(Dictionary(keys.map { ($0, JSONValue.object([])) }, uniquingKeysWith: { a, _ in a }))
  }

  private static func history(_ h: HistoryEntry) -> JSONValue {
    var members: [(String, JSONValue)] = [("created", .string(h.created.rfc3339(fractionDigits: 9, trimZeros: true)))]
    if !h.author.isEmpty { members.append(("author", .string(h.author))) }
    if !h.createdBy.isEmpty { members.append(("created_by", .string(h.createdBy))) }
    if !h.comment.isEmpty { members.append(("comment", .string(h.comment))) }
    if h.emptyLayer { members.append(("empty_layer", .bool(true))) }
    return .object(members)
  }

  // MARK: - Decoding

  /// The image a config describes, given its layers. Unknown members are ignored,
  /// missing ones take Docker's defaults.
  static func decode(_ json: JSONValue, layers: [Layer]) -> Image {
    let c = json["config"] ?? .null
    var config = ImageConfig(
      env: strings(c["Env"]) ?? [],
      cmd: strings(c["Cmd"]),
      entrypoint: strings(c["Entrypoint"]),
      workingDir: c["WorkingDir"]?.stringValue ?? "",
      user: c["User"]?.stringValue ?? "",
      labels: Dictionary((c["Labels"]?.objectValue ?? []).compactMap { k, v in v.stringValue.map { (k, $0) } }, uniquingKeysWith: { a, _ in a }),
      exposedPorts: (c["ExposedPorts"]?.objectValue ?? []).map(\.0),
      volumes: (c["Volumes"]?.objectValue ?? []).map(\.0),
      stopSignal: c["StopSignal"]?.stringValue)
    config.healthcheck = HealthConfig(json: c["Healthcheck"])
    config.onBuild = strings(c["OnBuild"]) ?? []
    let history = (json["history"]?.arrayValue ?? []).map { h in
      HistoryEntry(
        created: timestamp(h["created"]), createdBy: h["created_by"]?.stringValue ?? "",
        comment: h["comment"]?.stringValue ?? "", author: h["author"]?.stringValue ?? "",
        emptyLayer: h["empty_layer"]?.boolValue ?? false)
    }
    return Image(
      layers: layers, config: config, history: history, created: timestamp(json["created"]),
      parent: json["parent"]?.stringValue.flatMap(Digest.init(parsing:)),
      author: json["author"]?.stringValue ?? "", comment: json["comment"]?.stringValue ?? "",
      container: json["container"]?.stringValue ?? "",
      architecture: json["architecture"]?.stringValue ?? "amd64", os: json["os"]?.stringValue ?? "linux")
  }

  static func diffIDs(_ json: JSONValue) -> [String] {
    (json["rootfs"]?["diff_ids"]?.arrayValue ?? []).compactMap(\.stringValue)
  }

  private static func strings(_ value: JSONValue?) -> [String]? {
    value?.arrayValue?.compactMap(\.stringValue)
  }

  private static func timestamp(_ value: JSONValue?) -> Timestamp {
    value?.stringValue.flatMap { Timestamp(iso8601: $0) } ?? .goZero
  }
}
