import DockSimCore

/// Where the current shell's files are: the host's simulated home or a container's file system.
extension Session {
  /// The file system of the current shell's place, for reading.
  public var filesystem: any ShellFilesystem {
    switch currentShell.place {
    case .host:
      return hostFilesystem.tree ?? HostFilesystem.initialTree(at: engine.clock.now)
    case .container(let id):
      return ShellSeams.containerFilesystem(id, in: self)
    }
  }

  /// Runs `body` on the current place's file system and keeps what it changed.
  public mutating func withFilesystem<R>(_ body: (inout any ShellFilesystem) -> R) -> R {
    switch currentShell.place {
    case .host:
      var fs: any ShellFilesystem = hostFilesystem.materialize(at: engine.clock.now)
      // Drop our reference while `body` changes it, so the change is made in place.
      hostFilesystem.tree = nil
      let result = body(&fs)
      hostFilesystem.tree = fs as? MemoryFilesystem
      return result
    case .container(let id):
      var fs = ShellSeams.containerFilesystem(id, in: self)
      let result = body(&fs)
      ShellSeams.storeContainerFilesystem(fs, id, in: &self)
      return result
    }
  }

  /// The home directory of the current place's user.
  var homeDirectory: String {
    if let home = currentShell.environment["HOME"] { return home }
    switch currentShell.place {
    case .host: return HostFilesystem.home
    case .container: return "/root"
    }
  }

  /// `path` made absolute against the current directory (not resolved).
  func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let cwd = currentShell.cwd
    return cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
  }
}

/// The points where other areas plug into the shell. Each is a small function so
/// the engineer who owns the other side can replace its body.
enum ShellSeams {
  /// A container's file system. (Stand-in until containers keep their union file
  /// systems: a small scratch tree kept beside the host's, one per container ID.)
  static func containerFilesystem(_ id: String, in session: Session) -> any ShellFilesystem {
    session.hostFilesystem.scratchContainers[id] ?? ScratchContainer.tree(at: session.engine.clock.now)
  }

  static func storeContainerFilesystem(_ fs: any ShellFilesystem, _ id: String, in session: inout Session) {
    if let tree = fs as? MemoryFilesystem { session.hostFilesystem.scratchContainers[id] = tree }
  }

  /// `exit` in a container's main shell: pops the frame. (The containers area
  /// replaces this with `session.leaveContainerShell(status:)`, which also stops it.)
  static func leaveContainerShell(status: Int32, session: inout Session) {
    guard session.shells.count > 1 else { return }
    session.shells.removeLast()
    session.currentShell.lastStatus = status
  }
}

/// A minimal Linux tree for containers whose image has no layers to show yet.
enum ScratchContainer {
  static func tree(at now: Timestamp) -> MemoryFilesystem {
    var fs = MemoryFilesystem(created: now)
    fs.populate(
      directories: [
        "/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr",
        "/usr/bin", "/usr/lib", "/usr/local", "/var", "/var/log", "/opt", "/mnt", "/media", "/boot",
      ],
      files: [
        ("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"),
        ("/etc/group", "root:x:0:\n"),
        ("/etc/hostname", "localhost\n"),
      ], at: now)
    try? fs.setPermissions("/tmp", 0o1777, at: now)
    try? fs.setPermissions("/root", 0o700, at: now)
    return fs
  }
}
