import DockSimCore
import DockSimShell

/// Wraps teaching text to a terminal width by display columns: English breaks at
/// spaces, Chinese between characters (never before closing punctuation).
/// Public for the lesson player's narration, which wraps the same way.
public enum TextWrap {
  static let noBreakBefore: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", ",", ".", ")"]

  /// `measure` gives a text's columns; the player passes one that skips its style marks.
  public static func wrap(
    _ text: String, width: Int, indent: String = "", measure: (String) -> Int = DockSimCore.DisplayWidth.of
  ) -> [String] {
    let available = max(10, width - measure(indent))
    var lines: [String] = []
    var line = ""
    for token in tokens(text) {
      let isSpace = token == " "
      if line.isEmpty && isSpace { continue }
      if measure(line) + measure(token) > available, !line.isEmpty {
        lines.append(indent + trimTrailing(line))
        line = isSpace ? "" : token
      } else {
        line += token
      }
    }
    if !line.isEmpty { lines.append(indent + trimTrailing(line)) }
    return lines
  }

  /// Words, single spaces, and single wide characters (with any punctuation that must stay attached).
  static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var word = ""
    for character in text {
      if character == " " {
        if !word.isEmpty { tokens.append(word) }
        word = ""
        tokens.append(" ")
      } else if noBreakBefore.contains(character) {
        // Stay on the line of what precedes.
        if !word.isEmpty {
          word.append(character)
        } else if let last = tokens.popLast() {
          tokens.append(last + String(character))
        } else {
          word.append(character)
        }
      } else if DockSimCore.DisplayWidth.of(String(character)) == 2 {
        if !word.isEmpty { tokens.append(word) }
        word = String(character)
        tokens.append(word)
        word = ""
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { tokens.append(word) }
    return tokens
  }

  static func trimTrailing(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}
