import DockSimCore

/// The real help texts (`DockerHelpTexts`, captured from the real CLIs) and the
/// flag sets read from them.
enum DockerHelp {
  /// The text `docker <path> --help` prints in `version`, or nil if none was captured.
  static func text(_ path: [String], version: DockerVersion) -> String? {
    let key = path.joined(separator: " ")
    switch version {
    case .v20_10: return DockerHelpTexts.v20_10[key]
    case .v28: return DockerHelpTexts.v28[key]
    }
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
