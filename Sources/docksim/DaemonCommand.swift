import DockSimPrograms
import DockSimShell
import DockSimCore
import DockSimDaemon
import DockSimTerminal
import Glibc

/// `docksim daemon`: the Docker Engine API on a unix socket (and optionally a loopback
/// TCP port), so the real docker CLI, docker-py and Compose drive one simulated session.
struct DaemonCommand {
  static let spec = CommandSpec(
    name: "daemon",
    abstract: "Serve the Docker Engine API from the simulator.",
    discussion: """
      Point the docker CLI at it with the DOCKER_HOST value it prints. The socket is \
      $XDG_RUNTIME_DIR/docksim.sock, else /tmp/docksim-UID/docksim.sock, readable and \
      writable by you alone. The simulated clock starts at --clock, else now, and follows \
      the real one. Ctrl-C or SIGTERM stops it and removes the socket.
      """,
    options: SessionOptions.specs + [
      .value("socket", "PATH", help: "The unix socket to listen on."),
      .value("tcp", "PORT", help: "Also listen on 127.0.0.1:PORT (no TLS: anyone on this machine can use it)."),
    ])

  var session: SessionOptions
  var socket: String?
  var tcpPort: UInt16?
  var clockGiven: Bool

  init(_ parsed: ParsedCommandLine) throws(UsageError) {
    session = SessionOptions(parsed)
    socket = parsed.value("socket")
    tcpPort = try parsed.integer("tcp", in: Self.spec)
    clockGiven = parsed.value("clock") != nil
  }

  func run() throws -> Int32 {
    var settings = try session.settings()
    if !clockGiven { settings.clockStart = Self.realTime() }
    let start = Self.monotonic()
    let daemon = Daemon(session: Session(settings: settings, hub: try session.hub())) {
      Duration(nanoseconds: Self.monotonic() - start)
    }
    let path: String
    do {
      path = try socket ?? DaemonSocket.defaultPath(environment: TerminalEnvironment.variable)
      try DaemonSocket.claim(path)
    } catch {
      FileOutput.write("docksim daemon: \(error)\n", to: 2)
      return 1
    }
    do {
      try HTTPServer(daemon: daemon).serve(socket: path, tcpPort: tcpPort.map(Int.init)) { hosts in
        for host in hosts { FileOutput.write("DOCKER_HOST=\(host)\n", to: 1) }
      }
    } catch {
      FileOutput.write("docksim daemon: \(error)\n", to: 2)
      return 1
    }
    return 0
  }

  static func realTime() -> Timestamp {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Timestamp(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
  }

  static func monotonic() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }
}
