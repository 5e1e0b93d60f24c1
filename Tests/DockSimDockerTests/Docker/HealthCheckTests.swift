import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker

/// HEALTHCHECK at run time: `docker ps` STATUS, inspect's State.Health and
/// `--filter health=`, on the simulated clock, in both versions, against
/// checked-in transcripts (`DOCKSIM_BLESS=1` rewrites them). The rules and texts
/// are moby's daemon/health.go, container/health.go and daemon/list.go (20.10.24,
/// 28.2.2); the ps table is the CLI's for the daemon's Status string.
@Suite struct HealthCheckTests {
  static let lifecycle = [
    "printf 'FROM alpine\\nHEALTHCHECK --interval=5s --retries=2 CMD test -f /ok\\n' | docker build -q -t probed - > /dev/null 2>&1",
    "docker run -d --name web probed sleep 1000 > /dev/null",
    "docker inspect -f '{{json .State.Health}}' web",
    "docker ps",
    "sleep 6; docker ps --format '{{.Status}}'",
    "docker exec web touch /ok; sleep 5; docker ps --format '{{.Status}}'",
    "docker inspect -f '{{json .State.Health}}' web",
    "docker exec web rm /ok; sleep 5; docker ps --format '{{.Status}}'",
    "sleep 5; docker ps --format '{{.Status}}'",
    "docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' web",
    "docker ps --filter health=unhealthy --format '{{.Names}}'",
    "docker ps --filter health=healthy --filter health=unhealthy --format '{{.Names}}'",
    "docker ps --filter health=starting --format '{{.Names}}'",
    "docker run -d --name plain alpine sleep 1000 > /dev/null; docker ps --filter health=none --format '{{.Names}}'",
    "docker stop -t 1 web > /dev/null; docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' web",
    "docker ps -a --format '{{.Names}} {{.Status}}'",
    "docker start web > /dev/null; docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' web",
    "docker ps --format '{{.Names}} {{.Status}}'",
    "docker create --name fresh probed > /dev/null; docker inspect -f '{{json .State}}' fresh",
    "docker inspect -f '{{json .State.Health}}' plain",
    "docker inspect -f '{{.State.Health.Status}}' plain",
    "docker ps --filter health=sick",
    "docker ps --filter status=paused --filter status=bogus",
    "docker ps --filter exited=x",
    "docker ps --filter colour=red",
    "docker ps --filter health",
    "docker ps --filter status=created --format '{{.Names}}'",
    "docker ps -n 1 --filter name=web --format '{{.Names}}'",
    "docker ps --filter ' Health = starting ' --format '{{.Names}}'",
  ]

  @Test(arguments: DockerVersion.allCases) func lifecycle(version: DockerVersion) {
    var h = SessionHarness(version)
    GoldenFile.check(h.transcript(Self.lifecycle), file: "health-\(version.rawValue).txt", folder: "containers")
  }

  /// What a probe prints, a program that is not there, a probe that outruns its
  /// timeout (20.10 and 28 word it differently), and 28's start interval.
  static let probes = [
    """
    docker build -q -t chatty - > /dev/null 2>&1 <<'EOF'
    FROM alpine
    HEALTHCHECK --interval=10s CMD echo checking; echo oops >&2; exit 3
    EOF
    """,
    "docker run -d --name chatty chatty sleep 1000 > /dev/null; sleep 11",
    "docker inspect -f '{{json .State.Health.Log}}' chatty",
    "printf 'FROM alpine\\nHEALTHCHECK --interval=10s CMD [\"curl\", \"-f\", \"http://localhost/\"]\\n' | docker build -q -t nocurl - > /dev/null 2>&1",
    "docker run -d --name nocurl nocurl sleep 1000 > /dev/null; sleep 11",
    "docker inspect -f '{{json .State.Health}}' nocurl",
    "printf 'FROM alpine\\nHEALTHCHECK --interval=10s --timeout=2s CMD echo slow; sleep 5\\n' | docker build -q -t slow - > /dev/null 2>&1",
    "docker run -d --name slow slow sleep 1000 > /dev/null; sleep 13",
    "docker inspect -f '{{json .State.Health}}' slow",
    "printf 'FROM alpine\\nHEALTHCHECK --interval=1m --start-period=30s CMD test -f /ok\\n' | docker build -q -t patient - > /dev/null 2>&1",
    "docker run -d --name patient patient sleep 1000 > /dev/null; sleep 20",
    "docker inspect -f '{{json .State.Health}}' patient",
    "docker ps --filter name=patient --format '{{.Status}}'",
  ]

  @Test(arguments: DockerVersion.allCases) func probes(version: DockerVersion) {
    var h = SessionHarness(version)
    GoldenFile.check(h.transcript(Self.probes), file: "health-probes-\(version.rawValue).txt", folder: "containers")
  }

