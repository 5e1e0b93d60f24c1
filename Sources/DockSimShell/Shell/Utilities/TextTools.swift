import DockSimCore

/// Inputs of a text filter: its operands, or standard input when there are none.
struct TextInputs {
  struct Input {
    var name: String
    var bytes: [UInt8]
    var isStandardInput = false
  }

  /// Reads each operand (at most `OutputLimit.bytes` of each); failures are reported by `report`.
  static func read(
    _ operands: [String], stdin: [UInt8], session: inout Session,
    report: (String, FSError, inout Console) -> Void, console: inout Console
  ) -> (inputs: [Input], failed: Bool) {
    var inputs: [Input] = []
    var failed = false
    for operand in operands.isEmpty ? ["-"] : operands {
      do throws(FSError) {
        let data = try session.readOperand(operand, stdin: stdin)
        inputs.append(
          Input(
            name: operand == "-" ? "(standard input)" : operand, bytes: data.bytes(in: 0..<OutputLimit.bytes),
            isStandardInput: operand == "-"))
      } catch {
        report(operand, error, &console)
        failed = true
      }
    }
    return (inputs, failed)
  }

  /// Lines without their newlines; a last line without a newline still counts.
  static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if bytes.last == UInt8(ascii: "\n") || bytes.isEmpty { lines.removeLast() }
    return lines
  }
}

/// `head`/`tail` counts: `-n 5`, `-5`, `-n -5` (head: all but), `-n +5` (tail: from).
struct CountOption {
  var count: Int
  var fromStart: Bool
  var allBut: Bool
  var bytes: Bool

  /// Accepts the obsolete `-5` form by rewriting it to `-n 5`.
  static func normalize(_ arguments: ArraySlice<String>) -> [String] {
    var out: [String] = []
    for arg in arguments {
      let takesValue = out.last == "-n" || out.last == "-c" || out.last == "--lines" || out.last == "--bytes"
      if !takesValue, arg.count > 1, arg.hasPrefix("-"), arg.dropFirst().allSatisfy(\.isNumber) {
        out.append("-n" + arg.dropFirst())
      } else {
        out.append(arg)
      }
    }
    return out
  }

  static func parse(_ options: ParsedOptions, program: String, console: inout Console) -> CountOption? {
    let bytes = options.last(of: ["n", "c"]) == "c"
    guard var text = options.values[bytes ? "c" : "n"] else {
      return CountOption(count: 10, fromStart: false, allBut: false, bytes: false)
    }
    var option = CountOption(count: 0, fromStart: false, allBut: false, bytes: bytes)
    if text.hasPrefix("+") {
      option.fromStart = true
      text.removeFirst()
    } else if text.hasPrefix("-") {
      option.allBut = true
      text.removeFirst()
    }
    guard let value = SizeSuffix.parse(text) else {
      console.errorLine("\(program): invalid number of \(bytes ? "bytes" : "lines"): \(UtilityContext.quote(options.values[bytes ? "c" : "n"]!))")
      return nil
    }
    option.count = value
    return option
  }
}

/// `10`, `5K`, `1M`, `2KB` as coreutils reads sizes.
enum SizeSuffix {
  static func parse(_ text: String) -> Int? {
    let digits = text.prefix { $0.isNumber }
    guard !digits.isEmpty, let value = Int(digits) else { return nil }
    let suffix = text.dropFirst(digits.count)
    let multipliers: [String: Int] = [
      "": 1, "b": 512, "K": 1024, "KiB": 1024, "kB": 1000, "KB": 1000, "M": 1 << 20, "MiB": 1 << 20, "MB": 1_000_000,
      "G": 1 << 30, "GiB": 1 << 30, "GB": 1_000_000_000, "k": 1024, "c": 1, "w": 2,
    ]
    guard let multiplier = multipliers[String(suffix)] else { return nil }
    let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
    return overflow ? Int.max : product
  }
}

