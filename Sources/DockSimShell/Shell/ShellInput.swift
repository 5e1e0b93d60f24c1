import DockSimCore

/// A shell's standard input as an open file: the commands of a list share it (a
/// `while read` loop's condition and body, `{ read a; cat; } < f`), and what one reader
/// takes is gone for the next. A pipe's input also tells its writer how much the
/// reader needed: a writer whose reader is done dies of SIGPIPE (ShellPipes.swift).
final class ShellInput {
  private let bytes: [UInt8]
  private var offset = 0
  /// A regular file (`< file`): a program that reads only what it needs (`head -n 1`)
  /// seeks back to just after it, as GNU and busybox head do. From a pipe a program
  /// takes whatever is buffered, which in the simulator is everything left.
  let isSeekable: Bool
  /// The furthest byte any reader needed: how much a pipe's writer had to produce.
  private(set) var needed = 0

  init(_ bytes: [UInt8], isSeekable: Bool = false) {
    self.bytes = bytes
    self.isSeekable = isSeekable
  }

  /// All the bytes there are, taken or not.
  var count: Int { bytes.count }

  /// The bytes not yet taken.
  var remaining: [UInt8] { offset == 0 ? bytes : Array(bytes[offset...]) }

  /// Takes one byte; nil at the end. (`read` reads a pipe one byte at a time.)
  func next() -> UInt8? {
    guard offset < bytes.count else { return nil }
    defer {
      offset += 1
      needed = max(needed, offset)
    }
    return bytes[offset]
  }

  /// A program read `read` of what was left.
  func consume(_ read: StdinRead) {
    switch read {
    case .all:
      offset = bytes.count
      needed = bytes.count
    case .bytes(let count):
      let end = min(bytes.count, offset + count)
      needed = max(needed, end)
      offset = isSeekable ? end : bytes.count
    }
  }
}

/// How much of its standard input a program read. Most programs read to the end;
/// some stop when they have what they need (`head -n 3`, `grep -q`), and a writer
/// into their pipe then gets SIGPIPE instead of running on.
enum StdinRead: Sendable, Hashable {
  case all
  case bytes(Int)
}

extension Session {
  /// A program records that it read `read` of its standard input.
  mutating func recordStdinRead(_ read: StdinRead) { stdinRead = read }
}
