import DockSimCore
import DockSimShell

/// A command line that parsed: what a `DockerCommand.run` receives.
public struct ParsedCommand: Sendable {
  /// The command's path in the `docker` tree as cobra names it, e.g.
  /// `["container", "ls"]` even when the user typed `docker container ps`.
  public let path: [String]
  public let configuration: DockerCommandConfiguration
  public let version: DockerVersion
  /// The positional arguments, flags removed.
  public let positionals: [String]
  /// The whole invocation (stdin, whether it is a terminal).
  public let invocation: Invocation
  let values: [String: [String]]

  init(
    path: [String], configuration: DockerCommandConfiguration, version: DockerVersion, positionals: [String],
    values: [String: [String]], invocation: Invocation
  ) {
    self.path = path
    self.configuration = configuration
    self.version = version
    self.positionals = positionals
    self.values = values
    self.invocation = invocation
  }

  /// `docker container ls`: cobra's `CommandPath()`.
  public var commandPath: String { DockerErrors.commandPath(path) }

  /// `docker container ls [OPTIONS]`: cobra's `UseLine()`.
  public var usageLine: String { DockerErrors.useLine(path, configuration.usage) }

  /// Whether the user gave the flag (pflag's `Changed`).
  public func isSet(_ long: String) -> Bool { values[long] != nil }

  public func bool(_ long: String) -> Bool { (values[long]?.last ?? defaultValue(long)) == "true" }

  /// The last value given, or the default.
  public func string(_ long: String) -> String { values[long]?.last ?? defaultValue(long) }

  /// The last value given, or the default. The parser has checked the syntax.
  public func int(_ long: String) -> Int { Int(string(long)) ?? 0 }

  /// A duration flag's last value in nanoseconds (0 when not given).
  public func duration(_ long: String) -> Int64 { Int64(string(long)) ?? 0 }

  /// Every value given, in order.
  public func list(_ long: String) -> [String] { values[long] ?? [] }

  private func defaultValue(_ long: String) -> String {
    configuration.flags.first(where: { $0.long == long })?.defaultValue ?? ""
  }

  // MARK: Errors in the shapes docker prints them

  /// `Error response from daemon: <message>` on stderr.
  public func daemonError(_ message: String, console: inout Console) {
    console.errorLine(DockerErrors.daemon(message))
  }

  /// The error form of `docker run` and `docker create`:
  /// 20.10 `docker: <message>.` then, when `helpHint`, `See 'docker run --help'.`;
  /// 28 `docker: <message>`, a blank line, `Run 'docker run --help' for more information`
  /// (28 always gives the hint).
  public func runStyleError(_ message: String, helpHint: Bool = true, console: inout Console) {
    console.errorLine(DockerErrors.runStyle(message, commandPath: commandPath, version: version, helpHint: helpHint))
  }
}
