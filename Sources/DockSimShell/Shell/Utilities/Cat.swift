import DockSimCore

/// `cat [-nbE] [FILE...]`.
struct Cat: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let context = UtilityContext(program: "cat")
    let spec = OptionSpec(
      flags: "nbEsuA", long: ["number": "n", "number-nonblank": "b", "show-ends": "E", "squeeze-blank": "s"])
    let options: ParsedOptions
    switch OptionParser.parse(invocation.operands, program: "cat", spec: spec, console: &console) {
    case .success(let parsed): options = parsed
    case .failure(let failure): return failure.status
    }
    let decorates = options.has("n") || options.has("b") || options.has("E") || options.has("A")
    var numbering = LineNumbering(nonBlankOnly: options.has("b"), numbers: options.has("n") || options.has("b"),
      showEnds: options.has("E") || options.has("A"))
    var output = LimitedOutput(program: "cat")
    var status: Int32 = 0
    for operand in options.operands.isEmpty ? ["-"] : options.operands {
      let content: FileData
      do {
        content = try session.readOperand(operand, stdin: invocation.stdin)
      } catch {
        context.error(operand, error, console: &console)
        status = 1
        continue
      }
      let ok = decorates
        ? output.write(numbering.decorate(content.bytes(in: 0..<OutputLimit.bytes + 1)), console: &console)
        : output.write(content, console: &console)
      if !ok { return 1 }
    }
    return status
  }
}

/// `cat -n`: numbers continue across files; a line split between files keeps one number.
struct LineNumbering {
  var nonBlankOnly: Bool
  var numbers: Bool
  var showEnds: Bool
  private var next = 1
  private var atLineStart = true

  init(nonBlankOnly: Bool, numbers: Bool, showEnds: Bool) {
    self.nonBlankOnly = nonBlankOnly
    self.numbers = numbers
    self.showEnds = showEnds
  }

  mutating func decorate(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for b in bytes {
      if atLineStart && numbers {
        let blank = b == UInt8(ascii: "\n")
        if !(nonBlankOnly && blank) {
          let number = String(next)
          out.append(contentsOf: Array((String(repeating: " ", count: max(0, 6 - number.count)) + number + "\t").utf8))
          next += 1
        }
      }
      if b == UInt8(ascii: "\n") {
        if showEnds { out.append(UInt8(ascii: "$")) }
        atLineStart = true
      } else {
        atLineStart = false
      }
      out.append(b)
    }
    return out
  }
}
