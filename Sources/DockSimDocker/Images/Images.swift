import DockSimCore
import DockSimShell

/// `docker images [OPTIONS] [REPOSITORY[:TAG]]` (also `docker image ls`, `list`).
struct Images: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] [REPOSITORY[:TAG]]",
    abstract: "List images",
    flags: [
      .bool("all", short: "a"), .bool("digests"), .list("filter", short: "f"), .string("format"),
      .bool("no-trunc"), .bool("quiet", short: "q"),
    ],
    arguments: .atMost(1))

  static let defaultFormat = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
  static let digestsFormat = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"

  static let schema = FormatSchema(
    typeName: "*formatter.imageContext",
    headers: [
      "Repository": "REPOSITORY", "Tag": "TAG", "Digest": "DIGEST", "ID": "IMAGE ID", "CreatedSince": "CREATED",
      "CreatedAt": "CREATED AT", "Size": "SIZE", "Containers": "CONTAINERS", "SharedSize": "SHARED SIZE",
      "UniqueSize": "UNIQUE SIZE", "VirtualSize": "VIRTUAL SIZE",
    ])

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    var filters: ImageListFilters
    do {
      filters = try ImageListFilters(command.list("filter"), version: command.version)
      try filters.resolveTimes(session.engine, version: command.version)
    } catch {
      console.errorLine(error.line)
      return 1
    }
    if let pattern = command.positionals.first { filters.references.append(pattern) }
    let listing = ImageListing(store: session.engine.images, filters: filters, all: command.bool("all"))
    let rows = listing.rows(withDigests: command.bool("digests"))
    let format: DockerFormat
    do {
      if command.bool("quiet") {
        format = try DockerFormat("{{.ID}}", version: command.version)
      } else {
        let fallback = command.bool("digests") ? digestsFormat : defaultFormat
        format = try DockerFormat(command.isSet("format") ? command.string("format") : nil, default: fallback, version: command.version)
      }
      let now = session.engine.clock.now
      let values = rows.map { $0.fields(now: now, truncate: !command.bool("no-trunc")) }
      console.write(try format.render(values, schema: schema))
      return 0
    } catch {
      console.errorLine(error.message)
      return 1
    }
  }
}

/// The `--filter` values `docker images` understands.
struct ImageListFilters {
  var dangling: Bool?
  var references: [String] = []
  /// `label=KEY` or `label=KEY=VALUE`: every one must match (moby's MatchKVList).
  var labels: [String] = []
  /// `before=IMAGE`, `since=IMAGE` (and 28's `until=TIME`) as given.
  var before: [String] = []
  var since: [String] = []
  var until: [String] = []
  /// Only images created strictly before / after these times are listed.
  var createdBefore: Timestamp?
  var createdAfter: Timestamp?

  struct Invalid: Error {
    var line: String
  }

  init(_ values: [String], version: DockerVersion = .v20_10) throws(Invalid) {
    for value in values {
      guard let equals = value.firstIndex(of: "=") else {
        throw Invalid(line: "bad format of filter (expected name=value)")
      }
      let key = value[..<equals].lowercased()
      let argument = String(value[value.index(after: equals)...])
      switch key {
      case "dangling":
        guard let flag = ["true": true, "1": true, "false": false, "0": false][argument.lowercased()] else {
          throw Invalid(line: DockerErrors.daemon("Invalid filter 'dangling=\(argument)'"))
        }
        dangling = flag
      case "reference":
        references.append(argument)
      case "label": labels.append(argument)
      case "before": before.append(argument)
      case "since": since.append(argument)
      case "until" where version == .v28: until.append(argument)
      default:
        throw Invalid(line: DockerErrors.daemon("Invalid filter '\(key)'"))
      }
    }
  }

  init() {}

  /// Resolves `before`/`since` to the named images' creation times and `until` to a
  /// time, as the daemon does before it lists anything. 20.10 keeps the last value of
  /// each; 28 the earliest bound for before/until and the latest for since.
  mutating func resolveTimes(_ engine: Engine, version: DockerVersion) throws(Invalid) {
    var beforeTimes: [Timestamp] = []
    for name in before { beforeTimes.append(try Self.created(name, engine: engine, version: version)) }
    for value in until { beforeTimes.append(try Self.time(value, now: engine.clock.now)) }
    var sinceTimes: [Timestamp] = []
    for name in since { sinceTimes.append(try Self.created(name, engine: engine, version: version)) }
    switch version {
    case .v20_10:
      createdBefore = beforeTimes.last
      createdAfter = sinceTimes.last
    case .v28:
      createdBefore = beforeTimes.min()
      createdAfter = sinceTimes.max()
    }
  }

