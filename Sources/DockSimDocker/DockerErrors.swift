import DockSimCore
import DockSimShell

/// The texts of docker's CLI errors, per emulated version. Every function returns
/// the error without its final newline (the caller writes it with `errorLine`).
///
/// Sources: docker/cli `cli/required.go` (argument counts), `cli/cobra.go`
/// (`FlagErrorFunc`), `cmd/docker/docker.go` (unknown commands), checked against
/// the real 20.10.24 and 28.2.2 binaries.
public enum DockerErrors {
  /// `docker container ls`.
  static func commandPath(_ path: [String]) -> String { (["docker"] + path).joined(separator: " ") }

  /// `docker container ls [OPTIONS]`.
  static func useLine(_ path: [String], _ usage: String) -> String {
    usage.isEmpty ? commandPath(path) : commandPath(path) + " " + usage
  }

  /// `Error response from daemon: <message>`: how the Go client wraps every API error.
  public static func daemon(_ message: String) -> String { "Error response from daemon: " + message }

  /// A flag error (exit status 125).
  static func flag(_ message: String, path: [String], usage: String, version: DockerVersion) -> String {
    let command = commandPath(path)
    switch version {
    case .v20_10: return "\(message)\nSee '\(command) --help'."
    case .v28: return "\(message)\n\nUsage:  \(useLine(path, usage))\n\nRun '\(command) --help' for more information"
    }
  }

  /// A wrong number of arguments (exit status 1).
  static func argumentCount(
    _ rule: ArgumentRule, path: [String], usage: String, abstract: String, version: DockerVersion
  ) -> String {
    let command = commandPath(path)
    let (requirement, hint) = requirementText(rule, version: version)
    switch version {
    case .v20_10:
      return "\"\(command)\" \(requirement).\nSee '\(command) --help'.\n\nUsage:  \(useLine(path, usage))\n\n\(abstract)"
    case .v28:
      return "docker: '\(command)' \(requirement)\n\nUsage:  \(useLine(path, usage))\n\n\(hint) '\(command) --help' for more information"
    }
  }

  /// The sentence after the command name, and (28) the word that starts the last line:
  /// `RequiresMinArgs` says `See`, and `RequiresMaxArgs` really prints `SRun`.
  private static func requirementText(_ rule: ArgumentRule, version: DockerVersion) -> (String, String) {
    switch rule {
    case .any: return ("", "Run")
    case .none: return ("accepts no arguments", "Run")
    case .exactly(let n):
      return (version == .v28 ? "requires \(n) \(plural(n))" : "requires exactly \(n) \(plural(n))", "Run")
    case .atLeast(let n): return ("requires at least \(n) \(plural(n))", "See")
    case .atMost(let n): return ("requires at most \(n) \(plural(n))", "SRun")
    case .between(let low, let high): return ("requires at least \(low) and at most \(high) \(plural(high))", "Run")
    }
  }

  private static func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }

  /// `docker foo` (exit status 1).
  static func unknownCommand(_ name: String, version: DockerVersion) -> String {
    switch version {
    case .v20_10: return "docker: '\(name)' is not a docker command.\nSee 'docker --help'"
    case .v28: return "docker: unknown command: docker \(name)\n\nRun 'docker --help' for more information"
    }
  }

  /// `docker container foo` in 28 (exit status 1); 20.10 prints the group's help instead.
  static func unknownSubcommand(_ name: String, group: String) -> String {
    "docker: unknown command: docker \(group) \(name)\n\nUsage:  docker \(group)\n\nRun 'docker \(group) --help' for more information"
  }

  /// The `docker run` / `docker create` form (see `ParsedCommand.runStyleError`).
  static func runStyle(_ message: String, commandPath: String, version: DockerVersion, helpHint: Bool) -> String {
    switch version {
    case .v20_10:
      let sentence = message.hasSuffix(".") ? message : message + "."
      return helpHint ? "docker: \(sentence)\nSee '\(commandPath) --help'." : "docker: \(sentence)"
    case .v28:
      return "docker: \(message)\n\nRun '\(commandPath) --help' for more information"
    }
  }
}