struct Head: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(flags: "qv", valued: "nc", long: ["lines": "n", "bytes": "c", "quiet": "q", "verbose": "v"],
      longValued: ["n", "c"])
    let arguments = CountOption.normalize(invocation.operands)
    guard case .success(let options) = OptionParser.parse(arguments[...], program: "head", spec: spec, console: &console),
      let count = CountOption.parse(options, program: "head", console: &console)
    else { return 1 }
    let (inputs, failed) = TextInputs.read(
      options.operands, stdin: invocation.stdin, session: &session,
      report: { name, error, console in
        console.errorLine("head: cannot open \(UtilityContext.quote(name)) for reading: \(error)")
      }, console: &console)
    let headers = (inputs.count > 1 || options.has("v")) && !options.has("q")
    for (index, input) in inputs.enumerated() {
      if headers { console.write((index > 0 ? "\n" : "") + "==> \(input.name) <==\n") }
      console.write(bytes: Self.head(input.bytes, count))
      // head stops reading when it has its lines: a writer into its pipe gets SIGPIPE.
      if input.isStandardInput { session.recordStdinRead(Self.needed(input.bytes, count)) }
    }
    return failed ? 1 : 0
  }

  static func head(_ bytes: [UInt8], _ option: CountOption) -> [UInt8] {
    if option.bytes {
      return option.allBut ? Array(bytes.dropLast(option.count)) : Array(bytes.prefix(option.count))
    }
    guard option.allBut else { return Array(bytes.prefix(prefixLength(bytes, lines: option.count))) }
    let lines = TextInputs.lines(bytes)
    let keep = max(0, lines.count - option.count)
    return joined(lines.prefix(keep), finalNewline: keep < lines.count || bytes.last == UInt8(ascii: "\n"))
  }

  /// How much of its input head reads: all of it for "all but the last N".
  static func needed(_ bytes: [UInt8], _ option: CountOption) -> StdinRead {
    if option.allBut { return .all }
    return .bytes(option.bytes ? min(option.count, bytes.count) : prefixLength(bytes, lines: option.count))
  }

  /// The bytes up to and including the `count`-th newline (all of them when there are
  /// fewer lines): scanned, not split, so `yes | head` does not cut 16 MiB into lines.
  static func prefixLength(_ bytes: [UInt8], lines count: Int) -> Int {
    var end = 0
    var seen = 0
    while seen < count, let newline = bytes[end...].firstIndex(of: UInt8(ascii: "\n")) {
      end = newline + 1
      seen += 1
    }
    return seen < count ? bytes.count : end
  }

  static func joined(_ lines: ArraySlice<ArraySlice<UInt8>>, finalNewline: Bool) -> [UInt8] {
    var out: [UInt8] = []
    for (index, line) in zip(lines.indices, lines) {
      out.append(contentsOf: line)
      if index < lines.endIndex - 1 || finalNewline { out.append(UInt8(ascii: "\n")) }
    }
    return out
  }
}

struct Tail: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(flags: "qvfF", valued: "nc", long: ["lines": "n", "bytes": "c", "follow": "f"],
      longValued: ["n", "c"])
    let arguments = CountOption.normalize(invocation.operands)
    guard case .success(let options) = OptionParser.parse(arguments[...], program: "tail", spec: spec, console: &console),
      let count = CountOption.parse(options, program: "tail", console: &console)
    else { return 1 }
    let (inputs, failed) = TextInputs.read(
      options.operands, stdin: invocation.stdin, session: &session,
      report: { name, error, console in
        console.errorLine("tail: cannot open \(UtilityContext.quote(name)) for reading: \(error)")
      }, console: &console)
    let headers = (inputs.count > 1 || options.has("v")) && !options.has("q")
    for (index, input) in inputs.enumerated() {
      if headers { console.write((index > 0 ? "\n" : "") + "==> \(input.name) <==\n") }
      console.write(bytes: Self.tail(input.bytes, count))
    }
    return failed ? 1 : 0
  }

  static func tail(_ bytes: [UInt8], _ option: CountOption) -> [UInt8] {
    if option.bytes {
      return option.fromStart ? Array(bytes.dropFirst(max(0, option.count - 1))) : Array(bytes.suffix(option.count))
    }
    let lines = TextInputs.lines(bytes)
    let kept = option.fromStart ? lines.dropFirst(max(0, option.count - 1)) : lines.suffix(option.count)
    return Head.joined(kept, finalNewline: bytes.last == UInt8(ascii: "\n"))
  }
}

