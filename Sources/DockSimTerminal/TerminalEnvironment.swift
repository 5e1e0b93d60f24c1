import CLibEdit
import DockSimCore
import Glibc

/// Facts about the real terminal and process environment, read once at start-up.
public enum TerminalEnvironment {
  /// Selects the user's character-type locale, falling back to C.UTF-8, and says
  /// whether text is UTF-8. Without this libedit silently drops non-ASCII input.
  /// Only LC_CTYPE changes, so number formatting stays as C prints it.
  @discardableResult
  public static func enableUTF8Locale() -> Bool {
    _ = setlocale(LC_CTYPE, "")
    if codesetIsUTF8() { return true }
    _ = setlocale(LC_CTYPE, "C.UTF-8")
    return codesetIsUTF8()
  }

  private static func codesetIsUTF8() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }

  /// Whether file descriptor `fd` is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Columns of the terminal on `fd`, or nil when it is not one (or says 0).
  public static func columns(of fd: Int32) -> Int? {
    let columns = Int(cel_window_columns(fd))
    return columns > 0 ? columns : nil
  }

  /// An environment variable, nil when unset.
  public static func variable(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// Colour is off when NO_COLOR is set to anything non-empty (no-color.org), or TERM is dumb.
  public static func colorAllowed(noColorFlag: Bool) -> Bool {
    if noColorFlag { return false }
    if let value = variable("NO_COLOR"), !value.isEmpty { return false }
    return variable("TERM") != "dumb"
  }

  /// The traits of the real output: `interactive` is true only for the REPL, which may
  /// use colour and animate; script mode prints plain text whatever stdout is.
  public static func traits(interactive: Bool, noColorFlag: Bool, unicode: Bool) -> TerminalTraits {
    let stdoutIsTerminal = isTerminal(1)
    return TerminalTraits(
      stdoutIsTerminal: stdoutIsTerminal,
      stderrIsTerminal: isTerminal(2),
      width: columns(of: 1) ?? 80,
      color: interactive && stdoutIsTerminal && colorAllowed(noColorFlag: noColorFlag),
      unicode: unicode,
      animates: interactive && stdoutIsTerminal)
  }
}
