import DockSimCore
import DockSimShell

/// The documents and lists the docker CLI side already builds, for the Engine API
/// (`docksim daemon`) to serve: the daemon answers with the same values the simulated
/// CLI prints, from one place.
public enum EngineDocuments {
  /// A refusal in the daemon's words (what the CLI prints after `Error response from daemon: `).
  public struct Refusal: Error, Sendable {
    public var message: String
  }

  /// `GET /version`: the Server half of `docker version`'s document (moby's types.Version).
  public static func version(_ version: DockerVersion) -> JSONValue {
    SystemDocuments.version(version)["Server"] ?? .null
  }

  /// `GET /info`: moby's system.Info, without the CLI's ClientInfo.
  public static func info(_ engine: Engine) -> JSONValue {
    guard case .object(let members) = SystemDocuments.info(engine) else { return .null }
    return .object(members.filter { $0.0 != "ClientInfo" })
  }

  /// `GET /images/json`: the images the daemon lists for `docker images`, with the
  /// references the filters keep. `filters` are `key=value` as the CLI's `--filter`.
  public static func imageSummaries(_ engine: Engine, filters: [String], all: Bool) throws(Refusal)
    -> [(image: Image, tags: [Reference], digests: [Reference])]
  {
    var parsed: ImageListFilters
    do {
      parsed = try ImageListFilters(filters, version: engine.version)
      try parsed.resolveTimes(engine, version: engine.version)
    } catch {
      throw Refusal(message: String(error.line.trimmingPrefix("Error response from daemon: ")))
    }
    return ImageListing(store: engine.images, filters: parsed, all: all).summaries()
  }

  /// `GET /containers/json`: newest first, running ones unless `all`, a status filter
  /// or a `limit`; the filters as `docker ps --filter` checks and applies them.
  public static func containers(_ engine: Engine, filters: [String], all: Bool, limit: Int) throws(Refusal)
    -> [Container]
  {
    var parsed: ContainerListFilters
    do {
      parsed = try ContainerListFilters(filters, version: engine.version)
      parsed.resolveAncestors(in: engine.images, version: engine.version)
      try parsed.resolveBounds(in: engine.containers, version: engine.version)
    } catch {
      switch error {
      case .badFormat: throw Refusal(message: "bad format of filter (expected name=value)")
      case .daemon(let message): throw Refusal(message: message)
      }
    }
    let everyState = all || limit > 0 || parsed.listsEveryState
    let list = parsed.bounded(engine.containers.all.reversed()).filter {
      (everyState || $0.state.running) && parsed.keeps($0)
    }
    return limit > 0 ? Array(list.prefix(limit)) : list
  }

  /// `GET /images/{name}/json`.
  public static func imageInspect(_ image: Image, engine: Engine) -> JSONValue {
    ImageInspect.json(image, engine: engine)
  }

  /// `GET /containers/{id}/json`.
  public static func containerInspect(_ container: Container, engine: Engine, size: Bool) -> JSONValue {
    ContainerInspectDocument.json(container, engine: engine, size: size)
  }

  /// The default bridge network's endpoint of a container, as its inspect document has it.
  public static func bridgeEndpoint(_ container: Container, engine: Engine) -> JSONValue {
    ContainerInspectDocument.networkSettings(container, version: engine.version)["Networks"]?["bridge"] ?? .null
  }
}

extension Session {
  /// Applies what the simulated clock has made due (exits, health probes) before an
  /// API request reads or changes the state, as before each docker command.
  public mutating func settleForRequest() {
    settleContainers()
  }
}

extension EngineDocuments {
  /// What one of docksim's docker commands did when the daemon ran it on a client's behalf.
  public struct Outcome: Sendable {
    public var status: Int32
    /// What it wrote to standard output (an ID, a name, a pull's lines).
    public var output: String
    /// What it wrote, stream by stream in order (for exec's multiplexed answer).
    public var events: [Console.Event] = []
    /// The daemon's refusal, without the CLI's `Error response from daemon: ` (nil on success).
    public var refusal: String?
  }

  /// Runs docksim's own `docker ARGUMENTS...` on the session: the Engine API's
  /// actions (start, stop, kill, rm, tag, rmi, rename, ...) are the simulated CLI's,
  /// so the daemon changes the state exactly as the REPL does and refuses with its words.
  public static func perform(_ arguments: [String], session: inout Session) -> Outcome {
    var console = Console(traits: .plain)
    let invocation = Invocation(arguments: ["docker"] + arguments)
    let status = DockerCLI(version: session.settings.dockerVersion, invocation: invocation)
      .main(session: &session, console: &console)
    guard status != 0 else { return Outcome(status: 0, output: console.stdoutText, events: console.events, refusal: nil) }
    let lines = console.stderrText.split(separator: "\n").map(String.init)
    let prefix = "Error response from daemon: "
    let refusal = lines.first { $0.contains(prefix) }.map { String($0[$0.range(of: prefix)!.upperBound...]) }
    return Outcome(status: status, output: console.stdoutText, events: console.events, refusal: refusal ?? lines.first ?? "")
  }
}

extension EngineDocuments {
  /// One row of `GET /images/{name}/history`: newest first, known IDs then `<missing>`.
  public struct HistoryItem: Sendable {
    public var id: String
    public var entry: HistoryEntry
    public var size: Int64
  }

  /// The rows `docker history` prints, from the same walk.
  public static func history(_ image: Image, engine: Engine) -> [HistoryItem] {
    History.historyRows(image, store: engine.images).map { HistoryItem(id: $0.id, entry: $0.entry, size: $0.size) }
  }
}
