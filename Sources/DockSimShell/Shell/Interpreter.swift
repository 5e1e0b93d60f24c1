import DockSimCore

/// Runs shell input in the session's current shell: parse, expand, redirect, run.
enum Interpreter {
  static func execute(_ text: String, session: inout Session, console: inout Console) -> Int32 {
    var run = userShell(session.currentShell)
    // Interactive dash numbers its messages by the lines the session has read.
    run.lineBase = session.currentShell.linesRead
    session.currentShell.linesRead += text.split(separator: "\n", omittingEmptySubsequences: false).count
      - (text.hasSuffix("\n") ? 1 : 0)
    let status = run.run(text, stdin: ShellInput([]), stdinIsTerminal: true, session: &session, console: &console)
    // `trace on`: what the input did, under its output.
    session.flushNarration(console: &console)
    return status
  }

  /// The user's shell in `frame`: bash, or `sh` as dash (`sh: 1: foo: not found`) or
  /// busybox ash (`sh: foo: not found`), named as the program was run (`/bin/sh`).
  private static func userShell(_ frame: ShellFrame) -> ShellRun {
    let name = frame.shellProgram ?? "sh"
    var run: ShellRun
    switch frame.shellKind {
    case .bash: return ShellRun(dialect: .interactiveBash, isSubshell: false)
    case .dash: run = ShellRun(dialect: .dash(name: name), isSubshell: false)
    case .ash: run = ShellRun(dialect: .ash(name: name, file: false), isSubshell: false)
    }
    run.positional = [name]
    return run
  }

  static func inputStatus(_ text: String) -> InputStatus {
    switch Parser.parse(text) {
    case .success(let result): return result.wantsMoreInput ? .needsMore : .complete
    case .failure(let failure): return failure.wantsMoreInput ? .needsMore : .complete
    }
  }
}

/// One shell process running: the top-level shell, `sh -c`, a pipeline stage or `$(...)`.
struct ShellRun {
  /// How the shell names itself in messages.
  enum Dialect {
    /// `bash: foo: command not found`
    case interactiveBash
    /// A program that runs commands without a shell of its own (`env`, `find -exec`, a
    /// container's command): `env: ` before a message, `env: -c: line 1: ` before a syntax error.
    case bashCommand(name: String)
    /// bash running `-c` or its standard input (`bash: line 2: foo: command not found`;
    /// syntax errors `bash: -c: line 2: `) or a script file (`/s.sh: line 2: `).
    case bash(name: String, file: Bool)
    /// dash as `/bin/sh` in Debian and Ubuntu: `sh: 1: foo: not found`, `/s.sh: 2: ...`.
    case dash(name: String)
    /// busybox ash as `/bin/sh` in alpine and busybox: `sh: foo: not found` for `-c`,
    /// `/s.sh: line 2: foo: not found` for a script. Otherwise it speaks as dash does.
    case ash(name: String, file: Bool)
  }

  /// `$?` after Ctrl-C: 128 + SIGINT, as bash reports a command killed by it.
  static let interruptedStatus: Int32 = 130

