/// POSIX regular expressions, basic (grep) and extended (grep -E), matched by
/// backtracking on Unicode scalars: enough for the classroom's grep and sed.
package struct POSIXRegex {
  indirect enum Node {
    case literal(Unicode.Scalar)
    case any
    case set(negated: Bool, items: [SetItem])
    case start, end
    case wordBoundary
    case group([[Node]])
    case repeated(Node, min: Int, max: Int?)
  }

  enum SetItem {
    case range(Unicode.Scalar, Unicode.Scalar)
    case named(String)
  }

  package struct SyntaxError: Error { package var message: String }

  let alternatives: [[Node]]
  let ignoreCase: Bool

  package init(_ pattern: String, extended: Bool, ignoreCase: Bool = false) throws(SyntaxError) {
    var parser = RegexParser(Array(pattern.unicodeScalars), extended: extended)
    alternatives = try parser.parseAlternatives(topLevel: true)
    self.ignoreCase = ignoreCase
  }

  /// A regex matching `text` literally (`grep -F`).
  init(literal text: String, ignoreCase: Bool = false) {
    alternatives = [text.unicodeScalars.map { Node.literal($0) }]
    self.ignoreCase = ignoreCase
  }

  /// The first match in `line` (scalar offsets), leftmost and then longest-first by backtracking.
  func firstMatch(in line: [Unicode.Scalar], from start: Int = 0) -> Range<Int>? {
    let subject = ignoreCase ? line.map(Self.lower) : line
    guard start <= subject.count else { return nil }
    for position in start...subject.count {
      // Bounds the work of pathological patterns: a line that costs too much does not match.
      let budget = Budget(remaining: 100_000)
      if let end = matchAlternatives(alternatives, subject, position, budget, then: { $0 }) {
        return position..<end
      }
    }
    return nil
  }

  package func matches(_ line: String) -> Bool { firstMatch(in: Array(line.unicodeScalars)) != nil }

  static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
  }

  /// Steps left for one match attempt.
  private final class Budget {
    var remaining: Int
    init(remaining: Int) { self.remaining = remaining }
    func spend() -> Bool {
      remaining -= 1
      return remaining > 0
    }
  }

  // MARK: Matching (continuation-passing backtracking)

  private func matchAlternatives(
    _ alternatives: [[Node]], _ s: [Unicode.Scalar], _ i: Int, _ budget: Budget, then: (Int) -> Int?
  ) -> Int? {
    for sequence in alternatives {
      if let end = matchSequence(sequence[...], s, i, budget, then: then) { return end }
    }
    return nil
  }

  private func matchSequence(
    _ nodes: ArraySlice<Node>, _ s: [Unicode.Scalar], _ i: Int, _ budget: Budget, then: (Int) -> Int?
  ) -> Int? {
    guard budget.spend() else { return nil }
    guard let node = nodes.first else { return then(i) }
    let rest = nodes.dropFirst()
    switch node {
    case .repeated(let inner, let min, let max):
      return matchRepeat(inner, min: min, max: max, count: 0, s, i, budget) { next in
        self.matchSequence(rest, s, next, budget, then: then)
      }
    case .group(let alternatives):
      return matchAlternatives(alternatives, s, i, budget) { next in
        self.matchSequence(rest, s, next, budget, then: then)
      }
    default:
      guard let next = matchOne(node, s, i) else { return nil }
      return matchSequence(rest, s, next, budget, then: then)
    }
  }

  private func matchRepeat(
    _ node: Node, min: Int, max: Int?, count: Int, _ s: [Unicode.Scalar], _ i: Int, _ budget: Budget,
    then: (Int) -> Int?
  ) -> Int? {
    guard budget.spend() else { return nil }
    if max == nil || count < max! {
      // Greedy: one more first; an empty iteration past the minimum would loop forever.
      let more = matchSequence([node][...], s, i, budget) { next in
        guard next != i || count < min else { return nil }
        return self.matchRepeat(node, min: min, max: max, count: count + 1, s, next, budget, then: then)
      }
      if let more { return more }
    }
    guard count >= min else { return nil }
    return then(i)
  }

  private func matchOne(_ node: Node, _ s: [Unicode.Scalar], _ i: Int) -> Int? {
    switch node {
    case .literal(let c):
      guard i < s.count, s[i] == (ignoreCase ? Self.lower(c) : c) else { return nil }
      return i + 1
    case .any:
      return i < s.count ? i + 1 : nil
    case .set(let negated, let items):
      guard i < s.count else { return nil }
      let c = s[i]
      let hit = items.contains { Self.contains($0, c) || ignoreCase && Self.contains($0, Self.upper(c)) }
      return hit != negated ? i + 1 : nil
    case .start:
      return i == 0 ? i : nil
    case .end:
      return i == s.count ? i : nil
    case .wordBoundary:
      let before = i > 0 && Self.isWord(s[i - 1])
      let after = i < s.count && Self.isWord(s[i])
      return before != after ? i : nil
    case .group, .repeated:
      return nil
    }
  }

  static func upper(_ c: Unicode.Scalar) -> Unicode.Scalar {
    ("a"..."z").contains(c) ? Unicode.Scalar(c.value - 32)! : c
  }

  static func isWord(_ c: Unicode.Scalar) -> Bool { c == "_" || c.isASCIILetter || c.isASCIIDigit }

  private static func contains(_ item: SetItem, _ c: Unicode.Scalar) -> Bool {
    switch item {
    case .range(let a, let b): return a <= c && c <= b
    case .named(let name):
      switch name {
      case "alpha": return c.isASCIILetter
      case "digit": return c.isASCIIDigit
      case "alnum": return c.isASCIILetter || c.isASCIIDigit
      case "upper": return ("A"..."Z").contains(c)
      case "lower": return ("a"..."z").contains(c)
      case "space": return c == " " || ("\t"..."\r").contains(c)
      case "blank": return c == " " || c == "\t"
      case "punct": return c.value < 128 && c.value > 32 && !c.isASCIILetter && !c.isASCIIDigit && c.value != 127
      case "xdigit": return c.isASCIIDigit || ("a"..."f").contains(c) || ("A"..."F").contains(c)
      default: return false
      }
    }
  }
}

