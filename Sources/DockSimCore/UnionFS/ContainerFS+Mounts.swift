/// What a running container sees on top of its union mount: the files Docker
/// bind-mounts over the init layer's empty placeholders (`/etc/hostname`,
/// `/etc/hosts`, `/etc/resolv.conf`, kept per container under
/// `/var/lib/docker/containers/ID/`), and when its init layer was made.
///
/// Reads, stats and writes of exactly those paths go to the mounted file, never to
/// the writable layer: `echo x >> /etc/hosts` changes nothing `docker diff` sees,
/// and `rm /etc/hosts` fails with EBUSY as on a mount point. `docker export` tars
/// the merged root as the daemon mounts it, without these (`withoutMounts`).
public struct ContainerMounts: Sendable, Hashable {
  /// Bind-mounted files by container path.
  public var files: [String: RegularFile] = [:]
  /// The init layer's index in the container's root view, and its creation time:
  /// the layer is shared, its dates are the container's.
  public var initLayer: Int?
  public var initTime = Timestamp(seconds: 0)

  public init() {}

  public var isEmpty: Bool { files.isEmpty && initLayer == nil }

  /// A stat as the container sees it: a mounted file's size and metadata (with the
  /// inode of the file under the mount point, as bind mounts keep their own), the
  /// init layer's objects dated when the container was created.
  func apply(to stat: FileStat) -> FileStat {
    var stat = stat
    if let file = files[stat.path], stat.kind == .regular {
      stat.metadata = file.metadata
      stat.size = file.data.size
      stat.linkCount = 1
      return stat
    }
    if let initLayer, stat.place == .image(initLayer) { stat.metadata.mtime = initTime }
    return stat
  }
}

extension ContainerFS {
  /// The filesystem as the daemon sees the merged directory: no bind mounts.
  public var withoutMounts: ContainerFS {
    var fs = self
    fs.mounts.files = [:]
    return fs
  }

  /// Mounts `file` at `path` (a bind mount over what the layers hold there).
  public mutating func mount(_ path: String, _ file: RegularFile) {
    mounts.files[LayerBuilder.normalize(path)] = file
  }

  /// The mounted file at a resolved path, if one is mounted there.
  func mountedFile(_ path: String) -> RegularFile? {
    mounts.files.isEmpty ? nil : mounts.files[path]
  }

  /// `open(O_WRONLY)` on a bind-mounted file: the write goes to the mounted file.
  mutating func writeMounted(_ path: String, _ data: FileData, append: Bool, at time: Timestamp) {
    mounts.files[path]?.write(data, append: append, at: time)
  }

  /// Unlinking or renaming a mount point fails as the kernel does (EBUSY).
  func checkNotMountPoint(_ path: String) throws(FSError) {
    if mountedFile(path) != nil { throw .busy }
  }
}
