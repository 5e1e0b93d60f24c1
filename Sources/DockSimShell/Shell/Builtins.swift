import DockSimCore

/// Commands the shell runs itself because they change the shell: `cd`, `exit`,
/// `export`, ... and `sh -c`/`bash -c`, which start a child shell.
enum Builtins {
  static let names: Set<String> = [
    "cd", "pwd", "exit", "export", "unset", "true", "false", ":", "type", "sh", "bash", "dash", "echo", "printf",
    "test", "[", "break", "continue", "return", "local", "read", "shift", "set", "source", ".",
  ]

  /// The builtins that are really programs (`/bin/sh`): absent from images without a shell.
  static let shells: Set<String> = ["sh", "bash", "dash"]

  static func run(
    _ argv: [String], shell: inout ShellRun, stdin: ShellInput, session: inout Session, console: inout Console
  ) -> Int32 {
    let prefix = shell.messagePrefix
    switch argv[0] {
    case "cd":
      return cd(argv, prefix: shell.builtinPrefix("cd"), dash: shell.isDash, ash: shell.isAsh, session: &session,
        console: &console)
    case "pwd": return pwd(argv, shell: shell, session: session, console: &console)
    case "exit": return exit(argv, shell: &shell, session: &session, console: &console)
    case "export": return export(argv, prefix: prefix, dash: shell.isDash, session: &session, console: &console)
    case "unset": return unset(argv, prefix: prefix, session: &session, console: &console)
    case "true", ":": return 0
    case "false": return 1
    case "type":
      return type(argv, prefix: prefix, dash: shell.isDash, hereDocuments: shell.hereDocuments, session: session,
        console: &console)
    case "echo": return EchoPrintf.echo(argv, console: &console)
    case "printf": return EchoPrintf.printf(argv, prefix: prefix, console: &console)
    case "test", "[":
      let dash = shell.isDash
      return TestBuiltin(name: argv[0], dash: dash, prefix: prefix).run(argv, session: &session, console: &console)
    case "break", "continue": return loopControl(argv, shell: &shell, console: &console)
    case "shift": return shell.shiftBuiltin(argv, console: &console)
    case "set": return shell.setBuiltin(argv, session: &session, console: &console)
    case "return": return shell.returnBuiltin(argv, session: &session, console: &console)
    case "local": return shell.localBuiltin(argv, session: &session, console: &console)
    case "read": return ReadBuiltin(shell: shell).run(argv, stdin: stdin, prompts: false, session: &session, console: &console)
    case "source" where shell.isDash: return shell.commandNotFound("source", console: &console)
    case "source", ".": return shell.sourceBuiltin(argv, stdin: stdin, session: &session, console: &console)
    default: return childShell(argv, shell: shell, stdin: stdin, session: &session, console: &console)
    }
  }

  // MARK: break, continue

  /// `break [N]`, `continue [N]`: leave (or go round) the N innermost loops.
  static func loopControl(_ argv: [String], shell: inout ShellRun, console: inout Console) -> Int32 {
    let name = argv[0]
    var count = 1
    if argv.count > 1 {
      guard let value = Int(argv[1]), value > 0 else {
        if shell.isDash {
          console.errorLine(shell.messagePrefix + "\(name): Illegal number: \(argv[1])")
        } else {
          console.errorLine(shell.messagePrefix + "\(name): \(argv[1]): loop count out of range")
        }
        return dashOr(shell, 2, 1)
      }
      count = value
    }
    guard shell.loopDepth > 0 else {
      if shell.isDash { return 0 }
      console.errorLine(shell.messagePrefix + "\(name): only meaningful in a `for', `while', or `until' loop")
      return 0
    }
    count = min(count, shell.loopDepth)
    shell.loopControl = name == "break" ? .breaking(count) : .continuing(count)
    return 0
  }

  private static func dashOr(_ shell: ShellRun, _ dash: Int32, _ bash: Int32) -> Int32 {
    if shell.isDash { return dash }
    return bash
  }

  // MARK: pwd

