import DockSimCommands
import DockSimCore

/// What the player asks its front end to show.
public enum PlayerOutput: Sendable, Hashable {
  /// A screen of narration.
  case narration(String)
  /// A lesson command at its prompt, as if typed; it runs on the next Enter.
  case typed(prompt: String, input: String)
  /// What a command wrote, as the console received it (a terminal may animate its pauses).
  case output([Console.Event])
  /// An exercise begins.
  case goal(String)
  case hint(String)
  /// The exercise's goal is reached.
  case solved
  /// A short message from the player (already in the lesson's language).
  case notice(String)
  /// The lesson is over (its end, or `quit`).
  case finished
}

/// The lesson player as a pure state machine: input in, things to show out.
///
/// The student presses Enter (`next`) to go on, may type `back`, `again`, `hint` and
/// `quit`, and anything else runs in the simulator: the lesson continues from the
/// state they leave. The terminal driver only types, prints and paces.
///
/// Ctrl-C (`interrupt()`) cancels a lesson command typed out and not run yet; at an
/// empty prompt it says how to leave, and a second Ctrl-C in a row leaves with the
/// summary. (A command whose output Ctrl-C cuts short is cancelled whole by the
/// driver, which goes back to the player it had before the input, as the REPL does.)
///
/// Progress counts each exercise once: the summary's "solved by you" is the number of
/// exercises whose goal the student reached at least once. `back` over a solved exercise
/// does not take it away, and solving it again does not count it twice.
public struct LessonPlayer: Sendable {
  public let lesson: Lesson
  public private(set) var steps: [LessonStep]
  /// Index of the step the next `next` works on.
  public private(set) var position = 0
  public private(set) var session: Session
  public private(set) var isFinished = false
  /// A lesson command shown at the prompt and not run yet.
  public private(set) var pendingCommand: String?
  /// The session when the current exercise began (for `unchanged` goals), nil outside one.
  private var exerciseStart: Session?
  private var hintsShown = 0
  /// Steps (indices) of the exercises whose goal the student reached, not those `next`
  /// solved for them; a set, so going back and solving one again counts it once.
  private var solvedSteps: Set<Int> = []
  /// The last input was a Ctrl-C at an empty prompt: another one leaves.
  private var leavingOnInterrupt = false

  /// Exercises whose goal the student reached, each counted once.
  public var solvedByStudent: Int { solvedSteps.count }
  /// The position and session before each completed step, for `back` and `again`.
  private var undo: [(position: Int, session: Session)] = []

  /// The words the player reads as its own; anything else is a command for the simulator.
  /// A Chinese lesson also takes them in Chinese.
  public enum Word: String, CaseIterable, Sendable {
    case next, back, again, hint, help, quit

    public init?(input: String) {
      let chinese: [String: Word] = [
        "下一步": .next, "返回": .back, "重放": .again, "提示": .hint, "帮助": .help, "退出": .quit,
      ]
      guard let word = Word(rawValue: input) ?? chinese[input] else { return nil }
      self = word
    }
  }

  /// What the front end shows before the first step: how to play, in the lesson's language.
  public var introduction: [PlayerOutput] { [.notice(message(.howToPlay))] }

  public init(_ lesson: Lesson, environment: LessonEnvironment = LessonEnvironment(), pageHeight: Int = 20) {
    self.lesson = lesson
    // A run without a student tells commands from output (it needs the prompts), once.
    let run = LessonRun(lesson, environment: environment)
    self.steps = run.steps.flatMap { step -> [LessonStep] in
      guard case .narration(let text) = step else { return [step] }
      return LessonPlayer.pages(text, height: pageHeight).map(LessonStep.narration)
    }
    // The run above has already reported a Hub that does not load; play on without it.
    self.session = (try? environment.makeSession(for: lesson)) ?? Session(settings: lesson.frontMatter.settings)
    self.traits = environment.traits
  }

  private let traits: TerminalTraits

  /// The prompt to show when the student types.
  public var prompt: String { session.prompt }

