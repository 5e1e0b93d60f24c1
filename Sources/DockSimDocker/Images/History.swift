import DockSimCore
import DockSimShell

/// `docker history [OPTIONS] IMAGE` (also `docker image history`).
struct History: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] IMAGE",
    abstract: "Show the history of an image",
    flags: [.string("format"), .bool("human", short: "H"), .bool("no-trunc"), .bool("quiet", short: "q")],
    arguments: .exactly(1))

  static let schema = FormatSchema(
    typeName: "*formatter.historyContext",
    headers: [
      "ID": "IMAGE", "CreatedSince": "CREATED", "CreatedAt": "CREATED AT", "CreatedBy": "CREATED BY", "Size": "SIZE",
      "Comment": "COMMENT",
    ])

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let version = command.version
    let image: Image
    switch session.engine.images.lookup(command.positionals[0], version: version) {
    case .success(let found): image = found
    case .failure(let error):
      console.errorLine(DockerErrors.daemon(error.message(for: version)))
      return 1
    }
    // -H defaults to true; `-H=false` shows raw sizes and RFC 3339 times.
    let human = !command.isSet("human") || command.bool("human")
    let truncate = !command.bool("no-trunc")
    let rows = historyRows(image, store: session.engine.images).map {
      fields($0, now: session.engine.clock.now, human: human, truncate: truncate)
    }
    do {
      let createdColumn = human ? "{{.CreatedSince}}" : "{{.CreatedAt}}"
      let fallback = "table {{.ID}}\t\(createdColumn)\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
      let format =
        command.bool("quiet")
        ? try DockerFormat("{{.ID}}", version: version)
        : try DockerFormat(command.isSet("format") ? command.string("format") : nil, default: fallback, version: version)
      console.write(try format.render(rows, schema: schema))
      return 0
    } catch {
      console.errorLine(error.message)
      return 1
    }
  }

  struct Row {
    var id: String
    var entry: HistoryEntry
    var size: Int64
  }

  /// moby's ImageHistory: newest first; the first rows carry the IDs of the image
  /// and its local parents, the rest `<missing>`.
  static func historyRows(_ image: Image, store: ImageStore) -> [Row] {
    var rows: [Row] = []
    var layerIndex = 0
    for entry in image.history {
      var size: Int64 = 0
      if !entry.emptyLayer, layerIndex < image.layers.count {
        size = Int64(image.layers[layerIndex].size)
        layerIndex += 1
      }
      rows.insert(Row(id: "<missing>", entry: entry, size: size), at: 0)
    }
    var current: Image? = image
    for index in rows.indices {
      guard let known = current else { break }
      rows[index].id = known.id.description
      current = known.parent.flatMap { store.image($0) }
    }
    return rows
  }

  static func fields(_ row: Row, now: Timestamp, human: Bool, truncate: Bool) -> [String: TemplateValue] {
    let createdAt = row.entry.created.rfc3339()
    var createdBy = row.entry.createdBy.replacing("\t", with: " ")
    if truncate { createdBy = Ellipsis.cut(createdBy, to: 45) }
    return [
      "ID": .string(truncate ? TruncateID.short(row.id) : row.id),
      "CreatedSince": .string(human ? GoUnits.humanDuration(now.since(row.entry.created)) + " ago" : createdAt),
      "CreatedAt": .string(createdAt),
      "CreatedBy": .string(createdBy),
      "Size": .string(human ? GoUnits.humanSize(row.size, precision: 3) : String(row.size)),
      "Comment": .string(row.entry.comment),
    ]
  }
}
