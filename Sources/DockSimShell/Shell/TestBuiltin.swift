import DockSimCore

/// `test EXPR` and `[ EXPR ]` as bash and dash evaluate them (POSIX's rules by
/// argument count, then `!`, `-a`, `-o` and parentheses), with each shell's messages.
struct TestBuiltin {
  let name: String
  let dash: Bool
  let prefix: String

  /// 0 true, 1 false, 2 an error (already reported).
  func run(_ argv: [String], session: inout Session, console: inout Console) -> Int32 {
    var arguments = Array(argv.dropFirst())
    if name == "[" {
      guard arguments.last == "]" else {
        console.errorLine(prefix + (dash ? "[: missing ]" : "[: missing `]'"))
        return 2
      }
      arguments.removeLast()
    }
    var evaluation = Evaluation(arguments: arguments, session: session, tool: self)
    do throws(TestError) {
      let result = try evaluation.evaluate()
      return result ? 0 : 1
    } catch {
      console.errorLine(prefix + "\(name): " + error.message(dash: dash))
      return 2
    }
  }

  enum TestError: Error {
    case integerExpected(String)
    case unaryExpected(String)
    case binaryExpected(String)
    case tooManyArguments(String)
    case missingArgument
    case closingParenthesis

    func message(dash: Bool) -> String {
      switch self {
      case .integerExpected(let text): return dash ? "Illegal number: \(text)" : "\(text): integer expression expected"
      case .unaryExpected(let op): return dash ? "\(op): unexpected operator" : "\(op): unary operator expected"
      case .binaryExpected(let op): return dash ? "\(op): unexpected operator" : "\(op): binary operator expected"
      case .tooManyArguments(let op): return dash ? "\(op): unexpected operator" : "too many arguments"
      case .missingArgument: return dash ? "argument expected" : "argument expected"
      case .closingParenthesis: return dash ? "closing paren expected" : "`)' expected"
      }
    }
  }

  static let unary: Set<String> = [
    "-e", "-f", "-d", "-L", "-h", "-s", "-r", "-w", "-x", "-n", "-z", "-b", "-c", "-p", "-S", "-g", "-u", "-k", "-t",
    "-O", "-G",
  ]
  static let binary: Set<String> = [
    "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef",
  ]

  private struct Evaluation {
    let arguments: [String]
    var position = 0
    var session: Session
    let tool: TestBuiltin

    init(arguments: [String], session: Session, tool: TestBuiltin) {
      self.arguments = arguments
      self.session = session
      self.tool = tool
    }

    mutating func evaluate() throws(TestError) -> Bool {
      let a = arguments
      switch a.count {
      case 0: return false
      case 1: return !a[0].isEmpty
      case 2:
        if a[0] == "!" { return a[1].isEmpty }
        guard TestBuiltin.unary.contains(a[0]) else { throw .unaryExpected(a[0]) }
        return try unary(a[0], a[1])
      case 3:
        if TestBuiltin.binary.contains(a[1]) { return try binary(a[0], a[1], a[2]) }
        if a[1] == "-a" { return !a[0].isEmpty && !a[2].isEmpty }
        if a[1] == "-o" { return !a[0].isEmpty || !a[2].isEmpty }
        if a[0] == "!" {
          var inner = Evaluation(arguments: Array(a.dropFirst()), session: session, tool: tool)
          return try !inner.evaluate()
        }
        if a[0] == "(" && a[2] == ")" { return !a[1].isEmpty }
        throw .binaryExpected(a[1])
      default:
        let result = try orExpression()
        guard position == arguments.count else { throw .tooManyArguments(arguments[position]) }
        return result
      }
    }

    private var current: String? { position < arguments.count ? arguments[position] : nil }

    private mutating func orExpression() throws(TestError) -> Bool {
      var result = try andExpression()
      while current == "-o" {
        position += 1
        let right = try andExpression()
        result = result || right
      }
      return result
    }

