/// The daemon's health monitor for a container whose config has a HEALTHCHECK,
/// on the simulated clock. The rules are moby's daemon/health.go (20.10.24 and
/// 28.2.2), restated:
/// * starting a container sets the status to `starting` and the failing streak
///   to 0 (the log is kept across restarts);
/// * the first probe runs one interval after the start; each later one an
///   interval after the previous one *ended*. 28 uses the start interval
///   (default 5 s) instead while the container is still `starting` inside its
///   start period; 20.10 has no start interval;
/// * a probe that exits 0 makes the container `healthy` and clears the streak;
///   any other result adds to the streak, except a failure that began inside
///   the start period while still `starting`; `retries` failures in a row
///   (default 3) make it `unhealthy`;
/// * the log keeps the last 5 results; output is cut at 4096 bytes plus `...`;
/// * when the container stops, the monitor closes and the status becomes
///   `unhealthy` ("for compatibility reasons", says moby).
public struct ContainerHealth: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable {
    case starting, healthy, unhealthy
  }

  public var status: Status = .starting
  public var failingStreak = 0
  /// The last results, oldest first (inspect's State.Health.Log).
  public var log: [HealthResult] = []
  /// When the monitor runs its next probe; nil while the monitor is closed.
  public var nextProbe: Timestamp?
  /// A probe that has run (its effects are already in the container) and whose
  /// result the daemon records when it ends, at `end`.
  public var inFlight: HealthResult?

  public init() {}

  /// The log's capacity (moby's maxLogEntries).
  public static let logCapacity = 5
  /// Output kept per probe (moby's maxOutputLen).
  public static let outputLimit = 4096

  /// The part of `docker ps`'s STATUS in parentheses: `Up 5 seconds (health: starting)`.
  public var description: String { status == .starting ? "health: starting" : status.rawValue }

  /// The monitor starts with the container.
  public mutating func open(startedAt: Timestamp, policy: HealthPolicy) {
    status = .starting
    failingStreak = 0
    inFlight = nil
    nextProbe = startedAt.adding(policy.firstDelay)
  }

  /// The monitor stops with the container; a probe still running is abandoned.
  public mutating func close() {
    guard nextProbe != nil || inFlight != nil else { return }
    nextProbe = nil
    inFlight = nil
    status = .unhealthy
  }

  /// moby's handleProbeResult, then the timer for the next probe.
  public mutating func record(_ result: HealthResult, startedAt: Timestamp, policy: HealthPolicy) {
    log.append(result)
    if log.count > Self.logCapacity { log.removeFirst(log.count - Self.logCapacity) }
    if result.exitCode == 0 {
      failingStreak = 0
      status = .healthy
    } else if !(status == .starting && result.start.since(startedAt) < policy.startPeriod) {
      failingStreak += 1
      if failingStreak >= policy.retries { status = .unhealthy }
    }
    inFlight = nil
    nextProbe = result.end.adding(policy.delay(at: result.end, startedAt: startedAt, status: status))
  }
}

extension HealthConfig {
  /// The daemon's merge of a create request's healthcheck with the image's (moby's
  /// daemon/commit.go merge): what the request leaves empty or zero, the image gives.
  public func merged(over image: HealthConfig?) -> HealthConfig {
    guard let image else { return self }
    var result = self
    if result.test.isEmpty { result.test = image.test }
    if result.interval == 0 { result.interval = image.interval }
    if result.timeout == 0 { result.timeout = image.timeout }
    if result.startPeriod == 0 { result.startPeriod = image.startPeriod }
    if result.startInterval == 0 { result.startInterval = image.startInterval }
    if result.retries == 0 { result.retries = image.retries }
    return result
  }

  /// The daemon's validateHealthCheck: durations that are set must be at least 1 ms.
  public var validationError: String? {
    let durations = [("Interval", interval), ("Timeout", timeout), ("StartPeriod", startPeriod), ("StartInterval", startInterval)]
    if let (name, _) = durations.first(where: { $0.1 != 0 && $0.1 < 1_000_000 }) {
      return "\(name) in Healthcheck cannot be less than 1ms"
    }
    return retries < 0 ? "Retries in Healthcheck cannot be negative" : nil
  }
}

/// One probe's result: inspect's State.Health.Log entries.
public struct HealthResult: Sendable, Hashable {
  public var start: Timestamp
  public var end: Timestamp
  /// 0 healthy, 1 unhealthy; -1 when the probe could not run or timed out.
  public var exitCode: Int
  public var output: String

  public init(start: Timestamp, end: Timestamp, exitCode: Int, output: String) {
    self.start = start
    self.end = end
    self.exitCode = exitCode
    self.output = output
  }

  /// moby's limitedBuffer: the first 4096 bytes of the probe's stdout and stderr,
  /// and `...` when more was written.
  public static func keptOutput(_ bytes: [UInt8]) -> String {
    guard bytes.count > ContainerHealth.outputLimit else { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: bytes.prefix(ContainerHealth.outputLimit), as: UTF8.self) + "..."
  }
}

