import DockSimCore

/// Something an input did that a narrator may tell under its output (`trace on`).
public enum SessionEvent: Sendable, Hashable {
  /// A union filesystem event in a container's filesystem.
  case filesystem(FSEvent, containerID: String)
  /// Container `id`'s main process started (`docker run`, `docker start`).
  case containerStarted(id: String)
}

/// Tells what the session's inputs did, in lines under their output.
///
/// `record` sees the world as the event left it (a container started with `--rm` may be
/// gone by the time the input ends); `flush` writes what was recorded, while the session
/// is tracing, and forgets it.
public protocol Narrator: Sendable {
  mutating func record(_ event: SessionEvent, in session: Session)
  mutating func flush(in session: Session, console: inout Console)
  /// Forgets what was recorded and not yet told (`trace off`).
  mutating func discard()
}

/// The narrator of a session that tells nothing.
public struct SilentNarrator: Narrator {
  public init() {}
  public func record(_ event: SessionEvent, in session: Session) {}
  public func flush(in session: Session, console: inout Console) {}
  public func discard() {}
}

extension Session {
  /// Gives `event` to the narrator while tracing.
  public mutating func record(_ event: SessionEvent) {
    guard tracing else { return }
    // The narrator is taken out while it records, so its storage is changed in place.
    var narrator = self.narrator
    self.narrator = SilentNarrator()
    narrator.record(event, in: self)
    self.narrator = narrator
  }

  /// Hands the events a filesystem recorded to the narrator (a container's only: the
  /// host's own files are not narrated).
  mutating func recordEvents(of fs: inout ContainerFS, place: ShellFrame.Place) {
    let events = fs.drainEvents()
    guard tracing, case .container(let id) = place else { return }
    for event in events { record(.filesystem(event, containerID: id)) }
  }

  /// Writes the narration of the input under its output and forgets it.
  public mutating func flushNarration(console: inout Console) {
    var narrator = self.narrator
    self.narrator = SilentNarrator()
    narrator.flush(in: self, console: &console)
    self.narrator = narrator
  }
}
