import DockSimCore

/// Containers for tests that enter a shell in one without `docker run`: a real container
/// in the engine's store (running, over the filesystem the test gives), so the shell
/// reaches it the way it reaches any other.
public enum ContainerFixtures {
  /// An ID of 64 hex digits, as the engine gives.
  public static let id = String(repeating: "ab", count: 32)

  /// A running container over `filesystem`, named by its short ID unless `name` is given.
  public static func running(
    id: String = id, filesystem: ContainerFS, imageID: Digest = Digest.sha256(""), reference: String = "scratch",
    name: String? = nil, at now: Timestamp
  ) -> Container {
    var container = Container(
      id: id, name: name ?? String(id.prefix(12)), imageReference: reference, imageID: imageID, path: "bash",
      args: [], cmd: ["bash"], created: now, filesystem: filesystem)
    container.state.running = true
    container.state.startedAt = now
    return container
  }

  /// A minimal Linux tree: the directories and `/etc` files a shell in a container expects.
  public static func minimalTree(at now: Timestamp) -> ContainerFS {
    var fs = ContainerFS.empty(rootMetadata: FileMetadata(mode: 0o755, mtime: now))
    let directories = [
      "/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr",
      "/usr/bin", "/usr/lib", "/usr/local", "/var", "/var/log", "/opt", "/mnt", "/media", "/boot",
    ]
    for directory in directories { try? fs.mkdir(directory, mode: 0o755, at: now) }
    let files = [
      ("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"),
      ("/etc/group", "root:x:0:\n"),
      ("/etc/hostname", "localhost\n"),
    ]
    for (path, text) in files { try? fs.writeFile(path, FileData(text), at: now) }
    try? fs.chmod("/tmp", mode: 0o1777)
    try? fs.chmod("/root", mode: 0o700)
    return fs
  }
}
