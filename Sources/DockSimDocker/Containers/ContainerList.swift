import DockSimCore
import DockSimShell

/// `docker ps` / `docker container ls`: the containers as a table, newest first.
struct ContainerList: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS]", abstract: "List containers",
    flags: [
      .bool("all", short: "a"), .bool("quiet", short: "q"), .bool("no-trunc"), .bool("size", short: "s"),
      .string("format"), .int("last", short: "n", default: -1), .bool("latest", short: "l"),
      .list("filter", short: "f"),
    ],
    arguments: .none)

  static let defaultFormat = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"

  static let schema = FormatSchema(
    typeName: "*formatter.ContainerContext",
    headers: [
      "ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "CreatedAt": "CREATED AT",
      "RunningFor": "CREATED", "Status": "STATUS", "Ports": "PORTS", "Names": "NAMES", "Size": "SIZE",
      "Labels": "LABELS", "Mounts": "MOUNTS", "Networks": "NETWORKS", "LocalVolumes": "LOCAL VOLUMES",
      "State": "STATE",
    ])

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    var filters: ContainerListFilters
    do {
      filters = try ContainerListFilters(command.list("filter"), version: command.version)
    } catch {
      switch error {
      case .badFormat(let value):
        let message = "invalid argument \"\(value)\" for \"-f, --filter\" flag: bad format of filter (expected name=value)"
        console.errorLine(
          DockerErrors.flag(message, path: command.path, usage: configuration.usage, version: command.version))
        return 125
      case .daemon(let message):
        command.daemonError(message, console: &console)
        return 1
      }
    }
    filters.resolveAncestors(in: session.engine.images, version: command.version)
    do {
      try filters.resolveBounds(in: session.engine.containers, version: command.version)
    } catch {
      if case .daemon(let message) = error { command.daemonError(message, console: &console) }
      return 1
    }
    let containers = selected(command, filters: filters, from: session.engine.containers.all)
    let format: DockerFormat
    do {
      format = try DockerFormat(formatText(command), version: command.version)
    } catch {
      console.errorLine(error.message)
      return 1
    }
    let now = session.engine.clock.now
    let truncate = !command.bool("no-trunc")
    let withSize = command.bool("size") || command.string("format").contains(".Size")
    let rows = containers.map {
      row($0, now: now, truncate: truncate, withSize: withSize, version: command.version)
    }
    do {
      console.write(try format.render(rows, schema: schema))
      return 0
    } catch {
      console.errorLine(error.message)
      return 1
    }
  }

  /// docker/cli's `NewContainerFormat`: `--format` wins; else the table, or the
  /// IDs alone with `-q`; `-s` adds the SIZE column.
  static func formatText(_ command: ParsedCommand) -> String {
    let given = command.string("format")
    if !given.isEmpty, given != "table" { return given }
    if command.bool("quiet") { return "{{.ID}}" }
    return command.bool("size") ? defaultFormat + "\t{{.Size}}" : defaultFormat
  }

  /// The daemon's list: newest first; running ones unless `-a`, `-n N`, `-l` or
  /// a status filter; of those that pass the filters, the first N with `-n N`.
  static func selected(_ command: ParsedCommand, filters: ContainerListFilters, from all: [Container]) -> [Container] {
    let last = command.bool("latest") ? 1 : command.int("last")
    let everyState = command.bool("all") || last > 0 || filters.listsEveryState
    let list = filters.bounded(all.reversed()).filter { (everyState || $0.state.running) && filters.keeps($0) }
    return last > 0 ? Array(list.prefix(last)) : list
  }

  /// One row as docker/cli's container context shows it.
  static func row(_ container: Container, now: Timestamp, truncate: Bool, withSize: Bool, version: DockerVersion)
    -> [String: TemplateValue]
  {
    let command = truncate ? Ellipsis.cut(container.commandLine, to: 20) : container.commandLine
    // The API gives the creation time in whole seconds; the CLI measures from there.
    let created = Timestamp(seconds: container.created.seconds)
    var fields: [String: TemplateValue] = [
      "ID": .string(truncate ? container.shortID : container.id),
      "Image": .string(container.imageReference),
      "Command": .string(GoQuote.quote(command)),
      "CreatedAt": .string(goTimeString(created)),
      "RunningFor": .string(GoUnits.humanDuration(now.since(created)) + " ago"),
      "Status": .string(container.state.description(now: now)),
      "State": .string(container.state.status),
      "Ports": .string(PortDisplay.text(container.listedPorts, version: version)),
      "Names": .string(container.name),
      "Size": .string(withSize ? sizeText(container) : "0B"),
      "Labels": "",
      "Mounts": "",
      "Networks": "bridge",
      "LocalVolumes": "0",
    ]
    // 28's context has a Platform field (nil from a daemon that does not say).
    if version == .v28 { fields["Platform"] = .null }
    return fields
  }

  /// `HumanSizeWithPrecision(SizeRw, 3)` and the virtual size (writable layer
  /// plus image), which the daemon computes only when asked (`-s`, or `.Size` in
  /// the format); otherwise the CLI shows `0B`.
  static func sizeText(_ container: Container) -> String {
    let writable = container.writableSize
    let virtual = writable + container.imageSize
    let text = GoUnits.humanSize(writable, precision: 3)
    return virtual > 0 ? text + " (virtual \(GoUnits.humanSize(virtual, precision: 3)))" : text
  }

  /// Go's `time.Time.String()` in UTC: `2020-01-15 10:00:00 +0000 UTC`.
  static func goTimeString(_ time: Timestamp) -> String {
    let text = time.rfc3339()
    return text.prefix(10) + " " + text.dropFirst(11).prefix(8) + " +0000 UTC"
  }
}
