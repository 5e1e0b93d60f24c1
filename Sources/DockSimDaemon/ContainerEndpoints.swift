import DockSimDocker
import DockSimCore

/// `/containers/...` (moby's api/server/router/container).
enum ContainerEndpoints {
  static func route(_ request: APIRequest, _ parts: [String], daemon: Daemon) throws(APIError) -> APIReply {
    if parts == ["json"], request.method == "GET" { return .now(try list(request, daemon: daemon)) }
    if parts == ["create"], request.method == "POST" { return .now(try create(request, daemon: daemon)) }
    guard let id = parts.first, !id.isEmpty else { throw .pageNotFound }
    let action = parts.count == 2 ? parts[1] : ""
    guard parts.count <= 2 else { throw .pageNotFound }
    switch (request.method, action) {
    case ("GET", "json"):
      let size = request.flag("size")
      return .now(
        try daemon.withSession { session throws(APIError) in
          .json(EngineDocuments.containerInspect(try container(id, session.engine), engine: session.engine, size: size))
        })
    case ("POST", "start"):
      return .now(try act(id, daemon: daemon, unless: { $0.state.running }) { ["start", $0] })
    case ("POST", "stop"):
      let timeout = request.parameter("t").map { ["-t", $0] } ?? []
      return .now(try act(id, daemon: daemon, unless: { !$0.state.running }) { ["stop"] + timeout + [$0] })
    case ("POST", "restart"):
      let timeout = request.parameter("t").map { ["-t", $0] } ?? []
      return .now(try act(id, daemon: daemon) { ["restart"] + timeout + [$0] })
    case ("DELETE", ""):
      let force = request.flag("force") ? ["-f"] : []
      return .now(try act(id, daemon: daemon) { ["rm"] + force + [$0] })
    case ("GET", "changes"):
      return .now(try changes(id, daemon: daemon))
    case ("POST", "wait"):
      return try ContainerStreams.wait(id, request: request, daemon: daemon)
    case ("POST", "attach"):
      return try ContainerStreams.attach(id, request: request, daemon: daemon)
    case ("GET", "logs"):
      return try ContainerStreams.logs(id, request: request, daemon: daemon)
    case ("POST", "exec"):
      return .now(try ExecEndpoints.create(id, request: request, daemon: daemon))
    case ("POST", "resize"):
      _ = try daemon.withSession { session throws(APIError) in try container(id, session.engine) }
      return .now(APIResponse(status: 200))
    case ("POST", "kill"), ("POST", "rename"), ("POST", "pause"), ("POST", "unpause"), ("POST", "update"),
      ("GET", "top"), ("GET", "stats"), ("GET", "export"), ("GET", "archive"), ("PUT", "archive"), ("HEAD", "archive"):
      throw Router.notSimulated(request)
    default:
      throw .pageNotFound
    }
  }

  /// Runs docksim's docker command for an action on container `id` (204), or answers
  /// 304 when `unless` holds (start of a running one, stop of a stopped one).
  static func act(
    _ id: String, daemon: Daemon, unless skip: @escaping (Container) -> Bool = { _ in false },
    _ arguments: @escaping (String) -> [String]
  ) throws(APIError) -> APIResponse {
    try daemon.withSession { session throws(APIError) in
      let found = try container(id, session.engine)
      if skip(found) { return APIResponse(status: 304) }
      _ = try Router.perform(arguments(found.id), session: &session)
      return .noContent
    }
  }

  /// `POST /containers/create?name=NAME`: the config as `docker create` flags, so the
  /// container is made exactly as docksim's CLI makes it. A missing image is the
  /// daemon's 404 (the CLI then pulls and asks again).
  static func create(_ request: APIRequest, daemon: Daemon) throws(APIError) -> APIResponse {
    let config: JSONValue
    do { config = try JSONValue(parsing: request.body) } catch { throw .invalid("invalid JSON: \(error.message)") }
    guard let image = config["Image"]?.stringValue, !image.isEmpty else { throw .invalid("No command specified") }
    let arguments = createArguments(config, name: request.parameter("name"), image: image)
    let modern = daemon.version == .v28
    return try daemon.withSession { session throws(APIError) in
      _ = try ImageEndpoints.image(image, session.engine)
      let outcome = try Router.perform(arguments, session: &session)
      let id = Router.firstLine(outcome.output)
      return .json(.object([("Id", .string(id)), ("Warnings", modern ? .array([]) : .null)]), status: 201)
    }
  }

  static func createArguments(_ config: JSONValue, name: String?, image: String) -> [String] {
    var arguments = ["create"]
    if let name, !name.isEmpty { arguments += ["--name", name] }
    if config["Tty"] == .bool(true) { arguments.append("-t") }
    if config["OpenStdin"] == .bool(true) { arguments.append("-i") }
    let host = config["HostConfig"] ?? .null
    if host["AutoRemove"] == .bool(true) { arguments.append("--rm") }
    for variable in config["Env"]?.arrayValue ?? [] { if let text = variable.stringValue { arguments += ["-e", text] } }
    if let directory = config["WorkingDir"]?.stringValue, !directory.isEmpty { arguments += ["-w", directory] }
    if let hostname = config["Hostname"]?.stringValue, !hostname.isEmpty { arguments += ["-h", hostname] }
    for (port, bindings) in host["PortBindings"]?.objectValue ?? [] {
      for binding in bindings.arrayValue ?? [] {
        let ip = binding["HostIp"]?.stringValue ?? ""
        let hostPort = binding["HostPort"]?.stringValue ?? ""
        arguments += ["-p", ip.isEmpty ? (hostPort.isEmpty ? port : "\(hostPort):\(port)") : "\(ip):\(hostPort):\(port)"]
      }
    }
    var command = (config["Cmd"]?.arrayValue ?? []).compactMap(\.stringValue)
    let entrypoint = (config["Entrypoint"]?.arrayValue ?? []).compactMap(\.stringValue)
    if let first = entrypoint.first {
      arguments += ["--entrypoint", first]
      command = Array(entrypoint.dropFirst()) + command
    }
    return arguments + [image] + command
  }