struct Wc: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(flags: "lwcmL", long: ["lines": "l", "words": "w", "bytes": "c", "chars": "m"])
    guard case .success(let options) = OptionParser.parse(invocation.operands, program: "wc", spec: spec, console: &console)
    else { return 1 }
    var fields = ["l", "w", "m", "c"].filter { options.has($0) }
    if fields.isEmpty { fields = ["l", "w", "c"] }
    var rows: [([Int], String?)] = []
    var failed = false
    var regularTotal = 0
    var readsStdin = false
    for operand in options.operands.isEmpty ? ["-"] : options.operands {
      do throws(FSError) {
        let data = try session.readOperand(operand, stdin: invocation.stdin)
        if operand == "-" { readsStdin = true } else { regularTotal += data.size }
        let counts = Self.counts(data.bytes(in: 0..<OutputLimit.bytes), fields: fields)
        rows.append((counts, options.operands.isEmpty ? nil : operand))
      } catch {
        console.errorLine("wc: \(operand): \(error)")
        failed = true
      }
    }
    if rows.count > 1 {
      let total = (0..<fields.count).map { i in rows.reduce(0) { $0 + $1.0[i] } }
      rows.append((total, "total"))
    }
    var width = String(regularTotal).count
    if readsStdin { width = max(width, 7) }
    if fields.count == 1 && rows.count == 1 { width = 1 }
    for (counts, name) in rows {
      let cells = counts.map { String(repeating: " ", count: max(0, width - String($0).count)) + String($0) }
      console.line(cells.joined(separator: " ") + (name.map { " " + $0 } ?? ""))
    }
    return failed ? 1 : 0
  }

  static func counts(_ bytes: [UInt8], fields: [String]) -> [Int] {
    var lines = 0
    var words = 0
    var inWord = false
    for b in bytes {
      if b == UInt8(ascii: "\n") { lines += 1 }
      let space = b == 32 || (9...13).contains(b)
      if !space && !inWord { words += 1 }
      inWord = !space
    }
    let chars = String(decoding: bytes, as: UTF8.self).unicodeScalars.count
    return fields.map { field in
      switch field {
      case "l": return lines
      case "w": return words
      case "m": return chars
      default: return bytes.count
      }
    }
  }
}

struct Grep: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(
      flags: "ivncEFwxqlhHrRos", valued: "e",
      long: ["ignore-case": "i", "invert-match": "v", "line-number": "n", "count": "c", "extended-regexp": "E",
        "fixed-strings": "F", "word-regexp": "w", "line-regexp": "x", "quiet": "q", "silent": "q",
        "files-with-matches": "l", "no-filename": "h", "with-filename": "H", "only-matching": "o", "regexp": "e",
        "color": "color", "colour": "color"],
      longValued: ["e"], usageStatus: 2)
    guard case .success(var options) = OptionParser.parse(invocation.operands, program: "grep", spec: spec, console: &console)
    else { return 2 }
    var patterns: [String] = []
    if let e = options.values["e"] {
      patterns = [e]
    } else {
      guard !options.operands.isEmpty else {
        console.errorLine("Usage: grep [OPTION]... PATTERNS [FILE]...")
        console.errorLine("Try 'grep --help' for more information.")
        return 2
      }
      patterns = [options.operands.removeFirst()]
    }
    let ignoreCase = options.has("i")
    var regexes: [POSIXRegex] = []
    for pattern in patterns.flatMap({ $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }) {
      if options.has("F") {
        regexes.append(POSIXRegex(literal: pattern, ignoreCase: ignoreCase))
      } else {
        do throws(POSIXRegex.SyntaxError) {
          regexes.append(try POSIXRegex(pattern, extended: options.has("E"), ignoreCase: ignoreCase))
        } catch {
          console.errorLine("grep: \(error.message)")
          return 2
        }
      }
    }
    let (inputs, failed) = TextInputs.read(
      options.operands, stdin: invocation.stdin, session: &session,
      report: { name, error, console in if !options.has("s") { console.errorLine("grep: \(name): \(error)") } },
      console: &console)
    let showNames = (options.operands.count > 1 || options.has("H")) && !options.has("h")
    var matched = false
    for input in inputs {
      let (found, stoppedAt) = search(input, regexes: regexes, options: options, showName: showNames, console: &console)
      matched = matched || found
      guard found && options.has("q") else { continue }
      // grep -q stops reading at its first match: a writer into its pipe gets SIGPIPE.
      if input.isStandardInput, let stoppedAt { session.recordStdinRead(.bytes(stoppedAt)) }
      return 0
    }
    if failed { return 2 }
    return matched ? 0 : 1
  }

  /// Whether a line matched, and for `-q` where reading stopped (after the matching line).
  private func search(
    _ input: TextInputs.Input, regexes: [POSIXRegex], options: ParsedOptions, showName: Bool, console: inout Console
  ) -> (found: Bool, stoppedAt: Int?) {
    var count = 0
    let prefix = showName ? input.name + ":" : ""
    for (number, line) in TextInputs.lines(input.bytes).enumerated() {
      let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
      let hit = regexes.contains { matches($0, scalars, options: options) }
      guard hit != options.has("v") else { continue }
      count += 1
      if options.has("q") { return (true, line.endIndex + 1) }
      if options.has("c") || options.has("l") { continue }
      let numbering = options.has("n") ? "\(number + 1):" : ""
      if options.has("o"), !options.has("v") {
        for regex in regexes {
          var from = 0
          while let range = regex.firstMatch(in: scalars, from: from), !range.isEmpty {
            console.line(prefix + numbering + String(String.UnicodeScalarView(scalars[range])))
            from = range.upperBound
          }
        }
        continue
      }
      console.write(bytes: Array((prefix + numbering).utf8) + Array(line) + [UInt8(ascii: "\n")])
    }
    if options.has("l") {
      if count > 0 { console.line(input.name) }
    } else if options.has("c") {
      console.line(prefix + String(count))
    }
    return (count > 0, nil)
  }

  private func matches(_ regex: POSIXRegex, _ line: [Unicode.Scalar], options: ParsedOptions) -> Bool {
    var from = 0
    while let range = regex.firstMatch(in: line, from: from) {
      if options.has("x") {
        if range == 0..<line.count { return true }
      } else if options.has("w") {
        let before = range.lowerBound == 0 || !POSIXRegex.isWord(line[range.lowerBound - 1])
        let after = range.upperBound == line.count || !POSIXRegex.isWord(line[range.upperBound])
        if before && after { return true }
      } else {
        return true
      }
      from = range.lowerBound + 1
      if from > line.count { break }
    }
    return false
  }
}

