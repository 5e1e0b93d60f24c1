import DockSimCore
import Testing
@testable import DockSimLessons

@Suite struct LibraryTests {
  let library = LessonLibrary(files: [
    "README.md": "# not a lesson",
    "zh/01-a.md": "---\ntitle: 甲\nlang: zh\n---\n",
    "en/01-a.md": "---\ntitle: A\nlang: en\nhub: extra.yaml\n---\n",
    "en/extra.yaml": "version: 1\nrepositories: []\n",
  ])

  @Test func listsLessonsByLanguageWithoutTheReadme() throws {
    #expect(library.lessonPaths == ["en/01-a.md", "zh/01-a.md"])
    #expect(try library.lessons(in: .zh).map(\.title) == ["甲"])
  }

  @Test func findsByNamePreferringTheLanguage() throws {
    #expect(try library.lesson(named: "01-a", language: .zh).title == "甲")
    #expect(try library.lesson(named: "en/01-a", language: .zh).title == "A")
    #expect(throws: LessonError.self) { try library.lesson(named: "02-b", language: .en) }
  }

  /// As `--help` promises: a lesson by its number or a prefix only it has.
  @Test func findsByNumberOrUniquePrefix() throws {
    let library = LessonLibrary(files: [
      "en/01-what-is-an-image.md": "---\ntitle: One\nlang: en\n---\n",
      "en/02-union-mount.md": "---\ntitle: Two\nlang: en\n---\n",
      "en/10-more.md": "---\ntitle: Ten\nlang: en\n---\n",
      "zh/01-what-is-an-image.md": "---\ntitle: 一\nlang: zh\n---\n",
    ])
    #expect(try library.lesson(named: "01", language: .en).title == "One")
    #expect(try library.lesson(named: "1", language: .zh).title == "一")
    #expect(try library.lesson(named: "02-un", language: .en).title == "Two")
    #expect(try library.lesson(named: "10", language: .en).title == "Ten")
    #expect(try library.lesson(named: "en/01", language: .zh).title == "One")
    #expect(throws: LessonError(path: "0", line: 0, message: "could be any of 01-what-is-an-image, 02-union-mount")) {
      try library.lesson(named: "0", language: .en)
    }
    #expect(throws: LessonError(path: "99", line: 0, message: "没有这一课（`docksim lesson` 列出全部课程）")) {
      try library.lesson(named: "99", language: .zh)
    }
  }

  @Test func loadsTheHubFileNextToTheLesson() throws {
    #expect(try library.lesson(at: "en/01-a.md").extraHubData == "version: 1\nrepositories: []\n")
  }
}
