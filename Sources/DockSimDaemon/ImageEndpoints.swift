import DockSimDocker
import DockSimCore

/// `/images/...` (moby's api/server/router/image).
enum ImageEndpoints {
  static func route(_ request: APIRequest, _ parts: [String], daemon: Daemon) throws(APIError) -> APIReply {
    switch (request.method, parts.last ?? "") {
    case ("GET", "json") where parts == ["json"]:
      return .now(try list(request, daemon: daemon))
    case ("POST", "create") where parts == ["create"]:
      return .now(try pull(request, daemon: daemon))
    case ("GET", "json"):
      guard let name = Router.name(parts, before: "json") else { throw .pageNotFound }
      return .now(
        try daemon.withSession { session throws(APIError) in
          .json(EngineDocuments.imageInspect(try image(name, session.engine), engine: session.engine))
        })
    case ("GET", "history"):
      guard let name = Router.name(parts, before: "history") else { throw .pageNotFound }
      return .now(try history(name, daemon: daemon))
    case ("POST", "tag"):
      guard let name = Router.name(parts, before: "tag") else { throw .pageNotFound }
      let repo = request.parameter("repo") ?? ""
      let tag = request.parameter("tag") ?? ""
      try daemon.withSession { session throws(APIError) in
        _ = try image(name, session.engine)
        _ = try Router.perform(["tag", name, tag.isEmpty ? repo : "\(repo):\(tag)"], session: &session)
      }
      return .now(APIResponse(status: 201))
    case ("DELETE", _):
      let name = parts.joined(separator: "/")
      guard !name.isEmpty else { throw .pageNotFound }
      return .now(try remove(name, request: request, daemon: daemon))
    case ("GET", "search") where parts == ["search"], ("GET", "get"), ("POST", "load"), ("POST", "push"), ("POST", "prune"):
      throw Router.notSimulated(request)
    default:
      throw .pageNotFound
    }
  }

  /// `POST /images/create?fromImage=NAME&tag=TAG`: docksim's pull, its lines as
  /// dockerd's JSON progress messages (`{"status":..., "id":...}`), which the CLI
  /// prints back as `ID: STATUS`. A refusal before anything was pulled is an HTTP error.
  static func pull(_ request: APIRequest, daemon: Daemon) throws(APIError) -> APIResponse {
    guard let from = request.parameter("fromImage"), !from.isEmpty else {
      if request.parameter("fromSrc") != nil { throw Router.notSimulated(request) }
      throw .invalid("no image specified")
    }
    let tag = request.parameter("tag") ?? ""
    let reference = tag.isEmpty ? from : (tag.hasPrefix("sha256:") ? "\(from)@\(tag)" : "\(from):\(tag)")
    let outcome = try daemon.withSession { session throws(APIError) in
      try Router.perform(["pull", reference], session: &session)
    }
    var body: [UInt8] = []
    for line in outcome.output.split(separator: "\n").map(String.init) {
      guard let message = progressMessage(line) else { continue }
      body += Array((message.compact() + "\r\n").utf8)
    }
    return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
  }

  /// One line of the CLI's pull output as the message dockerd streamed for it; the
  /// lines the CLI adds itself (`Using default tag`, the full reference) are not.
  static func progressMessage(_ line: String) -> JSONValue? {
    if line.hasPrefix("Using default tag") || !line.contains(" ") { return nil }
    if line.hasPrefix("Digest: ") || line.hasPrefix("Status: ") { return .object([("status", .string(line))]) }
    guard let colon = line.range(of: ": ") else { return .object([("status", .string(line))]) }
    let id = String(line[..<colon.lowerBound])
    let status = String(line[colon.upperBound...])
    if status.hasPrefix("Pulling from") { return .object([("status", .string(status)), ("id", .string(id))]) }
    return .object([("status", .string(status)), ("progressDetail", .object([])), ("id", .string(id))])
  }

