import DockSimCore
import Testing

@testable import DockSimDocker

/// `docker images --filter before=|since=|label=` (and 28's `until=`) with their
/// errors, and the CONTAINERS field, in both versions (Tests/Transcripts/containers).
@Suite struct ImageFilterTests {
  static let commands = [
    "docker pull -q busybox",
    "docker pull -q ubuntu:18.04",
    "docker pull -q nginx",
    "docker images",
    "docker images --filter before=nginx",
    "docker images --filter since=ubuntu:18.04",
    "docker images --filter since=busybox --filter before=nginx",
    "docker images --filter label=maintainer",
    "docker images --filter 'label=maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'",
    "docker images --filter label=maintainer=someone",
    "docker images --filter label=nosuch",
    "docker images --filter before=nosuch",
    "docker images --filter since=Bad",
    "docker images --filter until=1h",
    "docker images --filter until=87600h",
    "docker images --filter until=2020-01-01",
    "docker images --filter until=abc",
    "docker images --format '{{.Repository}} {{.Containers}}'",
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var harness = DockerHarness(version: version)
    RegistryGolden.check(harness.transcript(Self.commands), file: "image-filters-\(version.rawValue).txt", folder: "containers")
  }
}

/// hello-world's `/hello` prints its message and the container exits with 0.
@Suite struct HelloWorldTests {
  static let commands = [
    "docker run hello-world",
    "docker run --name quiet -d hello-world",
    "docker ps -a",
    "docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.Path}}' quiet",
    "docker run hello-world ls",
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var harness = DockerHarness(version: version)
    RegistryGolden.check(harness.transcript(Self.commands), file: "hello-world-\(version.rawValue).txt", folder: "containers")
  }
}

/// 28's deprecation warning for `is-automated` (docker/cli's own text; the CLI
/// lowercases filter names), `pull -a` (the CLI's closing line checked against both
/// real CLIs), and a registry docksim does not have (the daemon cannot resolve its
/// name, or nothing listens on the loopback address), for pull, pull -a, push and login.
@Suite struct RegistryTextTests {
  static let commands = [
    "docker pull -a busybox",
    "docker search --filter is-automated=true --limit 2 nginx",
    "docker search --filter Is-Automated=false --limit 2 nginx",
    "docker pull quay.io/foo/bar",
    "docker pull registry.example.com:5000/team/app:1.0",
    "docker pull -a registry.example.com:5000/team/app",
    "docker login -u me -p secret registry.example.com:5000",
    // A loopback registry is insecure by default: https, then http, whose refusal is reported.
    "docker pull localhost:5000/myapp",
    "docker pull 127.0.0.1:5000/team/app:1.0",
    "docker pull localhost/myapp",
    "docker tag busybox localhost:5000/busybox",
    "docker push localhost:5000/busybox",
    "docker push localhost:5000/nothing",
    "docker login -u me -p secret localhost:5000",
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var harness = DockerHarness(version: version)
    RegistryGolden.check(harness.transcript(Self.commands), file: "registry-texts-\(version.rawValue).txt", folder: "containers")
  }
}
