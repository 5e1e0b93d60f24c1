/// Docker's `-init` layer: the read-only layer the daemon puts between an image and
/// each container's writable layer (moby `daemon/initlayer`, overlay2's `<id>-init`).
///
/// It holds the mount points and placeholders the runtime needs, all owned by root:
/// the directories `/dev/pts`, `/dev/shm`, `/proc`, `/sys` (0755), the empty files
/// `/.dockerenv`, `/etc/resolv.conf`, `/etc/hosts`, `/etc/hostname`, `/dev/console`
/// (created with 0755, as moby's `os.OpenFile(..., O_CREATE, 0o755)` does under umask
/// 022), and the symlink `/etc/mtab -> /proc/mounts`. Missing parents (`/dev`, `/etc`)
/// are 0755 directories. Because the init layer is the topmost lower layer, its
/// directories' metadata is what a container shows for `/etc` and `/dev`.
///
/// The content is the same for every container, so docksim builds it once per image
/// into the shared root view (`ContainerStore.rootView`); the per-container parts
/// (the files' real contents, the layer's creation time) come from the container's
/// mount table (`ContainerMounts`). `docker diff` and `docker commit` never show it
/// (the diff's parent is the init layer), `docker export` does (it tars the merged root).
public enum InitLayer {
  /// The paths moby's `initlayer.Setup` creates, as the layer holds them.
  public static let layer: Layer = {
    var builder = LayerBuilder(mtime: Timestamp(seconds: 0))
    for directory in ["/dev/pts", "/dev/shm", "/proc", "/sys"] {
      builder.directory(directory, mode: 0o755)
    }
    for file in ["/.dockerenv", "/etc/resolv.conf", "/etc/hosts", "/etc/hostname", "/dev/console"] {
      builder.file(file, data: FileData(), mode: 0o755)
    }
    builder.symlink("/etc/mtab", to: "/proc/mounts")
    return builder.build()
  }()

  /// The root view of a container of an image whose layers are `imageLayers`.
  public static func containerRoot(_ imageLayers: [Layer]) -> MergedView {
    MergedView(layers: imageLayers + [layer])
  }

  /// The index of the init layer in `view`, when the view is a container root.
  public static func index(in view: MergedView) -> Int? {
    guard let last = view.layers.last, last.diffID == layer.diffID else { return nil }
    return view.layers.count - 1
  }
}

extension InitLayer {
  /// True when only the init layer provides `path` in `view` (`/proc` in an image
  /// that has none): such names say nothing about what the image contains.
  public static func providesOnly(_ path: String, in view: MergedView) -> Bool {
    guard let index = index(in: view), let whence = view.whence(path) else { return false }
    return whence.layer == index && whence.below.isEmpty
  }
}
