import DockSimCore
import DockSimTestSupport
import Foundation
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// The shell differential (issue 24): every command line of Tests/ShellDifferential/corpus.txt
/// runs under `SHELL -c` in a docksim container and in the real shell (bash 5.2, dash 0.5.12,
/// busybox ash) with the machine's GNU tools, each on the same fixture tree at the same
/// absolute path, with the same clean environment. stdout, stderr and the status must match
/// byte for byte; only timestamps and the machine's hostname are normalised. A difference
/// listed in accepted.tsv (with its reason) is expected; a listed one that no longer differs
/// fails too, so the list stays true.
@Suite struct ShellDifferentialTests {
  @Test func corpusMatchesTheRealShells() throws {
    let corpus = try ShellCorpus.load()
    let accepted = try ShellCorpus.accepted()
    var missing: [String] = []
    for shell in ShellCorpus.Shell.allCases where shell.realCommand == nil { missing.append(shell.rawValue) }
    if !missing.isEmpty {
      let message = "the real \(missing.joined(separator: ", ")) is missing: install bash, dash and busybox"
      if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) }
      print("ShellDifferentialTests: skipped, \(message)")
      return
    }
    var docksim = try DocksimShells()
    let real = try RealShells()
    defer { real.remove() }
    var differences = 0
    var acceptedSeen = 0
    // DOCKSIM_DIFF_REPORT=FILE writes every difference there, accepted ones included.
    var report = ""
    for entry in corpus {
      let expected = try real.run(entry)
      let actual = docksim.run(entry, directory: real.directory)
      let key = ShellCorpus.key(entry)
      if expected == actual {
        if accepted[key] != nil {
          Issue.record(Comment(rawValue: "accepted.tsv lists \(key) but it no longer differs: remove it"))
        }
        continue
      }
      differences += 1
      report += "[\(entry.shell.rawValue)] \(entry.command)\n" + ShellRunResult.diff(expected: expected, actual: actual) + "\n"
      if accepted[key] != nil {
        acceptedSeen += 1
        continue
      }
      Issue.record(
        Comment(
          rawValue: "[\(entry.shell.rawValue)] \(entry.command)\n" + ShellRunResult.diff(expected: expected, actual: actual)))
    }
    if let path = ProcessInfo.processInfo.environment["DOCKSIM_DIFF_REPORT"] {
      try report.write(toFile: path, atomically: true, encoding: .utf8)
    }
    print(
      "ShellDifferentialTests: \(corpus.count) lines, \(differences) differ, \(acceptedSeen) of them accepted "
        + "(accepted.tsv lists \(accepted.count))")
  }
}

/// What one command line printed and returned.
struct ShellRunResult: Equatable {
  var stdout: String
  var stderr: String
  var status: Int32

  static func diff(expected: ShellRunResult, actual: ShellRunResult) -> String {
    var out = ""
    if expected.status != actual.status { out += "status: real \(expected.status), docksim \(actual.status)\n" }
    for (name, a, b) in [("stdout", expected.stdout, actual.stdout), ("stderr", expected.stderr, actual.stderr)]
    where a != b {
      out += "\(name):\n"
      let left = a.split(separator: "\n", omittingEmptySubsequences: false)
      let right = b.split(separator: "\n", omittingEmptySubsequences: false)
      for index in 0..<max(left.count, right.count) {
        let l = index < left.count ? String(left[index]) : nil
        let r = index < right.count ? String(right[index]) : nil
        if l == r { out += "  \(l!)\n" } else {
          if let l { out += "- \(l)\n" }
          if let r { out += "+ \(r)\n" }
        }
      }
    }
    return out
  }
}

/// The corpus: `[bash]`, `[dash]`, `[busybox]` start a section; each other line that is
/// not blank or a `#` comment is one command line; a line starting with `> ` continues
/// the one before it after a newline.
enum ShellCorpus {
  enum Shell: String, CaseIterable {
    case bash, dash, busybox

    /// The real shell's argv before `-c`, nil when the machine lacks it.
    var realCommand: [String]? {
      switch self {
      // By name, as a container's PATH finds them: bash names itself by its argv[0].
      case .bash: return HostTool.named("bash").map { _ in ["bash"] }
      case .dash: return HostTool.named("dash").map { _ in ["sh"] }
      case .busybox: return HostTool.named("busybox").map { _ in ["busybox", "sh"] }
      }
    }

    /// The program docksim's container runs.
    var docksimProgram: String { self == .bash ? "bash" : "sh" }
  }

  struct Entry {
    var shell: Shell
    var command: String
  }

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ShellDifferential")

