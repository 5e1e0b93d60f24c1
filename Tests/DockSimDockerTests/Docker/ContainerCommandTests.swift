import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// A session for one emulated version; containers come from the built-in `docksim/test` image.
private func harness(_ version: DockerVersion = .v20_10) -> ShellHarness {
  ShellHarness(session: Session(settings: Settings(dockerVersion: version)))
}

private let header = "CONTAINER ID   IMAGE          COMMAND       CREATED         STATUS          PORTS     NAMES\n"

@Suite struct ContainerRunTests {
  @Test func detachedRunPrintsTheIDAndStaysUp() throws {
    var h = harness()
    let run = h.run("docker run -d docksim/test sleep 1000")
    #expect(run.status == 0 && run.stderr == "")
    let id = run.stdout.trimmingCharacters(in: "\n")
    #expect(id.count == 64 && id.allSatisfy(\.isHexDigit))
    h.session.engine.clock.advance(by: .minutes(2))
    let ps = h.run("docker ps")
    let name = try #require(h.session.engine.containers.all.first?.name)
    #expect(
      ps.stdout
        == "CONTAINER ID   IMAGE          COMMAND        CREATED         STATUS         PORTS     NAMES\n"
        + "\(id.prefix(12))   docksim/test   \"sleep 1000\"   2 minutes ago   Up 2 minutes             \(name)\n")
  }

  @Test func oneShotRunPrintsTheOutputAndExits() {
    var h = harness()
    #expect(h.run("docker run docksim/test cat /etc/motd") == out("Welcome to docksim.\n"))
    h.session.engine.clock.advance(by: .seconds(3))
    let ps = h.run("docker ps -a --format '{{.Status}}|{{.Command}}'")
    #expect(ps.stdout == "Exited (0) 3 seconds ago|\"cat /etc/motd\"\n")
    #expect(h.run("docker ps").stdout == "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n")
  }

  @Test func sleepEndsOnTheSimulatedClock() {
    var h = harness()
    h.run("docker run -d docksim/test sleep 5")
    h.session.engine.clock.advance(by: .seconds(65))
    #expect(h.run("docker ps -a --format '{{.Status}}'").stdout == "Exited (0) About a minute ago\n")
  }

  @Test func missingCommand20_10() {
    var h = harness(.v20_10)
    let run = h.run("docker run docksim/test foo")
    #expect(
      run.stderr
        == "docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"foo\": executable file not found in $PATH: unknown.\n"
    )
    #expect(run.status == 127)
    #expect(h.run("docker ps -a --format '{{.Status}}'").stdout == "Created\n")
  }

  @Test func missingCommand28() {
    var h = harness(.v28)
    let run = h.run("docker run --rm docksim/test foo")
    #expect(
      run.stderr
        == "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: \"foo\": executable file not found in $PATH: unknown\n\nRun 'docker run --help' for more information\n"
    )
    #expect(run.status == 127)
    #expect(h.session.engine.containers.all.isEmpty)
  }

  @Test(arguments: DockerVersion.allCases)
  func nameConflict(_ version: DockerVersion) throws {
    var h = harness(version)
    h.run("docker create --name web docksim/test")
    let id = try #require(h.session.engine.containers.all.first?.id)
    let run = h.run("docker run --name web docksim/test")
    let message =
      "docker: Error response from daemon: Conflict. The container name \"/web\" is already in use by container \"\(id)\". You have to remove (or rename) that container to be able to reuse that name."
    switch version {
    case .v20_10: #expect(run.stderr == message + "\nSee 'docker run --help'.\n")
    case .v28: #expect(run.stderr == message + "\n\nRun 'docker run --help' for more information\n")
    }
    #expect(run.status == 125)
  }

  @Test func invalidName() {
    var h = harness()
    #expect(
      h.run("docker create --name x docksim/test").stderr
        == "docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker create --help'.\n"
    )
  }

  @Test func missingImage() {
    var h = harness()
    let run = h.run("docker run nosuchimage")
    #expect(
      run.stderr
        == "Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\nSee 'docker run --help'.\n"
    )
    #expect(run.status == 125)
  }
}

@Suite struct ContainerShellTests {
  @Test func runItEntersTheContainerAndExitEndsIt() throws {
    var h = harness()
    #expect(h.run("docker run -it docksim/test bash") == out(""))
    let container = try #require(h.session.engine.containers.all.first)
    #expect(h.session.prompt == "root@\(container.shortID):/# ")
    // /etc/hostname is Docker's bind mount: the container's hostname, the short ID.
    #expect(h.run("cat /etc/hostname") == out("\(container.shortID)\n"))
    #expect(h.run("hostname") == out("\(container.shortID)\n"))
    let exit = h.run("exit 3")
    #expect(exit.status == 3)
    #expect(h.session.prompt == "$ ")
    #expect(h.run("docker ps -a --format '{{.Status}}'").stdout == "Exited (3) Less than a second ago\n")
  }

