/// Go's `text/tabwriter` with the settings Docker's tables use:
/// `tabwriter.NewWriter(out, minwidth 10, tabwidth 1, padding 3, ' ', 0)`.
///
/// Cells end at a TAB. The text after a line's last TAB is never padded and never widens a
/// column; a column is as wide as its widest cell plus the padding (at least `minWidth`)
/// over each run of consecutive lines that have that column. A line without TABs ends
/// every column. So a row whose last cell is empty still carries the padding before it.
///
///     let table = TabWriter(version: .v20_10).format("REPOSITORY\tTAG\nubuntu\t18.04\n")
///     // "REPOSITORY   TAG\nubuntu       18.04\n"
public struct TabWriter: Sendable {
  /// How a cell's width is counted.
  public enum WidthRule: Sendable, Hashable {
    /// Unicode scalars (Go's stdlib tabwriter: Docker up to 20.10).
    case runes
    /// Terminal columns, CJK counting 2 (docker/cli's own tabwriter copy, 23.0 and later).
    case displayWidth
  }

  public var minWidth: Int
  public var padding: Int
  public var widthRule: WidthRule

  public init(minWidth: Int = 10, padding: Int = 3, widthRule: WidthRule = .runes) {
    self.minWidth = minWidth
    self.padding = padding
    self.widthRule = widthRule
  }

  /// Docker's table writer for `version`.
  public init(version: DockerVersion) {
    let rule: WidthRule = version == .v20_10 ? .runes : .displayWidth
    self.init(minWidth: version.tableMinWidth, padding: 3, widthRule: rule)
  }

  struct Cell {
    let text: Substring
    let width: Int
  }

  /// Aligns all of `text` (as if written and then flushed).
  public func format(_ text: String) -> String {
    let lines = parse(text)
    var rendered: [String] = []
    rendered.reserveCapacity(lines.count)
    var widths: [Int] = []
    formatBlock(lines, from: 0, to: lines.count, widths: &widths, into: &rendered)
    return rendered.joined(separator: "\n")
  }

  /// Splits into lines of cells. Every completed line keeps its last (possibly empty)
  /// cell; the unfinished last line drops an empty pending cell, as Go's Flush does.
  func parse(_ text: String) -> [[Cell]] {
    let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [[Cell]] = []
    for (index, raw) in rawLines.enumerated() {
      var cells = raw.split(separator: "\t", omittingEmptySubsequences: false).map {
        Cell(text: $0, width: width(of: $0))
      }
      if index == rawLines.count - 1, cells.last?.text.isEmpty == true { cells.removeLast() }
      lines.append(cells)
    }
    return lines
  }

  func width(of cell: Substring) -> Int {
    switch widthRule {
    case .runes: cell.unicodeScalars.count
    case .displayWidth: DisplayWidth.of(String(cell))
    }
  }

  /// Go's `format`: finds each block of lines that have column `widths.count`, sizes it,
  /// and recurses for the columns to its right.
  func formatBlock(_ lines: [[Cell]], from start: Int, to end: Int, widths: inout [Int], into out: inout [String]) {
    let column = widths.count
    var blockStart = start
    var row = start
    while row < end {
      guard column < lines[row].count - 1 else {
        row += 1
        continue
      }
      writeLines(lines, from: blockStart, to: row, widths: widths, into: &out)
      blockStart = row
      var width = minWidth
      while row < end, column < lines[row].count - 1 {
        width = max(width, lines[row][column].width + padding)
        row += 1
      }
      widths.append(width)
      formatBlock(lines, from: blockStart, to: row, widths: &widths, into: &out)
      widths.removeLast()
      blockStart = row
    }
    writeLines(lines, from: blockStart, to: end, widths: widths, into: &out)
  }

  func writeLines(_ lines: [[Cell]], from start: Int, to end: Int, widths: [Int], into out: inout [String]) {
    guard start < end else { return }
    for row in start..<end {
      var line = ""
      for (column, cell) in lines[row].enumerated() {
        line += cell.text
        if column < widths.count {
          line += String(repeating: " ", count: max(0, widths[column] - cell.width))
        }
      }
      out.append(line)
    }
  }
}
