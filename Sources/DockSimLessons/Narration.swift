import DockSimTeaching
import DockSimCore

/// Narration as a terminal shows it: the lesson's Markdown rendered (headings, emphasis,
/// inline code, links, lists, quotes, code blocks) and word-wrapped at the terminal's
/// width by display columns (a Chinese character takes two), as `explain` wraps.
///
/// Styles are marked while wrapping with private-use characters that take no column,
/// then become ANSI (bold, italic, cyan code) or, without colour, nothing. HTML comments
/// (the prose lint's `<!-- lint: allow ... -->`) are not shown.
public enum Narration {
  public static func render(_ markdown: String, width: Int, color: Bool) -> String {
    var out: [String] = []
    var previous: Block?
    for block in blocks(withoutComments(markdown)) {
      // A blank line between blocks, none between the items of one list.
      if !out.isEmpty, !(block.isItem && previous?.isItem == true) { out.append("") }
      out += lines(of: block, width: max(20, width))
      previous = block
    }
    return out.map { finish($0, color: color) }.joined(separator: "\n")
  }

  // MARK: Blocks

  enum Block: Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case item(marker: String, text: String)
    case quote(String)
    /// A fenced code block or a table: shown as written, never wrapped.
    case verbatim([String])

    var isItem: Bool { if case .item = self { true } else { false } }
  }

  static func blocks(_ text: String) -> [Block] {
    var blocks: [Block] = []
    var paragraph: [String] = []
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
    func flush() {
      if !paragraph.isEmpty { blocks.append(.paragraph(joined(paragraph))) }
      paragraph = []
    }
    while let line = lines.popFirst() {
      let trimmed = line.trimmingSpaces
      if let fence = Fence(opening: trimmed) {
        flush()
        var code: [String] = []
        while let next = lines.popFirst(), !fence.isClosed(by: next.trimmingSpaces) { code.append(next) }
        blocks.append(.verbatim(code.map { "    " + $0 }))
      } else if trimmed.isEmpty {
        flush()
      } else if let heading = heading(trimmed) {
        flush()
        blocks.append(heading)
      } else if trimmed.hasPrefix("|") {
        flush()
        var table = [line]
        while let next = lines.first, next.trimmingSpaces.hasPrefix("|") { table.append(lines.removeFirst()) }
        blocks.append(.verbatim(table))
      } else if let (marker, text) = listItem(trimmed) {
        flush()
        var text = text
        // A continuation line indented under the item belongs to it.
        while let next = lines.first, next.hasPrefix("  "), !next.trimmingSpaces.isEmpty, listItem(next.trimmingSpaces) == nil {
          text = joined([text, lines.removeFirst().trimmingSpaces])
        }
        blocks.append(.item(marker: marker, text: text))
      } else if trimmed.hasPrefix(">") {
        flush()
        var quoted = [String(trimmed.dropFirst()).trimmingSpaces]
        while let next = lines.first, next.trimmingSpaces.hasPrefix(">") {
          quoted.append(String(lines.removeFirst().trimmingSpaces.dropFirst()).trimmingSpaces)
        }
        blocks.append(.quote(joined(quoted)))
      } else {
        paragraph.append(trimmed)
      }
    }
    flush()
    return blocks
  }

  private static func heading(_ line: String) -> Block? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return .heading(level: hashes, text: String(line.dropFirst(hashes + 1)).trimmingSpaces)
  }

  /// `- text`, `* text`, `1. text`: the marker to show and the text.
  static func listItem(_ line: String) -> (String, String)? {
    if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return ("•", String(line.dropFirst(2))) }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
    return (digits + ".", String(line.dropFirst(digits.count + 2)))
  }

  /// Source lines of one paragraph as one text: a space between them, none between
  /// two Chinese characters (a Chinese paragraph has no spaces).
  static func joined(_ lines: [String]) -> String {
    lines.reduce("") { text, line in
      guard let last = text.last, let first = line.first else { return text + line }
      let wide = DisplayWidth.of(String(last)) == 2 && DisplayWidth.of(String(first)) == 2
      return text + (wide ? "" : " ") + line
    }
  }

  // MARK: Lines

  private static func lines(of block: Block, width: Int) -> [String] {
    switch block {
    case .heading(let level, let text):
      let styled = Mark.bold + inline(text) + Mark.reset
      let wrapped = wrap(styled, width: width)
      guard level <= 2 else { return wrapped }
      let rule = String(repeating: level == 1 ? "═" : "─", count: min(width, wrapped.map(measure).max() ?? 0))
      return wrapped + [rule]
    case .paragraph(let text): return wrap(inline(text), width: width)
    case .item(let marker, let text):
      let wrapped = wrap(inline(text), width: width, indent: String(repeating: " ", count: marker.count + 3))
      guard let first = wrapped.first else { return [] }
      return ["  " + marker + " " + first.dropFirst(marker.count + 3)] + wrapped.dropFirst()
    case .quote(let text): return wrap(Mark.italic + inline(text) + Mark.reset, width: width, indent: "│ ")
    case .verbatim(let lines): return lines.map { Mark.code + $0 + Mark.reset }
    }
  }

  private static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
    TextWrap.wrap(text, width: width, indent: indent, measure: measure)
  }

  /// Display columns, the style marks taking none.
  static func measure(_ text: String) -> Int {
    DisplayWidth.of(String(text.unicodeScalars.filter { !Mark.all.contains($0) }.map(Character.init)))
  }

  // MARK: Inline

  /// Marks emphasis, code and links: `**b**`, `*i*`, `_i_`, `` `c` ``, `[text](url)`, `<url>`.
  static func inline(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let character = rest.first {
      if character == "`", let end = rest.dropFirst().firstIndex(of: "`") {
        out += Mark.code + rest[rest.index(after: rest.startIndex)..<end] + Mark.reset
        rest = rest[rest.index(after: end)...]
      } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).firstRange(of: "**") {
        out += Mark.bold + inline(String(rest.dropFirst(2)[..<end.lowerBound])) + Mark.reset
        rest = rest[end.upperBound...]
      } else if character == "*" || character == "_", emphasisOpens(rest, after: out.last),
        let end = rest.dropFirst().firstIndex(of: character)
      {
        out += Mark.italic + inline(String(rest.dropFirst()[..<end])) + Mark.reset
        rest = rest[rest.index(after: end)...]
      } else if character == "[", let link = link(rest) {
        out += link.shown
        rest = link.rest
      } else if character == "<", let end = rest.firstIndex(of: ">"), rest.dropFirst().hasPrefix("http") {
        out += rest[rest.index(after: rest.startIndex)..<end]
        rest = rest[rest.index(after: end)...]
      } else {
        out.append(character)
        rest = rest.dropFirst()
      }
    }
    return out
  }

  /// `*` or `_` opens emphasis at a word's start, followed by a non-space (not `2 * 3`, `snake_case`).
  private static func emphasisOpens(_ rest: Substring, after previous: Character?) -> Bool {
    guard let next = rest.dropFirst().first, next != " " else { return false }
    return previous == nil || !(previous!.isLetter || previous!.isNumber)
  }

  /// `[text](url)` as "text (url)", or the url alone when the text is the url.
  private static func link(_ rest: Substring) -> (shown: String, rest: Substring)? {
    guard let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
      let end = rest[close...].firstIndex(of: ")")
    else { return nil }
    let text = String(rest[rest.index(after: rest.startIndex)..<close])
    let url = String(rest[rest.index(close, offsetBy: 2)..<end])
    let shown = text == url || url.isEmpty ? inline(text) : inline(text) + " (" + url + ")"
    return (shown, rest[rest.index(after: end)...])
  }

  /// The text without `<!-- ... -->` comments (one line or several).
  static func withoutComments(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstRange(of: "<!--") {
      out += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstRange(of: "-->") else { return out }
      rest = rest[close.upperBound...]
    }
    return out + rest
  }

  // MARK: Styles

  enum Mark {
    static let bold = "\u{E000}"
    static let italic = "\u{E001}"
    static let code = "\u{E002}"
    static let reset = "\u{E003}"
    static let all: Set<Unicode.Scalar> = ["\u{E000}", "\u{E001}", "\u{E002}", "\u{E003}"]
  }

  /// The marks as ANSI, or removed; trailing spaces dropped.
  private static func finish(_ line: String, color: Bool) -> String {
    var out = ""
    for scalar in line.unicodeScalars {
      switch scalar {
      case "\u{E000}": if color { out += "\u{1B}[1m" }
      case "\u{E001}": if color { out += "\u{1B}[3m" }
      case "\u{E002}": if color { out += "\u{1B}[36m" }
      case "\u{E003}": if color { out += "\u{1B}[0m" }
      default: out.unicodeScalars.append(scalar)
      }
    }
    while out.hasSuffix(" ") { out.removeLast() }
    return out
  }
}
