import DockSimCore
import Foundation
import Testing
@testable import DockSimLessons

/// The course in Lessons/, read from the source tree.
let sourceLessons: LessonLibrary = {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Lessons")
  return (try? LessonLibrary.directory(root.path)) ?? LessonLibrary(files: [:])
}()

@Suite struct ShippedLessonsTests {
  @Test func theProgramCarriesTheCourse() {
    // What the build embedded is what Lessons/ holds: an installed binary needs no source tree.
    #expect(!sourceLessons.files.isEmpty)
    #expect(LessonLibrary.bundled.files == sourceLessons.files)
  }

  @Test func everyLessonParsesAndHasAnExercise() throws {
    for path in sourceLessons.lessonPaths {
      let lesson = try sourceLessons.lesson(at: path)
      #expect(!lesson.exercises.isEmpty, "\(path) has no exercise")
      #expect(path.hasPrefix(lesson.language.rawValue + "/"), "\(path) is in the wrong folder for lang: \(lesson.language)")
    }
  }

  @Test func bothLanguagesHaveTheSameLessons() {
    let names = { (lang: String) in
      Set(sourceLessons.lessonPaths.filter { $0.hasPrefix(lang + "/") }.map { $0.dropFirst(3) })
    }
    #expect(names("zh") == names("en"))
    #expect(names("zh").count >= 9)
  }
}

/// Every command the course text shows (shared/seed: "Docker 004 镜像和仓库").
let courseCommands = [
  "docker images", "docker search ubuntu", "docker pull ubuntu", "docker pull ubuntu:18.04",
  "docker pull fedora:31", "docker pull fedora:30", "docker images fedora", "docker images fedora:31",
  "docker search nginx", "docker run",
]

@Suite struct CourseCoverageTests {
  @Test(arguments: ["zh", "en"])
  func everyCommandOfTheCourseIsInALesson(language: String) throws {
    var typed: [String] = []
    for path in sourceLessons.lessonPaths where path.hasPrefix(language + "/") {
      for case .transcript(let block) in try sourceLessons.lesson(at: path).parts {
        typed += block.lines.filter { $0.hasPrefix("$ ") }.map { String($0.dropFirst(2)) }
      }
    }
    for command in courseCommands {
      #expect(typed.contains { $0 == command || $0.hasPrefix(command + " ") }, "no lesson in \(language) shows `\(command)`")
    }
  }
}

/// The promise: every lesson, in both languages, passes `--check`
/// (every output as the simulator prints it, every exercise's solution reaching its goal).
@Suite struct CourseLessonsPassTests {
  @Test(arguments: sourceLessons.lessonPaths)
  func lessonPassesTheCheck(path: String) throws {
    let run = LessonRun(try sourceLessons.lesson(at: path))
    #expect(run.passed, "\(LessonCheck.report(run))")
    #expect(!run.commands.isEmpty)
  }

  @Test func aCourseLessonTamperedWithFailsWithADiffAndBlessRestoresIt() throws {
    let path = "zh/03-listing-images.md"
    let lesson = try sourceLessons.lesson(at: path)
    let text = lesson.text.replacingAll("hello-world   latest", with: "hello-world   oldest")
    let run = LessonRun(try parse(text, path: path))
    #expect(LessonCheck.report(run).contains("-hello-world   oldest"))
    #expect(Blesser.blessedText(run) == lesson.text)
  }
}
