/// The docker CLI's jsonmessage renderer (DisplayJSONMessagesStream) for a pull stream.
///
/// On a terminal each layer owns a screen line that is rewritten in place (cursor
/// up, erase line, `\r<id>: <status> <progress>\r`, cursor down), so the final screen
/// shows one `<id>: Pull complete ` line per layer, with its trailing space. Anywhere
/// else counter updates are dropped and every other message is its own line.
public struct PullRenderer {
  public var terminal: Bool
  /// Terminal columns: the progress bar is drawn only when wider than 110.
  public var width: Int
  public var stream: Console.Stream
  /// Layer ids to their line (0 = first), reset by any message without progress.
  private var lines: [String: Int] = [:]

  public init(terminal: Bool, width: Int, stream: Console.Stream) {
    self.terminal = terminal
    self.width = width
    self.stream = stream
  }

  public mutating func render(_ messages: [PullMessage], to console: inout Console) {
    for message in messages { render(message, to: &console) }
  }

  public mutating func render(_ message: PullMessage, to console: inout Console) {
    if terminal { console.pause(milliseconds: message.delay) }
    var diff = 0
    if let id = message.id, message.hasProgress {
      let line: Int
      if let known = lines[id] {
        line = known
      } else {
        line = lines.count
        lines[id] = line
        if terminal { console.write("\n", to: stream) }
      }
      diff = lines.count - line
      if terminal, diff > 0 { console.write("\u{1B}[\(diff)A", to: stream) }
    } else {
      lines = [:]
    }
    display(message, to: &console)
    if message.id != nil, terminal, diff > 0 { console.write("\u{1B}[\(diff)B", to: stream) }
  }

  /// jsonmessage Display.
  private func display(_ message: PullMessage, to console: inout Console) {
    var text = ""
    var endOfLine = ""
    if terminal && message.hasProgress {
      text += "\u{1B}[2K\r"
      endOfLine = "\r"
    } else if message.hasProgress && message.isCounter {
      return
    }
    if let id = message.id { text += id + ": " }
    if message.hasProgress && terminal {
      text += message.status + " " + progressText(message) + endOfLine
    } else {
      text += message.status + endOfLine + "\n"
    }
    console.write(text, to: stream)
  }

  /// JSONProgress.String(): `[====>   ]  3.146MB/28.56MB` (bar only on wide terminals).
  func progressText(_ message: PullMessage) -> String {
    guard message.current > 0 || message.total > 0 else { return "" }
    let percentage = min(50, Int(Double(message.current) / Double(message.total) * 100) / 2)
    var bar = ""
    if width > 110 {
      bar = "[" + String(repeating: "=", count: percentage) + ">" + String(repeating: " ", count: 50 - percentage) + "] "
    }
    let current = GoUnits.humanSize(message.current)
    let total = GoUnits.humanSize(message.total)
    let padded = String(repeating: " ", count: max(0, 8 - current.count)) + current
    let numbers = message.current > message.total ? padded : padded + "/" + total
    return bar + numbers
  }
}

extension Engine {
  /// What `docker run` and `docker create` do when the image is missing: print
  /// `Unable to find image 'x:latest' locally` and the pull lines to stderr (no
  /// `Using default tag`, no final reference line), and return the image or the
  /// pull error for the caller to report in its own style.
  public mutating func pullForRun(_ reference: Reference, console: inout Console) -> Result<Image, PullError> {
    let reference = reference.withDefaultTag
    console.errorLine("Unable to find image '\(reference.familiar)' locally")
    switch pull(reference) {
    case .success(let result):
      var renderer = PullRenderer(
        terminal: console.traits.stdoutIsTerminal, width: console.traits.width, stream: .stderr)
      renderer.render(result.messages, to: &console)
      return .success(result.image)
    case .failure(let error):
      return .failure(error)
    }
  }
}
