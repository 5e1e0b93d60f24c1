import DockSimCore
import Synchronization
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// Ctrl-C reaches a command through its console's `Interruption`: long walks stop where
/// they are and the rest of the input is abandoned, as bash abandons a list whose
/// command died of SIGINT. (The REPL then drops the output and undoes the input: the
/// pseudo-terminal tests show that part.)
@Suite struct InterruptionTests {
  /// A probe that says "interrupted" from its `after`-th question on.
  final class Countdown: Sendable {
    let asked = Atomic<Int>(0)
    let after: Int
    init(after: Int) { self.after = after }
    var interruption: Interruption {
      Interruption { [self] in asked.add(1, ordering: .relaxed).newValue > after }
    }
  }

  private func containerSession() -> Session {
    var session = Session()
    TestImage.install(into: &session.engine)
    var console = Console()
    _ = session.execute("docker run -it docksim/test bash", console: &console)
    return session
  }

  private func run(_ input: String, in session: inout Session, interruptAfter checks: Int) -> (Console, Int32) {
    var console = Console(traits: .plain, interruption: Countdown(after: checks).interruption)
    let status = session.execute(input, console: &console)
    return (console, status)
  }

  @Test func anInterruptedFindStopsAndAbandonsTheList() {
    var session = containerSession()
    var full = Console()
    _ = session.execute("find /", console: &full)
    let all = full.stdoutText.split(separator: "\n").count
    let (console, status) = run("find / ; touch /done", in: &session, interruptAfter: 5)
    #expect(status == 130)
    let printed = console.stdoutText.split(separator: "\n").count
    #expect(printed > 0 && printed < all)
    #expect(session.filesystem.exists("/done") == false)
  }

  @Test func interruptedWalksEndEarly() {
    for input in [
      "ls -R /", "du -a /", "cp -r /etc /copy", "find / | wc -l", "echo a && echo b && echo c",
      "while true; do echo x; done", "for i in 1 2 3; do echo $i; done",
    ] {
      var session = containerSession()
      var full = Console()
      var reference = session
      _ = reference.execute(input, console: &full)
      let (console, status) = run(input, in: &session, interruptAfter: 1)
      #expect(console.stdoutText.count < full.stdoutText.count || full.stdoutText.isEmpty, "\(input)")
      #expect(status != 0, "\(input)")
    }
  }

  @Test func withoutCtrlCNothingChanges() {
    var session = containerSession()
    let (console, status) = run("find /etc -name motd; echo done", in: &session, interruptAfter: .max)
    #expect(status == 0)
    #expect(console.stdoutText == "/etc/motd\ndone\n")
  }
}
