@testable import DockSimCore

/// The scenario image of overlay-semantics.md: a base layer like the reference harness's
/// (`/etc`, `/opt/app` with files, `/bin` with hard links, `/usr/share`) plus a second layer.
enum Fixture {
  static let t0 = Timestamp(seconds: 1_500_000_000)
  static let t1 = Timestamp(seconds: 1_600_000_000)
  static let t2 = Timestamp(seconds: 1_600_000_100)

  static var base: Layer {
    var b = LayerBuilder(mtime: t0)
    b.file("/etc/motd", "welcome\n")
    b.file("/etc/hosts", "127.0.0.1 localhost\n")
    b.file("/etc/os-release", "NAME=base\n")
    b.directory("/opt")
    b.file("/opt/app/README", "read me\n")
    b.file("/opt/app/bin/run", "#!/bin/sh\n", mode: 0o755)
    b.file("/bin/busybox", size: 1000, seed: 1, mode: 0o755)
    b.hardlink("/bin/sh", to: "/bin/busybox")
    b.file("/usr/share/zoneinfo/UTC", "TZif\n")
    b.symlink("/etc/localtime", to: "../usr/share/zoneinfo/UTC")
    b.file("/usr/bin/tool", size: 10, seed: 2)
    b.file("/var/lib/old/data", "x")
    b.directory("/srv/empty")
    return b.build()
  }

  static var second: Layer {
    var b = LayerBuilder(mtime: t0)
    b.file("/etc/os-release", "NAME=second\n", mode: 0o600)
    b.whiteout("/usr/bin/tool")
    b.whiteout("/var/lib/old")
    return b.build()
  }

  static var image: MergedView { MergedView(layers: [base, second]) }
  static func container() -> ContainerFS { ContainerFS(image: image) }
}
