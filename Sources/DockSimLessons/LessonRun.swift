import DockSimPrograms
import DockSimShell
import DockSimCore
import DockSimData

/// What a lesson needs from the program around it.
public struct LessonEnvironment: Sendable {
  /// Builds the mock Hub for a lesson from the lesson's extra Hub data (nil when it has none).
  public var makeHub: @Sendable (_ extraHubData: String?) throws -> Hub
  /// What output goes to: transcripts record an 80-column terminal without colour.
  public var traits: TerminalTraits

  /// By default lessons pull from the Hub that ships with docksim, plus their own data.
  public init(
    makeHub: @escaping @Sendable (String?) throws -> Hub = LessonEnvironment.bundledHub,
    traits: TerminalTraits = .terminal
  ) {
    self.makeHub = makeHub
    self.traits = traits
  }

  /// The bundled Hub catalogue, with `extraHubData` (a lesson's `hub` file) added to it.
  @Sendable public static func bundledHub(extraHubData: String?) throws -> Hub {
    var files: [(name: String, text: String)] = []
    if let bundled = BundledData.hubFile(Hub.bundledCatalogName) { files.append((Hub.bundledCatalogName, bundled)) }
    if let extraHubData { files.append(("the lesson's hub file", extraHubData)) }
    return try Hub.load(files: files)
  }

  /// A fresh session set up as the lesson's front matter says.
  public func makeSession(for lesson: Lesson) throws -> Session {
    Session(settings: lesson.frontMatter.settings, hub: try makeHub(lesson.extraHubData))
  }
}

/// One command of a transcript as the file has it and as the simulator ran it.
public struct CommandResult: Sendable, Hashable {
  /// Index in the file's lines of the command's (first) prompt line.
  public var line: Int
  /// The prompt as the file writes it, and as the simulator showed it.
  public var filePrompt: String
  public var prompt: String
  /// The input, as typed: lines after the first are continuation lines (`> `).
  public var input: String
  /// The file lines holding the expected output (the `? N` line excluded).
  public var expectedRange: Range<Int>
  public var expected: [String]
  /// The `? N` line, when the file has one, and its index.
  public var expectedStatus: Int32?
  public var statusLine: Int?
  public var actual: [String]
  public var status: Int32

  /// Whether the file and the simulator agree on this command.
  public var matches: Bool {
    filePrompt == prompt && OutputPattern.matches(expected: expected, actual: actual)
      && (expectedStatus == nil || expectedStatus == status)
  }

  /// The command's lines as a transcript writes them.
  public func commandLines(prompt: String) -> [String] {
    let inputLines = input.split(separator: "\n", omittingEmptySubsequences: false)
    return [prompt + inputLines[0]] + inputLines.dropFirst().map { "> " + $0 }
  }
}

/// Something in a lesson that is wrong other than an output.
public struct LessonProblem: Sendable, Hashable, CustomStringConvertible {
  /// Index in the file's lines.
  public var line: Int
  public var message: String

  public var description: String { "line \(line + 1): \(message)" }
}

/// A lesson played without a student: every command run, every exercise solved by its solution.
public struct LessonRun: Sendable {
  public var lesson: Lesson
  public var commands: [CommandResult] = []
  public var problems: [LessonProblem] = []
  /// One entry per part of the lesson, in order: what the player walks through.
  public var steps: [LessonStep] = []
  /// The session after the last step.
  public var session: Session
  /// Everything the run showed (prompts, inputs, outputs): what narration may quote.
  private var printed: [String] = []

  public var mismatches: [CommandResult] { commands.filter { !$0.matches } }
  public var passed: Bool { mismatches.isEmpty && problems.isEmpty }

