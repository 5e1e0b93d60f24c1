import DockSimCore

/// Where the current shell's files are: the host's simulated home or a container's filesystem.
extension Session {
  /// A copy of the current place's filesystem, for looking without recording trace events.
  public var filesystem: ContainerFS {
    switch currentShell.place {
    case .host:
      return hostFilesystem.tree ?? HostFilesystem.initialTree(at: engine.clock.now)
    case .container(let id):
      return ShellSeams.containerFilesystem(id, in: self)
    }
  }

  /// Runs `body` on the current place's filesystem and keeps what it changed
  /// (and, while `tracing` is on, the events it recorded).
  public mutating func withFilesystem<R, E: Error>(_ body: (inout ContainerFS) throws(E) -> R) throws(E) -> R {
    switch currentShell.place {
    case .host:
      var fs = hostFilesystem.materialize(at: engine.clock.now)
      // Drop our reference while `body` changes it, so the change is made in place.
      hostFilesystem.tree = nil
      fs.tracing = tracing
      defer {
        collectTrace(&fs, place: .host)
        hostFilesystem.tree = fs
      }
      return try body(&fs)
    case .container(let id):
      var fs = ShellSeams.containerFilesystem(id, in: self)
      fs.tracing = tracing
      defer {
        collectTrace(&fs, place: .container(id: id))
        ShellSeams.storeContainerFilesystem(fs, id, in: &self)
      }
      return try body(&fs)
    }
  }

  /// Who owns what the current shell creates: the host's student, a container's root.
  var currentUser: (uid: UInt32, gid: UInt32) {
    switch currentShell.place {
    case .host: return (HostFilesystem.user.uid, HostFilesystem.user.gid)
    case .container: return (0, 0)
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
  /// A container's filesystem: the union filesystem the container keeps (a
  /// scratch tree for an ID the engine does not know, which only shell tests use).
  static func containerFilesystem(_ id: String, in session: Session) -> ContainerFS {
    if let container = session.engine.containers[id: id] { return container.filesystem }
    return session.hostFilesystem.scratchContainers[id] ?? ScratchContainer.tree(at: session.engine.clock.now)
  }

  /// Stores a container's changed filesystem back.
  static func storeContainerFilesystem(_ fs: ContainerFS, _ id: String, in session: inout Session) {
    if var container = session.engine.containers[id: id] {
      container.filesystem = fs
      session.engine.containers.update(container)
    } else {
      session.hostFilesystem.scratchContainers[id] = fs
    }
  }

  /// `exit` in a container's shell: pops the frame, and ends the container when
  /// the shell was its main process.
  static func leaveContainerShell(status: Int32, session: inout Session) {
    session.leaveContainerShell(status: status)
  }
}

/// A minimal Linux tree for containers whose image is not known to the shell yet.
enum ScratchContainer {
  static func tree(at now: Timestamp) -> ContainerFS {
    var fs = ContainerFS.empty(rootMetadata: FileMetadata(mode: 0o755, mtime: now))
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
    try? fs.chmod("/tmp", mode: 0o1777)
    try? fs.chmod("/root", mode: 0o700)
    return fs
  }
}
