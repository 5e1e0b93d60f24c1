import Dispatch
import Glibc
import NIOCore
import NIOHTTP1
import NIOPosix

/// The Engine API over HTTP/1.1 (SwiftNIO's codec), on a unix socket and
/// optionally on a loopback TCP port.
public final class HTTPServer: Sendable {
  /// The largest request body the daemon takes (a build context, an image archive):
  /// a bigger one is answered 413 and never reaches the session.
  public static let bodyLimit = 512 * 1024 * 1024

  let daemon: Daemon
  let group: MultiThreadedEventLoopGroup

  public init(daemon: Daemon, threads: Int = System.coreCount) {
    self.daemon = daemon
    group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
    // A write to a closed connection must fail with EPIPE, not kill the process: the loops'
    // threads block SIGPIPE, instead of NIO ignoring it process-wide (which every program
    // the process starts later would inherit, as the tests' real shells did).
    for loop in group.makeIterator() {
      try? loop.submit {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, nil)
      }.wait()
    }
  }

  /// Listens on the unix socket at `path` (the caller has made sure nothing else does).
  public func listen(unixSocket path: String) throws -> any Channel {
    try keepingSIGPIPE { try bootstrap().bind(unixDomainSocketPath: path, cleanupExistingSocketFile: false).wait() }
  }

  /// Listens on 127.0.0.1:`port` (0 picks a free port; the channel's localAddress says which).
  public func listen(tcpPort port: Int) throws -> any Channel {
    try keepingSIGPIPE { try bootstrap().bind(host: "127.0.0.1", port: port).wait() }
  }

  /// NIO sets SIGPIPE to SIG_IGN for the whole process when it makes its first socket;
  /// this puts back what the process had.
  private func keepingSIGPIPE<T>(_ body: () throws -> T) rethrows -> T {
    var previous = sigaction()
    sigaction(SIGPIPE, nil, &previous)
    defer { sigaction(SIGPIPE, &previous, nil) }
    return try body()
  }

  public func shutdown() throws { try group.syncShutdownGracefully() }

  private func bootstrap() -> ServerBootstrap {
    let daemon = self.daemon
    return ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 1024)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let http: [any RemovableChannelHandler] = [
            HTTPResponseEncoder(),
            ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes)),
            HTTPServerPipelineHandler(),
            HTTPServerProtocolErrorHandler(),
          ]
          try channel.pipeline.syncOperations.addHandlers(http)
          try channel.pipeline.syncOperations.addHandler(APIChannelHandler(daemon: daemon, http: http))
        }
      }
      // docker's hijacked streams close their writing half when stdin ends and keep reading.
      .childChannelOption(.allowRemoteHalfClosure, value: true)
      .childChannelOption(.maxMessagesPerRead, value: 16)
  }

  /// Polls the daemon's waiters every 100 ms (see `Daemon.tick`).
  func startTicking() {
    let daemon = self.daemon
    group.next().scheduleRepeatedTask(initialDelay: .milliseconds(100), delay: .milliseconds(100)) { _ in
      daemon.tick()
    }
  }
}

