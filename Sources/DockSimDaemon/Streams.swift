import DockSimCore

/// Where a streamed answer's bytes go (a chunked body, or a hijacked connection).
public protocol StreamSink: Sendable {
  func write(_ bytes: [UInt8])
  /// Ends the stream (the last chunk, or closes the hijacked connection).
  func finish()
}

/// How the daemon answers a request.
public enum APIReply: Sendable {
  /// The whole answer at once.
  case now(APIResponse)
  /// The head now, the body as it happens: `wait` and `logs --follow` (chunked), or a
  /// connection taken over (`Upgrade: tcp`, 101) for attach and exec start.
  /// `start` gets the sink and returns what to do with bytes the client sends.
  case stream(head: APIResponse, hijack: Bool, start: @Sendable (any StreamSink) -> (@Sendable ([UInt8]) -> Void)?)

  var response: APIResponse? {
    if case .now(let response) = self { return response }
    return nil
  }
}

/// docker's stdcopy framing of a non-TTY stream: stream 1 (stdout) or 2 (stderr),
/// three zero bytes, the length big-endian, then the bytes (moby's pkg/stdcopy).
enum StreamFrame {
  static func frame(_ stream: Console.Stream, _ bytes: [UInt8]) -> [UInt8] {
    let count = UInt32(bytes.count)
    let kind: UInt8 = stream == .stderr ? 2 : 1
    return [kind, 0, 0, 0, UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)]
      + bytes
  }

  /// A container's output as its client reads it: raw with a TTY, framed without.
  static func bytes(_ entries: [LogEntry], tty: Bool, timestamps: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    for entry in entries {
      var bytes = entry.bytes
      if timestamps { bytes = Array((entry.time.rfc3339(fractionDigits: 9) + " ").utf8) + bytes }
      out += tty ? bytes : frame(entry.stream, bytes)
    }
    return out
  }

  /// moby 28 (API 1.42 on) names the framed stream apart from the raw one.
  static func contentType(tty: Bool, api: APIVersion) -> String {
    tty || api < APIVersion("1.42") ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream"
  }
}