  /// `pwd [-LP]`: the logical directory, or with `-P` the one symlinks lead to. Operands
  /// are ignored, as bash and dash do.
  static func pwd(_ argv: [String], shell: ShellRun, session: Session, console: inout Console) -> Int32 {
    var physical = false
    for argument in argv.dropFirst() {
      guard argument.hasPrefix("-"), argument != "-" else { break }
      if argument == "--" { break }
      for letter in argument.dropFirst() {
        switch letter {
        case "P": physical = true
        case "L": physical = false
        default:
          if shell.isAsh {
            console.errorLine(shell.builtinPrefix("pwd") + "illegal option -\(letter)")
          } else if shell.isDash {
            console.errorLine(shell.messagePrefix + "pwd: Illegal option -\(letter)")
          } else {
            console.errorLine(shell.messagePrefix + "pwd: -\(letter): invalid option")
            console.errorLine("pwd: usage: pwd [-LP]")
          }
          return 2
        }
      }
    }
    var directory = session.currentShell.cwd
    if physical {
      var fs = session.filesystem
      directory = (try? fs.stat(directory))?.path ?? directory
    }
    console.line(directory)
    return 0
  }

  // MARK: cd

  /// dash takes the first operand and says only `can't cd to DIR` (status 2).
  /// `prefix` ends in `cd: `; busybox adds why it could not.
  static func cd(
    _ argv: [String], prefix: String, dash: Bool = false, ash: Bool = false, session: inout Session,
    console: inout Console
  ) -> Int32 {
    let operands = argv.dropFirst().drop { $0 == "-L" || $0 == "-P" || $0 == "--" }
    guard operands.count <= 1 || dash else {
      console.errorLine(prefix + "too many arguments")
      return 1
    }
    var target = operands.first ?? session.homeDirectory
    var printsTarget = false
    if target == "-" {
      guard let old = session.currentShell.environment["OLDPWD"] else {
        console.errorLine(prefix + "OLDPWD not set")
        return 1
      }
      target = old
      printsTarget = true
    }
    if target.isEmpty { return 0 }
    let logical = PathText.normalized(session.absolutePath(target))
    do throws(FSError) {
      let info = try session.withFilesystem { fs throws(FSError) in try fs.stat(logical) }
      guard info.kind == .directory else { throw FSError.notADirectory }
    } catch {
      guard !dash else {
        console.errorLine(prefix + "can't cd to \(target)" + (ash ? ": \(error)" : ""))
        return 2
      }
      console.errorLine(prefix + "\(target): \(error)")
      return 1
    }
    let old = session.currentShell.cwd
    session.currentShell.cwd = logical
    session.currentShell.environment["OLDPWD"] = old
    if session.currentShell.environment["PWD"] != nil { session.currentShell.environment["PWD"] = logical }
    // dash exports OLDPWD at the first cd; bash exported it at start.
    if case .container = session.currentShell.place { session.currentShell.export("OLDPWD", nil) }
    if printsTarget { console.line(logical) }
    return 0
  }

  // MARK: exit

  static func exit(_ argv: [String], shell: inout ShellRun, session: inout Session, console: inout Console) -> Int32 {
    if shell.isDash { return dashExit(argv, shell: &shell, session: &session, console: &console) }
    let prefix = shell.messagePrefix
    var status = session.currentShell.lastStatus
    if argv.count > 1 {
      if let number = Int64(argv[1].trimmingSpaces()) {
        guard argv.count == 2 else {
          if announcesExit(shell, session) { console.errorLine("exit") }
          console.errorLine(prefix + "exit: too many arguments")
          return 1
        }
        status = Int32(truncatingIfNeeded: number & 0xff)
      } else {
        if announcesExit(shell, session) { console.errorLine("exit") }
        console.errorLine(prefix + "exit: \(argv[1]): numeric argument required")
        status = 2
        leave(status: status, shell: &shell, session: &session, console: &console, announced: true)
        return status
      }
    }
    leave(status: status, shell: &shell, session: &session, console: &console, announced: false)
    return status
  }

  /// dash and busybox ash ignore extra operands; a bad number is an error that ends a
  /// non-interactive shell (status 2) and leaves the user's shell running.
  private static func dashExit(
    _ argv: [String], shell: inout ShellRun, session: inout Session, console: inout Console
  ) -> Int32 {
    var status = session.currentShell.lastStatus
    if argv.count > 1 {
      guard let number = Int64(argv[1]), number >= 0 else {
        console.errorLine(shell.builtinPrefix("exit") + "Illegal number: \(argv[1])")
        if shell.isSubshell { leave(status: 2, shell: &shell, session: &session, console: &console, announced: true) }
        return 2
      }
      status = Int32(truncatingIfNeeded: number & 0xff)
    }
    leave(status: status, shell: &shell, session: &session, console: &console, announced: false)
    return status
  }

  /// An interactive bash says "exit" on its way out; dash and busybox ash say nothing.
  private static func announcesExit(_ shell: ShellRun, _ session: Session) -> Bool {
    !shell.isSubshell && session.currentShell.shellKind == .bash
  }

