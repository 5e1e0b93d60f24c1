import Testing

@testable import DockSimCore

@Suite struct ReferenceTests {
  @Test(arguments: [
    ("ubuntu", "docker.io/library/ubuntu", "ubuntu"),
    ("ubuntu:18.04", "docker.io/library/ubuntu:18.04", "ubuntu:18.04"),
    ("nuagebec/ubuntu", "docker.io/nuagebec/ubuntu", "nuagebec/ubuntu"),
    ("library/ubuntu", "docker.io/library/ubuntu", "ubuntu"),
    ("docker.io/ubuntu", "docker.io/library/ubuntu", "ubuntu"),
    ("index.docker.io/ubuntu", "docker.io/library/ubuntu", "ubuntu"),
    ("localhost:5000/foo/bar:tag", "localhost:5000/foo/bar:tag", "localhost:5000/foo/bar:tag"),
    ("localhost/foo", "localhost/foo", "localhost/foo"),
    ("my.registry.com:5000/team/app:v1.2", "my.registry.com:5000/team/app:v1.2", "my.registry.com:5000/team/app:v1.2"),
    ("ubuntu:Latest", "docker.io/library/ubuntu:Latest", "ubuntu:Latest"),
    ("foo_bar", "docker.io/library/foo_bar", "foo_bar"),
    ("foo__bar", "docker.io/library/foo__bar", "foo__bar"),
    ("foo.bar", "docker.io/library/foo.bar", "foo.bar"),
    ("foo--bar", "docker.io/library/foo--bar", "foo--bar"),
  ])
  func normalizes(input: String, full: String, familiar: String) throws {
    for version in DockerVersion.allCases {
      let reference = try Reference.parse(input, version: version)
      #expect(reference.description == full)
      #expect(reference.familiar == familiar)
    }
  }

  @Test func defaultTagAndDigest() throws {
    let hex = String(repeating: "ab", count: 32)
    let reference = try Reference.parse("ubuntu:18.04@sha256:" + hex, version: .v20_10)
    #expect(reference.tag == "18.04")
    #expect(reference.digest == "sha256:" + hex)
    #expect(try Reference.parse("ubuntu", version: .v28).withDefaultTag.familiar == "ubuntu:latest")
  }

  @Test(arguments: [
    ("Ubuntu", "invalid reference format: repository name must be lowercase",
     "invalid reference format: repository name (library/Ubuntu) must be lowercase"),
    ("UBUNTU:latest", "invalid reference format: repository name must be lowercase",
     "invalid reference format: repository name (library/UBUNTU) must be lowercase"),
    ("myregistry:5000/Foo", "invalid reference format: repository name must be lowercase",
     "invalid reference format: repository name (Foo) must be lowercase"),
    ("ubuntu:", "invalid reference format", "invalid reference format"),
    ("ubuntu::1", "invalid reference format", "invalid reference format"),
    (":tag", "invalid reference format", "invalid reference format"),
    ("", "invalid reference format", "invalid reference format"),
    ("ubuntu:-x", "invalid reference format", "invalid reference format"),
    ("foo//bar", "invalid reference format", "invalid reference format"),
    ("-foo", "invalid reference format", "invalid reference format"),
    ("foo-", "invalid reference format", "invalid reference format"),
    ("foo..bar", "invalid reference format", "invalid reference format"),
    ("foo___bar", "invalid reference format", "invalid reference format"),
    ("ubuntu latest", "invalid reference format", "invalid reference format"),
    ("ubuntu@sha256:abc", "invalid reference format", "invalid reference format"),
    ("ubuntu@sha256:" + String(repeating: "a", count: 63), "invalid checksum digest length", "invalid checksum digest length"),
    ("ubuntu@sha256:" + String(repeating: "A", count: 64), "invalid checksum digest format", "invalid checksum digest format"),
    ("ubuntu@md5:" + String(repeating: "a", count: 32), "unsupported digest algorithm", "unsupported digest algorithm"),
    (String(repeating: "a", count: 64),
     "invalid repository name (\(String(repeating: "a", count: 64))), cannot specify 64-byte hexadecimal strings",
     "invalid repository name (\(String(repeating: "a", count: 64))), cannot specify 64-byte hexadecimal strings"),
    (String(repeating: "a", count: 256), "repository name must not be more than 255 characters",
     "repository name must not be more than 255 characters"),
  ])
  func rejects(input: String, old: String, new: String) {
    #expect(message(input, .v20_10) == old)
    #expect(message(input, .v28) == new)
  }

  @Test func tagLengthLimit() throws {
    #expect(throws: Never.self) { try Reference.parse("ubuntu:" + String(repeating: "a", count: 128), version: .v20_10) }
    #expect(message("ubuntu:" + String(repeating: "a", count: 129), .v20_10) == "invalid reference format")
  }

  @Test func oldLibraryCountsTheWholeName() {
    // 240 characters of path: under 255 alone, over it with docker.io/library/ in front.
    let name = String(repeating: "a", count: 240)
    #expect(message(name, .v20_10) == "repository name must not be more than 255 characters")
    #expect(message(name, .v28) == nil)
  }

  @Test func newLibraryTreatsUpperCaseFirstComponentAsHost() throws {
    #expect(message("Docker/docker", .v20_10) == "invalid reference format: repository name must be lowercase")
    let reference = try Reference.parse("Docker/docker", version: .v28)
    #expect(reference.domain == "Docker")
    #expect(reference.path == "docker")
  }

  @Test func anyReferenceTakesIDs() throws {
    let hex = String(repeating: "0123456789abcdef", count: 4)
    #expect(try Reference.parseAny(hex, version: .v20_10) == .id(Digest(hex: hex)))
    #expect(try Reference.parseAny("sha256:" + hex, version: .v20_10) == .id(Digest(hex: hex)))
  }

  private func message(_ input: String, _ version: DockerVersion) -> String? {
    do {
      _ = try Reference.parse(input, version: version)
      return nil
    } catch {
      return error.message(for: version)
    }
  }
}
