import DockSimCore
import DockSimShell

/// The programs this folder gives the shell: `docker`.
public enum DockerPrograms {
  public static var all: [String: any Program] { ["docker": DockerProgram()] }
}

/// `docker` on the simulated host.
struct DockerProgram: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    DockerCLI(version: session.settings.dockerVersion, invocation: invocation).main(session: &session, console: &console)
  }

  func completions(after arguments: [String], current: String, session: Session) -> [String]? {
    DockerCompletion(session: session).candidates(after: arguments, current: current)
  }
}

/// The docker CLI's dispatch: root flags, management commands (`docker container
/// ls`), top-level commands and aliases (`docker ps`), help, and the errors for
/// words it does not know, as cobra and docker/cli print them.
struct DockerCLI {
  let version: DockerVersion
  let invocation: Invocation
  /// The commands it knows (tests pass their own).
  var entries: [DockerCommandEntry] = DockerCommandTable.entries

  /// The management commands; their subcommands are the table's two-word paths.
  static let groups = ["container", "image", "system"]

  /// The `docker` flags that come before the command (cmd/docker/docker.go).
  private var rootFlags: [DockerFlag] {
    let listed = DockerHelp.text([], version: version).map(DockerHelp.listedFlags) ?? []
    return listed + [.bool("help", short: "h")]
  }

  func main(session: inout Session, console: inout Console) -> Int32 {
    let parser = FlagParser(flags: rootFlags, interspersed: false)
    switch parser.parse(Array(invocation.arguments.dropFirst())) {
    case .failure(let failure):
      console.errorLine(rootFlagError(failure.message))
      return 125
    case .success(let parsed):
      if parsed.values["version"]?.last == "true" {
        console.line("Docker version \(version.fullVersion), build \(DockerCLI.gitCommit(version))")
        return 0
      }
      if parsed.values["help"]?.last == "true" {
        console.write(DockerHelp.text([], version: version) ?? "")
        return 0
      }
      guard let name = parsed.positionals.first else {
        console.write(DockerHelp.text([], version: version) ?? "", to: .stderr)
        return 0
      }
      let rest = Array(parsed.positionals.dropFirst())
      if name == "help" { return help(topic: rest, console: &console) }
      if DockerCLI.groups.contains(name) { return group(name, rest, session: &session, console: &console) }
      guard let entry = DockerCLI.find([name], in: entries, version: version) else {
        return unknown([name] + rest, console: &console)
      }
      return runCommand(entry, rest, session: &session, console: &console)
    }
  }

  /// The `build` of `docker --version`: the upstream release commit.
  static func gitCommit(_ version: DockerVersion) -> String {
    switch version {
    case .v20_10: "297e128"
    case .v28: "e6534b4"
    }
  }