  private static func created(_ name: String, engine: Engine, version: DockerVersion) throws(Invalid) -> Timestamp {
    switch engine.images.lookup(name, version: version) {
    case .success(let image): return image.created
    case .failure(let error): throw Invalid(line: DockerErrors.daemon(error.message(for: version)))
    }
  }

  /// 28's `until`: a Go duration before now (`24h`, `90m`), a Unix time, or an
  /// RFC 3339 time or date in UTC.
  private static func time(_ value: String, now: Timestamp) throws(Invalid) -> Timestamp {
    if value != "0", let duration = GoDuration.parse(value) { return now.adding(Duration(nanoseconds: -duration)) }
    if let parsed = Timestamp(iso8601: value) ?? Timestamp(iso8601: value + "T00:00:00Z") { return parsed }
    if !value.contains("-"), let seconds = Double(value) { return Timestamp(seconds: Int64(seconds.rounded(.down))) }
    throw Invalid(line: DockerErrors.daemon("failed to parse value as time or duration: \(GoQuote.quote(value))"))
  }

  /// Whether an image passes the label and time filters.
  func keeps(_ image: Image) -> Bool {
    if let createdBefore, image.created >= createdBefore { return false }
    if let createdAfter, image.created <= createdAfter { return false }
    guard !labels.isEmpty else { return true }
    let imageLabels = image.config.labels
    if imageLabels.isEmpty { return false }
    return labels.allSatisfy { filter in
      let parts = filter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard let value = imageLabels[parts[0]] else { return false }
      return parts.count == 1 || parts[1] == value
    }
  }
}

/// Go's time.ParseDuration for what `until` takes: a sequence of decimal numbers
/// with units (`1h30m`, `1.5h`, `300ms`), optionally signed. Nanoseconds, or nil.
enum GoDuration {
  static let units: [(String, Double)] = [
    ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
  ]

  static func parse(_ text: String) -> Int64? {
    var rest = Substring(text)
    var sign = 1.0
    if let first = rest.first, first == "-" || first == "+" {
      sign = first == "-" ? -1 : 1
      rest = rest.dropFirst()
    }
    if rest == "0" { return 0 }
    guard !rest.isEmpty else { return nil }
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
      rest = rest.dropFirst(unitText.count)
      total += value * unit.1
    }
    return Int64(sign * total)
  }
}

/// The daemon's image list plus the CLI's expansion into rows (one per tag, repository
/// digests folded in), as docker/cli's image formatter does it.
struct ImageListing {
  struct Row {
    var image: Image
    var repository: String
    var tag: String
    var digest: String

    func fields(now: Timestamp, truncate: Bool) -> [String: TemplateValue] {
      let size = GoUnits.humanSize(image.size, precision: 3)
      return [
        "Containers": "N/A",
        "CreatedAt": .string(goTimeString(image.created)),
        "CreatedSince": .string(GoUnits.humanDuration(now.since(image.created)) + " ago"),
        "Digest": .string(digest),
        "ID": .string(truncate ? image.id.short : image.id.description),
        "Repository": .string(repository),
        "SharedSize": "N/A",
        "Size": .string(size),
        "Tag": .string(tag),
        "UniqueSize": "N/A",
        "VirtualSize": .string(size),
      ]
    }
  }

  let store: ImageStore
  let filters: ImageListFilters
  let all: Bool

  /// The images the daemon returns, with the references the filters keep.
  func summaries() -> [(image: Image, tags: [Reference], digests: [Reference])] {
    var result: [(Image, [Reference], [Reference])] = []
    let danglingOnly = filters.dangling == true
    for image in store.newestFirst {
      guard filters.keeps(image) else { continue }
      if danglingOnly, !store.children(of: image.id).isEmpty { continue }
      let refs = store.references(to: image.id).filter(matchesReferenceFilter)
      let tags = refs.filter { $0.digest == nil }
      let digests = refs.filter { $0.digest != nil }
      if refs.isEmpty {
        guard store.references(to: image.id).isEmpty || !filters.references.isEmpty else { continue }
        guard all || store.children(of: image.id).isEmpty else { continue }
        if filters.dangling == false || !filters.references.isEmpty { continue }
      } else if danglingOnly, !tags.isEmpty {
        continue
      }
      if refs.isEmpty, !filters.references.isEmpty { continue }
      result.append((image, tags, digests))
    }
    return result
  }

