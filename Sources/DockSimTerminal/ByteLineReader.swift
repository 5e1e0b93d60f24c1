import Glibc

/// Reads lines of raw bytes from a file descriptor (a script, a pipe, a terminal in
/// canonical mode). Bytes are kept as they are: the caller decides what to do with
/// invalid UTF-8 or NUL bytes.
public final class ByteLineReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// The last read failed with this errno (not EINTR).
  public private(set) var failure: Int32?

  public init(fd: Int32) { self.fd = fd }

  /// The next line without its newline; nil at end of input. A last line without a
  /// newline is still a line. Returns `.interrupted` when a signal cut a read short.
  public func nextLine() -> ReadResult {
    while true {
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = Array(buffer[start..<newline])
        start = newline + 1
        compact()
        return .line(line)
      }
      if atEnd {
        guard start < buffer.count else { return .end }
        let line = Array(buffer[start...])
        start = buffer.count
        return .line(line)
      }
      if case .interrupted = fill() { return .interrupted }
    }
  }

  public enum ReadResult: Equatable {
    case line([UInt8])
    case interrupted
    case end
  }

  private enum FillResult { case filled, interrupted }

  private func fill() -> FillResult {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if count > 0 {
      buffer.append(contentsOf: chunk[0..<count])
    } else if count < 0 && errno == EINTR {
      return .interrupted
    } else {
      if count < 0 { failure = errno }
      atEnd = true
    }
    return .filled
  }

  /// Drops consumed bytes once they dominate the buffer, so a long script stays linear.
  private func compact() {
    if start > 65536 && start * 2 > buffer.count {
      buffer.removeFirst(start)
      start = 0
    }
  }
}