  var dialect: Dialect
  /// `exit` ends only this run (not the user's shell).
  var isSubshell: Bool
  var hereDocuments: [HereDocument] = []
  /// Set by `exit`; nothing more runs.
  var exitRequested = false
  /// `$0`, `$1`, ... for `sh -c 'script' name args`.
  var positional: [String] = ["bash"]
  /// How many `for`/`while`/`until` loops are running (for `break` and `continue`).
  var loopDepth = 0
  /// Set by `break N` / `continue N`: the lists in between stop running.
  var loopControl: LoopControl?
  /// How many shell functions are running (`return` and `local` need one).
  var functionDepth = 0
  /// How many files `.` or `source` is reading (`return` ends one).
  var sourceDepth = 0
  /// bash `-c`'s last simple command, which bash runs by exec without a fork, so its
  /// program sees SHLVL one lower (bash 5.1+ `-c` one-shot optimisation).
  var execsLast: SimpleCommand?
  /// How many `sh`/`bash` processes this one runs inside (see `Builtins.processNesting`).
  var processDepth = 0
  /// Set by `return`: the lists up to the function's body stop; the call's status.
  var returnStatus: Int32?
  /// Each running function's `local` variables and the values they hid (nil: unset).
  var localFrames: [[String: String?]] = []
  /// The line of the command running (for `line N` in messages).
  var line = 1
  /// Lines the shell read before this input (an interactive shell's earlier lines).
  var lineBase = 0
  /// bash names a function defined in a `-c` string `environment` in its messages.
  var sourceName: String?
  /// Set by a fatal error (function nesting too deep): the whole input stops, as bash
  /// abandons a command line and dash exits, with this status.
  var abortStatus: Int32?
  /// How many conditions are running (an `if` or `while` test, a command before `&&` or
  /// `||`, a `!` pipeline): `set -e` ignores a failure inside them.
  var conditionDepth = 0
  /// How many `$(...)` this shell runs inside (bash's `set -x` shows `++` in one).
  var substitutionDepth = 0

  /// Something stops the lists in between: `exit`, `break`/`continue`, `return`, a fatal error.
  var isUnwinding: Bool { exitRequested || loopControl != nil || returnStatus != nil || abortStatus != nil }

  var isDash: Bool {
    switch dialect {
    case .dash, .ash: return true
    default: return false
    }
  }

  var isAsh: Bool {
    if case .ash = dialect { return true }
    return false
  }

  /// Before a builtin's message: busybox puts the line after the builtin's name
  /// (`sh: cd: line 0: `, with 0 in a `-c` string); the others before it.
  func builtinPrefix(_ builtin: String) -> String {
    // Interactive ash (the user's shell) names no line at all.
    guard case .ash(let name, let file) = dialect, isSubshell else { return messagePrefix + "\(builtin): " }
    return "\(name): \(builtin): line \(file ? line : 0): "
  }

  enum LoopControl: Equatable {
    case breaking(Int)
    case continuing(Int)
  }

  /// A `while`/`until` loop stops after this many rounds with a message rather than hang the
  /// session (`while true; do ...; done`); Ctrl-C in the REPL stops it sooner.
  static let maximumIterations = 10_000

  init(dialect: Dialect, isSubshell: Bool) {
    self.dialect = dialect
    self.isSubshell = isSubshell
  }

  /// The prefix of a runtime message: `bash: `, `bash: line 2: ` or `sh: 2: `.
  var messagePrefix: String {
    switch dialect {
    case .interactiveBash: return "bash: "
    case .bashCommand(let name): return "\(name): "
    case .bash(let name, _): return "\(sourceName ?? name): line \(line): "
    case .dash(let name): return "\(name): \(line): "
    case .ash(let name, let file): return file ? "\(name): line \(line): " : "\(name): "
    }
  }

  /// bash's system-call errors name the shell without a line (`/s.sh: fork: ...`).
  var systemErrorPrefix: String {
    if case .bash(let name, _) = dialect { return "\(sourceName ?? name): " }
    return messagePrefix
  }

  // MARK: Input

