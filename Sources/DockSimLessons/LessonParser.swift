import DockSimCore

/// Reads a lesson file: front matter, then Markdown with docksim fences.
public enum LessonParser {
  /// The info string of a transcript fence.
  public static let transcriptTag = "docksim"
  /// The info string of an exercise fence.
  public static let exerciseTag = "docksim-exercise"

  public static func parse(_ text: String, path: String) throws(LessonError) -> Lesson {
    // A file saved on Windows ends its lines with CRLF, which Swift reads as one
    // Character: split at either, and remember which to write back (`--bless`).
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
    let (frontMatter, bodyStart) = try parseFrontMatter(lines, path: path)
    let parts = try parseBody(lines, from: bodyStart, path: path)
    var lesson = Lesson(path: path, frontMatter: frontMatter, lines: lines, parts: parts)
    lesson.lineEnding = text.contains("\r\n" as Character) ? "\r\n" : "\n"
    return lesson
  }

  // MARK: Front matter

  /// Reads the `---` block at the top; returns it and the index of the first body line.
  static func parseFrontMatter(_ lines: [String], path: String) throws(LessonError) -> (FrontMatter, Int) {
    guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
      throw LessonError(path: path, line: 1, message: "a lesson starts with front matter between `---` lines")
    }
    var fields: [String: (value: String, line: Int)] = [:]
    for index in 1..<end where !lines[index].trimmingSpaces.isEmpty && !lines[index].hasPrefix("#") {
      let line = lines[index]
      guard let colon = line.firstIndex(of: ":") else {
        throw LessonError(path: path, line: index + 1, message: "expected `key: value`")
      }
      fields[line[..<colon].trimmingSpaces] = (unquoted(line[line.index(after: colon)...].trimmingSpaces), index + 1)
    }
    return (try frontMatter(from: fields, path: path), end + 1)
  }

  private static func frontMatter(
    from fields: [String: (value: String, line: Int)], path: String
  ) throws(LessonError) -> FrontMatter {
    let known: Set<String> = ["title", "lang", "docker", "clock", "seed", "hub"]
    if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
      throw LessonError(path: path, line: fields[unknown]!.line, message: "unknown front matter key `\(unknown)`")
    }
    guard let title = fields["title"]?.value, !title.isEmpty else {
      throw LessonError(path: path, line: 1, message: "front matter needs a `title`")
    }
    guard let lang = fields["lang"], let language = Language(rawValue: lang.value) else {
      throw LessonError(path: path, line: fields["lang"]?.line ?? 1, message: "front matter needs `lang: zh` or `lang: en`")
    }
    var result = FrontMatter(title: title, language: language)
    if let docker = fields["docker"] {
      guard let version = DockerVersion(argument: docker.value) else {
        throw LessonError(path: path, line: docker.line, message: "unknown docker version `\(docker.value)`")
      }
      result.dockerVersion = version
    }
    if let clock = fields["clock"] {
      guard let start = Timestamp(iso8601: clock.value) else {
        throw LessonError(path: path, line: clock.line, message: "`clock` is an RFC 3339 time, e.g. 2020-01-15T10:00:00Z")
      }
      result.clockStart = start
    }
    if let seed = fields["seed"] {
      guard let value = parseSeed(seed.value) else {
        throw LessonError(path: path, line: seed.line, message: "`seed` is a number (decimal or 0x hex)")
      }
      result.seed = value
    }
    result.hubFile = fields["hub"]?.value
    return result
  }

  static func parseSeed(_ text: String) -> UInt64? {
    text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
  }

  private static func unquoted(_ text: String) -> String {
    for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
      return String(text.dropFirst().dropLast())
    }
    return text
  }

  // MARK: Body

  private static func parseBody(_ lines: [String], from start: Int, path: String) throws(LessonError) -> [LessonPart] {
    var parts: [LessonPart] = []
    var prose: [String] = []
    var index = start
    func flushProse() {
      let text = prose.joined(separator: "\n")
      if !text.trimmingSpaces.replacingAll("\n", with: "").isEmpty { parts.append(.prose(text)) }
      prose = []
    }
    while index < lines.count {
      guard let fence = Fence(opening: lines[index]) else {
        prose.append(lines[index])
        index += 1
        continue
      }
      guard let close = lines[(index + 1)...].firstIndex(where: { fence.isClosed(by: $0) }) else {
        throw LessonError(path: path, line: index + 1, message: "this code fence is never closed")
      }
      let content = Array(lines[(index + 1)..<close])
      switch fence.tag {
      case transcriptTag:
        flushProse()
        parts.append(.transcript(TranscriptBlock(lines: content, firstLine: index + 1)))
      case exerciseTag:
        flushProse()
        parts.append(.exercise(try Exercise.parse(content, firstLine: index + 1, path: path)))
      default:
        // Any other fence is narration (a Dockerfile shown to read, a diagram).
        prose.append(contentsOf: lines[index...close])
      }
      index = close + 1
    }
    flushProse()
    return parts
  }
}

/// A Markdown code fence: three or more backticks or tildes, then an info string.
struct Fence {
  var marker: Character
  var length: Int
  var tag: String

  init?(opening line: String) {
    guard let first = line.first, first == "`" || first == "~" else { return nil }
    let run = line.prefix { $0 == first }
    guard run.count >= 3 else { return nil }
    marker = first
    length = run.count
    tag = String(line.dropFirst(run.count).trimmingSpaces.split(separator: " ").first ?? "")
  }

  func isClosed(by line: String) -> Bool {
    let run = line.prefix { $0 == marker }
    return run.count >= length && line.dropFirst(run.count).trimmingSpaces.isEmpty
  }
}
