import CLibEdit
import Glibc

/// Emacs-style line editing with libedit, for a REPL whose stdin and stdout are terminals.
///
/// C callbacks (prompt, Tab, Ctrl-C) are non-capturing closures that find this object
/// again through EL_CLIENTDATA, so there is no global state. They must not trap: a crash
/// inside them would leave the terminal raw.
public final class LineEditor: LineSource {
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  /// The prompt libedit shows; owned here because it must outlive `el_gets`.
  private var promptText: UnsafeMutablePointer<CChar>
  /// Set by the Ctrl-C key function while `el_gets` runs.
  private var sawInterrupt = false
  /// The text before the cursor at the last Tab that could not add anything: a second
  /// Tab on the same text lists the candidates, as bash does.
  private var pendingListing: String?
  /// Finds the candidates for the text before the cursor.
  public var completer: ((String) -> CompletionList)?

  /// Nil when libedit cannot start (no terminal database, out of memory).
  public init?() {
    guard let editLine = el_init("docksim", cel_stdin(), cel_stdout(), cel_stderr()) else { return nil }
    guard let history = history_init() else {
      el_end(editLine)
      return nil
    }
    self.editLine = editLine
    self.history = history
    self.promptText = strdup("$ ")
    configure()
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptText)
  }

  private func configure() {
    var event = HistEvent()
    _ = cel_hist_setsize(history, &event, 1000)
    _ = cel_set_hist(editLine, history)
    _ = cel_set_editor(editLine, "emacs")
    // libedit's own signal handling re-raises with kill(0, sig), which hits the whole
    // process group; docksim restores the terminal in its own handlers instead.
    _ = cel_set_signal(editLine, 0)
    // Ctrl-C reaches us as a key while editing, instead of killing the process.
    _ = cel_setty(editLine, "-d", "-isig")
    _ = cel_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    _ = cel_set_prompt_esc(
      editLine,
      { editLine in
        guard let editLine, let editor = LineEditor.owner(of: editLine) else { return nil }
        return editor.promptText
      }, 1)
    _ = cel_add_fn(editLine, "docksim-complete", "Complete the word before the cursor") { editLine, _ in
      guard let editLine, let editor = LineEditor.owner(of: editLine) else { return UInt8(CC_ERROR) }
      return editor.complete()
    }
    _ = cel_bind(editLine, "^I", "docksim-complete")
    _ = cel_add_fn(editLine, "docksim-interrupt", "Drop the line, as Ctrl-C does in bash") { editLine, _ in
      guard let editLine, let editor = LineEditor.owner(of: editLine) else { return UInt8(CC_ERROR) }
      return editor.interrupt()
    }
    _ = cel_bind(editLine, "^C", "docksim-interrupt")
    _ = cel_add_fn(editLine, "docksim-delete-or-eof", "Delete the next character; leave on an empty line") {
      editLine, _ in
      guard let editLine, let editor = LineEditor.owner(of: editLine) else { return UInt8(CC_EOF) }
      return editor.deleteOrEndOfFile()
    }
    _ = cel_bind(editLine, "^D", "docksim-delete-or-eof")
  }

  private static func owner(of editLine: OpaquePointer) -> LineEditor? {
    guard let raw = cel_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue()
  }

  // MARK: Reading

  public func readLine(prompt: String) -> LineInput {
    setPrompt(prompt)
    sawInterrupt = false
    pendingListing = nil
    var count: Int32 = 0
    guard let raw = el_gets(editLine, &count) else {
      // NULL with -1 is a read cut short by a signal (SIGINT from `kill`); 0 is Ctrl-D.
      return count < 0 && errno == EINTR ? .interrupted : .endOfInput
    }
    // Copy at once: libedit reuses the buffer.
    var line = String(cString: raw)
    if sawInterrupt { return .interrupted }
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  public func remember(_ entry: String) {
    var event = HistEvent()
    _ = cel_hist_enter(history, &event, entry)
  }

  private func setPrompt(_ prompt: String) {
    free(promptText)
    promptText = strdup(prompt)
  }

  // MARK: Key functions

  /// Ctrl-C: show `^C` after the line, as bash does, and end the line; `readLine` drops it.
  private func interrupt() -> UInt8 {
    sawInterrupt = true
    _ = el_cursor(editLine, Int32.max / 2)
    _ = el_insertstr(editLine, "^C")
    el_push(editLine, "\n")
    return UInt8(CC_REFRESH)
  }

  /// Ctrl-D: end of input on an empty line (without libedit's `^D` echo, which bash
  /// does not show); otherwise delete the character under the cursor.
  private func deleteOrEndOfFile() -> UInt8 {
    guard let info = el_line(editLine) else { return UInt8(CC_EOF) }
    if info.pointee.buffer == info.pointee.lastchar { return UInt8(CC_EOF) }
    if info.pointee.cursor == info.pointee.lastchar { return UInt8(CC_REFRESH_BEEP) }
    _ = el_cursor(editLine, 1)
    el_deletestr(editLine, 1)
    return UInt8(CC_REFRESH)
  }

  /// Tab: insert what all candidates share; on a second Tab that adds nothing, list them.
  private func complete() -> UInt8 {
    guard let completer, let text = textBeforeCursor() else { return UInt8(CC_ERROR) }
    let list = completer(text)
    let candidates = list.candidates
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    let shared = Self.commonPrefix(candidates.map(\.text))
    let addition = shared.hasPrefix(list.word) ? String(shared.dropFirst(list.word.count)) : ""
    if candidates.count == 1 {
      let suffix = candidates[0].appendsSpace ? " " : ""
      _ = el_insertstr(editLine, addition + suffix)
      return UInt8(CC_REFRESH)
    }
    if !addition.isEmpty {
      _ = el_insertstr(editLine, addition)
      pendingListing = text + addition
      return UInt8(CC_REFRESH_BEEP)
    }
    if pendingListing == text {
      showListing(candidates.map(\.display))
      return UInt8(CC_REDISPLAY)
    }
    pendingListing = text
    return UInt8(CC_REFRESH_BEEP)
  }

  private func textBeforeCursor() -> String? {
    guard let info = el_line(editLine) else { return nil }
    guard let buffer = info.pointee.buffer, let cursor = info.pointee.cursor else { return nil }
    let start = UnsafeRawPointer(buffer)
    let count = UnsafeRawPointer(cursor) - start
    guard count >= 0 else { return nil }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    return String(decoding: bytes, as: UTF8.self)
  }

  private func showListing(_ items: [String]) {
    let width = TerminalEnvironment.columns(of: 1) ?? 80
    let lines = CompletionLayout.lines(items.sorted(), width: width)
    let text = "\n" + lines.joined(separator: "\n") + "\n"
    fputs(text, cel_stdout())
    fflush(cel_stdout())
  }

  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
      let characters = Array(word)
      var length = 0
      while length < prefix.count, length < characters.count, prefix[length] == characters[length] { length += 1 }
      prefix.removeLast(prefix.count - length)
    }
    return String(prefix)
  }
}
