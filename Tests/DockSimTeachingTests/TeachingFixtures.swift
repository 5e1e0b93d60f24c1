import DockSimCore
import DockSimTestSupport

@testable import DockSimPrograms
@testable import DockSimShell
@testable import DockSimTeaching

/// The course text's picture as images: ubuntu:18.04 (the base image), emacs (on ubuntu),
/// nginx-emacs (on emacs), with a file each layer hides, deletes or replaces.
public enum TeachingFixtures {
  public static let time = Timestamp(seconds: 1_578_000_000)

  public static func ubuntuLayer() -> Layer {
    var b = LayerBuilder(mtime: time)
    b.directory("/bin")
    b.file("/bin/bash", size: 1_113_504, seed: 1)
    b.file("/etc/motd", "Welcome to Ubuntu\n")
    b.file("/etc/os-release", "NAME=\"Ubuntu\"\nVERSION=\"18.04\"\n")
    b.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
    b.directory("/opt/app")
    b.file("/opt/app/README", "app\n")
    b.directory("/tmp", mode: 0o1777)
    return b.build()
  }

  public static func emacsLayer() -> Layer {
    var b = LayerBuilder(mtime: time)
    b.file("/usr/bin/emacs", size: 120_000, seed: 2)
    b.file("/etc/motd", "Welcome to Ubuntu with Emacs\n")
    b.whiteout("/opt/app/README")
    return b.build()
  }

  public static func nginxLayer() -> Layer {
    var b = LayerBuilder(mtime: time)
    b.file("/usr/sbin/nginx", size: 18_000, seed: 3)
    b.file("/etc/nginx/nginx.conf", "worker_processes 1;\n")
    return b.build()
  }

  public static func image(_ layers: [Layer], steps: [String], parent: Image? = nil) -> Image {
    let history = steps.map { HistoryEntry(created: time, createdBy: $0, emptyLayer: false) }
    return Image(
      layers: layers, config: ImageConfig(cmd: ["bash"]), history: (parent?.history ?? []) + history,
      created: time, parent: parent?.id)
  }

  public static let ubuntu = image([ubuntuLayer()], steps: ["/bin/sh -c #(nop) ADD file:4a5b6c in / "])
  public static let emacs = image(ubuntu.layers + [emacsLayer()], steps: ["/bin/sh -c apt-get install -y emacs"], parent: ubuntu)
  public static let nginx = image(emacs.layers + [nginxLayer()], steps: ["/bin/sh -c apt-get install -y nginx"], parent: emacs)

  /// A session with the three images tagged.
  public static func session(language: Language = .en) -> Session {
    var session = Session(settings: Settings(language: language))
    for (image, name) in [(ubuntu, "ubuntu:18.04"), (emacs, "emacs:latest"), (nginx, "nginx-emacs:latest")] {
      session.engine.images.add(image)
      session.engine.images.setTag(try! Reference.parse(name, version: .v20_10), to: image.id)
    }
    return session
  }

  public static let containerID = String(repeating: "c0ffee", count: 11).prefix(64).description

  /// The session inside a container of nginx-emacs (a shell frame over the image's layers).
  public static func inContainer(language: Language = .en) -> Session {
    var session = session(language: language)
    let filesystem = ContainerFS(image: MergedView(layers: nginx.layers))
    let container = ContainerFixtures.running(
      id: containerID, filesystem: filesystem, imageID: nginx.id, reference: "nginx-emacs:latest",
      at: session.engine.clock.now)
    session.engine.containers.add(container)
    session.shells.append(ShellFrame(place: .container(id: containerID)))
    return session
  }

  /// Runs `input` and returns everything shown (stdout and stderr interleaved).
  public static func run(_ input: String, in session: inout Session, traits: TerminalTraits = .plain) -> String {
    var console = Console(traits: traits)
    _ = session.execute(input, console: &console)
    return console.combinedText
  }

  /// Runs the inputs in turn and writes what a terminal shows: each input after the
  /// prompt it was typed at, then its output (a golden transcript's text).
  public static func transcript(_ inputs: [String], in session: inout Session) -> String {
    var text = ""
    for input in inputs {
      text += session.prompt + input + "\n"
      text += run(input, in: &session)
    }
    return text
  }
}
