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

  /// The image as the image store keeps it.
  public static let image = Image(
    layers: [layer], config: ImageConfig(cmd: ["bash"]),
    history: [
      HistoryEntry(created: built, createdBy: "/bin/sh -c #(nop) ADD file:docksim-test in / ", emptyLayer: false),
      HistoryEntry(created: built, createdBy: "/bin/sh -c #(nop)  CMD [\"bash\"]", emptyLayer: true),
    ],
    created: built)

  /// Puts the image in `engine`'s store, tagged `docksim/test:latest`, if it is not there.
  public static func install(into engine: inout Engine) {
    guard let tag = try? Reference.parse(reference + ":latest", version: engine.version) else { return }
    if engine.images.image(image.id) == nil { engine.images.add(image) }
    if engine.images.imageFor(tag) == nil { engine.images.setTag(tag, to: image.id, at: built) }
  }
}
