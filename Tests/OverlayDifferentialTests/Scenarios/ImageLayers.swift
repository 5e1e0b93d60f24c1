// Several image layers: non-directories hide, directories merge, whiteouts and opaque
// directories inside image layers hide what is below them (overlay-semantics.md §2, §12).
extension Scenarios {
  /// Layer 1 has a tool and an old directory that layer 2 deletes.
  static let withDeletions: [[LayerItem]] = [
    base + [file("/usr/bin/tool", "tool\n", mode: 0o755), file("/var/lib/old/state", "s\n")],
    [whiteout("/usr/bin/tool"), whiteout("/var/lib/old"), file("/var/lib/new", "n\n")],
  ]

  /// Layer 2 makes /data opaque: only its own `c` is visible.
  static let withOpaqueDirectory: [[LayerItem]] = [
    [file("/data/a", "a\n"), file("/data/sub/b", "b\n")],
    [opaqueDir("/data"), file("/data/c", "c\n")],
  ]

  static let imageLayers: [Scenario] = [
    Scenario(
      "S14", "a file in layer 2 replaces layer 1's", layers: [base, [file("/etc/hosts", "10.0.0.1 db\n", mode: 0o600)]],
      run: ["cat /etc/hosts"]),
    Scenario(
      "S15", "whiteouts in an image layer hide files and directories", layers: withDeletions,
      run: ["ls /usr /var/lib"]),
    Scenario(
      "S16", "recreate names an image layer deleted: additions, not opaque", layers: withDeletions,
      run: ["echo back > /usr/bin/tool", "mkdir /var/lib/old", "touch /var/lib/old/f"]),
    Scenario(
      "S17", "an opaque directory in an image layer, then copied up", layers: withOpaqueDirectory,
      run: ["ls -A /data", "echo more >> /data/c"]),
    Scenario(
      "X50", "mkdir -p into a directory an image layer deleted", layers: withDeletions,
      run: ["mkdir -p /var/lib/old/a/b"]),
    Scenario(
      "X51", "delete a file added by a later layer", layers: withDeletions, run: ["rm /var/lib/new"]),
    Scenario(
      "X52", "rm -r then mkdir over an opaque image directory", layers: withOpaqueDirectory,
      run: ["rm -r /data", "mkdir /data", "ls -A /data"]),
    Scenario(
      "X53", "a layer replaces a directory with a file, the container puts a directory back",
      layers: [base, [file("/opt/app", "now a file\n")]],
      run: ["cat /opt/app", "rm /opt/app", "mkdir /opt/app", "ls -A /opt/app"]),
    Scenario(
      "X54", "a layer replaces a file with a directory",
      layers: [base, [file("/etc/motd/part1", "p1\n")]],
      run: ["ls /etc/motd", "echo p2 > /etc/motd/part2"]),
    Scenario(
      "X55", "delete, recreate, delete across three image layers",
      layers: [base, [whiteout("/etc/motd")], [file("/etc/motd", "third\n", mode: 0o640)]],
      run: ["cat /etc/motd", "rm /etc/motd", "ls /etc"]),
    Scenario(
      "X56", "directories merge across layers, metadata from the top one",
      layers: [base, [dir("/opt/app", mode: 0o700), file("/opt/app/extra", "e\n")]],
      run: ["ls -A /opt/app", "rm /opt/app/README"]),
  ]
}
