import DockSimCore
import DockSimTestSupport
import Foundation
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// Random command sequences over the docker and shell grammar, then mutated, with the
/// simulator's invariants checked after every step. Seeded: a failure names its seed
/// and step, and replays exactly. `DOCKSIM_FUZZ_LINES=100000 swift test --filter Fuzz`
/// runs the long version (see README, "Guarantees").
@Suite struct FuzzTests {
  static let defaultLines = 1500

  static var lines: Int {
    Int(environmentValue("DOCKSIM_FUZZ_LINES") ?? "") ?? defaultLines
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func randomSessionsKeepEveryInvariant(seed: UInt64) {
    var fuzzer = Fuzzer(seed: seed)
    for step in 0..<(FuzzTests.lines / 3) {
      let line = fuzzer.nextLine()
      fuzzer.run(line)
      if let broken = fuzzer.brokenInvariant() {
        Issue.record("seed \(seed), step \(step), after `\(line.prefix(200))`: \(broken)")
        return
      }
    }
  }
}

func environmentValue(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }

/// Drives one session with generated input and checks it.
struct Fuzzer {
  var random: SplitMix64
  var session: Session
  /// What each image was when first seen: its layers must never change.
  var imageLayers: [Digest: [Digest]] = [:]
  /// The images, and the running containers' images, after the previous step.
  var imagesBefore: Set<Digest> = []
  var runningBefore: [String: Digest] = [:]

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
    session = Session(settings: Settings(seed: seed))
    TestImage.install(into: &session.engine)
  }

  mutating func run(_ line: String) {
    var console = Console()
    // A line the shell wants more of (an open quote) is run anyway, as script mode does at EOF.
    _ = session.execute(line, console: &console)
    // Leave any container shell the line entered, so the next line runs on the host.
    while session.shells.count > 1 {
      var exitConsole = Console()
      _ = session.execute("exit", console: &exitConsole)
    }
  }

  // MARK: - Generating lines

  let names = ["c1", "c2", "c3", "web"]
  let images = ["docksim/test", "snap:1", "snap:2", "x/y:z"]
  let paths = [
    "/etc/motd", "/etc", "/tmp/a", "/tmp/a/b", "/root/x", "/var/lib", "/usr/bin", "../../..", "/",
    "/l1", "/l2", "/etc/../../etc/passwd", "/etc/shadow", "/proc/1/environ", "x y", "/tmp/dir/",
  ]

  mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

  mutating func containerCommand() -> String {
    let p = pick(paths), q = pick(paths)
    return pick([
      "echo hello > \(p)", "echo more >> \(p)", "rm -rf \(p)", "rm \(p)", "mkdir -p \(p)", "rmdir \(p)",
      "mv \(p) \(q)", "cp -r \(p) \(q)", "ln -s \(p) \(q)", "ln \(p) \(q)", "chmod 600 \(p)", "touch \(p)",
      "cat \(p)", "ls -la \(p)", "stat \(p)", "find \(p) -maxdepth 2", "ln -s /l1 /l2; ln -s /l2 /l1; cat /l1",
      "cd \(p) && pwd", "head -c 100 \(p) | wc -c", "du -sh \(p)", "date", "sleep 1", "exit 3",
    ])
  }

  mutating func hostLine() -> String {
    let c = pick(names), image = pick(images)
    return pick([
      "docker run -d --name \(c) \(image) sleep 1000",
      "docker run --name \(c) \(image) sh -c '\(containerCommand())'",
      "docker run --rm \(image) sh -c '\(containerCommand()); \(containerCommand())'",
      "docker create --name \(c) \(image)", "docker start \(c)", "docker stop \(c)", "docker rm \(c)",
      "docker rm -f \(c)", "docker exec \(c) sh -c '\(containerCommand())'", "docker diff \(c)",
      "docker commit \(c) \(pick(["snap:1", "snap:2", "x/y:z"]))", "docker tag \(image) \(pick(images))",
      "docker rmi \(image)", "docker rmi -f \(image)", "docker ps -a", "docker ps -q", "docker images",
      "docker inspect \(c)", "docker ps --format '{{.Names}} {{.Status}}'", "docker run -it \(image) bash",
      "\(containerCommand())", "docker", "docker --help", "docker nosuch", "docker run", "docker run --nosuch x",
    ])
  }

  /// A generated line, sometimes mutated into something a student might paste by mistake.
  mutating func nextLine() -> String {
    let line = hostLine()
    switch random.next() % 10 {
    case 0: return mutate(line)
    default: return line
    }
  }

