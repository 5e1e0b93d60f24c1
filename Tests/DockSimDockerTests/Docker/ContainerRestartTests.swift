import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker

/// `docker restart` in both versions, against checked-in transcripts
/// (`DOCKSIM_BLESS=1` rewrites them). The flag texts were checked against the
/// real 20.10.24 and 28.2.2 CLIs; the daemon side is moby's daemon/restart.go,
/// and the files it rewrites on every start are BuildHostnameFile's and the new
/// libnetwork sandbox's (edits made inside the container do not survive).
@Suite struct ContainerRestartTests {
  static let commands = [
    "docker run -d --name web nginx > /dev/null 2>&1",
    "docker exec web sh -c 'echo 10.0.0.9 extra >> /etc/hosts; echo renamed > /etc/hostname; echo nameserver 9.9.9.9 > /etc/resolv.conf'",
    "docker exec web cat /etc/hostname /etc/hosts /etc/resolv.conf",
    "docker stop web > /dev/null; docker run -d --name second alpine sleep 1000 > /dev/null 2>&1",
    "docker restart web",
    "docker exec web cat /etc/hostname /etc/hosts /etc/resolv.conf",
    "docker inspect -f '{{.State.Status}} {{.State.StartedAt}} {{.RestartCount}} {{.NetworkSettings.IPAddress}}' web",
    "docker run --name once alpine echo hi; docker restart once nosuch second",
    "docker ps -a --format '{{.Names}} {{.Status}}'",
    "docker logs once",
    "docker container restart -t 0 web",
    "docker restart --time 1 web",
    "docker restart --time 1 --timeout 2 web",
    "docker restart",
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var h = SessionHarness(version)
    GoldenFile.check(h.transcript(Self.commands), file: "restart-\(version.rawValue).txt", folder: "containers")
  }

  /// `docker stop` waits out a process that ignores SIGTERM: one that ends by itself
  /// first exits with its own status then; meanwhile health probes keep running.
  @Test func stopWaitsForTheProcessAndKeepsProbing() {
    var h = SessionHarness(.v28)
    h.run("docker run -d --name short alpine sleep 5")
    #expect(h.run("docker stop short").stdout == "short\n")
    #expect(h.run("docker ps -a --format '{{.Status}}'").stdout == "Exited (0) Less than a second ago\n")
    h.run("printf 'FROM alpine\\nHEALTHCHECK --interval=1s CMD true\\n' | docker build -q -t ticking -")
    h.run("docker run -d --name ticking ticking sleep 1000")
    h.run("docker stop -t 4 ticking")
    #expect(h.run("docker inspect -f '{{.State.ExitCode}} {{len .State.Health.Log}}' ticking").stdout == "137 4\n")
  }

  /// A restart starts the health monitor over: `starting`, with the log kept.
  @Test func aRestartedContainerIsStartingAgain() {
    var h = SessionHarness(.v20_10)
    h.run("printf 'FROM alpine\\nHEALTHCHECK --interval=2s CMD true\\n' | docker build -q -t ok -")
    h.run("docker run -d --name okay ok sleep 1000")
    h.run("sleep 3")
    #expect(h.run("docker ps --format '{{.Status}}'").stdout == "Up 3 seconds (healthy)\n")
    h.run("docker restart okay")
    #expect(h.run("docker ps --format '{{.Status}}'").stdout == "Up Less than a second (health: starting)\n")
    // The restart's stop waited 10 s for `sleep` (it ignores SIGTERM), probing all along.
    #expect(h.run("docker inspect -f '{{len .State.Health.Log}}' okay").stdout == "5\n")
  }
}
