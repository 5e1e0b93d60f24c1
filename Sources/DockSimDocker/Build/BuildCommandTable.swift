import DockSimShell
extension DockerCommandTable {
  /// `docker build` and `docker image build`.
  static var buildCommands: [DockerCommandEntry] {
    [
      DockerCommandEntry(["build"], Build.self),
      DockerCommandEntry(["image", "build"], Build.self),
    ]
  }
}
