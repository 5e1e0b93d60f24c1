import DockSimCore

/// Runs shell input. (Placeholder: the shell work replaces this with the real
/// POSIX-style parser and interpreter.)
enum Interpreter {
  static func execute(_ text: String, session: inout Session, console: inout Console) -> Int32 {
    let words = text.split(separator: " ").map(String.init)
    guard let name = words.first else { return session.currentShell.lastStatus }
    console.errorLine("bash: \(name): command not found")
    return 127
  }

  static func inputStatus(_ text: String) -> InputStatus { .complete }
}
