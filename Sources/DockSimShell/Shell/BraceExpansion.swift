/// bash's brace expansion, the first of its expansions: `proj/{src,bin}` is `proj/src
/// proj/bin`, `{1..5}` and `{a..e..2}` are sequences, `{05..10}` pads with zeros. Only
/// unquoted braces count; parameters and quoted text inside are carried along whole.
/// A brace with no comma and no sequence stays literal (`{}`, `{a}`); dash has none of it.
enum BraceExpansion {
  enum Token: Hashable {
    case char(Character)
    case part(WordPart)
  }

  /// The words `word` expands to; the word itself when it holds no brace expression.
  static func expand(_ word: Word) -> [Word] {
    guard word.parts.contains(where: { if case .literal(let text, false) = $0 { text.contains("{") } else { false } })
    else { return [word] }
    let results = expand(tokens(of: word))
    if results.count == 1 { return [word] }
    return results.map { self.word(from: $0, source: word.source) }
  }

  private static func tokens(of word: Word) -> [Token] {
    var tokens: [Token] = []
    for part in word.parts {
      if case .literal(let text, false) = part {
        tokens.append(contentsOf: text.map(Token.char))
      } else {
        tokens.append(.part(part))
      }
    }
    return tokens
  }

  private static func word(from tokens: [Token], source: String) -> Word {
    var parts: [WordPart] = []
    var run = ""
    for token in tokens {
      switch token {
      case .char(let c): run.append(c)
      case .part(let part):
        if !run.isEmpty { parts.append(.literal(run, quoted: false)) }
        run = ""
        parts.append(part)
      }
    }
    if !run.isEmpty { parts.append(.literal(run, quoted: false)) }
    return Word(parts: parts, source: source)
  }

  /// Expands the first brace expression (preamble, alternatives, the rest expanded in turn).
  private static func expand(_ tokens: [Token]) -> [[Token]] {
    var open = 0
    while open < tokens.count {
      guard tokens[open] == .char("{"), let (close, commas) = closing(tokens, from: open) else {
        open += 1
        continue
      }
      let preamble = Array(tokens[..<open])
      let rest = expand(Array(tokens[(close + 1)...]))
      var alternatives: [[Token]]
      if commas.isEmpty {
        guard let sequence = sequence(Array(tokens[(open + 1)..<close])) else {
          open += 1
          continue
        }
        alternatives = sequence.map { $0.map(Token.char) }
      } else {
        alternatives = []
        var start = open + 1
        for cut in commas + [close] {
          alternatives.append(contentsOf: expand(Array(tokens[start..<cut])))
          start = cut + 1
        }
      }
      var results: [[Token]] = []
      for alternative in alternatives {
        for tail in rest { results.append(preamble + alternative + tail) }
      }
      return results
    }
    return [tokens]
  }

  /// The `}` matching the `{` at `open`, and the top-level commas in between.
  private static func closing(_ tokens: [Token], from open: Int) -> (Int, [Int])? {
    var depth = 0
    var commas: [Int] = []
    for index in (open + 1)..<tokens.count {
      switch tokens[index] {
      case .char("{"): depth += 1
      case .char("}"):
        if depth == 0 { return (index, commas) }
        depth -= 1
      case .char(","): if depth == 0 { commas.append(index) }
      default: continue
      }
    }
    return nil
  }

  /// `x..y` or `x..y..step` of integers or single characters; nil for anything else.
  private static func sequence(_ tokens: [Token]) -> [String]? {
    var text = ""
    for token in tokens {
      guard case .char(let c) = token else { return nil }
      text.append(c)
    }
    let fields = text.components(separatedBy: "..")
    guard fields.count == 2 || fields.count == 3 else { return nil }
    var step = 1
    if fields.count == 3 {
      guard let given = Int(fields[2]) else { return nil }
      step = given == 0 ? 1 : abs(given)
    }
    if let start = Int(fields[0]), let end = Int(fields[1]) {
      // A leading zero (`01`, `-01`) pads every number to the longer end's width.
      let padded = [fields[0], fields[1]].contains { $0.drop { $0 == "-" }.hasPrefix("0") && $0.count > 1 }
      let width = padded ? max(fields[0].count, fields[1].count) : 0
      let values = start <= end
        ? Array(stride(from: start, through: end, by: step)) : Array(stride(from: start, through: end, by: -step))
      return values.map { pad($0, width: width) }
    }
    guard fields[0].count == 1, fields[1].count == 1, let a = fields[0].unicodeScalars.first,
      let b = fields[1].unicodeScalars.first, a.isASCIILetter, b.isASCIILetter
    else { return nil }
    let from = Int(a.value)
    let to = Int(b.value)
    let codes = from <= to ? Array(stride(from: from, through: to, by: step)) : Array(stride(from: from, through: to, by: -step))
    return codes.map { String(Character(Unicode.Scalar(UInt8($0)))) }
  }

  private static func pad(_ value: Int, width: Int) -> String {
    let digits = String(abs(value))
    let sign = value < 0 ? "-" : ""
    let zeros = max(0, width - sign.count - digits.count)
    return sign + String(repeating: "0", count: zeros) + digits
  }
}
