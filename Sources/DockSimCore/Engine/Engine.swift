/// The whole simulated Docker host: its clock, its images and containers, the
/// registry it pulls from, and the seeded randomness behind names and IDs.
///
/// A value: copying an `Engine` is cheap (its stores share structure), which makes
/// "undo" and "reset to the lesson's start" a matter of keeping an old value.
public struct Engine: Sendable {
  public var clock: SimClock
  public var random: SplitMix64
  public var version: DockerVersion
  /// Local images and tags (the daemon's image store).
  public var images: ImageStore
  /// Containers, their writable layers and states.
  public var containers: ContainerStore
  /// The registry (mock Docker Hub) that pull, search and push talk to.
  public var hub: Hub

  public init(clock: SimClock, seed: UInt64, version: DockerVersion, hub: Hub) {
    self.clock = clock
    self.random = SplitMix64(seed: seed)
    self.version = version
    self.images = ImageStore()
    self.containers = ContainerStore()
    self.hub = hub
  }
}

/// The simulated clock: it moves only when something takes time, by documented amounts.
public struct SimClock: Sendable, Hashable {
  public private(set) var now: Timestamp

  /// 2020-01-15T10:00:00Z: the course text's era, when ubuntu:18.04 was "5 days" old.
  public static let defaultStart = Timestamp(seconds: 1_579_082_400)

  public init(start: Timestamp = SimClock.defaultStart) { now = start }

  public mutating func advance(by duration: Duration) {
    now = now.adding(duration)
  }
}
