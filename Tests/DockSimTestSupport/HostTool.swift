import Foundation

/// Runs a real tool of the machine (tar, skopeo, ...) that a test compares docksim with:
/// standard output and error together, and the exit status.
public enum HostTool {
  /// The tool's path in the usual folders, or nil when the machine does not have it
  /// (the test then says so and passes).
  public static func named(_ name: String) -> String? {
    ["/usr/bin/", "/usr/local/bin/", "/usr/sbin/", "/sbin/"].map { $0 + name }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  public static func run(
    _ executable: String, _ arguments: [String], in directory: String? = nil
  ) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    // Read before waiting: a full pipe would otherwise block the tool forever.
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  /// `run`, for a step that must work: a non-zero status throws, with the tool's output.
  @discardableResult
  public static func succeed(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> String {
    let result = try run(executable, arguments, in: directory)
    guard result.status == 0 else {
      throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) failed: \(result.output)")
    }
    return result.output
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }
}