  @Test func rmFlagRemovesTheContainerOnExit() {
    var h = harness()
    h.run("docker run -it --rm docksim/test")
    h.run("exit")
    #expect(h.session.engine.containers.all.isEmpty)
  }

  @Test func execShellLeavesTheContainerRunning() throws {
    var h = harness()
    h.run("docker run -dit --name box docksim/test bash")
    #expect(h.run("docker exec -it box bash") == out(""))
    let container = try #require(h.session.engine.containers.named("box"))
    #expect(h.session.prompt == "root@\(container.shortID):/# ")
    h.run("exit")
    #expect(h.session.prompt == "$ ")
    #expect(h.run("docker ps --format '{{.Names}} {{.Status}}'").stdout == "box Up Less than a second\n")
  }

  @Test func execRunsACommand() {
    var h = harness()
    h.run("docker run -dit --name box docksim/test")
    #expect(h.run("docker exec box cat /etc/os-release") == out("NAME=\"docksim\"\nID=docksim\n"))
  }

  @Test(arguments: DockerVersion.allCases)
  func execInAStoppedContainer(_ version: DockerVersion) throws {
    var h = harness(version)
    h.run("docker create --name box docksim/test")
    let id = try #require(h.session.engine.containers.all.first?.id)
    #expect(h.run("docker exec box ls") == out("", "Error response from daemon: Container \(id) is not running\n", 1))
  }

  @Test func execMissingContainer() {
    var h = harness(.v20_10)
    #expect(h.run("docker exec nope ls") == out("", "Error: No such container: nope\n", 1))
    h = harness(.v28)
    #expect(h.run("docker exec nope ls") == out("", "Error response from daemon: No such container: nope\n", 1))
  }
}

@Suite struct ContainerLifecycleCommandTests {
  @Test func stopEchoesAndAShellIsKilledAfterTheTimeout() {
    var h = harness()
    h.run("docker run -dit --name box docksim/test")
    let start = h.session.engine.clock.now
    #expect(h.run("docker stop box") == out("box\n"))
    #expect(h.session.engine.clock.now.since(start) >= .seconds(10))
    #expect(h.run("docker ps -a --format '{{.Status}}'").stdout == "Exited (137) Less than a second ago\n")
    #expect(h.run("docker stop box") == out("box\n"))
  }

  @Test func startEchoesAndRestartsAShell() {
    var h = harness()
    h.run("docker create -it --name box docksim/test")
    #expect(h.run("docker start box") == out("box\n"))
    #expect(h.run("docker ps --format '{{.Status}}'").stdout == "Up Less than a second\n")
  }

  @Test func startReportsMissingContainers() {
    var h = harness(.v28)
    #expect(
      h.run("docker start nope nope2")
        == out(
          "",
          "Error response from daemon: No such container: nope\nError response from daemon: No such container: nope2\nError: failed to start containers: nope, nope2\n",
          1))
  }

  @Test(arguments: DockerVersion.allCases)
  func removeRefusesARunningContainer(_ version: DockerVersion) throws {
    var h = harness(version)
    h.run("docker run -d --name web docksim/test sleep 100")
    let id = try #require(h.session.engine.containers.all.first?.id)
    let rm = h.run("docker rm web")
    switch version {
    case .v20_10:
      #expect(
        rm.stderr
          == "Error response from daemon: You cannot remove a running container \(id). Stop the container before attempting removal or force remove\n"
      )
    case .v28:
      #expect(
        rm.stderr
          == "Error response from daemon: cannot remove container \"/web\": container is running: stop the container before removing or force remove\n"
      )
    }
    #expect(rm.status == 1)
    #expect(h.run("docker rm -f \(id.prefix(5))") == out("\(id.prefix(5))\n"))
    #expect(h.session.engine.containers.all.isEmpty)
  }

  @Test func removeMissing() {
    var h = harness(.v20_10)
    #expect(h.run("docker rm nope") == out("", "Error: No such container: nope\n", 1))
    h = harness(.v28)
    #expect(h.run("docker container remove nope") == out("", "Error response from daemon: No such container: nope\n", 1))
  }

  @Test func listFlags() {
    var h = harness()
    h.run("docker run -d --name one docksim/test sleep 100")
    h.run("docker create --name two docksim/test echo 'a b'")
    #expect(h.run("docker ps -a --format '{{.Names}} {{.Command}}'").stdout == "two \"echo 'a b'\"\none \"sleep 100\"\n")
    #expect(h.run("docker ps -l --format '{{.Names}}'").stdout == "two\n")
    #expect(h.run("docker ps -n 5 --format '{{.Names}} {{.State}}'").stdout == "two created\none running\n")
    #expect(h.run("docker ps -qa").stdout.split(separator: "\n").map(\.count) == [12, 12])
  }

  @Test func commandIsEllipsizedAndQuoted() {
    var h = harness()
    h.run("docker create docksim/test cat /etc/motd /etc/hostname")
    #expect(h.run("docker ps -a --format '{{.Command}}'").stdout == "\"cat /etc/motd /etc/…\"\n")
  }
}

