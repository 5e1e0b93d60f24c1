import DockSimShell
import DockSimTeaching
import DockSimCore
import DockSimLessons
import DockSimTerminal
import Foundation

/// The thin terminal side of the lesson player: it types, prints and waits for Enter;
/// every decision is `LessonPlayer`'s.
///
/// On a terminal lines are read with the REPL's LineEditor (libedit: Emacs keys, Up
/// for history, Tab completion in the lesson's session); a lesson command typed out
/// waits for Enter in an editor with an empty prompt. Keys typed while output plays are
/// not echoed (the terminal's echo is off then): they wait for the next prompt, and a
/// pull's progress redrawn in place stays whole. Without a terminal the kernel's line
/// mode reads. Ctrl-C never kills the process: SIGINT only raises the flag `Signals`
/// keeps, so
/// * at the prompt the line being typed is dropped (`^C` shown), and the player
///   cancels a lesson command not run yet, or offers to leave; a second Ctrl-C in a
///   row leaves with the summary (status 130);
/// * while a command's output plays, the rest is dropped and the command is cancelled
///   whole: the player goes back to what it was before the input, as the REPL does;
/// * with `--auto`, it leaves with the summary.
/// SIGTERM and SIGHUP put the terminal back before the process ends; each command the
/// student types is appended to the REPL's history file at once, so nothing is lost.
struct LessonDriver {
  var auto: Bool
  var delayMilliseconds: Int

  /// Plays `lesson` to its end or until the student leaves; the exit status
  /// (130 when Ctrl-C ended it).
  func play(_ lesson: Lesson) -> Int32 {
    Signals.installInteractiveHandlers()
    defer { Signals.restoreTerminal() }
    let history = HistoryFile.defaultPath().map { HistoryFile(path: $0) }
    var player = LessonPlayer(lesson, environment: LessonEnvironment(traits: LessonDriver.traits()))
    let input = PlayerInput(history: auto ? nil : history)
    write(lesson.title + "\n\n")
    _ = show(player.introduction)
    while !player.isFinished {
      Signals.clearInterrupt()
      let text: String
      if auto {
        pause(milliseconds: delayMilliseconds * 10)
        if Signals.interrupted { return leave(&player) }
        text = ""
      } else {
        let shownPrompt = player.pendingCommand == nil
        switch readInput(player, from: input) {
        case .interrupted:
          Signals.clearInterrupt()
          // libedit ends the line after its `^C`; the kernel only echoes `^C`.
          if !input.edits { write("\n") }
          _ = show(player.interrupt())
          if player.isFinished { return 130 }
          continue
        case .endOfInput:
          // Ctrl-D: leave as `quit` does, on a line of its own.
          write("\n")
          _ = show(player.leave())
          return 0
        case .line(let line):
          text = line
          // Enter at an empty prompt only means "go on": take the prompt line back.
          if shownPrompt, line.isEmpty, isatty(1) == 1 { write("\u{1B}[1A\u{1B}[2K\r") }
        }
      }
      record(text, in: history, editor: input)
      let before = player
      Signals.clearInterrupt()
      // Keys typed while the output plays are not echoed into it (a pull's progress is
      // redrawn in place): they wait in the terminal for the next prompt, where libedit
      // shows them. Ctrl-C still interrupts.
      let shown = input.withoutEcho { show(player.handle(text)) }
      if !shown {
        if auto { return leave(&player) }
        // Cut short: the input is cancelled whole, as in the REPL (echo was off: say ^C).
        write(input.edits ? "^C\n" : "\n")
        player = before
        player.commandInterrupted()
      }
    }
    return 0
  }

  /// Ctrl-C in `--auto`: the summary, on a line of its own.
  private func leave(_ player: inout LessonPlayer) -> Int32 {
    write("\n")
    Signals.clearInterrupt()
    _ = show(player.leave())
    return 130
  }

  /// One complete input: more lines while the shell would ask for them (`> `).
  /// Ctrl-C anywhere in it drops the whole input.
  private func readInput(_ player: LessonPlayer, from reader: PlayerInput) -> LineInput {
    // A lesson command typed out waits for Enter after it: no prompt of its own, and
    // no completion (a second Tab would list over the typed command).
    reader.session = player.pendingCommand == nil ? player.session : nil
    var prompt = player.pendingCommand == nil ? player.prompt : ""
    var text: String?
    while true {
      // A Ctrl-C that came just before the read would otherwise wait for the next key.
      if Signals.interrupted { return .interrupted }
      switch reader.line(prompt: prompt) {
      case .interrupted: return .interrupted
      case .endOfInput: return text.map(LineInput.line) ?? .endOfInput
      case .line(let line):
        let input = text.map { $0 + "\n" + line } ?? line
        guard player.session.inputStatus(input) == .needsMore else { return .line(input) }
        text = input
        prompt = player.session.continuationPrompt
      }
    }
  }

  /// The student's own commands go to the REPL's history file as they are entered
  /// (not Enter, nor the player's words).
  private func record(_ text: String, in history: HistoryFile?, editor: PlayerInput) {
    let word = text.trimmingCharacters(in: .whitespaces)
    guard !auto, !word.isEmpty, LessonPlayer.Word(input: word) == nil else { return }
    editor.remember(text)
    guard let history else { return }
    history.append(text)
    if let warning = history.takeWarning() { FileOutput.write(warning + "\n", to: 2) }
  }

