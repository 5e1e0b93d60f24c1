/// What a command's output goes to, and what that destination can show.
///
/// Commands never print: they append to a `Console`, and the front end (the REPL,
/// script mode, the lesson checker, a test) decides what to do with the events.
/// A `pause` lets a command animate (a pull's progress) without the core touching
/// a clock: the terminal front end sleeps, script mode and tests skip it.
public struct Console: Sendable {
  /// Which of the two output streams.
  public enum Stream: Sendable, Hashable { case stdout, stderr }

  /// One thing a command did to its output.
  public enum Event: Sendable, Hashable {
    case write(Stream, [UInt8])
    case pause(milliseconds: Int)
  }

  /// What the real destination is: a terminal or not, its width, colour.
  public var traits: TerminalTraits
  /// Whether the user has interrupted (Ctrl-C): long commands check it in their loops.
  public var interruption: Interruption
  public private(set) var events: [Event] = []

  public init(traits: TerminalTraits = .plain) {
    self.init(traits: traits, interruption: .never)
  }

  public init(traits: TerminalTraits, interruption: Interruption) {
    self.traits = traits
    self.interruption = interruption
  }

  /// An empty console for a part of this command (a pipeline stage, a capture): it
  /// has `traits` and shares this one's interruption.
  public func part(traits: TerminalTraits) -> Console {
    Console(traits: traits, interruption: interruption)
  }

  /// Ctrl-C arrived: a long command stops where it is, and the front end drops the
  /// command's output and undoes what it did.
  public var isInterrupted: Bool { interruption.isRequested }

  public mutating func write(_ text: String, to stream: Stream = .stdout) {
    write(bytes: Array(text.utf8), to: stream)
  }

  public mutating func write(bytes: [UInt8], to stream: Stream = .stdout) {
    guard !bytes.isEmpty else { return }
    // Coalesce adjacent writes to the same stream: keeps event lists short.
    if case .write(let last, var buffer)? = events.last, last == stream {
      // Take the buffer out first: while the array still holds it, appending copies
      // it whole, and a command writing line by line (find / of 100,000 paths) is quadratic.
      events.removeLast()
      buffer.append(contentsOf: bytes)
      events.append(.write(stream, buffer))
    } else {
      events.append(.write(stream, bytes))
    }
  }

  /// Writes `text` and a newline to stdout.
  public mutating func line(_ text: String = "") { write(text + "\n") }

  /// Writes `text` and a newline to stderr.
  public mutating func errorLine(_ text: String) { write(text + "\n", to: .stderr) }

  /// A pause in an animation; only a terminal front end honours it.
  public mutating func pause(milliseconds: Int) {
    guard traits.animates, milliseconds > 0 else { return }
    events.append(.pause(milliseconds: milliseconds))
  }

  /// Appends everything another console received (a sub-command's output).
  public mutating func append(_ other: Console) {
    for event in other.events {
      switch event {
      case .write(let stream, let bytes): write(bytes: bytes, to: stream)
      case .pause(let ms): events.append(.pause(milliseconds: ms))
      }
    }
  }

  /// Removes and returns the events so far (a front end flushing after each command).
  public mutating func drain() -> [Event] {
    defer { events.removeAll(keepingCapacity: true) }
    return events
  }

  /// All bytes written to `stream`.
  public func bytes(of stream: Stream) -> [UInt8] {
    var out: [UInt8] = []
    for case .write(let s, let bytes) in events where s == stream { out.append(contentsOf: bytes) }
    return out
  }

  /// All text written to stdout (invalid UTF-8 repaired), for tests and captures.
  public var stdoutText: String { String(decoding: bytes(of: .stdout), as: UTF8.self) }
  /// All text written to stderr.
  public var stderrText: String { String(decoding: bytes(of: .stderr), as: UTF8.self) }
  /// Both streams interleaved in the order written, as a terminal shows them.
  public var combinedText: String {
    var out: [UInt8] = []
    for case .write(_, let bytes) in events { out.append(contentsOf: bytes) }
    return String(decoding: out, as: UTF8.self)
  }
}

/// How a command learns that the user pressed Ctrl-C. The core has no signals of its
/// own: the terminal front end passes a probe of its signal flag; everything else
/// (scripts, lessons, tests) uses `never`.
public struct Interruption: Sendable {
  private let probe: @Sendable () -> Bool

  public init(_ probe: @escaping @Sendable () -> Bool) { self.probe = probe }

  public static let never = Interruption { false }

  public var isRequested: Bool { probe() }
}

/// The facts about the output destination that change what Docker prints.
public struct TerminalTraits: Sendable, Hashable {
  /// Standard output is a terminal (Docker's pull renders progress in place; `ls` uses columns).
  public var stdoutIsTerminal: Bool
  /// Standard error is a terminal.
  public var stderrIsTerminal: Bool
  /// Columns of the terminal (80 when unknown).
  public var width: Int
  /// ANSI colour may be used (a terminal, and neither `--no-color` nor NO_COLOR).
  public var color: Bool
  /// Box-drawing characters can be shown (UTF-8 locale).
  public var unicode: Bool
  /// Animations may pause between frames (an interactive terminal, not a script or test).
  public var animates: Bool

  public init(
    stdoutIsTerminal: Bool, stderrIsTerminal: Bool, width: Int, color: Bool, unicode: Bool, animates: Bool
  ) {
    self.stdoutIsTerminal = stdoutIsTerminal
    self.stderrIsTerminal = stderrIsTerminal
    self.width = width
    self.color = color
    self.unicode = unicode
    self.animates = animates
  }

  /// Not a terminal: what scripts, pipes, lesson checks and tests see.
  public static let plain = TerminalTraits(
    stdoutIsTerminal: false, stderrIsTerminal: false, width: 80, color: false, unicode: true, animates: false)

  /// An 80-column terminal without colour or animation: what golden transcripts of a terminal show.
  public static let terminal = TerminalTraits(
    stdoutIsTerminal: true, stderrIsTerminal: true, width: 80, color: false, unicode: true, animates: false)
}
