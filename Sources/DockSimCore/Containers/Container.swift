/// One container of the simulated host: what `docker ps` lists and `docker inspect` shows.
public struct Container: Sendable {
  /// The 64-hex ID.
  public var id: String
  /// The name without moby's leading `/`.
  public var name: String
  /// The image as the user typed it (`ubuntu`, `ubuntu:18.04`): `docker ps` shows it so.
  public var imageReference: String
  /// The ID of the image it was created from (`sha256:...` hex).
  public var imageID: Digest
  /// The image's size: the "virtual" part of `docker ps -s`.
  public var imageSize: Int64 = 0
  /// The main process: `Path` and `Args` as the daemon stores them.
  public var path: String
  public var args: [String]
  /// `Config.Cmd` as given or inherited (what `docker commit` records as CREATED BY).
  public var cmd: [String]
  public var environment: [String]
  public var workingDirectory: String
  /// `-t` and `-i`.
  public var tty: Bool
  public var openStdin: Bool
  /// `--rm`.
  public var autoRemove: Bool
  /// `-p`: bound while the container runs.
  public var publishedPorts: [PortBinding] = []
  /// The image's `EXPOSE`d ports (`80/tcp`).
  public var exposedPorts: [String] = []
  public var created: Timestamp
  public var state: ContainerState
  /// The image's merged view plus the container's writable layer.
  public var filesystem: ContainerFS
  /// Processes started with `docker exec` that are still running (`-d`, or an
  /// exec shell the user is in).
  public var execIDs: [String] = []
  /// The index in the session's shell stack of the frame that is this container's
  /// main process (`docker run -it IMAGE bash`), while the user is in it.
  public var attachedShellIndex: Int?
  /// What the main process wrote, line by line, as the json-file log driver keeps it.
  public var logs: [LogEntry] = []
  /// What `docker create` asked for that only `docker inspect` shows.
  public var settings = ContainerSettings()
  /// The host number of its address on the default bridge (172.17.0.N) while it runs.
  public var bridgeHost: Int?
  /// `Config.Healthcheck`: the image's HEALTHCHECK (nil when it has none).
  public var healthcheck: HealthConfig?

  public init(
    id: String, name: String, imageReference: String, imageID: Digest, path: String, args: [String],
    cmd: [String], environment: [String] = [], workingDirectory: String = "/", tty: Bool = false,
    openStdin: Bool = false, autoRemove: Bool = false, created: Timestamp, filesystem: ContainerFS
  ) {
    self.id = id
    self.name = name
    self.imageReference = imageReference
    self.imageID = imageID
    self.path = path
    self.args = args
    self.cmd = cmd
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.tty = tty
    self.openStdin = openStdin
    self.autoRemove = autoRemove
    self.created = created
    self.state = ContainerState()
    self.filesystem = filesystem
  }

  /// Bytes in the writable layer (`SizeRw`).
  public var writableSize: Int64 { filesystem.upper.isEmpty ? 0 : Int64(Layer(filesystem.upper).size) }

  /// The 12-hex short ID.
  public var shortID: String { String(id.prefix(12)) }

  /// The UTS hostname: `-h`, else the short ID.
  public var hostname: String { settings.hostname ?? shortID }

  /// The command as the daemon reports it (`docker ps` COMMAND before ellipsis):
  /// `Path` and `Args` joined by spaces, an argument that contains a space in single quotes.
  public var commandLine: String {
    let args = self.args.map { $0.contains(" ") ? "'\($0)'" : $0 }
    return ([path] + args).joined(separator: " ")
  }
}

/// One record of the json-file log: a line (with its newline, unless the process
/// ended without one), the stream it went to, and when.
public struct LogEntry: Sendable, Hashable {
  public var stream: Console.Stream
  public var bytes: [UInt8]
  public var time: Timestamp

  public init(stream: Console.Stream, bytes: [UInt8], time: Timestamp) {
    self.stream = stream
    self.bytes = bytes
    self.time = time
  }

  /// Splits a process's output into records, one per line. A line written in pieces
  /// is one record; a line cut by a write to the other stream ends there.
  public static func lines(_ events: [Console.Event], time: Timestamp) -> [LogEntry] {
    var entries: [LogEntry] = []
    var pending: (stream: Console.Stream, bytes: [UInt8])?
    for case .write(let stream, let bytes) in events {
      if let open = pending, open.stream != stream {
        entries.append(LogEntry(stream: open.stream, bytes: open.bytes, time: time))
        pending = nil
      }
      var start = bytes.startIndex
      // One record per newline, sliced out of the write (not built a byte at a time).
      while let newline = bytes[start...].firstIndex(of: 0x0A) {
        let line = (pending?.bytes ?? []) + bytes[start...newline]
        entries.append(LogEntry(stream: stream, bytes: line, time: time))
        pending = nil
        start = newline + 1
      }
      if start < bytes.endIndex { pending = (stream, (pending?.bytes ?? []) + bytes[start...]) }
    }
    if let line = pending { entries.append(LogEntry(stream: line.stream, bytes: line.bytes, time: time)) }
    return entries
  }
}

/// The parts of a container's create request that only `docker inspect` shows.
public struct ContainerSettings: Sendable, Hashable {
  /// `-h`; nil means the short ID.
  public var hostname: String?
  /// `Config.WorkingDir`: `-w` or the image's, empty when neither set one.
  public var workingDir = ""
  /// `docker run -d`: the CLI attaches no stream.
  public var detached = false
  /// `Config.Entrypoint`: `--entrypoint` or the image's.
  public var entrypoint: [String] = []
  /// `-p` as given: a host port of 0 is the daemon's choice (`HostConfig.PortBindings`).
  public var portRequests: [PortBinding] = []
  /// `HostConfig.ConsoleSize` (height, width): docker 28's CLI sends its terminal's.
  public var consoleSize = [0, 0]

  public init() {}
}

/// moby's `container.State`, reduced to what docksim simulates.
public struct ContainerState: Sendable, Hashable {
  public var running = false
  public var exitCode: Int32 = 0
  /// `Timestamp.goZero` until the container first starts.
  public var startedAt = Timestamp.goZero
  /// `Timestamp.goZero` until it first stops.
  public var finishedAt = Timestamp.goZero
  /// The runtime error of a failed start (`docker inspect` State.Error).
  public var error = ""
  /// When a running main process will end by itself (`sleep 60`), and with which
  /// status; the engine applies it once the simulated clock gets there.
  public var scheduledExit: ScheduledExit?
  /// The health monitor's state, from the first start of a container with a
  /// HEALTHCHECK on (moby's State.Health).
  public var health: ContainerHealth?

  public struct ScheduledExit: Sendable, Hashable {
    public var at: Timestamp
    public var status: Int32
    public init(at: Timestamp, status: Int32) {
      self.at = at
      self.status = status
    }
  }

  public init() {}

  /// `created`, `running` or `exited`: inspect's State.Status and `docker ps --format {{.State}}`.
  public var status: String {
    if running { return "running" }
    return startedAt == .goZero ? "created" : "exited"
  }

  /// moby's `State.String()`: `Up 2 minutes`, `Up 2 minutes (healthy)`,
  /// `Exited (0) 3 seconds ago`, `Created`.
  public func description(now: Timestamp) -> String {
    if running {
      let up = "Up " + GoUnits.humanDuration(now.since(startedAt))
      return health.map { up + " (\($0.description))" } ?? up
    }
    if startedAt == .goZero { return "Created" }
    return "Exited (\(exitCode)) \(GoUnits.humanDuration(now.since(finishedAt))) ago"
  }
}
