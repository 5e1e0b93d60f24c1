import DockSimCore

/// bash's `history` builtin over the session's entries: `history`, `history N`, `history -c`.
struct HistoryProgram: Program {
  static let usage = "history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]"

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    var operands = Array(invocation.operands)
    if operands.first == "--" { operands.removeFirst() }
    if let option = operands.first, option.hasPrefix("-"), option.count > 1 {
      return runOption(option, session: &session, console: &console)
    }
    guard operands.count <= 1 else {
      console.errorLine("bash: history: too many arguments")
      return 1
    }
    var count = session.history.count
    if let operand = operands.first {
      guard let number = Int(operand), number >= 0 else {
        console.errorLine("bash: history: \(operand): numeric argument required")
        return 1
      }
      count = min(number, count)
    }
    list(session.history, last: count, console: &console)
    return 0
  }

  private func runOption(_ option: String, session: inout Session, console: inout Console) -> Int32 {
    guard option == "-c" else {
      console.errorLine("bash: history: \(String(option.prefix(2))): invalid option")
      console.errorLine(Self.usage)
      return 2
    }
    session.history.removeAll()
    return 0
  }

  /// bash's layout: the entry number right-aligned in five columns, two spaces, the entry.
  private func list(_ entries: [String], last count: Int, console: inout Console) {
    let first = entries.count - count
    for (offset, entry) in entries.enumerated() where offset >= first {
      let number = String(offset + 1)
      console.line(String(repeating: " ", count: max(0, 5 - number.count)) + number + "  " + entry)
    }
  }
}
