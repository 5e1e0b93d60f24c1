import DockSimCore

/// The host shell's filesystem: a union filesystem over an empty base, in memory,
/// never the real disk.
///
/// The student is user 1000 (`student`) with home `/home/student`; files made at
/// the `$ ` prompt (`cat > Dockerfile <<EOF`) live here so `docker build` can read them.
/// The tree is made on first use, stamped with the session's clock.
public struct HostFilesystem: Sendable {
  public static let home = "/home/student"
  public static let user = (name: "student", uid: UInt32(1000), gid: UInt32(1000))

  /// Nil until the shell first touches the host's files.
  public var tree: ContainerFS?

  public init() {}

  /// The tree, made now if it does not exist yet.
  public mutating func materialize(at now: Timestamp) -> ContainerFS {
    if let tree { return tree }
    let made = Self.initialTree(at: now)
    tree = made
    return made
  }

  static func initialTree(at now: Timestamp) -> ContainerFS {
    var fs = ContainerFS.empty(rootMetadata: FileMetadata(mode: 0o755, mtime: now))
    fs.populate(
      directories: ["/etc", "/home", "/tmp", "/dev"],
      files: [
        ("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nstudent:x:1000:1000:student:/home/student:/bin/bash\n"),
        ("/etc/group", "root:x:0:\nstudent:x:1000:\n"),
        ("/etc/hostname", "docksim\n"),
      ], at: now)
    try? fs.chmod("/tmp", mode: 0o1777)
    try? fs.mkdir(home, mode: 0o755, at: now)
    try? fs.chown(home, uid: user.uid, gid: user.gid)
    return fs
  }
}

extension ContainerFS {
  /// Makes directories and small text files (parents first), for the simulated trees.
  mutating func populate(directories: [String], files: [(String, String)], at now: Timestamp) {
    for directory in directories { try? mkdir(directory, mode: 0o755, at: now) }
    for (path, text) in files { try? writeFile(path, FileData(text), at: now) }
  }
}
