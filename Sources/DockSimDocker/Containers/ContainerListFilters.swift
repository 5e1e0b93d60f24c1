import DockSimCore
import DockSimShell

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
  /// `ancestor=`: the images named and every image built on them (nil without the key).
  private var ancestry: Set<Digest>?
  /// `before=` and `since=`: the containers named (their IDs).
  private(set) var beforeID: String?
  private(set) var sinceID: String?

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

  /// The daemon's ancestor lookup: each named image and, down the parent links, its
  /// descendants; a name that finds no image adds nothing.
  mutating func resolveAncestors(in store: ImageStore, version: DockerVersion) {
    guard !self["ancestor"].isEmpty else { return }
    var found = Set<Digest>()
    var pending = self["ancestor"].compactMap { try? store.lookup($0, version: version).get().id }
    while let id = pending.popLast() {
      guard found.insert(id).inserted else { continue }
      pending += store.children(of: id).map(\.id)
    }
    ancestry = found
  }

  /// The daemon's idOrNameFilter for `before=` and `since=` (the last value of each):
  /// a full ID or an exact name; anything else is refused with the memdb's text
  /// (20.10 `no such container X`, 28 `No such container: X`).
  mutating func resolveBounds(in store: ContainerStore, version: DockerVersion) throws(Failure) {
    func find(_ value: String) throws(Failure) -> String {
      let name = value.hasPrefix("/") ? String(value.dropFirst()) : value
      if let found = store[id: value] ?? store.named(name) { return found.id }
      throw .daemon(version == .v28 ? "No such container: \(value)" : "no such container \(value)")
    }
    if let value = self["before"].last { beforeID = try find(value) }
    if let value = self["since"].last { sinceID = try find(value) }
  }

  /// moby's walk over the newest-first list: everything up to and including the
  /// `before` container is left out, and the walk stops at the `since` container.
  func bounded(_ newestFirst: [Container]) -> [Container] {
    var reachedBefore = beforeID == nil
    var kept: [Container] = []
    for container in newestFirst {
      if !reachedBefore {
        reachedBefore = container.id == beforeID
        continue
      }
      if container.id == sinceID { break }
      kept.append(container)
    }
    return kept
  }

  /// Whether the container passes every key docksim can match.
  func keeps(_ container: Container) -> Bool {
    values.allSatisfy { filter in
      filter.values.contains { matches(container, key: filter.key, value: $0) }
    }
  }

  /// Names and IDs match as Go regular expressions (filters.Match); a pattern that
  /// does not compile matches nothing. A name matches with or without moby's `/`.
  private func matches(_ container: Container, key: String, value: String) -> Bool {
    let pattern = try? POSIXRegex(value, extended: true)
    switch key {
    case "status": return container.state.status == value
    case "name": return pattern.map { $0.matches("/" + container.name) || $0.matches(container.name) } ?? false
    case "id": return container.id.hasPrefix(value) && pattern?.matches(container.id) == true
    case "ancestor": return ancestry?.contains(container.imageID) ?? false
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
