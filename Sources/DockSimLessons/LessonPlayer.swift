import DockSimPrograms
import DockSimShell
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
  /// The exercise's checks, each met (✔) or with what still differs (✘).
  case checklist([CheckResult])
  /// A solution the student asked for, as typed lines; the player then asks before running it.
  case solution([String])
  /// The exercise's goal is reached.
  case solved
  /// A short message from the player (already in the lesson's language).
  case notice(String)
  /// The lesson is over (its end, or `quit`).
  case finished
}

/// The lesson player as a pure state machine: input in, things to show out.
///
/// The student presses Enter (`next`) to go on, may type `back`, `again`, `undo` and
/// `quit`, and anything else runs in the simulator: the lesson continues from the
/// state they leave. The terminal driver only types, prints and paces.
///
/// Exercises are taught as Learn Git Branching and Killercoda teach them: Enter (or
/// `check`) never runs the solution, it shows the checklist of the goal's checks; a
/// command that changes what the checks see shows it too; `hint` gives one hint at a
/// time; `solution` shows a solution and asks before running it (from the exercise's
/// start); `reset` goes back to the exercise's start and `undo` takes back the last
/// command (a `Session` is a value: the one before each command is kept). A goal already
/// met when the exercise begins counts as solved.
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
  /// The step at which the player said the student is at another prompt than the lesson.
  private var warnedAtStep: Int?
  /// `solution` was shown and the player asked whether to run it.
  public private(set) var awaitingSolutionAnswer = false
  /// The session before each of the student's own commands since the last step, for `undo`.
  private var commandUndo: [(input: String, session: Session)] = []

  /// Exercises whose goal the student reached, each counted once.
  public var solvedByStudent: Int { solvedSteps.count }
  /// The position and session before each completed step, for `back` and `again`.
  private var undo: [(position: Int, session: Session)] = []

  /// The words the player reads as its own; anything else is a command for the simulator.
  /// A Chinese lesson also takes them in Chinese.
  public enum Word: String, CaseIterable, Sendable {
    case next, back, again, hint, solution, check, reset, undo, help, quit

    public init?(input: String) {
      let chinese: [String: Word] = [
        "下一步": .next, "返回": .back, "重放": .again, "提示": .hint, "答案": .solution, "检查": .check,
        "重置": .reset, "撤销": .undo, "帮助": .help, "退出": .quit,
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

  /// The prompt to show when the student types: the shell's, or the solution question.
  public var prompt: String { awaitingSolutionAnswer ? message(.runSolutionQuestion) : session.prompt }

  /// The exercise the student is working on, if any.
  public var currentExercise: Exercise? {
    guard exerciseStart != nil, position < steps.count, case .exercise(let exercise) = steps[position] else { return nil }
    return exercise
  }

  /// Handles one complete input from the student (empty for Enter).
  public mutating func handle(_ input: String) -> [PlayerOutput] {
    guard !isFinished else { return [.finished] }
    leavingOnInterrupt = false
    let text = input.trimmingSpaces
    if awaitingSolutionAnswer {
      awaitingSolutionAnswer = false
      if LessonPlayer.yes.contains(text.lowercased()) { return runSolution() }
      if text.isEmpty || LessonPlayer.no.contains(text.lowercased()) { return [.notice(message(.solutionNotRun))] }
    }
    switch Word(input: text) {
    case .next: return next()
    case .back: return back()
    case .again: return again()
    case .hint: return hint()
    case .solution: return solution()
    case .check: return currentExercise == nil ? [.notice(message(.onlyInExercise))] : checklist(helping: true)
    case .reset: return reset()
    case .undo: return undoCommand()
    case .help: return introduction
    case .quit: return leave()
    case nil:
      return text.isEmpty ? next() : run(input)
    }
  }

  /// The answers that run a solution shown by `solution`, and those that do not.
  static let yes: Set<String> = ["y", "yes", "是", "好", "运行"]
  static let no: Set<String> = ["n", "no", "否", "不"]

  /// Ctrl-C at the prompt (the line being typed is already dropped). A lesson command
  /// shown and not run is cancelled; otherwise the first Ctrl-C says how to leave and
  /// a second one in a row leaves.
  public mutating func interrupt() -> [PlayerOutput] {
    guard !isFinished else { return [.finished] }
    if pendingCommand != nil || awaitingSolutionAnswer {
      pendingCommand = nil
      awaitingSolutionAnswer = false
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
    // In an exercise Enter means "check", never "show me the answer".
    if currentExercise != nil { return checklist(helping: true) }
    guard position < steps.count else {
      isFinished = true
      return [.notice(message(.completed(solved: solvedByStudent, of: exerciseCount))), .finished]
    }
    switch steps[position] {
    case .narration(let text):
      remember()
      position += 1
      return [.narration(text)]
    case .command(let prompt, let input):
      // The student left the lesson's shell (exit, another container): say so once,
      // rather than type the command at the wrong prompt; Enter again types it anyway.
      if let moved = LessonPlayer.move(from: prompt, to: session.prompt), warnedAtStep != position {
        warnedAtStep = position
        return [.notice(message(.elsewhere(moved, expected: prompt.trimmingSpaces, current: session.prompt.trimmingSpaces)))]
      }
      pendingCommand = input
      return [.typed(prompt: session.prompt, input: input)]
    case .exercise(let exercise):
      remember()
      exerciseStart = session
      hintsShown = 0
      guard exercise.isMet(in: session, start: session) else { return [.goal(exercise.goal)] }
      // Reached before it was asked (a tag made early): it counts.
      return [.goal(exercise.goal), .notice(message(.alreadyMet)), .checklist(exercise.checklist(in: session, start: session, language: lesson.language))] + solved()
    }
  }

  /// The exercise is done by the student: counted once, and the lesson moves on.
  private mutating func solved() -> [PlayerOutput] {
    exerciseStart = nil
    solvedSteps.insert(position)
    position += 1
    commandUndo = []
    return [.solved]
  }

  private mutating func back() -> [PlayerOutput] {
    pendingCommand = nil
    exerciseStart = nil
    commandUndo = []
    guard let last = undo.popLast() else { return [.notice(message(.atStart))] }
    position = last.position
    session = last.session
    return next()
  }

  private mutating func again() -> [PlayerOutput] {
    if let exercise = currentExercise { return [.goal(exercise.goal)] + checklist(helping: false) }
    guard pendingCommand == nil, undo.last != nil else { return next() }
    var out = back()
    if pendingCommand != nil { out += next() }
    return out
  }

  private mutating func hint() -> [PlayerOutput] {
    guard exerciseStart != nil, case .exercise(let exercise) = steps[position] else {
      return [.notice(message(.noHint))]
    }
    guard hintsShown < exercise.hints.count else { return [.notice(message(.noMoreHints))] }
    hintsShown += 1
    return [.hint(exercise.hints[hintsShown - 1])]
  }

  /// `solution`: shows one and asks before running it.
  private mutating func solution() -> [PlayerOutput] {
    guard let exercise = currentExercise else { return [.notice(message(.onlyInExercise))] }
    awaitingSolutionAnswer = true
    return [.notice(message(.solutionIs)), .solution(exercise.solution)]
  }

  /// The checklist of the current exercise; with `helping`, what the student can type.
  private func checklist(helping: Bool) -> [PlayerOutput] {
    guard let exercise = currentExercise, let start = exerciseStart else { return [] }
    let list = PlayerOutput.checklist(exercise.checklist(in: session, start: start, language: lesson.language))
    return helping ? [list, .notice(message(.inExercise))] : [list]
  }

  /// `reset`: the state the exercise began with, every command since taken back.
  private mutating func reset() -> [PlayerOutput] {
    guard let start = exerciseStart else { return [.notice(message(.onlyInExercise))] }
    session = start
    commandUndo = []
    return [.notice(message(.resetDone))]
  }

  /// `undo`: the state before the student's last command.
  private mutating func undoCommand() -> [PlayerOutput] {
    guard let last = commandUndo.popLast() else { return [.notice(message(.nothingToUndo))] }
    session = last.session
    return [.notice(message(.undone(last.input)))]
  }

  /// Runs the student's own command; in an exercise, checks the goal after it, and shows
  /// the checklist when the command changed what the checks see.
  private mutating func run(_ input: String) -> [PlayerOutput] {
    commandUndo.append((input, session))
    guard let exercise = currentExercise, let start = exerciseStart else { return [execute(input)] }
    let before = exercise.checklist(in: session, start: start, language: lesson.language)
    let out = [execute(input)]
    if exercise.isMet(in: session, start: start) { return out + solved() }
    let after = exercise.checklist(in: session, start: start, language: lesson.language)
    return after == before ? out : out + [.checklist(after)]
  }

  /// The solution the student agreed to run: from the exercise's start, typed and run,
  /// so the lesson can go on; it does not count as the student's.
  private mutating func runSolution() -> [PlayerOutput] {
    guard let exercise = currentExercise, let start = exerciseStart else { return [] }
    session = start
    var out: [PlayerOutput] = [.notice(message(.playingSolution))]
    for input in LessonRun.inputs(from: exercise.solution, session: session) {
      out.append(.typed(prompt: session.prompt, input: input))
      out.append(execute(input))
    }
    exerciseStart = nil
    commandUndo = []
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

  /// Where the student went, when the lesson expects prompt `expected` and the session
  /// shows `current`; nil when they are in the same shell (a `cd` changes only the directory).
  static func move(from expected: String, to current: String) -> Move? {
    let lesson = place(expected), student = place(current)
    guard lesson != student else { return nil }
    if student == "$" { return .leftContainer }
    return lesson == "$" ? .stillInContainer : .otherContainer
  }

  /// What a prompt says about where the shell is: `$` for the host, bash's `user@host`,
  /// else the shell's prompt without its directory.
  private static func place(_ prompt: String) -> String {
    if prompt.hasPrefix("$") { return "$" }
    if let container = LessonRun.containerPrompt(of: prompt), let colon = container.firstIndex(of: prompt.hasPrefix("[") ? " " : ":") {
      return String(container[..<colon])
    }
    return prompt.hasSuffix(" # ") ? "ash" : prompt
  }

  enum Move: Hashable { case leftContainer, stillInContainer, otherContainer }

  // MARK: Narration pages

  /// Splits narration into screens of at most `height` lines, at blank lines where possible.
  static func pages(_ text: String, height: Int) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var pages: [[String]] = []
    var current: [String] = []
    var paragraph: [String] = []
    // A code fence is kept on one screen: its blank lines are not paragraph breaks.
    var fence: Fence?
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
      if let open = fence {
        if open.isClosed(by: line.trimmingSpaces) { fence = nil }
        continue
      }
      if let opening = Fence(opening: line.trimmingSpaces) {
        fence = opening
        continue
      }
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

  enum Message: Hashable {
    case atStart, noHint, noMoreHints, solutionIs, playingSolution, howToPlay, interruptAgainToLeave
    case inExercise, onlyInExercise, alreadyMet, runSolutionQuestion, solutionNotRun, resetDone, nothingToUndo
    case undone(String)
    case elsewhere(Move, expected: String, current: String)
    case completed(solved: Int, of: Int)
    case solvedSoFar(solved: Int, of: Int)
    case leftAt(step: Int, of: Int)
  }

  /// The player's own words (docksim's, not Docker's or bash's) in the lesson's language.
  /// Chinese text takes full-width punctuation; the words the player reads are given in both.
  func message(_ which: Message) -> String {
    switch (which, lesson.language) {
    case (.howToPlay, .zh):
      """
      回车：下一步 · 返回（back）· 重放（again）· 撤销（undo）· 退出（quit）
      练习中：检查（check，或回车）· 提示（hint）· 答案（solution）· 重置（reset）
      教学命令：layers · whence · trace · tree · explain · 帮助（help）
      其他输入都作为命令运行。
      """
    case (.howToPlay, .en):
      """
      Enter: next step · back · again · undo · help · quit
      In an exercise: check (or Enter) · hint · solution · reset
      Teaching commands: layers · whence · trace · tree · explain
      Anything else you type runs as a command.
      """
    case (.completed(let solved, let total), .zh): "课程结束。练习：你完成了 \(solved) 个，共 \(total) 个。"
    case (.completed(let solved, let total), .en):
      "End of the lesson. Exercises: \(solved) of \(total) solved by you."
    case (.leftAt(let step, let total), .zh): "已退出课程，停在第 \(step) 步（共 \(total) 步）。"
    case (.leftAt(let step, let total), .en): "You left the lesson at step \(step) of \(total)."
    case (.solvedSoFar(let solved, let total), .zh): "练习：你完成了 \(solved) 个，共 \(total) 个。"
    case (.solvedSoFar(let solved, let total), .en): "Exercises: \(solved) of \(total) solved by you."
    case (.interruptAgainToLeave, .zh): "再按一次 Ctrl-C（或输入“退出”）离开课程；回车继续。"
    case (.interruptAgainToLeave, .en): "Press Ctrl-C again (or type quit) to leave the lesson; Enter goes on."
    case (.atStart, .zh): "已经在课程开头。"
    case (.atStart, .en): "This is the start of the lesson."
    case (.noHint, .zh): "这里没有提示：提示只在练习中提供。"
    case (.noHint, .en): "No hint here: hints come with exercises."
    case (.noMoreHints, .zh): "没有更多提示了。输入“答案”（solution）查看参考答案。"
    case (.noMoreHints, .en): "No more hints. Type solution to see a solution."
    case (.solutionIs, .zh): "参考答案："
    case (.solutionIs, .en): "A solution:"
    case (.runSolutionQuestion, .zh): "从练习开始时的状态运行这个答案吗？[y/N] "
    case (.runSolutionQuestion, .en): "Run this solution from the exercise's start? [y/N] "
    case (.solutionNotRun, .zh): "没有运行。请继续练习。"
    case (.solutionNotRun, .en): "Not run. The exercise goes on."
    case (.playingSolution, .zh): "回到练习开始时的状态，运行参考答案："
    case (.playingSolution, .en): "Back to the exercise's start; the solution runs:"
    case (.inExercise, .zh): "输入命令来达成目标。提示（hint）· 答案（solution）· 重置（reset）· 撤销（undo）"
    case (.inExercise, .en): "Type commands to reach the goal. hint · solution · reset (start over) · undo (take back a command)"
    case (.onlyInExercise, .zh): "“答案”“检查”和“重置”只在练习中使用。"
    case (.onlyInExercise, .en): "solution, check and reset work in an exercise."
    case (.alreadyMet, .zh): "这个目标你之前已经达成了，算你完成："
    case (.alreadyMet, .en): "You reached this goal earlier; it counts:"
    case (.resetDone, .zh): "已回到练习开始时的状态。"
    case (.resetDone, .en): "Back to the exercise's start."
    case (.nothingToUndo, .zh): "这里没有可以撤销的命令（“返回”回到上一步）。"
    case (.nothingToUndo, .en): "No command of yours to take back here (back goes back a step)."
    case (.elsewhere(let move, let expected, let current), .zh):
      elsewhereZH(move, expected, current) + "\n输入“返回”（back）回到上一步；再按回车则在当前提示符下照样输入这条命令。"
    case (.elsewhere(let move, let expected, let current), .en):
      elsewhereEN(move, expected, current) + "\nType back to go back a step; Enter again types the command here anyway."
    case (.undone(let input), .zh): "已撤销：\(input)"
    case (.undone(let input), .en): "Taken back: \(input)"
    }
  }

  private func elsewhereZH(_ move: Move, _ expected: String, _ current: String) -> String {
    switch move {
    case .leftContainer: "课程的下一条命令要在容器里运行（提示符 \(expected)），而你已经离开容器，回到了主机（\(current)）。"
    case .stillInContainer: "课程的下一条命令要在主机上运行（提示符 \(expected)），而你还在容器里（\(current)）：先输入 exit 离开容器。"
    case .otherContainer: "课程的下一条命令要在提示符 \(expected) 下运行，而你现在在另一个容器里（\(current)）。"
    }
  }

  private func elsewhereEN(_ move: Move, _ expected: String, _ current: String) -> String {
    switch move {
    case .leftContainer: "The lesson's next command runs in the container (\(expected)), and you have left it: you are on the host (\(current))."
    case .stillInContainer: "The lesson's next command runs on the host (\(expected)), and you are still in a container (\(current)): type exit to leave it."
    case .otherContainer: "The lesson's next command runs at \(expected), and you are in another container (\(current))."
    }
  }
}
