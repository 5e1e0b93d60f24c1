import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// A session with the bundled Hub and the built-in `docksim/test` image.
private func pushHarness(_ version: DockerVersion) -> ShellHarness {
  var session = Session(settings: Settings(dockerVersion: version), hub: RegistryTestSupport.hub ?? Hub())
  TestImage.install(into: &session.engine)
  return ShellHarness(session: session)
}

private let insecure = "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"

private func stored(_ version: DockerVersion) -> String {
  switch version {
  case .v20_10:
    "WARNING! Your password will be stored unencrypted in /root/.docker/config.json.\n"
      + "Configure a credential helper to remove this warning. See\n"
      + "https://docs.docker.com/engine/reference/commandline/login/#credentials-store\n\n"
  case .v28:
    "\nWARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.\n"
      + "Configure a credential helper to remove this warning. See\n"
      + "https://docs.docker.com/go/credential-store/\n\n"
  }
}

private let alpineDigest = "sha256:f2ed63d41fa5561a63331d316b900a9b0815376ccc257ff91a7a62261d5c1268"

@Suite struct PushCommandTests {
  @Test(arguments: DockerVersion.allCases) func loginAndLogout(version: DockerVersion) {
    var h = pushHarness(version)
    let noTTY = "Error: Cannot perform an interactive login from a non TTY device\n"
    #expect(h.run("docker login") == out("", noTTY, 1))
    #expect(h.run("docker login -u alice") == out("", noTTY, 1))
    #expect(h.run("docker logout") == out("Not logged in to https://index.docker.io/v1/\n"))
    #expect(h.run("docker login -u alice -p secret") == out("Login Succeeded\n", insecure + stored(version)))
    #expect(h.session.engine.hub.loggedInUser == "alice")
    #expect(h.run("docker logout") == out("Removing login credentials for https://index.docker.io/v1/\n"))
    #expect(h.session.engine.hub.loggedInUser == nil)
    #expect(h.run("echo pw | docker login -u bob --password-stdin") == out("Login Succeeded\n", stored(version)))
    #expect(h.session.engine.hub.loggedInUser == "bob")
  }

  @Test(arguments: DockerVersion.allCases) func loginFlagErrors(version: DockerVersion) {
    var h = pushHarness(version)
    #expect(
      h.run("echo pw | docker login --password-stdin")
        == out("", "Must provide --username with --password-stdin\n", 1))
    #expect(
      h.run("echo pw | docker login -u a -p b --password-stdin")
        == out("", insecure + "--password and --password-stdin are mutually exclusive\n", 1))
    #expect(h.session.engine.hub.loggedInUser == nil)
  }

  @Test(arguments: DockerVersion.allCases) func pushNeedsLoginAsTheOwner(version: DockerVersion) {
    var h = pushHarness(version)
    h.run("docker tag docksim/test alice/test:1.0")
    let layers = h.session.engine.images.imageFor(Reference(path: "docksim/test", tag: "latest"))!.layers.reversed()
    let preparing = layers.map { "\($0.diffID.short): Preparing\n" }.joined()
    let header = "The push refers to repository [docker.io/alice/test]\n"
    let denied = "denied: requested access to the resource is denied\n"
    #expect(h.run("docker push alice/test:1.0") == out(header + preparing, denied, 1))
    h.run("docker login -u bob -p x")
    #expect(h.run("docker push alice/test:1.0") == out(header + preparing, denied, 1))
    h.run("docker pull ubuntu")
    let ubuntu = "Using default tag: latest\nThe push refers to repository [docker.io/library/ubuntu]\n"
    let ubuntuLayers = h.session.engine.images.imageFor(Reference(path: "library/ubuntu", tag: "latest"))!.layers
    let ubuntuPreparing = ubuntuLayers.reversed().map { "\($0.diffID.short): Preparing\n" }.joined()
    #expect(h.run("docker push ubuntu") == out(ubuntu + ubuntuPreparing, denied, 1))
  }

  @Test(arguments: DockerVersion.allCases) func pushUploadsNewLayersAndTheHubServesThem(version: DockerVersion) {
    var h = pushHarness(version)
    h.run("docker login -u alice -p secret")
    h.run("docker tag docksim/test alice/test")
    let image = h.session.engine.images.imageFor(Reference(path: "docksim/test", tag: "latest"))!
    let layers = image.layers.reversed()
    let manifest = HubManifest(image: image)
    let expected =
      "Using default tag: latest\nThe push refers to repository [docker.io/alice/test]\n"
      + layers.map { "\($0.diffID.short): Preparing\n" }.joined()
      + layers.map { "\($0.diffID.short): Pushed\n" }.joined()
      + "latest: digest: \(manifest.digest) size: \(317 + 212 * image.layers.count)\n"
    #expect(h.run("docker push alice/test") == out(expected))
    #expect(h.run("docker image push alice/test").stdout.contains(": Layer already exists\n"))
    let search = h.run("docker search alice").stdout
    #expect(search.contains("\nalice/test "))
    h.run("docker rmi alice/test docksim/test")
    #expect(h.run("docker pull -q alice/test") == out("docker.io/alice/test:latest\n"))
  }

  @Test(arguments: DockerVersion.allCases) func pushGolden(version: DockerVersion) {
    var h = pushHarness(version)
    h.run("echo secret | docker login -u alice --password-stdin")
    h.run("docker pull alpine")
    h.run("docker tag alpine alice/tools:1.0")
    #expect(
      h.run("docker push alice/tools")
        == out(
          "Using default tag: latest\nThe push refers to repository [docker.io/alice/tools]\n",
          "An image does not exist locally with the tag: alice/tools\n", 1))
    #expect(
      h.run("docker push alice/tools:1.0")
        == out(
          """
          The push refers to repository [docker.io/alice/tools]
          b2dc89600300: Preparing
          b2dc89600300: Layer already exists
          1.0: digest: \(alpineDigest) size: 529

          """))
    let repoDigests = h.run("docker image inspect -f '{{.RepoDigests}}' alice/tools:1.0").stdout
    #expect(repoDigests.contains("alice/tools@\(alpineDigest)"))
  }
}
