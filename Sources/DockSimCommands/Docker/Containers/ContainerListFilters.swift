import DockSimCore

/// `docker ps --filter KEY=VALUE`, as the CLI parses it and the daemon checks and
/// applies it (moby's daemon/list.go in 20.10.24 and 28.2.2): values of one key
/// are alternatives, different keys must all match.
struct ContainerListFilters {
  enum Failure: Error {
    /// No `=`: the CLI's flag error.
    case badFormat(String)
    /// The daemon's refusal, its text.
    case daemon(String)
  }

  /// Every key the daemon accepts, including those docksim has nothing to match
  /// against (they keep every container).
  static let acceptedKeys: Set<String> = [
    "ancestor", "before", "exited", "id", "isolation", "label", "name", "status", "health", "since", "volume",
    "network", "is-task", "publish", "expose",
  ]
  static let states = ["created", "running", "paused", "restarting", "removing", "exited", "dead"]
  static let healths = ["none", "starting", "healthy", "unhealthy"]

  /// Key to values, keys in the order first given.
  private(set) var values: [(key: String, values: [String])] = []

  init(_ arguments: [String], version: DockerVersion) throws(Failure) {
    for argument in arguments {
      // docker/cli's filters.ParseFlag: the key is trimmed and lower-cased, the value trimmed.
      guard let equals = argument.firstIndex(of: "=") else { throw .badFormat(argument) }
      let key = argument[..<equals].trimmingSpaces.lowercased()
      let value = argument[argument.index(after: equals)...].trimmingSpaces
      if let index = values.firstIndex(where: { $0.key == key }) {
        values[index].values.append(value)
      } else {
        values.append((key, [value]))
      }
    }
    try validate(version: version)
  }

  subscript(key: String) -> [String] { values.first { $0.key == key }?.values ?? [] }

  /// A status filter lists stopped containers without `-a`.
  var listsEveryState: Bool { !self["status"].isEmpty }

  /// The daemon's checks, in its order: unknown keys, then exit codes, states, healths.
  private func validate(version: DockerVersion) throws(Failure) {
    let modern = version == .v28
    if let unknown = values.first(where: { !Self.acceptedKeys.contains($0.key) }) {
      throw .daemon((modern ? "invalid filter '" : "Invalid filter '") + unknown.key + "'")
    }
    for code in self["exited"] where Int(code) == nil {
      let parse = "strconv.Atoi: parsing \(GoQuote.quote(code)): invalid syntax"
      throw .daemon(modern ? "invalid filter 'exited=\(code)': \(parse)" : parse)
    }
    for state in self["status"] where !Self.states.contains(state) {
      throw .daemon(
        modern
          ? "invalid filter 'status=\(state)': invalid value for state (\(state)): must be one of "
            + Self.states.joined(separator: ", ")
          : "Invalid filter 'status=\(state)'")
    }
    for health in self["health"] where !Self.healths.contains(health) {
      throw .daemon(
        modern
          ? "invalid filter 'health=\(health)': invalid value for health (\(health)): must be one of "
            + Self.healths.joined(separator: ", ")
          : "Unrecognised filter value for health: \(health)")
    }
  }

  /// Whether the container passes every key docksim can match.
  func keeps(_ container: Container) -> Bool {
    values.allSatisfy { filter in
      filter.values.contains { Self.matches(container, key: filter.key, value: $0) }
    }
  }

  private static func matches(_ container: Container, key: String, value: String) -> Bool {
    switch key {
    case "status": return container.state.status == value
    case "name": return container.name.contains(value)
    case "id": return container.id.hasPrefix(value)
    case "ancestor": return container.imageReference == value
    case "exited":
      return !container.state.running && container.state.startedAt != .goZero
        && Int(value) == Int(container.state.exitCode)
    case "health": return (container.state.health?.status.rawValue ?? "none") == value
    default: return true
    }
  }
}

extension Substring {
  /// Go's strings.TrimSpace for the ASCII spaces a command line can hold.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(String(drop(while: isSpace).reversed().drop(while: isSpace)).reversed())
  }
}