  /// `docker run --health-*` and `--no-healthcheck`: the CLI's checks and texts, the
  /// daemon's 1 ms minimum, and its merge with the image's HEALTHCHECK.
  static let flags = [
    "printf 'FROM alpine\\nHEALTHCHECK --interval=5s --retries=2 CMD test -f /ok\\n' | docker build -q -t probed - > /dev/null 2>&1",
    "docker run -d --name flagged --health-cmd 'test -f /tmp/up' --health-interval 2s --health-retries 1 alpine sleep 1000 > /dev/null 2>&1",
    "docker inspect -f '{{json .Config.Healthcheck}}' flagged",
    "sleep 3; docker ps --format '{{.Names}} {{.Status}}'",
    "docker exec flagged touch /tmp/up; sleep 2; docker ps --format '{{.Names}} {{.Status}}'",
    "docker run -d --name merged --health-interval 3s probed sleep 1000 > /dev/null",
    "docker inspect -f '{{json .Config.Healthcheck}}' merged",
    "docker run -d --name disabled --no-healthcheck probed sleep 1000 > /dev/null",
    "docker inspect -f '{{json .Config.Healthcheck}} {{json .State.Health}}' disabled",
    "docker run -d --name bare --health-interval 5s alpine sleep 1000 > /dev/null; sleep 6",
    "docker inspect -f '{{json .Config.Healthcheck}} {{json .State.Health}}' bare",
    "docker ps --format '{{.Names}} {{.Status}}'",
    "docker run --health-interval x alpine",
    "docker run --no-healthcheck --health-retries 2 alpine",
    "docker create --health-timeout -1s alpine",
    "docker run --health-interval 500us alpine",
    "docker create --name early --health-start-interval 1s --health-start-period 10s --health-cmd true alpine",
  ]

  @Test(arguments: DockerVersion.allCases) func flags(version: DockerVersion) {
    var h = SessionHarness(version)
    GoldenFile.check(h.transcript(Self.flags), file: "health-flags-\(version.rawValue).txt", folder: "containers")
  }

  /// A day at a one-second interval: the catch-up runs a few probes through the
  /// shell and repeats the last result for the rest; the log keeps the last five.
  @Test func aLongSleepCatchesUpQuickly() {
    var h = SessionHarness(.v28)
    h.run("printf 'FROM alpine\\nHEALTHCHECK --interval=1s CMD true\\n' | docker build -q -t quick -")
    h.run("docker run -d --name quick quick sleep infinity")
    h.run("sleep 86400")
    let outcome = h.run("docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' quick")
    #expect(outcome.stdout == "healthy 0 5\n")
    let log = h.run("docker inspect -f '{{json .State.Health.Log}}' quick").stdout
    #expect(log.contains("\"Start\":\"2020-01-16T09:59:"))
  }

  /// Probes are the daemon's: `trace` does not narrate their file accesses.
  @Test func probesAreNotTraced() {
    var h = SessionHarness(.v20_10)
    h.run("printf 'FROM alpine\\nHEALTHCHECK --interval=1s CMD cat /etc/hostname\\n' | docker build -q -t traced -")
    h.run("docker run -d --name traced traced sleep infinity")
    h.run("trace on")
    h.run("sleep 3")
    let outcome = h.run("docker ps -q")
    #expect(outcome.stdout.split(separator: "\n").count == 1)
  }
}

/// moby's handleProbeResult and the monitor's timer, on values.
@Suite struct ContainerHealthRuleTests {
  static let started = Timestamp(seconds: 1_000)

  static func result(at seconds: Int64, exit: Int) -> HealthResult {
    HealthResult(
      start: started.adding(.seconds(seconds)), end: started.adding(.seconds(seconds)), exitCode: exit, output: "")
  }

  static func policy(_ version: DockerVersion, startPeriod: Int64 = 0) -> HealthPolicy {
    var config = HealthConfig(test: ["CMD", "true"])
    config.startPeriod = startPeriod * 1_000_000_000
    return HealthPolicy(config, version: version)!
  }

  @Test func failuresInsideTheStartPeriodDoNotCountWhileStarting() {
    let policy = Self.policy(.v20_10, startPeriod: 60)
    var health = ContainerHealth()
    health.open(startedAt: Self.started, policy: policy)
    for second in [30, 60, 90] { health.record(Self.result(at: Int64(second), exit: 1), startedAt: Self.started, policy: policy) }
    #expect(health.status == .starting)
    #expect(health.failingStreak == 2)
    health.record(Self.result(at: 120, exit: 1), startedAt: Self.started, policy: policy)
    #expect(health.status == .unhealthy)
  }

  @Test func theLogKeepsFiveAndSuccessClearsTheStreak() {
    let policy = Self.policy(.v28)
    var health = ContainerHealth()
    health.open(startedAt: Self.started, policy: policy)
    for second in 1...7 { health.record(Self.result(at: Int64(second), exit: 2), startedAt: Self.started, policy: policy) }
    #expect(health.log.count == 5)
    #expect(health.log.first?.start == Self.started.adding(.seconds(3)))
    #expect(health.status == .unhealthy && health.failingStreak == 7)
    health.record(Self.result(at: 8, exit: 0), startedAt: Self.started, policy: policy)
    #expect(health.status == .healthy && health.failingStreak == 0)
    health.close()
    #expect(health.status == .unhealthy && health.nextProbe == nil)
  }

  /// 28 probes every start interval (5 s) while starting inside the start period;
  /// 20.10 has no start interval.
  @Test func theFirstProbeWaitsPerVersion() {
    for (version, wait) in [(DockerVersion.v20_10, Int64(30)), (.v28, 5)] {
      var health = ContainerHealth()
      health.open(startedAt: Self.started, policy: Self.policy(version, startPeriod: 60))
      #expect(health.nextProbe == Self.started.adding(.seconds(wait)))
    }
    var health = ContainerHealth()
    health.open(startedAt: Self.started, policy: Self.policy(.v28))
    #expect(health.nextProbe == Self.started.adding(.seconds(30)))
  }

  @Test func outputIsCutAt4096Bytes() {
    #expect(HealthResult.keptOutput(Array("ok\n".utf8)) == "ok\n")
    let long = HealthResult.keptOutput([UInt8](repeating: 0x61, count: 5000))
    #expect(long.count == 4099 && long.hasSuffix("a..."))
  }
}
