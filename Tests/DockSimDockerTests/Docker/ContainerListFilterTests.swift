import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker

/// `docker ps --filter` as moby's daemon/list.go applies it: names and IDs as
/// regular expressions (a name with or without its `/`), `ancestor` as the image
/// and every image built on it, `before`/`since` as bounds on the newest-first
/// walk, alternatives within a key, all keys together.
@Suite struct ContainerListFilterTests {
  static let commands = [
    "printf 'FROM alpine\\nLABEL built=yes\\n' | docker build -q -t child - > /dev/null 2>&1",
    "docker run -d --name web alpine sleep 1000 > /dev/null; docker run -d --name webapp child sleep 1000 > /dev/null",
    "docker run -d --name db ubuntu:18.04 sleep 1000 > /dev/null 2>&1",
    "docker ps --filter name=web --format '{{.Names}}'",
    "docker ps --filter 'name=^web$' --format '{{.Names}}'",
    "docker ps --filter 'name=^/db' --format '{{.Names}}'",
    "docker ps --filter 'name=[' --format '{{.Names}}'",
    "docker ps --filter ancestor=alpine --format '{{.Names}} {{.Image}}'",
    "docker ps --filter ancestor=child --format '{{.Names}}'",
    "docker ps --filter ancestor=nosuch --format '{{.Names}}'",
    "docker ps --filter ancestor=child --filter ancestor=ubuntu:18.04 --format '{{.Names}}'",
    "docker ps --filter ancestor=alpine --filter name=app --format '{{.Names}}'",
    "docker ps --filter before=db --format '{{.Names}}'",
    "docker ps --filter since=web --format '{{.Names}}'",
    "docker ps --filter since=web --filter before=db --format '{{.Names}}'",
    "docker ps --filter since=db --filter before=web --format '{{.Names}}'",
    "docker ps --filter before=nosuch",
    "docker ps --filter before=db -n 1 --format '{{.Names}}'",
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var h = SessionHarness(version)
    GoldenFile.check(h.transcript(Self.commands), file: "ps-filters-\(version.rawValue).txt", folder: "containers")
  }
}
