import DockSimShell
import DockSimCore

/// A lesson file, parsed: front matter, then prose, transcript blocks and exercises in file order.
///
/// The file is kept as its lines so that `--bless` can rewrite expected outputs in place
/// and leave every other byte as it was. Transcript blocks are kept as raw lines too:
/// which line is a command depends on the prompt the simulator shows at that moment,
/// so commands are told from output only while the lesson runs (see `TranscriptRun`).
public struct Lesson: Sendable {
  /// Where the lesson came from, relative to its library (`zh/01-images.md`).
  public var path: String
  public var frontMatter: FrontMatter
  /// The file's lines, without their `\n` (or `\r\n`).
  public var lines: [String]
  /// What ends the file's lines: `\n`, or `\r\n` for a file saved that way.
  public var lineEnding = "\n"
  public var parts: [LessonPart]
  /// The text of the front matter's `hub` file, filled in by the library that loaded the lesson.
  public var extraHubData: String?

  public init(path: String, frontMatter: FrontMatter, lines: [String], parts: [LessonPart]) {
    self.path = path
    self.frontMatter = frontMatter
    self.lines = lines
    self.parts = parts
  }

  /// The file name without folder and `.md`: what `docksim lesson NAME` accepts.
  public var name: String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
  }

  public var title: String { frontMatter.title }
  public var language: Language { frontMatter.language }

  /// The file's text, rebuilt from its lines.
  public var text: String { lines.joined(separator: lineEnding) }

  /// The exercises, in order.
  public var exercises: [Exercise] {
    parts.compactMap { if case .exercise(let exercise) = $0 { return exercise } else { return nil } }
  }
}

/// One piece of a lesson.
public enum LessonPart: Sendable {
  /// Narration: Markdown shown as it is written.
  case prose(String)
  /// A ```` ```docksim ```` fence: commands and their expected output.
  case transcript(TranscriptBlock)
  /// A ```` ```docksim-exercise ```` fence: a goal on the simulator's state.
  case exercise(Exercise)
}

/// The lines inside one ```` ```docksim ```` fence.
public struct TranscriptBlock: Sendable {
  /// The fence's content lines.
  public var lines: [String]
  /// Index in the file's lines of the first content line (the line after the opening fence).
  public var firstLine: Int

  public init(lines: [String], firstLine: Int) {
    self.lines = lines
    self.firstLine = firstLine
  }
}

/// The front matter: what makes a lesson print the same thing on every run.
public struct FrontMatter: Sendable, Hashable {
  public var title: String
  public var language: Language
  public var dockerVersion: DockerVersion
  public var clockStart: Timestamp
  public var seed: UInt64
  /// A Hub catalogue file, relative to the lesson, merged into the bundled Hub.
  public var hubFile: String?

  public init(
    title: String, language: Language, dockerVersion: DockerVersion = Settings().dockerVersion,
    clockStart: Timestamp = SimClock.defaultStart, seed: UInt64 = Settings().seed, hubFile: String? = nil
  ) {
    self.title = title
    self.language = language
    self.dockerVersion = dockerVersion
    self.clockStart = clockStart
    self.seed = seed
    self.hubFile = hubFile
  }

  /// The session settings the lesson runs with.
  public var settings: Settings {
    Settings(language: language, dockerVersion: dockerVersion, clockStart: clockStart, seed: seed)
  }
}

/// Why a lesson file could not be read.
public struct LessonError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  /// 1-based line number, 0 when the problem is the whole file.
  public var line: Int
  public var message: String

  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}
