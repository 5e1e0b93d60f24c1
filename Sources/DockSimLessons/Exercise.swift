import DockSimShell
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

  /// Every check, met or not, with what still differs: the checklist a student sees.
  public func checklist(in session: Session, start: Session, language: Language) -> [CheckResult] {
    checks.map { $0.result(in: session, start: start, language: language) }
  }
}

/// One line of an exercise's checklist: the check in words when it is met, or what the
/// simulator shows instead when it is not ("/etc/motd in the container is 'helo', expected 'hello'").
public struct CheckResult: Sendable, Hashable {
  public var isMet: Bool
  public var text: String

  public init(isMet: Bool, text: String) {
    self.isMet = isMet
    self.text = text
  }

  /// `✔ text` or `✘ text`.
  public var line: String { (isMet ? "✔ " : "✘ ") + text }
}

/// One condition on the simulator's state.
///
/// The checks read the session's state (images from the image store, files through the
/// union filesystem) and never change it.
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
  /// `image REF layers N`: the image has N filesystem layers.
  case layerCount(String, Int)
  /// `container from REF exists`: a container was created from the image REF names
  /// (what `docker run` does and `docker pull` does not).
  case containerFrom(String)
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
    case "container" where words.count == 4 && words[1] == "from" && words[3] == "exists": self = .containerFrom(words[2])
    default: return nil
    }
  }

  private init?(imageWords w: [String]) {
    switch w.count {
    case 2 where w[1] == "exists": self = .imageExists(w[0])
    case 2 where w[1] == "absent": self = .imageAbsent(w[0])
    case 2 where w[1] == "unchanged": self = .imageUnchanged(w[0])
    case 3 where w[1] == "history": guard let n = Int(w[2]) else { return nil }; self = .historyRows(w[0], n)
    case 3 where w[1] == "layers": guard let n = Int(w[2]) else { return nil }; self = .layerCount(w[0], n)
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
    case .layerCount(let r, let n): "image \(r) layers \(n)"
    case .containerFrom(let r): "container from \(r) exists"
    case .fileIs(let path, let place, let text): "file \(path) in \(place) is \(quote(text))"
    case .fileExists(let path, let place): "file \(path) in \(place) exists"
    case .fileAbsent(let path, let place): "file \(path) in \(place) absent"
    }
  }

  public func isMet(in session: Session, start: Session) -> Bool {
    let probe = Probe(session)
    switch self {
    case .imageExists(let reference): return probe.imageID(reference) != nil
    case .imageAbsent(let reference): return probe.imageID(reference) == nil
    case .imageUnchanged(let reference):
      let before = Probe(start)
      return probe.imageID(reference) != nil && probe.imageID(reference) == before.imageID(reference)
    case .sameImage(let a, let b): return probe.imageID(a) != nil && probe.imageID(a) == probe.imageID(b)
    case .historyRows(let reference, let rows): return probe.historyRows(reference) == rows
    case .layerCount(let reference, let layers): return probe.layerCount(reference) == layers
    case .containerFrom(let reference): return probe.containerCount(from: reference) > 0
    case .fileIs(let path, let place, let text): return probe.file(path, in: place).map(trimmedNewlines) == trimmedNewlines(text)
    case .fileExists(let path, let place): return probe.file(path, in: place) != nil
    case .fileAbsent(let path, let place): return probe.file(path, in: place) == nil
    }
  }
}

private func quote(_ text: String) -> String {
  "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n") + "\""
}


/// Asks a session about its state without changing it (a `Session` is a value: the
/// questions are asked of a copy).
struct Probe {
  private var session: Session

  init(_ session: Session) { self.session = session }

  /// The image `reference` names (a name, `name:tag` or an ID), as `docker` looks it up.
  func image(_ reference: String) -> Image? {
    guard case .success(let image) = session.engine.images.lookup(reference, version: session.settings.dockerVersion)
    else { return nil }
    return image
  }

  func imageID(_ reference: String) -> String? { image(reference)?.id.hex }

  func historyRows(_ reference: String) -> Int? { image(reference)?.history.count }

  func layerCount(_ reference: String) -> Int? { image(reference)?.layers.count }

  /// How many containers (running or not) were created from the image `reference` names.
  func containerCount(from reference: String) -> Int {
    guard let id = image(reference)?.id else { return 0 }
    return session.engine.containers.all.filter { $0.imageID == id }.count
  }

  /// The content of `path` in the most recent container or in an image, or nil when absent.
  func file(_ path: String, in place: GoalCheck.FilePlace) -> String? {
    switch place {
    case .image(let reference):
      guard let image = image(reference) else { return nil }
      var fs = ContainerFS(image: MergedView(layers: image.layers))
      return try? fs.readFile(path).text
    case .lastContainer:
      guard let container = lastContainer() else { return nil }
      var fs = container.filesystem
      return try? fs.readFile(path).text
    }
  }

  /// The container the student is in, or else the most recently created one.
  func lastContainer() -> Container? {
    for frame in session.shells.reversed() {
      if case .container(let id) = frame.place { return session.engine.containers[id: id] }
    }
    return session.engine.containers.all.last
  }
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
