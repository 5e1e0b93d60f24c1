import DockSimCore

/// One Engine API request, as the HTTP layer hands it over: the version prefix
/// (`/v1.41/`) already taken off the path.
public struct APIRequest: Sendable {
  public var method: String
  /// The path after the version prefix: `/containers/json`.
  public var path: String
  /// Query parameters, each name with its values in order.
  public var query: [String: [String]]
  public var headers: [(String, String)]
  public var body: [UInt8]
  /// The API version the client asked for, or the daemon's own without a prefix.
  public var apiVersion: APIVersion

  public init(
    method: String, path: String, query: [String: [String]] = [:], headers: [(String, String)] = [],
    body: [UInt8] = [], apiVersion: APIVersion
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
    self.apiVersion = apiVersion
  }

  /// The last value of a query parameter.
  public func parameter(_ name: String) -> String? { query[name]?.last }

  /// A boolean parameter as moby's httputils.BoolValue reads it: anything but
  /// "", "0", "no", "false" and "none" is true.
  public func flag(_ name: String) -> Bool {
    guard let value = parameter(name)?.lowercased() else { return false }
    return !["", "0", "no", "false", "none"].contains(value)
  }

  /// An integer parameter; nil when absent or empty.
  public func integer(_ name: String) -> Int? {
    guard let text = parameter(name), !text.isEmpty else { return nil }
    return Int(text)
  }
}

/// An Engine API answer: a status, headers and a body, or a connection taken over
/// for a raw stream (attach, exec start).
public struct APIResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: [UInt8]

  public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// moby's httputils.WriteJSON: `application/json` and json.Encoder's text, which
  /// escapes <, > and & and ends with a newline.
  public static func json(_ value: JSONValue, status: Int = 200) -> APIResponse {
    APIResponse(
      status: status, headers: [("Content-Type", "application/json")], body: Array((value.compact() + "\n").utf8))
  }

  /// An error as dockerd writes it: `{"message": "..."}` with the status its kind maps to.
  public static func error(_ error: APIError) -> APIResponse {
    json(.object([("message", .string(error.message))]), status: error.status)
  }

  /// 204 No Content (start, stop, kill, rename ...).
  public static let noContent = APIResponse(status: 204)

  public func header(_ name: String) -> String? {
    headers.last { $0.0.lowercased() == name.lowercased() }?.1
  }
}

/// An error the daemon answers with; the statuses are moby's errdefs mapping
/// (api/server/httpstatus/status.go): invalid parameter 400, not found 404,
/// conflict 409, not modified 304, system 500.
public struct APIError: Error, Sendable, Hashable {
  public var status: Int
  public var message: String

  public init(status: Int, _ message: String) {
    self.status = status
    self.message = message
  }

  public static func invalid(_ message: String) -> APIError { APIError(status: 400, message) }
  public static func notFound(_ message: String) -> APIError { APIError(status: 404, message) }
  public static func conflict(_ message: String) -> APIError { APIError(status: 409, message) }
  public static func system(_ message: String) -> APIError { APIError(status: 500, message) }
  /// gorilla/mux's miss, which moby answers in JSON (api/server/server.go's notFoundHandler... via errdefs).
  public static let pageNotFound = APIError(status: 404, "page not found")
}

/// An API version, `1.41`: compared as numbers, as moby's api/types/versions does.
public struct APIVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var text: String

  public init(_ text: String) { self.text = text }

  public var description: String { text }

  private var parts: [Int] { text.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) ?? 0 } }

  public static func < (a: APIVersion, b: APIVersion) -> Bool {
    let (x, y) = (a.parts, b.parts)
    for index in 0..<max(x.count, y.count) {
      let (p, q) = (index < x.count ? x[index] : 0, index < y.count ? y[index] : 0)
      if p != q { return p < q }
    }
    return false
  }

  public static func == (a: APIVersion, b: APIVersion) -> Bool { !(a < b) && !(b < a) }
  public func hash(into hasher: inout Hasher) { hasher.combine(parts) }
}