  mutating func mutate(_ line: String) -> String {
    var scalars = Array(line.unicodeScalars)
    switch random.next() % 8 {
    case 0: scalars.insert("'", at: Int(random.next() % UInt64(scalars.count + 1)))
    case 1: scalars.insert("\"", at: Int(random.next() % UInt64(scalars.count + 1)))
    case 2: return line + " " + String(repeating: "A", count: 100_000)
    case 3: return "cat /" + Array(repeating: "d", count: 10_000).joined(separator: "/")
    case 4: return line + " \u{0}\u{FFFD}\u{1F600}\u{7}"
    case 5: return "mkdir -p /" + Array(repeating: "deep", count: 300).joined(separator: "/")
    case 6: scalars.removeLast(min(scalars.count, Int(random.next() % 10)))
    default:
      let noise = (0..<20).map { _ in Unicode.Scalar(UInt8(random.next() % 94 + 33)) }
      scalars.insert(contentsOf: noise, at: Int(random.next() % UInt64(scalars.count + 1)))
    }
    return String(String.UnicodeScalarView(scalars))
  }

  // MARK: - Invariants

  /// The first invariant that does not hold, described; nil when all hold.
  mutating func brokenInvariant() -> String? {
    defer { imagesBefore = Set(session.engine.images.images.keys) }
    return imagesNeverChange() ?? containersSeeTheirImage() ?? referencedImagesExist()
  }

  /// An image's layers and ID never change, whatever its containers do.
  mutating func imagesNeverChange() -> String? {
    for (id, image) in session.engine.images.images {
      let layers = image.layers.map(\.diffID)
      if image.id != id { return "image stored under \(id.short) has ID \(image.id.short)" }
      if let first = imageLayers[id], first != layers { return "the layers of image \(id.short) changed" }
      imageLayers[id] = layers
    }
    return nil
  }

  /// Every container's lower layers are exactly its image's layers, under Docker's init layer.
  func containersSeeTheirImage() -> String? {
    for container in session.engine.containers.all {
      guard let layers = imageLayers[container.imageID] else { continue }
      if container.filesystem.image.layers.map(\.diffID) != layers + [InitLayer.layer.diffID] {
        return "container \(container.name) does not sit on the layers of its image"
      }
    }
    return nil
  }

  /// No image that a running container uses is ever deleted: rmi of an image in use
  /// fails. `rmi -f` with only stopped containers on it is allowed (moby's
  /// conflictStoppedContainer is a soft conflict), and such a container may be started
  /// again afterwards, so only a deletion while the container runs breaks the rule.
  mutating func referencedImagesExist() -> String? {
    defer { runningBefore = runningImages() }
    for (container, image) in runningImages() where runningBefore[container] == image {
      if session.engine.images.image(image) == nil, imagesBefore.contains(image) {
        return "image \(image.short) of running container \(container) was deleted"
      }
    }
    return nil
  }

  /// The image of each running container, by container ID.
  func runningImages() -> [String: Digest] {
    var images: [String: Digest] = [:]
    for container in session.engine.containers.all where container.state.running {
      images[container.id] = container.imageID
    }
    return images
  }
}

@Suite struct InvariantTests {
  private func harness() -> ShellHarness {
    var session = Session()
    TestImage.install(into: &session.engine)
    return ShellHarness(session: session)
  }

  @Test func aFreshContainerHasNoChanges() {
    var h = harness()
    h.run("docker create --name fresh docksim/test")
    #expect(h.run("docker diff fresh") == out(""))
  }

  @Test func commitThenRunReproducesTheContainersView() throws {
    var h = harness()
    h.run("docker run --name work docksim/test sh -c 'echo a > /etc/motd; rm -rf /tmp; mkdir -p /srv/x; ln -s /srv/x /link; chmod 600 /etc/motd'")
    h.run("docker commit work saved:1")
    h.run("docker create --name again saved:1")
    let before = try #require(h.session.engine.containers.named("work")).filesystem
    let after = try #require(h.session.engine.containers.named("again")).filesystem
    #expect(tree(before) == tree(after))
  }

  /// Paths, kinds, modes and contents of a whole merged tree.
  private func tree(_ fs: ContainerFS) -> [String] {
    // The daemon's view: a container's bind-mounted /etc/hosts is its own, not its layers'.
    var copy = fs.withoutMounts
    return copy.walk(from: "/").map { path in
      guard let stat = copy.peek(path) else { return path }
      var line = "\(path) \(stat.kind) \(String(stat.mode, radix: 8)) \(stat.metadata.uid):\(stat.metadata.gid) \(stat.size)"
      if stat.kind == .regular, let data = try? copy.readFile(path) { line += " " + Digest.sha256(data.bytes).short }
      if stat.kind == .symlink, let target = try? copy.readlink(path) { line += " -> " + target }
      return line
    }
  }
}
