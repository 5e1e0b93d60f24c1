import Glibc

/// The REPL's history file: one entry per line, appended as each input is entered.
///
/// Appending (O_APPEND, then fsync) never rewrites earlier entries, so a crash can at
/// worst lose the entry being written, never the file. Newlines inside an entry (a
/// here-document) are stored as `\n`, backslashes as `\\`. When the file grows past
/// twice the limit it is rewritten through a temporary file and an atomic rename.
public final class HistoryFile {
  public let path: String
  /// Entries kept (like bash's HISTFILESIZE).
  public let limit: Int
  /// Set after the first failure, so the user is warned once and the REPL goes on.
  public private(set) var warning: String?
  private var writable = true
  private var warned = false

  public init(path: String, limit: Int = 1000) {
    self.path = path
    self.limit = limit
  }

  /// `$XDG_STATE_HOME/docksim/history`, defaulting to `~/.local/state/docksim/history`;
  /// nil when neither XDG_STATE_HOME nor HOME is usable.
  public static func defaultPath(environment: (String) -> String? = TerminalEnvironment.variable) -> String? {
    if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
      return state + "/docksim/history"
    }
    guard let home = environment("HOME"), !home.isEmpty else { return nil }
    return home + "/.local/state/docksim/history"
  }

  /// The saved entries, oldest first (the last `limit`). A missing file is an empty
  /// history; an unreadable one gives a warning and an empty history.
  public func load() -> [String] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      if errno != ENOENT { fail("cannot read", errno: errno) }
      return []
    }
    defer { close(fd) }
    let reader = ByteLineReader(fd: fd)
    var entries: [String] = []
    while true {
      switch reader.nextLine() {
      case .line(let bytes):
        if !bytes.isEmpty { entries.append(Self.decode(bytes)) }
      case .interrupted: continue
      case .end:
        if let error = reader.failure { fail("cannot read", errno: error) }
        if entries.count > limit * 2 { rewrite(Array(entries.suffix(limit))) }
        return Array(entries.suffix(limit))
      }
    }
  }

  /// Appends one entry. On failure, records a warning once and stops trying.
  public func append(_ entry: String) {
    guard writable, !entry.isEmpty else { return }
    guard makeParentDirectory() else { return }
    // Read-write, so the last byte can be checked; O_APPEND keeps every write at the end.
    let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return fail("cannot write", errno: errno) }
    defer { close(fd) }
    // A crash mid-write may have left a partial last line: start on a fresh one.
    var record = endsWithoutNewline(fd) ? [UInt8(ascii: "\n")] : []
    record += Self.encode(entry) + [UInt8(ascii: "\n")]
    guard writeAll(record, to: fd), fsync(fd) == 0 || errno == EINVAL else {
      return fail("cannot write", errno: errno)
    }
  }

  /// Takes the warning (once), for the front end to print on stderr.
  public func takeWarning() -> String? {
    defer { warning = nil }
    return warning
  }

  // MARK: Encoding

  static func encode(_ entry: String) -> [UInt8] {
    var out: [UInt8] = []
    for byte in entry.utf8 {
      switch byte {
      case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
      case UInt8(ascii: "\n"): out += Array("\\n".utf8)
      case 0: continue
      default: out.append(byte)
      }
    }
    return out
  }

  static func decode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    var escaped = false
    for byte in bytes {
      if escaped {
        out.append(byte == UInt8(ascii: "n") ? UInt8(ascii: "\n") : byte)
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: Files

  /// Records the first failure as a warning; after a failed write, stops writing.
  private func fail(_ what: String, errno code: Int32) {
    if what == "cannot write" { writable = false }
    guard !warned else { return }
    warned = true
    warning = "docksim: \(what) history file \(path): \(String(cString: strerror(code)))"
  }

  private func makeParentDirectory() -> Bool {
    var directory = ""
    for component in path.split(separator: "/").dropLast() {
      directory += "/" + component
      if mkdir(directory, 0o700) != 0 && errno != EEXIST {
        fail("cannot write", errno: errno)
        return false
      }
    }
    return true
  }

  private func endsWithoutNewline(_ fd: Int32) -> Bool {
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_size > 0 else { return false }
    var last: UInt8 = 0
    guard pread(fd, &last, 1, info.st_size - 1) == 1 else { return false }
    return last != UInt8(ascii: "\n")
  }

  private func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written > 0 {
          offset += written
        } else if !(written < 0 && errno == EINTR) {
          return false
        }
      }
      return true
    }
  }

  /// Replaces the file with `entries` atomically: a crash leaves the old file or the new one.
  private func rewrite(_ entries: [String]) {
    let temporary = path + ".tmp.\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    let bytes = entries.flatMap { Self.encode($0) + [UInt8(ascii: "\n")] }
    let ok = writeAll(bytes, to: fd) && fsync(fd) == 0
    close(fd)
    if !ok || rename(temporary, path) != 0 { unlink(temporary) }
  }
}
