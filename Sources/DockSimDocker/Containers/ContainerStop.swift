import DockSimCore
import DockSimShell

/// `docker stop`: SIGTERM, then SIGKILL after the timeout; echoes each argument.
/// A container that is not running is not an error.
struct ContainerStop: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] CONTAINER [CONTAINER...]", abstract: "Stop one or more running containers",
    flags: stopFlags, arguments: .atLeast(1))

  /// docker stop's and docker restart's: 20.10 calls it --time; 28 --timeout (with
  /// --time hidden and deprecated, which the 28 help does not list: declared hidden so
  /// it is still accepted).
  static let stopFlags: [DockerFlag] = [
    .int("time", short: "t", default: 10, hidden: true), .int("timeout", short: "t", default: 10),
    .string("signal", short: "s"),
  ]

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    session.settleContainers()
    guard let timeout = stopTimeout(command, console: &console) else { return 1 }
    var failed = false
    for reference in command.positionals {
      guard let container = command.container(reference, in: session, console: &console) else {
        failed = true
        continue
      }
      if container.state.running {
        session.stopMainProcess(container, timeout: timeout, signalGiven: command.isSet("signal"))
        if container.autoRemove { session.engine.removeContainer(container.id) }
      }
      console.line(reference)
    }
    return failed ? 1 : 0
  }
}

extension ContainerStop {
  /// `-t` of stop and restart. 28 warns about the deprecated --time (pflag prints
  /// it while parsing) and refuses it together with --timeout.
  static func stopTimeout(_ command: ParsedCommand, console: inout Console) -> Int64? {
    if command.version == .v28, command.isSet("time") {
      console.errorLine("Flag --time has been deprecated, use --timeout instead")
      if command.isSet("timeout") {
        console.errorLine("conflicting options: cannot specify both --timeout and --time")
        return nil
      }
    }
    return Int64(command.isSet("timeout") ? command.int("timeout") : command.int("time"))
  }
}

extension Session {
  /// The daemon's containerStop: the shells the user has in the container close,
  /// then SIGTERM (or `--signal`), then SIGKILL after `timeout` seconds unless the
  /// process handles the signal. While a process that ignores SIGTERM waits for the
  /// kill, the container is still running: its health probes run, and a process
  /// that ends by itself first (`sleep 5` stopped with the default 10 s) exits with
  /// its own status when it ends.
  mutating func stopMainProcess(_ container: Container, timeout: Int64, signalGiven: Bool) {
    leaveShells(of: container.id)
    let handles = MainProcess.of(container).handlesSIGTERM && !signalGiven
    guard !handles else {
      _ = engine.stopContainer(container.id, timeout: timeout, handlesSIGTERM: true)
      return
    }
    let now = engine.clock.now
    let kill = now.adding(.seconds(max(timeout, 0)))
    let end = min(kill, container.state.scheduledExit?.at ?? kill)
    engine.clock.advance(by: end.since(now))
    settleContainers()
    if engine.containers[id: container.id]?.state.running == true {
      engine.markExited(container.id, status: 137, at: end)
    }
  }
}
