import ArgumentParser
import DockSimCommands
import DockSimCore
import DockSimData
import DockSimTerminal
import Foundation

/// The options that decide what a session prints; lesson subcommands reuse them
/// with `@OptionGroup var session: SessionOptions`.
struct SessionOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Language of docksim's own messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).", valueName: "zh|en"))
  var lang: String?

  @Flag(name: .long, help: "No colour (the NO_COLOR environment variable does the same).")
  var noColor = false

  @Option(
    name: .long,
    help: ArgumentHelp("The Docker release whose output to reproduce: 20.10 or 28.", valueName: "20.10|28"))
  var dockerVersion = "20.10"

  @Option(
    name: .long,
    help: ArgumentHelp("Start of the simulated clock (default 2020-01-15T10:00:00Z).", valueName: "ISO-8601"))
  var clock: String?

  @Option(
    name: .customLong("hub"),
    help: ArgumentHelp(
      "A Hub catalog file to add to the bundled one (repeatable; format: docs/hub-format.md).", valueName: "FILE"))
  var hubFiles: [String] = []

  /// The settings these options describe.
  func settings() throws -> Settings {
    guard let version = DockerVersion(argument: dockerVersion) else {
      throw ValidationError("--docker-version must be 20.10 or 28, not '\(dockerVersion)'.")
    }
    return Settings(language: try language(), dockerVersion: version, clockStart: try clockStart())
  }

  /// The registry the session pulls from: the bundled catalog, then each `--hub FILE`.
  /// A file that cannot be read stops docksim now; the catalogs are parsed on the
  /// Hub's first use (start-up does not grow with them), and a bad one then ends
  /// docksim with an error naming the file, the line and the field (`HubLoadCheck`).
  func hub() throws -> Hub {
    var files = [HubSource(name: Hub.bundledCatalogName) { BundledData.hubFile(Hub.bundledCatalogName) }]
    for path in hubFiles {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw ValidationError("--hub: cannot read '\(path)'.")
      }
      files.append(HubSource(name: path) { text })
    }
    return Hub.lazy(files: files)
  }

  private func language() throws -> Language {
    if let lang {
      guard let language = Language(rawValue: lang) else {
        throw ValidationError("--lang must be zh or en, not '\(lang)'.")
      }
      return language
    }
    return Self.languageFromEnvironment(TerminalEnvironment.variable)
  }

  /// The first non-empty of LC_ALL, LC_MESSAGES and LANG decides, as gettext does.
  static func languageFromEnvironment(_ variable: (String) -> String?) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = variable(name), !value.isEmpty { return Language(localeValue: value) }
    }
    return .en
  }

  private func clockStart() throws -> Timestamp {
    guard let clock else { return SimClock.defaultStart }
    guard let start = Timestamp(iso8601: clock) else {
      throw ValidationError("--clock must be an ISO-8601 instant such as 2020-01-15T10:00:00Z, not '\(clock)'.")
    }
    return start
  }
}
