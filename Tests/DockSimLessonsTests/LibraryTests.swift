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

  @Test func loadsTheHubFileNextToTheLesson() throws {
    #expect(try library.lesson(at: "en/01-a.md").extraHubData == "version: 1\nrepositories: []\n")
  }
}
