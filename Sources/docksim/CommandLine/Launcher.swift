import DockSimTerminal

/// From the process's arguments to an exit status: parse against the specs, then print
/// help or the version, or build the command and run it.
enum Launcher {
  static let root = CommandSpec(
    name: "docksim", abstract: DockSim.abstract, discussion: DockSim.discussion, options: DockSim.options,
    subcommands: [LessonCommand.spec, RecordCommand.spec, DaemonCommand.spec])

  static func run(_ arguments: [String]) -> Int32 {
    do {
      switch try CommandLineParser.parse(arguments, root: root) {
      case .version:
        FileOutput.write("docksim \(DockSim.version)\n", to: 1)
        return 0
      case .help(let path):
        FileOutput.write(HelpText.help(specs(path)), to: 1)
        return 0
      case .run(let parsed):
        return try command(parsed)
      }
    } catch let error as UsageError {
      FileOutput.write(HelpText.error(error, path: specs(error.commandPath)), to: 2)
      return 64
    } catch {
      FileOutput.write("Error: \(error)\n", to: 2)
      return 1
    }
  }

  private static func command(_ parsed: ParsedCommandLine) throws -> Int32 {
    switch parsed.commandPath.last {
    case LessonCommand.spec.name: return try LessonCommand(parsed).run()
    case RecordCommand.spec.name: return try RecordCommand(parsed).run()
    case DaemonCommand.spec.name: return try DaemonCommand(parsed).run()
    default: return try DockSim(parsed).run()
    }
  }

  /// The specs along a command path (`["docksim", "lesson"]`).
  private static func specs(_ path: [String]) -> [CommandSpec] {
    var chain = [root]
    for name in path.dropFirst() {
      guard let sub = chain[chain.count - 1].subcommand(named: name) else { break }
      chain.append(sub)
    }
    return chain
  }
}

extension ParsedCommandLine {
  /// An option's value as a number: `The value 'x' is invalid for '--delay <MS>'` otherwise.
  func integer<T: FixedWidthInteger>(_ name: String, in spec: CommandSpec) throws(UsageError) -> T? {
    guard let text = value(name) else { return nil }
    guard let number = T(text) else {
      let label = spec.option(named: name)?.label ?? "--\(name)"
      throw UsageError(message: "The value '\(text)' is invalid for '\(label)'", commandPath: commandPath, helpFor: label)
    }
    return number
  }

  /// A usage error about this command (`--lang must be zh or en, not 'fr'.`).
  func invalid(_ message: String) -> UsageError { UsageError(message: message, commandPath: commandPath) }
}