/// A HEALTHCHECK's numbers with the daemon's defaults filled in.
public struct HealthPolicy: Sendable, Hashable {
  public var interval: Duration
  public var timeout: Duration
  public var startPeriod: Duration
  /// 28 only; 20.10's monitor always waits `interval`.
  public var startInterval: Duration?
  public var retries: Int

  /// nil when the config runs no probe (`NONE`, an empty test, an unknown type):
  /// moby's getProbe.
  public init?(_ config: HealthConfig?, version: DockerVersion) {
    guard let config, let kind = config.test.first, kind == "CMD" || kind == "CMD-SHELL" else { return nil }
    func orDefault(_ value: Int64, _ fallback: Duration) -> Duration {
      value == 0 ? fallback : Duration(nanoseconds: value)
    }
    interval = orDefault(config.interval, .seconds(30))
    timeout = orDefault(config.timeout, .seconds(30))
    startPeriod = orDefault(config.startPeriod, .seconds(0))
    startInterval = version == .v28 ? orDefault(config.startInterval, .seconds(5)) : nil
    retries = config.retries <= 0 ? 3 : config.retries
  }

  /// The wait before the first probe (28 evaluates its rule at the start).
  var firstDelay: Duration { delay(at: nil, startedAt: nil, status: .starting) }

  /// 28's getInterval: the start interval while `starting` inside the start
  /// period, else the interval. `at` nil means "at the start" (inside any
  /// non-zero start period).
  func delay(at now: Timestamp?, startedAt: Timestamp?, status: ContainerHealth.Status) -> Duration {
    guard let startInterval, status == .starting else { return interval }
    let elapsed = now.flatMap { now in startedAt.map { now.since($0) } } ?? .seconds(0)
    return elapsed < startPeriod ? startInterval : interval
  }
}

/// Something due on a container at a moment of simulated time.
public enum ContainerEvent: Sendable, Hashable {
  /// The main process ends by itself (`sleep 5` after 5 s).
  case exit(id: String, at: Timestamp, status: Int32)
  /// The health monitor starts a probe.
  case probe(id: String, at: Timestamp)
  /// A probe that ran ends: the daemon records its result.
  case probeEnds(id: String, at: Timestamp)

  public var time: Timestamp {
    switch self {
    case .exit(_, let at, _), .probe(_, let at), .probeEnds(_, let at): return at
    }
  }

  /// At the same moment an exit goes first (a dying container starts no probe),
  /// then results, then new probes.
  var rank: Int {
    switch self {
    case .exit: return 0
    case .probeEnds: return 1
    case .probe: return 2
    }
  }
}

extension Engine {
  /// The HEALTHCHECK rules that apply to the container, nil when it runs no probe.
  public func healthPolicy(of container: Container) -> HealthPolicy? {
    HealthPolicy(container.healthcheck, version: version)
  }

  /// The earliest event due by now, over all running containers.
  public func nextDueEvent() -> ContainerEvent? {
    var due: [ContainerEvent] = []
    for container in containers.all where container.state.running {
      if let end = container.state.scheduledExit { due.append(.exit(id: container.id, at: end.at, status: end.status)) }
      guard let health = container.state.health else { continue }
      if let result = health.inFlight { due.append(.probeEnds(id: container.id, at: result.end)) }
      if let next = health.nextProbe { due.append(.probe(id: container.id, at: next)) }
    }
    return due.filter { $0.time <= clock.now }.min { ($0.time, $0.rank) < ($1.time, $1.rank) }
  }

  /// A probe ran: its result lands at its end; no other probe starts meanwhile.
  public mutating func probeRan(_ id: String, result: HealthResult) {
    guard var container = containers[id: id], container.state.health != nil else { return }
    container.state.health?.inFlight = result
    container.state.health?.nextProbe = nil
    containers.update(container)
  }

  /// The running probe's result is recorded (status, streak, log) and the next probe scheduled.
  public mutating func recordProbe(_ id: String) {
    guard var container = containers[id: id], let policy = healthPolicy(of: container),
      let result = container.state.health?.inFlight
    else { return }
    container.state.health?.record(result, startedAt: container.state.startedAt, policy: policy)
    containers.update(container)
  }
}

extension Engine {
  /// Records the container's last probe result again, one per probe cycle, for
  /// every probe that would have ended by now (and before the main process's own
  /// end): a catch-up over a stretch in which nothing but the probes ran in the
  /// container. Returns false when no such probe was due.
  public mutating func repeatLastProbe(_ id: String) -> Bool {
    guard var container = containers[id: id], let policy = healthPolicy(of: container),
      var health = container.state.health, let last = health.log.last
    else { return false }
    let took = last.end.since(last.start)
    let limit = min(clock.now, container.state.scheduledExit?.at ?? clock.now)
    var repeated = false
    while let next = health.nextProbe, next.adding(took) <= limit {
      let again = HealthResult(start: next, end: next.adding(took), exitCode: last.exitCode, output: last.output)
      health.record(again, startedAt: container.state.startedAt, policy: policy)
      repeated = true
    }
    container.state.health = health
    containers.update(container)
    return repeated
  }
}
