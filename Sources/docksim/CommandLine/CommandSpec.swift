/// What a docksim command accepts, declared as plain data.
///
/// docksim's own command line used to go through swift-argument-parser, whose parse
/// discovers options by runtime reflection (Mirror, existential casts, generic metadata
/// from mangled names): about 6 M instructions for one option and 12 M for docksim's,
/// more than a whole minimal Swift program takes to start (BENCHMARKS.md §1). Three
/// commands and twenty options do not need reflection: the specs below are read by
/// `CommandLineParser` and `HelpText`, and each command builds itself from the result.
struct CommandSpec: Sendable {
  var name: String
  var abstract: String
  var discussion = ""
  var options: [OptionSpec] = []
  var arguments: [ArgumentSpec] = []
  var subcommands: [CommandSpec] = []

  func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
  func subcommand(named name: String) -> CommandSpec? { subcommands.first { $0.name == name } }
}

/// A `--name` option: a flag, or one that takes a value (the last one given wins),
/// or a repeatable one that collects every value.
struct OptionSpec: Sendable {
  enum Kind: Sendable {
    case flag
    case value(valueName: String)
    case repeated(valueName: String)
  }

  var name: String
  var kind: Kind
  var help: String
  /// Shown after the help as "(default: X)".
  var defaultValue: String? = nil

  static func flag(_ name: String, help: String) -> OptionSpec {
    OptionSpec(name: name, kind: .flag, help: help)
  }

  static func value(_ name: String, _ valueName: String, help: String, default value: String? = nil) -> OptionSpec {
    OptionSpec(name: name, kind: .value(valueName: valueName), help: help, defaultValue: value)
  }

  static func repeated(_ name: String, _ valueName: String, help: String) -> OptionSpec {
    OptionSpec(name: name, kind: .repeated(valueName: valueName), help: help)
  }

  var takesValue: Bool {
    if case .flag = kind { return false }
    return true
  }

  /// `--name` or `--name <VALUE>`, as usage lines and errors write it.
  var label: String {
    switch kind {
    case .flag: return "--\(name)"
    case .value(let valueName), .repeated(let valueName): return "--\(name) <\(valueName)>"
    }
  }
}

/// A positional argument: one required value, or any number of them.
struct ArgumentSpec: Sendable {
  var name: String
  var help: String
  var repeated = false

  var label: String { "<\(name)>" }
}
