import DockSimCore
import DockSimShell

/// The real help texts (`Help/`, captured from the real CLIs and compiled in as
/// `EmbeddedHelp`) and the flag sets read from them.
enum DockerHelp {
  /// The text `docker <path> --help` prints in `version`, or nil if none was captured.
  static func text(_ path: [String], version: DockerVersion) -> String? {
    let key = path.joined(separator: " ")
    if let text = EmbeddedHelp.files[fileName(key, version)] { return text }
    guard let canonical = aliases[version]?[key], let text = EmbeddedHelp.files[fileName(canonical, version)] else {
      return nil
    }
    return renamed(text, from: canonical, to: key)
  }

  /// Every command path with a captured text in `version` ("" is `docker`).
  static func paths(version: DockerVersion) -> [String] {
    let folder = version.rawValue + "/"
    let files = EmbeddedHelp.files.keys.filter { $0.hasPrefix(folder) && $0.hasSuffix(".txt") }
    let captured = files.map { name in
      let command = name.dropFirst(folder.count).dropLast(".txt".count)
      return command == "docker" ? "" : String(command.map { $0 == "_" ? " " : $0 })
    }
    return captured + (aliases[version].map { Array($0.keys) } ?? [])
  }

  /// `container ls` is in `28/container_ls.txt`, `docker` itself in `28/docker.txt`
  /// (docker/cli names its reference pages so: docs/reference/commandline/container_ls.md).
  private static func fileName(_ key: String, _ version: DockerVersion) -> String {
    version.rawValue + "/" + (key.isEmpty ? "docker" : String(key.map { $0 == " " ? "_" : $0 })) + ".txt"
  }

  /// Each version's `aliases.list`: a shortcut (`ps`) and the command whose text it
  /// prints (`container ls`), so that text is stored once.
  private static let aliases: [DockerVersion: [String: String]] = Dictionary(
    uniqueKeysWithValues: DockerVersion.allCases.map { version in
      let list = EmbeddedHelp.files[version.rawValue + "/aliases.list"] ?? ""
      let pairs = list.split(separator: "\n").map { line in
        let words = line.split(separator: " ", maxSplits: 1)
        return (String(words[0]), String(words[1]))
      }
      return (version, Dictionary(uniqueKeysWithValues: pairs))
    })

  /// The help of `canonical` as the shortcut `key` prints it: cobra's Usage line names
  /// the command path typed (`Usage:  docker ps [OPTIONS]`); the rest is the same.
  private static func renamed(_ text: String, from canonical: String, to key: String) -> String {
    text.replacing("Usage:  docker " + canonical, with: "Usage:  docker " + key, maxReplacements: 1)
  }

  /// Every flag the help text lists under `Options:`, typed by the word after its
  /// name (none: bool; `int`: int; `list`, `filter`, ...: repeatable; else string).
  /// Commands declare the flags they read; these make the rest known, so that
  /// `docker run --memory 1g` is accepted as it is by the real CLI.
  static func listedFlags(_ text: String) -> [DockerFlag] {
    var flags: [DockerFlag] = []
    var inOptions = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasSuffix("Options:") {
        inOptions = true
      } else if line.isEmpty {
        inOptions = false
      } else if inOptions, let flag = flag(fromOptionLine: line) {
        flags.append(flag)
      }
    }
    return flags
  }

  /// `  -n, --last int        Show n last...` or `      --no-trunc        Don't...`.
  private static func flag(fromOptionLine line: Substring) -> DockerFlag? {
    var rest = line.drop(while: { $0 == " " })
    var short: Character?
    if rest.hasPrefix("-"), !rest.hasPrefix("--") {
      let letters = rest.dropFirst().prefix(while: { $0 != "," })
      guard letters.count == 1 else { return nil }
      short = letters.first
      rest = rest.dropFirst(2 + 2)  // "-x, "
    }
    guard rest.hasPrefix("--") else { return nil }
    rest = rest.dropFirst(2)
    let long = String(rest.prefix(while: { $0 != " " }))
    rest = rest.dropFirst(long.count)
    var typeWord = ""
    if rest.hasPrefix(" "), !rest.hasPrefix("  ") {
      typeWord = String(rest.dropFirst().prefix(while: { $0 != " " }))
    }
    return DockerFlag(long: long, short: short, kind: kind(of: typeWord))
  }

  private static func kind(of typeWord: String) -> DockerFlag.Kind {
    switch typeWord {
    case "": .bool
    case "int", "int64": .int
    case "duration": .duration
    case "string", "bytes", "uint16", "uint64", "uint", "decimal", "float": .string
    default: .list
    }
  }
}
