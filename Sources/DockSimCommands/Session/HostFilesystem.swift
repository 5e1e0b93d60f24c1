import DockSimCore

/// The host shell's filesystem: simulated, in memory, never the real disk.
///
/// The student is user 1000 (`student`) with home `/home/student`; files made at
/// the `$ ` prompt (`cat > Dockerfile <<EOF`) live here so `docker build` can read them.
/// The tree is made on first use, stamped with the session's clock.
public struct HostFilesystem: Sendable, Hashable {
  public static let home = "/home/student"
  public static let user = (name: "student", uid: 1000, gid: 1000)

  /// Nil until the shell first touches the host's files.
  public var tree: MemoryFilesystem?
  /// Stand-in file systems of containers, until the containers keep their own (see `ShellSeams`).
  var scratchContainers: [String: MemoryFilesystem] = [:]

  public init() {}

  /// The tree, made now if it does not exist yet.
  public mutating func materialize(at now: Timestamp) -> MemoryFilesystem {
    if let tree { return tree }
    let made = Self.initialTree(at: now)
    tree = made
    return made
  }

  static func initialTree(at now: Timestamp) -> MemoryFilesystem {
    var fs = MemoryFilesystem(created: now)
    fs.populate(
      directories: ["/etc", "/home", "/tmp", "/dev"],
      files: [
        ("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nstudent:x:1000:1000:student:/home/student:/bin/bash\n"),
        ("/etc/group", "root:x:0:\nstudent:x:1000:\n"),
        ("/etc/hostname", "docksim\n"),
      ], at: now)
    try? fs.setPermissions("/tmp", 0o1777, at: now)
    fs.owner = (user.uid, user.gid)
    try? fs.makeDirectory(home, permissions: 0o755, at: now)
    return fs
  }
}
