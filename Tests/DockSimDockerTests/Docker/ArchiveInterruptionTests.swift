import DockSimCore
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// Ctrl-C during `docker load` / `docker import`: the command looks at the console's
/// interruption between layers and every few tar members, stops there, prints
/// nothing (20.10's CLI dies of SIGINT, 28's exits silently) and registers nothing.
/// Each test interrupts at every checkpoint the whole command passes, in turn.
@Suite struct ArchiveInterruptionTests {
  typealias Countdown = InterruptionTests.Countdown

  /// A session whose host has `name`, made by `commands` in a session with the test
  /// image; the new session has no images but the test image (and not `removing`).
  private func session(with commands: [String], removing reference: String?) -> Session {
    var maker = Session(settings: Settings(dockerVersion: .v28))
    TestImage.install(into: &maker.engine)
    for command in commands {
      var console = Console()
      _ = maker.execute(command, console: &console)
    }
    var session = Session(settings: Settings(dockerVersion: .v28))
    TestImage.install(into: &session.engine)
    session.hostFiles = maker.hostFiles
    if let reference, case .success(let image) = session.engine.images.lookup(reference, version: .v28) {
      _ = session.engine.images.deleteImage(image.id)
    }
    return session
  }

  private func run(_ input: String, in session: inout Session, countdown: Countdown) -> (Console, Int32) {
    // The docker CLI alone: the shell around it looks at the interruption too.
    var console = Console(traits: .plain, interruption: countdown.interruption)
    let arguments = input.split(separator: " ").map(String.init)
    let status = DockerCLI(version: .v28, invocation: Invocation(arguments: arguments))
      .main(session: &session, console: &console)
    return (console, status)
  }

  /// Interrupts `input` at each of its checkpoints; the last run is not interrupted.
  private func interruptEverywhere(_ input: String, in fresh: Session) -> (checkpoints: Int, finished: Console) {
    var probe = fresh
    let counter = Countdown(after: Int.max)
    let (finished, status) = run(input, in: &probe, countdown: counter)
    #expect(status == 0, "\(finished.stderrText)")
    let checkpoints = counter.asked.load(ordering: .relaxed)
    for after in 0..<checkpoints {
      var session = fresh
      let (console, status) = run(input, in: &session, countdown: Countdown(after: after))
      #expect(status == 130, "interrupted after \(after) checks")
      #expect(console.stdoutText.isEmpty && console.stderrText.isEmpty, "interrupted after \(after) checks")
      #expect(session.engine.images.images == fresh.engine.images.images && session.engine.images.tags == fresh.engine.images.tags, "after \(after) checks")
    }
    return (checkpoints, finished)
  }

  @Test func anInterruptedLoadStoresNothing() {
    let fresh = session(with: ["docker save -o test.tar docksim/test"], removing: "docksim/test")
    let (checkpoints, finished) = interruptEverywhere("docker load -i test.tar", in: fresh)
    #expect(checkpoints >= 2)  // before the one layer, and in it
    #expect(finished.stdoutText == "Loaded image: docksim/test:latest\n")
  }

  @Test func anInterruptedImportStoresNothing() {
    let fresh = session(
      with: ["docker run --name box docksim/test sh -c 'echo hello > /root/note'", "docker export -o box.tar box"],
      removing: nil)
    let (checkpoints, finished) = interruptEverywhere("docker import box.tar snapshot:1", in: fresh)
    #expect(checkpoints >= 2)
    #expect(finished.stdoutText.hasPrefix("sha256:"))
  }
}
