import DockSimPrograms
import DockSimShell
import DockSimCore
import DockSimTerminal

/// The interactive shell: prompt, line editing, history, Tab completion, Ctrl-C/Ctrl-D.
final class Repl {
  var session: Session
  let source: any LineSource
  let history: HistoryFile?
  let noColor: Bool
  let unicode: Bool

  init(session: Session, source: any LineSource, history: HistoryFile?, noColor: Bool, unicode: Bool) {
    self.session = session
    self.source = source
    self.history = history
    self.noColor = noColor
    self.unicode = unicode
  }

  /// Sets up the terminal and runs until the user leaves; returns the last exit status.
  static func start(settings: Settings, hub: Hub, noColor: Bool) -> Int32 {
    let unicode = TerminalEnvironment.enableUTF8Locale()
    Signals.installInteractiveHandlers()
    defer { Signals.restoreTerminal() }
    let history = HistoryFile.defaultPath().map { HistoryFile(path: $0) }
    let repl = Repl(
      session: Session(settings: settings, hub: hub, hostFiles: LocalDiskFiles()), source: makeSource(), history: history,
      noColor: noColor, unicode: unicode)
    return repl.run()
  }

  /// libedit when both stdin and stdout are terminals; otherwise plain reads.
  private static func makeSource() -> any LineSource {
    guard TerminalEnvironment.isTerminal(1), let editor = LineEditor() else { return PlainLineReader() }
    return editor
  }

  func run() -> Int32 {
    loadHistory()
    attachCompletion()
    FileOutput.write(Banner.text(settings: session.settings), to: 1)
    while !session.finished {
      Signals.clearInterrupt()
      switch readInput() {
      case .interrupted:
        session.currentShell.lastStatus = 130
      case .endOfInput:
        leaveShell()
      case .line(let input):
        guard !ScriptMode.isBlankOrComment(input) || input.contains("\n") else {
          session.skipLine()
          continue
        }
        record(input)
        execute(input)
      }
    }
    return session.currentShell.lastStatus
  }

  /// One complete input, reading continuation lines (`> `) while the shell needs more.
  /// Ctrl-D in the middle runs what there is, so the shell reports the open quote.
  private func readInput() -> LineInput {
    let first = source.readLine(prompt: session.prompt)
    guard case .line(var input) = first else { return first }
    while session.inputStatus(input) == .needsMore {
      switch source.readLine(prompt: session.continuationPrompt) {
      case .line(let more): input += "\n" + more
      case .interrupted: return .interrupted
      case .endOfInput: return .line(input)
      }
    }
    return .line(input)
  }

  /// Runs one input and plays its output. Ctrl-C while it runs or plays cancels it
  /// whole: the terminal has echoed `^C`, the rest of the output is dropped, and the
  /// session goes back to what it was before the input, so an interrupted pull leaves
  /// no image and an interrupted `cp -r` no half-copied tree. (The session is a value
  /// with shared storage: keeping the earlier one costs nothing until something changes.)
  private func execute(_ input: String) {
    let traits = TerminalEnvironment.traits(interactive: true, noColorFlag: noColor, unicode: unicode)
    var console = Console(traits: traits, interruption: Interruption { Signals.interrupted })
    let before = session
    let status = session.execute(input, console: &console)
    if HubLoadCheck.failed(session) {
      session.currentShell.lastStatus = 1
      session.finished = true
      return
    }
    let player = OutputPlayer(paces: true, stopsOnInterrupt: true)
    if !player.play(console.drain()) {
      FileOutput.write("\n", to: 1)
      session = before
      session.currentShell.lastStatus = 130
    } else {
      session.currentShell.lastStatus = status
    }
  }

  /// Ctrl-D: inside a container it leaves the container's shell, as `exit` does; on the host
  /// it ends docksim, printing `exit` as bash does.
  private func leaveShell() {
    if session.shells.count > 1 {
      // dash and busybox ash end the prompt's line; bash's `exit` says "exit".
      if session.currentShell.shellKind != .bash { FileOutput.write("\n", to: 2) }
      execute("exit")
    } else {
      FileOutput.write("exit\n", to: 2)
      session.finished = true
    }
  }

  // MARK: History

  private func loadHistory() {
    guard let history else {
      FileOutput.write("docksim: neither HOME nor XDG_STATE_HOME is set: history is not kept\n", to: 2)
      return
    }
    let entries = history.load()
    for entry in entries { source.remember(entry) }
    session.history = entries
    reportHistoryWarning()
  }

  /// One entry per executed input: in the editor (Up), in `history`, in the file.
  private func record(_ input: String) {
    source.remember(input)
    session.history.append(input)
    history?.append(input)
    reportHistoryWarning()
  }

  private func reportHistoryWarning() {
    if let warning = history?.takeWarning() { FileOutput.write(warning + "\n", to: 2) }
  }

  // MARK: Completion

  private func attachCompletion() {
    guard let editor = source as? LineEditor else { return }
    // The editor lives no longer than this REPL, so an unowned reference is safe.
    editor.completer = { [unowned self] text in Self.completionList(for: text, in: self.session) }
  }

  /// The session's completions, in the editor's terms.
  static func completionList(for text: String, in session: Session) -> CompletionList {
    let completions = session.completions(before: text)
    return CompletionList(
      word: completions.word,
      candidates: completions.candidates.map {
        CompletionCandidate(text: $0.text, display: $0.display, appendsSpace: $0.appendsSpace)
      })
  }
}
