import DockSimCore

/// Where a command's standard input comes from and where its output goes.
///
/// Files are opened (created, truncated) before the command runs, as the shell
/// does, so `> out` makes `out` even when the command fails; what the command
/// writes is appended when it is done.
struct RedirectionPlan {
  enum Sink: Hashable {
    case stdout, stderr, discard
    case file(Int)
  }

  struct OpenFile {
    var path: String
    var buffer: [UInt8] = []
  }

  /// Replacement standard input (`<`, here-documents), if any.
  var stdin: [UInt8]?
  /// `stdin` is a regular file (`< file`), not a here-document: readers can seek in it.
  var stdinIsFile = false
  private var sinks: [Int: Sink] = [1: .stdout, 2: .stderr]
  private var files: [OpenFile] = []

  /// The command's output must be captured and routed afterwards.
  var capturesOutput: Bool { sinks[1] != .stdout || sinks[2] != .stderr }

  /// The command's view of its output: a file is not a terminal.
  func traits(from traits: TerminalTraits) -> TerminalTraits {
    var traits = traits
    if sinks[1] != .stdout { traits.stdoutIsTerminal = false }
    if sinks[2] != .stderr { traits.stderrIsTerminal = false }
    if !traits.stdoutIsTerminal { traits.color = false }
    return traits
  }

  /// Applies the redirections left to right; returns bash's message on failure.
  mutating func prepare(
    _ redirections: [Redirection], run: inout ShellRun, session: inout Session, console: inout Console
  ) -> String? {
    for redirection in redirections {
      if let failure = apply(redirection, run: &run, session: &session, console: &console) { return failure }
    }
    return nil
  }

  private mutating func apply(
    _ redirection: Redirection, run: inout ShellRun, session: inout Session, console: inout Console
  ) -> String? {
    var status: Int32? = nil
    switch redirection.op {
    case .hereDocument(let index):
      let document = index < run.hereDocuments.count ? run.hereDocuments[index] : HereDocument(body: "", expands: false)
      var body = document.body
      if document.expands {
        let word = Parser.hereDocumentWord(body)
        body = run.expandToString(word, session: &session, console: &console, status: &status) ?? ""
      }
      if redirection.fd == 0 { setStdin(Array(body.utf8), isFile: false) }
      return nil
    case .hereString:
      let text = run.expandToString(redirection.target, session: &session, console: &console, status: &status) ?? ""
      if redirection.fd == 0 { setStdin(Array((text + "\n").utf8), isFile: false) }
      return nil
    case .duplicate:
      return duplicate(redirection, run: &run, session: &session, console: &console)
    default:
      break
    }
    guard let fields = run.expandArguments([redirection.target], session: &session, console: &console, status: &status),
      fields.count == 1
    else { return "\(redirection.target.source): ambiguous redirect" }
    let path = fields[0]
    switch redirection.op {
    case .input:
      return readInput(path, fd: redirection.fd, session: &session)
    case .output, .append:
      return open(path, appending: redirection.op == .append, fds: [redirection.fd], session: &session)
    case .outputBoth, .appendBoth:
      return open(path, appending: redirection.op == .appendBoth, fds: [1, 2], session: &session)
    default:
      return nil
    }
  }

  private mutating func duplicate(
    _ redirection: Redirection, run: inout ShellRun, session: inout Session, console: inout Console
  ) -> String? {
    var status: Int32? = nil
    let target = run.expandToString(redirection.target, session: &session, console: &console, status: &status) ?? ""
    if target == "-" {
      sinks[redirection.fd] = .discard
      return nil
    }
    guard let number = Int(target) else { return "\(target): ambiguous redirect" }
    if redirection.fd == 0 || number == 0 { return nil }
    guard let sink = sinks[number] else { return "\(number): Bad file descriptor" }
    sinks[redirection.fd] = sink
    return nil
  }

  private mutating func readInput(_ path: String, fd: Int, session: inout Session) -> String? {
    if path == "/dev/null" || path == "/dev/zero" {
      if fd == 0 { setStdin([], isFile: true) }
      return nil
    }
    let absolute = session.absolutePath(path)
    do throws(FSError) {
      let content = try session.withFilesystem { fs throws(FSError) in try fs.readFile(absolute) }
      if fd == 0 { setStdin(content.bytes(in: 0..<OutputLimit.bytes), isFile: true) }
      return nil
    } catch {
      return "\(path): \(error)"
    }
  }

  private mutating func setStdin(_ bytes: [UInt8], isFile: Bool) {
    stdin = bytes
    stdinIsFile = isFile
  }

  private mutating func open(_ path: String, appending: Bool, fds: [Int], session: inout Session) -> String? {
    let sink: Sink
    switch path {
    case "/dev/null": sink = .discard
    case "/dev/stdout": sink = sinks[1] ?? .stdout
    case "/dev/stderr": sink = sinks[2] ?? .stderr
    default:
      let absolute = session.absolutePath(path)
      let now = session.engine.clock.now
      let failure: FSError? = session.withFilesystem { fs -> FSError? in
        do throws(FSError) {
          try fs.writeFile(absolute, FileData(), append: appending, at: now)
          return nil
        } catch {
          return error
        }
      }
      if let failure { return "\(path): \(failure)" }
      files.append(OpenFile(path: absolute))
      sink = .file(files.count - 1)
    }
    for fd in fds { sinks[fd] = sink }
    return nil
  }

  /// Set by `finish` when a file could not take the output (ENOSPC, EFBIG).
  private(set) var writeError: FSError?

  /// Routes what the command wrote and appends file output to the files.
  mutating func finish(_ capture: Console, into console: inout Console, session: inout Session) {
    for event in capture.events {
      switch event {
      case .write(let stream, let bytes):
        deliver(bytes, to: sinks[stream == .stdout ? 1 : 2] ?? .discard, console: &console)
      case .pause(let milliseconds):
        if sinks[1] == .stdout { console.pause(milliseconds: milliseconds) }
      }
    }
    let now = session.engine.clock.now
    for file in files where !file.buffer.isEmpty {
      let failure: FSError? = session.withFilesystem { fs -> FSError? in
        do throws(FSError) {
          try fs.writeFile(file.path, FileData(file.buffer), append: true, at: now)
          return nil
        } catch {
          return error
        }
      }
      // A full disk or a too-large file: the writer reports it, as `cat` or bash's `echo` do.
      if let failure, writeError == nil { writeError = failure }
    }
  }

  private mutating func deliver(_ bytes: [UInt8], to sink: Sink, console: inout Console) {
    switch sink {
    case .stdout: console.write(bytes: bytes, to: .stdout)
    case .stderr: console.write(bytes: bytes, to: .stderr)
    case .discard: break
    case .file(let index): files[index].buffer.append(contentsOf: bytes)
    }
  }
}

/// The most output one command may produce, so `yes` or `cat` of a huge file
/// cannot exhaust memory.
enum OutputLimit {
  static let bytes = 16 << 20

  static func message(_ program: String) -> String {
    "docksim: \(program): output stopped after \(bytes >> 20) MiB \(SimulatorLimit.note)"
  }
}
