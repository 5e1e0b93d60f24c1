import DockSimCore

/// Where the current shell's files are: the host's simulated home or a container's filesystem.
extension Session {
  /// A copy of the current place's filesystem, for looking without recording trace events.
  public var filesystem: ContainerFS {
    switch currentShell.place {
    case .host:
      return hostFilesystem.tree ?? HostFilesystem.initialTree(at: engine.clock.now)
    case .container(let id):
      return containerFilesystem(id)
    }
  }

  /// Runs `body` on the current place's filesystem and keeps what it changed
  /// (and, while `tracing` is on, gives the events it recorded to the narrator).
  public mutating func withFilesystem<R, E: Error>(_ body: (inout ContainerFS) throws(E) -> R) throws(E) -> R {
    switch currentShell.place {
    case .host:
      var fs = hostFilesystem.materialize(at: engine.clock.now)
      // Drop our reference while `body` changes it, so the change is made in place.
      hostFilesystem.tree = nil
      fs.tracing = tracing
      defer {
        recordEvents(of: &fs, place: .host)
        hostFilesystem.tree = fs
      }
      return try body(&fs)
    case .container(let id):
      var fs = containerFilesystem(id)
      fs.tracing = tracing
      defer {
        recordEvents(of: &fs, place: .container(id: id))
        storeContainerFilesystem(fs, id)
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
  package func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let cwd = currentShell.cwd
    return cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
  }

  /// Container `id`'s filesystem, as the engine keeps it (an empty tree for a
  /// container removed while a shell was still in it).
  public func containerFilesystem(_ id: String) -> ContainerFS {
    engine.containers[id: id]?.filesystem ?? .empty(rootMetadata: FileMetadata(mode: 0o755, mtime: engine.clock.now))
  }

  /// Stores container `id`'s changed filesystem back (nothing for a removed container).
  mutating func storeContainerFilesystem(_ fs: ContainerFS, _ id: String) {
    guard var container = engine.containers[id: id] else { return }
    container.filesystem = fs
    engine.containers.update(container)
  }
}
