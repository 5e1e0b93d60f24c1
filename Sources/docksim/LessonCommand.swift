import DockSimCore
import DockSimLessons
import Foundation

/// `docksim lesson`: list, play, check or bless the lessons.
struct LessonCommand {
  static let spec = CommandSpec(
    name: "lesson",
    abstract: "List the lessons, play one, or check them against the simulator.",
    discussion: """
      Without NAME, lists the lessons in the chosen language. With NAME, plays it: Enter goes on, \
      and `back`, `again`, `hint` and `quit` do what they say; anything else runs in the simulator. \
      Ctrl-C cancels the line or the running command; at an empty prompt, twice leaves. \
      --check plays lessons without a terminal and shows a diff for each output that differs \
      (exit status 1). --bless writes the simulator's outputs into the files, prose untouched.
      """,
    options: [
      .flag("check", help: "Compare every output with the expected text; no terminal."),
      .flag("bless", help: "Rewrite the expected outputs in the lesson files (default folder: ./Lessons)."),
      .flag("auto", help: "Play without waiting for Enter."),
      .value("delay", "MS", help: "With --auto: milliseconds between typed characters.", default: "40"),
      .value("lessons", "DIR", help: "Read lessons from DIR instead of the ones built in."),
      .value("lang", "zh|en", help: "Language of the lessons to list and play: zh or en (default: from LANG)."),
    ],
    arguments: [ArgumentSpec(name: "names", help: "Lesson names (e.g. 01-images, or zh/01-images).", repeated: true)])

  var names: [String]
  var check: Bool
  var bless: Bool
  var auto: Bool
  var delay: Int
  var lessons: String?
  var lang: String?
  private let parsed: ParsedCommandLine

  init(_ parsed: ParsedCommandLine) throws(UsageError) {
    names = parsed.arguments
    check = parsed.flag("check")
    bless = parsed.flag("bless")
    auto = parsed.flag("auto")
    delay = try parsed.integer("delay", in: Self.spec) ?? 40
    lessons = parsed.value("lessons")
    lang = parsed.value("lang")
    self.parsed = parsed
  }

  /// The exit status: the player's, or 1 when --check found a difference.
  func run() throws -> Int32 {
    let language = try chosenLanguage()
    if bless {
      try blessLessons()
      return 0
    }
    let library = try lessonLibrary()
    if check { return try checkLessons(library) }
    guard let name = names.first else {
      try list(library, language: language)
      return 0
    }
    let lesson = try library.lesson(named: name, language: language)
    return LessonDriver(auto: auto, delayMilliseconds: delay).play(lesson)
  }

  private func lessonLibrary() throws -> LessonLibrary {
    guard let lessons else { return .bundled }
    return try LessonLibrary.directory(lessons)
  }

  private func chosenLanguage() throws -> Language {
    if let lang {
      guard let language = Language(rawValue: lang) else { throw parsed.invalid("--lang must be zh or en, not '\(lang)'.") }
      return language
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = ProcessInfo.processInfo.environment[name], !value.isEmpty { return Language(localeValue: value) }
    }
    return .en
  }

  /// The lessons NAMES name (every language's), or all of them.
  private func selected(_ library: LessonLibrary) throws -> [Lesson] {
    let all = try library.lessons()
    guard !names.isEmpty else { return all }
    var chosen: [Lesson] = []
    for name in names {
      let wanted = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
      let matches = all.filter { $0.name == wanted || String($0.path.dropLast(3)) == wanted }
      guard !matches.isEmpty else { throw parsed.invalid("No lesson is called '\(name)'.") }
      chosen += matches
    }
    return chosen
  }

  private func list(_ library: LessonLibrary, language: Language) throws {
    let lessons = try library.lessons(in: language)
    let width = lessons.map(\.name.count).max() ?? 0
    for lesson in lessons {
      print(lesson.name + String(repeating: " ", count: width - lesson.name.count + 3) + lesson.title)
    }
  }

  private func checkLessons(_ library: LessonLibrary) throws -> Int32 {
    let runs = try selected(library).map { LessonRun($0) }
    for run in runs { FileHandle.standardOutput.write(Data(LessonCheck.report(run).utf8)) }
    print(LessonCheck.summary(runs))
    return runs.contains(where: { !$0.passed }) ? 1 : 0
  }

  private func blessLessons() throws {
    let folder = lessons ?? "Lessons"
    guard FileManager.default.fileExists(atPath: folder) else {
      throw parsed.invalid("--bless rewrites lesson files: no folder '\(folder)' here (use --lessons DIR).")
    }
    let runs = try selected(LessonLibrary.directory(folder)).map { LessonRun($0) }
    for run in runs where !run.mismatches.isEmpty {
      let path = URL(fileURLWithPath: folder).appendingPathComponent(run.lesson.path).path
      try Blesser.blessedText(run).write(toFile: path, atomically: true, encoding: .utf8)
      print("blessed \(run.lesson.path): \(run.mismatches.count) output\(run.mismatches.count == 1 ? "" : "s")")
    }
    // Bless writes outputs only; what it cannot fix is left for the author, on stderr.
    for run in runs where !run.problems.isEmpty { FileHandle.standardError.write(Data(LessonCheck.problems(run).utf8)) }
  }
}