  /// `GET /containers/{id}/changes`: docker diff's lines as {Kind, Path} (0 changed, 1 added, 2 deleted).
  static func changes(_ id: String, daemon: Daemon) throws(APIError) -> APIResponse {
    let outcome = try daemon.withSession { session throws(APIError) in
      try Router.perform(["diff", try container(id, session.engine).id], session: &session)
    }
    let kinds: [Character: Int64] = ["C": 0, "A": 1, "D": 2]
    let items = outcome.output.split(separator: "\n").compactMap { line -> JSONValue? in
      guard let kind = line.first.flatMap({ kinds[$0] }) else { return nil }
      return .object([("Kind", .int(kind)), ("Path", .string(String(line.dropFirst(2))))])
    }
    return .json(.array(items))
  }

  /// `POST /commit?container=ID&repo=R&tag=T&comment=M&author=A`: docksim's commit (201, the new ID).
  static func commit(_ request: APIRequest, daemon: Daemon) throws(APIError) -> APIResponse {
    guard let id = request.parameter("container"), !id.isEmpty else { throw .invalid("No container specified") }
    var arguments = ["commit"]
    if let comment = request.parameter("comment"), !comment.isEmpty { arguments += ["-m", comment] }
    if let author = request.parameter("author"), !author.isEmpty { arguments += ["-a", author] }
    for change in request.query["changes"] ?? [] where !change.isEmpty { arguments += ["-c", change] }
    let repo = request.parameter("repo") ?? ""
    let tag = request.parameter("tag") ?? ""
    return try daemon.withSession { session throws(APIError) in
      arguments.append(try container(id, session.engine).id)
      if !repo.isEmpty { arguments.append(tag.isEmpty ? repo : "\(repo):\(tag)") }
      let outcome = try Router.perform(arguments, session: &session)
      return .json(.object([("Id", .string(Router.firstLine(outcome.output)))]), status: 201)
    }
  }

  /// The container an ID, a prefix of one or a name names, or the daemon's refusal.
  static func container(_ reference: String, _ engine: Engine) throws(APIError) -> Container {
    switch engine.containers.find(reference) {
    case .success(let container): return container
    case .failure(let error): throw lookupError(error, reference: reference, engine: engine)
    }
  }

  static func lookupError(_ error: ContainerStore.LookupError, reference: String, engine: Engine) -> APIError {
    switch error {
    case .ambiguous: return .invalid(error.message)
    case .notFound: return .notFound(error.message)
    }
  }

  /// `GET /containers/json`: types.Container (20.10) / container.Summary (28) per container.
  static func list(_ request: APIRequest, daemon: Daemon) throws(APIError) -> APIResponse {
    let filters = try Router.filters(request)
    let all = request.flag("all")
    let limit = request.integer("limit") ?? -1
    let size = request.flag("size")
    return try daemon.withSession { session throws(APIError) in
      let engine = session.engine
      let containers: [Container]
      do throws(EngineDocuments.Refusal) {
        containers = try EngineDocuments.containers(engine, filters: filters, all: all, limit: limit)
      } catch {
        throw .invalid(error.message)
      }
      return .json(.array(containers.map { summary($0, engine: engine, size: size) }))
    }
  }

  static func summary(_ container: Container, engine: Engine, size: Bool) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("Id", .string(container.id)),
      ("Names", .strings(["/" + container.name])),
      ("Image", .string(container.imageReference)),
      ("ImageID", .string(container.imageID.description)),
      ("Command", .string(container.commandLine)),
      ("Created", .int(container.created.seconds)),
      ("Ports", .array(container.listedPorts.map(port))),
    ]
    if size {
      let writable = container.writableSize
      members += [("SizeRw", .int(writable)), ("SizeRootFs", .int(writable + container.imageSize))]
    }
    members += [
      ("Labels", .object([])),
      ("State", .string(container.state.status)),
      ("Status", .string(container.state.description(now: engine.clock.now))),
      ("HostConfig", .object([("NetworkMode", .string("default"))])),
      ("NetworkSettings", .object([("Networks", .object([("bridge", EngineDocuments.bridgeEndpoint(container, engine: engine))]))])),
      ("Mounts", .array([])),
    ]
    return .object(members)
  }

  /// types.Port: IP and PublicPort are omitted when empty.
  static func port(_ port: ListedPort) -> JSONValue {
    var members: [(String, JSONValue)] = []
    if !port.ip.isEmpty { members.append(("IP", .string(port.ip))) }
    members.append(("PrivatePort", .int(Int64(port.privatePort))))
    if port.publicPort != 0 { members.append(("PublicPort", .int(Int64(port.publicPort)))) }
    members.append(("Type", .string(port.type)))
    return .object(members)
  }
}
