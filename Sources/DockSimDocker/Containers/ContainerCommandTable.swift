import DockSimShell
extension DockerCommandTable {
  /// The container commands, under every path docker accepts.
  static var containerCommands: [DockerCommandEntry] {
    [
      DockerCommandEntry(["run"], ContainerRun.self),
      DockerCommandEntry(["container", "run"], ContainerRun.self),
      DockerCommandEntry(["create"], ContainerCreate.self),
      DockerCommandEntry(["container", "create"], ContainerCreate.self),
      DockerCommandEntry(["start"], ContainerStart.self),
      DockerCommandEntry(["container", "start"], ContainerStart.self),
      DockerCommandEntry(["stop"], ContainerStop.self),
      DockerCommandEntry(["container", "stop"], ContainerStop.self),
      DockerCommandEntry(["restart"], ContainerRestart.self),
      DockerCommandEntry(["container", "restart"], ContainerRestart.self),
      DockerCommandEntry(["exec"], ContainerExec.self),
      DockerCommandEntry(["container", "exec"], ContainerExec.self),
      DockerCommandEntry(["ps"], ContainerList.self),
      DockerCommandEntry(["container", "ls"], aliases: ["ps", "list"], ContainerList.self),
      DockerCommandEntry(["diff"], ContainerDiff.self),
      DockerCommandEntry(["container", "diff"], ContainerDiff.self),
      DockerCommandEntry(["commit"], ContainerCommit.self),
      DockerCommandEntry(["container", "commit"], ContainerCommit.self),
      DockerCommandEntry(["inspect"], Inspect.self),
      DockerCommandEntry(["container", "inspect"], ContainerInspect.self),
      DockerCommandEntry(["logs"], ContainerLogs.self),
      DockerCommandEntry(["container", "logs"], ContainerLogs.self),
      DockerCommandEntry(["rm"], ContainerRemove.self),
      DockerCommandEntry(["container", "rm"], ContainerRemove.self, onlyIn: .v20_10),
      DockerCommandEntry(["container", "rm"], aliases: ["remove"], ContainerRemove.self, onlyIn: .v28),
    ]
  }
}
