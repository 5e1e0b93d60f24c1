import DockSimTestSupport
import Foundation
import Testing

@testable import docksim

/// docksim's own command line: help, version, errors (status 64) and the options that
/// start a session, run through the built binary into one readable transcript
/// (Tests/Transcripts/cli/command-line.txt).
@Suite struct CommandLineTests {
  static let cases: [(arguments: [String], input: String)] = [
    (["--help"], ""), (["help", "lesson"], ""), (["record", "-h"], ""), (["--version"], ""),
    (["--foo"], ""), (["-x"], ""), (["--script"], ""), (["--echo=1"], ""), (["bogus"], ""), (["--", "lesson"], ""),
    (["--lang", "fr"], ""), (["--docker-version", "19"], ""), (["--clock", "yesterday"], ""),
    (["--hub", "/nonexistent/hub.yaml"], ""), (["record"], ""), (["record", "a.md", "b.md"], ""),
    (["lesson", "--delay", "x"], ""), (["record", "x.md", "--seed", "-1"], ""),
    (["--script", "-", "--echo"], "echo hi\n"), (["--script=-", "--fail-fast"], "false\necho not reached\n"),
    (["--docker-version=28", "--clock", "2021-06-01T00:00:00Z"], "docker version --format '{{.Client.Version}}'\ndate\n"),
    // An unknown subcommand is a usage error wherever it stands, -h or --version or not.
    (["nosuch", "--help"], ""), (["--help", "nosuch"], ""), (["nosuch", "--version"], ""), (["-h", "record"], ""),
  ]

  @Test func transcript() throws {
    var text = ""
    for (arguments, input) in Self.cases {
      let result = try Binary.run(arguments, script: input)
      text += "$ docksim \(arguments.joined(separator: " "))\n" + Self.withoutCommit(result.stdout)
      if !result.stderr.isEmpty { text += "[stderr]\n" + result.stderr }
      text += "[exit \(result.status)]\n\n"
    }
    GoldenFile.check(text, file: "command-line.txt", folder: "cli")
  }

  /// The commit a build comes from changes with every commit: the transcript says COMMIT.
  static func withoutCommit(_ text: String) -> String {
    text.replacing(/\(commit [0-9a-f]{12}\)/, with: "(commit COMMIT)")
  }

  /// `--version` is VERSION's first line, and in a git checkout the commit HEAD names
  /// (the build embeds it); VERSION is the one place the version is written.
  @Test func versionComesFromTheVersionFileAndTheCommit() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let version = try String(contentsOf: root.appendingPathComponent("VERSION"), encoding: .utf8)
      .split(separator: "\n").first.map(String.init)
    let output = try Binary.run(["--version"], script: "").stdout
    let git = try #require(HostTool.named("git"), "git is needed to check the embedded commit")
    let head = try HostTool.run(git, ["-C", root.path, "rev-parse", "HEAD"])
    let commit = head.status == 0 ? String(head.output.prefix(12)) : nil
    #expect(output == "docksim \(version ?? "?")" + (commit.map { " (commit \($0))" } ?? "") + "\n")
  }

  /// A `--hub` file is opened at start (a missing one or a directory stops docksim
  /// with status 64) but read only when the Hub is first used: a bad one then ends the
  /// run with its file, line and field (status 1).
  @Test func hubFilesAreOpenedAtStartAndReadOnFirstUse() throws {
    let folder = Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let good = folder + "/class.yaml", bad = folder + "/bad.yaml"
    try """
      version: 1
      repositories:
        - name: teacher/demo
          official: false
          stars: 3
          description: The class demo.
          images:
            - tags: [latest]
              from: scratch
              created: 2020-01-10T00:00:00Z
              steps:
                - ADD: /
                  files:
                    /hello.txt: "hi\n"
      """.write(toFile: good, atomically: true, encoding: .utf8)
    try "version: 1\nrepositories: 7\n".write(toFile: bad, atomically: true, encoding: .utf8)
    let found = try Binary.run(["--hub", good], script: "docker search --format '{{.Name}} {{.StarCount}}' teacher\n")
    #expect(found == Binary.Result(stdout: "teacher/demo 3\n", stderr: "", status: 0))
    let directory = try Binary.run(["--hub", folder], script: "echo not reached\n")
    #expect(directory.status == 64 && directory.stderr.hasPrefix("Error: --hub: cannot read '\(folder)'.\n"))
    let parsedLate = try Binary.run(["--hub", bad], script: "echo before\ndocker search x\n")
    #expect(parsedLate.stdout == "before\n")
    #expect(parsedLate.stderr.hasPrefix("docksim: --hub: \(bad):2: repositories"))
    #expect(parsedLate.status == 1)
  }

  static let root = Launcher.root

  @Test func repeatedOptionsCollectAndSingleOnesKeepTheLast() throws {
    let request = try CommandLineParser.parse(["--hub", "a", "--hub=b", "--script", "x", "--script=y"], root: Self.root)
    guard case .run(let parsed) = request else { Issue.record("\(request)"); return }
    #expect(parsed.values("hub") == ["a", "b"])
    #expect(parsed.value("script") == "y")
  }

  @Test func dashIsAValueAndDoubleDashEndsOptions() throws {
    #expect(try CommandLineParser.parse(["--script", "-"], root: Self.root) == .run(
      ParsedCommandLine(commandPath: ["docksim"], values: ["script": ["-"]])))
    #expect(try CommandLineParser.parse(["lesson", "--", "--check"], root: Self.root) == .run(
      ParsedCommandLine(commandPath: ["docksim", "lesson"], arguments: ["--check"])))
  }

  @Test func subcommandsTakeTheRestAndHelpWinsAnywhere() throws {
    #expect(try CommandLineParser.parse(["--no-color", "lesson", "--check", "01"], root: Self.root) == .run(
      ParsedCommandLine(commandPath: ["docksim", "lesson"], flags: ["check"], arguments: ["01"])))
    #expect(try CommandLineParser.parse(["lesson", "--bogus", "--help"], root: Self.root) == .help(commandPath: ["docksim", "lesson"]))
    #expect(try CommandLineParser.parse(["help", "record", "x"], root: Self.root) == .help(commandPath: ["docksim", "record"]))
  }

  @Test func helpEntriesWrapBefore80Columns() {
    for line in HelpText.help([Self.root]).split(separator: "\n") where !line.hasPrefix("USAGE:") {
      #expect(line.count < 80, "\(line)")
    }
  }
}
