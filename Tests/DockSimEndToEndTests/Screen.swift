import DockSimTerminal

/// A minimal terminal screen: enough of xterm to replay what libedit and docksim
/// send (text, CR, LF, backspace, cursor moves, erases), so tests can assert on what
/// a user would see rather than on escape sequences.
struct Screen {
  let width: Int
  private(set) var rows: [[String]] = [[]]
  private var row = 0
  private var column = 0

  init(_ bytes: [UInt8], width: Int = 80) {
    self.width = width
    feed(String(decoding: bytes, as: UTF8.self))
  }

  /// The rows as text, trailing blanks removed.
  var lines: [String] {
    rows.map { cells in
      var line = cells.joined()
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// The screen's last 40 rows as text, for failure messages.
  var text: String { lines.suffix(40).joined(separator: "\n") }

  /// The last non-empty row: where the prompt and the line being edited are.
  var lastLine: String { lines.last { !$0.isEmpty } ?? "" }

  private mutating func feed(_ text: String) {
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      switch character {
      case "\u{1B}": escape(&characters)
      case "\r": column = 0
      case "\n": moveTo(row: row + 1, column: column)
      case "\r\n":
        column = 0
        moveTo(row: row + 1, column: 0)
      case "\u{08}": column = max(0, column - 1)
      case "\u{07}": break
      case "\t": column = min(width - 1, (column / 8 + 1) * 8)
      default: put(character)
      }
    }
  }

  private mutating func escape(_ characters: inout ArraySlice<Character>) {
    guard characters.popFirst() == "[" else { return }
    var parameters = ""
    while let next = characters.popFirst() {
      guard next.isLetter || next == "@" || next == "~" else {
        parameters.append(next)
        continue
      }
      control(next, parameters.split(separator: ";").map { Int($0) ?? 0 })
      return
    }
  }

  private mutating func control(_ final: Character, _ numbers: [Int]) {
    let n = max(1, numbers.first ?? 1)
    switch final {
    case "G": column = min(width - 1, n - 1)
    case "C": column = min(width - 1, column + n)
    case "D": column = max(0, column - n)
    case "A": row = max(0, row - n)
    case "B": moveTo(row: row + n, column: column)
    case "H": moveTo(row: (numbers.first ?? 1) - 1, column: (numbers.count > 1 ? numbers[1] : 1) - 1)
    case "K": eraseLine(from: numbers.first ?? 0)
    case "J": if numbers.first == 2 { rows = [[]]; moveTo(row: 0, column: 0) }
    case "P": delete(n)
    default: break
    }
  }

  private mutating func put(_ character: Character) {
    let cellWidth = CompletionLayout.displayWidth(String(character))
    if column + cellWidth > width { moveTo(row: row + 1, column: 0) }
    pad(to: column + cellWidth)
    rows[row][column] = String(character)
    if cellWidth == 2 { rows[row][column + 1] = "" }
    column += cellWidth
  }

  private mutating func moveTo(row newRow: Int, column newColumn: Int) {
    while rows.count <= newRow { rows.append([]) }
    row = max(0, newRow)
    column = newColumn
  }

  private mutating func pad(to count: Int) {
    while rows[row].count < count { rows[row].append(" ") }
  }

  private mutating func eraseLine(from mode: Int) {
    switch mode {
    case 0: if rows[row].count > column { rows[row].removeSubrange(column...) }
    case 1: pad(to: column); for index in 0..<column { rows[row][index] = " " }
    default: rows[row] = []
    }
  }

  private mutating func delete(_ count: Int) {
    guard column < rows[row].count else { return }
    rows[row].removeSubrange(column..<min(rows[row].count, column + count))
  }
}
