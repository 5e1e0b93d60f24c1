import DockSimCore
import Testing

@testable import DockSimCommands

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
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var harness = DockerHarness(version: version)
    RegistryGolden.check(harness.transcript(Self.commands), file: "logs-commit-\(version.rawValue).txt", folder: "containers")
  }
}
