import Foundation
import Testing

/// Golden transcripts in Tests/Transcripts/<folder>/ (outside any target, so SwiftPM does
/// not treat them as resources). `DOCKSIM_BLESS=1 swift test` rewrites them on purpose;
/// the change is then reviewed as a diff, like any golden file.
public enum GoldenFile {
  /// Tests/Transcripts.
  public static let transcripts = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Transcripts")

  public static func check(
    _ actual: String, file name: String, folder: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = transcripts.appendingPathComponent(folder).appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["DOCKSIM_BLESS"] == "1" {
      try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing golden file \(folder)/\(name))"
    #expect(actual == expected, sourceLocation: sourceLocation)
  }
}
