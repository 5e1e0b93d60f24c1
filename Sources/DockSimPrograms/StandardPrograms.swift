import DockSimCore
import DockSimDocker
import DockSimShell
import DockSimTeaching

extension ProgramRegistry {
  /// Everything a docksim session runs: the shell's utilities and REPL commands,
  /// `docker` on the host, and the teaching commands in every place.
  public static let docksim = ProgramRegistry.shell.addingHost(DockerPrograms.all).addingEverywhere(
    TeachingPrograms.all)
}

extension Session {
  /// A docksim session: every program registered, `trace` narrating.
  public init(settings: Settings = Settings(), hub: Hub = Hub(), hostFiles: any HostFileAccess = InMemoryHostFiles()) {
    self.init(settings: settings, hub: hub, hostFiles: hostFiles, programs: .docksim, narrator: TraceNarrator())
  }
}