struct Sort: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(flags: "rnufb", valued: "kto",
      long: ["reverse": "r", "numeric-sort": "n", "unique": "u", "ignore-case": "f", "key": "k",
        "field-separator": "t", "output": "o"], longValued: ["k", "t", "o"], usageStatus: 2)
    guard case .success(let options) = OptionParser.parse(invocation.operands, program: "sort", spec: spec, console: &console)
    else { return 2 }
    let (inputs, failed) = TextInputs.read(
      options.operands, stdin: invocation.stdin, session: &session,
      report: { name, error, console in console.errorLine("sort: cannot read: \(name): \(error)") }, console: &console)
    if failed { return 2 }
    var lines = inputs.flatMap { TextInputs.lines($0.bytes).map { String(decoding: $0, as: UTF8.self) } }
    let key = options.values["k"].flatMap { Int($0.prefix { $0.isNumber }) }
    let separator = options.values["t"]?.first
    func field(_ line: String) -> String {
      guard let key, key > 0 else { return line }
      let parts: [Substring] = separator.map { s in line.split(separator: s, omittingEmptySubsequences: false) }
        ?? line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      return key <= parts.count ? parts[(key - 1)...].joined(separator: separator.map(String.init) ?? " ") : ""
    }
    let numeric = options.has("n")
    let fold = options.has("f")
    func compare(_ a: String, _ b: String) -> Int {
      let x = field(a)
      let y = field(b)
      if numeric {
        let p = Self.number(x)
        let q = Self.number(y)
        if p != q { return p < q ? -1 : 1 }
        return 0
      }
      let u = fold ? x.uppercased() : x
      let v = fold ? y.uppercased() : y
      if u == v { return 0 }
      return u.utf8.lexicographicallyPrecedes(v.utf8) ? -1 : 1
    }
    func lastResort(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
    let reverse = options.has("r")
    lines.sort { a, b in
      let c = compare(a, b)
      if c != 0 { return reverse ? c > 0 : c < 0 }
      if options.has("u") { return false }
      return reverse ? lastResort(b, a) : lastResort(a, b)
    }
    if options.has("u") {
      var unique: [String] = []
      for line in lines where unique.last.map({ compare($0, line) != 0 }) ?? true { unique.append(line) }
      lines = unique
    }
    let text = lines.map { $0 + "\n" }.joined()
    if let output = options.values["o"] {
      let path = session.absolutePath(output)
      let now = session.engine.clock.now
      do throws(FSError) {
        try session.withFilesystem { fs throws(FSError) in try fs.writeFile(path, FileData(text), at: now) }
      } catch {
        console.errorLine("sort: open failed: \(output): \(error)")
        return 2
      }
      return 0
    }
    console.write(text)
    return 0
  }

  /// The leading number of a line, as `sort -n` reads it (none is 0).
  static func number(_ text: String) -> Double {
    let trimmed = text.drop { $0 == " " || $0 == "\t" }
    var end = trimmed.startIndex
    var seenDigit = false
    var seenDot = false
    if end < trimmed.endIndex, trimmed[end] == "-" { end = trimmed.index(after: end) }
    while end < trimmed.endIndex {
      let c = trimmed[end]
      if c.isNumber && c.isASCII {
        seenDigit = true
      } else if c == "." && !seenDot {
        seenDot = true
      } else {
        break
      }
      end = trimmed.index(after: end)
    }
    guard seenDigit else { return 0 }
    return Double(trimmed[..<end]) ?? 0
  }
}

