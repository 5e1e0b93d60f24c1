import DockSimDocker
import DockSimShell
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
    /// Requests waiting for the state to change (wait, attach, logs --follow), polled after
    /// every request and every tick; each returns true when it is done.
    var watchers: [@Sendable (inout Session) -> Bool] = []
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
      let result = try body(&state.session)
      // Watchers see an ended --rm container once (its output, its status) before it goes.
      state.watchers.removeAll { $0(&state.session) }
      if Self.removeEndedAutoRemoved(&state.session) { state.watchers.removeAll { $0(&state.session) } }
      return result
    }
  }

  /// `--rm` (HostConfig.AutoRemove): the daemon removes the container once its process
  /// has ended, which is what a client waiting with condition=removed waits for.
  static func removeEndedAutoRemoved(_ session: inout Session) -> Bool {
    var removed = false
    for container in session.engine.containers.all
    where container.autoRemove && !container.state.running && container.state.finishedAt != .goZero {
      session.engine.removeContainer(container.id)
      removed = true
    }
    return removed
  }

  /// Calls `poll` now and after every change until it returns true.
  public func watch(_ poll: @escaping @Sendable (inout Session) -> Bool) {
    state.withLock { state in
      if !poll(&state.session) { state.watchers.append(poll) }
    }
  }

  /// Moves the clock on and polls the watchers (the server calls it every 100 ms),
  /// so a `sleep 5` ends for its waiters five real seconds later.
  public func tick() {
    let idle = state.withLock { $0.watchers.isEmpty }
    if !idle { _ = try? withSession { _ in } }
  }

  /// Answers one request: dockerd's version check, the route, and the headers every
  /// answer carries (api/server/middleware/version.go and experimental.go).
  public func handle(_ request: APIRequest) -> APIResponse {
    switch reply(request) {
    case .now(let response): return response
    case .stream: return withCommonHeaders(.error(.invalid("docksim: this request streams its answer")))
    }
  }

  /// The answer to one request, now or streamed.
  public func reply(_ request: APIRequest) -> APIReply {
    let reply: APIReply
    do {
      try checkVersion(request.apiVersion)
      reply = try Router.route(request, daemon: self)
    } catch {
      reply = .now(.error(error))
    }
    switch reply {
    case .now(let response): return .now(withCommonHeaders(response))
    case .stream(let head, let hijack, let start): return .stream(head: withCommonHeaders(head), hijack: hijack, start: start)
    }
  }

  func withCommonHeaders(_ response: APIResponse) -> APIResponse {
    var response = response
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
