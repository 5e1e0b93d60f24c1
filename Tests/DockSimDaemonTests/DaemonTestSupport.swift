import DockSimPrograms
import DockSimShell
import DockSimCore
import DockSimDaemon
import DockSimData
import Foundation
import Testing

/// A daemon over a session the test prepares with docksim's own docker commands.
struct DaemonHarness {
  /// The bundled catalog, loaded once.
  static let hub: Hub = {
    let text = BundledData.hubFile(Hub.bundledCatalogName) ?? ""
    return (try? Hub.load(files: [(name: Hub.bundledCatalogName, text: text)])) ?? Hub()
  }()

  var session: Session

  /// A session of `version` whose clock is 75 minutes behind the real one, so the real
  /// CLI's "ago" texts (measured against the real clock) read as docksim's do: go-units
  /// says "About an hour" from 60 to 90 minutes, which leaves a slow test 15 minutes.
  init(_ version: DockerVersion, clockStart: Timestamp = DaemonHarness.realTime().adding(.seconds(-4500))) {
    session = Session(settings: Settings(dockerVersion: version, clockStart: clockStart), hub: Self.hub)
  }

  /// Runs `lines` in the session as a student would type them; each must succeed.
  mutating func prepare(_ lines: [String]) {
    for line in lines {
      var console = Console(traits: .plain)
      let status = session.execute(line, console: &console)
      #expect(status == 0, "\(line): \(console.combinedText)")
    }
  }

  /// Moves the simulated clock to the real time: what was prepared happened an hour
  /// ago for the REPL and for a real CLI alike ("About an hour ago" on both sides).
  mutating func catchUpWithRealClock() {
    let now = Self.realTime()
    if now > session.engine.clock.now { session.engine.clock.advance(by: now.since(session.engine.clock.now)) }
  }

  /// The daemon over the prepared session, its clock following the real one from now.
  func daemon() -> Daemon {
    let start = DispatchTime.now().uptimeNanoseconds
    return Daemon(session: session) { Duration(nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - start)) }
  }

  /// What docksim's own CLI prints for `line` on a copy of the prepared session.
  func repl(_ line: String) -> String {
    var copy = session
    var console = Console(traits: .plain)
    _ = copy.execute(line, console: &console)
    return console.combinedText
  }

  static func realTime() -> Timestamp {
    let now = Date().timeIntervalSince1970
    return Timestamp(seconds: Int64(now), nanoseconds: Int64((now - now.rounded(.down)) * 1e9))
  }
}

extension APIResponse {
  var text: String { String(decoding: body, as: UTF8.self) }
  var document: JSONValue? { try? JSONValue(parsing: body) }
}

/// A tool a test needs from the machine: its path, or nil with the test's note. Under
/// CI=true a missing tool fails the test (`.ci/run` installs them).
enum RequiredTool {
  static func path(_ name: String, candidates: [String] = [], install: String) -> String? {
    let places = candidates + ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }
    if let found = places.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
    if ProcessInfo.processInfo.environment["CI"] == "true" {
      Issue.record("\(name) is missing (CI=true): \(install)")
    } else {
      print("skipped: \(name) is not installed (\(install))")
    }
    return nil
  }
}

extension DaemonHarness {
  /// Runs `line` in the session itself (it changes), as the REPL would: standard output,
  /// then standard error (how a test reads a real CLI's two pipes), and the status.
  mutating func step(_ line: String) -> (status: Int32, output: String) {
    var console = Console(traits: .plain)
    let status = session.execute(line, console: &console)
    return (status, console.stdoutText + console.stderrText)
  }
}