  /// Plays `lesson` from a fresh session.
  public init(_ lesson: Lesson, environment: LessonEnvironment = LessonEnvironment()) {
    self.lesson = lesson
    do {
      self.session = try environment.makeSession(for: lesson)
    } catch {
      self.session = Session(settings: lesson.frontMatter.settings)
      problems.append(LessonProblem(line: 0, message: "the Hub data does not load: \(error)"))
    }
    for part in lesson.parts {
      switch part {
      case .prose(let text): steps.append(.narration(text))
      case .transcript(let block): runBlock(block, traits: environment.traits)
      case .exercise(let exercise): runExercise(exercise, traits: environment.traits)
      }
    }
    problems += ProseLint.problems(lesson, printed: printed.joined(separator: "\n"))
  }

  private mutating func runBlock(_ block: TranscriptBlock, traits: TerminalTraits) {
    var index = 0
    let lines = block.lines
    while index < lines.count {
      let line = lines[index]
      guard let filePrompt = LessonRun.promptPrefix(of: line, session: session) else {
        // Blank lines between commands are layout; anything else is a problem, never output
        // to bless over: a command written for another shell (with its output) is skipped.
        if LessonRun.looksLikePrompt(line) {
          problems.append(LessonProblem(line: block.firstLine + index, message: "the simulator shows `\(session.prompt)` here, not: \(line)"))
          index += 1
          while index < lines.count, !LessonRun.looksLikePrompt(lines[index]) { index += 1 }
          continue
        }
        if !line.trimmingSpaces.isEmpty {
          problems.append(LessonProblem(line: block.firstLine + index, message: "expected a command after `\(session.prompt)`, found: \(line)"))
        }
        index += 1
        continue
      }
      let prompt = session.prompt
      var input = String(line.dropFirst(filePrompt.count))
      index += 1
      while session.inputStatus(input) == .needsMore, index < lines.count, let more = LessonRun.continuation(lines[index]) {
        input += "\n" + more
        index += 1
      }
      var console = Console(traits: traits)
      let status = session.execute(input, console: &console)
      session.history.append(input)
      steps.append(.command(prompt: prompt, input: input))
      let actual = LessonRun.trimmed(ScreenText.lines(of: console))
      printed += [prompt + input] + actual
      // The output runs up to the next line that starts with the prompt shown now. Output
      // may itself start a line with a short prompt (`# ` in dash): when the file's next
      // lines are the output exactly, the search starts after them.
      var end = index
      if index + actual.count <= lines.count, LessonRun.trimmed(Array(lines[index..<(index + actual.count)])) == actual {
        end = index + actual.count
      }
      while end < lines.count, !LessonRun.looksLikePrompt(lines[end], session: session) { end += 1 }
      var expectedEnd = end
      var expectedStatus: Int32?
      var statusLine: Int?
      if let last = (index..<end).last(where: { !lines[$0].trimmingSpaces.isEmpty }), let code = LessonRun.statusCode(lines[last]) {
        expectedStatus = code
        statusLine = block.firstLine + last
        expectedEnd = last
      }
      let expected = Array(lines[index..<expectedEnd])
      commands.append(
        CommandResult(
          line: block.firstLine + index - input.split(separator: "\n", omittingEmptySubsequences: false).count,
          filePrompt: filePrompt, prompt: prompt, input: input,
          expectedRange: (block.firstLine + index)..<(block.firstLine + expectedEnd),
          expected: LessonRun.trimmed(expected), expectedStatus: expectedStatus, statusLine: statusLine,
          actual: actual, status: status))
      index = end
    }
  }

  private mutating func runExercise(_ exercise: Exercise, traits: TerminalTraits) {
    steps.append(.exercise(exercise))
    let start = session
    if exercise.isMet(in: session, start: start) {
      problems.append(LessonProblem(line: exercise.firstLine, message: "the goal is already met before the exercise starts"))
    }
    for input in LessonRun.inputs(from: exercise.solution, session: session) {
      var console = Console(traits: traits)
      let prompt = session.prompt
      _ = session.execute(input, console: &console)
      session.history.append(input)
      printed += [prompt + input] + ScreenText.lines(of: console)
    }
    for check in exercise.unmetChecks(in: session, start: start) {
      problems.append(LessonProblem(line: exercise.firstLine, message: "the solution does not reach the goal: \(check)"))
    }
  }

