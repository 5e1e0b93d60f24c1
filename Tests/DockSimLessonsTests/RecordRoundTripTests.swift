import DockSimPrograms
import DockSimShell
import DockSimCore
import Testing
@testable import DockSimLessons

/// `docksim record` of any session gives a lesson that passes `--check` as written:
/// every prompt docksim shows reads as a command (bash's, dash's `# `, busybox ash's `/ # `).
@Suite struct RecordRoundTripTests {
  /// Types `inputs` in a session and records them as `docksim record` does.
  func recorded(_ inputs: [String], seed: UInt64 = 7) throws -> String {
    var settings = Settings(language: .en)
    settings.seed = seed
    var recorder = Recorder(title: "recorded", settings: settings)
    var session = Session(settings: settings, hub: try LessonEnvironment.bundledHub(extraHubData: nil))
    for input in inputs {
      let prompt = session.prompt
      var console = Console(traits: .terminal)
      let status = session.execute(input, console: &console)
      session.history.append(input)
      recorder.record(prompt: prompt, input: input, console: console, status: status)
    }
    return recorder.text
  }

  @Test(arguments: [
    ["docker run -it alpine sh", "echo hi > /tmp/x", "cat /tmp/x", "cd /etc", "ls -d /etc", "exit"],
    ["docker run -it debian sh", "echo '# not a prompt'", "cat /etc/debian_version", "exit", "docker ps -a"],
    ["docker pull ubuntu", "docker run -it ubuntu bash", "echo hi >> /etc/legal", "exit", "docker diff $(docker ps -lq)"],
    ["docker run -it ubuntu bash", "sh", "echo nested", "exit", "exit", "echo done"],
  ])
  func aRecordedSessionPassesItsOwnCheck(inputs: [String]) throws {
    let text = try recorded(inputs)
    let run = LessonRun(try LessonParser.parse(text, path: "en/99-recorded.md"))
    #expect(run.passed, "\(LessonCheck.report(run))\n\(text)")
    #expect(run.commands.map(\.input) == inputs)
  }
}
