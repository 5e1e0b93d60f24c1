import DockSimCommands
import DockSimCore

/// The Engine API's routes (moby's api/server/router/*): method and path to the
/// endpoint that answers. Names with slashes (`library/ubuntu:18.04`) are matched
/// as gorilla/mux's `{name:.*}` does: everything between the fixed parts.
enum Router {
  static func route(_ request: APIRequest, daemon: Daemon) throws(APIError) -> APIResponse {
    let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    let method = request.method
    switch (method, parts.first ?? "") {
    case ("GET", "_ping"), ("HEAD", "_ping"):
      guard parts.count == 1 else { throw .pageNotFound }
      return SystemEndpoints.ping(request, daemon: daemon)
    case ("GET", "version") where parts.count == 1:
      return .json(EngineDocuments.version(daemon.version))
    case ("GET", "info") where parts.count == 1:
      return try daemon.withSession { .json(EngineDocuments.info($0.engine)) }
    case (_, "images"):
      return try ImageEndpoints.route(request, Array(parts.dropFirst()), daemon: daemon)
    case (_, "containers"):
      return try ContainerEndpoints.route(request, Array(parts.dropFirst()), daemon: daemon)
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
