import DockSimCore
import DockSimShell

/// `docker logs [OPTIONS] CONTAINER`: what the container's main process wrote, as
/// the json-file driver recorded it, each line to the stream it was written to.
struct ContainerLogs: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER",
    abstract: "Fetch the logs of a container",
    flags: [
      .bool("details"), .bool("follow", short: "f"), .string("since"), .string("tail", short: "n", default: "all"),
      .bool("timestamps", short: "t"), .string("until"),
    ],
    arguments: .exactly(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    let reference = command.positionals[0]
    guard case .success(let container) = session.engine.containers.find(reference) else {
      // 20.10's client words a 404 itself; 28 passes the daemon's text on.
      console.errorLine(
        command.version == .v20_10
          ? "Error: No such container: \(reference)" : DockerErrors.daemon("No such container: \(reference)"))
      return 1
    }
    let now = session.engine.clock.now
    var entries = container.logs
    for (flag, keepsAfter) in [("since", true), ("until", false)] where !command.string(flag).isEmpty {
      guard let bound = LogTime.parse(command.string(flag), now: now) else {
        console.errorLine("failed to parse value as time or duration: \(GoQuote.quote(command.string(flag)))")
        return 1
      }
      entries = entries.filter { keepsAfter ? $0.time >= bound : $0.time <= bound }
    }
    entries = tail(entries, command.string("tail"))
    for entry in entries {
      var line = entry.bytes
      if command.bool("timestamps") { line = Array((fixedNano(entry.time) + " ").utf8) + line }
      console.write(bytes: line, to: entry.stream)
    }
    guard command.bool("follow"), container.state.running else { return 0 }
    return follow(container, session: &session, console: &console)
  }

  /// `-f` on a running container: docker keeps the stream open until the container
  /// stops (exit 0) or the user presses Ctrl-C (the shell shows 130). docksim's
  /// running processes write nothing after they start, so following is waiting:
  /// * a process that ends by itself (`sleep 30`) is waited for on the simulated
  ///   clock, which then stands at its end; a terminal plays the wait in real time,
  ///   and Ctrl-C during it cancels the command as Ctrl-C cancels any other;
  /// * a process that never ends (`sleep infinity`, a server, a detached shell)
  ///   waits in a terminal until Ctrl-C. Without a terminal (scripts, lesson checks,
  ///   pipes) nobody can press Ctrl-C and the real command would hang forever, so
  ///   docksim ends it at once as the interrupted command ends: status 130, no more output.
  static func follow(_ container: Container, session: inout Session, console: inout Console) -> Int32 {
    guard let end = container.state.scheduledExit else {
      waitInRealTime(Self.followLimit, console: &console)
      return Self.interruptedStatus
    }
    let wait = end.at.since(session.engine.clock.now)
    guard wait < Self.followLimit else {
      waitInRealTime(Self.followLimit, console: &console)
      return Self.interruptedStatus
    }
    waitInRealTime(wait, console: &console)
    session.engine.clock.advance(by: wait)
    session.settleContainers()
    return 0
  }

  /// The status a shell reports for a command Ctrl-C ended (128 + SIGINT).
  static let interruptedStatus: Int32 = 130
  /// The longest real-time wait a terminal plays: beyond it docksim stops following,
  /// as if interrupted (nobody watches a simulated log for a day).
  static let followLimit = Duration.hours(24)

  /// Pauses of at most a minute each: every front end can sleep that long at once.
  static func waitInRealTime(_ duration: Duration, console: inout Console) {
    guard console.traits.animates else { return }
    var left = duration.nanoseconds / 1_000_000
    while left > 0 {
      let piece = min(left, 60_000)
      console.pause(milliseconds: Int(piece))
      left -= piece
    }
  }

  /// `--tail N`: the last N records; "all" or a negative number keeps them all, and
  /// anything else is the daemon's choice too (it reads all).
  static func tail(_ entries: [LogEntry], _ text: String) -> [LogEntry] {
    guard let count = Int(text), count >= 0 else { return entries }
    return Array(entries.suffix(count))
  }

  /// jsonmessage.RFC3339NanoFixed: always nine fraction digits.
  static func fixedNano(_ time: Timestamp) -> String { time.rfc3339(fractionDigits: 9) }
}

/// docker/cli's `--since`/`--until` values: a Go duration before now, an RFC 3339
/// time or date, or Unix seconds.
enum LogTime {
  static func parse(_ value: String, now: Timestamp) -> Timestamp? {
    if value != "0", let duration = GoDuration.parse(value) { return now.adding(Duration(nanoseconds: -duration)) }
    if let parsed = Timestamp(iso8601: value) ?? Timestamp(iso8601: value + "T00:00:00Z") { return parsed }
    if !value.contains("-"), let seconds = Double(value) { return Timestamp(seconds: Int64(seconds.rounded(.down))) }
    return nil
  }
}