/// One connection's requests: collects each request's head and body, asks the
/// daemon, writes the answer, or hands the connection over to a raw stream.
final class APIChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  let daemon: Daemon
  /// The HTTP handlers, removed when a request takes the connection over.
  let http: [any RemovableChannelHandler]
  private var head: HTTPRequestHead?
  private var body: [UInt8] = []
  private var tooLarge = false

  init(daemon: Daemon, http: [any RemovableChannelHandler]) {
    self.daemon = daemon
    self.http = http
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
      body = []
      tooLarge = false
    case .body(let chunk):
      guard !tooLarge else { return }
      if body.count + chunk.readableBytes > HTTPServer.bodyLimit {
        tooLarge = true
        body = []
      } else {
        body.append(contentsOf: chunk.readableBytesView)
      }
    case .end:
      guard let head else { return }
      self.head = nil
      let reply: APIReply =
        tooLarge ? .now(daemon.handle(tooLargeRequest: head.method.rawValue))
        : daemon.reply(HTTPRequestParts.request(head, body: body, daemon: daemon))
      body = []
      answer(reply, for: head, context: context)
    }
  }

  private func answer(_ reply: APIReply, for request: HTTPRequestHead, context: ChannelHandlerContext) {
    switch reply {
    case .now(let response):
      write(response, for: request, context: context)
    case .stream(let head, let hijack, let start):
      if hijack {
        takeOver(head, for: request, context: context, start: start)
      } else {
        stream(head, for: request, context: context, start: start)
      }
    }
  }

  private func responseHead(_ response: APIResponse, for request: HTTPRequestHead, length: Bool) -> HTTPResponseHead {
    var headers = HTTPHeaders(response.headers)
    if length, !headers.contains(name: "Content-Length") {
      headers.add(name: "Content-Length", value: String(response.body.count))
    }
    headers.add(name: "Date", value: HTTPDate.now())
    if !request.isKeepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
    return HTTPResponseHead(version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
  }

  private func write(_ response: APIResponse, for request: HTTPRequestHead, context: ChannelHandlerContext) {
    context.write(wrapOutboundOut(.head(responseHead(response, for: request, length: true))), promise: nil)
    if request.method != .HEAD, !response.body.isEmpty {
      context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
    }
    let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
    if !request.isKeepAlive {
      let channel = context.channel
      done.whenComplete { _ in channel.close(promise: nil) }
    }
  }

  /// A chunked body written as the daemon produces it (`logs --follow`).
  private func stream(
    _ head: APIResponse, for request: HTTPRequestHead, context: ChannelHandlerContext,
    start: @Sendable (any StreamSink) -> (@Sendable ([UInt8]) -> Void)?
  ) {
    context.writeAndFlush(wrapOutboundOut(.head(responseHead(head, for: request, length: false))), promise: nil)
    _ = start(ChunkedSink(channel: context.channel, keepAlive: request.isKeepAlive))
  }

  /// 101 Switching Protocols, then the connection is a raw byte stream both ways
  /// (attach, exec start): the HTTP handlers leave the pipeline.
  private func takeOver(
    _ head: APIResponse, for request: HTTPRequestHead, context: ChannelHandlerContext,
    start: @escaping @Sendable (any StreamSink) -> (@Sendable ([UInt8]) -> Void)?
  ) {
    let channel = context.channel
    let pipeline = context.pipeline
    let handlers = http + [self]
    context.write(wrapOutboundOut(.head(responseHead(head, for: request, length: false))), promise: nil)
    context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
      let removals = handlers.map { pipeline.syncOperations.removeHandler($0) }
      EventLoopFuture.andAllComplete(removals, on: channel.eventLoop).whenComplete { _ in
        let raw = RawStreamHandler()
        try? pipeline.syncOperations.addHandler(raw)
        raw.input = start(RawSink(channel: channel))
      }
    }
  }
}

/// A taken-over connection: what the client sends goes to the stream's input.
final class RawStreamHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  var input: (@Sendable ([UInt8]) -> Void)?

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let bytes = Array(unwrapInboundIn(data).readableBytesView)
    input?(bytes)
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    // The client closed its writing half (stdin ended): keep the output flowing.
    if event is ChannelEvent { return }
    context.fireUserInboundEventTriggered(event)
  }
}

struct RawSink: StreamSink {
  let channel: any Channel

  func write(_ bytes: [UInt8]) {
    channel.writeAndFlush(channel.allocator.buffer(bytes: bytes), promise: nil)
  }

  func finish() {
    channel.close(promise: nil)
  }
}

struct ChunkedSink: StreamSink {
  let channel: any Channel
  let keepAlive: Bool

  func write(_ bytes: [UInt8]) {
    let part = HTTPServerResponsePart.body(.byteBuffer(channel.allocator.buffer(bytes: bytes)))
    channel.writeAndFlush(part, promise: nil)
  }

