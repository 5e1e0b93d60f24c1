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

  /// The lesson `name` names, preferring `language`: its name (`01-what-is-an-image`,
  /// or with its folder, `zh/01-what-is-an-image`), its number (`01`, `1`), or a prefix
  /// of its name that only it has (`01-wh`).
  public func lesson(named name: String, language: Language) throws(LessonError) -> Lesson {
    let wanted = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    let stems = lessonPaths.map { String($0.dropLast(3)) }
    let exact = stems.filter { $0 == wanted || $0.hasSuffix("/" + wanted) }
    var candidates = exact.isEmpty ? stems.filter { LessonLibrary.matches(stem: $0, wanted) } : exact
    // Each language has the course: take the chosen language's, unless the name has a folder.
    let inLanguage = candidates.filter { $0.hasPrefix(language.rawValue + "/") }
    if !inLanguage.isEmpty { candidates = inLanguage }
    guard let stem = candidates.first else {
      throw LessonError(path: name, line: 0, message: language == .zh ? "没有这一课（`docksim lesson` 列出全部课程）" : "no such lesson (`docksim lesson` lists them)")
    }
    guard candidates.count == 1 || !exact.isEmpty else {
      let names = candidates.map { String($0.split(separator: "/").last ?? "") }.joined(separator: ", ")
      throw LessonError(path: name, line: 0, message: language == .zh ? "可能是这几课之一：\(names)" : "could be any of \(names)")
    }
    return try lesson(at: stem + ".md")
  }

  /// Whether a lesson's path without `.md` answers to `wanted`: a prefix of its name
  /// (with or without its folder), or its number (`1` is `01`).
  static func matches(stem: String, _ wanted: String) -> Bool {
    let name = String(stem.split(separator: "/").last ?? "")
    if !wanted.isEmpty, name.hasPrefix(wanted) || stem.hasPrefix(wanted) { return true }
    let number = name.prefix { $0.isASCII && $0.isNumber }
    guard let wantedNumber = Int(wanted), let lessonNumber = Int(number) else { return false }
    return wantedNumber == lessonNumber
  }
}
