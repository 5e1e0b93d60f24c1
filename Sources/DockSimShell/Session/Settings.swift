import DockSimCore

/// Everything that decides what a session prints, fixed when it starts.
/// Two sessions with equal settings given equal input print equal output.
public struct Settings: Sendable, Hashable {
  public var language: Language
  public var dockerVersion: DockerVersion
  /// Start of the simulated clock.
  public var clockStart: Timestamp
  /// Seed of every random choice (container names and IDs).
  public var seed: UInt64

  public init(
    language: Language = .en, dockerVersion: DockerVersion = .v20_10,
    clockStart: Timestamp = SimClock.defaultStart, seed: UInt64 = 0x646f_636b_7369_6d
  ) {
    self.language = language
    self.dockerVersion = dockerVersion
    self.clockStart = clockStart
    self.seed = seed
  }
}
