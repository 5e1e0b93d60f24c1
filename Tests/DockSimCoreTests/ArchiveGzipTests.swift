import Foundation
import Testing
@testable import DockSimCore

@Suite struct GzipTests {
  @Test func roundTrip() throws {
    let text = Array(String(repeating: "docksim layers ", count: 10_000).utf8)
    let compressed = Gzip.compress(text)
    #expect(Gzip.isCompressed(compressed))
    #expect(compressed.count < text.count / 10)
    #expect(try Gzip.decompress(compressed) == text)
  }

  @Test func truncatedStreamIsAnError() {
    let compressed = Gzip.compress(Array(repeating: 1, count: 100_000))
    #expect(throws: Gzip.Error.self) { try Gzip.decompress(Array(compressed.prefix(compressed.count / 2))) }
  }

  /// GNU gzip is the reference: what it writes, we read.
  @Test func readsWhatGzipWrites() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/gzip") else { return }
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gzip.arguments = ["-c"]
    let input = Pipe(), output = Pipe()
    gzip.standardInput = input
    gzip.standardOutput = output
    try gzip.run()
    input.fileHandleForWriting.write(Data("hello, layers\n".utf8))
    try input.fileHandleForWriting.close()
    let compressed = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
    gzip.waitUntilExit()
    #expect(try Gzip.decompress(compressed) == Array("hello, layers\n".utf8))
  }
}
