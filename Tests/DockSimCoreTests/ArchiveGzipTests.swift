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

  /// An inflated layer lives as long as its image: the array holds its bytes and no
  /// more (growing from a guess used to keep up to twice the size).
  @Test func inflatedBytesKeepNoSpareCapacity() throws {
    let text = Array(String(repeating: "docksim layers ", count: 10_000).utf8)
    var random = SplitMix64(seed: 7)
    let noise = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    for input in [text, noise, []] {
      let inflated = try Gzip.decompress(Gzip.compress(input))
      #expect(inflated == input)
      #expect(inflated.capacity <= inflated.count + 64)
    }
  }

  /// The trailer's size reserves the room, and zlib checks it against the bytes: a
  /// wrong one is a corrupt layer (as gzip -t says), never a crash or a huge buffer.
  @Test func aWrongSizeInTheTrailerIsAnError() {
    let text = Array(String(repeating: "docksim layers ", count: 10_000).utf8)
    let compressed = Gzip.compress(text)
    for size: UInt32 in [0, 1, UInt32(text.count - 1), UInt32(text.count + 1), 1 << 31] {
      var lying = compressed
      for i in 0..<4 { lying[lying.count - 4 + i] = UInt8(truncatingIfNeeded: size >> (8 * UInt32(i))) }
      #expect(throws: Gzip.Error.self) { try Gzip.decompress(lying) }
    }
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
