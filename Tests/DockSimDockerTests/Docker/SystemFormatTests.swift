import DockSimCore
import Testing

@testable import DockSimDocker

/// `docker version --format` and `docker info --format` in both versions
/// (Tests/Transcripts/containers). The documents were served by a fake daemon to
/// the real 20.10.24 and 28.2.2 CLIs, whose output (JSON, plain text, errors) is
/// what these transcripts hold.
@Suite struct SystemFormatTests {
  static let commands = [
    "docker version --format '{{.Server.Version}}'",
    "docker version -f '{{.Client.Version}} {{.Client.APIVersion}} {{.Server.MinAPIVersion}}'",
    "docker version --format '{{json .}}'",
    "docker version --format json",
    "docker version --format '{{range .Server.Components}}{{.Name}}\t{{.Version}}{{\"\\n\"}}{{end}}'",
    "docker version --format '{{.Server.Components}}'",
    "docker version --format 'x{{.Server.Version}}{{.Foo}}'",
    "docker version --format '{{.Server.Foo}}'",
    "docker version --format '{{.Bad'",
    "docker run -d nginx",
    "docker info --format '{{.ServerVersion}} {{.Driver}} {{.NCPU}} {{.MemTotal}} {{.Containers}} {{.ContainersRunning}} {{.Images}}'",
    "docker info --format '{{.RegistryConfig.InsecureRegistryCIDRs}} {{.CgroupVersion}} {{.OperatingSystem}}'",
    "docker info --format '{{json .}}'",
    "docker info --format json",
    "docker info -f '{{json .ClientInfo}}'",
    "docker info --format '{{.Foo}}'",
    "docker info --format '{{.Bad'",
    "docker system info --format '{{.DockerRootDir}}'",
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var harness = DockerHarness(version: version)
    RegistryGolden.check(harness.transcript(Self.commands), file: "system-format-\(version.rawValue).txt", folder: "containers")
  }
}
