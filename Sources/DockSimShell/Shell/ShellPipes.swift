import DockSimCore

/// Pipelines. The stages run one after another, each into a pipe the next one reads,
/// but they end as real pipes end: when a reader is done before its writer (`yes | head`),
/// the writer dies of SIGPIPE, silently, with status 141 (what bash shows in PIPESTATUS).
extension ShellRun {
  /// 128 + SIGPIPE.
  static let brokenPipeStatus: Int32 = 141
  /// What a Linux pipe holds (16 pages): a writer that leaves at most this much unread
  /// may have finished before its reader exited, so it is not hurt.
  static let pipeCapacity = 65_536

  /// Runs `a | b | c`; returns each stage's status. Each stage runs as a subshell (its
  /// `cd` and `exit` stay inside it) and gets the previous stage's output as its input.
  mutating func runStages(
    _ commands: [Command], stdin: ShellInput, stdinIsTerminal: Bool, session: inout Session, console: inout Console
  ) -> [Int32] {
    let saved = session.currentShell
    let depth = session.shells.count
    var input = stdin
    var statuses: [Int32] = []
    // The stage before: its status and errors wait until its reader is done.
    var writer: (status: Int32, stderr: [UInt8])?
    for (number, command) in commands.enumerated() {
      if console.isInterrupted { return statuses + [ShellRun.interruptedStatus] }
      let isLast = number == commands.count - 1
      var traits = console.traits
      if !isLast { traits.stdoutIsTerminal = false }
      var part = console.part(traits: traits)
      var stage = subshell()
      let status = stage.run(
        command, stdin: input, stdinIsTerminal: number == 0 && stdinIsTerminal, session: &session, console: &part)
      if session.shells.count == depth { session.currentShell = saved }
      if let done = writer {
        let ended = Self.ending(done, readBy: input)
        statuses.append(ended.status)
        console.write(bytes: ended.stderr, to: .stderr)
      }
      if isLast {
        statuses.append(status)
        console.append(part)
      } else {
        writer = (status, part.bytes(of: .stderr))
        input = ShellInput(part.bytes(of: .stdout))
      }
    }
    return statuses
  }

  /// How a writer ended once its reader is done: killed by SIGPIPE when the reader left
  /// output unread and the writer could not have finished anyway (it was stopped at a
  /// simulator limit, so in a real shell it would still be writing, or more than a pipe's
  /// worth was left). A killed writer's limit message is not shown: it never got there.
  static func ending(_ writer: (status: Int32, stderr: [UInt8]), readBy input: ShellInput) -> (
    status: Int32, stderr: [UInt8]
  ) {
    let unread = input.count - input.needed
    let limited = SimulatorLimit.hasMessage(writer.stderr)
    guard unread > 0, limited || unread > pipeCapacity else { return writer }
    return (brokenPipeStatus, SimulatorLimit.withoutMessages(writer.stderr))
  }
}

/// The simulator stops what would run for ever (`yes`, `while true`) with a message
/// ending in `note`: a real program would still be running.
enum SimulatorLimit {
  static let note = "(the simulator's limit)"

  static func isMessage(_ line: ArraySlice<UInt8>) -> Bool {
    line.starts(with: "docksim: ".utf8) && line.reversed().starts(with: note.utf8.reversed())
  }

  static func hasMessage(_ stderr: [UInt8]) -> Bool {
    stderr.split(separator: UInt8(ascii: "\n")).contains(where: isMessage)
  }

  /// `stderr` without its limit messages (and their newlines).
  static func withoutMessages(_ stderr: [UInt8]) -> [UInt8] {
    let lines = stderr.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var kept: [UInt8] = []
    for (index, line) in lines.enumerated() where !isMessage(line) {
      kept.append(contentsOf: line)
      if index < lines.count - 1 { kept.append(UInt8(ascii: "\n")) }
    }
    return kept
  }
}
