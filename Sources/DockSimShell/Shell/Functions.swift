import DockSimCore
import Foundation

/// Shell functions: calling one, `return` and `local`.
extension ShellRun {
  /// dash's fixed limit on nested calls; bash has none by default (it recurses until it
  /// crashes), so the simulator gives bash the same limit through its `FUNCNEST` message.
  static let defaultFunctionNesting = 1000

  /// Runs `function` in this shell with `argv` as `$1`, `$2`, ... (`$0` stays the shell's).
  mutating func call(
    _ function: FunctionDefinition, _ argv: [String], stdin: ShellInput, stdinIsTerminal: Bool,
    session: inout Session, console: inout Console
  ) -> Int32 {
    let limit = functionNestingLimit(session)
    guard functionDepth < limit else {
      if isDash {
        console.errorLine(messagePrefix + "Maximum function recursion depth (\(limit)) reached")
        abortStatus = 2
      } else {
        console.errorLine(messagePrefix + "\(function.name): maximum function nesting level exceeded (\(limit))")
        abortStatus = 1
      }
      return abortStatus!
    }
    // Deep recursion runs on a thread with a large stack: the limit's message, not a crash.
    if functionDepth % Self.defaultFunctionNesting == 0 {
      return DeepStack.run {
        enter(function, argv, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      }
    }
    return enter(function, argv, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
  }

  private mutating func enter(
    _ function: FunctionDefinition, _ argv: [String], stdin: ShellInput, stdinIsTerminal: Bool,
    session: inout Session, console: inout Console
  ) -> Int32 {
    let savedPositional = positional
    let savedLoopDepth = loopDepth
    let savedSource = sourceName
    let savedLine = line
    // bash 5.2 files a function defined in a `-c` string under `environment`.
    if case .bash(_, file: false) = dialect { sourceName = "environment" }
    defer {
      sourceName = savedSource
      line = savedLine
    }
    let depth = session.shells.count
    positional = [positional.first ?? "bash"] + argv.dropFirst()
    // `break` in a function does not reach the caller's loops.
    loopDepth = 0
    functionDepth += 1
    localFrames.append([:])
    var status = run(
      .compound(function.body, redirections: function.redirections), stdin: stdin, stdinIsTerminal: stdinIsTerminal,
      session: &session, console: &console)
    if let returned = returnStatus {
      status = returned
      returnStatus = nil
    }
    let locals = localFrames.removeLast()
    if session.shells.count == depth {
      for (name, hidden) in locals { session.currentShell.environment[name] = hidden }
    }
    functionDepth -= 1
    loopDepth = savedLoopDepth
    positional = savedPositional
    return status
  }

  /// bash's `FUNCNEST` when it is a positive number, else the default.
  private func functionNestingLimit(_ session: Session) -> Int {
    if !isDash, let text = session.currentShell.environment["FUNCNEST"], let value = Int(text), value > 0 {
      return value
    }
    return Self.defaultFunctionNesting
  }

  /// `return [N]`: leaves the running function with N (default `$?`), taken modulo 256.
  mutating func returnBuiltin(_ argv: [String], session: inout Session, console: inout Console) -> Int32 {
    var status = session.currentShell.lastStatus
    if argv.count > 1 {
      guard let number = Int64(argv[1].trimmingSpaces()) else {
        if isDash {
          console.errorLine(messagePrefix + "return: Illegal number: \(argv[1])")
          exitRequested = true
          return 2
        }
        console.errorLine(messagePrefix + "return: \(argv[1]): numeric argument required")
        return leave(with: 2)
      }
      // dash keeps the number as it is and refuses a negative one.
      if isDash, number < 0 || number > Int64(Int32.max) {
        console.errorLine(messagePrefix + "return: Illegal number: \(argv[1])")
        exitRequested = true
        return 2
      }
      status = isDash ? Int32(number) : Int32(truncatingIfNeeded: number & 0xff)
    }
    guard functionDepth > 0 || sourceDepth > 0 else {
      // dash ends the shell, as `return` ends a sourced script; bash refuses.
      if isDash {
        exitRequested = true
        return status
      }
      console.errorLine(messagePrefix + "return: can only `return' from a function or sourced script")
      return 2
    }
    return leave(with: status)
  }

  private mutating func leave(with status: Int32) -> Int32 {
    guard functionDepth > 0 || sourceDepth > 0 else { return status }
    returnStatus = status
    return status
  }

  /// `shift [N]`: drops the first N positional parameters.
  mutating func shiftBuiltin(_ argv: [String], console: inout Console) -> Int32 {
    var count = 1
    if argv.count > 1 {
      guard let number = Int(argv[1].trimmingSpaces()), number >= 0 else {
        if isDash {
          console.errorLine(messagePrefix + "shift: Illegal number: \(argv[1])")
          exitRequested = true
          return 2
        }
        if Int(argv[1].trimmingSpaces()) != nil {
          console.errorLine(messagePrefix + "shift: \(argv[1]): shift count out of range")
          return 1
        }
        console.errorLine(messagePrefix + "shift: \(argv[1]): numeric argument required")
        return 1
      }
      count = number
    }
    guard count < positional.count else {
      if isDash {
        console.errorLine(messagePrefix + "shift: can't shift that many")
        exitRequested = true
        return 2
      }
      // bash fails silently when there are fewer parameters than N.
      return 1
    }
    positional.removeSubrange(1..<(1 + count))
    return 0
  }

  /// `local NAME[=VALUE]...`: the variable belongs to the running function until it returns.
  /// bash starts a bare `local NAME` unset; dash keeps the value it hides.
  mutating func localBuiltin(_ argv: [String], session: inout Session, console: inout Console) -> Int32 {
    guard functionDepth > 0, !localFrames.isEmpty else {
      if isDash {
        console.errorLine(messagePrefix + "local: not in a function")
        return 2
      }
      console.errorLine(messagePrefix + "local: can only be used in a function")
      return 1
    }
    var status: Int32 = 0
    for operand in argv.dropFirst() {
      let parts = operand.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0])
      guard Parser.isName(name) else {
        console.errorLine(messagePrefix + "local: `\(operand)': not a valid identifier")
        status = 1
        continue
      }
      let environment = session.currentShell.environment
      if localFrames[localFrames.count - 1][name] == nil {
        localFrames[localFrames.count - 1][name] = .some(environment[name])
        if !isDash { session.currentShell.environment[name] = nil }
      }
      if parts.count == 2 { session.currentShell.environment[name] = String(parts[1]) }
    }
    return status
  }
}

/// A thread with a large stack for deeply nested shell functions; the caller waits.
enum DeepStack {
  static let stackSize = 256 << 20

  static func run<T>(_ body: () -> T) -> T {
    withoutActuallyEscaping(body) { body in
      let job = Job(body)
      let done = DispatchSemaphore(value: 0)
      let thread = Thread {
        job.run()
        done.signal()
      }
      thread.stackSize = stackSize
      thread.start()
      done.wait()
      return job.result!
    }
  }

  /// The work handed to the thread; only one thread touches it at a time. It lets go of
  /// the body before the caller resumes: the body must not outlive the call.
  private final class Job<T>: @unchecked Sendable {
    private var body: (() -> T)?
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    func run() {
      result = body?()
      body = nil
    }
  }
}
