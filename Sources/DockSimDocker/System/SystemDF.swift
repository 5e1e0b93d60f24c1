import DockSimCore
import DockSimShell

/// `docker system df [-v]`: the summary table, or the four verbose sections.
struct SystemDF: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS]",
    abstract: "Show docker disk usage",
    flags: [.string("format"), .bool("verbose", short: "v")],
    arguments: .none)

  static let summarySchema = FormatSchema(
    typeName: "*formatter.diskUsageContext",
    headers: [
      "Type": "TYPE", "TotalCount": "TOTAL", "Active": "ACTIVE", "Size": "SIZE", "Reclaimable": "RECLAIMABLE",
    ])

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let usage = DiskUsage(engine: session.engine)
    do {
      if command.bool("verbose") {
        console.write(try DiskUsageVerbose.text(usage, now: session.engine.clock.now, version: command.version))
      } else {
        let fallback = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}"
        let user = command.isSet("format") ? command.string("format") : nil
        let format = try DockerFormat(user, default: fallback, version: command.version)
        console.write(try format.render(summaryRows(usage), schema: summarySchema))
      }
      return 0
    } catch {
      console.errorLine(error.message)
      return 1
    }
  }

  static func summaryRows(_ usage: DiskUsage) -> [[String: TemplateValue]] {
    [
      row(
        "Images", usage.images.count, usage.images.filter { $0.containers > 0 }.count, usage.layersSize,
        DiskUsage.reclaimable(usage.reclaimableImageSize, of: usage.layersSize)),
      row(
        "Containers", usage.containers.count, usage.activeContainers.count, usage.containersSize,
        DiskUsage.reclaimable(usage.reclaimableContainerSize, of: usage.containersSize)),
      row("Local Volumes", 0, 0, 0, "0B"),
      row("Build Cache", 0, 0, 0, "0B"),
    ]
  }

  static func row(_ type: String, _ total: Int, _ active: Int, _ size: Int64, _ reclaimable: String)
    -> [String: TemplateValue]
  {
    [
      "Type": .string(type), "TotalCount": .string(String(total)), "Active": .string(String(active)),
      "Size": .string(GoUnits.humanSize(size)), "Reclaimable": .string(reclaimable),
    ]
  }
}

/// `docker system df -v`: images, containers, volumes and build cache, each with its table.
enum DiskUsageVerbose {
  static let imageSchema = FormatSchema(
    typeName: "*formatter.imageContext",
    headers: [
      "Repository": "REPOSITORY", "Tag": "TAG", "ID": "IMAGE ID", "CreatedSince": "CREATED", "Size": "SIZE",
      "SharedSize": "SHARED SIZE", "UniqueSize": "UNIQUE SIZE", "Containers": "CONTAINERS",
    ])
  static let volumeSchema = FormatSchema(
    typeName: "*formatter.volumeContext", headers: ["Name": "VOLUME NAME", "Links": "LINKS", "Size": "SIZE"])
  static let cacheSchema = FormatSchema(
    typeName: "*formatter.buildCacheContext",
    headers: [
      "ID": "CACHE ID", "CacheType": "CACHE TYPE", "Size": "SIZE", "CreatedSince": "CREATED",
      "LastUsedSince": "LAST USED", "UsageCount": "USAGE", "Shared": "SHARED",
    ])

  static func text(_ usage: DiskUsage, now: Timestamp, version: DockerVersion) throws(DockerFormatError) -> String {
    let images = try table(
      "{{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}",
      usage.images.map { imageRow($0, now: now) }, imageSchema, version)
    let containers = try table(
      "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}",
      usage.containers.map { containerRow($0, now: now, version: version) }, ContainerList.schema, version)
    let volumes = try table("{{.Name}}\t{{.Links}}\t{{.Size}}", [], volumeSchema, version)
    let cache = try table(
      "{{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}", [],
      cacheSchema, version)
    return "Images space usage:\n\n\(images)\nContainers space usage:\n\n\(containers)"
      + "\nLocal Volumes space usage:\n\n\(volumes)\nBuild cache usage: 0B\n\n\(cache)"
  }

  static func table(_ columns: String, _ rows: [[String: TemplateValue]], _ schema: FormatSchema, _ version: DockerVersion)
    throws(DockerFormatError) -> String
  {
    try DockerFormat("table " + columns, version: version).render(rows, schema: schema)
  }

  /// The first tag only; `<none>` for untagged images.
  static func imageRow(_ usage: DiskUsage.ImageUsage, now: Timestamp) -> [String: TemplateValue] {
    let image = usage.image
    let tag = usage.firstTag
    return [
      "Repository": .string(tag?.familiarName ?? "<none>"), "Tag": .string(tag?.tag ?? "<none>"),
      "ID": .string(TruncateID.short(image.id.description)),
      "CreatedSince": .string(GoUnits.humanDuration(now.since(image.created)) + " ago"),
      "Size": .string(GoUnits.humanSize(image.size, precision: 3)),
      "SharedSize": .string(GoUnits.humanSize(usage.sharedSize, precision: 3)),
      "UniqueSize": .string(GoUnits.humanSize(image.size - usage.sharedSize, precision: 3)),
      "Containers": .string(String(usage.containers)),
    ]
  }

  /// `docker ps`'s row without the virtual size.
  static func containerRow(_ container: Container, now: Timestamp, version: DockerVersion) -> [String: TemplateValue] {
    var fields = ContainerList.row(container, now: now, truncate: true, withSize: false, version: version)
    fields["Size"] = .string(GoUnits.humanSize(container.writableSize, precision: 3))
    return fields
  }
}
