import DockSimCore
import Foundation

/// A folder of lessons: `<lang>/<name>.md`, plus any Hub data files they name.
///
/// The course ships inside the program (`bundled`, embedded at build time), so an
/// installed `docksim` needs no source tree; `--lessons DIR` reads a teacher's folder.
public struct LessonLibrary: Sendable {
  /// File path relative to the library's root → text.
  public var files: [String: String]

  public init(files: [String: String]) { self.files = files }

  /// The lessons compiled into the program.
  public static var bundled: LessonLibrary { LessonLibrary(files: EmbeddedLessons.files) }

  /// Reads every `.md` (lessons) and `.yaml`/`.json` (Hub data) file under `root`.
  public static func directory(_ root: String) throws -> LessonLibrary {
    let base = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
    guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
      throw LessonError(path: root, line: 0, message: "cannot read this folder")
    }
    var files: [String: String] = [:]
    for case let url as URL in enumerator where ["md", "yaml", "yml", "json"].contains(url.pathExtension) {
      let relative = String(url.standardizedFileURL.path.dropFirst(base.path.count).drop { $0 == "/" })
      files[relative] = try String(contentsOf: url, encoding: .utf8)
    }
    return LessonLibrary(files: files)
  }

  /// Paths of the lesson files (every `.md` but a README), sorted.
  public var lessonPaths: [String] {
    files.keys.filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }.sorted()
  }

  /// Every lesson, in path order (the numbers in the names give the course order).
  public func lessons() throws(LessonError) -> [Lesson] {
    var lessons: [Lesson] = []
    for path in lessonPaths { lessons.append(try lesson(at: path)) }
    return lessons
  }

  /// The lessons in `language`.
  public func lessons(in language: Language) throws(LessonError) -> [Lesson] {
    try lessons().filter { $0.language == language }
  }

  public func lesson(at path: String) throws(LessonError) -> Lesson {
    guard let text = files[path] else { throw LessonError(path: path, line: 0, message: "no such lesson") }
    var lesson = try LessonParser.parse(text, path: path)
    if let hub = lesson.frontMatter.hubFile {
      let folder = path.split(separator: "/").dropLast().joined(separator: "/")
      let hubPath = folder.isEmpty ? hub : folder + "/" + hub
      guard let data = files[hubPath] else {
        throw LessonError(path: path, line: 0, message: "the Hub file `\(hub)` is not in the lesson's folder")
      }
      lesson.extraHubData = data
    }
    return lesson
  }

  /// The lesson called `name` (`01-images`, or with its folder: `zh/01-images`), preferring `language`.
  public func lesson(named name: String, language: Language) throws(LessonError) -> Lesson {
    let wanted = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    let candidates = lessonPaths.filter { path in
      let stem = String(path.dropLast(3))
      return stem == wanted || stem.hasSuffix("/" + wanted)
    }
    let preferred = candidates.first { $0.hasPrefix(language.rawValue + "/") } ?? candidates.first
    guard let path = preferred else { throw LessonError(path: name, line: 0, message: "no such lesson") }
    return try lesson(at: path)
  }
}
