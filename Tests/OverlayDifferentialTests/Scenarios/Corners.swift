// Corner cases where a simulator is most likely to part from the kernel: directories
// touched without a visible change, renames of directories that are upper-only or
// merged, renames over whiteouts, timestamps of truncation, hard links and layers.
extension Scenarios {
  static let corners: [Scenario] = [
    Scenario(
      "X70", "touch a lower directory: copied up, invisible to docker diff", layers: [base],
      run: ["touch /opt/app"]),
    Scenario(
      "X71", "rename a lower directory there and back: opaque, docker diff sees nothing", layers: [base],
      run: ["mv /opt/app /opt/app2", "mv /opt/app2 /opt/app", "ls -A /opt/app"]),
    Scenario(
      "X72", "rename a directory that is merged though copied up: still EXDEV", layers: [base],
      run: ["echo n > /opt/app/new", "mv /opt/app /opt/app2"]),
    Scenario(
      "X73", "rename an opaque directory: a plain rename, the flag moves with it", layers: [base],
      run: ["rm -r /opt/app", "mkdir /opt/app", "echo n > /opt/app/f", "mv /opt/app /opt/app2"]),
    Scenario(
      "X74", "move a new directory onto a deleted lower name: opaque", layers: [base],
      run: ["rm -r /opt/app", "mkdir /tmp/x", "mv /tmp/x /opt/app"]),
    Scenario(
      "X75", "rm -r, mkdir, rmdir: the whiteout comes back", layers: [base],
      run: ["rm -r /opt/app", "mkdir /opt/app", "rmdir /opt/app"]),
    Scenario(
      "X76", "truncate an empty lower file: mtime still changes",
      layers: [base + [file("/etc/empty")]], run: ["true > /etc/empty"]),
    Scenario(
      "X77", "rewrite a lower file with the same bytes: docker diff still sees the mtime", layers: [base],
      run: ["echo Welcome > /etc/motd"]),
    Scenario(
      "X78", "rmdir of a directory an image layer emptied",
      layers: [base, [whiteout("/opt/app/README"), whiteout("/opt/app/bin")]],
      run: ["ls -A /opt/app", "rmdir /opt/app"]),
    Scenario(
      "X79", "rename one name of a lower hard link", layers: [base], run: ["mv /bin/sh /bin/sh2"]),
    Scenario(
      "X80", "hard-link the second name of a lower hard link", layers: [base],
      run: ["ln /bin/sh /bin/sh2", "echo z >> /bin/sh2", "cat /bin/busybox /bin/sh"]),
    Scenario(
      "X81", "a later layer replaces one name of a hard link",
      layers: [base, [file("/bin/busybox", "NEW\n", mode: 0o755)]], run: ["cat /bin/sh", "rm /bin/busybox"]),
    Scenario(
      "X82", "a symlink loop", layers: [base], run: ["ln -s loop /tmp/loop", "cat /tmp/loop"]),
    Scenario(
      "X83", "rename a lower file onto a name an image layer deleted", layers: withDeletions,
      run: ["mv /etc/hosts /usr/bin/tool"]),
    Scenario(
      "X84", "recursive copy of a lower tree", layers: [base], run: ["cp -r /opt/app /srv/app"]),
    Scenario(
      "X85", "a new file below a directory an opaque image layer hides", layers: withOpaqueDirectory,
      run: ["echo x > /data/sub/b", "mkdir -p /data/sub", "echo x > /data/sub/b"]),
    Scenario(
      "X86", "rename a lower symlink", layers: [base], run: ["mv /etc/localtime /etc/localtime.old"]),
  ]
}
