import Testing

@testable import DockSimLessons

/// A lesson saved with CRLF line ends (a teacher's Windows editor) parses, checks and
/// blesses exactly as the same lesson with LF, and `--bless` keeps its CRLF.
@Suite struct LineEndingTests {
  func crlf(_ text: String) -> String { text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") }

  @Test func aCRLFLessonParsesAsItsLFTwin() throws {
    let lf = try parse(fixtureLesson)
    let windows = try parse(crlf(fixtureLesson))
    #expect(windows.lines == lf.lines)
    #expect(windows.title == "A fixture")
    #expect(windows.lineEnding == "\r\n" && lf.lineEnding == "\n")
    #expect(windows.text == crlf(fixtureLesson))
  }

  @Test func blessKeepsCRLFAndTheCheckAgrees() throws {
    let lfRun = LessonRun(try parse(fixtureLesson))
    let windowsRun = LessonRun(try parse(crlf(fixtureLesson)))
    #expect(windowsRun.mismatches.count == lfRun.mismatches.count)
    let blessed = Blesser.blessedText(windowsRun)
    #expect(blessed == crlf(Blesser.blessedText(lfRun)))
    #expect(!blessed.contains("\n" as Character), "a bare LF crept in")
    let again = LessonRun(try parse(blessed))
    #expect(again.passed, "\(LessonCheck.report(again))")
  }

  @Test func shippedLessonsCheckTheSameWithCRLF() throws {
    let library = LessonLibrary.bundled
    for path in library.lessonPaths.prefix(2) {
      let text = try #require(library.files[path])
      var files = library.files
      files[path] = crlf(text)
      let run = LessonRun(try LessonLibrary(files: files).lesson(at: path))
      #expect(run.passed, "\(path): \(LessonCheck.report(run))")
    }
  }
}