private struct RegexParser {
  let s: [Unicode.Scalar]
  let extended: Bool
  var i = 0
  var depth = 0

  init(_ s: [Unicode.Scalar], extended: Bool) {
    self.s = s
    self.extended = extended
  }

  mutating func parseAlternatives(topLevel: Bool) throws(POSIXRegex.SyntaxError) -> [[POSIXRegex.Node]] {
    var alternatives: [[POSIXRegex.Node]] = []
    var current: [POSIXRegex.Node] = []
    while i < s.count {
      let c = s[i]
      if isAlternation() {
        alternatives.append(current)
        current = []
        continue
      }
      if atGroupClose() {
        if topLevel {
          if extended { throw POSIXRegex.SyntaxError(message: "Unmatched ) or \\)") }
          current.append(.literal(")"))
          i += 2
          continue
        }
        break
      }
      if let quantifier = try parseQuantifier(afterSomething: !current.isEmpty) {
        if let last = current.popLast() {
          current.append(.repeated(last, min: quantifier.0, max: quantifier.1))
        }
        continue
      }
      if isGroupOpen() {
        depth += 1
        guard depth < 100 else { throw POSIXRegex.SyntaxError(message: "Regular expression too big") }
        let inner = try parseAlternatives(topLevel: false)
        guard atGroupClose() else { throw POSIXRegex.SyntaxError(message: "Unmatched ( or \\(") }
        i += extended ? 1 : 2
        depth -= 1
        current.append(.group(inner))
        continue
      }
      switch c {
      case ".":
        current.append(.any)
        i += 1
      case "^" where current.isEmpty || extended:
        current.append(.start)
        i += 1
      case "$" where extended || i == s.count - 1 || isEndOfBranch(i + 1):
        current.append(.end)
        i += 1
      case "[":
        current.append(try parseSet())
      case "\\":
        guard i + 1 < s.count else { throw POSIXRegex.SyntaxError(message: "Trailing backslash") }
        let next = s[i + 1]
        i += 2
        switch next {
        case "<", ">", "b": current.append(.wordBoundary)
        case "w": current.append(.set(negated: false, items: [.named("alnum"), .range("_", "_")]))
        case "s": current.append(.set(negated: false, items: [.named("space")]))
        default: current.append(.literal(next))
        }
      default:
        current.append(.literal(c))
        i += 1
      }
    }
    alternatives.append(current)
    return alternatives
  }

