import DockSimShell
extension DockerCommandTable {
  /// The image and registry commands, each under every path docker accepts.
  static var imageCommands: [DockerCommandEntry] {
    [
      DockerCommandEntry(["pull"], Pull.self),
      DockerCommandEntry(["image", "pull"], Pull.self),
      DockerCommandEntry(["images"], Images.self),
      DockerCommandEntry(["image", "ls"], aliases: ["list"], Images.self),
      DockerCommandEntry(["search"], Search.self),
      DockerCommandEntry(["tag"], Tag.self),
      DockerCommandEntry(["image", "tag"], Tag.self),
      DockerCommandEntry(["rmi"], RemoveImage.self),
      DockerCommandEntry(["image", "rm"], aliases: ["remove"], RemoveImage.self),
      DockerCommandEntry(["history"], History.self),
      DockerCommandEntry(["image", "history"], History.self),
      DockerCommandEntry(["image", "inspect"], ImageInspect.self),
      DockerCommandEntry(["push"], Push.self),
      DockerCommandEntry(["image", "push"], Push.self),
      DockerCommandEntry(["login"], Login.self),
      DockerCommandEntry(["logout"], Logout.self),
    ]
  }
}
