import DockSimDocker
import DockSimCore
import Synchronization

/// `docker exec`: `POST /containers/{id}/exec` makes an exec instance, `POST
/// /exec/{id}/start` runs it (hijacked, or detached), `GET /exec/{id}/json` tells its
/// exit code. The command runs as docksim's `docker exec` runs it.
enum ExecEndpoints {
  struct Instance: Sendable {
    var containerID: String
    var command: [String]
    var tty: Bool
    var environment: [String]
    var workingDir: String
    var running = false
    var exitCode: Int64?
  }

  static let instances = Mutex<[String: Instance]>([:])

  static func create(_ id: String, request: APIRequest, daemon: Daemon) throws(APIError) -> APIResponse {
    let config: JSONValue
    do { config = try JSONValue(parsing: request.body) } catch { throw .invalid("invalid JSON: \(error.message)") }
    let command = (config["Cmd"]?.arrayValue ?? []).compactMap(\.stringValue)
    guard !command.isEmpty else { throw .invalid("No exec command specified") }
    return try daemon.withSession { session throws(APIError) in
      let container = try ContainerEndpoints.container(id, session.engine)
      guard container.state.running else {
        throw .conflict("Container \(container.id) is not running")
      }
      let execID = Digest.sha256("exec \(container.id) \(session.engine.random.next())").hex
      let instance = Instance(
        containerID: container.id, command: command, tty: config["Tty"] == .bool(true),
        environment: (config["Env"]?.arrayValue ?? []).compactMap(\.stringValue),
        workingDir: config["WorkingDir"]?.stringValue ?? "")
      instances.withLock { $0[execID] = instance }
      return .json(.object([("Id", .string(execID))]), status: 201)
    }
  }

  static func route(_ request: APIRequest, _ parts: [String], daemon: Daemon) throws(APIError) -> APIReply {
    guard parts.count == 2 else { throw .pageNotFound }
    let id = parts[0]
    guard let instance = instances.withLock({ $0[id] }) else { throw .notFound("No such exec instance: \(id)") }
    switch (request.method, parts[1]) {
    case ("POST", "start"): return try start(id, instance, request: request, daemon: daemon)
    case ("POST", "resize"): return .now(APIResponse(status: 200))
    case ("GET", "json"): return .now(.json(inspect(id, instance)))
    default: throw .pageNotFound
    }
  }

  /// Runs the command to its end and answers with its output on the taken-over connection.
  static func start(_ id: String, _ instance: Instance, request: APIRequest, daemon: Daemon) throws(APIError) -> APIReply {
    if instance.running || instance.exitCode != nil { throw .conflict("Error: Exec command \(id) has already run") }
    var arguments = ["exec"]
    if instance.tty { arguments.append("-t") }
    for variable in instance.environment { arguments += ["-e", variable] }
    if !instance.workingDir.isEmpty { arguments += ["-w", instance.workingDir] }
    arguments += [instance.containerID] + instance.command
    let outcome = try daemon.withSession { session throws(APIError) in
      EngineDocuments.perform(arguments, session: &session)
    }
    instances.withLock { $0[id]?.exitCode = Int64(outcome.status) }
    var output: [UInt8] = []
    for event in outcome.events {
      guard case .write(let stream, let bytes) = event else { continue }
      output += instance.tty ? bytes : StreamFrame.frame(stream, bytes)
    }
    let detach = (try? JSONValue(parsing: request.body))?["Detach"] == .bool(true)
    if detach { return .now(APIResponse(status: 200)) }
    let head = APIResponse(
      status: 101,
      headers: [
        ("Content-Type", StreamFrame.contentType(tty: instance.tty, api: request.apiVersion)),
        ("Connection", "Upgrade"), ("Upgrade", "tcp"),
      ])
    let written = output
    return .stream(head: head, hijack: true) { sink in
      if !written.isEmpty { sink.write(written) }
      sink.finish()
      return nil
    }
  }

  static func inspect(_ id: String, _ instance: Instance) -> JSONValue {
    .object([
      ("ID", .string(id)), ("Running", .bool(instance.running)),
      ("ExitCode", instance.exitCode.map(JSONValue.int) ?? .null), ("ProcessConfig", .object([
        ("tty", .bool(instance.tty)), ("entrypoint", .string(instance.command[0])),
        ("arguments", .strings(Array(instance.command.dropFirst()))), ("privileged", .bool(false)),
      ])), ("OpenStdin", .bool(false)), ("OpenStderr", .bool(true)), ("OpenStdout", .bool(true)),
      ("CanRemove", .bool(false)), ("ContainerID", .string(instance.containerID)), ("DetachKeys", .string("")),
      ("Pid", .int(0)),
    ])
  }
}