  private func isEndOfBranch(_ at: Int) -> Bool {
    at + 1 < s.count && s[at] == "\\" && (s[at + 1] == ")" || s[at + 1] == "|")
  }

  private mutating func isAlternation() -> Bool {
    if extended, s[i] == "|" {
      i += 1
      return true
    }
    if !extended, s[i] == "\\", i + 1 < s.count, s[i + 1] == "|" {
      i += 2
      return true
    }
    return false
  }

  private mutating func isGroupOpen() -> Bool {
    if extended, s[i] == "(" {
      i += 1
      return true
    }
    if !extended, s[i] == "\\", i + 1 < s.count, s[i + 1] == "(" {
      i += 2
      return true
    }
    return false
  }

  /// Whether a group's closing bracket is next (the caller consumes it).
  private func atGroupClose() -> Bool {
    guard i < s.count else { return false }
    if extended { return s[i] == ")" }
    return s[i] == "\\" && i + 1 < s.count && s[i + 1] == ")"
  }

  private mutating func parseQuantifier(afterSomething: Bool) throws(POSIXRegex.SyntaxError) -> (Int, Int?)? {
    let c = s[i]
    if c == "*" {
      guard afterSomething else { return nil }
      i += 1
      return (0, nil)
    }
    let plusQuestion: Bool = extended ? (c == "+" || c == "?") : (c == "\\" && i + 1 < s.count && (s[i + 1] == "+" || s[i + 1] == "?"))
    if plusQuestion, afterSomething {
      let op = extended ? c : s[i + 1]
      i += extended ? 1 : 2
      return op == "+" ? (1, nil) : (0, 1)
    }
    let brace = extended ? c == "{" : (c == "\\" && i + 1 < s.count && s[i + 1] == "{")
    guard brace, afterSomething else { return nil }
    let start = i
    i += extended ? 1 : 2
    var minText = ""
    while i < s.count, s[i].isASCIIDigit { minText.unicodeScalars.append(s[i]); i += 1 }
    var maxValue: Int? = Int(minText)
    if i < s.count, s[i] == "," {
      i += 1
      var maxText = ""
      while i < s.count, s[i].isASCIIDigit { maxText.unicodeScalars.append(s[i]); i += 1 }
      maxValue = maxText.isEmpty ? nil : Int(maxText)
    }
    let closes = extended ? (i < s.count && s[i] == "}") : (i + 1 < s.count && s[i] == "\\" && s[i + 1] == "}")
    guard closes, let minValue = Int(minText.isEmpty ? "0" : minText) else {
      if extended {
        i = start + 1
        return nil
      }
      throw POSIXRegex.SyntaxError(message: "Unmatched \\{")
    }
    i += extended ? 1 : 2
    return (minValue, maxValue)
  }

  private mutating func parseSet() throws(POSIXRegex.SyntaxError) -> POSIXRegex.Node {
    i += 1
    var negated = false
    if i < s.count, s[i] == "^" {
      negated = true
      i += 1
    }
    var items: [POSIXRegex.SetItem] = []
    var first = true
    while i < s.count {
      let c = s[i]
      if c == "]" && !first {
        i += 1
        return .set(negated: negated, items: items)
      }
      first = false
      if c == "[", i + 1 < s.count, s[i + 1] == ":" {
        var name = ""
        var j = i + 2
        while j < s.count, s[j] != ":" { name.unicodeScalars.append(s[j]); j += 1 }
        if j + 1 < s.count, s[j + 1] == "]" {
          items.append(.named(name))
          i = j + 2
          continue
        }
      }
      if i + 2 < s.count, s[i + 1] == "-", s[i + 2] != "]" {
        items.append(.range(c, s[i + 2]))
        i += 3
      } else {
        items.append(.range(c, c))
        i += 1
      }
    }
    throw POSIXRegex.SyntaxError(message: "Unmatched [, [^, [:, [., or [=")
  }
}
