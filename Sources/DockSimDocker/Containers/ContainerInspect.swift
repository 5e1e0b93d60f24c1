import DockSimCore
import DockSimShell

/// `docker container inspect [OPTIONS] CONTAINER [CONTAINER...]`.
struct ContainerInspect: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER [CONTAINER...]",
    abstract: "Display detailed information on one or more containers",
    flags: [.string("format", short: "f"), .bool("size", short: "s")],
    arguments: .atLeast(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    let results = command.positionals.map { Inspect.container($0, size: command.bool("size"), session: session) }
    return InspectOutput.write(results, format: command.string("format"), version: command.version, console: &console)
  }
}

/// `docker inspect [OPTIONS] NAME|ID [NAME|ID...]`: each argument is looked up as a
/// container, then as an image (then networks, volumes, plugins: docksim has none),
/// unless `--type` names the kind.
struct Inspect: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] NAME|ID [NAME|ID...]",
    abstract: "Return low-level information on Docker objects",
    flags: [.string("format", short: "f"), .string("type"), .bool("size", short: "s")],
    arguments: .atLeast(1))

  /// The kinds 28's CLI knows (its error lists them in this order).
  static let types = ["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"]
  static let swarmTypes: Set<String> = ["config", "node", "secret", "service", "task"]
  /// Printed as each image is found (sizes are a container's).
  static let sizeIgnored = "WARNING: --size ignored for image"

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    let version = command.version
    let kind = command.string("type")
    if let error = typeError(kind, given: command.isSet("type"), version: version) {
      console.errorLine(error)
      return 1
    }
    let size = command.bool("size")
    var results: [InspectOutput.Result] = []
    for reference in command.positionals {
      switch kind {
      case "container": results.append(container(reference, size: size, session: session))
      case "image":
        let result = image(reference, session: session)
        if size, result.isDocument { console.errorLine(sizeIgnored) }
        results.append(result)
      case "": results.append(anything(reference, size: size, session: session, console: &console))
      default: results.append(.failure(absent(reference, type: kind, version: version)))
      }
    }
    return InspectOutput.write(results, format: command.string("format"), version: version, console: &console)
  }

  /// 20.10 rejects any other value; 28 also rejects an empty one it was given.
  static func typeError(_ kind: String, given: Bool, version: DockerVersion) -> String? {
    let list = "\"" + types.joined(separator: "\", \"") + "\""
    switch version {
    case .v20_10:
      return kind.isEmpty || types.contains(kind) ? nil : "\(GoQuote.quote(kind)) is not a valid value for --type"
    case .v28:
      if given, kind.isEmpty { return "type is empty: must be one of \(list)" }
      return kind.isEmpty || types.contains(kind) ? nil : "unknown type: \(GoQuote.quote(kind)): must be one of \(list)"
    }
  }

  /// No `--type`: a container, else an image; anything that is not found (or not a
  /// valid reference) is skipped over, and the last word is the CLI's own.
  static func anything(_ reference: String, size: Bool, session: Session, console: inout Console)
    -> InspectOutput.Result
  {
    if case .success = session.engine.containers.find(reference) {
      return container(reference, size: size, session: session)
    }
    if case .success(let found) = session.engine.images.lookup(reference, version: session.engine.version) {
      if size { console.errorLine(sizeIgnored) }
      return .document(ImageInspect.json(found, engine: session.engine), omitted: ImageInspect.omittedFields(session.engine.version))
    }
    return .failure("Error: No such object: \(reference)")
  }

  static func container(_ reference: String, size: Bool, session: Session) -> InspectOutput.Result {
    switch session.engine.containers.find(reference) {
    case .success(let found):
      return .document(
        ContainerInspectDocument.json(found, engine: session.engine, size: size), omitted: ContainerInspectDocument.omittedFields)
    case .failure:
      // 20.10's client words a 404 itself; 28 passes the daemon's text on.
      return .failure(
        session.engine.version == .v20_10
          ? "Error: No such container: \(reference)" : DockerErrors.daemon("No such container: \(reference)"))
    }
  }

  static func image(_ reference: String, session: Session) -> InspectOutput.Result {
    let version = session.engine.version
    switch session.engine.images.lookup(reference, version: version) {
    case .success(let found):
      return .document(ImageInspect.json(found, engine: session.engine), omitted: ImageInspect.omittedFields(version))
    // 20.10's CLI words a missing image itself, with the name as typed.
    case .failure(.notFound) where version == .v20_10: return .failure("Error: No such image: \(reference)")
    case .failure(let error): return .failure(DockerErrors.daemon(error.message(for: version)))
    }
  }

  /// Networks, volumes and plugins docksim does not model are never found; the
  /// swarm kinds need a swarm manager.
  static func absent(_ reference: String, type: String, version: DockerVersion) -> String {
    if swarmTypes.contains(type) {
      return DockerErrors.daemon(
        "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again."
      )
    }
    if version == .v20_10 { return "Error: No such \(type): \(reference)" }
    switch type {
    case "network": return DockerErrors.daemon("network \(reference) not found")
    case "volume": return DockerErrors.daemon("get \(reference): no such volume")
    default: return DockerErrors.daemon("plugin \(GoQuote.quote(reference)) not found")
    }
  }
}

