import DockSimShell
import DockSimCore
import DockSimTerminal
import Glibc

/// The `docksim` command: the REPL on a terminal, script mode otherwise.
@main
struct DockSim {
  /// `0.2.0 (commit 1a2b3c4d5e6f)`: VERSION and the commit, compiled in (EmbedVersion plugin).
  static var version: String {
    BuildVersion.commit.map { "\(BuildVersion.version) (commit \($0))" } ?? BuildVersion.version
  }
  static let abstract = "A Docker simulator and REPL for the classroom."
  static let discussion = """
    With a terminal, docksim starts an interactive shell with `$ ` as its prompt. \
    When standard input is not a terminal, or with --script, it runs the lines it reads \
    as a script: no prompt, banner, colour or animation.
    """
  static let options =
    SessionOptions.specs + [
      OptionSpec.value("script", "FILE", help: "Run the commands in FILE ('-' for standard input)."),
      .flag("echo", help: "In script mode, print each command as `$ COMMAND` before its output."),
      .flag("fail-fast", help: "In script mode, stop at the first command that fails, with its exit status."),
    ]

  var session: SessionOptions
  var script: String?
  var echo: Bool
  var failFast: Bool

  init(_ parsed: ParsedCommandLine) {
    session = SessionOptions(parsed)
    script = parsed.value("script")
    echo = parsed.flag("echo")
    failFast = parsed.flag("fail-fast")
  }

  static func main() {
    exit(Launcher.run(Array(CommandLine.arguments.dropFirst())))
  }

  func run() throws -> Int32 {
    let settings = try session.settings()
    let hub = try session.hub()
    if let script {
      return ScriptMode(options: scriptOptions, noColor: session.noColor).run(path: script, settings: settings, hub: hub)
    } else if !TerminalEnvironment.isTerminal(0) {
      return ScriptMode(options: scriptOptions, noColor: session.noColor).run(path: "-", settings: settings, hub: hub)
    }
    return Repl.start(settings: settings, hub: hub, noColor: session.noColor)
  }

  private var scriptOptions: ScriptMode.Options { ScriptMode.Options(echo: echo, failFast: failFast) }
}