    private mutating func andExpression() throws(TestError) -> Bool {
      var result = try notExpression()
      while current == "-a" {
        position += 1
        let right = try notExpression()
        result = result && right
      }
      return result
    }

    private mutating func notExpression() throws(TestError) -> Bool {
      if current == "!" {
        position += 1
        return try !notExpression()
      }
      return try primary()
    }

    private mutating func primary() throws(TestError) -> Bool {
      guard let first = current else { throw .missingArgument }
      if first == "(" {
        position += 1
        let result = try orExpression()
        guard current == ")" else { throw .closingParenthesis }
        position += 1
        return result
      }
      if position + 2 < arguments.count + 0, TestBuiltin.binary.contains(arguments[position + 1]) {
        defer { position += 3 }
        return try binary(first, arguments[position + 1], arguments[position + 2])
      }
      if TestBuiltin.unary.contains(first), position + 1 < arguments.count {
        defer { position += 2 }
        return try unary(first, arguments[position + 1])
      }
      position += 1
      return !first.isEmpty
    }

    private mutating func unary(_ op: String, _ operand: String) throws(TestError) -> Bool {
      switch op {
      case "-n": return !operand.isEmpty
      case "-z": return operand.isEmpty
      case "-t": return false
      default: break
      }
      let path = session.absolutePath(operand)
      var fs = session.filesystem
      let follow = op != "-L" && op != "-h"
      guard !operand.isEmpty, let stat = try? (follow ? fs.stat(path) : fs.lstat(path)) else { return false }
      let user = session.currentUser
      switch op {
      case "-e": return true
      case "-f": return stat.kind == .regular
      case "-d": return stat.kind == .directory
      case "-L", "-h": return stat.kind == .symlink
      case "-s": return stat.size > 0
      case "-r": return permitted(stat, bit: 4, uid: user.uid)
      case "-w": return permitted(stat, bit: 2, uid: user.uid)
      case "-x": return user.uid == 0 ? (stat.kind == .directory || stat.mode & 0o111 != 0) : permitted(stat, bit: 1, uid: user.uid)
      case "-u": return stat.mode & 0o4000 != 0
      case "-g": return stat.mode & 0o2000 != 0
      case "-k": return stat.mode & 0o1000 != 0
      case "-O": return stat.metadata.uid == user.uid
      case "-G": return stat.metadata.gid == user.gid
      default: return false
      }
    }

    private func permitted(_ stat: FileStat, bit: UInt32, uid: UInt32) -> Bool {
      if uid == 0 { return true }
      if stat.metadata.uid == uid { return stat.mode & (bit << 6) != 0 }
      return stat.mode & bit != 0
    }

    private mutating func binary(_ left: String, _ op: String, _ right: String) throws(TestError) -> Bool {
      switch op {
      case "=", "==": return left == right
      case "!=": return left != right
      case "<": return Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
      case ">": return Array(right.utf8).lexicographicallyPrecedes(Array(left.utf8))
      case "-nt", "-ot", "-ef":
        var fs = session.filesystem
        let a = try? fs.stat(session.absolutePath(left))
        let b = try? fs.stat(session.absolutePath(right))
        switch op {
        case "-nt": return a != nil && (b == nil || b!.mtime < a!.mtime)
        case "-ot": return b != nil && (a == nil || a!.mtime < b!.mtime)
        default: return a != nil && b != nil && a!.inode == b!.inode
        }
      default:
        let x = try integer(left)
        let y = try integer(right)
        switch op {
        case "-eq": return x == y
        case "-ne": return x != y
        case "-lt": return x < y
        case "-le": return x <= y
        case "-gt": return x > y
        default: return x >= y
        }
      }
    }

    private func integer(_ text: String) throws(TestError) -> Int64 {
      let trimmed = tool.dash ? Substring(text) : text.drop { $0 == " " || $0 == "\t" }
      guard let value = Int64(trimmed) else { throw .integerExpected(text) }
      return value
    }
  }
}
