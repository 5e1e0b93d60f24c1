import DockSimCore
import Testing

@testable import DockSimDocker

/// Every docker command of the course text (docker 004, images and repositories), in
/// order, compared with a checked-in transcript, in both emulated versions.
@Suite struct CourseTextReplayTests {
  static let commands = [
    "docker images",
    "docker search ubuntu",
    "docker pull ubuntu",
    "docker pull ubuntu:18.04",
    "docker pull hello-world",
    "docker images",
    "docker pull fedora:31",
    "docker pull fedora:30",
    "docker images fedora",
    "docker images fedora:31",
    "docker search nginx",
  ]

  @Test(arguments: DockerVersion.allCases)
  func replay(version: DockerVersion) {
    var harness = DockerHarness(version: version)
    RegistryGolden.check(harness.transcript(Self.commands), file: "course-004-\(version.rawValue).txt")
  }
}
