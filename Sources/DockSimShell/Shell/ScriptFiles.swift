import DockSimCore

/// A command named by a path (`./run.sh`, `/app/start.sh`): the kernel's execve and the
/// shell's answer when it fails. A `#!` line names the interpreter; a text file without
/// one is run by the shell itself, as bash and dash do when execve says ENOEXEC.
extension ShellRun {
  /// The status of running the file `argv[0]`; nil when the simulator's own program
  /// for it should run (`/bin/ls`, an image's binary in a standard directory).
  mutating func runPath(
    _ argv: [String], stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> Int32? {
    let name = argv[0]
    var fs = session.filesystem
    guard let info = try? fs.stat(session.absolutePath(name)) else {
      if ProgramTable.lookup(name, in: session) != nil { return nil }
      return pathError(name, bash: "No such file or directory", dash: "not found", status: 127, console: &console)
    }
    if info.kind == .directory {
      return pathError(name, bash: "Is a directory", dash: "Permission denied", status: 126, console: &console)
    }
    // Root may run a file with any execute bit; a file with none is EACCES.
    guard info.kind == .regular, info.mode & 0o111 != 0 else {
      return pathError(name, bash: "Permission denied", dash: "Permission denied", status: 126, console: &console)
    }
    let head = (try? fs.readFile(info.path))?.bytes(in: 0..<256) ?? []
    if head.starts(with: Array("#!".utf8)) {
      return runInterpreter(head, argv, stdin: stdin, session: &session, console: &console)
    }
    let binaryDirectories = ["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"]
    if head.starts(with: [0x7F, 0x45, 0x4C, 0x46]) || binaryDirectories.contains(PathText.dirname(info.path)) {
      return nil
    }
    // ENOEXEC: the shell runs the file as a script of its own kind.
    let shell = isDash ? "sh" : "bash"
    return Builtins.childShell([shell] + argv, shell: self, stdin: stdin, session: &session, console: &console)
  }

  /// `#!INTERPRETER [ARG]`: the kernel runs INTERPRETER [ARG] FILE ARGS...
  private mutating func runInterpreter(
    _ head: [UInt8], _ argv: [String], stdin: ShellInput, session: inout Session, console: inout Console
  ) -> Int32 {
    let line = String(decoding: head.dropFirst(2).prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
    guard let interpreter = words.first.map(String.init) else {
      return pathError(argv[0], bash: "cannot execute: required file not found", dash: "not found", status: 127,
        console: &console)
    }
    var fs = session.filesystem
    guard let found = try? fs.stat(session.absolutePath(interpreter)), found.kind == .regular else {
      return pathError(argv[0], bash: "cannot execute: required file not found", dash: "not found", status: 127,
        console: &console)
    }
    // Linux passes everything after the interpreter as one argument.
    let rest = line.drop { $0 == " " || $0 == "\t" }.dropFirst(interpreter.count).drop { $0 == " " || $0 == "\t" }
    let argument = rest.hasSuffix("\r") ? String(rest.dropLast()) : String(rest)
    let command = [interpreter] + (argument.isEmpty ? [] : [argument]) + argv
    if Builtins.shells.contains(PathText.basename(interpreter)) {
      return Builtins.childShell(command, shell: self, stdin: stdin, session: &session, console: &console)
    }
    return invoke(command, stdin: stdin, stdinIsTerminal: false, session: &session, console: &console)
  }

  /// bash `bash: line 1: ./x: No such file or directory`, dash `sh: 1: ./x: not found`.
  private func pathError(_ name: String, bash: String, dash: String, status: Int32, console: inout Console) -> Int32 {
    console.errorLine(messagePrefix + "\(name): " + (isDash ? dash : bash))
    return status
  }
}

extension ShellRun {
  /// `. FILE [ARGS]` and bash's `source`: FILE's commands run in this shell. A name
  /// without a slash is looked for in PATH, then (bash) the current directory.
  mutating func sourceBuiltin(
    _ argv: [String], stdin: ShellInput, session: inout Session, console: inout Console
  ) -> Int32 {
    guard argv.count > 1 else {
      if isDash { return 0 }
      console.errorLine(messagePrefix + "\(argv[0]): filename argument required")
      console.errorLine("\(argv[0]): usage: \(argv[0]) filename [arguments]")
      return 2
    }
    let name = argv[1]
    let path = name.contains("/") ? name : SystemTools.executablePath(name, in: session) ?? (isDash ? nil : name)
    var fs = session.filesystem
    let info = path.flatMap { try? fs.stat(session.absolutePath($0)) }
    guard let path, let info else {
      if isDash {
        console.errorLine(messagePrefix + ".: \(name): not found")
        abortStatus = 2
        return 2
      }
      console.errorLine(messagePrefix + "\(name): No such file or directory")
      return 1
    }
    guard info.kind == .regular, let data = try? fs.readFile(info.path) else {
      if isDash { return 0 }
      console.errorLine(messagePrefix + "\(argv[0]): \(name): is a directory")
      return 1
    }
    let text = String(decoding: data.bytes(in: 0..<OutputLimit.bytes), as: UTF8.self)
    let savedPositional = positional
    let savedDocuments = hereDocuments
    let savedLine = line
    let savedLineBase = lineBase
    let savedSource = sourceName
    // bash gives the file its arguments; dash keeps the caller's.
    if !isDash, argv.count > 2 { positional = [positional.first ?? "bash"] + argv.dropFirst(2) }
    if case .bash = dialect { sourceName = path }
    lineBase = 0
    sourceDepth += 1
    var status = run(text, stdin: stdin, stdinIsTerminal: false, session: &session, console: &console)
    sourceDepth -= 1
    if let returned = returnStatus {
      status = returned
      returnStatus = nil
    }
    if !isDash, argv.count > 2 { positional = savedPositional }
    hereDocuments = savedDocuments
    line = savedLine
    lineBase = savedLineBase
    sourceName = savedSource
    return status
  }
}