  mutating func run(
    _ text: String, stdin: [UInt8], stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    run(text, stdin: ShellInput(stdin), stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
  }

  mutating func run(
    _ text: String, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    switch Parser.parse(text, posix: isDash) {
    case .failure(let failure):
      reportSyntaxError(failure, text: text, console: &console)
      session.currentShell.lastStatus = 2
      return 2
    case .success(let parsed):
      for warning in parsed.warnings { console.errorLine(syntaxPrefix(line: 1) + warning) }
      hereDocuments = parsed.hereDocuments
      if case .bash(_, file: false) = dialect, isSubshell, sourceDepth == 0, functionDepth == 0 {
        execsLast = Self.lastCommand(of: parsed.script)
      }
      let status = run(parsed.script, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      guard let aborted = abortStatus else { return status }
      abortStatus = nil
      // A non-interactive dash exits; the user's shell reads its next line.
      if isDash, isSubshell { exitRequested = true }
      session.currentShell.lastStatus = aborted
      return aborted
    }
  }

  private func syntaxPrefix(line: Int) -> String {
    switch dialect {
    case .interactiveBash: return "bash: "
    case .bashCommand(let name), .bash(let name, file: false): return "\(name): -c: line \(line): "
    case .bash(let name, file: true): return "\(name): line \(line): "
    case .dash(let name): return "\(name): \(line): "
    case .ash(let name, let file): return file ? "\(name): line \(line): " : "\(name): "
    }
  }

  private func reportSyntaxError(_ failure: Parser.Failure, text: String, console: inout Console) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let reached = Parser.failureLine(text, posix: isDash)
    switch dialect {
    case .interactiveBash:
      console.errorLine("bash: " + failure.message)
    case .dash(let name):
      console.errorLine("\(name): \(lineBase + reached): " + failure.dashMessage)
    case .ash:
      console.errorLine(syntaxPrefix(line: reached) + failure.dashMessage)
    case .bashCommand, .bash:
      // bash counts the end of a string without a final newline as one more line.
      let lineNumber = failure.isEndOfFile ? reached + (text.hasSuffix("\n") ? 0 : 1) : reached
      console.errorLine(syntaxPrefix(line: lineNumber) + failure.message)
      if !failure.isEndOfFile, !failure.wantsMoreInput {
        let shown = reached - 1 < lines.count ? String(lines[reached - 1]) : ""
        console.errorLine(syntaxPrefix(line: reached) + "`\(shown)'")
      }
    }
  }

  /// The last list's last pipeline when it is one simple command without redirections.
  private static func lastCommand(of script: Script) -> SimpleCommand? {
    guard let list = script.lists.last else { return nil }
    let pipeline = list.rest.last?.1 ?? list.first
    guard !pipeline.negated, pipeline.commands.count == 1, case .simple(let command) = pipeline.commands[0],
      command.redirections.isEmpty, !command.words.isEmpty
    else { return nil }
    return command
  }

  // MARK: Lists and pipelines

  mutating func run(
    _ script: Script, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    var status = session.currentShell.lastStatus
    for list in script.lists {
      status = run(list, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      if isUnwinding { break }
      // Ctrl-C ends the whole input, as bash abandons a list when a command dies of SIGINT.
      if console.isInterrupted { return ShellRun.interruptedStatus }
    }
    return status
  }

  /// Every pipeline but the last is a condition for `set -e`.
  private mutating func run(
    _ list: AndOrList, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    var status = runCondition(!list.rest.isEmpty) {
      $0.run(list.first, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
    }
    for (index, (op, pipeline)) in list.rest.enumerated() {
      if isUnwinding || console.isInterrupted { break }
      if (op == .and) != (status == 0) { continue }
      status = runCondition(index < list.rest.count - 1) {
        $0.run(pipeline, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      }
    }
    return status
  }

  /// Runs `body` as a condition (when `isCondition`): `set -e` does not stop on its failures.
  mutating func runCondition(_ isCondition: Bool = true, _ body: (inout ShellRun) -> Int32) -> Int32 {
    if isCondition { conditionDepth += 1 }
    defer { if isCondition { conditionDepth -= 1 } }
    return body(&self)
  }

  private mutating func run(
    _ pipeline: Pipeline, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    var statuses: [Int32] = []
    var status = runCondition(pipeline.negated) { shell in
      guard pipeline.commands.count > 1 else {
        statuses = [
          shell.run(
            pipeline.commands[0], stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
        ]
        return statuses[0]
      }
      statuses = shell.runStages(
        pipeline.commands, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      // `set -o pipefail`: the last stage that failed decides.
      let failed = session.currentShell.options.pipefail ? statuses.last { $0 != 0 } : nil
      return failed ?? statuses.last ?? 0
    }
    if !exitRequested || isSubshell { session.currentShell.pipeStatus = statuses }
    if pipeline.negated { status = status == 0 ? 1 : 0 }
    if !exitRequested || isSubshell { session.currentShell.lastStatus = status }
    if status != 0, !pipeline.negated, conditionDepth == 0, !isUnwinding, session.currentShell.options.errexit {
      Builtins.endShell(status: status, shell: &self, session: &session, console: &console)
    }
    return status
  }

  /// A copy of this shell for a subshell, a pipeline stage or a substitution: the same
  /// parameters, here-documents and function context; its variables are restored after.
  func subshell() -> ShellRun {
    var child = ShellRun(dialect: dialect, isSubshell: true)
    child.hereDocuments = hereDocuments
    child.positional = positional
    child.functionDepth = functionDepth
    child.processDepth = processDepth
    child.conditionDepth = conditionDepth
    child.substitutionDepth = substitutionDepth
    child.line = line
    child.lineBase = lineBase
    child.sourceName = sourceName
    return child
  }

  // MARK: Compound commands

  mutating func run(
    _ command: Command, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    switch command {
    case .simple(let simple):
      return run(simple, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
    case .function(let definition):
      session.currentShell.functions[definition.name] = definition
      return 0
    case .compound(let compound, let redirections):
      guard !redirections.isEmpty else {
        return run(compound, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      }
      var redirect = RedirectionPlan()
      if let failure = redirect.prepare(redirections, run: &self, session: &session, console: &console) {
        console.errorLine(messagePrefix + failure)
        return 1
      }
      let input = redirect.stdin.map { ShellInput($0, isSeekable: redirect.stdinIsFile) } ?? stdin
      let inputIsTerminal = redirect.stdin == nil && stdinIsTerminal
      guard redirect.capturesOutput else {
        return run(compound, stdin: input, stdinIsTerminal: inputIsTerminal, session: &session, console: &console)
      }
      var capture = Console(traits: redirect.traits(from: console.traits))
      let status = run(compound, stdin: input, stdinIsTerminal: inputIsTerminal, session: &session, console: &capture)
      redirect.finish(capture, into: &console, session: &session)
      if let error = redirect.writeError {
        console.errorLine(messagePrefix + "write error: \(error)")
        return 1
      }
      return status
    }
  }

  private mutating func run(
    _ compound: CompoundCommand, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session,
    console: inout Console
  ) -> Int32 {
    switch compound {
    case .group(let body):
      return run(body, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
    case .subshell(let body):
      let saved = session.currentShell
      let depth = session.shells.count
      var child = subshell()
      let status = child.run(body, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      if session.shells.count == depth { session.currentShell = saved }
      return status
    case .ifClause(let branches, let otherwise):
      for branch in branches {
        let condition = runCondition {
          $0.run(branch.condition, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
        }
        if isUnwinding { return condition }
        if condition == 0 {
          return run(branch.body, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
        }
      }
      guard let otherwise else { return 0 }
      return run(otherwise, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
    case .forLoop(let name, let items, let body):
      return runFor(
        name, items: items, body: body, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session,
        console: &console)
    case .loop(let condition, let body, let until):
      return runWhile(
        condition, body: body, until: until, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session,
        console: &console)
    case .caseClause(let subject, let items):
      return runCase(
        subject, items: items, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
    }
  }

  private mutating func runFor(
    _ name: String, items: [Word]?, body: Script, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session,
    console: inout Console
  ) -> Int32 {
    guard Parser.isName(name) else {
      if isDash {
        console.errorLine(messagePrefix + "Syntax error: Bad for loop variable")
        return 2
      }
      console.errorLine(messagePrefix + "`\(name)': not a valid identifier")
      return 1
    }
    var values = Array(positional.dropFirst())
    if let items {
      var substitutionStatus: Int32? = nil
      guard let expanded = expandArguments(items, session: &session, console: &console, status: &substitutionStatus)
      else { return 1 }
      values = expanded
    }
    loopDepth += 1
    defer { loopDepth -= 1 }
    var status: Int32 = 0
    for value in values {
      if console.isInterrupted { return ShellRun.interruptedStatus }
      traceFor(name, items: items, session: &session, console: &console)
      session.currentShell.environment[name] = value
      status = run(body, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      if exitRequested || returnStatus != nil || abortStatus != nil || !continuesAfterLoopControl() { break }
    }
    return status
  }

  private mutating func runWhile(
    _ condition: Script, body: Script, until: Bool, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session,
    console: inout Console
  ) -> Int32 {
    loopDepth += 1
    defer { loopDepth -= 1 }
    var status: Int32 = 0
    for round in 0... {
      if console.isInterrupted { return ShellRun.interruptedStatus }
      if round == Self.maximumIterations {
        console.errorLine(
          "docksim: \(until ? "until" : "while"): loop stopped after \(round) rounds \(SimulatorLimit.note)")
        return 1
      }
      let test = runCondition {
        $0.run(condition, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      }
      if exitRequested || returnStatus != nil || abortStatus != nil { return test }
      if loopControl != nil {
        if !continuesAfterLoopControl() { break }
        continue
      }
      if (test == 0) == until { break }
      status = run(body, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      if exitRequested || returnStatus != nil || abortStatus != nil || !continuesAfterLoopControl() { break }
    }
    return status
  }

  /// Runs the list of the first item whose pattern matches the expanded word; `;&` goes on
  /// into the next list, `;;&` goes on testing. No match: status 0.
  private mutating func runCase(
    _ subject: Word, items: [CaseItem], stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session,
    console: inout Console
  ) -> Int32 {
    var substitutionStatus: Int32? = nil
    guard let word = expandToString(subject, session: &session, console: &console, status: &substitutionStatus)
    else { return 1 }
    traceCase(word, session: &session, console: &console)
    var status: Int32 = 0
    var index = 0
    var enterNext = false
    while index < items.count {
      let item = items[index]
      index += 1
      if !enterNext {
        var matched = false
        for pattern in item.patterns {
          guard let glob = expandPattern(pattern, session: &session, console: &console, status: &substitutionStatus)
          else { return 1 }
          if glob.matches(word) {
            matched = true
            break
          }
        }
        guard matched else { continue }
      }
      // An empty list (`x) ;;`) succeeds.
      status = item.body.lists.isEmpty
        ? 0 : run(item.body, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
      if isUnwinding { break }
      switch item.terminator {
      case .stop: return status
      case .fallThrough: enterNext = true
      case .testNext: enterNext = false
      }
    }
    return status
  }

  /// After a loop's body: consumes this loop's share of `break N`/`continue N`; false
  /// when the loop must stop.
  private mutating func continuesAfterLoopControl() -> Bool {
    switch loopControl {
    case nil: return true
    case .breaking(let count):
      loopControl = count > 1 ? .breaking(count - 1) : nil
      return false
    case .continuing(let count):
      loopControl = count > 1 ? .continuing(count - 1) : nil
      return count <= 1
    }
  }

  // MARK: Simple commands

  mutating func run(
    _ command: SimpleCommand, stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    if command.line > 0 { line = lineBase + command.line }
    var substitutionStatus: Int32? = nil
    guard let argv = expandArguments(command.words, session: &session, console: &console, status: &substitutionStatus)
    else { return abortStatus ?? 1 }
    var assignments: [(String, String)] = []
    for assignment in command.assignments {
      guard
        let value = expandToString(
          assignment.value, session: &session, console: &console, status: &substitutionStatus)
      else { return 1 }
      assignments.append((assignment.name, value))
    }
    traceCommand(argv, assignments: assignments, session: &session, console: &console)
    var redirect = RedirectionPlan()
    if let failure = redirect.prepare(command.redirections, run: &self, session: &session, console: &console) {
      console.errorLine(messagePrefix + failure)
      return 1
    }
    guard !argv.isEmpty else {
      for (name, value) in assignments { session.currentShell.environment[name] = value }
      redirect.finish(Console(traits: console.traits), into: &console, session: &session)
      return substitutionStatus ?? 0
    }
    let input = redirect.stdin.map { ShellInput($0, isSeekable: redirect.stdinIsFile) } ?? stdin
    let inputIsTerminal = redirect.stdin == nil && stdinIsTerminal
    let saved = session.currentShell
    // `NAME=value command`: the command's environment has NAME.
    for (name, value) in assignments { session.currentShell.export(name, value) }
    let execs = execsLast.map { $0 == command && $0.line == command.line } ?? false
    if execs, !Builtins.names.subtracting(Builtins.shells).contains(argv[0]),
      session.currentShell.functions[argv[0]] == nil, let level = session.currentShell.environment["SHLVL"].flatMap({ Int($0) })
    {
      session.currentShell.environment["SHLVL"] = String(level - 1)
    }
    session.currentShell.commandAssignments = assignments.map(\.0)
    let depth = session.shells.count
    var status: Int32
    if redirect.capturesOutput {
      var capture = console.part(traits: redirect.traits(from: console.traits))
      status = invoke(argv, stdin: input, stdinIsTerminal: inputIsTerminal, session: &session, console: &capture)
      redirect.finish(capture, into: &console, session: &session)
      if let error = redirect.writeError {
        // `bash: echo: write error: ...` for a builtin, `cat: write error: ...` for a program.
        let shellPrefix = Builtins.names.contains(argv[0]) ? messagePrefix : ""
        console.errorLine(shellPrefix + "\(argv[0]): write error: \(error)")
        status = 1
      }
    } else {
      status = invoke(argv, stdin: input, stdinIsTerminal: inputIsTerminal, session: &session, console: &console)
    }
    if execs, session.shells.count == depth { session.currentShell.environment["SHLVL"] = saved.environment["SHLVL"] }
    if !assignments.isEmpty, session.shells.count == depth {
      for (name, _) in assignments { session.currentShell.environment[name] = saved.environment[name] }
      session.currentShell.exported = saved.exported
      session.currentShell.environmentOrder = saved.environmentOrder
      session.currentShell.commandAssignments = []
    }
    return status
  }

  mutating func invoke(
    _ argv: [String], stdin: [UInt8], stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    invoke(argv, stdin: ShellInput(stdin), stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
  }

  /// Runs a function, a builtin or a program with expanded arguments.
  mutating func invoke(
    _ argv: [String], stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    let name = argv[0]
    if let function = session.currentShell.functions[name] {
      return call(function, argv, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
    }
    if argv.count == 1, stdinIsTerminal, !isSubshell, session.enterTypedShell(name) { return 0 }
    if session.runsAsBuiltin(name) {
      if name == "read" {
        return ReadBuiltin(shell: self).run(
          argv, stdin: stdin, prompts: stdinIsTerminal, session: &session, console: &console)
      }
      return Builtins.run(argv, shell: &self, stdin: stdin, session: &session, console: &console)
    }
    if Builtins.isShellPath(name, in: session) {
      return Builtins.run(argv, shell: &self, stdin: stdin, session: &session, console: &console)
    }
    if name.contains("/"), case .container = session.currentShell.place,
      let status = runPath(argv, stdin: stdin, stdinIsTerminal: stdinIsTerminal, session: &session, console: &console)
    {
      return status
    }
    guard let program = ProgramTable.lookup(name, in: session) else {
      return commandNotFound(name, console: &console)
    }
    let invocation = Invocation(arguments: argv, stdin: stdin.remaining, stdinIsTerminal: stdinIsTerminal)
    session.stdinRead = nil
    let status = program.run(invocation, session: &session, console: &console)
    if let read = session.stdinRead ?? Self.assumedRead(of: name, in: session.programs) { stdin.consume(read) }
    return status
  }

  /// A utility that reads its standard input says how much; one that does not say did not
  /// read it (`ls`). The docker CLI and the teaching commands do not say: they count as
  /// reading it all (`docker load`, `docker build -`), so no writer into them is cut short.
  private static func assumedRead(of name: String, in programs: ProgramRegistry) -> StdinRead? {
    programs.utilities[PathText.basename(name)] == nil ? .all : nil
  }

  func commandNotFound(_ name: String, console: inout Console) -> Int32 {
    switch dialect {
    case .dash, .ash: console.errorLine(messagePrefix + "\(name): not found")
    default: console.errorLine(messagePrefix + "\(name): command not found")
    }
    return 127
  }
}
