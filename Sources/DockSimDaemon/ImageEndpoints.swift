import DockSimCommands
import DockSimCore

/// `/images/...` (moby's api/server/router/image).
enum ImageEndpoints {
  static func route(_ request: APIRequest, _ parts: [String], daemon: Daemon) throws(APIError) -> APIResponse {
    switch (request.method, parts) {
    case ("GET", ["json"]):
      return try list(request, daemon: daemon)
    case ("GET", _):
      guard let name = Router.name(parts, before: "json") else { throw .pageNotFound }
      return try daemon.withSession { session throws(APIError) in
        .json(EngineDocuments.imageInspect(try image(name, session.engine), engine: session.engine))
      }
    default:
      throw .pageNotFound
    }
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