/// docker/cli's inspect.Inspect: the documents found, as an indented JSON array or
/// through `--format`, then every error in argument order; exit 1 if any.
enum InspectOutput {
  enum Result {
    /// The daemon's JSON, and the `omitempty` fields it left out that a template on
    /// the typed response still reaches as zero values.
    case document(JSONValue, omitted: JSONValue.OmittedFields = [:])
    /// The whole stderr line.
    case failure(String)

    var isDocument: Bool { if case .document = self { true } else { false } }
  }

  static func write(_ results: [Result], format: String, version: DockerVersion, console: inout Console) -> Int32 {
    var errors: [String] = []
    var documents: [JSONValue] = []
    for result in results {
      switch result {
      case .document(let document, _): documents.append(document)
      case .failure(let error): errors.append(error)
      }
    }
    if format.isEmpty {
      // The daemon's JSON is indented as it came: HTML characters stay unescaped.
      console.line(JSONValue.array(documents).indented(escapeHTML: false))
    } else if format == "json", version == .v28 {
      console.line(JSONValue.array(documents).compact(escapeHTML: false))
    } else {
      let template: DockerFormat
      do {
        template = try DockerFormat(verbatim: format, version: version)
      } catch {
        console.errorLine(error.message)
        return 64
      }
      var output = ""
      errors = []
      for result in results {
        switch result {
        case .failure(let error): errors.append(error)
        case .document(let document, let omitted):
          switch execute(template, on: document, omitted: omitted) {
          case .success(let text): output += text + "\n"
          case .failure(let error): errors.append(error.message)
          }
        }
      }
      // An empty result still prints its newline (the CLI's Flush).
      console.write(output.isEmpty ? "\n" : output)
    }
    for error in errors { console.errorLine(error) }
    return errors.isEmpty ? 0 : 1
  }

  /// The CLI runs the template on the typed response first and, when that fails
  /// (a field the type does not have), on the raw JSON with missing keys as errors.
  static func execute(_ template: DockerFormat, on document: JSONValue, omitted: JSONValue.OmittedFields = [:])
    -> Swift.Result<String, DockerFormatError>
  {
    if let text = try? template.execute(document.typedTemplateValue(omitted: omitted)) { return .success(text) }
    do {
      return .success(try template.executeStrict(document.templateValue))
    } catch {
      return .failure(error)
    }
  }
}

extension JSONValue {
  /// The Go maps among the API types' fields (everything else is a struct):
  /// a missing key in them is `<no value>` rather than an error.
  static let mapFields: Set<String> = [
    "Labels", "ExposedPorts", "Volumes", "PortBindings", "Data", "Ports", "Networks", "LogConfig.Config",
    "Details", "Runtimes", "IndexConfigs",
  ]

  /// Go field names whose JSON name differs: a template on the typed response
  /// reaches the field by its Go name (`{{.Client.APIVersion}}`, `{{.ID}}`).
  static let goFieldNames: [String: String] = [
    "Id": "ID", "ApiVersion": "APIVersion", "CpuShares": "CPUShares", "NanoCpus": "NanoCPUs", "CpuPeriod": "CPUPeriod",
    "CpuQuota": "CPUQuota", "CpuRealtimePeriod": "CPURealtimePeriod", "CpuRealtimeRuntime": "CPURealtimeRuntime",
    "CpuCount": "CPUCount", "CpuPercent": "CPUPercent", "Dns": "DNS", "DnsOptions": "DNSOptions",
    "DnsSearch": "DNSSearch", "CpuCfsPeriod": "CPUCfsPeriod", "CpuCfsQuota": "CPUCfsQuota",
    "BridgeNfIp6tables": "BridgeNfIP6tables", "HttpProxy": "HTTPProxy", "HttpsProxy": "HTTPSProxy", "path": "Path",
  ]

  /// What a `--format` template sees of a typed API response: objects are structs
  /// (in field order) except the fields that are Go maps. `rootType` names the
  /// top struct in errors (`system.versionInfo`).
  func typedTemplateValue(
    rootType: String = "types.ContainerJSON", typeNames: [String: String] = [:], omitted: OmittedFields = [:]
  ) -> TemplateValue {
    typed(key: "", parent: "", types: typeNames.merging(["": rootType]) { $1 }, omitted: omitted)
  }

  /// Struct fields a document leaves out (`omitempty`), by the struct's path (`""`
  /// for the top, `Config`, `State`), with the zero value the typed response has.
  typealias OmittedFields = [String: [(String, TemplateValue)]]

  private func typed(key: String, parent: String, types: [String: String], omitted: OmittedFields) -> TemplateValue {
    switch self {
    case .array(let items):
      return .list(items.map { $0.typed(key: key, parent: parent, types: types, omitted: omitted) }, elementType: "interface {}")
    case .object(let members):
      var fields = Dictionary(
        members.map { ($0.0, $0.1.typed(key: $0.0, parent: key, types: types, omitted: omitted)) }, uniquingKeysWith: { $1 })
      if Self.mapFields.contains(key) || Self.mapFields.contains(parent + "." + key) { return .map(fields) }
      for (name, zero) in omitted[parent.isEmpty ? key : parent + "." + key] ?? [] where fields[name] == nil {
        fields[name] = zero
      }
      for (name, value) in fields {
        if let goName = Self.goFieldNames[name], fields[goName] == nil { fields[goName] = value }
      }
      return .structure(typeName: types[key] ?? key, keys: members.map(\.0), fields: fields)
    default:
      return templateValue
    }
  }
}
