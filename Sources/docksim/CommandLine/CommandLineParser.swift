/// The command line, read against the specs: which command, and what it was given.
struct ParsedCommandLine: Equatable {
  /// The command's name and its parents' (`["docksim", "lesson"]`).
  var commandPath: [String]
  var flags: Set<String> = []
  var values: [String: [String]] = [:]
  var arguments: [String] = []

  func flag(_ name: String) -> Bool { flags.contains(name) }
  /// The last value given for an option that takes one.
  func value(_ name: String) -> String? { values[name]?.last }
  func values(_ name: String) -> [String] { values[name] ?? [] }
}

/// What the user asked for.
enum CommandLineRequest: Equatable {
  case run(ParsedCommandLine)
  /// `-h`, `--help` or `help [SUBCOMMAND]`: the help of the command at this path.
  case help(commandPath: [String])
  case version
}

/// A command line docksim cannot use: the message, and the command whose usage to show.
struct UsageError: Error, Equatable {
  var message: String
  var commandPath: [String]
  /// The option or argument the error is about, for a `Help:` line under the message.
  var helpFor: String? = nil
}

/// Reads arguments as GNU-style tools do: `--name value` or `--name=value`, flags,
/// `--` ends the options, and `-h`/`--help`/`--version` anywhere before it. A first
/// positional argument that names a subcommand hands the rest to that subcommand;
/// options before it belong to the parent (and are accepted, as `docksim --no-color
/// lesson` always was).
enum CommandLineParser {
  static func parse(_ arguments: [String], root: CommandSpec) throws(UsageError) -> CommandLineRequest {
    try parse(arguments[...], command: root, path: [root.name])
  }

  /// `pending`: an -h or --version the parent command read before this subcommand's name.
  private static func parse(
    _ tokens: ArraySlice<String>, command: CommandSpec, path: [String], pending: CommandLineRequest? = nil
  ) throws(UsageError) -> CommandLineRequest {
    var parsed = ParsedCommandLine(commandPath: path)
    var rest = tokens
    var optionsEnded = false
    // The first error waits: a later -h or --version still answers, as
    // `docksim lesson --bogus --help` should.
    var firstError: UsageError?
    // -h or --version answers once the whole line is read: an argument the command
    // cannot take (`docksim nosuch --help`) is a usage error wherever it stands.
    var answer: CommandLineRequest? = pending.map { $0 == .version ? .version : .help(commandPath: path) }
    while let token = rest.popFirst() {
      if optionsEnded || !isOption(token) {
        if !optionsEnded, firstError == nil, parsed.arguments.isEmpty,
          let request = try subcommand(token, rest, command, path, answer: answer)
        {
          return request
        }
        parsed.arguments.append(token)
        continue
      }
      switch token {
      case "--": optionsEnded = true
      case "-h", "--help": answer = answer ?? .help(commandPath: path)
      case "--version": answer = answer ?? .version
      default:
        do throws(UsageError) {
          try readOption(token, from: &rest, command: command, into: &parsed)
        } catch {
          firstError = firstError ?? error
        }
      }
    }
    if let answer {
      try checkUnexpectedArguments(parsed, command: command)
      return answer
    }
    if let firstError { throw firstError }
    try checkArguments(parsed, command: command)
    return .run(parsed)
  }

  /// `-` alone is standard input and `-1` a number: values, not options.
  private static func isOption(_ token: String) -> Bool {
    guard token.hasPrefix("-"), let second = token.dropFirst().first else { return false }
    return !second.isNumber
  }

  /// `help [NAME...]` or a subcommand's name, when `token` is one.
  /// An -h or --version before the subcommand's name (`docksim --help lesson`) answers
  /// for the subcommand, as one after it does.
  private static func subcommand(
    _ token: String, _ rest: ArraySlice<String>, _ command: CommandSpec, _ path: [String],
    answer: CommandLineRequest?
  ) throws(UsageError) -> CommandLineRequest? {
    guard !command.subcommands.isEmpty else { return nil }
    if token == "help" { return .help(commandPath: helpPath(rest, command: command, path: path)) }
    guard let sub = command.subcommand(named: token) else { return nil }
    return try parse(rest, command: sub, path: path + [sub.name], pending: answer)
  }

  /// `help lesson` names `docksim lesson`; names that are not subcommands are ignored.
  private static func helpPath(_ names: ArraySlice<String>, command: CommandSpec, path: [String]) -> [String] {
    guard let name = names.first, let sub = command.subcommand(named: name) else { return path }
    return helpPath(names.dropFirst(), command: sub, path: path + [sub.name])
  }

  private static func readOption(
    _ token: String, from rest: inout ArraySlice<String>, command: CommandSpec, into parsed: inout ParsedCommandLine
  ) throws(UsageError) {
    let path = parsed.commandPath
    guard token.hasPrefix("--") else { throw UsageError(message: "Unknown option '\(token)'", commandPath: path) }
    let body = token.dropFirst(2)
    let name = String(body.prefix { $0 != "=" })
    let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
    guard let option = command.option(named: name) else {
      throw UsageError(message: "Unknown option '--\(name)'", commandPath: path)
    }
    guard option.takesValue else {
      if let inline {
        throw UsageError(
          message: "The option '--\(name)' does not take any value, but '\(inline)' was specified.", commandPath: path)
      }
      parsed.flags.insert(name)
      return
    }
    guard let value = inline ?? takeValue(from: &rest) else {
      throw UsageError(message: "Missing value for '\(option.label)'", commandPath: path, helpFor: option.label)
    }
    parsed.values[name, default: []].append(value)
  }

  /// The next token, unless it is another option.
  private static func takeValue(from rest: inout ArraySlice<String>) -> String? {
    guard let next = rest.first, !isOption(next) else { return nil }
    return rest.popFirst()
  }

  private static func checkArguments(_ parsed: ParsedCommandLine, command: CommandSpec) throws(UsageError) {
    let required = command.arguments.filter { !$0.repeated }
    if parsed.arguments.count < required.count {
      let missing = required[parsed.arguments.count]
      throw UsageError(
        message: "Missing expected argument '\(missing.label)'", commandPath: parsed.commandPath, helpFor: missing.label)
    }
    try checkUnexpectedArguments(parsed, command: command)
  }

  /// More arguments than the command takes: `docksim nosuch` (no subcommand of that name).
  private static func checkUnexpectedArguments(_ parsed: ParsedCommandLine, command: CommandSpec) throws(UsageError) {
    let required = command.arguments.filter { !$0.repeated }
    let takesAny = command.arguments.contains { $0.repeated }
    if !takesAny && parsed.arguments.count > required.count {
      throw UsageError(
        message: "Unexpected argument '\(parsed.arguments[required.count])'", commandPath: parsed.commandPath)
    }
  }
}
