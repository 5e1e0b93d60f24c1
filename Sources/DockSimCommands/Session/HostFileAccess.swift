import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The real machine's files, for the few commands that are meant to reach them:
/// `docker save -o`, `docker load -i`, `docker import FILE`, `docker export -o`.
///
/// A session starts with `InMemoryHostFiles`, so tests and lessons never touch the
/// disk; the `docksim` executable opts into `LocalDiskFiles`. Everything else a
/// student types works on the simulated filesystems only.
public protocol HostFileAccess: Sendable {
  mutating func read(_ path: String) throws(HostFileError) -> [UInt8]
  mutating func write(_ path: String, _ bytes: [UInt8]) throws(HostFileError)
}

/// A failed read or write, worded as Go's os package words it (`open x: no such file or directory`).
public struct HostFileError: Error, Sendable, Hashable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// Files kept in the session (tests, lessons, a classroom machine without a disk).
public struct InMemoryHostFiles: HostFileAccess {
  public var files: [String: [UInt8]] = [:]
  public init() {}

  public mutating func read(_ path: String) throws(HostFileError) -> [UInt8] {
    guard let bytes = files[path] else { throw HostFileError("open \(path): no such file or directory") }
    return bytes
  }

  public mutating func write(_ path: String, _ bytes: [UInt8]) throws(HostFileError) {
    files[path] = bytes
  }
}

/// The real disk, relative to the directory docksim was started in.
public struct LocalDiskFiles: HostFileAccess {
  public init() {}

  public mutating func read(_ path: String) throws(HostFileError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw HostFileError("open \(path): " + reason(path))
    }
    return [UInt8](data)
  }

  public mutating func write(_ path: String, _ bytes: [UInt8]) throws(HostFileError) {
    // Write a sibling, flush it, then rename: a failed or interrupted save never
    // leaves half an archive under the name the user gave.
    let temporary = path + ".docksim-tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw HostFileError("open \(path): " + reason(path)) }
    var written = 0
    let ok = bytes.withUnsafeBytes { buffer -> Bool in
      while written < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n <= 0 { return false }
        written += n
      }
      return fsync(fd) == 0
    }
    close(fd)
    guard ok, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw HostFileError("write \(path): no space left on device")
    }
  }

  /// Why `path` cannot be opened: it (or, for a write, its folder) is missing, or it is not ours to open.
  private func reason(_ path: String) -> String {
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    if !FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: folder) {
      return "no such file or directory"
    }
    return FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file or directory"
  }
}
