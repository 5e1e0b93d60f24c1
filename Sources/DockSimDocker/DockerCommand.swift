import DockSimCore
import DockSimShell

/// One docker command (`docker pull`, `docker ps`, ...), declared the way
/// swift-argument-parser declares commands: one type per command, its
/// configuration as data, and a `run` that receives the parsed arguments.
///
/// The framework (`DockerCLI`) does everything before `run`: it finds the
/// command from the words typed, parses flags as pflag does, prints `--help`,
/// and reports flag and argument-count errors in the layout of the emulated
/// version. `run` only sees valid input.
///
/// To add a command, write the type and list it in a `DockerCommandEntry` table
/// (`DockerCommandTable.containerCommands`, `.imageCommands`, `.systemCommands`),
/// then add its path to scripts/capture-docker-help.py and rerun it.
public protocol DockerCommand: Sendable {
  static var configuration: DockerCommandConfiguration { get }
  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32
}

/// What the framework needs to know about a command to parse and describe it.
public struct DockerCommandConfiguration: Sendable {
  /// What follows the command path on the usage line: `[OPTIONS] NAME[:TAG|@DIGEST]`.
  public var usage: String
  /// The short description (cobra's `Short`) in 20.10; 20.10 prints it under
  /// argument-count errors.
  public var abstract: String
  /// The short description in 28 when it changed (`Download an image from a registry`).
  public var abstractV28: String?
  /// The flags the command reads. Every other flag listed in the real help text
  /// of that version is accepted too (and ignored), so no real flag is "unknown".
  public var flags: [DockerFlag]
  /// How many positional arguments the command takes.
  public var arguments: ArgumentRule
  /// False for commands that stop reading flags at the first positional
  /// (`docker run IMAGE ls -l`: cobra's `SetInterspersed(false)`).
  public var interspersed: Bool

  public init(
    usage: String, abstract: String, abstractV28: String? = nil, flags: [DockerFlag] = [],
    arguments: ArgumentRule = .any, interspersed: Bool = true
  ) {
    self.usage = usage
    self.abstract = abstract
    self.abstractV28 = abstractV28
    self.flags = flags
    self.arguments = arguments
    self.interspersed = interspersed
  }

  /// The short description as `version` prints it.
  public func abstract(for version: DockerVersion) -> String {
    version == .v28 ? (abstractV28 ?? abstract) : abstract
  }
}

/// A flag as pflag defines it.
public struct DockerFlag: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `--all`, `--all=false`; takes no separate value.
    case bool
    /// `--name web`; given twice, the last wins.
    case string
    /// `--last 3`; parsed as Go's `strconv.ParseInt(s, 0, 64)`.
    case int
    /// `-e A=1 -e B=2`; every value is kept.
    case list
    /// `--health-interval 30s`; parsed as Go's `time.ParseDuration`, kept in nanoseconds.
    case duration
  }

  public var long: String
  public var short: Character?
  public var kind: Kind
  /// The value when the flag is not given, as the command reads it.
  public var defaultValue: String
  /// Not listed in help (pflag `MarkHidden`).
  public var hidden: Bool

  public init(long: String, short: Character? = nil, kind: Kind, defaultValue: String = "", hidden: Bool = false) {
    self.long = long
    self.short = short
    self.kind = kind
    self.defaultValue = defaultValue
    self.hidden = hidden
  }

  public static func bool(_ long: String, short: Character? = nil, hidden: Bool = false) -> DockerFlag {
    DockerFlag(long: long, short: short, kind: .bool, defaultValue: "false", hidden: hidden)
  }
  public static func string(_ long: String, short: Character? = nil, default value: String = "", hidden: Bool = false)
    -> DockerFlag
  {
    DockerFlag(long: long, short: short, kind: .string, defaultValue: value, hidden: hidden)
  }
  public static func int(_ long: String, short: Character? = nil, default value: Int = 0, hidden: Bool = false)
    -> DockerFlag
  {
    DockerFlag(long: long, short: short, kind: .int, defaultValue: String(value), hidden: hidden)
  }
  public static func list(_ long: String, short: Character? = nil, hidden: Bool = false) -> DockerFlag {
    DockerFlag(long: long, short: short, kind: .list, hidden: hidden)
  }

  /// How pflag names the flag in errors: `-n, --last` or `--time`.
  var errorName: String {
    if let short { return "-\(short), --\(long)" }
    return "--\(long)"
  }
}

/// docker/cli's argument-count validators (cli/required.go).
public enum ArgumentRule: Sendable, Hashable {
  /// Anything goes (cobra's default for leaf commands).
  case any
  /// `cli.NoArgs`.
  case none
  /// `cli.ExactArgs(n)`.
  case exactly(Int)
  /// `cli.RequiresMinArgs(n)`.
  case atLeast(Int)
  /// `cli.RequiresMaxArgs(n)`.
  case atMost(Int)
  /// `cli.RequiresRangeArgs(min, max)`.
  case between(Int, Int)

  func accepts(_ count: Int) -> Bool {
    switch self {
    case .any: true
    case .none: count == 0
    case .exactly(let n): count == n
    case .atLeast(let n): count >= n
    case .atMost(let n): count <= n
    case .between(let low, let high): count >= low && count <= high
    }
  }
}

/// Where a command lives in the `docker` tree: `["container", "ls"]` with the
/// aliases `ps` and `list`, or `["ps"]` at the top. The same type may be listed
/// under several paths; help texts and usage lines follow the path.
public struct DockerCommandEntry: Sendable {
  public var path: [String]
  public var aliases: [String]
  public var command: any DockerCommand.Type
  /// Set when only one emulated version has this path or alias
  /// (`docker container remove` is new in 23.0).
  public var onlyIn: DockerVersion?

  public init(
    _ path: [String], aliases: [String] = [], _ command: any DockerCommand.Type, onlyIn: DockerVersion? = nil
  ) {
    self.path = path
    self.aliases = aliases
    self.command = command
    self.onlyIn = onlyIn
  }
}
