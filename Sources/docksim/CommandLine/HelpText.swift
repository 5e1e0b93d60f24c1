/// Help and usage texts, laid out as swift-argument-parser laid them out (which docksim
/// used before): OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS; help in a column at
/// 26, lines wrapped before 80 columns.
enum HelpText {
  static let width = 80
  static let helpColumn = 26

  /// `docksim --help`, `docksim help lesson`.
  static func help(_ path: [CommandSpec]) -> String {
    let command = path[path.count - 1]
    var sections = ["OVERVIEW: " + command.abstract]
    if !command.discussion.isEmpty { sections.append(wrap(command.discussion, indent: 0)) }
    sections.append("USAGE: " + usage(path))
    if !command.arguments.isEmpty {
      sections.append("ARGUMENTS:\n" + command.arguments.map { entry($0.label, $0.help) }.joined())
    }
    sections.append("OPTIONS:\n" + (command.options.map(optionEntry) + standardEntries).joined())
    if !command.subcommands.isEmpty {
      let names = path.map(\.name).joined(separator: " ")
      sections.append(
        "SUBCOMMANDS:\n" + command.subcommands.map { entry($0.name, $0.abstract) }.joined()
          + "\n  See '\(names) help <subcommand>' for detailed help.\n")
    }
    return sections.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "\n")
  }

  /// `docksim lesson [<names> ...] [--check] ...`: arguments, then options, then the
  /// subcommand, all on one line.
  static func usage(_ path: [CommandSpec]) -> String {
    let command = path[path.count - 1]
    var parts = [path.map(\.name).joined(separator: " ")]
    parts += command.arguments.map { $0.repeated ? "[\($0.label) ...]" : $0.label }
    parts += command.options.map { option in
      if case .repeated = option.kind { return "[\(option.label) ...]" }
      return "[\(option.label)]"
    }
    if !command.subcommands.isEmpty { parts.append("[<subcommand>]") }
    return parts.joined(separator: " ")
  }

  /// What docksim prints for a command line it cannot use (exit status 64).
  static func error(_ error: UsageError, path: [CommandSpec]) -> String {
    var text = "Error: \(error.message)\n"
    if let label = error.helpFor, let help = helpLine(for: label, in: path[path.count - 1]) {
      text += "Help:  \(label)  \(help)\n"
    }
    let names = path.map(\.name).joined(separator: " ")
    return text + "Usage: \(usage(path))\n  See '\(names) --help' for more information.\n"
  }

  private static func helpLine(for label: String, in command: CommandSpec) -> String? {
    command.options.first { $0.label == label }?.help ?? command.arguments.first { $0.label == label }?.help
  }

  private static let standardEntries = [
    entry("--version", "Show the version."), entry("-h, --help", "Show help information."),
  ]

  private static func optionEntry(_ option: OptionSpec) -> String {
    entry(option.label, option.help + (option.defaultValue.map { " (default: \($0))" } ?? ""))
  }

  /// `  LABEL   help...`, the help on the next line when the label is too long.
  private static func entry(_ label: String, _ help: String) -> String {
    let head = "  " + label
    let body = wrap(help, indent: helpColumn)
    guard head.count + 2 <= helpColumn else { return head + "\n" + body }
    return head + String(body.dropFirst(head.count))
  }

  /// Words filled into lines shorter than `width`, each indented by `indent` spaces.
  static func wrap(_ text: String, indent: Int) -> String {
    let margin = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if !line.isEmpty && margin.count + line.count + 1 + word.count >= width {
        lines.append(margin + line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty || lines.isEmpty { lines.append(margin + line) }
    return lines.joined(separator: "\n") + "\n"
  }
}