  func finish() {
    let done = channel.writeAndFlush(HTTPServerResponsePart.end(nil))
    if !keepAlive {
      let channel = self.channel
      done.whenComplete { _ in channel.close(promise: nil) }
    }
  }
}

/// From NIO's request head to an `APIRequest`: the version prefix, the decoded path, the query.
enum HTTPRequestParts {
  static func request(_ head: HTTPRequestHead, body: [UInt8], daemon: Daemon) -> APIRequest {
    let (rawPath, rawQuery) = split(head.uri)
    var path = percentDecoded(rawPath, plusIsSpace: false)
    var version = daemon.maximumAPI
    if let (prefix, rest) = versionPrefix(path) {
      version = APIVersion(prefix)
      path = rest
    }
    return APIRequest(
      method: head.method.rawValue, path: path, query: query(rawQuery),
      headers: head.headers.map { ($0.name, $0.value) }, body: body, apiVersion: version)
  }

  static func split(_ uri: String) -> (String, String) {
    guard let mark = uri.firstIndex(of: "?") else { return (uri, "") }
    return (String(uri[..<mark]), String(uri[uri.index(after: mark)...]))
  }

  /// `/v1.41/images/json` → ("1.41", "/images/json"), as moby's `/v{version:[0-9.]+}` routes.
  static func versionPrefix(_ path: String) -> (String, String)? {
    guard path.hasPrefix("/v") else { return nil }
    let afterV = path.dropFirst(2)
    let number = afterV.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard !number.isEmpty else { return nil }
    let rest = afterV.dropFirst(number.count)
    guard rest.hasPrefix("/") else { return nil }
    return (String(number), String(rest))
  }

  static func query(_ text: String) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = percentDecoded(String(parts[0]), plusIsSpace: true)
      let value = parts.count > 1 ? percentDecoded(String(parts[1]), plusIsSpace: true) : ""
      result[name, default: []].append(value)
    }
    return result
  }

  static func percentDecoded(_ text: String, plusIsSpace: Bool) -> String {
    var bytes: [UInt8] = []
    var input = Array(text.utf8)[...]
    while let byte = input.popFirst() {
      if byte == UInt8(ascii: "%"), input.count >= 2, let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) {
        bytes.append(value)
        input = input.dropFirst(2)
      } else if byte == UInt8(ascii: "+"), plusIsSpace {
        bytes.append(UInt8(ascii: " "))
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The `Date` header: RFC 1123 in GMT, as Go's net/http writes it.
enum HTTPDate {
  static func now() -> String {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    var seconds = time.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
  }
}

extension HTTPServer {
  /// Listens on the unix socket at `path` (created 0600; the caller has claimed it)
  /// and on 127.0.0.1:`tcpPort`, tells `announce` the DOCKER_HOST values, and serves
  /// until SIGINT or SIGTERM; then closes the listeners and removes the socket.
  public func serve(socket path: String, tcpPort: Int?, announce: ([String]) -> Void) throws {
    let previous = umask(0o177)
    let unixChannel: any Channel
    do {
      unixChannel = try listen(unixSocket: path)
      umask(previous)
    } catch {
      umask(previous)
      throw error
    }
    chmod(path, 0o600)
    defer { unlink(path) }
    var channels = [unixChannel]
    var hosts = ["unix://" + path]
    if let tcpPort {
      let channel = try listen(tcpPort: tcpPort)
      channels.append(channel)
      hosts.append("tcp://127.0.0.1:\(channel.localAddress?.port ?? tcpPort)")
    }
    startTicking()
    announce(hosts)
    let listeners = channels
    let sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { for channel in listeners { channel.close(promise: nil) } }
      source.resume()
      return source
    }
    try? unixChannel.closeFuture.wait()
    for channel in channels { try? channel.close().wait() }
    for source in sources { source.cancel() }
    try? shutdown()
  }
}
