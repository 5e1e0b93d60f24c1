// Generated: the real kernel overlayfs's results for every scenario (KernelRecord.swift).
// Do not edit; regenerate as root with DOCKSIM_RECORD_KERNEL=1 and review the diff.
// Kernel: 6.18.44-fc-v657; mount options: index=off,redirect_dir=off,metacopy=off.

enum KernelGolden {
  static let results: [String: String] = [
    // append to a lower file
    "S01": #"""
      $ echo x >> /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=10 nlink=1 mtime=now data="Welcome\nx\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=file mode=0644 size=10 nlink=1 mtime=now data="Welcome\nx\n"
      == diff
      C /etc
      C /etc/motd
      """#,
    // overwrite a lower file
    "S02": #"""
      $ echo new > /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=4 nlink=1 mtime=now data="new\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=file mode=0644 size=4 nlink=1 mtime=now data="new\n"
      == diff
      C /etc
      C /etc/motd
      """#,
    // chmod-only change
    "S03": #"""
      $ chmod 600 /etc/hosts
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0600 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0600 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      == diff
      C /etc
      C /etc/hosts
      """#,
    // chmod to the mode it already has: copied up, invisible to docker diff
    "S04": #"""
      $ chmod 644 /etc/hosts
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      == diff
      """#,
    // touch-only change
    "S05": #"""
      $ touch /etc/hosts
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=now data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=now data="127.0.0.1 localhost\n"
      == diff
      C /etc
      C /etc/hosts
      """#,
    // open for append and write nothing: copied up, invisible to docker diff
    "S06": #"""
      $ echo -n '' >> /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      == diff
      """#,
    // a new file deep in lower dirs copies up only its ancestors
    "S30": #"""
      $ echo new > /usr/share/doc/new.txt
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/doc/new.txt kind=file mode=0644 size=4 nlink=1 mtime=now data="new\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/new.txt kind=file mode=0644 size=4 nlink=1 mtime=now data="new\n"
      == diff
      C /usr
      C /usr/share
      C /usr/share/doc
      A /usr/share/doc/new.txt
      """#,
    // chmod a lower directory: none of its children
    "S34": #"""
      $ chmod 700 /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0700
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0700
      == diff
      C /opt
      C /opt/app
      """#,
    // touch -t to a fixed date
    "X01": #"""
      $ touch -t 201907010000.00 /etc/hosts
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-07-01T00:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-07-01T00:00:00Z data="127.0.0.1 localhost\n"
      == diff
      C /etc
      C /etc/hosts
      """#,
    // touch -t to the mtime the file already has: copied up, invisible to docker diff
    "X02": #"""
      $ touch -t 201906011200.00 /etc/hosts
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      == diff
      """#,
    // truncate a lower file to nothing
    "X03": #"""
      $ true > /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      == diff
      C /etc
      C /etc/motd
      """#,
    // touch a new file
    "X04": #"""
      $ touch /etc/new
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /etc/new kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/new kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      == diff
      C /etc
      A /etc/new
      """#,
    // chmod a lower directory, then add to it
    "X05": #"""
      $ chmod 750 /srv/empty
      ? 0
      $ touch /srv/empty/f
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0750
      /srv/empty/f kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0750
      /srv/empty/f kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      == diff
      C /srv
      C /srv/empty
      A /srv/empty/f
      """#,
    // copy with and without -p
    "X06": #"""
      $ cp -p /etc/hosts /etc/hosts.bak
      ? 0
      $ cp /etc/motd /tmp/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/hosts.bak kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /tmp/motd kind=file mode=0644 size=8 nlink=1 mtime=now data="Welcome\n"
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts.bak kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /tmp kind=dir mode=1777
      /tmp/motd kind=file mode=0644 size=8 nlink=1 mtime=now data="Welcome\n"
      == diff
      C /etc
      A /etc/hosts.bak
      C /tmp
      A /tmp/motd
      """#,
    // read-only access copies nothing
    "X07": #"""
      $ cat /etc/motd
      ? 0
      | Welcome
      $ ls /opt/app
      ? 0
      | README
      | bin
      $ cat /bin/sh
      ? 0
      | BUSYBOX
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      == diff
      """#,
    // chmod -R copies a whole lower tree
    "X08": #"""
      $ chmod -R 700 /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0700
      /opt/app/README kind=file mode=0700 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0700
      /opt/app/bin/run kind=file mode=0700 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0700
      /opt/app/README kind=file mode=0700 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0700
      /opt/app/bin/run kind=file mode=0700 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      == diff
      C /opt
      C /opt/app
      C /opt/app/README
      C /opt/app/bin
      C /opt/app/bin/run
      """#,
    // delete a lower file
    "S07": #"""
      $ rm /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=whiteout
      == diff
      C /etc
      D /etc/motd
      """#,
    // delete then recreate a file: the file replaces the whiteout
    "S08": #"""
      $ rm /etc/motd
      ? 0
      $ echo again > /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=6 nlink=1 mtime=now data="again\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=file mode=0644 size=6 nlink=1 mtime=now data="again\n"
      == diff
      C /etc
      C /etc/motd
      """#,
    // rm -r a lower tree: one whiteout
    "S09": #"""
      $ rm -r /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      == diff
      C /opt
      D /opt/app
      """#,
    // rm -r then mkdir the same name: an opaque directory
    "S10": #"""
      $ rm -r /opt/app
      ? 0
      $ mkdir /opt/app
      ? 0
      $ echo n > /opt/app/new
      ? 0
      $ ls -A /opt/app
      ? 0
      | new
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/new kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755 opaque=y
      /opt/app/new kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      == diff
      C /opt
      C /opt/app
      D /opt/app/README
      D /opt/app/bin
      A /opt/app/new
      """#,
    // rmdir of a non-empty merged directory fails
    "S12": #"""
      $ rmdir /opt/app
      ? 1
      ! rmdir: failed to remove '/opt/app': Directory not empty
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      == diff
      """#,
    // rmdir once every lower entry is whited out
    "S13": #"""
      $ rm /opt/app/README /opt/app/bin/run
      ? 0
      $ rmdir /opt/app/bin
      ? 0
      $ rmdir /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      == diff
      C /opt
      D /opt/app
      """#,
    // a directory replaced by a file
    "S32": #"""
      $ rm -r /opt/app
      ? 0
      $ echo file > /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=file mode=0644 size=5 nlink=1 mtime=now data="file\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=file mode=0644 size=5 nlink=1 mtime=now data="file\n"
      == diff
      C /opt
      C /opt/app
      """#,
    // a file replaced by a directory
    "S33": #"""
      $ rm /etc/motd
      ? 0
      $ mkdir /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=dir mode=0755
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=dir mode=0755 opaque=y
      == diff
      C /etc
      C /etc/motd
      """#,
    // failed operations copy nothing up
    "S35": #"""
      $ mkdir /opt/app
      ? 1
      ! mkdir: cannot create directory '/opt/app': File exists
      $ rmdir /etc/hosts
      ? 1
      ! rmdir: failed to remove '/etc/hosts': Not a directory
      $ touch /etc/hosts/x
      ? 1
      ! touch: cannot touch '/etc/hosts/x': Not a directory
      $ rmdir /opt
      ? 1
      ! rmdir: failed to remove '/opt': Directory not empty
      $ rm /nope
      ? 1
      ! rm: cannot remove '/nope': No such file or directory
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      == diff
      """#,
    // rm -r of a directory mixing lower and new content
    "S36": #"""
      $ echo n > /opt/app/new
      ? 0
      $ mkdir /opt/app/bin/sub
      ? 0
      $ rm -r /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      == diff
      C /opt
      D /opt/app
      """#,
    // delete a copied-up lower file: copy removed and whiteout made
    "S39": #"""
      $ echo x >> /etc/motd
      ? 0
      $ rm /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=whiteout
      == diff
      C /etc
      D /etc/motd
      """#,
    // rmdir of an empty lower directory
    "X10": #"""
      $ rmdir /srv/empty
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /srv kind=dir mode=0755
      /srv/empty kind=whiteout
      == diff
      C /srv
      D /srv/empty
      """#,
    // make and remove a directory inside a lower one: no whiteout
    "X11": #"""
      $ mkdir /srv/empty/x
      ? 0
      $ rmdir /srv/empty/x
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      == diff
      """#,
    // create and delete a new file: no trace but the copied-up parent
    "X12": #"""
      $ echo tmp > /etc/tmpfile
      ? 0
      $ rm /etc/tmpfile
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      == diff
      """#,
    // rm -r then mkdir -p below: only the recreated top is opaque
    "X13": #"""
      $ rm -r /opt/app
      ? 0
      $ mkdir -p /opt/app/bin
      ? 0
      $ ls -A /opt/app
      ? 0
      | bin
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/bin kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755 opaque=y
      /opt/app/bin kind=dir mode=0755
      == diff
      C /opt
      C /opt/app
      D /opt/app/README
      C /opt/app/bin
      D /opt/app/bin/run
      """#,
    // rm -rf of a missing path succeeds and changes nothing
    "X14": #"""
      $ rm -rf /nope
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      == diff
      """#,
    // rename a lower file
    "S18": #"""
      $ mv /etc/motd /etc/motd.bak
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd.bak kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=whiteout
      /etc/motd.bak kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      == diff
      C /etc
      D /etc/motd
      A /etc/motd.bak
      """#,
    // rename a lower file over another lower file
    "S19": #"""
      $ mv /etc/motd /etc/hosts
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /etc/motd kind=whiteout
      == diff
      C /etc
      C /etc/hosts
      D /etc/motd
      """#,
    // rename a lower directory: EXDEV, mv copies the tree
    "S20": #"""
      $ mv /opt/app /opt/app2
      ? 0
      $ ls -R /opt
      ? 0
      | /opt:
      | app2
      |
      | /opt/app2:
      | README
      | bin
      |
      | /opt/app2/bin:
      | run
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app2 kind=dir mode=0755
      /opt/app2/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app2/bin kind=dir mode=0755
      /opt/app2/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      /opt/app2 kind=dir mode=0755
      /opt/app2/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app2/bin kind=dir mode=0755
      /opt/app2/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      == diff
      C /opt
      D /opt/app
      A /opt/app2
      A /opt/app2/README
      A /opt/app2/bin
      A /opt/app2/bin/run
      """#,
    // move a lower directory into another lower directory
    "S22": #"""
      $ mv /opt/app /srv/empty/
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /srv/empty/app kind=dir mode=0755
      /srv/empty/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /srv/empty/app/bin kind=dir mode=0755
      /srv/empty/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /srv/empty/app kind=dir mode=0755
      /srv/empty/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /srv/empty/app/bin kind=dir mode=0755
      /srv/empty/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      == diff
      C /opt
      D /opt/app
      C /srv
      C /srv/empty
      A /srv/empty/app
      A /srv/empty/app/README
      A /srv/empty/app/bin
      A /srv/empty/app/bin/run
      """#,
    // rename a new directory at a merged parent: opaque
    "S23": #"""
      $ mkdir /work
      ? 0
      $ echo f > /work/f
      ? 0
      $ mv /work /work2
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      /work2 kind=dir mode=0755
      /work2/f kind=file mode=0644 size=2 nlink=1 mtime=now data="f\n"
      == upper
      /work2 kind=dir mode=0755 opaque=y
      /work2/f kind=file mode=0644 size=2 nlink=1 mtime=now data="f\n"
      == diff
      A /work2
      A /work2/f
      """#,
    // move a lower file into another lower directory
    "X20": #"""
      $ mv /etc/hosts /opt/app/hosts
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /opt/app/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=whiteout
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      == diff
      C /etc
      D /etc/hosts
      C /opt
      C /opt/app
      A /opt/app/hosts
      """#,
    // rename a lower file away and back: docker diff sees nothing
    "X21": #"""
      $ mv /etc/motd /tmp/motd
      ? 0
      $ mv /tmp/motd /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /tmp kind=dir mode=1777
      == diff
      """#,
    // move a new file over a lower file
    "X22": #"""
      $ echo new > /tmp/new
      ? 0
      $ mv /tmp/new /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=4 nlink=1 mtime=now data="new\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=file mode=0644 size=4 nlink=1 mtime=now data="new\n"
      /tmp kind=dir mode=1777
      == diff
      C /etc
      C /etc/motd
      """#,
    // move a new directory into a merged directory: opaque
    "X23": #"""
      $ mkdir /tmp/new
      ? 0
      $ echo n > /tmp/new/f
      ? 0
      $ mv /tmp/new /opt/app/
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /opt/app/new kind=dir mode=0755
      /opt/app/new/f kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/new kind=dir mode=0755 opaque=y
      /opt/app/new/f kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      /tmp kind=dir mode=1777
      == diff
      C /opt
      C /opt/app
      A /opt/app/new
      A /opt/app/new/f
      """#,
    // rename inside a new directory: not opaque
    "X24": #"""
      $ mkdir -p /data/a
      ? 0
      $ mv /data/a /data/b
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /data kind=dir mode=0755
      /data/b kind=dir mode=0755
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /data kind=dir mode=0755
      /data/b kind=dir mode=0755
      == diff
      A /data
      A /data/b
      """#,
    // rename a lower directory over an empty lower directory
    "X25": #"""
      $ mv -T /opt/app /srv/empty
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /srv/empty/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /srv/empty/bin kind=dir mode=0755
      /srv/empty/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755 opaque=y
      /srv/empty/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /srv/empty/bin kind=dir mode=0755
      /srv/empty/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      == diff
      C /opt
      D /opt/app
      C /srv
      C /srv/empty
      A /srv/empty/README
      A /srv/empty/bin
      A /srv/empty/bin/run
      """#,
    // append to one name of a lower hard link: the link breaks
    "S24": #"""
      $ echo x >> /bin/busybox
      ? 0
      $ cat /bin/sh
      ? 0
      | BUSYBOX
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=10 nlink=1 mtime=now data="BUSYBOX\nx\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=10 nlink=1 mtime=now data="BUSYBOX\nx\n"
      == diff
      C /bin
      C /bin/busybox
      """#,
    // hard-link a lower file, write through the new name
    "S26": #"""
      $ ln /bin/busybox /bin/x
      ? 0
      $ echo y >> /bin/x
      ? 0
      $ cat /bin/busybox
      ? 0
      | BUSYBOX
      | y
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=10 nlink=2 mtime=now links=/bin/x data="BUSYBOX\ny\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /bin/x kind=file mode=0755 size=10 nlink=2 mtime=now links=/bin/busybox data="BUSYBOX\ny\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=10 nlink=2 mtime=now links=/bin/x data="BUSYBOX\ny\n"
      /bin/x kind=file mode=0755 size=10 nlink=2 mtime=now links=/bin/busybox data="BUSYBOX\ny\n"
      == diff
      C /bin
      C /bin/busybox
      A /bin/x
      """#,
    // delete one name of a lower hard link
    "X30": #"""
      $ rm /bin/sh
      ? 0
      $ cat /bin/busybox
      ? 0
      | BUSYBOX
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /bin kind=dir mode=0755
      /bin/sh kind=whiteout
      == diff
      C /bin
      D /bin/sh
      """#,
    // chmod one name of a lower hard link
    "X31": #"""
      $ chmod 700 /bin/sh
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /bin/sh kind=file mode=0700 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /bin kind=dir mode=0755
      /bin/sh kind=file mode=0700 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      == diff
      C /bin
      C /bin/sh
      """#,
    // hard-link a new file, write through the second name
    "X32": #"""
      $ echo a > /tmp/a
      ? 0
      $ ln /tmp/a /tmp/b
      ? 0
      $ echo b >> /tmp/b
      ? 0
      $ cat /tmp/a
      ? 0
      | a
      | b
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /tmp/a kind=file mode=0644 size=4 nlink=2 mtime=now links=/tmp/b data="a\nb\n"
      /tmp/b kind=file mode=0644 size=4 nlink=2 mtime=now links=/tmp/a data="a\nb\n"
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /tmp kind=dir mode=1777
      /tmp/a kind=file mode=0644 size=4 nlink=2 mtime=now links=/tmp/b data="a\nb\n"
      /tmp/b kind=file mode=0644 size=4 nlink=2 mtime=now links=/tmp/a data="a\nb\n"
      == diff
      C /tmp
      A /tmp/a
      A /tmp/b
      """#,
    // hard-link a lower file into another directory
    "X33": #"""
      $ ln /etc/hosts /tmp/hosts
      ? 0
      $ cat /tmp/hosts
      ? 0
      | 127.0.0.1 localhost
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=2 mtime=2019-06-01T12:00:00Z links=/tmp/hosts data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /tmp/hosts kind=file mode=0644 size=20 nlink=2 mtime=2019-06-01T12:00:00Z links=/etc/hosts data="127.0.0.1 localhost\n"
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=2 mtime=2019-06-01T12:00:00Z links=/tmp/hosts data="127.0.0.1 localhost\n"
      /tmp kind=dir mode=1777
      /tmp/hosts kind=file mode=0644 size=20 nlink=2 mtime=2019-06-01T12:00:00Z links=/etc/hosts data="127.0.0.1 localhost\n"
      == diff
      C /tmp
      A /tmp/hosts
      """#,
    // new symlinks, one dangling
    "S27": #"""
      $ ln -s /nonexistent/target /etc/dangling
      ? 0
      $ ln -s ../etc/hosts /srv/hosts
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/dangling kind=symlink mtime=now target="/nonexistent/target"
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /srv/hosts kind=symlink mtime=now target="../etc/hosts"
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/dangling kind=symlink mtime=now target="/nonexistent/target"
      /srv kind=dir mode=0755
      /srv/hosts kind=symlink mtime=now target="../etc/hosts"
      == diff
      C /etc
      A /etc/dangling
      C /srv
      A /srv/hosts
      """#,
    // write through a relative symlink
    "S28": #"""
      $ echo x >> /etc/localtime
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=7 nlink=1 mtime=now data="TZif\nx\n"
      == upper
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=7 nlink=1 mtime=now data="TZif\nx\n"
      == diff
      C /usr
      C /usr/share
      C /usr/share/zoneinfo
      C /usr/share/zoneinfo/UTC
      """#,
    // chmod through a symlink changes the target
    "X40": #"""
      $ chmod 600 /etc/localtime
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0600 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0600 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == diff
      C /usr
      C /usr/share
      C /usr/share/zoneinfo
      C /usr/share/zoneinfo/UTC
      """#,
    // delete a lower symlink, not its target
    "X41": #"""
      $ rm /etc/localtime
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/localtime kind=whiteout
      == diff
      C /etc
      D /etc/localtime
      """#,
    // replace a lower symlink with ln -sf
    "X42": #"""
      $ ln -sf ../etc/hosts /etc/localtime
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=now target="../etc/hosts"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/localtime kind=symlink mtime=now target="../etc/hosts"
      == diff
      C /etc
      C /etc/localtime
      """#,
    // create a file through a symlink to a lower directory
    "X43": #"""
      $ echo n > /usr/local/app/new
      ? 0
      $ rm -r /usr/local/app
      ? 0
      $ ls /opt/app
      ? 0
      | README
      | bin
      | new
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /opt/app/new kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/local kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/new kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      /usr kind=dir mode=0755
      /usr/local kind=dir mode=0755
      /usr/local/app kind=whiteout
      == diff
      C /opt
      C /opt/app
      A /opt/app/new
      C /usr
      C /usr/local
      D /usr/local/app
      """#,
    // a file in layer 2 replaces layer 1's
    "S14": #"""
      $ cat /etc/hosts
      ? 0
      | 10.0.0.1 db
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0600 size=12 nlink=1 mtime=2019-06-01T12:00:00Z data="10.0.0.1 db\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      == diff
      """#,
    // whiteouts in an image layer hide files and directories
    "S15": #"""
      $ ls /usr /var/lib
      ? 0
      | /usr:
      | bin
      | share
      |
      | /var/lib:
      | new
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/bin kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      /var kind=dir mode=0755
      /var/lib kind=dir mode=0755
      /var/lib/new kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="n\n"
      == upper
      == diff
      """#,
    // recreate names an image layer deleted: additions, not opaque
    "S16": #"""
      $ echo back > /usr/bin/tool
      ? 0
      $ mkdir /var/lib/old
      ? 0
      $ touch /var/lib/old/f
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/bin kind=dir mode=0755
      /usr/bin/tool kind=file mode=0644 size=5 nlink=1 mtime=now data="back\n"
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      /var kind=dir mode=0755
      /var/lib kind=dir mode=0755
      /var/lib/new kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="n\n"
      /var/lib/old kind=dir mode=0755
      /var/lib/old/f kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      == upper
      /usr kind=dir mode=0755
      /usr/bin kind=dir mode=0755
      /usr/bin/tool kind=file mode=0644 size=5 nlink=1 mtime=now data="back\n"
      /var kind=dir mode=0755
      /var/lib kind=dir mode=0755
      /var/lib/old kind=dir mode=0755
      /var/lib/old/f kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      == diff
      C /usr
      C /usr/bin
      A /usr/bin/tool
      C /var
      C /var/lib
      A /var/lib/old
      A /var/lib/old/f
      """#,
    // an opaque directory in an image layer, then copied up
    "S17": #"""
      $ ls -A /data
      ? 0
      | c
      $ echo more >> /data/c
      ? 0
      == merged
      /data kind=dir mode=0755
      /data/c kind=file mode=0644 size=7 nlink=1 mtime=now data="c\nmore\n"
      == upper
      /data kind=dir mode=0755
      /data/c kind=file mode=0644 size=7 nlink=1 mtime=now data="c\nmore\n"
      == diff
      C /data
      C /data/c
      """#,
    // mkdir -p into a directory an image layer deleted
    "X50": #"""
      $ mkdir -p /var/lib/old/a/b
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/bin kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      /var kind=dir mode=0755
      /var/lib kind=dir mode=0755
      /var/lib/new kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="n\n"
      /var/lib/old kind=dir mode=0755
      /var/lib/old/a kind=dir mode=0755
      /var/lib/old/a/b kind=dir mode=0755
      == upper
      /var kind=dir mode=0755
      /var/lib kind=dir mode=0755
      /var/lib/old kind=dir mode=0755
      /var/lib/old/a kind=dir mode=0755
      /var/lib/old/a/b kind=dir mode=0755
      == diff
      C /var
      C /var/lib
      A /var/lib/old
      A /var/lib/old/a
      A /var/lib/old/a/b
      """#,
    // delete a file added by a later layer
    "X51": #"""
      $ rm /var/lib/new
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/bin kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      /var kind=dir mode=0755
      /var/lib kind=dir mode=0755
      == upper
      /var kind=dir mode=0755
      /var/lib kind=dir mode=0755
      /var/lib/new kind=whiteout
      == diff
      C /var
      C /var/lib
      D /var/lib/new
      """#,
    // rm -r then mkdir over an opaque image directory
    "X52": #"""
      $ rm -r /data
      ? 0
      $ mkdir /data
      ? 0
      $ ls -A /data
      ? 0
      == merged
      /data kind=dir mode=0755
      == upper
      /data kind=dir mode=0755 opaque=y
      == diff
      C /data
      D /data/c
      """#,
    // a layer replaces a directory with a file, the container puts a directory back
    "X53": #"""
      $ cat /opt/app
      ? 0
      | now a file
      $ rm /opt/app
      ? 0
      $ mkdir /opt/app
      ? 0
      $ ls -A /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755 opaque=y
      == diff
      C /opt
      C /opt/app
      """#,
    // a layer replaces a file with a directory
    "X54": #"""
      $ ls /etc/motd
      ? 0
      | part1
      $ echo p2 > /etc/motd/part2
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=dir mode=0755
      /etc/motd/part1 kind=file mode=0644 size=3 nlink=1 mtime=2019-06-01T12:00:00Z data="p1\n"
      /etc/motd/part2 kind=file mode=0644 size=3 nlink=1 mtime=now data="p2\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=dir mode=0755
      /etc/motd/part2 kind=file mode=0644 size=3 nlink=1 mtime=now data="p2\n"
      == diff
      C /etc
      C /etc/motd
      A /etc/motd/part2
      """#,
    // delete, recreate, delete across three image layers
    "X55": #"""
      $ cat /etc/motd
      ? 0
      | third
      $ rm /etc/motd
      ? 0
      $ ls /etc
      ? 0
      | hosts
      | localtime
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=whiteout
      == diff
      C /etc
      D /etc/motd
      """#,
    // directories merge across layers, metadata from the top one
    "X56": #"""
      $ ls -A /opt/app
      ? 0
      | README
      | bin
      | extra
      $ rm /opt/app/README
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0700
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /opt/app/extra kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="e\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0700
      /opt/app/README kind=whiteout
      == diff
      C /opt
      C /opt/app
      D /opt/app/README
      """#,
    // mkdir -p a new branch below lower directories: not opaque
    "S29": #"""
      $ mkdir -p /usr/share/doc/new/deeper
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/doc/new kind=dir mode=0755
      /usr/share/doc/new/deeper kind=dir mode=0755
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/new kind=dir mode=0755
      /usr/share/doc/new/deeper kind=dir mode=0755
      == diff
      C /usr
      C /usr/share
      C /usr/share/doc
      A /usr/share/doc/new
      A /usr/share/doc/new/deeper
      """#,
    // mkdir -p across lower directories into new ones
    "X60": #"""
      $ mkdir -p /opt/app/bin/a/b/c
      ? 0
      $ echo deep > /opt/app/bin/a/b/c/f
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/a kind=dir mode=0755
      /opt/app/bin/a/b kind=dir mode=0755
      /opt/app/bin/a/b/c kind=dir mode=0755
      /opt/app/bin/a/b/c/f kind=file mode=0644 size=5 nlink=1 mtime=now data="deep\n"
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/a kind=dir mode=0755
      /opt/app/bin/a/b kind=dir mode=0755
      /opt/app/bin/a/b/c kind=dir mode=0755
      /opt/app/bin/a/b/c/f kind=file mode=0644 size=5 nlink=1 mtime=now data="deep\n"
      == diff
      C /opt
      C /opt/app
      C /opt/app/bin
      A /opt/app/bin/a
      A /opt/app/bin/a/b
      A /opt/app/bin/a/b/c
      A /opt/app/bin/a/b/c/f
      """#,
    // delete a deep leaf: every ancestor is copied up
    "X61": #"""
      $ rm /a/b/c/d/e/f/g/leaf
      ? 0
      == merged
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/d kind=dir mode=0755
      /a/b/c/d/e kind=dir mode=0755
      /a/b/c/d/e/e.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="e\n"
      /a/b/c/d/e/f kind=dir mode=0755
      /a/b/c/d/e/f/f.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="f\n"
      /a/b/c/d/e/f/g kind=dir mode=0755
      /a/b/c/other kind=dir mode=0755
      == upper
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/d kind=dir mode=0755
      /a/b/c/d/e kind=dir mode=0755
      /a/b/c/d/e/f kind=dir mode=0755
      /a/b/c/d/e/f/g kind=dir mode=0755
      /a/b/c/d/e/f/g/leaf kind=whiteout
      == diff
      C /a
      C /a/b
      C /a/b/c
      C /a/b/c/d
      C /a/b/c/d/e
      C /a/b/c/d/e/f
      C /a/b/c/d/e/f/g
      D /a/b/c/d/e/f/g/leaf
      """#,
    // rm -r the middle of a deep tree
    "X62": #"""
      $ rm -r /a/b/c/d
      ? 0
      == merged
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/other kind=dir mode=0755
      == upper
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/d kind=whiteout
      == diff
      C /a
      C /a/b
      C /a/b/c
      D /a/b/c/d
      """#,
    // rename a deep lower directory: the whole tree is copied
    "X63": #"""
      $ mv /a/b/c/d /a/b/c/d2
      ? 0
      == merged
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/d2 kind=dir mode=0755
      /a/b/c/d2/e kind=dir mode=0755
      /a/b/c/d2/e/e.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="e\n"
      /a/b/c/d2/e/f kind=dir mode=0755
      /a/b/c/d2/e/f/f.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="f\n"
      /a/b/c/d2/e/f/g kind=dir mode=0755
      /a/b/c/d2/e/f/g/leaf kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="leaf\n"
      /a/b/c/other kind=dir mode=0755
      == upper
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/d kind=whiteout
      /a/b/c/d2 kind=dir mode=0755
      /a/b/c/d2/e kind=dir mode=0755
      /a/b/c/d2/e/e.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="e\n"
      /a/b/c/d2/e/f kind=dir mode=0755
      /a/b/c/d2/e/f/f.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="f\n"
      /a/b/c/d2/e/f/g kind=dir mode=0755
      /a/b/c/d2/e/f/g/leaf kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="leaf\n"
      == diff
      C /a
      C /a/b
      C /a/b/c
      D /a/b/c/d
      A /a/b/c/d2
      A /a/b/c/d2/e
      A /a/b/c/d2/e/e.txt
      A /a/b/c/d2/e/f
      A /a/b/c/d2/e/f/f.txt
      A /a/b/c/d2/e/f/g
      A /a/b/c/d2/e/f/g/leaf
      """#,
    // append deep down, then list
    "X64": #"""
      $ echo more >> /a/b/c/d/e/f/g/leaf
      ? 0
      $ ls -R /a/b/c/d/e
      ? 0
      | /a/b/c/d/e:
      | e.txt
      | f
      |
      | /a/b/c/d/e/f:
      | f.txt
      | g
      |
      | /a/b/c/d/e/f/g:
      | leaf
      == merged
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/d kind=dir mode=0755
      /a/b/c/d/e kind=dir mode=0755
      /a/b/c/d/e/e.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="e\n"
      /a/b/c/d/e/f kind=dir mode=0755
      /a/b/c/d/e/f/f.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="f\n"
      /a/b/c/d/e/f/g kind=dir mode=0755
      /a/b/c/d/e/f/g/leaf kind=file mode=0644 size=10 nlink=1 mtime=now data="leaf\nmore\n"
      /a/b/c/other kind=dir mode=0755
      == upper
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/d kind=dir mode=0755
      /a/b/c/d/e kind=dir mode=0755
      /a/b/c/d/e/f kind=dir mode=0755
      /a/b/c/d/e/f/g kind=dir mode=0755
      /a/b/c/d/e/f/g/leaf kind=file mode=0644 size=10 nlink=1 mtime=now data="leaf\nmore\n"
      == diff
      C /a
      C /a/b
      C /a/b/c
      C /a/b/c/d
      C /a/b/c/d/e
      C /a/b/c/d/e/f
      C /a/b/c/d/e/f/g
      C /a/b/c/d/e/f/g/leaf
      """#,
    // mkdir -p of a path that exists succeeds and copies nothing
    "X65": #"""
      $ mkdir -p /a/b/c/d/e/f
      ? 0
      == merged
      /a kind=dir mode=0755
      /a/b kind=dir mode=0755
      /a/b/c kind=dir mode=0755
      /a/b/c/d kind=dir mode=0755
      /a/b/c/d/e kind=dir mode=0755
      /a/b/c/d/e/e.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="e\n"
      /a/b/c/d/e/f kind=dir mode=0755
      /a/b/c/d/e/f/f.txt kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="f\n"
      /a/b/c/d/e/f/g kind=dir mode=0755
      /a/b/c/d/e/f/g/leaf kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="leaf\n"
      /a/b/c/other kind=dir mode=0755
      == upper
      == diff
      """#,
    // touch a lower directory: copied up, invisible to docker diff
    "X70": #"""
      $ touch /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      == diff
      """#,
    // rename a lower directory there and back: opaque, docker diff sees nothing
    "X71": #"""
      $ mv /opt/app /opt/app2
      ? 0
      $ mv /opt/app2 /opt/app
      ? 0
      $ ls -A /opt/app
      ? 0
      | README
      | bin
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755 opaque=y
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      == diff
      """#,
    // rename a directory that is merged though copied up: still EXDEV
    "X72": #"""
      $ echo n > /opt/app/new
      ? 0
      $ mv /opt/app /opt/app2
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app2 kind=dir mode=0755
      /opt/app2/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app2/bin kind=dir mode=0755
      /opt/app2/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /opt/app2/new kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      /opt/app2 kind=dir mode=0755
      /opt/app2/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app2/bin kind=dir mode=0755
      /opt/app2/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /opt/app2/new kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      == diff
      C /opt
      D /opt/app
      A /opt/app2
      A /opt/app2/README
      A /opt/app2/bin
      A /opt/app2/bin/run
      A /opt/app2/new
      """#,
    // rename an opaque directory: a plain rename, the flag moves with it
    "X73": #"""
      $ rm -r /opt/app
      ? 0
      $ mkdir /opt/app
      ? 0
      $ echo n > /opt/app/f
      ? 0
      $ mv /opt/app /opt/app2
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app2 kind=dir mode=0755
      /opt/app2/f kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      /opt/app2 kind=dir mode=0755 opaque=y
      /opt/app2/f kind=file mode=0644 size=2 nlink=1 mtime=now data="n\n"
      == diff
      C /opt
      D /opt/app
      A /opt/app2
      A /opt/app2/f
      """#,
    // move a new directory onto a deleted lower name: opaque
    "X74": #"""
      $ rm -r /opt/app
      ? 0
      $ mkdir /tmp/x
      ? 0
      $ mv /tmp/x /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755 opaque=y
      /tmp kind=dir mode=1777
      == diff
      C /opt
      C /opt/app
      D /opt/app/README
      D /opt/app/bin
      """#,
    // rm -r, mkdir, rmdir: the whiteout comes back
    "X75": #"""
      $ rm -r /opt/app
      ? 0
      $ mkdir /opt/app
      ? 0
      $ rmdir /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      == diff
      C /opt
      D /opt/app
      """#,
    // truncate an empty lower file: mtime still changes
    "X76": #"""
      $ true > /etc/empty
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/empty kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/empty kind=file mode=0644 size=0 nlink=1 mtime=now data=""
      == diff
      C /etc
      C /etc/empty
      """#,
    // rewrite a lower file with the same bytes: docker diff still sees the mtime
    "X77": #"""
      $ echo Welcome > /etc/motd
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=now data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=now data="Welcome\n"
      == diff
      C /etc
      C /etc/motd
      """#,
    // rmdir of a directory an image layer emptied
    "X78": #"""
      $ ls -A /opt/app
      ? 0
      $ rmdir /opt/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /opt kind=dir mode=0755
      /opt/app kind=whiteout
      == diff
      C /opt
      D /opt/app
      """#,
    // rename one name of a lower hard link
    "X79": #"""
      $ mv /bin/sh /bin/sh2
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /bin/sh2 kind=file mode=0755 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /bin kind=dir mode=0755
      /bin/sh kind=whiteout
      /bin/sh2 kind=file mode=0755 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      == diff
      C /bin
      D /bin/sh
      A /bin/sh2
      """#,
    // hard-link the second name of a lower hard link
    "X80": #"""
      $ ln /bin/sh /bin/sh2
      ? 0
      $ echo z >> /bin/sh2
      ? 0
      $ cat /bin/busybox /bin/sh
      ? 0
      | BUSYBOX
      | BUSYBOX
      | z
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=10 nlink=2 mtime=now links=/bin/sh2 data="BUSYBOX\nz\n"
      /bin/sh2 kind=file mode=0755 size=10 nlink=2 mtime=now links=/bin/sh data="BUSYBOX\nz\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /bin kind=dir mode=0755
      /bin/sh kind=file mode=0755 size=10 nlink=2 mtime=now links=/bin/sh2 data="BUSYBOX\nz\n"
      /bin/sh2 kind=file mode=0755 size=10 nlink=2 mtime=now links=/bin/sh data="BUSYBOX\nz\n"
      == diff
      C /bin
      C /bin/sh
      A /bin/sh2
      """#,
    // a later layer replaces one name of a hard link
    "X81": #"""
      $ cat /bin/sh
      ? 0
      | BUSYBOX
      $ rm /bin/busybox
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /bin kind=dir mode=0755
      /bin/busybox kind=whiteout
      == diff
      C /bin
      D /bin/busybox
      """#,
    // a symlink loop
    "X82": #"""
      $ ln -s loop /tmp/loop
      ? 0
      $ cat /tmp/loop
      ? 1
      ! cat: /tmp/loop: Too many levels of symbolic links
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /tmp/loop kind=symlink mtime=now target="loop"
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /tmp kind=dir mode=1777
      /tmp/loop kind=symlink mtime=now target="loop"
      == diff
      C /tmp
      A /tmp/loop
      """#,
    // rename a lower file onto a name an image layer deleted
    "X83": #"""
      $ mv /etc/hosts /usr/bin/tool
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/bin kind=dir mode=0755
      /usr/bin/tool kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      /var kind=dir mode=0755
      /var/lib kind=dir mode=0755
      /var/lib/new kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="n\n"
      == upper
      /etc kind=dir mode=0755
      /etc/hosts kind=whiteout
      /usr kind=dir mode=0755
      /usr/bin kind=dir mode=0755
      /usr/bin/tool kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      == diff
      C /etc
      D /etc/hosts
      C /usr
      C /usr/bin
      A /usr/bin/tool
      """#,
    // recursive copy of a lower tree
    "X84": #"""
      $ cp -r /opt/app /srv/app
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/app kind=dir mode=0755
      /srv/app/README kind=file mode=0644 size=4 nlink=1 mtime=now data="app\n"
      /srv/app/bin kind=dir mode=0755
      /srv/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=now data="#!/bin/sh\n"
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /srv kind=dir mode=0755
      /srv/app kind=dir mode=0755
      /srv/app/README kind=file mode=0644 size=4 nlink=1 mtime=now data="app\n"
      /srv/app/bin kind=dir mode=0755
      /srv/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=now data="#!/bin/sh\n"
      == diff
      C /srv
      A /srv/app
      A /srv/app/README
      A /srv/app/bin
      A /srv/app/bin/run
      """#,
    // a new file below a directory an opaque image layer hides
    "X85": #"""
      $ echo x > /data/sub/b
      ? 1
      ! bash: /data/sub/b: No such file or directory
      $ mkdir -p /data/sub
      ? 0
      $ echo x > /data/sub/b
      ? 0
      == merged
      /data kind=dir mode=0755
      /data/c kind=file mode=0644 size=2 nlink=1 mtime=2019-06-01T12:00:00Z data="c\n"
      /data/sub kind=dir mode=0755
      /data/sub/b kind=file mode=0644 size=2 nlink=1 mtime=now data="x\n"
      == upper
      /data kind=dir mode=0755
      /data/sub kind=dir mode=0755
      /data/sub/b kind=file mode=0644 size=2 nlink=1 mtime=now data="x\n"
      == diff
      C /data
      A /data/sub
      A /data/sub/b
      """#,
    // rename a lower symlink
    "X86": #"""
      $ mv /etc/localtime /etc/localtime.old
      ? 0
      == merged
      /bin kind=dir mode=0755
      /bin/busybox kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/sh data="BUSYBOX\n"
      /bin/sh kind=file mode=0755 size=8 nlink=2 mtime=2019-06-01T12:00:00Z links=/bin/busybox data="BUSYBOX\n"
      /etc kind=dir mode=0755
      /etc/hosts kind=file mode=0644 size=20 nlink=1 mtime=2019-06-01T12:00:00Z data="127.0.0.1 localhost\n"
      /etc/localtime.old kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      /etc/motd kind=file mode=0644 size=8 nlink=1 mtime=2019-06-01T12:00:00Z data="Welcome\n"
      /opt kind=dir mode=0755
      /opt/app kind=dir mode=0755
      /opt/app/README kind=file mode=0644 size=4 nlink=1 mtime=2019-06-01T12:00:00Z data="app\n"
      /opt/app/bin kind=dir mode=0755
      /opt/app/bin/run kind=file mode=0755 size=10 nlink=1 mtime=2019-06-01T12:00:00Z data="#!/bin/sh\n"
      /srv kind=dir mode=0755
      /srv/empty kind=dir mode=0755
      /tmp kind=dir mode=1777
      /usr kind=dir mode=0755
      /usr/share kind=dir mode=0755
      /usr/share/doc kind=dir mode=0755
      /usr/share/doc/README kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="docs\n"
      /usr/share/zoneinfo kind=dir mode=0755
      /usr/share/zoneinfo/UTC kind=file mode=0644 size=5 nlink=1 mtime=2019-06-01T12:00:00Z data="TZif\n"
      == upper
      /etc kind=dir mode=0755
      /etc/localtime kind=whiteout
      /etc/localtime.old kind=symlink mtime=2019-06-01T12:00:00Z target="../usr/share/zoneinfo/UTC"
      == diff
      C /etc
      D /etc/localtime
      A /etc/localtime.old
      """#,
  ]
}
