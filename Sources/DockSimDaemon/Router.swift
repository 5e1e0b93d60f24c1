import DockSimDocker
import DockSimShell
import DockSimCore

/// The Engine API's routes (moby's api/server/router/*): method and path to the
/// endpoint that answers. Names with slashes (`library/ubuntu:18.04`) are matched
/// as gorilla/mux's `{name:.*}` does: everything between the fixed parts.
enum Router {
  static func route(_ request: APIRequest, daemon: Daemon) throws(APIError) -> APIReply {
    let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    let method = request.method
    switch (method, parts.first ?? "") {
    case ("GET", "_ping"), ("HEAD", "_ping"):
      guard parts.count == 1 else { throw .pageNotFound }
      return .now(SystemEndpoints.ping(request, daemon: daemon))
    case ("GET", "version") where parts.count == 1:
      return .now(.json(EngineDocuments.version(daemon.version)))
    case ("GET", "info") where parts.count == 1:
      return .now(try daemon.withSession { .json(EngineDocuments.info($0.engine)) })
    case ("POST", "commit") where parts.count == 1:
      return .now(try ContainerEndpoints.commit(request, daemon: daemon))
    case (_, "images"):
      return try ImageEndpoints.route(request, Array(parts.dropFirst()), daemon: daemon)
    case (_, "containers"):
      return try ContainerEndpoints.route(request, Array(parts.dropFirst()), daemon: daemon)
    case (_, "exec"):
      return try ExecEndpoints.route(request, Array(parts.dropFirst()), daemon: daemon)
    default:
      throw .pageNotFound
    }
  }

  /// `name` in `/images/{name}/json`: the parts between the first and the `suffix`.
  static func name(_ parts: [String], before suffix: String) -> String? {
    guard parts.count >= 2, parts.last == suffix else { return nil }
    let name = parts.dropLast().joined(separator: "/")
    return name.isEmpty ? nil : name
  }

  /// The `filters` parameter: JSON `{"key": ["value", ...]}` or the older
  /// `{"key": {"value": true}}` (moby's filters.FromJSON), as `key=value` items.
  static func filters(_ request: APIRequest) throws(APIError) -> [String] {
    guard let text = request.parameter("filters"), !text.isEmpty else { return [] }
    let document: JSONValue
    do { document = try JSONValue(parsing: text) } catch { throw .invalid("invalid filter: \(text)") }
    guard case .object(let members) = document else { throw .invalid("invalid filter: \(text)") }
    var items: [String] = []
    for (key, value) in members {
      switch value {
      case .array(let values): items += values.compactMap(\.stringValue).map { "\(key)=\($0)" }
      case .object(let set): items += set.filter { $0.1 == .bool(true) }.map { "\(key)=\($0.0)" }
      default: throw .invalid("invalid filter: \(text)")
      }
    }
    return items
  }
}

extension Router {
  /// What docksim's own docker command did, as the daemon answers it: the refusal
  /// with the status moby's errdefs class for that message gives.
  static func perform(_ arguments: [String], session: inout Session) throws(APIError) -> EngineDocuments.Outcome {
    let outcome = EngineDocuments.perform(arguments, session: &session)
    guard let refusal = outcome.refusal else { return outcome }
    throw APIError(status: status(of: refusal), refusal)
  }

  /// errdefs' classes by what the messages say: not found 404, conflicts 409,
  /// bad input 400, the rest 500 (api/server/httpstatus/status.go).
  static func status(of message: String) -> Int {
    let lower = message.lowercased()
    if lower.contains("no such") || lower.contains("not found: manifest unknown") || lower.contains("repository does not exist") {
      return 404
    }
    if lower.contains("conflict") || lower.contains("already in use") || lower.contains("cannot remove")
      || lower.contains("is not running") || lower.contains("is running") || lower.contains("is paused")
    {
      return 409
    }
    if lower.contains("invalid") || lower.contains("executable file not found") || lower.contains("bad format") {
      return 400
    }
    return 500
  }

  /// The first line of a command's output (an ID).
  static func firstLine(_ text: String) -> String { String(text.split(separator: "\n").first ?? "") }

  /// An endpoint of the Engine API that docksim does not simulate (honestly refused).
  static func notSimulated(_ request: APIRequest) -> APIError {
    APIError(status: 501, "docksim: \(request.method) \(request.path): not simulated")
  }
}

/// `/_ping`: what clients negotiate their API version from (api/server/router/system).
enum SystemEndpoints {
  static func ping(_ request: APIRequest, daemon: Daemon) -> APIResponse {
    var headers = [
      ("Cache-Control", "no-cache, no-store, must-revalidate"), ("Pragma", "no-cache"),
      // docksim's builder is the classic one (API build with the JSON stream), so it says so:
      // a client that asks for BuildKit falls back to it as with such a daemon.
      ("Builder-Version", "1"), ("Swarm", "inactive"),
    ]
    if request.method == "HEAD" {
      headers += [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "0")]
      return APIResponse(status: 200, headers: headers)
    }
    return APIResponse(status: 200, headers: headers + [("Content-Type", "text/plain; charset=utf-8")], body: Array("OK".utf8))
  }
}
