extension DockerCommandTable {
  /// The image and registry commands (pull, images, rmi, tag, history, ...), each
  /// under every path docker accepts: e.g. `DockerCommandEntry(["images"], Images.self)`
  /// and `DockerCommandEntry(["image", "ls"], aliases: ["list"], Images.self)`.
  static var imageCommands: [DockerCommandEntry] { [] }
}