  /// `set -e` after a failure: the shell ends with its status, without exit's "exit".
  static func endShell(status: Int32, shell: inout ShellRun, session: inout Session, console: inout Console) {
    leave(status: status, shell: &shell, session: &session, console: &console, announced: true)
  }

  /// Ends the shell: a child shell just stops; the user's shell pops its frame or ends the session.
  private static func leave(
    status: Int32, shell: inout ShellRun, session: inout Session, console: inout Console, announced: Bool
  ) {
    shell.exitRequested = true
    guard !shell.isSubshell else { return }
    if !announced, announcesExit(shell, session) { console.errorLine("exit") }
    if session.shells.count > 1 {
      session.leaveContainerShell(status: status)
    } else {
      session.currentShell.lastStatus = status
      session.finished = true
    }
  }

  // MARK: export, unset

  static func export(
    _ argv: [String], prefix: String, dash: Bool, session: inout Session, console: inout Console
  ) -> Int32 {
    let operands = argv.dropFirst().filter { $0 != "-p" && $0 != "--" }
    if operands.isEmpty {
      // bash: `declare -x NAME="value"` (a name without a value alone); dash: `export NAME='value'`.
      let frame = session.currentShell
      for name in frame.exported.sorted() {
        guard let value = frame.environment[name] else {
          console.line(dash ? "export \(name)" : "declare -x \(name)")
          continue
        }
        console.line(dash ? "export \(name)=\(singleQuoted(value))" : "declare -x \(name)=\"\(escapeForDeclare(value))\"")
      }
      return 0
    }
    var status: Int32 = 0
    for operand in operands {
      let name = operand.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        ?? operand
      guard Parser.isName(name) else {
        console.errorLine(prefix + "export: `\(operand)': not a valid identifier")
        status = 1
        continue
      }
      session.currentShell.export(name, operand.contains("=") ? String(operand.dropFirst(name.count + 1)) : nil)
    }
    return status
  }

  /// dash's quoting in `export -p` and `set`: `'it'\''s'`.
  static func singleQuoted(_ value: String) -> String {
    var out = "'"
    for c in value { out += c == "'" ? "'\\''" : String(c) }
    return out + "'"
  }

  private static func escapeForDeclare(_ value: String) -> String {
    var out = ""
    for c in value {
      if c == "\"" || c == "\\" || c == "$" || c == "`" { out.append("\\") }
      out.append(c)
    }
    return out
  }

  static func unset(_ argv: [String], prefix: String, session: inout Session, console: inout Console) -> Int32 {
    var status: Int32 = 0
    for name in argv.dropFirst() where name != "-v" && name != "-f" {
      guard Parser.isName(name) else {
        console.errorLine(prefix + "unset: `\(name)': not a valid identifier")
        status = 1
        continue
      }
      session.currentShell.unset(name)
    }
    return status
  }

  // MARK: type

  static func type(
    _ argv: [String], prefix: String, dash: Bool, hereDocuments: [HereDocument], session: Session,
    console: inout Console
  ) -> Int32 {
    var status: Int32 = 0
    for name in argv.dropFirst() {
      if let function = session.currentShell.functions[name] {
        // bash goes on to print the function as its printer re-indents it; dash does not.
        console.line(dash ? "\(name) is a shell function" : "\(name) is a function")
        if !dash { console.line(FunctionText.text(of: function, hereDocuments: hereDocuments)) }
      } else if Builtins.names.contains(name) && !["sh", "bash", "dash"].contains(name) {
        console.line("\(name) is a shell builtin")
      } else if ProgramTable.lookup(name, in: session) != nil {
        console.line("\(name) is \(ProgramTable.directory(of: name, in: session))/\(name)")
      } else {
        console.errorLine(prefix + "type: \(name): not found")
        status = 1
      }
    }
    return status
  }

  // MARK: sh -c