struct Cut: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(valued: "dfcb", long: ["delimiter": "d", "fields": "f", "characters": "c", "bytes": "b"],
      longValued: ["d", "f", "c", "b"])
    guard case .success(let options) = OptionParser.parse(invocation.operands, program: "cut", spec: spec, console: &console)
    else { return 1 }
    let listText = options.values["f"] ?? options.values["c"] ?? options.values["b"]
    guard let listText, let ranges = Self.ranges(listText) else {
      if listText == nil {
        console.errorLine("cut: you must specify a list of bytes, characters, or fields")
      } else {
        console.errorLine("cut: invalid field value \(UtilityContext.quote(listText!))")
      }
      console.errorLine("Try 'cut --help' for more information.")
      return 1
    }
    let byFields = options.values["f"] != nil
    let delimiter = options.values["d"]?.first ?? "\t"
    let (inputs, failed) = TextInputs.read(
      options.operands, stdin: invocation.stdin, session: &session,
      report: { name, error, console in console.errorLine("cut: \(name): \(error)") }, console: &console)
    for input in inputs {
      for line in TextInputs.lines(input.bytes) {
        let text = String(decoding: line, as: UTF8.self)
        if byFields {
          guard text.contains(delimiter) else {
            console.line(text)
            continue
          }
          let parts = text.split(separator: delimiter, omittingEmptySubsequences: false)
          let chosen = parts.indices.filter { i in ranges.contains { $0.contains(i + 1) } }.map { parts[$0] }
          console.line(chosen.joined(separator: String(delimiter)))
        } else {
          let chars = Array(text)
          let chosen = chars.indices.filter { i in ranges.contains { $0.contains(i + 1) } }.map { chars[$0] }
          console.line(String(chosen))
        }
      }
    }
    return failed ? 1 : 0
  }

  /// `1,3-5,7-` as ranges of 1-based positions.
  static func ranges(_ text: String) -> [ClosedRange<Int>]? {
    var out: [ClosedRange<Int>] = []
    for part in text.split(separator: ",") {
      let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
      if bounds.count == 1 {
        guard let n = Int(bounds[0]), n > 0 else { return nil }
        out.append(n...n)
      } else if bounds.count == 2 {
        let low = bounds[0].isEmpty ? 1 : Int(bounds[0])
        let high = bounds[1].isEmpty ? Int.max : Int(bounds[1])
        guard let low, let high, low > 0, low <= high else { return nil }
        out.append(low...high)
      } else {
        return nil
      }
    }
    return out.isEmpty ? nil : out
  }
}

