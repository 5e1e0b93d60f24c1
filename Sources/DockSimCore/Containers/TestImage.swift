/// A small built-in image, `docksim/test`, for tests and for trying containers
/// before any image is pulled: a minimal Linux tree whose default command is `bash`.
public enum TestImage {
  public static let reference = "docksim/test"

  /// Files dated 2020-01-10, five days before the default clock start.
  public static let built = Timestamp(seconds: 1_578_650_400)

  public static let layer: Layer = {
    var builder = LayerBuilder(mtime: built)
    for directory in ["/bin", "/etc", "/home", "/usr", "/usr/bin", "/var", "/var/log"] {
      builder.directory(directory)
    }
    builder.directory("/root", mode: 0o700)
    builder.directory("/tmp", mode: 0o1777)
    builder.file("/etc/hostname", "localhost\n")
    builder.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
    builder.file("/etc/group", "root:x:0:\n")
    builder.file("/etc/os-release", "NAME=\"docksim\"\nID=docksim\n")
    builder.file("/etc/motd", "Welcome to docksim.\n")
    builder.file("/bin/bash", size: 1_183_448, seed: 1)
    builder.symlink("/bin/sh", to: "bash")
    return builder.build()
  }()

  public static let image = ContainerImage(
    id: Digest.sha256("docksim test image \(layer.diffID)\n"), root: MergedView(layers: [layer]), cmd: ["bash"],
    environment: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
    size: Int64(layer.size))
}