  /// `sh -c 'script' [name [args...]]`, or a script on standard input.
  static func childShell(
    _ argv: [String], shell: ShellRun, stdin: ShellInput, session: inout Session, console: inout Console
  ) -> Int32 {
    let name = argv[0]
    let isDash = name == "sh" || name == "dash" || name.hasSuffix("/sh")
    // `sh` in alpine and busybox images is busybox ash.
    let isAsh = isDash && session.isBusybox(name)
    var operands = Array(argv.dropFirst())
    var script: String
    if let c = operands.firstIndex(of: "-c") {
      operands.remove(at: c)
      guard c < operands.count else {
        console.errorLine(isDash ? "\(name): 0: -c requires an argument" : "\(name): -c: option requires an argument")
        return 2
      }
      script = operands.remove(at: c)
    } else if operands.isEmpty {
      // An interactive shell inside the shell: nothing to read in the simulator but stdin.
      script = String(decoding: stdin.remaining, as: UTF8.self)
      stdin.consume(.all)
    } else {
      return runScriptFile(
        operands, name: name, isDash: isDash, isAsh: isAsh, parent: shell, stdin: stdin, session: &session,
        console: &console)
    }
    // `sh -c 'script' NAME` names itself NAME in messages, as `$0`.
    let shown = operands.first ?? name
    let dialect: ShellRun.Dialect =
      isAsh ? .ash(name: shown, file: false) : isDash ? .dash(name: shown) : .bash(name: shown, file: false)
    var child = ShellRun(dialect: dialect, isSubshell: true)
    child.positional = operands.isEmpty ? [name] : operands
    return runChild(&child, script, parent: shell, stdin: stdin, session: &session, console: &console)
  }

  /// Nested shell processes (a script that runs itself) end where a real machine runs
  /// out of processes: the simulator stops at this depth with the fork failure the
  /// parent shell would print, instead of exhausting its own stack.
  static let processNesting = 200

  private static func runScriptFile(
    _ operands: [String], name: String, isDash: Bool, isAsh: Bool, parent: ShellRun, stdin: ShellInput,
    session: inout Session, console: inout Console
  ) -> Int32 {
    let path = operands[0]
    let text: String
    do {
      let absolute = session.absolutePath(path)
      let data = try session.withFilesystem { fs throws(FSError) in try fs.readFile(absolute) }
      text = String(decoding: data.bytes(in: 0..<OutputLimit.bytes), as: UTF8.self)
    } catch .isADirectory {
      // bash names the file twice; dash reads nothing from it and ends with 0.
      if isDash { return 0 }
      console.errorLine("\(path): \(path): Is a directory")
      return 126
    } catch {
      console.errorLine(isDash ? "\(name): 0: cannot open \(path): No such file" : "\(name): \(path): \(error)")
      return isDash ? 2 : 127
    }
    let dialect: ShellRun.Dialect =
      isAsh ? .ash(name: path, file: true) : isDash ? .dash(name: path) : .bash(name: path, file: true)
    var child = ShellRun(dialect: dialect, isSubshell: true)
    child.positional = operands
    return runChild(&child, text, parent: parent, stdin: stdin, session: &session, console: &console)
  }

  /// A child process: its directory and variables are its own.
  private static func runChild(
    _ child: inout ShellRun, _ script: String, parent: ShellRun, stdin: ShellInput, session: inout Session,
    console: inout Console
  ) -> Int32 {
    guard parent.processDepth < processNesting else {
      console.errorLine(parent.isDash ? parent.messagePrefix + "Cannot fork" : parent.systemErrorPrefix + "fork: Resource temporarily unavailable")
      return parent.isDash ? 2 : 254
    }
    child.processDepth = parent.processDepth + 1
    // Deep nesting runs on a thread with a large stack, as deep function recursion does.
    if child.processDepth % 50 == 0 {
      return DeepStack.run { runChildProcess(&child, script, stdin: stdin, session: &session, console: &console) }
    }
    return runChildProcess(&child, script, stdin: stdin, session: &session, console: &console)
  }

  /// The child reads the same standard input (`echo hi | sh -c 'read x'`), except a
  /// script read from it.
  private static func runChildProcess(
    _ child: inout ShellRun, _ script: String, stdin: ShellInput, session: inout Session, console: inout Console
  ) -> Int32 {
    let saved = session.currentShell
    let depth = session.shells.count
    // A new shell process: functions, `set` options and unexported variables are not inherited.
    session.currentShell.functions = [:]
    session.currentShell.options = .initial(interactive: false)
    session.currentShell.startShell(child.isAsh ? .ash : child.isDash ? .dash : .bash)
    let status = child.run(script, stdin: stdin, stdinIsTerminal: false, session: &session, console: &console)
    if session.shells.count == depth {
      session.currentShell = saved
    }
    return status
  }
}

/// Paths as text: joining and `.`/`..` folding without looking at the file system
/// (what `cd` does with its logical path).
package enum PathText {
  static func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      if component == "." { continue }
      if component == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(component)
    }
    return "/" + parts.joined(separator: "/")
  }

  package static func basename(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    if trimmed == "/" { return "/" }
    return String(trimmed.split(separator: "/").last ?? "")
  }

  static func dirname(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    var head = trimmed[..<slash]
    while head.count > 1, head.hasSuffix("/") { head.removeLast() }
    return head.isEmpty ? "/" : String(head)
  }
}
