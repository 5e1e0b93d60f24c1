/// Compares expected output, as a lesson writes it, with what the simulator printed.
///
/// Output is deterministic by construction (seeded IDs, a simulated clock), so lessons
/// should spell it out. These escape hatches exist for the rare line meant to vary:
///
/// * `...` alone on a line: any number of lines (none included);
/// * `[..]` inside a line: any text on that line;
/// * `[ID]`: 12 or 64 lowercase hex digits (an image or container ID);
/// * `[DIGEST]`: `sha256:` and 64 lowercase hex digits.
public enum OutputPattern {
  public static let anyLines = "..."

  /// Whether `actual` lines fit the `expected` lines.
  public static func matches(expected: [String], actual: [String]) -> Bool {
    matchLines(expected[...], actual[...])
  }

  private static func matchLines(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
    guard let first = expected.first else { return actual.isEmpty }
    if first == anyLines {
      let rest = expected.dropFirst()
      // Try the shortest stretch first: the lines after `...` usually anchor it.
      for skip in 0...actual.count where matchLines(rest, actual.dropFirst(skip)) { return true }
      return false
    }
    guard let line = actual.first, matchesLine(expected: first, actual: line) else { return false }
    return matchLines(expected.dropFirst(), actual.dropFirst())
  }

  /// Whether one actual line fits one expected line.
  public static func matchesLine(expected: String, actual: String) -> Bool {
    if expected == actual { return true }
    let tokens = tokenize(expected)
    // No placeholder: only an exact match will do.
    guard tokens.contains(where: { if case .literal = $0 { false } else { true } }) else { return false }
    return match(tokens[...], Array(actual.unicodeScalars)[...])
  }

  enum Token: Equatable {
    case literal([Unicode.Scalar])
    case anyText
    case id
    case digest
  }

  static func tokenize(_ line: String) -> [Token] {
    let placeholders: [(String, Token)] = [("[..]", .anyText), ("[ID]", .id), ("[DIGEST]", .digest)]
    var tokens: [Token] = []
    var literal: [Unicode.Scalar] = []
    var rest = Substring(line)
    outer: while !rest.isEmpty {
      for (text, token) in placeholders where rest.hasPrefix(text) {
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        literal = []
        tokens.append(token)
        rest = rest.dropFirst(text.count)
        continue outer
      }
      literal.append(contentsOf: rest.first!.unicodeScalars)
      rest = rest.dropFirst()
    }
    if !literal.isEmpty { tokens.append(.literal(literal)) }
    return tokens
  }

  private static func match(_ tokens: ArraySlice<Token>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let token = tokens.first else { return text.isEmpty }
    let rest = tokens.dropFirst()
    switch token {
    case .literal(let scalars):
      guard text.starts(with: scalars) else { return false }
      return match(rest, text.dropFirst(scalars.count))
    case .anyText:
      for skip in 0...text.count where match(rest, text.dropFirst(skip)) { return true }
      return false
    case .id:
      let hex = text.prefix { isLowerHex($0) }.count
      return [64, 12].contains { hex >= $0 && match(rest, text.dropFirst($0)) }
    case .digest:
      let prefix = Array("sha256:".unicodeScalars)
      guard text.starts(with: prefix) else { return false }
      let body = text.dropFirst(prefix.count)
      return body.prefix(64).count == 64 && body.prefix(64).allSatisfy(isLowerHex) && match(rest, body.dropFirst(64))
    }
  }

  private static func isLowerHex(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar)
  }
}
