/// How readline (bash) lays out a list of completions: sorted, in columns filled top
/// to bottom, each as wide as the longest item plus two spaces.
public enum CompletionLayout {
  public static func lines(_ items: [String], width: Int) -> [String] {
    guard !items.isEmpty else { return [] }
    let widths = items.map(displayWidth)
    let columnWidth = (widths.max() ?? 0) + 2
    let columns = max(1, width / columnWidth)
    let rows = (items.count + columns - 1) / columns
    var lines: [String] = []
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = row + column * rows
        guard index < items.count else { break }
        line += items[index]
        let isLast = column == columns - 1 || index + rows >= items.count
        if !isLast { line += String(repeating: " ", count: columnWidth - widths[index]) }
      }
      lines.append(line)
    }
    return lines
  }

  /// Terminal columns of `text`: East Asian wide characters take two, combining marks none.
  public static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
  }

  private static func width(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 || scalar.properties.generalCategory == .nonspacingMark
      || scalar.properties.generalCategory == .enclosingMark || value == 0x200B
    {
      return 0
    }
    let wideRanges: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
  }
}