  /// Handles one complete input from the student (empty for Enter).
  public mutating func handle(_ input: String) -> [PlayerOutput] {
    guard !isFinished else { return [.finished] }
    leavingOnInterrupt = false
    switch Word(input: input.trimmingSpaces) {
    case .next: return next()
    case .back: return back()
    case .again: return again()
    case .hint: return hint()
    case .help: return introduction
    case .quit: return leave()
    case nil:
      return input.trimmingSpaces.isEmpty ? next() : run(input)
    }
  }

  /// Ctrl-C at the prompt (the line being typed is already dropped). A lesson command
  /// shown and not run is cancelled; otherwise the first Ctrl-C says how to leave and
  /// a second one in a row leaves.
  public mutating func interrupt() -> [PlayerOutput] {
    guard !isFinished else { return [.finished] }
    if pendingCommand != nil {
      pendingCommand = nil
      return []
    }
    if leavingOnInterrupt { return leave() }
    leavingOnInterrupt = true
    return [.notice(message(.interruptAgainToLeave))]
  }

  /// A command whose output Ctrl-C cut short: the front end has restored the player
  /// from before the input; `$?` says 130, as bash's does after Ctrl-C.
  public mutating func commandInterrupted() {
    pendingCommand = nil
    leavingOnInterrupt = false
    session.currentShell.lastStatus = 130
  }

  /// `quit`, a second Ctrl-C, or the end of the input: where the student stopped, and
  /// the exercises they solved when the lesson has any.
  public mutating func leave() -> [PlayerOutput] {
    guard !isFinished else { return [.finished] }
    isFinished = true
    var out: [PlayerOutput] = [.notice(message(.leftAt(step: min(position + 1, steps.count), of: steps.count)))]
    if exerciseCount > 0 { out.append(.notice(message(.solvedSoFar(solved: solvedByStudent, of: exerciseCount)))) }
    return out + [.finished]
  }

  // MARK: Moving through the lesson

  private mutating func next() -> [PlayerOutput] {
    if let command = pendingCommand {
      pendingCommand = nil
      remember()
      position += 1
      return [execute(command)]
    }
    if exerciseStart != nil { return finishExerciseBySolution() }
    guard position < steps.count else {
      isFinished = true
      return [.notice(message(.completed(solved: solvedByStudent, of: exerciseCount))), .finished]
    }
    switch steps[position] {
    case .narration(let text):
      remember()
      position += 1
      return [.narration(text)]
    case .command(_, let input):
      pendingCommand = input
      return [.typed(prompt: session.prompt, input: input)]
    case .exercise(let exercise):
      remember()
      exerciseStart = session
      hintsShown = 0
      return [.goal(exercise.goal)]
    }
  }

  private mutating func back() -> [PlayerOutput] {
    pendingCommand = nil
    exerciseStart = nil
    guard let last = undo.popLast() else { return [.notice(message(.atStart))] }
    position = last.position
    session = last.session
    return next()
  }

  private mutating func again() -> [PlayerOutput] {
    guard pendingCommand == nil, exerciseStart == nil, undo.last != nil else { return next() }
    var out = back()
    if pendingCommand != nil { out += next() }
    return out
  }

  private mutating func hint() -> [PlayerOutput] {
    guard exerciseStart != nil, case .exercise(let exercise) = steps[position] else {
      return [.notice(message(.noHint))]
    }
    if hintsShown < exercise.hints.count {
      hintsShown += 1
      return [.hint(exercise.hints[hintsShown - 1])]
    }
    return [.hint(message(.solutionIs) + "\n" + exercise.solution.joined(separator: "\n"))]
  }

  /// Runs the student's own command; in an exercise, checks the goal after it.
  private mutating func run(_ input: String) -> [PlayerOutput] {
    var out = [execute(input)]
    if let start = exerciseStart, case .exercise(let exercise) = steps[position], exercise.isMet(in: session, start: start) {
      exerciseStart = nil
      solvedSteps.insert(position)
      position += 1
      out.append(.solved)
    }
    return out
  }

