import DockSimShell
extension DockerCommandTable {
  /// `docker version`, `docker info`, `docker system df`, ...
  static var systemCommands: [DockerCommandEntry] {
    [
      DockerCommandEntry(["version"], Version.self),
      DockerCommandEntry(["info"], Info.self),
      DockerCommandEntry(["system", "info"], Info.self),
      DockerCommandEntry(["system", "df"], SystemDF.self),
    ]
  }
}
