import DockSimCore
import Testing

@testable import DockSimDocker
@testable import DockSimShell

/// `docker logs` (the main process's output as recorded, per stream, `-t`, `--tail`,
/// `-f` on a stopped container) and `docker commit --change`, in both versions
/// (Tests/Transcripts/containers).
@Suite struct LogsAndCommitTests {
  static let commands = [
    "docker run --name one ubuntu:18.04 sh -c 'echo out; echo err >&2; echo two'",
    "docker logs one",
    "docker logs -t one",
    "docker logs --tail 1 one",
    "docker logs -n 0 one",
    "docker logs -f one",
    "docker container logs --since 1h one",
    "docker logs --since abc one",
    "docker run -d --name bg ubuntu:18.04 sh -c 'ls /; echo done'",
    "docker logs --tail 2 bg",
    "docker run --name hi hello-world",
    "docker logs --tail 3 hi",
    "docker logs nosuch",
    "docker logs",
    "docker run --name base ubuntu:18.04 touch /made",
    "docker commit --change 'CMD [\"nginx\", \"-g\", \"daemon off;\"]' -c 'ENV APP=/srv PATH=$PATH:/opt' -c 'WORKDIR app' -c 'LABEL tier=web' -c 'EXPOSE 80 443/udp' -c 'USER www' -c 'ENTRYPOINT echo hi' base changed",
    "docker image inspect -f '{{json .Config}}' changed",
    "docker history changed",
    "docker commit -c 'ENTRYPOINT [\"/bin/sh\"]' base entry",
    "docker image inspect -f '{{json .Config.Cmd}} {{json .Config.Entrypoint}}' entry",
    "docker commit -c 'RUN echo hi' base bad",
    "docker commit -c 'STOPSIGNAL SIGKILL' base sig",
    "docker commit -c 'ENV' base bad",
    "docker commit -c 'FOO bar' base bad",
    // -f on a running container: waits for `sleep 30` on the simulated clock; a
    // process that never ends is cut short as by Ctrl-C when no terminal can send one.
    "docker run -d --name nap ubuntu:18.04 sleep 30",
    "docker logs -f nap",
    "docker ps -a --filter name=nap --format '{{.Names}} {{.Status}}'",
    "docker run -d --name forever ubuntu:18.04 sleep infinity",
    "docker logs -f -t forever",
    "docker ps --filter name=forever --format '{{.Names}} {{.Status}}'",
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var harness = DockerHarness(version: version)
    RegistryGolden.check(harness.transcript(Self.commands), file: "logs-commit-\(version.rawValue).txt", folder: "containers")
  }

  /// In a terminal the wait is played in real time: pauses of at most a minute (every
  /// front end sleeps that long), 30 s for `sleep 30`, a day for `sleep infinity`,
  /// which only Ctrl-C ends sooner.
  @Test func followWaitsInATerminal() {
    var harness = DockerHarness(version: .v28)
    var traits = TerminalTraits.terminal
    traits.animates = true
    harness.run("docker run -d --name nap ubuntu:18.04 sleep 30")
    harness.run("docker run -d --name forever ubuntu:18.04 sleep infinity")
    // `sleep 30` started a little before now (the second run took time).
    let napEnd = harness.session.engine.containers.named("nap")?.state.scheduledExit?.at
    let napLeft = napEnd.map { Int($0.since(harness.session.engine.clock.now).nanoseconds / 1_000_000) }
    #expect(napLeft == 29_100)
    for (name, milliseconds, status) in [("nap", napLeft ?? 0, Int32(0)), ("forever", 86_400_000, 130)] {
      var console = Console(traits: traits)
      let code = DockerCLI(version: .v28, invocation: Invocation(arguments: ["docker", "logs", "-f", name]))
        .main(session: &harness.session, console: &console)
      let pauses = console.events.compactMap { event -> Int? in
        if case .pause(let ms) = event { return ms }
        return nil
      }
      #expect(code == status)
      #expect(pauses.reduce(0, +) == milliseconds)
      #expect(pauses.allSatisfy { $0 <= 60_000 })
    }
    // The wait for `sleep 30` moved the clock to its end: the container has exited.
    #expect(harness.session.engine.containers.named("nap")?.state.running == false)
    #expect(harness.session.engine.clock.now == napEnd)
  }
}
