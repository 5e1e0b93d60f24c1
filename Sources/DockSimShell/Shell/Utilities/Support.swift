import DockSimCore

/// Options as GNU getopt_long reads them: bundled short flags (`-la`), values
/// attached or separate (`-n5`, `-n 5`), long options (`--all`, `--lines=5`),
/// options after operands, and `--`.
struct ParsedOptions {
  /// Every option seen, by its key (the short letter, or the long name when it has none).
  var seen: [String] = []
  var values: [String: String] = [:]
  var operands: [String] = []

  func has(_ key: String) -> Bool { seen.contains(key) }
  /// The last of several keys given (`-1` after `-l` wins).
  func last(of keys: Set<String>) -> String? { seen.last { keys.contains($0) } }
}

struct OptionSpec {
  /// Short flags without a value, e.g. "alR1".
  var flags: String = ""
  /// Short options that take a value, e.g. "n".
  var valued: String = ""
  /// Long option names and the key they set ("all" → "a").
  var long: [String: String] = [:]
  /// Long options that take a value (by key).
  var longValued: Set<String> = []
  /// Exit status for a usage error (ls uses 2).
  var usageStatus: Int32 = 1
}

enum OptionParser {
  /// Parses `args`; on a usage error prints getopt's message and returns the status.
  static func parse(
    _ args: ArraySlice<String>, program: String, spec: OptionSpec, console: inout Console
  ) -> Result<ParsedOptions, UsageFailure> {
    var parsed = ParsedOptions()
    var queue = args
    func fail(_ message: String) -> Result<ParsedOptions, UsageFailure> {
      console.errorLine("\(program): \(message)")
      console.errorLine("Try '\(program) --help' for more information.")
      return .failure(UsageFailure(status: spec.usageStatus))
    }
    while let arg = queue.popFirst() {
      if arg == "--" {
        parsed.operands.append(contentsOf: queue)
        break
      }
      if arg.hasPrefix("--") {
        let body = arg.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let matches = spec.long.keys.filter { $0.hasPrefix(name) }
        let exact = spec.long[name] != nil ? [name] : matches
        guard exact.count == 1, let key = spec.long[exact[0]] else {
          if exact.count > 1 { return fail("option '\(arg)' is ambiguous") }
          return fail("unrecognized option '\(arg)'")
        }
        if spec.longValued.contains(key) {
          if let equals = body.firstIndex(of: "=") {
            parsed.values[key] = String(body[body.index(after: equals)...])
          } else if let value = queue.popFirst() {
            parsed.values[key] = value
          } else {
            return fail("option '--\(exact[0])' requires an argument")
          }
        } else if body.contains("=") {
          return fail("option '--\(exact[0])' doesn't allow an argument")
        }
        parsed.seen.append(key)
        continue
      }
      guard arg.hasPrefix("-"), arg.count > 1 else {
        parsed.operands.append(arg)
        continue
      }
      var letters = Substring(arg.dropFirst())
      while let letter = letters.popFirst() {
        let key = String(letter)
        if spec.valued.contains(letter) {
          if !letters.isEmpty {
            parsed.values[key] = String(letters)
          } else if let value = queue.popFirst() {
            parsed.values[key] = value
          } else {
            return fail("option requires an argument -- '\(letter)'")
          }
          parsed.seen.append(key)
          break
        }
        guard spec.flags.contains(letter) else { return fail("invalid option -- '\(letter)'") }
        parsed.seen.append(key)
      }
    }
    return .success(parsed)
  }
}

struct UsageFailure: Error {
  var status: Int32
}

/// What every utility does: name itself in messages, reach the place's files.
struct UtilityContext {
  let program: String

  func error(_ message: String, console: inout Console) {
    console.errorLine("\(program): \(message)")
  }

  /// `cat: /x: No such file or directory`.
  func error(_ path: String, _ errno: FSError, console: inout Console) {
    console.errorLine("\(program): \(path): \(errno)")
  }

  /// `'name'` as GNU quotes a file name in messages (shell-escaped when needed).
  static func quote(_ name: String) -> String {
    let safe = name.unicodeScalars.allSatisfy { c in
      c.isASCIILetter || c.isASCIIDigit || "/._-+,:@%^=".unicodeScalars.contains(c) || c.value > 127
    }
    if safe && !name.isEmpty { return "'\(name)'" }
    if !name.contains("'") { return "'\(name)'" }
    if !name.contains("\"") && !name.contains("$") && !name.contains("`") && !name.contains("\\") {
      return "\"\(name)\""
    }
    return "'" + name.replacingAll("'", with: "'\\''") + "'"
  }
}

extension String {
  package func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = Substring(self)
    while let range = rest.range(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}

extension Substring {
  func range(of target: String) -> Range<Substring.Index>? {
    guard !target.isEmpty else { return nil }
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(target) {
        return index..<self.index(index, offsetBy: target.count)
      }
      index = self.index(after: index)
    }
    return nil
  }
}

/// Output that stops at `OutputLimit.bytes` with a clear message instead of filling memory.
struct LimitedOutput {
  let program: String
  private(set) var written = 0
  private(set) var stopped = false

  init(program: String) { self.program = program }

  /// Writes what fits; false once the limit is reached (the caller stops).
  mutating func write(_ bytes: [UInt8], console: inout Console) -> Bool {
    guard !stopped else { return false }
    let room = OutputLimit.bytes - written
    if bytes.count <= room {
      console.write(bytes: bytes)
      written += bytes.count
      return true
    }
    console.write(bytes: Array(bytes.prefix(room)))
    written = OutputLimit.bytes
    stopped = true
    console.errorLine(OutputLimit.message(program))
    return false
  }

  /// Writes a file's content in chunks, never holding more than the limit.
  mutating func write(_ content: FileData, console: inout Console) -> Bool {
    let chunk = 1 << 20
    var offset = 0
    while offset < content.size {
      guard write(content.bytes(in: offset..<(offset + chunk)), console: &console) else { return false }
      offset += chunk
    }
    return true
  }
}

extension Session {
  /// Reads an operand for a utility: `-` is standard input; `/dev/null` and
  /// `/dev/zero` are the devices whatever the tree holds.
  mutating func readOperand(_ operand: String, stdin: [UInt8]) throws(FSError) -> FileData {
    if operand == "-" {
      recordStdinRead(.all)
      return FileData(stdin)
    }
    if operand == "/dev/null" { return FileData() }
    if operand == "/dev/zero" {
      // Literal bytes, not a run of zeros: copying them out is a memcpy, not a 16 MiB loop.
      return FileData([UInt8](repeating: 0, count: OutputLimit.bytes + 1))
    }
    let path = absolutePath(operand)
    return try withFilesystem { fs throws(FSError) in try fs.readFile(path) }
  }
}
