import Testing
@testable import DockSimCore

/// A container's log: one record per line, as the json-file driver keeps it.
@Suite struct LogEntryTests {
  let time = Timestamp(seconds: 1_600_000_000)

  func records(_ events: [Console.Event]) -> [String] {
    LogEntry.lines(events, time: time).map { ($0.stream == .stdout ? "out:" : "err:") + String(decoding: $0.bytes, as: UTF8.self) }
  }

  @Test func oneRecordPerLineWhateverTheWrites() {
    #expect(records([.write(.stdout, Array("a\nbb\n\nc".utf8))]) == ["out:a\n", "out:bb\n", "out:\n", "out:c"])
    // A line written in pieces is one record.
    #expect(records([.write(.stdout, Array("he".utf8)), .write(.stdout, Array("llo\nwor".utf8)), .write(.stdout, Array("ld\n".utf8))])
      == ["out:hello\n", "out:world\n"])
    // A write to the other stream ends the open line.
    #expect(records([.write(.stdout, Array("par".utf8)), .write(.stderr, Array("oops\n".utf8)), .write(.stdout, Array("t\n".utf8))])
      == ["out:par", "err:oops\n", "out:t\n"])
    #expect(records([.pause(milliseconds: 5)]) == [])
  }
}