  private func matchesReferenceFilter(_ reference: Reference) -> Bool {
    guard !filters.references.isEmpty else { return true }
    return filters.references.contains { pattern in
      GlobMatch.matches(pattern, reference.familiar) || GlobMatch.matches(pattern, reference.familiarName)
    }
  }

  func rows(withDigests: Bool) -> [Row] {
    var rows: [Row] = []
    for (image, tags, digests) in summaries() {
      if tags.isEmpty && digests.isEmpty {
        rows.append(Row(image: image, repository: "<none>", tag: "<none>", digest: "<none>"))
        continue
      }
      var digestsByRepo: [String: [String]] = [:]
      for ref in digests { digestsByRepo[ref.familiarName, default: []].append(ref.digest!) }
      var tagsByRepo: [String: [String]] = [:]
      var repoOrder: [String] = []
      for ref in tags {
        if tagsByRepo[ref.familiarName] == nil { repoOrder.append(ref.familiarName) }
        tagsByRepo[ref.familiarName, default: []].append(ref.tag!)
      }
      for repo in repoOrder.sorted() {
        let repoDigests = withDigests ? digestsByRepo[repo] ?? [] : []
        digestsByRepo[repo] = nil
        for tag in tagsByRepo[repo]! {
          if repoDigests.isEmpty {
            rows.append(Row(image: image, repository: repo, tag: tag, digest: "<none>"))
          } else {
            rows += repoDigests.map { Row(image: image, repository: repo, tag: tag, digest: $0) }
          }
        }
      }
      for repo in digestsByRepo.keys.sorted() {
        if withDigests {
          rows += digestsByRepo[repo]!.map { Row(image: image, repository: repo, tag: "<none>", digest: $0) }
        } else {
          rows.append(Row(image: image, repository: repo, tag: "<none>", digest: ""))
        }
      }
    }
    return rows
  }
}

/// Go's `time.Time.String()` of `time.Unix(created, 0)`: whole seconds, as the
/// images API sends them (`2020-01-10 01:26:50 +0000 UTC`).
func goTimeString(_ time: Timestamp) -> String {
  let text = time.rfc3339()
  return String(text.dropLast()).replacingOccurrences(of: "T", with: " ") + " +0000 UTC"
}

/// Go's `path.Match`: `*` (not across `/`), `?`, `[...]` classes, `\` escapes.
enum GlobMatch {
  static func matches(_ pattern: String, _ name: String) -> Bool {
    match(Array(pattern.unicodeScalars), 0, Array(name.unicodeScalars), 0)
  }

  private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ s: [Unicode.Scalar], _ si: Int) -> Bool {
    if pi == p.count { return si == s.count }
    switch p[pi] {
    case "*":
      var index = si
      while true {
        if match(p, pi + 1, s, index) { return true }
        if index == s.count || s[index] == "/" { return false }
        index += 1
      }
    case "?":
      return si < s.count && s[si] != "/" && match(p, pi + 1, s, si + 1)
    case "[":
      guard si < s.count, let (matched, next) = matchClass(p, pi + 1, s[si]) else { return false }
      return matched && match(p, next, s, si + 1)
    case "\\" where pi + 1 < p.count:
      return si < s.count && s[si] == p[pi + 1] && match(p, pi + 2, s, si + 1)
    default:
      return si < s.count && s[si] == p[pi] && match(p, pi + 1, s, si + 1)
    }
  }

  /// Matches one character against `[...]`; returns (matched, index after `]`).
  private static func matchClass(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
    var index = start
    var negate = false
    if index < p.count, p[index] == "^" {
      negate = true
      index += 1
    }
    var matched = false
    var first = true
    while index < p.count, p[index] != "]" || first {
      first = false
      let low = p[index]
      index += 1
      var high = low
      if index + 1 < p.count, p[index] == "-", p[index + 1] != "]" {
        high = p[index + 1]
        index += 2
      }
      if low.value <= c.value && c.value <= high.value { matched = true }
    }
    guard index < p.count else { return nil }
    return (matched != negate, index + 1)
  }
}
