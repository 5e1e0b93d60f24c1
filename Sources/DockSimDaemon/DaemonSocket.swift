import Glibc

/// The unix socket the daemon listens on: where it goes by default, and whether a
/// file already there belongs to a live daemon (refused) or a dead one (replaced).
public enum DaemonSocket {
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// `$XDG_RUNTIME_DIR/docksim.sock`, else `/tmp/docksim-UID/docksim.sock` in a
  /// directory only the user can enter (made 0700 when missing).
  public static func defaultPath(environment: (String) -> String?) throws(Failure) -> String {
    if let runtime = environment("XDG_RUNTIME_DIR"), !runtime.isEmpty {
      return runtime + "/docksim.sock"
    }
    let directory = "/tmp/docksim-\(getuid())"
    if mkdir(directory, 0o700) != 0, errno != EEXIST {
      throw Failure(description: "cannot create \(directory): \(String(cString: strerror(errno)))")
    }
    var info = stat()
    guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(),
      info.st_mode & 0o077 == 0
    else {
      throw Failure(description: "\(directory) is not a directory of your own that only you can enter; use --socket PATH")
    }
    return directory + "/docksim.sock"
  }

  /// Makes `path` free for a new socket: nothing there, or a socket nobody answers
  /// on (a daemon that died), which is removed. A live daemon's socket, or any other
  /// file, is an error and stays.
  public static func claim(_ path: String) throws(Failure) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    guard info.st_mode & S_IFMT == S_IFSOCK else {
      throw Failure(description: "\(path) exists and is not a socket")
    }
    if answers(path) {
      throw Failure(description: "a daemon is already listening on \(path)")
    }
    unlink(path)
  }

  /// Whether something accepts connections on the unix socket at `path`.
  public static func answers(_ path: String) -> Bool {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in bytes.enumerated() { buffer[index] = byte }
    }
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    return result == 0
  }
}
