import DockSimCore
import Glibc

/// Sends a command's console events to the real stdout (fd 1) and stderr (fd 2).
public struct OutputPlayer {
  /// Honour `pause` events with real sleeps (only the interactive REPL does).
  public var paces: Bool
  /// Stop at Ctrl-C (the interactive REPL): the rest of that command's output is dropped.
  public var stopsOnInterrupt: Bool

  public init(paces: Bool, stopsOnInterrupt: Bool) {
    self.paces = paces
    self.stopsOnInterrupt = stopsOnInterrupt
  }

  /// Plays `events` in order; returns false when Ctrl-C cut them short.
  @discardableResult
  public func play(_ events: [Console.Event]) -> Bool {
    for event in events {
      if stopsOnInterrupt && Signals.interrupted { return false }
      switch event {
      case .write(let stream, let bytes):
        if !write(bytes, to: stream == .stdout ? 1 : 2) { return false }
      case .pause(let milliseconds):
        if paces && !sleep(milliseconds: milliseconds) { return false }
      }
    }
    return !(stopsOnInterrupt && Signals.interrupted)
  }

  /// Writes in pieces, so Ctrl-C stops a long output (a megabyte of `find /`) where it
  /// is instead of after the terminal has taken all of it; false when interrupted.
  private func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
    let piece = 4096
    var start = 0
    while start < bytes.count {
      if stopsOnInterrupt && Signals.interrupted { return false }
      let end = min(bytes.count, start + piece)
      FileOutput.write(Array(bytes[start..<end]), to: fd)
      start = end
    }
    return true
  }

  /// Sleeps in short slices so Ctrl-C takes effect at once; false when interrupted.
  private func sleep(milliseconds: Int) -> Bool {
    var left = milliseconds
    while left > 0 {
      if stopsOnInterrupt && Signals.interrupted { return false }
      let slice = min(left, 20)
      var request = timespec(tv_sec: 0, tv_nsec: slice * 1_000_000)
      _ = nanosleep(&request, nil)
      left -= slice
    }
    return true
  }
}

/// Raw writes to a file descriptor, retried until every byte is out.
public enum FileOutput {
  public static func write(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else {
          return  // A closed pipe or full disk: nothing useful left to do with this output.
        }
      }
    }
  }

  public static func write(_ text: String, to fd: Int32) { write(Array(text.utf8), to: fd) }
}
