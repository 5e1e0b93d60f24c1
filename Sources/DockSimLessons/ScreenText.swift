import DockSimCore

/// What a terminal shows once a command has finished writing.
///
/// A transcript records the screen a student sees, not the bytes: a pull's progress
/// lines are redrawn in place (`\r`, cursor up, erase line) and only their last state
/// stays. This is a tiny terminal: enough of ANSI for progress output, colours dropped.
public struct ScreenText {
  private var lines: [[Unicode.Scalar]] = [[]]
  private var row = 0
  private var column = 0

  public init() {}

  /// The lines of the screen for the bytes of both streams, in the order written.
  public static func lines(of console: Console) -> [String] {
    var screen = ScreenText()
    for case .write(_, let bytes) in console.events { screen.feed(String(decoding: bytes, as: UTF8.self)) }
    return screen.finishedLines
  }

  /// The screen's lines; a last line the output left empty (after its final newline) is not one.
  public var finishedLines: [String] {
    var result = lines.map { String(String.UnicodeScalarView($0)) }
    if result.last == "" { result.removeLast() }
    return result
  }

  public mutating func feed(_ text: String) {
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      switch scalar {
      case "\n":
        row += 1
        column = 0
        if row == lines.count { lines.append([]) }
      case "\r":
        column = 0
      case "\u{1B}":
        scalars = escape(scalars)
      default:
        put(scalar)
      }
    }
  }

  private mutating func put(_ scalar: Unicode.Scalar) {
    if column < lines[row].count {
      lines[row][column] = scalar
    } else {
      lines[row].append(contentsOf: Array(repeating: " ", count: column - lines[row].count))
      lines[row].append(scalar)
    }
    column += 1
  }

  /// Applies the escape sequence at the start of `rest` and returns what follows it.
  private mutating func escape(_ rest: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
    var rest = rest
    guard rest.first == "[" else { return rest.dropFirst() }
    rest.removeFirst()
    var parameter = ""
    while let scalar = rest.first, scalar.value >= 0x20, scalar.value < 0x40 {
      parameter.unicodeScalars.append(scalar)
      rest.removeFirst()
    }
    guard let command = rest.popFirst() else { return rest }
    let count = max(Int(parameter) ?? 1, 1)
    switch command {
    case "A": row = max(row - count, 0)
    case "B":
      row += count
      while row >= lines.count { lines.append([]) }
    case "C": column += count
    case "D": column = max(column - count, 0)
    case "G": column = count - 1
    case "K":
      switch parameter {
      case "2": lines[row] = []
      case "1": for i in 0..<min(column + 1, lines[row].count) { lines[row][i] = " " }
      default: if column < lines[row].count { lines[row].removeSubrange(column...) }
      }
    default: break  // colours and the rest change nothing a transcript records
    }
    return rest
  }
}