  /// Groups typed lines into complete inputs (a here-document spans several lines).
  public static func inputs(from lines: [String], session: Session) -> [String] {
    var inputs: [String] = []
    var pending: String?
    for line in lines {
      let input = pending.map { $0 + "\n" + line } ?? line
      if session.inputStatus(input) == .needsMore {
        pending = input
      } else {
        inputs.append(input)
        pending = nil
      }
    }
    if let pending { inputs.append(pending) }
    return inputs
  }

  /// The prompt a transcript line starts with, if it is a command line where `session` is.
  ///
  /// On the host that is `$ `. In a container it is the prompt the shell shows (bash's
  /// `root@<12 hex>:<dir># `, dash's `# `, busybox ash's `/ # `), or bash's shape
  /// (`user@host:dir# `, CentOS's `[user@host dir]# `) even when the ID or directory
  /// differ from the session's: then the line still reads as a command, the checker
  /// reports the prompt, and `--bless` corrects it.
  static func promptPrefix(of line: String, session: Session) -> String? {
    let prompt = session.prompt
    if line.hasPrefix(prompt) { return prompt }
    if line == prompt.trimmingSpaces { return line }  // an editor dropped the trailing space
    guard case .container = session.currentShell.place else { return nil }
    return containerPrompt(of: line)
  }

  /// Whether `line` starts a new command: the prompt `session` shows now, or a prompt of
  /// the host or of bash in a container (dash's and ash's short prompts are only taken
  /// where the session shows them, so output starting with `# ` stays output).
  static func looksLikePrompt(_ line: String, session: Session) -> Bool {
    line.hasPrefix(session.prompt) || line == session.prompt.trimmingSpaces || looksLikePrompt(line)
  }

  /// Whether `line` starts with the host's prompt or the shape of bash's in a container.
  static func looksLikePrompt(_ line: String) -> Bool {
    line.hasPrefix("$ ") || line == "$" || containerPrompt(of: line) != nil
  }

  /// `user@host:<dir># ` or `[user@host <dir>]# ` at the start of `line`, if there.
  static func containerPrompt(of line: String) -> String? {
    let bracketed = line.hasPrefix("[")
    let body = bracketed ? line.dropFirst() : Substring(line)
    guard let at = body.firstIndex(of: "@") else { return nil }
    let user = body[..<at]
    guard !user.isEmpty, user.allSatisfy(isNameCharacter) else { return nil }
    let afterAt = body[body.index(after: at)...]
    let host = afterAt.prefix(while: isNameCharacter)
    guard !host.isEmpty, afterAt.dropFirst(host.count).first == (bracketed ? " " : ":") else { return nil }
    guard let end = line.firstRange(of: bracketed ? "]# " : "# ") else { return nil }
    return String(line[..<end.upperBound])
  }

  private static func isNameCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-" || character == ".")
  }

  /// The text of a continuation line (`> text`), or nil when the line is not one.
  static func continuation(_ line: String) -> String? {
    if line == ">" { return "" }
    return line.hasPrefix("> ") ? String(line.dropFirst(2)) : nil
  }

  /// The status of a `? N` line.
  static func statusCode(_ line: String) -> Int32? {
    let text = line.trimmingSpaces
    guard text.hasPrefix("? ") else { return nil }
    return Int32(text.dropFirst(2))
  }

  /// Trailing spaces are invisible on a terminal (and editors strip them): they never count.
  static func trimmed(_ lines: [String]) -> [String] {
    lines.map { line in
      var line = Substring(line)
      while line.last == " " || line.last == "\t" { line.removeLast() }
      return String(line)
    }
  }
}

/// What the player walks through.
public enum LessonStep: Sendable, Hashable {
  case narration(String)
  case command(prompt: String, input: String)
  case exercise(Exercise)
}