@Suite struct ContainerNameTests {
  @Test func namesAreSeededAndRetryWithADigit() {
    var random = SplitMix64(seed: 7)
    let store = ContainerStore()
    let first = store.newName(forID: "abc", using: &random)
    var again = SplitMix64(seed: 7)
    #expect(NameGenerator.randomName(retry: 0, using: &again) == first)
    #expect(first.split(separator: "_").count >= 2)
    let retried = NameGenerator.randomName(retry: 1, using: &again)
    #expect(retried.last!.isNumber)
  }

  @Test func validNames() {
    #expect(ContainerStore.isValidName("web"))
    #expect(ContainerStore.isValidName("/web-1.x_y"))
    #expect(!ContainerStore.isValidName("x"))
    #expect(!ContainerStore.isValidName("-web"))
    #expect(!ContainerStore.isValidName("we b"))
  }

  @Test func idsAreNeverAllDigitsInShortForm() {
    var random = SplitMix64(seed: 1)
    for _ in 0..<50 {
      let id = ContainerStore.newID(using: &random)
      #expect(id.count == 64 && !id.prefix(12).allSatisfy(\.isNumber))
    }
  }
}

@Suite struct ContainerDiffCommitTests {
  @Test func diffListsTheContainersChanges() {
    var h = harness()
    h.run("docker run -it --name box docksim/test bash")
    h.run("touch /tmp/x")
    h.run("rm /etc/motd")
    h.run("mkdir -p /root/new/deep")
    h.run("exit")
    // bash saved the typed lines to ~/.bash_history on exit.
    #expect(
      h.run("docker diff box")
        == out(
          "C /etc\nD /etc/motd\nC /root\nA /root/.bash_history\nA /root/new\nA /root/new/deep\nC /tmp\nA /tmp/x\n"))
  }

  @Test func diffOfAnUnchangedContainerPrintsNothing() {
    var h = harness()
    h.run("docker create --name box docksim/test")
    #expect(h.run("docker diff box") == out(""))
  }

  @Test(arguments: DockerVersion.allCases)
  func diffErrors(_ version: DockerVersion) {
    var h = harness(version)
    #expect(h.run("docker diff nope") == out("", "Error response from daemon: No such container: nope\n", 1))
  }

  @Test func commitMakesANewImageAndLeavesTheOldOne() throws {
    var h = harness()
    h.run("docker run -it --name box docksim/test bash")
    h.run("echo hello > /root/greeting")
    h.run("exit")
    let commit = h.run("docker commit -m 'add greeting' box greeter:v1")
    #expect(commit.status == 0 && commit.stderr == "")
    let id = try #require(Digest(parsing: commit.stdout.trimmingCharacters(in: "\n")))
    let image = try #require(h.session.engine.images.image(id))
    #expect(image.parent == TestImage.image.id)
    #expect(image.layers.count == TestImage.image.layers.count + 1)
    #expect(image.layers.dropLast() == TestImage.image.layers[...])
    #expect(image.history.last?.createdBy == "bash")
    #expect(image.history.last?.comment == "add greeting")
    #expect(h.session.engine.images.image(TestImage.image.id) == TestImage.image)
    // A container of the new image sees the committed file; one of the old image does not.
    #expect(h.run("docker run greeter:v1 cat /root/greeting") == out("hello\n"))
    #expect(h.run("docker run docksim/test cat /root/greeting").status == 1)
  }

  @Test func commitWithoutChangesAddsAnEmptyLayerEntry() throws {
    var h = harness()
    h.run("docker create --name box docksim/test")
    let id = try #require(Digest(parsing: h.run("docker commit box").stdout.trimmingCharacters(in: "\n")))
    let image = try #require(h.session.engine.images.image(id))
    #expect(image.layers == TestImage.image.layers)
    #expect(image.history.last?.emptyLayer == true)
  }

  @Test func commitErrors() {
    var h = harness()
    #expect(h.run("docker commit nope") == out("", "Error response from daemon: No such container: nope\n", 1))
  }
}