  /// `GET /images/{name}/history`: image.HistoryResponseItem, newest first.
  static func history(_ name: String, daemon: Daemon) throws(APIError) -> APIResponse {
    try daemon.withSession { session throws(APIError) in
      let engine = session.engine
      let found = try image(name, engine)
      let items = EngineDocuments.history(found, engine: engine).map { item -> JSONValue in
        let tags = item.id == "<missing>" ? [] : engine.images.tagReferences(to: Digest(parsing: item.id) ?? found.id).map(\.familiar)
        return .object([
          ("Comment", .string(item.entry.comment)), ("Created", .int(item.entry.created.seconds)),
          ("CreatedBy", .string(item.entry.createdBy)), ("Id", .string(item.id)), ("Size", .int(item.size)),
          ("Tags", tags.isEmpty ? .null : .strings(tags)),
        ])
      }
      return .json(.array(items))
    }
  }

  /// `DELETE /images/{name}`: docksim's rmi, its lines as image.DeleteResponse items.
  static func remove(_ name: String, request: APIRequest, daemon: Daemon) throws(APIError) -> APIResponse {
    let force = request.flag("force") ? ["-f"] : []
    let noPrune = request.flag("noprune") ? ["--no-prune"] : []
    let outcome = try daemon.withSession { session throws(APIError) in
      try Router.perform(["rmi"] + force + noPrune + [name], session: &session)
    }
    let items = outcome.output.split(separator: "\n").compactMap { line -> JSONValue? in
      for key in ["Untagged", "Deleted"] where line.hasPrefix(key + ": ") {
        return .object([(key, .string(String(line.dropFirst(key.count + 2))))])
      }
      return nil
    }
    return .json(.array(items))
  }

  /// The image a name, ID or digest reference names, or the daemon's `No such image`.
  static func image(_ name: String, _ engine: Engine) throws(APIError) -> Image {
    switch engine.images.lookup(name, version: engine.version) {
    case .success(let image): return image
    case .failure(.notFound(let what)): throw .notFound("No such image: \(what)")
    case .failure(let error): throw .invalid(error.message(for: engine.version))
    }
  }

  /// `GET /images/json`: image.Summary per image (types.ImageSummary in 20.10).
  static func list(_ request: APIRequest, daemon: Daemon) throws(APIError) -> APIResponse {
    let filters = try Router.filters(request)
    let all = request.flag("all")
    return try daemon.withSession { session throws(APIError) in
      let engine = session.engine
      let summaries: [(image: Image, tags: [Reference], digests: [Reference])]
      do throws(EngineDocuments.Refusal) {
        summaries = try EngineDocuments.imageSummaries(engine, filters: filters, all: all)
      } catch {
        throw .invalid(error.message)
      }
      let items = summaries.map {
        summary($0.image, tags: $0.tags.map(\.familiar), digests: $0.digests.map(\.familiar), request: request)
      }
      return .json(.array(items))
    }
  }

  /// One image as the list shows it. Untagged images carry `<none>:<none>` and
  /// `<none>@<none>` for clients before API 1.43, and VirtualSize before 1.44
  /// (moby 28's api/server/router/image/image_routes.go; 20.10 always).
  static func summary(_ image: Image, tags: [String], digests: [String], request: APIRequest) -> JSONValue {
    let legacyNone = request.apiVersion < APIVersion("1.43")
    let untagged = tags.isEmpty && digests.isEmpty
    let repoTags = untagged && legacyNone ? ["<none>:<none>"] : tags
    let repoDigests = untagged && legacyNone ? ["<none>@<none>"] : digests
    var members: [(String, JSONValue)] = [
      ("Containers", .int(-1)),
      ("Created", .int(image.created.seconds)),
      ("Id", .string(image.id.description)),
      ("Labels", labels(image.config.labels)),
      ("ParentId", .string(image.parent?.description ?? "")),
      ("RepoDigests", .array(repoDigests.map(JSONValue.string))),
      ("RepoTags", .array(repoTags.map(JSONValue.string))),
      ("SharedSize", .int(-1)),
      ("Size", .int(image.size)),
    ]
    if request.apiVersion < APIVersion("1.44") { members.append(("VirtualSize", .int(image.size))) }
    return .object(members)
  }

  /// A Go map: sorted keys, null when the image has none.
  static func labels(_ labels: [String: String]) -> JSONValue {
    labels.isEmpty ? .null : .object(labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
  }
}
