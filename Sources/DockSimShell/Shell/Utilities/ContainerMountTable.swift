import DockSimCore

/// The mounts a container's processes see (`/proc/mounts`), as runc sets them up for
/// Docker's default spec on the simulated host (kernel 5.4, cgroup v1, an ext4 root
/// on /dev/sda1): the overlay root with the lower, upper and work directories
/// `docker inspect` names, /proc, /dev, /sys and the cgroup hierarchies, the three
/// bind-mounted files, /dev/console for a tty, and the masked and read-only paths.
struct ContainerMountTable {
  struct Entry: Equatable {
    var source: String
    var target: String
    var type: String
    var options: String
  }

  var entries: [Entry]

  static let hostDisk = "/dev/sda1"

  init(container: Container, image: Image?) {
    let proc = "nosuid,nodev,noexec,relatime"
    let devpts = "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666"
    let small = "rw,nosuid,size=65536k,mode=755"
    var list = [
      Entry(source: "overlay", target: "/", type: "overlay", options: Self.overlayOptions(container, image: image)),
      Entry(source: "proc", target: "/proc", type: "proc", options: "rw," + proc),
      Entry(source: "tmpfs", target: "/dev", type: "tmpfs", options: small),
      Entry(source: "devpts", target: "/dev/pts", type: "devpts", options: devpts),
      Entry(source: "sysfs", target: "/sys", type: "sysfs", options: "ro," + proc),
      Entry(source: "tmpfs", target: "/sys/fs/cgroup", type: "tmpfs", options: "rw,\(proc),mode=755"),
    ]
    let controllers = [
      ("systemd", "xattr,name=systemd"), ("cpuset", "cpuset"), ("cpu,cpuacct", "cpu,cpuacct"), ("blkio", "blkio"),
      ("memory", "memory"), ("devices", "devices"), ("freezer", "freezer"), ("net_cls,net_prio", "net_cls,net_prio"),
      ("perf_event", "perf_event"), ("hugetlb", "hugetlb"), ("pids", "pids"), ("rdma", "rdma"),
    ]
    for (name, option) in controllers {
      list.append(Entry(source: "cgroup", target: "/sys/fs/cgroup/" + name, type: "cgroup", options: "ro,\(proc),\(option)"))
    }
    list += [
      Entry(source: "mqueue", target: "/dev/mqueue", type: "mqueue", options: "rw," + proc),
      Entry(source: "shm", target: "/dev/shm", type: "tmpfs", options: "rw,\(proc),size=65536k"),
    ]
    for file in ["/etc/resolv.conf", "/etc/hostname", "/etc/hosts"] {
      list.append(Entry(source: Self.hostDisk, target: file, type: "ext4", options: "rw,relatime"))
    }
    if container.tty { list.append(Entry(source: "devpts", target: "/dev/console", type: "devpts", options: devpts)) }
    for path in ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"] {
      list.append(Entry(source: "proc", target: path, type: "proc", options: "ro," + proc))
    }
    list.append(Entry(source: "tmpfs", target: "/proc/acpi", type: "tmpfs", options: "ro,relatime"))
    for path in ["/proc/kcore", "/proc/keys", "/proc/timer_list", "/proc/sched_debug"] {
      list.append(Entry(source: "tmpfs", target: path, type: "tmpfs", options: small))
    }
    list.append(Entry(source: "tmpfs", target: "/proc/scsi", type: "tmpfs", options: "ro,relatime"))
    list.append(Entry(source: "tmpfs", target: "/sys/firmware", type: "tmpfs", options: "ro,relatime"))
    entries = list
  }

  /// overlay2 mounts the lower directories through their short links (`l/ID`, 26
  /// characters of base32, kept in each layer's `link` file) so the option string
  /// fits a page; upperdir and workdir are the full paths `docker inspect` shows.
  static func overlayOptions(_ container: Container, image: Image?) -> String {
    let directories = Overlay2Directories(container: container, image: image)
    let lower = directories.lower.map { directory in "/var/lib/docker/overlay2/l/" + shortLink(directory) }
    return "rw,relatime,lowerdir=" + lower.joined(separator: ":") + ",upperdir=" + directories.upperDir + ",workdir="
      + directories.workDir
  }

  /// A layer directory's short link name: 26 base32 characters, derived from its path
  /// (random in Docker, stable here).
  static func shortLink(_ diffDirectory: String) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    let layerDirectory = diffDirectory.hasSuffix("/diff") ? String(diffDirectory.dropLast(5)) : diffDirectory
    let bytes = Digest.sha256("link " + layerDirectory).hex.utf8.map { UInt8($0) }
    return String((0..<26).map { alphabet[Int(bytes[$0 * 2] &+ bytes[$0 * 2 + 1]) % 32] })
  }

  /// `/proc/mounts`: `SOURCE TARGET TYPE OPTIONS 0 0`.
  var procMounts: String {
    entries.map { "\($0.source) \($0.target) \($0.type) \($0.options) 0 0\n" }.joined()
  }

  /// `mount` without arguments (util-linux and busybox alike): `SOURCE on TARGET type TYPE (OPTIONS)`.
  var mountListing: String {
    entries.map { "\($0.source) on \($0.target) type \($0.type) (\($0.options))\n" }.joined()
  }
}

extension Session {
  /// The current container and its image, when the shell is in one the engine knows.
  var currentContainer: (Container, Image?)? {
    guard case .container(let id) = currentShell.place, let container = engine.containers[id: id] else { return nil }
    return (container, engine.images.image(container.imageID))
  }

  /// Whether the image's `name` is busybox (alpine, busybox) rather than util-linux/coreutils/procps.
  func isBusybox(_ name: String) -> Bool {
    guard let path = SystemTools.executablePath(name, in: self) else { return false }
    var fs = filesystem
    return PathText.basename((try? fs.stat(path))?.path ?? path) == "busybox"
  }
}

/// `mount` with no arguments lists the mounts; mounting needs privileges a container lacks.
struct MountProgram: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    guard let (container, image) = session.currentContainer else { return 1 }
    guard invocation.operands.isEmpty else {
      console.errorLine("docksim: mount: only the listing (no arguments) is simulated")
      return 126
    }
    console.write(ContainerMountTable(container: container, image: image).mountListing)
    return 0
  }
}