struct Uniq: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(flags: "cdu", long: ["count": "c", "repeated": "d", "unique": "u"])
    guard case .success(let options) = OptionParser.parse(invocation.operands, program: "uniq", spec: spec, console: &console)
    else { return 1 }
    let (inputs, failed) = TextInputs.read(
      Array(options.operands.prefix(1)), stdin: invocation.stdin, session: &session,
      report: { name, error, console in console.errorLine("uniq: \(name): \(error)") }, console: &console)
    var groups: [(ArraySlice<UInt8>, Int)] = []
    for line in inputs.flatMap({ TextInputs.lines($0.bytes) }) {
      if let last = groups.last, last.0 == line {
        groups[groups.count - 1].1 += 1
      } else {
        groups.append((line, 1))
      }
    }
    for (line, count) in groups {
      if options.has("d") && count < 2 || options.has("u") && count > 1 { continue }
      let prefix = options.has("c") ? String(repeating: " ", count: max(0, 7 - String(count).count)) + "\(count) " : ""
      console.write(bytes: Array(prefix.utf8) + Array(line) + [10])
    }
    return failed ? 1 : 0
  }
}

struct Tee: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(flags: "a", long: ["append": "a"])
    guard case .success(let options) = OptionParser.parse(invocation.operands, program: "tee", spec: spec, console: &console)
    else { return 1 }
    session.recordStdinRead(.all)
    console.write(bytes: invocation.stdin)
    var status: Int32 = 0
    let now = session.engine.clock.now
    for operand in options.operands {
      let path = session.absolutePath(operand)
      do throws(FSError) {
        try session.withFilesystem { fs throws(FSError) in
          try fs.writeFile(path, FileData(invocation.stdin), append: options.has("a"), at: now)
        }
      } catch {
        console.errorLine("tee: \(operand): \(error)")
        status = 1
      }
    }
    return status
  }
}

struct Tr: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(flags: "ds", long: ["delete": "d", "squeeze-repeats": "s"])
    guard case .success(let options) = OptionParser.parse(invocation.operands, program: "tr", spec: spec, console: &console)
    else { return 1 }
    let sets = options.operands.map(Self.expand)
    let needed = options.has("d") || options.has("s") ? 1 : 2
    guard sets.count >= needed else {
      console.errorLine(sets.isEmpty ? "tr: missing operand" : "tr: missing operand after \(UtilityContext.quote(options.operands[0]))")
      console.errorLine("Try 'tr --help' for more information.")
      return 1
    }
    var out: [Unicode.Scalar] = []
    session.recordStdinRead(.all)
    for c in String(decoding: invocation.stdin, as: UTF8.self).unicodeScalars {
      if options.has("d") {
        if !sets[0].contains(c) { out.append(c) }
        continue
      }
      var mapped = c
      if sets.count > 1, let index = sets[0].lastIndex(of: c) {
        let target = sets[1]
        mapped = target.isEmpty ? c : target[min(index, target.count - 1)]
      }
      if options.has("s"), let last = out.last, last == mapped, (sets.last ?? []).contains(mapped) { continue }
      out.append(mapped)
    }
    console.write(String(String.UnicodeScalarView(out)))
    return 0
  }

  /// `a-z`, `[:upper:]`, `\n` expanded to the list of characters.
  static func expand(_ text: String) -> [Unicode.Scalar] {
    let named: [String: ClosedRange<Unicode.Scalar>] = ["[:lower:]": "a"..."z", "[:upper:]": "A"..."Z", "[:digit:]": "0"..."9"]
    var out: [Unicode.Scalar] = []
    var s = Array(text.unicodeScalars)
    var i = 0
    while i < s.count {
      if s[i] == "[", let (name, range) = named.first(where: { text.unicodeScalars.dropFirst(i).starts(with: $0.key.unicodeScalars) }) {
        out.append(contentsOf: (range.lowerBound.value...range.upperBound.value).compactMap(Unicode.Scalar.init))
        i += name.unicodeScalars.count
        continue
      }
      if s[i] == "\\", i + 1 < s.count {
        let escapes: [Unicode.Scalar: Unicode.Scalar] = ["n": "\n", "t": "\t", "\\": "\\", "r": "\r"]
        s[i + 1] = escapes[s[i + 1]] ?? s[i + 1]
        i += 1
      }
      if i + 2 < s.count, s[i + 1] == "-", s[i] <= s[i + 2] {
        out.append(contentsOf: (s[i].value...s[i + 2].value).compactMap(Unicode.Scalar.init))
        i += 3
        continue
      }
      out.append(s[i])
      i += 1
    }
    return out
  }
}
