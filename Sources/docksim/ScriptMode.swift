import DockSimPrograms
import DockSimShell
import DockSimCore
import DockSimTerminal
import Glibc

/// Runs a script: lines read one by one, no prompt, banner, colour or animation.
/// Blank lines and `#` comments are skipped; a here-document or an open quote takes
/// the lines after it, as bash reads them.
struct ScriptMode {
  struct Options {
    /// Print each input as `$ COMMAND` (and `> ` continuation lines) before its output.
    var echo = false
    /// End the run at the first failing command, with its status.
    var failFast = false
  }

  let options: Options
  let noColor: Bool

  /// The exit status of the run: 0, unless the script could not be read (1) or
  /// --fail-fast stopped at a failing command (its status).
  func run(path: String, settings: Settings, hub: Hub) -> Int32 {
    let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return cannotRead(path, errno: errno) }
    defer { if fd != 0 { close(fd) } }
    var lines = ScriptLines(reader: ByteLineReader(fd: fd))
    var session = Session(settings: settings, hub: hub, hostFiles: LocalDiskFiles())
    // Script output is plain and the same on every machine: no colour, no pauses,
    // Unicode whatever the locale.
    let traits = TerminalEnvironment.traits(interactive: false, noColorFlag: true, unicode: true)
    let player = OutputPlayer(paces: false, stopsOnInterrupt: false)
    while !session.finished, let first = lines.next() {
      if Self.isBlankOrComment(first) {
        session.skipLine()
        continue
      }
      let input = Self.completeInput(startingWith: first, lines: &lines, session: session)
      if options.echo { FileOutput.write(Self.echo(input, prompt: session.prompt, continuation: session.continuationPrompt), to: 1) }
      var console = Console(traits: traits)
      let status = session.execute(input, console: &console)
      if HubLoadCheck.failed(session) { return 1 }
      player.play(console.drain())
      if options.failFast && status != 0 { return status }
    }
    if let failure = lines.failure { return cannotRead(path, errno: failure) }
    return 0
  }

  /// Joins the lines a command needs: an open quote or a here-document continues on
  /// the next line. At the end of the script the incomplete text runs anyway, so the
  /// shell reports bash's `unexpected EOF`.
  static func completeInput(startingWith first: String, lines: inout ScriptLines, session: Session) -> String {
    var input = first
    while session.inputStatus(input) == .needsMore, let more = lines.next() {
      input += "\n" + more
    }
    return input
  }

  static func isBlankOrComment(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    return trimmed.isEmpty || trimmed.hasPrefix("#")
  }

  /// The transcript form of an input: `$ cat <<EOF`, `> hello`, `> EOF`.
  static func echo(_ input: String, prompt: String, continuation: String) -> String {
    let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.enumerated().map { ($0.offset == 0 ? prompt : continuation) + $0.element + "\n" }.joined()
  }

  private func cannotRead(_ path: String, errno code: Int32) -> Int32 {
    let name = path == "-" ? "standard input" : path
    FileOutput.write("docksim: cannot read script \(name): \(String(cString: strerror(code)))\n", to: 2)
    return 1
  }
}

/// A script's lines as text. Bytes that are not text get a clear warning on stderr
/// and the run goes on: NUL bytes are dropped, invalid UTF-8 becomes U+FFFD.
struct ScriptLines {
  let reader: ByteLineReader
  private(set) var number = 0

  init(reader: ByteLineReader) { self.reader = reader }

  /// The read error that ended the script early, if any.
  var failure: Int32? { reader.failure }

  mutating func next() -> String? {
    while true {
      switch reader.nextLine() {
      case .line(let bytes):
        number += 1
        return decode(bytes)
      case .interrupted: continue
      case .end: return nil
      }
    }
  }

  private func decode(_ raw: [UInt8]) -> String {
    var bytes = raw
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }  // Scripts saved with CRLF line ends.
    if bytes.contains(0) {
      bytes.removeAll { $0 == 0 }
      warn("ignored null byte in input")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      warn("invalid UTF-8; the bad bytes read as U+FFFD")
      return String(decoding: bytes, as: UTF8.self)
    }
    return text
  }

  private func warn(_ message: String) {
    FileOutput.write("docksim: line \(number): \(message)\n", to: 2)
  }
}
