import DockSimCore

/// The errors of the file system calls the utilities make, with the C library's texts.
public enum Errno: Error, Sendable, Hashable {
  case noEntry, notDirectory, isDirectory, exists, notEmpty, loop, crossDevice, invalid
  case permissionDenied, notPermitted, busy, nameTooLong, noSpace, readOnly

  /// `strerror` in glibc's English.
  public var message: String {
    switch self {
    case .noEntry: return "No such file or directory"
    case .notDirectory: return "Not a directory"
    case .isDirectory: return "Is a directory"
    case .exists: return "File exists"
    case .notEmpty: return "Directory not empty"
    case .loop: return "Too many levels of symbolic links"
    case .crossDevice: return "Invalid cross-device link"
    case .invalid: return "Invalid argument"
    case .permissionDenied: return "Permission denied"
    case .notPermitted: return "Operation not permitted"
    case .busy: return "Device or resource busy"
    case .nameTooLong: return "File name too long"
    case .noSpace: return "No space left on device"
    case .readOnly: return "Read-only file system"
    }
  }
}

public enum FileKind: Sendable, Hashable {
  case regular, directory, symlink, characterDevice, fifo, socket
}

/// What `lstat`/`stat` return.
public struct FileInfo: Sendable, Hashable {
  public var kind: FileKind
  /// Permission bits including setuid, setgid and sticky (`0o7777`).
  public var permissions: UInt32
  public var size: Int
  public var links: Int
  public var uid: Int
  public var gid: Int
  public var modified: Timestamp
  public var changed: Timestamp
  public var accessed: Timestamp
  public var inode: UInt64
  /// For a symbolic link: what it points to.
  public var linkTarget: String?

  public init(
    kind: FileKind, permissions: UInt32, size: Int, links: Int = 1, uid: Int = 0, gid: Int = 0,
    modified: Timestamp, changed: Timestamp? = nil, accessed: Timestamp? = nil, inode: UInt64 = 0,
    linkTarget: String? = nil
  ) {
    self.kind = kind
    self.permissions = permissions
    self.size = size
    self.links = links
    self.uid = uid
    self.gid = gid
    self.modified = modified
    self.changed = changed ?? modified
    self.accessed = accessed ?? modified
    self.inode = inode
    self.linkTarget = linkTarget
  }

  public var isDirectory: Bool { kind == .directory }
}

/// A file's bytes; large runs of one byte (`dd if=/dev/zero`) stay small in memory.
public enum FileContent: Sendable, Hashable {
  case bytes([UInt8])
  case repeating(UInt8, count: Int)

  public static let empty = FileContent.bytes([])

  public var count: Int {
    switch self {
    case .bytes(let b): return b.count
    case .repeating(_, let n): return n
    }
  }

  /// Bytes `range` of the file, clamped to its size.
  public func bytes(in range: Range<Int>) -> [UInt8] {
    let clamped = range.clamped(to: 0..<count)
    switch self {
    case .bytes(let b): return Array(b[clamped])
    case .repeating(let byte, _): return [UInt8](repeating: byte, count: clamped.count)
    }
  }

  /// All bytes; callers that may meet huge files use `bytes(in:)` with a limit.
  public var allBytes: [UInt8] { bytes(in: 0..<count) }

  public func appending(_ other: FileContent) -> FileContent {
    if case .repeating(let a, let n) = self, case .repeating(let b, let m) = other, a == b {
      return .repeating(a, count: n + m)
    }
    if count == 0 { return other }
    if other.count == 0 { return self }
    return .bytes(allBytes + other.allBytes)
  }
}

/// The file system calls the shell and its utilities make, on absolute paths.
///
/// Implementations resolve symbolic links themselves (at most 40 hops, then
/// `.loop`), never let `..` climb above `/`, and answer with `Errno` values so the
/// utilities can print coreutils' messages. The host's `MemoryFilesystem` and a
/// container's union file system both conform.
public protocol ShellFilesystem: Sendable {
  func info(_ path: String, followingLinks: Bool) throws(Errno) -> FileInfo
  /// The names in a directory (no `.` or `..`), sorted by byte value.
  func names(inDirectory path: String) throws(Errno) -> [String]
  func read(_ path: String) throws(Errno) -> FileContent
  func readLink(_ path: String) throws(Errno) -> String

  /// Creates or replaces (or appends to) a regular file; follows a final symbolic link.
  mutating func write(_ path: String, _ content: FileContent, appending: Bool, at now: Timestamp) throws(Errno)
  mutating func makeDirectory(_ path: String, permissions: UInt32, at now: Timestamp) throws(Errno)
  mutating func removeDirectory(_ path: String, at now: Timestamp) throws(Errno)
  mutating func unlink(_ path: String, at now: Timestamp) throws(Errno)
  mutating func rename(_ source: String, to destination: String, at now: Timestamp) throws(Errno)
  mutating func makeSymbolicLink(_ path: String, target: String, at now: Timestamp) throws(Errno)
  mutating func makeHardLink(_ path: String, to existing: String, at now: Timestamp) throws(Errno)
  mutating func setPermissions(_ path: String, _ permissions: UInt32, at now: Timestamp) throws(Errno)
  mutating func setOwner(_ path: String, uid: Int?, gid: Int?, followingLinks: Bool, at now: Timestamp) throws(Errno)
  mutating func setModified(_ path: String, _ time: Timestamp, at now: Timestamp) throws(Errno)
}

extension ShellFilesystem {
  func info(_ path: String) throws(Errno) -> FileInfo { try info(path, followingLinks: true) }

  /// `stat` succeeds (following links).
  func exists(_ path: String) -> Bool { (try? info(path, followingLinks: true)) != nil }

  func isDirectory(_ path: String) -> Bool { (try? info(path, followingLinks: true))?.kind == .directory }
}
