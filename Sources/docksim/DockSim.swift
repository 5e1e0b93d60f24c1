import ArgumentParser
import DockSimCommands
import DockSimCore
import DockSimTerminal

/// The `docksim` command: the REPL on a terminal, script mode otherwise.
@main
struct DockSim: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "docksim",
    abstract: "A Docker simulator and REPL for the classroom.",
    discussion: """
      With a terminal, docksim starts an interactive shell with `$ ` as its prompt. \
      When standard input is not a terminal, or with --script, it runs the lines it reads \
      as a script: no prompt, banner, colour or animation.
      """,
    version: "docksim \(version)",
    subcommands: extraSubcommands)

  /// Subcommands that other parts of docksim add (lessons, recording): one line each.
  static var extraSubcommands: [any ParsableCommand.Type] {
    [LessonCommand.self, RecordCommand.self]
  }

  @OptionGroup var session: SessionOptions

  @Option(name: .long, help: ArgumentHelp("Run the commands in FILE ('-' for standard input).", valueName: "FILE"))
  var script: String?

  @Flag(name: .long, help: "In script mode, print each command as `$ COMMAND` before its output.")
  var echo = false

  @Flag(name: .long, help: "In script mode, stop at the first command that fails, with its exit status.")
  var failFast = false

  mutating func run() throws {
    let settings = try session.settings()
    let hub = try session.hub()
    let status: Int32
    if let script {
      status = ScriptMode(options: scriptOptions, noColor: session.noColor).run(path: script, settings: settings, hub: hub)
    } else if !TerminalEnvironment.isTerminal(0) {
      status = ScriptMode(options: scriptOptions, noColor: session.noColor).run(path: "-", settings: settings, hub: hub)
    } else {
      status = Repl.start(settings: settings, hub: hub, noColor: session.noColor)
    }
    if status != 0 { throw ExitCode(status) }
  }

  private var scriptOptions: ScriptMode.Options { ScriptMode.Options(echo: echo, failFast: failFast) }
}
