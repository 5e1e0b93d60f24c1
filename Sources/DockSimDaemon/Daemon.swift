import DockSimCommands
import DockSimCore
import Synchronization

/// The simulated engine behind the API: one session, changed by one request at a
/// time (a lock), so concurrent requests never see or leave it half-changed.
///
/// Time: dockerd's clients measure "Created 5 minutes ago" against their own clock,
/// so the simulated clock follows the real one while the daemon runs: it starts at
/// `--clock` (or the real time) and, before each request, moves on by the real time
/// that passed. Actions still add their documented simulated durations on top.
public final class Daemon: Sendable {
  private let state: Mutex<State>
  public let version: DockerVersion
  /// The seconds since the daemon started, from a monotonic clock.
  private let elapsed: @Sendable () -> Duration

  struct State: ~Copyable {
    var session: Session
    /// The simulated time the daemon started at.
    let start: Timestamp
  }

  public init(session: Session, elapsed: @escaping @Sendable () -> Duration) {
    version = session.settings.dockerVersion
    self.elapsed = elapsed
    state = Mutex(State(session: session, start: session.engine.clock.now))
  }

  /// The API versions this daemon speaks: 1.41 (20.10) or 1.50 (28), back to its minimum.
  public var maximumAPI: APIVersion { APIVersion(version.apiVersion) }
  public var minimumAPI: APIVersion {
    APIVersion(EngineDocuments.version(version)["MinAPIVersion"]?.stringValue ?? "1.12")
  }

  /// Runs `body` on the session with the clock caught up and due events applied.
  public func withSession<T>(_ body: (inout Session) throws(APIError) -> T) throws(APIError) -> T {
    let passed = elapsed()
    return try state.withLock { (state: inout State) throws(APIError) -> T in
      let target = state.start.adding(passed)
      let now = state.session.engine.clock.now
      if target > now { state.session.engine.clock.advance(by: target.since(now)) }
      state.session.settleForRequest()
      return try body(&state.session)
    }
  }

  /// Answers one request: dockerd's version check, the route, and the headers every
  /// answer carries (api/server/middleware/version.go and experimental.go).
  public func handle(_ request: APIRequest) -> APIResponse {
    var response: APIResponse
    do {
      try checkVersion(request.apiVersion)
      response = try Router.route(request, daemon: self)
    } catch {
      response = .error(error)
    }
    response.headers =
      [
        ("Api-Version", version.apiVersion), ("Docker-Experimental", "false"), ("Ostype", "linux"),
        ("Server", "Docker/\(version.fullVersion) (linux)"),
      ] + response.headers
    return response
  }

  private func checkVersion(_ requested: APIVersion) throws(APIError) {
    if requested < minimumAPI {
      throw .invalid(
        "client version \(requested) is too old. Minimum supported API version is \(minimumAPI), "
          + "please upgrade your client to a newer version")
    }
    if requested > maximumAPI {
      throw .invalid("client version \(requested) is too new. Maximum supported API version is \(maximumAPI)")
    }
  }
}

extension Daemon {
  /// A request whose body went over `HTTPServer.bodyLimit`: refused before it reaches the session.
  func handle(tooLargeRequest method: String) -> APIResponse {
    var request = APIRequest(method: method, path: "", apiVersion: maximumAPI)
    request.method = method
    var response = APIResponse.error(
      APIError(status: 413, "request body too large: the limit is \(HTTPServer.bodyLimit / 1024 / 1024) MiB"))
    response.headers = [("Api-Version", version.apiVersion), ("Server", "Docker/\(version.fullVersion) (linux)")] + response.headers
    return response
  }
}
