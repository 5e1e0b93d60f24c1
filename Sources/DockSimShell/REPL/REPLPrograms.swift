import DockSimCore

/// The REPL's own commands on the simulated host: `help`, `history`, `clear`, `quit`.
public enum REPLPrograms {
  public static var all: [String: any Program] {
    ["help": HelpProgram(), "history": HistoryProgram(), "clear": ClearProgram(), "quit": QuitProgram()]
  }
}

/// `clear`: clears the screen and the scrollback, with the bytes `clear` sends to an
/// xterm. Sent only to a terminal, so scripts and transcripts stay plain text.
struct ClearProgram: Program {
  static let sequence = "\u{1B}[H\u{1B}[2J\u{1B}[3J"

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    if console.traits.stdoutIsTerminal { console.write(Self.sequence) }
    return 0
  }
}

/// `quit`: leaves docksim from the host prompt, without bash's `exit` message.
struct QuitProgram: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    session.finished = true
    return session.currentShell.lastStatus
  }
}