  /// Shows the player's outputs in order; false when Ctrl-C cut them short.
  private func show(_ outputs: [PlayerOutput]) -> Bool {
    for (index, output) in outputs.enumerated() {
      guard show(output), !Signals.interrupted else { return false }
      // A command typed and run in one go (`again`, a solution shown by `next`) has
      // no Enter from the student to end its line.
      if case .typed = output, !auto, index < outputs.count - 1 { write("\n") }
    }
    return true
  }

  private func show(_ output: PlayerOutput) -> Bool {
    switch output {
    case .narration(let text): write(rendered(text) + "\n\n")
    case .typed(let prompt, let input):
      write(prompt)
      for character in input {
        if Signals.interrupted { return false }
        write(String(character))
        pause(milliseconds: auto ? delayMilliseconds : 8)
      }
      // In class the student's Enter ends the line and runs the command.
      if auto { write("\n") }
    case .output(let events):
      return OutputPlayer(paces: true, stopsOnInterrupt: true).play(events)
    case .goal(let text): write("\n★ " + rendered(text, indent: 2).dropFirst(2) + "\n\n")
    case .hint(let text): write("💡 " + rendered(text, indent: 3).dropFirst(3) + "\n")
    case .checklist(let results): write(results.map { "  " + $0.line + "\n" }.joined())
    case .solution(let lines): write(lines.map { "    " + $0 + "\n" }.joined())
    case .solved: write("✔\n\n")
    case .notice(let text): write(wrapped(text) + "\n")
    case .finished: write("\n")
    }
    return true
  }

  /// Markdown as the terminal shows it, wrapped at its width (read again for each
  /// screen: the window may have been resized); `indent` columns are kept free on the left.
  private func rendered(_ markdown: String, indent: Int = 0) -> String {
    let width = (TerminalEnvironment.columns(of: 1) ?? 80) - indent
    let color = isatty(1) == 1 && TerminalEnvironment.colorAllowed(noColorFlag: false)
    let pad = String(repeating: " ", count: indent)
    return Narration.render(markdown, width: width, color: color)
      .split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
  }

  /// The player's own messages, wrapped at the terminal's width (a Chinese character
  /// takes two columns), line by line.
  private func wrapped(_ text: String) -> String {
    let width = TerminalEnvironment.columns(of: 1) ?? 80
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { line in line.isEmpty ? [""] : TextWrap.wrap(String(line), width: width) }
      .joined(separator: "\n")
  }

  private func write(_ text: String) {
    FileOutput.write(text, to: 1)
  }

  /// Sleeps; Ctrl-C ends the sleep early (SIGINT interrupts it).
  private func pause(milliseconds: Int) {
    guard milliseconds > 0 else { return }
    usleep(UInt32(milliseconds) * 1000)
  }

  /// A real terminal gets terminal output (progress redrawn, animation); a pipe gets plain text.
  static func traits() -> TerminalTraits {
    guard isatty(1) == 1 else { return .plain }
    var traits = TerminalTraits.terminal
    traits.animates = true
    return traits
  }
}

/// Where the student's lines come from: libedit (Emacs keys, Up for history, Tab
/// completion, as in the REPL) when standard input and output are terminals; otherwise
/// the kernel's line discipline.
final class PlayerInput {
  private let editor: LineEditor?
  private let plain = ByteLineReader(fd: 0)
  /// The session Tab completes in; nil while a lesson command waits for Enter.
  var session: Session?

  init(history: HistoryFile?) {
    // As in the REPL: without a UTF-8 character locale libedit drops Chinese input.
    let terminal = isatty(0) == 1 && isatty(1) == 1 && TerminalEnvironment.enableUTF8Locale()
    editor = terminal ? LineEditor() : nil
    guard let editor else { return }
    for entry in history?.load() ?? [] { editor.remember(entry) }
    // The editor lives as long as this object, so an unowned reference is safe.
    editor.completer = { [unowned self] text in
      guard let session = self.session else { return CompletionList(word: "", candidates: []) }
      return Repl.completionList(for: text, in: session)
    }
  }

  /// Whether libedit reads the lines (it echoes `^C` and ends the line itself).
  var edits: Bool { editor != nil }

  func line(prompt: String) -> LineInput {
    if let editor { return editor.readLine(prompt: prompt) }
    FileOutput.write(prompt, to: 1)
    switch plain.nextLine() {
    case .interrupted: return .interrupted
    case .end: return .endOfInput
    case .line(let bytes): return .line(String(decoding: bytes, as: UTF8.self))
    }
  }

  func remember(_ entry: String) { editor?.remember(entry) }

  /// Runs `body` with the terminal's echo off (only when libedit reads the lines: the
  /// kernel's line editing needs it), then puts the echo back.
  func withoutEcho<T>(_ body: () -> T) -> T {
    var saved = termios()
    guard edits, tcgetattr(0, &saved) == 0 else { return body() }
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    _ = tcsetattr(0, TCSANOW, &quiet)
    defer { _ = tcsetattr(0, TCSANOW, &saved) }
    return body()
  }
}