@Suite struct ContainerPortTests {
  @Test(arguments: DockerVersion.allCases)
  func publishedPortsShowWhileRunning(_ version: DockerVersion) {
    var h = harness(version)
    h.run("docker run -d -p 8080:80 --name web docksim/test sleep 100")
    let ports = h.run("docker ps --format '{{.Ports}}'").stdout
    switch version {
    case .v20_10: #expect(ports == "0.0.0.0:8080->80/tcp, :::8080->80/tcp\n")
    case .v28: #expect(ports == "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n")
    }
    h.run("docker stop web")
    #expect(h.run("docker ps -a --format '[{{.Ports}}]'").stdout == "[]\n")
  }

  /// The layout the real CLIs print for the same daemon answer (captured with a fake daemon).
  @Test func displayMatchesTheRealCLI() {
    let exposed = [ListedPort(privatePort: 443), ListedPort(privatePort: 80)]
    #expect(PortDisplay.text(exposed, version: .v20_10) == "80/tcp, 443/tcp")
    let range = [80, 81, 82].map { ListedPort(privatePort: $0) } + [ListedPort(privatePort: 53, type: "udp")]
    #expect(PortDisplay.text(range, version: .v28) == "53/udp, 80-82/tcp")
    let same = [ListedPort(ip: "0.0.0.0", privatePort: 80, publicPort: 80)]
    #expect(PortDisplay.text(same, version: .v28) == "0.0.0.0:80->80/tcp")
  }

  @Test(arguments: DockerVersion.allCases)
  func aTakenHostPortFailsTheStart(_ version: DockerVersion) throws {
    var h = harness(version)
    h.run("docker run -d -p 8080:80 docksim/test sleep 100")
    let run = h.run("docker run -d -p 8080:80 --name second docksim/test sleep 100")
    let second = try #require(h.session.engine.containers.named("second"))
    let text =
      "driver failed programming external connectivity on endpoint second (\(second.id)): Bind for 0.0.0.0:8080 failed: port is already allocated"
    switch version {
    case .v20_10: #expect(run.stderr == "docker: Error response from daemon: \(text).\n")
    case .v28:
      #expect(
        run.stderr
          == "docker: Error response from daemon: failed to set up container networking: \(text)\n\nRun 'docker run --help' for more information\n"
      )
    }
    #expect(run.status == 125)
    #expect(second.state.status == "created")
  }

  @Test(arguments: DockerVersion.allCases)
  func invalidPublishValues(_ version: DockerVersion) {
    var h = harness(version)
    let run = h.run("docker run -p 99999:80 docksim/test")
    switch version {
    case .v20_10: #expect(run.stderr == "docker: Invalid hostPort: 99999.\nSee 'docker run --help'.\n")
    case .v28: #expect(run.stderr == "docker: invalid hostPort: 99999\n\nRun 'docker run --help' for more information\n")
    }
    #expect(run.status == 125)
  }
}

@Suite struct ContainerInputTests {
  @Test func aPipedScriptRunsInTheContainerShell() {
    var h = harness()
    #expect(h.run("echo 'cat /etc/motd' | docker run -i docksim/test sh") == out("Welcome to docksim.\n"))
    #expect(h.run("docker ps -a --format '{{.Status}}'").stdout == "Exited (0) Less than a second ago\n")
  }

  @Test func stopTimeoutFlagPerVersion() {
    var h = harness(.v28)
    h.run("docker run -dit --name box docksim/test")
    let start = h.session.engine.clock.now
    #expect(h.run("docker stop --timeout 3 box") == out("box\n"))
    #expect(h.session.engine.clock.now.since(start) < .seconds(4))
    h.run("docker start box")
    // The real 28 CLI warns (pflag's MarkDeprecated) and still accepts it.
    #expect(h.run("docker stop --time 2 box") == out("box\n", "Flag --time has been deprecated, use --timeout instead\n"))
    h = harness(.v20_10)
    #expect(h.run("docker stop --timeout 3 box").status == 125)
  }
}

@Suite struct ContainerImageUserTests {
  @Test func containersAreUsersOfTheirImages() throws {
    var h = harness()
    h.run("docker run -d docksim/test sleep 100")
    let users = h.session.engine.imageUsers
    #expect(users.count == 1)
    let user = try #require(users.first)
    #expect(user.imageID == TestImage.image.id && user.running)
    #expect(user.layerChainIDs == TestImage.image.chainIDs)
  }
}
