import Foundation
import Testing

@testable import DockSimTerminal

@Suite struct LineReadingTests {
  /// A pipe holding `bytes`, closed for writing.
  private func pipeReading(_ bytes: [UInt8]) -> Int32 {
    var fds: [Int32] = [0, 0]
    _ = pipe(&fds)
    let writer = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
    Thread.detachNewThread {
      writer.write(Data(bytes))
      try? writer.close()
    }
    return fds[0]
  }

  private func lines(of bytes: [UInt8]) -> [[UInt8]] {
    let fd = pipeReading(bytes)
    defer { close(fd) }
    let reader = ByteLineReader(fd: fd)
    var lines: [[UInt8]] = []
    while case .line(let line) = reader.nextLine() { lines.append(line) }
    return lines
  }

  @Test func splitsOnNewlinesKeepingBytes() {
    #expect(lines(of: Array("a\n\nb\nlast".utf8)) == [[97], [], [98], Array("last".utf8)])
    #expect(lines(of: [0xFF, 0, 0x0A]) == [[0xFF, 0]])
    #expect(lines(of: []) == [])
  }

  @Test func longLinesSpanManyReads() {
    let long = [UInt8](repeating: 120, count: 300_000)
    #expect(lines(of: long + [10] + long) == [long, long])
  }

  @Test func completionColumnsFollowReadline() {
    let items = ["attach", "build", "commit", "cp", "create", "diff", "exec"]
    // Longest is 6, so columns are 8 wide: 20 columns hold 2 per row, filled top to bottom.
    #expect(CompletionLayout.lines(items, width: 20) == ["attach  create", "build   diff", "commit  exec", "cp"])
    #expect(CompletionLayout.lines(["a"], width: 2) == ["a"])
    #expect(CompletionLayout.displayWidth("你好ab") == 6)
  }

  @Test func commonPrefixIsByCharacter() {
    #expect(LineEditor.commonPrefix(["image", "images"]) == "image")
    #expect(LineEditor.commonPrefix(["你好", "你们"]) == "你")
    #expect(LineEditor.commonPrefix([]) == "")
  }
}
