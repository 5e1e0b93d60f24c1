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
}

/// A program made of a closure, for the many small ones.
public struct ClosureProgram: Program {
  let body: @Sendable (Invocation, inout Session, inout Console) -> Int32
  public init(_ body: @escaping @Sendable (Invocation, inout Session, inout Console) -> Int32) { self.body = body }
  public func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    body(invocation, &session, &console)
  }
}
