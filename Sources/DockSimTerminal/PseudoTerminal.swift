import CLibEdit
import Glibc

/// A program running on a fresh pseudo-terminal, in its own session: what the pty
/// tests type into and read from. The child is its own process group, so signals it
/// sends to its group (libedit's `kill(0, ...)`) never reach the test runner.
public final class PseudoTerminal {
  public let pid: pid_t
  private let master: Int32
  /// Every byte the program has written to the terminal so far.
  public private(set) var output: [UInt8] = []
  private var exitStatus: Int32?

  /// Starts `executable`; nil when no pseudo-terminal could be made.
  public init?(executable: String, arguments: [String], environment: [String: String], rows: UInt16 = 24, columns: UInt16 = 80) {
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var master: Int32 = -1
    let pid = cel_spawn_in_pty(&master, executable, argv, envp, rows, columns)
    guard pid > 0, master >= 0 else { return nil }
    self.pid = pid
    self.master = master
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Types `text` (its UTF-8 bytes, control characters included).
  public func send(_ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(master, buffer.baseAddress! + offset, buffer.count - offset)
        if written > 0 { offset += written } else if errno != EINTR && errno != EAGAIN { return }
      }
    }
  }

  /// Reads until `done(output)` holds or `seconds` pass; returns whether it held.
  @discardableResult
  public func read(timeout seconds: Double, until done: ([UInt8]) -> Bool) -> Bool {
    let deadline = Self.now() + seconds
    while !done(output) {
      let left = deadline - Self.now()
      guard left > 0 else { return false }
      var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(left, 0.2) * 1000))
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
      // EIO: the child closed the terminal (it exited).
      if count <= 0 { return done(output) }
      output += chunk[0..<count]
    }
    return true
  }

  /// The terminal's local modes (c_lflag: ICANON, ECHO, ISIG, ...) as the program left
  /// them; nil when they cannot be read.
  public var localModes: tcflag_t? {
    var modes = termios()
    return tcgetattr(master, &modes) == 0 ? modes.c_lflag : nil
  }

  /// Sends `signal` to the program.
  public func signal(_ signal: Int32) { kill(pid, signal) }

  /// Waits for the program to end; its exit status, or nil on timeout (or a signal).
  public func waitForExit(timeout seconds: Double) -> Int32? {
    let deadline = Self.now() + seconds
    while Self.now() < deadline {
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        // WIFEXITED/WEXITSTATUS are macros: decode the wait status by hand.
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        // Collect what it wrote just before it ended (the read stops at EIO).
        _ = read(timeout: 2) { _ in false }
        return exitStatus
      }
      _ = read(timeout: 0.1) { _ in false }
    }
    return nil
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
