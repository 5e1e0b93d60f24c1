import DockSimCore
import DockSimShell

/// The daemon's background work, caught up with the simulated clock before each
/// docker command: main processes that end by themselves, and HEALTHCHECK probes,
/// which run through the shell in the container as `docker exec` would.
extension Session {
  /// Probes a container runs through the interpreter in one catch-up; later ones
  /// in the same catch-up repeat the last result (nothing but the probes themselves
  /// can have changed the container since), recorded in one go, so `sleep 86400`
  /// with a 1 s interval stays quick.
  static let probesRunPerCatchUp = 20

  /// Applies every event due by now, in time order.
  mutating func settleContainers() {
    var runs: [String: Int] = [:]
    while let event = engine.nextDueEvent() {
      switch event {
      case .exit(let id, let at, let status):
        engine.markExited(id, status: status, at: at)
      case .probe(let id, let at):
        runs[id, default: 0] += 1
        if runs[id]! <= Self.probesRunPerCatchUp {
          engine.probeRan(id, result: runHealthProbe(id, at: at))
        } else if !engine.repeatLastProbe(id) {
          engine.probeRan(id, result: repeatedProbe(id, at: at))
        }
      case .probeEnds(let id, _):
        engine.recordProbe(id)
      }
    }
  }

  /// One probe started at `start`: moby's cmdProbe. The command runs with the
  /// container's environment and working directory, stdout and stderr together;
  /// the clock is set to `start` for it and put back afterwards.
  private mutating func runHealthProbe(_ id: String, at start: Timestamp) -> HealthResult {
    guard let container = engine.containers[id: id], let policy = engine.healthPolicy(of: container),
      let argv = Self.probeArguments(container.healthcheck?.test ?? []), !argv.isEmpty
    else { return HealthResult(start: start, end: start.adding(ContainerTiming.probeStart), exitCode: -1, output: "") }
    let now = engine.clock.now
    let narrator = self.narrator
    engine.clock = SimClock(start: start.adding(ContainerTiming.probeStart))
    var output = Console(traits: .plain)
    var status: Int32 = -1
    var text = ContainerRuntimeText.execNotFound(argv[0])
    if containerCanRun(id, program: argv[0]) {
      status = runInContainer(
        id, arguments: argv, workingDirectory: container.workingDirectory,
        environment: Self.environment(container.environment), console: &output)
      text = HealthResult.keptOutput(output.events.flatMap { event -> [UInt8] in
        if case .write(_, let bytes) = event { return bytes }
        return []
      })
    }
    let end = engine.clock.now
    engine.clock = SimClock(start: now)
    // The probe is the daemon's doing, not the user's: `trace` does not narrate it.
    self.narrator = narrator
    return Self.timedOut(start: start, end: end, output: text, policy: policy, version: engine.version)
      ?? HealthResult(start: start, end: end, exitCode: Int(status), output: text)
  }

  /// `CMD args...` runs as is; `CMD-SHELL command` runs with `/bin/sh -c` (moby's getShell).
  static func probeArguments(_ test: [String]) -> [String]? {
    switch test.first {
    case "CMD": return Array(test.dropFirst())
    case "CMD-SHELL": return ["/bin/sh", "-c"] + test.dropFirst()
    default: return nil
    }
  }

  /// A probe that outran its timeout: the daemon kills it and records -1. 20.10's
  /// timeout counts from the probe's start and its text has no output; 28's counts
  /// from the exec's start and adds what the probe printed.
  static func timedOut(start: Timestamp, end: Timestamp, output: String, policy: HealthPolicy, version: DockerVersion)
    -> HealthResult?
  {
    let execStarted = start.adding(ContainerTiming.probeStart)
    guard end.since(execStarted) > policy.timeout else { return nil }
    let limit = GoDurationText.string(policy.timeout.nanoseconds)
    switch version {
    case .v20_10:
      return HealthResult(
        start: start, end: start.adding(policy.timeout), exitCode: -1, output: "Health check exceeded timeout (\(limit))")
    case .v28:
      let text = "Health check exceeded timeout (\(limit))" + (output.isEmpty ? "" : ": " + output)
      return HealthResult(start: start, end: execStarted.adding(policy.timeout), exitCode: -1, output: text)
    }
  }

  /// The last recorded result again, moved to `start`.
  private func repeatedProbe(_ id: String, at start: Timestamp) -> HealthResult {
    guard let last = engine.containers[id: id]?.state.health?.log.last else {
      return HealthResult(start: start, end: start.adding(ContainerTiming.probeStart), exitCode: -1, output: "")
    }
    return HealthResult(start: start, end: start.adding(last.end.since(last.start)), exitCode: last.exitCode, output: last.output)
  }
}
