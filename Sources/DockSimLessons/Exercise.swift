import DockSimCommands
import DockSimCore

/// A task for the student: a goal on the simulator's state, hints, and a solution.
///
/// As in learnGitBranching, the goal is a state, not keystrokes: any way of reaching it
/// counts. The solution is what the checker replays to prove the goal can be reached
/// (and what the lesson continues from when it runs without a student).
public struct Exercise: Sendable, Hashable {
  /// The goal in the lesson's language, as the student reads it.
  public var goal: String
  public var checks: [GoalCheck]
  public var hints: [String]
  /// Input lines, as typed; a here-document spans several.
  public var solution: [String]
  /// Index in the file's lines of the first line inside the fence.
  public var firstLine: Int

  public init(goal: String, checks: [GoalCheck], hints: [String], solution: [String], firstLine: Int) {
    self.goal = goal
    self.checks = checks
    self.hints = hints
    self.solution = solution
    self.firstLine = firstLine
  }

  /// Parses the lines of a ```` ```docksim-exercise ```` fence (`key: value` lines).
  static func parse(_ lines: [String], firstLine: Int, path: String) throws(LessonError) -> Exercise {
    var exercise = Exercise(goal: "", checks: [], hints: [], solution: [], firstLine: firstLine)
    for (offset, line) in lines.enumerated() {
      let lineNumber = firstLine + offset + 1
      if line.trimmingSpaces.isEmpty { continue }
      guard let colon = line.firstIndex(of: ":") else {
        throw LessonError(path: path, line: lineNumber, message: "expected `key: value` in an exercise")
      }
      let key = line[..<colon].trimmingSpaces
      let value = String(line[line.index(after: colon)...].dropFirst(line[line.index(after: colon)...].hasPrefix(" ") ? 1 : 0))
      switch key {
      case "goal": exercise.goal += exercise.goal.isEmpty ? value : "\n" + value
      case "hint": exercise.hints.append(value)
      case "solution": exercise.solution.append(value)
      case "check":
        guard let check = GoalCheck(parsing: value) else {
          throw LessonError(path: path, line: lineNumber, message: "unknown check: \(value)")
        }
        exercise.checks.append(check)
      default:
        throw LessonError(path: path, line: lineNumber, message: "unknown exercise key `\(key)`")
      }
    }
    if exercise.goal.isEmpty { throw LessonError(path: path, line: firstLine, message: "an exercise needs a goal") }
    if exercise.checks.isEmpty { throw LessonError(path: path, line: firstLine, message: "an exercise needs a check") }
    return exercise
  }

  /// The checks that `session` does not meet; `start` is the session when the exercise began.
  public func unmetChecks(in session: Session, start: Session) -> [GoalCheck] {
    checks.filter { !$0.isMet(in: session, start: start) }
  }

  public func isMet(in session: Session, start: Session) -> Bool {
    unmetChecks(in: session, start: start).isEmpty
  }
}

/// One condition on the simulator's state.
///
/// The checks look at the state through docker commands run in a throwaway copy of
/// the session (a `Session` is a value): they see what a student could see, they never
/// disturb the lesson, and they depend only on the session seam, not on the engine's
/// internal types.
public enum GoalCheck: Sendable, Hashable, CustomStringConvertible {
  /// `image REF exists`
  case imageExists(String)
  /// `image REF absent`
  case imageAbsent(String)
  /// `image REF unchanged`: same image ID as when the exercise began.
  case imageUnchanged(String)
  /// `image REF same as OTHER`: two names for one image ID.
  case sameImage(String, String)
  /// `image REF history N`: `docker history` shows N rows.
  case historyRows(String, Int)
  /// `file PATH in WHERE is "TEXT"` (trailing newlines ignored).
  case fileIs(path: String, place: FilePlace, text: String)
  /// `file PATH in WHERE exists`
  case fileExists(path: String, place: FilePlace)
  /// `file PATH in WHERE absent`
  case fileAbsent(path: String, place: FilePlace)

  /// Where a file is looked for.
  public enum FilePlace: Sendable, Hashable, CustomStringConvertible {
    /// The most recently created container.
    case lastContainer
    case image(String)

    public var description: String {
      switch self {
      case .lastContainer: "container"
      case .image(let reference): "image \(reference)"
      }
    }
  }

  public init?(parsing text: String) {
    let words = GoalCheck.words(text)
    switch words.first {
    case "image": self.init(imageWords: Array(words.dropFirst()))
    case "file": self.init(fileWords: Array(words.dropFirst()))
    default: return nil
    }
  }

  private init?(imageWords w: [String]) {
    switch w.count {
    case 2 where w[1] == "exists": self = .imageExists(w[0])
    case 2 where w[1] == "absent": self = .imageAbsent(w[0])
    case 2 where w[1] == "unchanged": self = .imageUnchanged(w[0])
    case 3 where w[1] == "history": guard let n = Int(w[2]) else { return nil }; self = .historyRows(w[0], n)
    case 4 where w[1] == "same" && w[2] == "as": self = .sameImage(w[0], w[3])
    default: return nil
    }
  }

