import DockSimCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a scenario layer as Docker's overlay2 driver stores an extracted layer: a plain
/// tree where a whiteout is a character device 0/0 and an opaque directory carries the
/// xattr `trusted.overlay.opaque=y`.
enum LayerWriter {
  static func write(_ items: [LayerItem], at root: String) throws {
    try KernelRunner.makeDirectory(root)
    for directory in items.directoryClosure { try KernelRunner.makeDirectory(root + directory) }
    for item in items { try create(item, root: root) }
    // Modes and times last, deepest first, so creating children cannot disturb them.
    for item in items { try setTimes(item, root: root) }
    var directoryModes: [String: UInt32] = [:]
    for case .directory(let path, let mode, _) in items { directoryModes[path] = mode }
    for directory in items.directoryClosure.reversed() {
      let path = root + directory
      try check(chmod(path, mode_t(directoryModes[directory] ?? 0o755)), "chmod", path)
      try stamp(path, defaultLayerMTime)
    }
  }

  private static func create(_ item: LayerItem, root: String) throws {
    let path = root + item.path
    switch item {
    case .directory(_, _, let opaque):
      if opaque { try Xattr.set(path, "trusted.overlay.opaque", "y") }
    case .file(_, let content, let mode, _):
      guard FileManager.default.createFile(atPath: path, contents: Data(content.utf8)) else {
        throw KernelRunner.Failure(description: "cannot create \(path)")
      }
      try check(chmod(path, mode_t(mode)), "chmod", path)
    case .symlink(_, let target):
      try check(symlink(target, path), "symlink", path)
    case .hardLink(_, let existing):
      try check(link(root + existing, path), "link", path)
    case .whiteout:
      try check(mknod(path, S_IFCHR, 0), "mknod", path)
    }
  }

  private static func setTimes(_ item: LayerItem, root: String) throws {
    switch item {
    case .file(let path, _, _, let mtime): try stamp(root + path, mtime)
    case .symlink(let path, _): try stamp(root + path, defaultLayerMTime)
    case .directory, .hardLink, .whiteout: break
    }
  }

  private static func stamp(_ path: String, _ seconds: Int64) throws {
    var times = [timespec(tv_sec: Int(seconds), tv_nsec: 0), timespec(tv_sec: Int(seconds), tv_nsec: 0)]
    try check(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW), "utimensat", path)
  }

  private static func check(_ result: Int32, _ call: String, _ path: String) throws {
    guard result == 0 else {
      throw KernelRunner.Failure(description: "\(call) \(path): \(String(cString: strerror(errno)))")
    }
  }
}

/// Reads a directory tree back with `lstat`, `readlink` and, in an upper dir, the overlay
/// markers.
enum TreeReader {
  static func read(_ root: String, overlayMarkers: Bool = false) throws -> Tree {
    var tree = Tree()
    try walk(root: root, relative: "", into: &tree, overlayMarkers: overlayMarkers)
    return tree
  }

  private static func walk(root: String, relative: String, into tree: inout Tree, overlayMarkers: Bool) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: root + (relative.isEmpty ? "/" : relative))
    for name in names.sorted() {
      let path = relative + "/" + name
      let entry = try self.entry(root + path, overlayMarkers: overlayMarkers)
      tree.entries[path] = entry
      if entry.kind == .directory {
        try walk(root: root, relative: path, into: &tree, overlayMarkers: overlayMarkers)
      }
    }
  }

  private static func entry(_ path: String, overlayMarkers: Bool) throws -> TreeEntry {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      throw KernelRunner.Failure(description: "lstat \(path): \(String(cString: strerror(errno)))")
    }
    var entry = TreeEntry(kind: kind(info), permissions: UInt32(info.st_mode) & 0o7777)
    entry.size = Int(info.st_size)
    entry.linkCount = Int(info.st_nlink)
    entry.mtime = Timestamp(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
    entry.inode = UInt64(info.st_ino)
    entry.uid = info.st_uid
    entry.gid = info.st_gid
    entry.rdev = UInt64(info.st_rdev)
    switch entry.kind {
    case .file:
      entry.content = Array(FileManager.default.contents(atPath: path) ?? Data())
    case .symlink:
      entry.linkTarget = try FileManager.default.destinationOfSymbolicLink(atPath: path)
    case .directory:
      entry.opaque = overlayMarkers && Xattr.get(path, "trusted.overlay.opaque") == "y"
    case .whiteout, .other:
      break
    }
    return entry
  }

  private static func kind(_ info: stat) -> TreeEntry.Kind {
    switch UInt32(info.st_mode) & UInt32(S_IFMT) {
    case UInt32(S_IFDIR): return .directory
    case UInt32(S_IFREG): return .file
    case UInt32(S_IFLNK): return .symlink
    case UInt32(S_IFCHR) where info.st_rdev == 0: return .whiteout
    default: return .other
    }
  }
}

/// `setxattr`/`lgetxattr`, which the Glibc module does not export: looked up at run time.
enum Xattr {
  private typealias SetFunction =
    @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeRawPointer, Int, Int32) -> Int32
  private typealias GetFunction =
    @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int

  private static func function<T>(_ name: String, as type: T.Type) -> T? {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
    return unsafeBitCast(symbol, to: type)
  }

  static func set(_ path: String, _ name: String, _ value: String) throws {
    guard let setxattr = function("setxattr", as: SetFunction.self) else {
      throw KernelRunner.Failure(description: "setxattr not found in libc")
    }
    let bytes = Array(value.utf8)
    guard setxattr(path, name, bytes, bytes.count, 0) == 0 else {
      throw KernelRunner.Failure(description: "setxattr \(name) \(path): \(String(cString: strerror(errno)))")
    }
  }

  static func get(_ path: String, _ name: String) -> String? {
    guard let lgetxattr = function("lgetxattr", as: GetFunction.self) else { return nil }
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = lgetxattr(path, name, &buffer, buffer.count)
    guard count >= 0 else { return nil }
    return String(decoding: buffer.prefix(count), as: UTF8.self)
  }
}
