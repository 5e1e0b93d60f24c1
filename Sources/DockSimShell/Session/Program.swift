import DockSimCore

/// One run of a program: what `execve` would receive, plus its standard input.
public struct Invocation: Sendable {
  /// argv; `arguments[0]` is the program name as typed.
  public var arguments: [String]
  /// Everything on standard input (a pipe, a here-document, a redirected file).
  public var stdin: [UInt8]
  /// Standard input is the terminal (no pipe or redirection): `docker run -it` may attach.
  public var stdinIsTerminal: Bool

  public init(arguments: [String], stdin: [UInt8] = [], stdinIsTerminal: Bool = false) {
    self.arguments = arguments
    self.stdin = stdin
    self.stdinIsTerminal = stdinIsTerminal
  }

  /// The arguments after the program name.
  public var operands: ArraySlice<[String].Element> { arguments.dropFirst() }
}

/// A program the shell can run: `docker`, `ls`, `layers`, ...
///
/// Programs write to the console they are given and return the exit status; they
/// never print, exit or read the real terminal. The interpreter gives each stage of
/// a pipeline its own console, so `docker images | grep ubuntu` works on the host.
public protocol Program: Sendable {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32

  /// What Tab offers for the word `current` after `name arguments...`; nil when the
  /// program completes nothing of its own (the shell then offers paths).
  func completions(after arguments: [String], current: String, session: Session) -> [String]?
}

extension Program {
  public func completions(after arguments: [String], current: String, session: Session) -> [String]? { nil }
}

/// The programs a session's shells can find, by name. The shell brings its utilities and
/// the REPL's own commands; the front end adds the rest (docker, the teaching commands).
public struct ProgramRegistry: Sendable {
  /// Programs only the simulated host has (`docker`, `help`): found at the `$ ` prompt.
  public var host: [String: any Program]
  /// Programs found in every place, host and containers (the teaching commands).
  public var everywhere: [String: any Program]
  /// The utilities in every place's PATH (`ls`, `cat`, ...), where the place has any.
  public var utilities: [String: any Program]

  public init(
    host: [String: any Program] = [:], everywhere: [String: any Program] = [:],
    utilities: [String: any Program] = [:]
  ) {
    self.host = host
    self.everywhere = everywhere
    self.utilities = utilities
  }

  /// The shell's own programs: the utilities and the REPL's commands.
  public static let shell = ProgramRegistry(host: REPLPrograms.all, utilities: Utilities.all)

  /// This registry with `programs` added to the host's (the ones already there win).
  public func addingHost(_ programs: [String: any Program]) -> ProgramRegistry {
    var registry = self
    registry.host.merge(programs) { kept, _ in kept }
    return registry
  }

  /// This registry with `programs` found in every place (the ones already there win).
  public func addingEverywhere(_ programs: [String: any Program]) -> ProgramRegistry {
    var registry = self
    registry.everywhere.merge(programs) { kept, _ in kept }
    return registry
  }
}

/// A program made of a closure, for the many small ones.
public struct ClosureProgram: Program {
  let body: @Sendable (Invocation, inout Session, inout Console) -> Int32
  public init(_ body: @escaping @Sendable (Invocation, inout Session, inout Console) -> Int32) { self.body = body }
  public func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    body(invocation, &session, &console)
  }
}
