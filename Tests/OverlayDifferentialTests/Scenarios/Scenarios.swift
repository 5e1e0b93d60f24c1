/// Every scenario, in the order the golden record lists them.
enum Scenarios {
  static let all: [Scenario] = copyUp + deletes + renames + links + symlinks + imageLayers + trees + corners

  static func named(_ id: String) -> Scenario? { all.first { $0.id == id } }
}

/// The image most scenarios start from: a small Debian-like base layer.
let base: [LayerItem] = [
  file("/bin/busybox", "BUSYBOX\n", mode: 0o755),
  hardLink("/bin/sh", to: "/bin/busybox"),
  file("/etc/hosts", "127.0.0.1 localhost\n"),
  file("/etc/motd", "Welcome\n"),
  symlink("/etc/localtime", to: "../usr/share/zoneinfo/UTC"),
  file("/opt/app/README", "app\n"),
  file("/opt/app/bin/run", "#!/bin/sh\n", mode: 0o755),
  dir("/srv/empty"),
  dir("/tmp", mode: 0o1777),
  file("/usr/share/doc/README", "docs\n"),
  file("/usr/share/zoneinfo/UTC", "TZif\n"),
]
