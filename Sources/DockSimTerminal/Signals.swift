import CSignals

/// Signal handling for the interactive REPL.
///
/// Ctrl-C must never end the REPL: SIGINT only raises a flag that the output player
/// and the line readers check. Ctrl-\ (SIGQUIT) is ignored, as bash and the container
/// shells ignore it at an interactive prompt. SIGTERM, SIGHUP and crashes put the terminal back in
/// the state it had at start-up before the process dies. (History needs no saving
/// there: every entry is appended to the file as soon as it is entered.)
public enum Signals {
  /// Saves the terminal state and installs the handlers. Call once, before any editing.
  public static func installInteractiveHandlers() {
    csig_save_terminal()
    csig_install_interactive_handlers()
  }

  /// Ctrl-C arrived since the last `clearInterrupt()`.
  public static var interrupted: Bool { csig_interrupted() != 0 }

  public static func clearInterrupt() { csig_clear_interrupt() }

  /// Puts the terminal back as it was at start-up (every normal exit path calls this).
  public static func restoreTerminal() { csig_restore_terminal() }
}
