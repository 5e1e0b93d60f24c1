import DockSimShell
import DockSimCore
import DockSimData
import DockSimTerminal
import Foundation
import Glibc

/// The options that decide what a session prints.
struct SessionOptions {
  static let specs: [OptionSpec] = [
    .value(
      "lang", "zh|en", help: "Language of docksim's own messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG)."),
    .flag("no-color", help: "No colour (the NO_COLOR environment variable does the same)."),
    .value("docker-version", "20.10|28", help: "The Docker release whose output to reproduce: 20.10 or 28.", default: "20.10"),
    .value("clock", "ISO-8601", help: "Start of the simulated clock (default 2020-01-15T10:00:00Z)."),
    .repeated(
      "hub", "FILE", help: "A Hub catalog file to add to the bundled one (repeatable; format: docs/hub-format.md)."),
  ]

  var lang: String?
  var noColor: Bool
  var dockerVersion: String
  var clock: String?
  var hubFiles: [String]
  /// Whose usage a bad value shows.
  private var commandPath: [String]

  init(_ parsed: ParsedCommandLine) {
    lang = parsed.value("lang")
    noColor = parsed.flag("no-color")
    dockerVersion = parsed.value("docker-version") ?? "20.10"
    clock = parsed.value("clock")
    hubFiles = parsed.values("hub")
    commandPath = parsed.commandPath
  }

  /// The settings these options describe.
  func settings() throws(UsageError) -> Settings {
    guard let version = DockerVersion(argument: dockerVersion) else {
      throw invalid("--docker-version must be 20.10 or 28, not '\(dockerVersion)'.")
    }
    return Settings(language: try language(), dockerVersion: version, clockStart: try clockStart())
  }

  /// The registry the session pulls from: the bundled catalog, then each `--hub FILE`.
  /// A file that cannot be opened stops docksim now; the catalogs are read and parsed
  /// on the Hub's first use (start-up does not grow with them), and a bad one then
  /// ends docksim with an error naming the file, the line and the field (`HubLoadCheck`).
  func hub() throws(UsageError) -> Hub {
    var files = [HubSource(name: Hub.bundledCatalogName) { BundledData.hubFile(Hub.bundledCatalogName) }]
    for path in hubFiles {
      guard Self.isReadableFile(path) else { throw invalid("--hub: cannot read '\(path)'.") }
      files.append(HubSource(name: path) { try? String(contentsOfFile: path, encoding: .utf8) })
    }
    return Hub.lazy(files: files)
  }

  /// Opens and closes `path`: what reading it later needs, without reading it now.
  private static func isReadableFile(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var info = stat()
    return fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR
  }

  private func language() throws(UsageError) -> Language {
    if let lang {
      guard let language = Language(rawValue: lang) else {
        throw invalid("--lang must be zh or en, not '\(lang)'.")
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

  private func invalid(_ message: String) -> UsageError { UsageError(message: message, commandPath: commandPath) }

  private func clockStart() throws(UsageError) -> Timestamp {
    guard let clock else { return SimClock.defaultStart }
    guard let start = Timestamp(iso8601: clock) else {
      throw invalid("--clock must be an ISO-8601 instant such as 2020-01-15T10:00:00Z, not '\(clock)'.")
    }
    return start
  }
}
