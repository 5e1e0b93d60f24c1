import DockSimShell
/// Every docker command docksim knows, by path. Each owner lists their own
/// commands in their folder: Containers/ (`containerCommands`), Images/
/// (`imageCommands`), System/ (`systemCommands`).
public enum DockerCommandTable {
  public static var entries: [DockerCommandEntry] { containerCommands + imageCommands + systemCommands + archiveCommands + buildCommands }
}
