/// `--check`'s prose lint: narration that quotes an image ID, a digest or a size no output
/// of the lesson prints has gone stale (an output was blessed, the prose was not).
///
/// Narration is every line outside the transcript fences, plus the `goal` and `hint`
/// lines of exercises. A deliberate exception (a size from the course text, an ID of
/// another machine) is marked with an HTML comment anywhere in the lesson, which the
/// player does not show: `<!-- lint: allow 60MB c7b9bf02da76 -->`.
enum ProseLint {
  /// What a quoted token is.
  enum Kind: String { case id = "ID", digest, size }

  struct Quote: Hashable {
    var kind: Kind
    var text: String
    /// Index in the file's lines.
    var line: Int
  }

  /// The problems of `lesson`, given everything its run printed (prompts, inputs and outputs).
  static func problems(_ lesson: Lesson, printed: String) -> [LessonProblem] {
    let allowed = allowances(lesson.lines)
    let compactPrinted = printed.replacingAll(" ", with: "")
    return quotes(lesson.lines).compactMap { quote in
      let key = quote.kind == .size ? quote.text.replacingAll(" ", with: "") : quote.text
      if allowed.contains(key) || (quote.kind == .size ? compactPrinted : printed).contains(key) { return nil }
      return LessonProblem(
        line: quote.line,
        message: "the narration quotes the \(quote.kind.rawValue) \(quote.text), which no output of the lesson prints"
          + " (a deliberate one is marked <!-- lint: allow \(key) -->)")
    }
  }

  /// The tokens `<!-- lint: allow A B -->` comments name.
  static func allowances(_ lines: [String]) -> Set<String> {
    var allowed: Set<String> = []
    for line in lines {
      var rest = Substring(line)
      while let open = rest.firstRange(of: "<!-- lint: allow ") {
        let after = rest[open.upperBound...]
        guard let close = after.firstRange(of: "-->") else { break }
        allowed.formUnion(after[..<close.lowerBound].split(separator: " ").map(String.init))
        rest = after[close.upperBound...]
      }
    }
    return allowed
  }

  /// The IDs, digests and sizes the narration lines quote.
  static func quotes(_ lines: [String]) -> [Quote] {
    var quotes: [Quote] = []
    var fence: Fence?
    var inFrontMatter = lines.first == "---"
    for (index, line) in lines.enumerated() {
      if inFrontMatter {
        if index > 0 && line == "---" { inFrontMatter = false }
        continue
      }
      if let open = fence {
        if open.isClosed(by: line) {
          fence = nil
          continue
        }
        if open.tag == LessonParser.transcriptTag { continue }
        if open.tag == LessonParser.exerciseTag, !(line.hasPrefix("goal:") || line.hasPrefix("hint:")) { continue }
      } else if let opening = Fence(opening: line) {
        fence = opening
        continue
      }
      quotes += tokens(line).map { Quote(kind: $0.kind, text: $0.text, line: index) }
    }
    return quotes
  }

  /// The quoted tokens of one line: words split at anything but ASCII letters, digits, `.` and `:`.
  static func tokens(_ line: String) -> [(kind: Kind, text: String)] {
    if line.contains("<!-- lint:") { return [] }
    let words = line.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == ":")) }
      .map { String($0).trimmingEnd(".:") }
    var found: [(Kind, String)] = []
    for (index, word) in words.enumerated() {
      if word.hasPrefix("sha256:"), isHex(word.dropFirst(7)), word.count >= 7 + 6 {
        found.append((.digest, word))
      } else if (word.count == 12 || word.count == 64), isHex(word), word.contains(where: \.isNumber), word.contains(where: \.isLetter) {
        found.append((.id, word))
      } else if isSize(word) {
        found.append((.size, word))
      } else if isNumber(word), index + 1 < words.count, sizeUnits.contains(words[index + 1]) {
        found.append((.size, word + " " + words[index + 1]))
      }
    }
    return found
  }

  static let sizeUnits: Set<String> = ["B", "kB", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB"]

  private static func isHex(_ text: some StringProtocol) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }

  private static func isNumber(_ text: String) -> Bool {
    !text.isEmpty && text.first!.isNumber && text.last!.isNumber && text.allSatisfy { $0.isNumber || $0 == "." }
      && text.filter { $0 == "." }.count <= 1
  }

  /// `72.9MB`, `1.84kB`: a number written together with a unit.
  private static func isSize(_ text: String) -> Bool {
    guard let unitStart = text.firstIndex(where: { $0.isLetter }) else { return false }
    return isNumber(String(text[..<unitStart])) && sizeUnits.contains(String(text[unitStart...]))
  }
}

extension String {
  /// Without trailing characters from `set`.
  func trimmingEnd(_ set: String) -> String {
    var text = Substring(self)
    while let last = text.last, set.contains(last) { text.removeLast() }
    return String(text)
  }
}
