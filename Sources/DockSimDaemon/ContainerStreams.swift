import DockSimCore

/// The container endpoints whose answers wait for the simulation: wait, attach, logs.
enum ContainerStreams {
  /// `POST /containers/{id}/wait?condition=`: not-running (the default) answers at
  /// once for a stopped container; next-exit waits for the next exit; removed for removal.
  /// The head goes at once, as moby flushes it: clients (the CLI's run) wait for it
  /// before they start the container.
  static func wait(_ id: String, request: APIRequest, daemon: Daemon) throws(APIError) -> APIReply {
    let condition = request.parameter("condition") ?? "not-running"
    guard ["", "not-running", "next-exit", "removed"].contains(condition) else {
      throw .invalid("invalid condition: \"\(condition)\"")
    }
    let found = try daemon.withSession { session throws(APIError) in try ContainerEndpoints.container(id, session.engine) }
    let modern = daemon.version == .v28
    let exitedBefore = found.state.finishedAt
    let head = APIResponse(status: 200, headers: [("Content-Type", "application/json")])
    return .stream(head: head, hijack: false) { sink in
      // The last status seen: a --rm container is gone by the time condition=removed holds.
      let lastStatus = Counter(Int(found.state.exitCode))
      daemon.watch { session in
        let current = session.engine.containers[id: found.id]
        if let current { lastStatus.value = Int(current.state.exitCode) }
        let status = lastStatus.value
        let done: Bool
        switch condition {
        case "removed": done = current == nil
        case "next-exit": done = current.map { !$0.state.running && $0.state.finishedAt != exitedBefore } ?? true
        default: done = current.map { !$0.state.running } ?? true
        }
        guard done else { return false }
        let body: JSONValue =
          modern
          ? .object([("StatusCode", .int(Int64(status)))])
          : .object([("Error", .null), ("StatusCode", .int(Int64(status)))])
        sink.write(Array((body.compact() + "\n").utf8))
        sink.finish()
        return true
      }
      return nil
    }
  }

  /// `POST /containers/{id}/attach?stream=1&stdout=1&stderr=1`: the connection is
  /// taken over; what the container writes from now on goes to it (framed without a
  /// TTY), and it closes when the container's process ends.
  static func attach(_ id: String, request: APIRequest, daemon: Daemon) throws(APIError) -> APIReply {
    let found = try daemon.withSession { session throws(APIError) -> (Container, Int, Timestamp) in
      let container = try ContainerEndpoints.container(id, session.engine)
      if !container.state.running, container.state.finishedAt != .goZero, !container.autoRemove {
        throw .conflict("You cannot attach to a stopped container, start it first")
      }
      return (container, container.logs.count, session.engine.clock.now)
    }
    let (container, seen, attachedAt) = found
    let streams = selectedStreams(request)
    let head = APIResponse(
      status: 101,
      headers: [
        ("Content-Type", StreamFrame.contentType(tty: container.tty, api: request.apiVersion)),
        ("Connection", "Upgrade"), ("Upgrade", "tcp"),
      ])
    return .stream(head: head, hijack: true) { sink in
      follow(container, from: seen, after: attachedAt, streams: streams, sink: sink, daemon: daemon)
      return nil
    }
  }

  /// Sends the container's output after entry `seen` to `sink` as it comes, and
  /// finishes when the process that runs after `after` has ended (or the container is gone).
  static func follow(
    _ container: Container, from seen: Int, after: Timestamp, streams: Set<Console.Stream>, timestamps: Bool = false,
    sink: any StreamSink, daemon: Daemon
  ) {
    let sent = Counter(seen)
    daemon.watch { session in
      guard let current = session.engine.containers[id: container.id] else {
        sink.finish()
        return true
      }
      let entries = current.logs.dropFirst(sent.value).filter { streams.contains($0.stream) }
      sent.value = current.logs.count
      if !entries.isEmpty { sink.write(StreamFrame.bytes(Array(entries), tty: container.tty, timestamps: timestamps)) }
      let ended = !current.state.running && current.state.finishedAt >= after && current.state.finishedAt != .goZero
      if ended { sink.finish() }
      return ended
    }
  }

  static func selectedStreams(_ request: APIRequest) -> Set<Console.Stream> {
    var streams: Set<Console.Stream> = []
    if request.flag("stdout") { streams.insert(.stdout) }
    if request.flag("stderr") { streams.insert(.stderr) }
    return streams
  }

  /// `GET /containers/{id}/logs`: the log as the json-file driver keeps it (stdout,
  /// stderr, tail, timestamps, since); with follow, what comes next until the process ends.
  static func logs(_ id: String, request: APIRequest, daemon: Daemon) throws(APIError) -> APIReply {
    let streams = selectedStreams(request)
    guard !streams.isEmpty else { throw .invalid("Bad parameters: you must choose at least one stream") }
    let timestamps = request.flag("timestamps")
    let (container, now) = try daemon.withSession { session throws(APIError) in
      (try ContainerEndpoints.container(id, session.engine), session.engine.clock.now)
    }
    var entries = container.logs.filter { streams.contains($0.stream) }
    if let tail = request.parameter("tail"), let count = Int(tail), count >= 0 { entries = Array(entries.suffix(count)) }
    if let since = request.parameter("since"), let seconds = Double(since), seconds > 0 {
      entries = entries.filter { Double($0.time.seconds) >= seconds }
    }
    let head = APIResponse(
      status: 200, headers: [("Content-Type", StreamFrame.contentType(tty: container.tty, api: request.apiVersion))])
    let body = StreamFrame.bytes(entries, tty: container.tty, timestamps: timestamps)
    guard request.flag("follow"), container.state.running else {
      var response = head
      response.body = body
      return .now(response)
    }
    return .stream(head: head, hijack: false) { sink in
      sink.write(body)
      follow(container, from: container.logs.count, after: now, streams: streams, timestamps: timestamps, sink: sink, daemon: daemon)
      return nil
    }
  }
}

/// A count a watcher keeps between polls (polls run under the daemon's lock, one at a time).
final class Counter: @unchecked Sendable {
  var value: Int
  init(_ value: Int) { self.value = value }
}