  /// `next` during an exercise: the solution is typed and run, so the lesson can go on.
  private mutating func finishExerciseBySolution() -> [PlayerOutput] {
    guard case .exercise(let exercise) = steps[position] else { return [] }
    var out: [PlayerOutput] = [.notice(message(.playingSolution))]
    for input in LessonRun.inputs(from: exercise.solution, session: session) {
      out.append(.typed(prompt: session.prompt, input: input))
      out.append(execute(input))
    }
    exerciseStart = nil
    position += 1
    return out
  }

  private mutating func execute(_ input: String) -> PlayerOutput {
    var console = Console(traits: traits)
    _ = session.execute(input, console: &console)
    session.history.append(input)
    return .output(console.events)
  }

  private mutating func remember() {
    undo.append((position, session))
  }

  // MARK: Narration pages

  /// Splits narration into screens of at most `height` lines, at blank lines where possible.
  static func pages(_ text: String, height: Int) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var pages: [[String]] = []
    var current: [String] = []
    var paragraph: [String] = []
    func flushParagraph() {
      if current.count + paragraph.count > height, !current.isEmpty {
        pages.append(current)
        current = []
      }
      current += paragraph
      paragraph = []
    }
    for line in lines {
      paragraph.append(line)
      if line.trimmingSpaces.isEmpty || paragraph.count >= height { flushParagraph() }
    }
    flushParagraph()
    if !current.isEmpty { pages.append(current) }
    return pages.map { page in
      var page = page
      while page.first?.trimmingSpaces.isEmpty == true { page.removeFirst() }
      while page.last?.trimmingSpaces.isEmpty == true { page.removeLast() }
      return page.joined(separator: "\n")
    }.filter { !$0.isEmpty }
  }

  // MARK: Messages

  private var exerciseCount: Int {
    steps.filter { if case .exercise = $0 { true } else { false } }.count
  }

  enum Message {
    case atStart, noHint, solutionIs, playingSolution, howToPlay, interruptAgainToLeave
    case completed(solved: Int, of: Int)
    case solvedSoFar(solved: Int, of: Int)
    case leftAt(step: Int, of: Int)
  }

  /// The player's own words (docksim's, not Docker's or bash's) in the lesson's language.
  func message(_ which: Message) -> String {
    switch (which, lesson.language) {
    case (.howToPlay, .zh): "回车:下一步 · back 返回 · again 重放 · hint 提示 · help 帮助 · quit 退出\n其他输入都作为命令运行。"
    case (.howToPlay, .en): "Enter: next step · back · again · hint · help · quit\nAnything else you type runs as a command."
    case (.completed(let solved, let total), .zh): "课程结束。练习:完成 \(solved) 个,共 \(total) 个。"
    case (.completed(let solved, let total), .en):
      "End of the lesson. Exercises: \(solved) of \(total) solved by you."
    case (.leftAt(let step, let total), .zh): "已退出课程,停在第 \(step) 步(共 \(total) 步)。"
    case (.leftAt(let step, let total), .en): "You left the lesson at step \(step) of \(total)."
    case (.solvedSoFar(let solved, let total), .zh): "练习:完成 \(solved) 个,共 \(total) 个。"
    case (.solvedSoFar(let solved, let total), .en): "Exercises: \(solved) of \(total) solved by you."
    case (.interruptAgainToLeave, .zh): "再按一次 Ctrl-C(或输入 quit)退出课程;回车继续。"
    case (.interruptAgainToLeave, .en): "Press Ctrl-C again (or type quit) to leave the lesson; Enter goes on."

    case (.atStart, .zh): "已经在课程开头。"
    case (.atStart, .en): "This is the start of the lesson."
    case (.noHint, .zh): "这里没有提示:提示只在练习中提供。"
    case (.noHint, .en): "No hint here: hints come with exercises."
    case (.solutionIs, .zh): "参考答案:"
    case (.solutionIs, .en): "A solution:"
    case (.playingSolution, .zh): "练习尚未完成,演示参考答案:"
    case (.playingSolution, .en): "The goal is not reached yet; here is a solution:"
    }
  }
}
