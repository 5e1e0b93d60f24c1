/// Shell patterns (`*`, `?`, `[a-z]`, `[!x]`) as `fnmatch` reads them, for
/// pathname expansion, `find -name` and `case`-style matching.
struct GlobPattern: Sendable {
  enum Element: Sendable, Hashable {
    case literal(Unicode.Scalar)
    case any
    case star
    case set(negated: Bool, ranges: [ClosedRange<Unicode.Scalar>])
  }

  let elements: [Element]

  /// A pattern from text where `\` quotes the next character.
  init(_ pattern: String) {
    var elements: [Element] = []
    let s = Array(pattern.unicodeScalars)
    var i = 0
    while i < s.count {
      let c = s[i]
      switch c {
      case "\\" where i + 1 < s.count:
        elements.append(.literal(s[i + 1]))
        i += 2
        continue
      case "*":
        if elements.last != .star { elements.append(.star) }
      case "?":
        elements.append(.any)
      case "[":
        if let (set, next) = Self.bracket(s, from: i) {
          elements.append(set)
          i = next
          continue
        }
        elements.append(.literal(c))
      default:
        elements.append(.literal(c))
      }
      i += 1
    }
    self.elements = elements
  }

  /// `[...]` starting at `start`; nil when it does not close (then `[` is literal).
  private static func bracket(_ s: [Unicode.Scalar], from start: Int) -> (Element, Int)? {
    var i = start + 1
    var negated = false
    if i < s.count, s[i] == "!" || s[i] == "^" {
      negated = true
      i += 1
    }
    var ranges: [ClosedRange<Unicode.Scalar>] = []
    var first = true
    while i < s.count {
      var c = s[i]
      if c == "]" && !first { return (.set(negated: negated, ranges: ranges), i + 1) }
      first = false
      if c == "\\", i + 1 < s.count {
        i += 1
        c = s[i]
      }
      if i + 2 < s.count, s[i + 1] == "-", s[i + 2] != "]" {
        let upper = s[i + 2]
        if c <= upper { ranges.append(c...upper) }
        i += 3
      } else {
        ranges.append(c...c)
        i += 1
      }
    }
    return nil
  }

  /// Whether the pattern has anything but literals.
  var isPattern: Bool { elements.contains { if case .literal = $0 { return false } else { return true } } }

  func matches(_ name: String) -> Bool {
    let text = Array(name.unicodeScalars)
    // Iterative matching with one backtrack point for the last star: linear in practice.
    var p = 0
    var t = 0
    var starP = -1
    var starT = 0
    while t < text.count {
      if p < elements.count, elements[p] != .star, matchesOne(elements[p], text[t]) {
        p += 1
        t += 1
      } else if p < elements.count, elements[p] == .star {
        starP = p
        starT = t
        p += 1
      } else if starP >= 0 {
        p = starP + 1
        starT += 1
        t = starT
      } else {
        return false
      }
    }
    while p < elements.count, elements[p] == .star { p += 1 }
    return p == elements.count
  }

  private func matchesOne(_ element: Element, _ c: Unicode.Scalar) -> Bool {
    switch element {
    case .literal(let l): return l == c
    case .any: return true
    case .star: return true
    case .set(let negated, let ranges): return ranges.contains { $0.contains(c) } != negated
    }
  }
}
