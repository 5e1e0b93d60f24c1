import Foundation
import Testing

@testable import DockSimTerminal

@Suite struct HistoryFileTests {
  private func temporaryPath() -> String {
    NSTemporaryDirectory() + "docksim-history-" + UUID().uuidString + "/state/docksim/history"
  }

  @Test func appendsAndLoadsEntriesCreatingDirectories() {
    let path = temporaryPath()
    let file = HistoryFile(path: path)
    file.append("ls -l")
    file.append("echo 你好")
    #expect(HistoryFile(path: path).load() == ["ls -l", "echo 你好"])
    #expect(file.takeWarning() == nil)
  }

  @Test func multiLineEntriesAndBackslashesRoundTrip() {
    let path = temporaryPath()
    let entry = "cat <<EOF\nC:\\path\\n\nEOF"
    HistoryFile(path: path).append(entry)
    #expect(HistoryFile(path: path).load() == [entry])
    let raw = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    #expect(raw == "cat <<EOF\\nC:\\\\path\\\\n\\nEOF\n")
  }

  @Test func aPartialLastLineFromACrashIsNotGluedToTheNextEntry() throws {
    let path = temporaryPath()
    HistoryFile(path: path).append("first")
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("half-writ".utf8))
    handle.closeFile()
    HistoryFile(path: path).append("next")
    #expect(HistoryFile(path: path).load() == ["first", "half-writ", "next"])
  }

  @Test func keepsTheLastEntriesAndCompactsALongFile() {
    let path = temporaryPath()
    let file = HistoryFile(path: path, limit: 3)
    for number in 1...7 { file.append("echo \(number)") }
    #expect(HistoryFile(path: path, limit: 3).load() == ["echo 5", "echo 6", "echo 7"])
    // Past twice the limit the file was rewritten to the last entries.
    #expect(HistoryFile(path: path, limit: 3).load() == ["echo 5", "echo 6", "echo 7"])
    let lines = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    #expect(lines == "echo 5\necho 6\necho 7\n")
  }

  @Test func aMissingFileIsAnEmptyHistoryWithoutWarning() {
    let file = HistoryFile(path: temporaryPath())
    #expect(file.load() == [])
    #expect(file.takeWarning() == nil)
  }

  @Test func anUnwritableFileWarnsOnceAndStopsTrying() throws {
    let directory = NSTemporaryDirectory() + "docksim-history-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // A regular file where the directory should be: every write fails (even as root).
    _ = FileManager.default.createFile(atPath: directory + "/state", contents: Data())
    let file = HistoryFile(path: directory + "/state/docksim/history")
    file.append("one")
    let warning = try #require(file.takeWarning())
    #expect(warning.hasPrefix("docksim: cannot write history file \(directory)/state/docksim/history: "))
    file.append("two")
    #expect(file.takeWarning() == nil)
  }

  @Test func invalidUTF8InTheFileIsRepaired() throws {
    let path = temporaryPath()
    HistoryFile(path: path).append("x")
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data([0x61, 0xFF, 0x0A]))
    handle.closeFile()
    #expect(HistoryFile(path: path).load() == ["x", "a\u{FFFD}"])
  }

  @Test func defaultPathFollowsXDG() {
    let xdg: [String: String] = ["XDG_STATE_HOME": "/s", "HOME": "/home/u"]
    #expect(HistoryFile.defaultPath { xdg[$0] } == "/s/docksim/history")
    let home: [String: String] = ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]
    #expect(HistoryFile.defaultPath { home[$0] } == "/home/u/.local/state/docksim/history")
    #expect(HistoryFile.defaultPath { _ in nil } == nil)
  }
}