  static func load() throws -> [Entry] {
    let text = try String(contentsOf: folder.appendingPathComponent("corpus.txt"), encoding: .utf8)
    var entries: [Entry] = []
    var shell = Shell.bash
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("> "), !entries.isEmpty {
        entries[entries.count - 1].command += "\n" + line.dropFirst(2)
        continue
      }
      if line.hasPrefix("["), line.hasSuffix("]"), let named = Shell(rawValue: String(line.dropFirst().dropLast())) {
        shell = named
        continue
      }
      if line.isEmpty || line.hasPrefix("#") { continue }
      entries.append(Entry(shell: shell, command: String(line)))
    }
    return entries
  }

  /// accepted.tsv: `shell<TAB>command<TAB>reason`, newlines in the command as `\n`.
  static func accepted() throws -> [String: String] {
    let text = try String(contentsOf: folder.appendingPathComponent("accepted.tsv"), encoding: .utf8)
    var table: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3, !fields[2].isEmpty else { continue }
      table["\(fields[0])\t\(fields[1])"] = String(fields[2])
    }
    return table
  }

  static func key(_ entry: Entry) -> String {
    "\(entry.shell.rawValue)\t" + entry.command.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
  }

  /// The fixture tree, built by the shell in the directory before every line.
  static func fixture() throws -> String {
    try String(contentsOf: folder.appendingPathComponent("fixture.sh"), encoding: .utf8)
  }

  /// The environment both sides run with, in the daemon's order.
  static func environment(home: String) -> [(String, String)] {
    [("PATH", SystemTools.defaultPath), ("HOSTNAME", DocksimShells.hostname), ("HOME", home)]
  }

  /// Timestamps (`Dec  5 02:10`, `2026-12-05 02:10`) and the machine's hostname.
  static func normalised(_ text: String, hostname: String) -> String {
    var out = text
    if !hostname.isEmpty { out = out.replacingOccurrences(of: hostname, with: DocksimShells.hostname) }
    let patterns = [
      #"[A-Z][a-z]{2} [ 0-9][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4})"#,
      #"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?( [+-][0-9]{4})?)?"#,
    ]
    for pattern in patterns {
      out = out.replacingOccurrences(of: pattern, with: "<time>", options: .regularExpression)
    }
    return out
  }
}

/// The real shells, contained: a scratch directory of their own, a clean environment,
/// standard input from /dev/null, and a time limit.
struct RealShells {
  let directory: String
  let hostname = ProcessInfo.processInfo.hostName
  private let root: String
  private let fixture: String

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("docksim-shell-diff-\(getpid())").path
    directory = root + "/work"
    fixture = try ShellCorpus.fixture()
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }

  func run(_ entry: ShellCorpus.Entry) throws -> ShellRunResult {
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory + "/home", withIntermediateDirectories: true)
    _ = try execute(["/bin/bash", "-c", fixture])
    let result = try execute(entry.shell.realCommand! + ["-c", entry.command])
    return ShellRunResult(
      stdout: ShellCorpus.normalised(result.stdout, hostname: hostname),
      stderr: ShellCorpus.normalised(result.stderr, hostname: hostname), status: result.status)
  }

  private func execute(_ argv: [String]) throws -> ShellRunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["-i"] + ShellCorpus.environment(home: directory + "/home").map { "\($0)=\($1)" } + argv
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // Output goes to files in the scratch root: no pipe can fill while the other is read.
    let outPath = root + "/stdout"
    let errPath = root + "/stderr"
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    try process.run()
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning {
      if Date() > deadline { process.terminate() }
      usleep(2_000)
    }
    let outData = FileManager.default.contents(atPath: outPath) ?? Data()
    let errData = FileManager.default.contents(atPath: errPath) ?? Data()
    return ShellRunResult(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }
}

struct SetupFailure: Error, CustomStringConvertible {
  var description: String
}

/// docksim's side: an ubuntu container (bash, dash) and an alpine one (busybox), each
/// with the fixture tree rebuilt at the real run's path before every line.
struct DocksimShells {
  static let hostname = "shell-diff"
  private var session: Session
  private var containers: [ShellCorpus.Shell: String] = [:]
  private let fixture: String

  init() throws {
    session = Session(settings: Settings(), hub: RegistryTestSupport.hub ?? Hub())
    fixture = try ShellCorpus.fixture()
    for (shell, image) in [(ShellCorpus.Shell.bash, "ubuntu:18.04"), (.dash, "ubuntu:18.04"), (.busybox, "alpine:3.11")] {
      var console = Console(traits: .plain)
      let name = "diff-\(shell.rawValue)"
      _ = session.execute("docker run -d -h \(Self.hostname) --name \(name) \(image) sleep infinity", console: &console)
      guard let container = session.engine.containers.all.first(where: { $0.name == name }) else {
        throw SetupFailure(description: "docksim could not start \(image): \(console.combinedText)")
      }
      containers[shell] = container.id
    }
  }

  mutating func run(_ entry: ShellCorpus.Entry, directory: String) -> ShellRunResult {
    let id = containers[entry.shell]!
    let environment = Dictionary(uniqueKeysWithValues: ShellCorpus.environment(home: directory + "/home"))
    var setup = Console(traits: .plain)
    _ = session.runInContainer(
      id, arguments: ["sh", "-c", "rm -rf \(directory); mkdir -p \(directory)/home; cd \(directory) && \(fixture)"],
      environment: environment, console: &setup)
    var console = Console(traits: .plain)
    let status = session.runInContainer(
      id, arguments: [entry.shell.docksimProgram, "-c", entry.command], workingDirectory: directory,
      environment: environment, console: &console)
    return ShellRunResult(stdout: console.stdoutText, stderr: console.stderrText, status: status)
  }
}
