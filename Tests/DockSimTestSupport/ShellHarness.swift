import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// A session driven the way a front end drives it, for shell tests.
public struct ShellHarness {
  /// The shell's programs only: these tests build without docker and the teaching commands.
  public var session: Session

  public init(session: Session = Session(programs: .shell)) {
    self.session = session
  }

  public struct Outcome: Equatable, CustomStringConvertible {
    public var stdout: String
    public var stderr: String
    public var status: Int32
    public init(stdout: String, stderr: String, status: Int32) {
      self.stdout = stdout
      self.stderr = stderr
      self.status = status
    }

    public var description: String { "stdout: \(stdout.debugDescription) stderr: \(stderr.debugDescription) status: \(status)" }
  }

  /// Runs one input; stdout and stderr are kept apart.
  @discardableResult
  public mutating func run(_ text: String, traits: TerminalTraits = .plain) -> Outcome {
    var console = Console(traits: traits)
    let status = session.execute(text, console: &console)
    return Outcome(stdout: console.stdoutText, stderr: console.stderrText, status: status)
  }

  /// Both streams interleaved, as a terminal shows them.
  public mutating func combined(_ text: String, traits: TerminalTraits = .plain) -> String {
    var console = Console(traits: traits)
    _ = session.execute(text, console: &console)
    return console.combinedText
  }

  /// Enters a shell in a running container over a minimal Linux tree, made without
  /// the docker CLI (these tests build without it).
  public mutating func enterContainer(_ id: String = ContainerFixtures.id) {
    addContainer(id)
    session.shells.append(ShellFrame(place: .container(id: id)))
  }

  /// Puts a running container over a minimal Linux tree in the engine's store.
  public mutating func addContainer(_ id: String = ContainerFixtures.id) {
    let now = session.engine.clock.now
    let tree = ContainerFixtures.minimalTree(at: now)
    session.engine.containers.add(ContainerFixtures.running(id: id, filesystem: tree, at: now))
  }

  /// The text of a file in the current place.
  public func file(_ path: String) -> String? {
    var fs = session.filesystem
    guard let content = try? fs.readFile(path) else { return nil }
    return String(decoding: content.bytes, as: UTF8.self)
  }
}

public func out(_ stdout: String, _ stderr: String = "", _ status: Int32 = 0) -> ShellHarness.Outcome {
  ShellHarness.Outcome(stdout: stdout, stderr: stderr, status: status)
}
