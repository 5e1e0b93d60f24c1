import DockSimCore
import DockSimShell

/// `docker search [OPTIONS] TERM`.
struct Search: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] TERM",
    abstract: "Search the Docker Hub for images",
    abstractV28: "Search Docker Hub for images",
    flags: [.list("filter", short: "f"), .string("format"), .int("limit", default: 25), .bool("no-trunc")],
    arguments: .exactly(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let version = command.version
    // docker/cli 28 warns before it even reads the term (cli/command/registry/search.go).
    let keys = command.list("filter").map { HubSearch.trimmed($0.prefix { $0 != "=" }).lowercased() }
    if version == .v28, keys.contains("is-automated") {
      console.errorLine(
        #"WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future."#
      )
    }
    var query: HubSearch
    do {
      query = try HubSearch(term: command.positionals[0], filters: command.list("filter"), version: version)
    } catch {
      console.errorLine(error.line)
      return 1
    }
    // 20.10 sends its client default (25); 28 sends 0 and the daemon then uses 25.
    let limit = command.isSet("limit") ? command.int("limit") : (version == .v20_10 ? 25 : 0)
    query.limit = limit == 0 && version != .v20_10 ? 25 : limit
    guard (1...100).contains(query.limit) else {
      let word = version == .v20_10 ? "Limit" : "limit"
      console.errorLine(DockerErrors.daemon("\(word) \(query.limit) is outside the range of [1, 100]"))
      return 1
    }
    let results = query.run(on: session.engine.hub)
    do {
      let fallback =
        version.searchHasAutomatedColumn
        ? "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}\t{{.IsAutomated}}"
        : "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}"
      let format = try DockerFormat(command.isSet("format") ? command.string("format") : nil, default: fallback, version: version)
      let rows = results.map { fields($0, truncate: !command.bool("no-trunc"), version: version) }
      console.write(try format.render(rows, schema: schema(version)))
      return 0
    } catch {
      console.errorLine(error.message)
      return 1
    }
  }

  static func schema(_ version: DockerVersion) -> FormatSchema {
    var headers = ["Name": "NAME", "Description": "DESCRIPTION", "StarCount": "STARS", "IsOfficial": "OFFICIAL"]
    if version.searchHasAutomatedColumn { headers["IsAutomated"] = "AUTOMATED" }
    return FormatSchema(typeName: "*formatter.searchContext", headers: headers)
  }

  static func fields(_ repository: HubRepository, truncate: Bool, version: DockerVersion) -> [String: TemplateValue] {
    var description = String(repository.description.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    if truncate { description = Ellipsis.cut(description, to: 45) }
    var fields: [String: TemplateValue] = [
      "Name": .string(repository.searchName),
      "Description": .string(description),
      "StarCount": .string(String(repository.stars)),
      "IsOfficial": .string(repository.isOfficial ? "[OK]" : ""),
    ]
    if version.searchHasAutomatedColumn { fields["IsAutomated"] = .string(repository.isAutomated ? "[OK]" : "") }
    return fields
  }
}

/// A search on the mock Hub: the registry's matches (cut to the limit), then the
/// daemon's filters, then (20.10) the CLI's sort by stars.
struct HubSearch {
  var term: String
  var limit = 25
  var minimumStars: Int?
  var official: Bool?
  var automated: Bool?
  let version: DockerVersion

  struct Invalid: Error {
    var line: String
  }

  init(term: String, filters: [String], version: DockerVersion) throws(Invalid) {
    self.term = term
    self.version = version
    if term.contains("://") {
      throw Invalid(line: "invalid repository name: repository name (\(term)) should not have a scheme")
    }
    for filter in filters { try apply(filter) }
  }

  private mutating func apply(_ filter: String) throws(Invalid) {
    guard let equals = filter.firstIndex(of: "=") else {
      throw Invalid(line: "bad format of filter (expected name=value)")
    }
    // The CLI's FilterOpt lowercases the name and trims both before sending them.
    let key = Self.trimmed(filter[..<equals]).lowercased()
    let value = Self.trimmed(filter[filter.index(after: equals)...])
    let invalidWord = version == .v20_10 ? "Invalid" : "invalid"
    switch key {
    case "stars":
      guard let stars = Int(value) else {
        let detail = version == .v20_10 ? "" : ": strconv.Atoi: parsing \(goQuote(value)): invalid syntax"
        throw Invalid(line: DockerErrors.daemon("\(invalidWord) filter 'stars=\(value)'\(detail)"))
      }
      minimumStars = max(minimumStars ?? stars, stars)
    case "is-official", "is-automated":
      guard let flag = ["true": true, "false": false][value] else {
        throw Invalid(line: DockerErrors.daemon("\(invalidWord) filter '\(key)=[\(value)]'"))
      }
      if key == "is-official" { official = flag } else { automated = flag }
    default:
      throw Invalid(line: DockerErrors.daemon("\(invalidWord) filter '\(key)'"))
    }
  }

  /// Go's strings.TrimSpace for the ASCII spaces a command line can hold.
  static func trimmed(_ text: Substring) -> String {
    String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }

  /// Registry relevance: an exact name first, then names containing the term, then
  /// descriptions containing it; most stars first within each.
  func run(on hub: Hub) -> [HubRepository] {
    let needle = term.lowercased().replacing("library/", with: "")
    func rank(_ repository: HubRepository) -> Int? {
      let name = repository.searchName
      if name == needle { return 0 }
      if name.contains(needle) { return 1 }
      if repository.description.lowercased().contains(needle) { return 2 }
      return nil
    }
    var matches = hub.allRepositories.compactMap { repo in rank(repo).map { (repo, $0) } }
    matches.sort { ($0.1, -$0.0.stars, $0.0.searchName) < ($1.1, -$1.0.stars, $1.0.searchName) }
    var results = matches.prefix(limit).map(\.0)
    results = results.map { repo in
      var copy = repo
      // 25.0 and later daemons report every repository as not automated.
      if version != .v20_10 { copy.isAutomated = false }
      return copy
    }
    if let minimumStars { results = results.filter { $0.stars >= minimumStars } }
    if let official { results = results.filter { $0.isOfficial == official } }
    if let automated { results = results.filter { $0.isAutomated == automated } }
    if version.searchSortsByStars { results.sort { $0.stars > $1.stars } }
    return results
  }

  private func goQuote(_ text: String) -> String { GoQuote.quote(text) }
}
