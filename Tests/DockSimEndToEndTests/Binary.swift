import Foundation

/// The built `docksim` binary and ways to run it, for the end-to-end tests.
enum Binary {
  /// The binary under test: `DOCKSIM_BINARY` when set (scripts/test runs these suites
  /// again against the release build, and the packaging test against an installed copy),
  /// else `.build/<triple>/debug/docksim`, beside the test bundle that is running.
  static var path: String {
    if let named = ProcessInfo.processInfo.environment["DOCKSIM_BINARY"], !named.isEmpty { return named }
    return builtBeside
  }

  private static var builtBeside: String {
    let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
    // On some layouts the runner sits inside `docksimPackageTests.xctest/`.
    while directory.path != "/" && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("docksim").path) {
      directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("docksim").path
  }

  /// A fresh directory for HOME and XDG_STATE_HOME, so no test touches the real history.
  static func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "docksim-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// The environment a test runs docksim in: UTF-8, no backtrace prompt, private home.
  static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
    var environment = [
      "PATH": "/usr/bin:/bin", "HOME": home, "XDG_STATE_HOME": home + "/state", "LANG": "C.UTF-8",
      "SWIFT_BACKTRACE": "interactive=no",
    ]
    environment.merge(extra) { _, new in new }
    return environment
  }

  struct Result: Equatable {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// Runs docksim with `input` on a pipe as standard input (files, not pipes, carry the
  /// output, so a megabyte of it cannot deadlock the test).
  static func run(_ arguments: [String] = [], input: [UInt8], environment extra: [String: String] = [:]) throws -> Result {
    let home = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let inputPath = home + "/stdin", outPath = home + "/stdout", errPath = home + "/stderr"
    _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input))
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = environment(home: home, extra: extra)
    process.standardInput = FileHandle(forReadingAtPath: inputPath)
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    try process.run()
    process.waitUntilExit()
    let stdout = FileManager.default.contents(atPath: outPath) ?? Data()
    let stderr = FileManager.default.contents(atPath: errPath) ?? Data()
    return Result(
      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
      status: process.terminationStatus)
  }

  static func run(_ arguments: [String] = [], script: String, environment: [String: String] = [:]) throws -> Result {
    try run(arguments, input: Array(script.utf8), environment: environment)
  }
}
