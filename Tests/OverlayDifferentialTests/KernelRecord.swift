import Foundation

/// The kernel's results, recorded as root into KernelGolden.swift so that a run without
/// root (or where mounting is not permitted) still compares docksim with the real thing.
///
/// Regenerate on purpose, and review the change as a diff:
///
///     scripts/overlay/record-kernel
enum KernelRecord {
  static var recordingRequested: Bool { ProcessInfo.processInfo.environment["DOCKSIM_RECORD_KERNEL"] == "1" }

  static func recorded(_ scenario: Scenario) -> ScenarioResult? {
    KernelGolden.results[scenario.id].flatMap(ScenarioResult.init(text:))
  }

  /// Rewrites KernelGolden.swift with the kernel's result for every scenario.
  static func write(_ results: [(Scenario, ScenarioResult)], kernel: String) throws {
    var source = """
      // Generated: the real kernel overlayfs's results for every scenario (KernelRecord.swift).
      // Do not edit; regenerate as root with DOCKSIM_RECORD_KERNEL=1 and review the diff.
      // Kernel: \(kernel); mount options: \(KernelRunner.mountOptions).

      enum KernelGolden {
        static let results: [String: String] = [

      """
    for (scenario, result) in results {
      source += "    // \(scenario.title)\n"
      source += "    \"\(scenario.id)\": #\"\"\"\n"
      for line in result.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        source += line.isEmpty ? "\n" : "      \(line)\n"
      }
      source += "      \"\"\"#,\n"
    }
    source += "  ]\n}\n"
    try source.write(to: goldenFile, atomically: true, encoding: .utf8)
  }

  static var goldenFile: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("KernelGolden.swift")
  }

  static var kernelRelease: String {
    var names = utsname()
    uname(&names)
    return withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  }
}
