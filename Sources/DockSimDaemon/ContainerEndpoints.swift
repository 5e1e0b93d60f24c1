import DockSimCommands
import DockSimCore

/// `/containers/...` (moby's api/server/router/container).
enum ContainerEndpoints {
  static func route(_ request: APIRequest, _ parts: [String], daemon: Daemon) throws(APIError) -> APIResponse {
    switch (request.method, parts) {
    case ("GET", ["json"]):
      return try list(request, daemon: daemon)
    case ("GET", _) where parts.count == 2 && parts[1] == "json":
      let id = parts[0]
      let size = request.flag("size")
      return try daemon.withSession { session throws(APIError) in
        .json(EngineDocuments.containerInspect(try container(id, session.engine), engine: session.engine, size: size))
      }
    default:
      throw .pageNotFound
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
