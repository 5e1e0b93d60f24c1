import DockSimCore
import DockSimShell

/// docker's completion: subcommands and their flags from the command table and the
/// captured help texts, operands from the session (images, containers, registry).
struct DockerCompletion {
  let session: Session
  var version: DockerVersion { session.settings.dockerVersion }

  /// What the word after `docker args...` can be.
  func candidates(after args: [String], current: String) -> [String] {
    let positionals = args.filter { !$0.hasPrefix("-") }
    guard let first = positionals.first else {
      return current.hasPrefix("-") ? flagNames(DockerHelp.text([], version: version).map(DockerHelp.listedFlags) ?? []) : commands(under: [])
    }
    var path = [first]
    if !subcommands(of: first).isEmpty {
      guard positionals.count > 1 else { return current.hasPrefix("-") ? [] : subcommands(of: first) }
      path.append(positionals[1])
    }
    guard let command = resolve(path) else { return [] }
    if current.hasPrefix("-") { return flagNames(command.flags) }
    let operandIndex = operandCount(args: args, after: path, flags: command.flags)
    return operands(for: command, index: operandIndex)
  }

  /// A docker command as completion sees it.
  struct Command {
    var path: [String]
    var usage: String
    var flags: [DockerFlag]
  }

  /// Every path docksim knows: the table's paths and the captured help texts. Aliases
  /// (`docker image list`) are left out, as cobra's completion leaves them out.
  private var knownPaths: [[String]] {
    var paths = DockerCommandTable.entries.map(\.path)
    paths += DockerHelp.paths(version: version).filter { !$0.isEmpty }.map { $0.split(separator: " ").map(String.init) }
    return paths
  }

  private func commands(under prefix: [String]) -> [String] {
    knownPaths.filter { $0.count == prefix.count + 1 && Array($0.prefix(prefix.count)) == prefix }.map { $0[prefix.count] }
  }

  private func subcommands(of group: String) -> [String] { commands(under: [group]) }

  private func resolve(_ path: [String]) -> Command? {
    let entry = DockerCLI.find(path, in: DockerCommandTable.entries, version: version)
    let canonical = entry?.path ?? path
    let help = DockerHelp.text(canonical, version: version)
    guard entry != nil || help != nil else { return nil }
    let flags = entry.map { DockerCLI.flagSet($0.command.configuration, help: help) } ?? help.map(DockerHelp.listedFlags) ?? []
    let usage = entry?.command.configuration.usage ?? help.flatMap(Self.usage(fromHelp:)) ?? ""
    return Command(path: canonical, usage: usage, flags: flags)
  }

  /// `NAME[:TAG|@DIGEST]` from a help text's `Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]`.
  static func usage(fromHelp help: String) -> String? {
    guard let line = help.split(separator: "\n").first(where: { $0.hasPrefix("Usage:") }) else { return nil }
    let words = line.split(separator: " ").dropFirst()
    guard let options = words.firstIndex(where: { $0.hasPrefix("[OPTIONS]") }) else { return "" }
    return words[options...].joined(separator: " ")
  }

  private func flagNames(_ flags: [DockerFlag]) -> [String] {
    flags.filter { !$0.hidden }.flatMap { flag in
      ["--" + flag.long] + (flag.short.map { ["-" + String($0)] } ?? [])
    }
  }

  /// How many operands come before the cursor (values of flags that take one do not count).
  private func operandCount(args: [String], after path: [String], flags: [DockerFlag]) -> Int {
    var count = 0
    var skipValue = false
    var seenPath = 0
    for arg in args {
      if skipValue {
        skipValue = false
      } else if seenPath < path.count && !arg.hasPrefix("-") {
        seenPath += 1
      } else if arg.hasPrefix("-") {
        skipValue = seenPath == path.count && takesValue(arg, flags: flags)
      } else {
        count += 1
      }
    }
    return count
  }

  private func takesValue(_ arg: String, flags: [DockerFlag]) -> Bool {
    guard !arg.contains("=") else { return false }
    let flag: DockerFlag?
    if arg.hasPrefix("--") {
      flag = flags.first { $0.long == arg.dropFirst(2) }
    } else {
      flag = arg.count == 2 ? flags.first { $0.short == arg.last } : nil
    }
    return flag.map { $0.kind != .bool } ?? false
  }

  /// The candidates for operand `index`, by the placeholder the usage line gives it:
  /// `CONTAINER`, `IMAGE`, `NAME[:TAG]` (the registry for pull and search).
  private func operands(for command: Command, index: Int) -> [String] {
    let placeholders = command.usage.split(separator: " ").dropFirst().filter { !$0.hasPrefix("[OPTIONS") }
    var placeholder: Substring?
    if index < placeholders.count {
      placeholder = placeholders[placeholders.startIndex + index]
    } else if let last = placeholders.last, last.hasSuffix("...]") {
      placeholder = last
    }
    guard let placeholder else { return [] }
    let name = command.path.last ?? ""
    if placeholder.contains("CONTAINER") { return session.containerNames() }
    if name == "pull" || name == "search" { return session.registryNames() }
    if placeholder.contains("IMAGE") || placeholder.hasPrefix("NAME") || placeholder.hasPrefix("[NAME") {
      return session.localImageNames()
    }
    return []
  }
}

extension Session {
  /// Local image references for `docker run`, `rmi`, `tag`, ...: each tag as docker
  /// shows it (`ubuntu:18.04`) and its repository (`ubuntu`).
  func localImageNames() -> [String] {
    engine.images.tags.keys.flatMap { [$0.familiar, $0.familiarName] }
  }

  /// What `docker pull` can fetch from the registry: repositories (`ubuntu`,
  /// `nuagebec/ubuntu`) and their tags (`ubuntu:18.04`).
  func registryNames() -> [String] {
    engine.hub.allRepositories.flatMap { repository in
      [repository.searchName] + repository.tagOrder.map { repository.searchName + ":" + $0 }
    }
  }

  /// Container names and short IDs, for `docker start`, `rm`, `exec`, ...
  func containerNames() -> [String] {
    engine.containers.all.flatMap { [$0.name, $0.shortID] }.sorted()
  }
}