  private init?(fileWords w: [String]) {
    guard w.count >= 4, w[1] == "in" else { return nil }
    let path = w[0]
    var rest = Array(w.dropFirst(2))
    let place: FilePlace
    if rest.first == "container" {
      place = .lastContainer
      rest.removeFirst()
    } else if rest.first == "image", rest.count >= 2 {
      place = .image(rest[1])
      rest.removeFirst(2)
    } else {
      return nil
    }
    switch rest.count {
    case 1 where rest[0] == "exists": self = .fileExists(path: path, place: place)
    case 1 where rest[0] == "absent": self = .fileAbsent(path: path, place: place)
    case 2 where rest[0] == "is": self = .fileIs(path: path, place: place, text: rest[1])
    default: return nil
    }
  }

  /// Splits on spaces; a double-quoted word may hold spaces and `\"`, `\n`, `\\`.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quoted = false
    var escaped = false
    for char in text {
      if escaped {
        current.append(char == "n" ? "\n" : char)
        escaped = false
      } else if quoted {
        if char == "\\" { escaped = true } else if char == "\"" { quoted = false } else { current.append(char) }
      } else if char == "\"" {
        quoted = true
        inWord = true
      } else if char == " " || char == "\t" {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(char)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }

  public var description: String {
    switch self {
    case .imageExists(let r): "image \(r) exists"
    case .imageAbsent(let r): "image \(r) absent"
    case .imageUnchanged(let r): "image \(r) unchanged"
    case .sameImage(let a, let b): "image \(a) same as \(b)"
    case .historyRows(let r, let n): "image \(r) history \(n)"
    case .fileIs(let path, let place, let text): "file \(path) in \(place) is \(quote(text))"
    case .fileExists(let path, let place): "file \(path) in \(place) exists"
    case .fileAbsent(let path, let place): "file \(path) in \(place) absent"
    }
  }

  public func isMet(in session: Session, start: Session) -> Bool {
    var probe = Probe(session)
    switch self {
    case .imageExists(let reference): return probe.imageID(reference) != nil
    case .imageAbsent(let reference): return probe.imageID(reference) == nil
    case .imageUnchanged(let reference):
      var before = Probe(start)
      return probe.imageID(reference) != nil && probe.imageID(reference) == before.imageID(reference)
    case .sameImage(let a, let b): return probe.imageID(a) != nil && probe.imageID(a) == probe.imageID(b)
    case .historyRows(let reference, let rows): return probe.historyRows(reference) == rows
    case .fileIs(let path, let place, let text): return probe.file(path, in: place).map(trimmed) == trimmed(text)
    case .fileExists(let path, let place): return probe.file(path, in: place) != nil
    case .fileAbsent(let path, let place): return probe.file(path, in: place) == nil
    }
  }
}

private func quote(_ text: String) -> String {
  "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n") + "\""
}

private func trimmed(_ text: String) -> String {
  var text = text
  while text.hasSuffix("\n") { text.removeLast() }
  return text
}

/// Asks a throwaway copy of a session questions by running docker commands on its host.
struct Probe {
  private var session: Session

  init(_ session: Session) {
    var copy = session
    // Questions are asked on the host, whatever shell the student is in.
    copy.shells = [copy.shells[0]]
    self.session = copy
  }

  /// Runs `command` on the copy and returns its status and stdout.
  mutating func run(_ command: String) -> (status: Int32, stdout: String) {
    var console = Console(traits: .plain)
    let status = session.execute(command, console: &console)
    return (status, console.stdoutText)
  }

  /// The full image ID that `reference` names, or nil.
  mutating func imageID(_ reference: String) -> String? {
    let result = run("docker images --no-trunc -q \(shellQuoted(reference))")
    guard result.status == 0 else { return nil }
    return result.stdout.split(separator: "\n").first.map(String.init)
  }

  mutating func historyRows(_ reference: String) -> Int? {
    let result = run("docker history -q \(shellQuoted(reference))")
    guard result.status == 0 else { return nil }
    return result.stdout.split(separator: "\n").count
  }

  /// The content of `path` in the most recent container or in an image, or nil when absent.
  mutating func file(_ path: String, in place: GoalCheck.FilePlace) -> String? {
    let image: String
    switch place {
    case .image(let reference):
      image = reference
    case .lastContainer:
      // A container's files are read through an image of them: commit, then run `cat`.
      let last = run("docker ps -a -q")
      guard last.status == 0, let container = last.stdout.split(separator: "\n").first else { return nil }
      let commit = run("docker commit \(container)")
      guard commit.status == 0, let id = commit.stdout.split(separator: "\n").last else { return nil }
      image = String(id)
    }
    let result = run("docker run \(shellQuoted(image)) cat \(shellQuoted(path))")
    return result.status == 0 ? result.stdout : nil
  }
}

/// `text` as one shell word.
func shellQuoted(_ text: String) -> String {
  "'" + text.replacingAll("'", with: "'\\''") + "'"
}

extension StringProtocol {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
  }

  /// Every occurrence of `target` replaced (no Foundation in this module).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return String(self) }
    var out = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
