import DockSimCore
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
  /// The file's bytes without copying them (`docker load -i`): a read-only mapping on
  /// the disk, the buffer itself in memory.
  mutating func map(_ path: String) throws(HostFileError) -> SharedBytes
  mutating func write(_ path: String, _ bytes: [UInt8]) throws(HostFileError)
  /// Writes what `produce` streams (`docker save -o`), never holding a large archive whole on the disk's side.
  mutating func write(_ path: String, streaming produce: (inout HostFileSink) -> Void) throws(HostFileError)
}

extension HostFileAccess {
  public mutating func map(_ path: String) throws(HostFileError) -> SharedBytes {
    SharedBytes(try read(path))
  }

  public mutating func write(_ path: String, streaming produce: (inout HostFileSink) -> Void) throws(HostFileError) {
    var sink = HostFileSink()
    produce(&sink)
    try write(path, sink.bytes)
  }
}

/// Where a streamed host file's bytes go: an array (sessions in memory, standard
/// output), or a file descriptor through a 1 MiB buffer.
public struct HostFileSink: ByteSink {
  public private(set) var bytes: [UInt8] = []
  private let descriptor: Int32?
  /// A write to the descriptor failed; the rest is dropped and the caller reports it.
  public private(set) var failed = false
  private static let bufferSize = 1 << 20

  /// A sink that collects the bytes in memory.
  public init() { descriptor = nil }

  init(descriptor: Int32) {
    self.descriptor = descriptor
    bytes.reserveCapacity(Self.bufferSize)
  }

  public mutating func write(_ buffer: UnsafeRawBufferPointer) {
    guard let descriptor else {
      bytes.append(contentsOf: buffer)
      return
    }
    if bytes.count + buffer.count <= Self.bufferSize {
      bytes.append(contentsOf: buffer)
      return
    }
    flush()
    // A large stored body goes out from where it lies, not through the buffer.
    if buffer.count >= Self.bufferSize { writeAll(descriptor, buffer) } else { bytes.append(contentsOf: buffer) }
  }

  /// Writes out what is buffered (files only).
  mutating func flush() {
    guard let descriptor, !bytes.isEmpty else { return }
    let pending = bytes
    bytes.removeAll(keepingCapacity: true)
    pending.withUnsafeBytes { writeAll(descriptor, $0) }
  }

  private mutating func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) {
    guard !failed, let base = buffer.baseAddress else { return }
    var written = 0
    while written < buffer.count {
      let n = Glibc.write(descriptor, base + written, buffer.count - written)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        failed = true
        return
      }
      written += n
    }
  }
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

  /// Maps the file read-only. Loading then records where each body lies in the
  /// mapping; the pages are the kernel's page cache, read again from the file after
  /// `dropResidentPages`. Files that cannot be mapped (pipes) are read instead.
  ///
  /// The mapping is private: if another program rewrites the archive in place while
  /// docksim runs, bodies not yet read may show the new bytes, and truncating it makes
  /// reads fault. `docker save -o` over the same name is safe (it writes a new file
  /// and renames it, so the mapped one stays as it was).
  public mutating func map(_ path: String) throws(HostFileError) -> SharedBytes {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw HostFileError("open \(path): " + reason(path)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw HostFileError("open \(path): " + reason(path)) }
    if info.st_mode & S_IFMT == S_IFDIR { throw HostFileError("read \(path): is a directory") }
    let size = Int(info.st_size)
    guard info.st_mode & S_IFMT == S_IFREG, size > 0 else { return SharedBytes(try read(path)) }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
      return SharedBytes(try read(path))
    }
    return SharedBytes(
      mapping: UnsafeRawBufferPointer(start: address, count: size),
      release: { munmap(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) },
      evict: { _ = madvise(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count, Int32(MADV_DONTNEED)) })
  }

  public mutating func write(_ path: String, _ bytes: [UInt8]) throws(HostFileError) {
    try write(path) { sink in bytes.withUnsafeBytes { sink.write($0) } }
  }

  public mutating func write(_ path: String, streaming produce: (inout HostFileSink) -> Void) throws(HostFileError) {
    // Write a sibling, flush it, then rename: a failed or interrupted save never
    // leaves half an archive under the name the user gave.
    let temporary = path + ".docksim-tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw HostFileError("open \(path): " + reason(path)) }
    var sink = HostFileSink(descriptor: fd)
    produce(&sink)
    sink.flush()
    let ok = !sink.failed && fsync(fd) == 0
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
