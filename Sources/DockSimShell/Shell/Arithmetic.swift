/// `$(( ))`: signed 64-bit integers, `+ - * / %`, unary minus, parentheses and
/// variable names (unset or non-numeric variables count as 0, as in bash).
struct Arithmetic {
  /// A failure carries bash's message and dash's (`division by zero: "1/0"`).
  enum Outcome { case success(Int64), failure(String, dash: String) }
  private struct Failure: Error {
    var message: String
    var dash: String
  }

  let text: String
  let variables: [String: String]
  private var scalars: [Unicode.Scalar] = []
  private var index = 0

  init(text: String, variables: [String: String]) {
    self.text = text
    self.variables = variables
  }

  mutating func evaluate() -> Outcome {
    scalars = Array(text.unicodeScalars)
    index = 0
    do throws(Failure) {
      skipSpaces()
      if index == scalars.count { return .success(0) }
      let value = try sum()
      skipSpaces()
      guard index == scalars.count else { throw syntax("syntax error in expression") }
      return .success(value)
    } catch {
      return .failure(error.message, dash: error.dash)
    }
  }

  private func syntax(_ what: String) -> Failure {
    // bash drops the blanks before the expression and the token, not after them.
    let token = String(String.UnicodeScalarView(scalars[min(index, scalars.count)...])).droppingLeadingSpaces()
    let dash: String
    switch what {
    case "division by 0": dash = "division by zero"
    case "syntax error in expression": dash = "expecting EOF"
    default: dash = "expecting primary"
    }
    return Failure(
      message: "\(text.droppingLeadingSpaces()): \(what) (error token is \"\(token)\")", dash: "\(dash): \"\(text)\"")
  }

  private mutating func sum() throws(Failure) -> Int64 {
    var value = try product()
    while true {
      skipSpaces()
      guard index < scalars.count, scalars[index] == "+" || scalars[index] == "-" else { return value }
      let op = scalars[index]
      index += 1
      let rhs = try product()
      value = op == "+" ? value &+ rhs : value &- rhs
    }
  }

  private mutating func product() throws(Failure) -> Int64 {
    var value = try unary()
    while true {
      skipSpaces()
      guard index < scalars.count, "*/%".unicodeScalars.contains(scalars[index]) else { return value }
      let op = scalars[index]
      index += 1
      let rhsStart = index
      let rhs = try unary()
      if op == "*" {
        value = value &* rhs
      } else {
        guard rhs != 0 else {
          index = rhsStart
          skipSpaces()
          throw syntax("division by 0")
        }
        value = op == "/" ? value.dividedReportingOverflow(by: rhs).partialValue
          : value.remainderReportingOverflow(dividingBy: rhs).partialValue
      }
    }
  }

  private mutating func unary() throws(Failure) -> Int64 {
    skipSpaces()
    guard index < scalars.count else { throw syntax("syntax error: operand expected") }
    let c = scalars[index]
    if c == "-" || c == "+" {
      index += 1
      let value = try unary()
      return c == "-" ? 0 &- value : value
    }
    if c == "(" {
      index += 1
      let value = try sum()
      skipSpaces()
      guard index < scalars.count, scalars[index] == ")" else { throw syntax("syntax error: `)' expected") }
      index += 1
      return value
    }
    if c.isASCIIDigit {
      var digits = ""
      while index < scalars.count, scalars[index].isASCIIDigit {
        digits.unicodeScalars.append(scalars[index])
        index += 1
      }
      return Int64(digits) ?? Int64.max
    }
    if c == "_" || c.isASCIILetter {
      var name = ""
      while index < scalars.count, scalars[index] == "_" || scalars[index].isASCIILetter || scalars[index].isASCIIDigit {
        name.unicodeScalars.append(scalars[index])
        index += 1
      }
      return Int64(variables[name]?.trimmingSpaces() ?? "") ?? 0
    }
    throw syntax("syntax error: operand expected")
  }

  private mutating func skipSpaces() {
    while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" { index += 1 }
  }
}

extension String {
  func droppingLeadingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" || $0 == "\n" })
  }

  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
    return String(s)
  }
}
