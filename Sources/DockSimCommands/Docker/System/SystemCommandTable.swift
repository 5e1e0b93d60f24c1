extension DockerCommandTable {
  /// `docker version`, `docker info`, `docker system df`, ...
  static var systemCommands: [DockerCommandEntry] { [] }
}