  /// 20.10 follows a root flag error with the usage text, which at that point
  /// does not list cobra's `completion` command (cobra adds it later).
  private func rootFlagError(_ message: String) -> String {
    switch version {
    case .v20_10:
      let help = DockerHelp.text([], version: version) ?? ""
      let usage = help.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("  completion ") }
        .joined(separator: "\n")
      return "\(message)\nSee 'docker --help'.\n" + usage
    case .v28:
      return DockerErrors.flag(message, path: [], usage: "[OPTIONS] COMMAND [ARG...]", version: version)
    }
  }

  /// `docker container ...`, `docker image ...`, `docker system ...`.
  private func group(_ name: String, _ words: [String], session: inout Session, console: inout Console) -> Int32 {
    let help = DockerHelp.text([name], version: version) ?? ""
    guard let first = words.first else {
      console.write(help, to: .stderr)
      return 0
    }
    if first == "--help" || first == "-h" {
      console.write(help)
      return 0
    }
    guard let entry = DockerCLI.find([name, first], in: entries, version: version) else {
      if let line = DockerNotSimulated.answer([name] + words) {
        console.errorLine(line)
        return DockerNotSimulated.status
      }
      switch version {
      case .v20_10: console.write(help, to: .stderr)
      case .v28: console.errorLine(DockerErrors.unknownSubcommand(first, group: name))
      }
      return 1
    }
    return runCommand(entry, Array(words.dropFirst()), session: &session, console: &console)
  }

  /// A command docksim does not have: a listed one it does not simulate says so (125);
  /// a name the real CLI does not have either gets the CLI's own error (1).
  private func unknown(_ words: [String], console: inout Console) -> Int32 {
    if let line = DockerNotSimulated.answer(Array(words.prefix { !$0.hasPrefix("-") })) {
      console.errorLine(line)
      return DockerNotSimulated.status
    }
    console.errorLine(DockerErrors.unknownCommand(words[0], version: version))
    return 1
  }

  /// `docker help`, `docker help run`, `docker help container ls`.
  private func help(topic: [String], console: inout Console) -> Int32 {
    if topic.isEmpty || (topic.count == 1 && DockerCLI.groups.contains(topic[0])) {
      console.write(DockerHelp.text(topic, version: version) ?? "")
      return 0
    }
    guard let entry = DockerCLI.find(topic, in: entries, version: version),
      let text = DockerHelp.text(entry.path, version: version)
    else {
      console.errorLine("unknown help topic: \(topic.joined(separator: " "))")
      return 1
    }
    console.write(text)
    return 0
  }

  /// The entry whose path or alias matches the words typed.
  static func find(_ words: [String], in entries: [DockerCommandEntry], version: DockerVersion)
    -> DockerCommandEntry?
  {
    entries.first { entry in
      guard entry.path.count == words.count, entry.onlyIn == nil || entry.onlyIn == version else { return false }
      return entry.path == words || (entry.path.dropLast() == words.dropLast() && entry.aliases.contains(words.last!))
    }
  }

  /// Parses a leaf command's words, handles `--help` and argument counts, and runs it.
  private func runCommand(
    _ entry: DockerCommandEntry, _ words: [String], session: inout Session, console: inout Console
  ) -> Int32 {
    let configuration = entry.command.configuration
    let help = DockerHelp.text(entry.path, version: version)
    let parser = FlagParser(
      flags: DockerCLI.flagSet(configuration, help: help), interspersed: configuration.interspersed)
    switch parser.parse(words) {
    case .failure(let failure):
      console.errorLine(
        DockerErrors.flag(failure.message, path: entry.path, usage: configuration.usage, version: version))
      return 125
    case .success(let parsed):
      if parsed.values["help"]?.last == "true" {
        console.write(help ?? "")
        return 0
      }
      guard configuration.arguments.accepts(parsed.positionals.count) else {
        console.errorLine(
          DockerErrors.argumentCount(
            configuration.arguments, path: entry.path, usage: configuration.usage,
            abstract: configuration.abstract(for: version), version: version))
        return 1
      }
      // Processes that ended on their own by now (`sleep 5`) are exited for every command.
      session.settleContainers()
      let command = ParsedCommand(
        path: entry.path, configuration: configuration, version: version, positionals: parsed.positionals,
        values: parsed.values, invocation: invocation)
      return entry.command.run(command, session: &session, console: &console)
    }
  }

  /// The flags of the command in this version: every flag its real help lists
  /// (typed and defaulted by the command's declaration when it declares it), the
  /// hidden flags it declares, and cobra's `-h, --help` (without `-h` when the
  /// command uses it, as `docker run -h HOST`). A declared flag this version's
  /// help does not list does not exist in this version (`docker stop --timeout` is 28's).
  static func flagSet(_ configuration: DockerCommandConfiguration, help: String?) -> [DockerFlag] {
    let declared = configuration.flags
    guard let help else { return declared + [.bool("help", short: "h")] }
    var flags: [DockerFlag] = DockerHelp.listedFlags(help).map { listed in
      guard var mine = declared.first(where: { $0.long == listed.long }) else { return listed }
      mine.short = listed.short
      return mine
    }
    flags += declared.filter { flag in flag.hidden && !flags.contains { $0.long == flag.long } }
    if !flags.contains(where: { $0.long == "help" }) {
      let shortTaken = flags.contains { $0.short == "h" }
      flags.append(.bool("help", short: shortTaken ? nil : "h"))
    }
    return flags
  }
}
