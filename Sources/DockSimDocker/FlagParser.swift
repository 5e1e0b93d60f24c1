import DockSimCore
import DockSimShell

/// Parses a command's words the way spf13/pflag does, with docker's flag set.
struct FlagParser {
  /// Why parsing failed, worded exactly as pflag words it.
  struct Failure: Error, Equatable {
    var message: String
  }

  /// The flags and positionals found.
  struct Result {
    var values: [String: [String]] = [:]
    var positionals: [String] = []
  }

  let flags: [DockerFlag]
  let interspersed: Bool

  func parse(_ words: [String]) -> Swift.Result<Result, Failure> {
    var result = Result()
    var rest = words[...]
    while let word = rest.popFirst() {
      if word == "--" {
        result.positionals += rest
        break
      }
      guard word.hasPrefix("-"), word.count > 1 else {
        result.positionals.append(word)
        if !interspersed {
          result.positionals += rest
          break
        }
        continue
      }
      let outcome =
        word.hasPrefix("--")
        ? parseLong(String(word.dropFirst(2)), rest: &rest, into: &result)
        : parseShorts(word, rest: &rest, into: &result)
      if let failure = outcome { return .failure(failure) }
    }
    return .success(result)
  }

  /// `--name`, `--name=value`, `--name value`.
  private func parseLong(_ text: String, rest: inout ArraySlice<String>, into result: inout Result) -> Failure? {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("=") else {
      return Failure(message: "bad flag syntax: --\(text)")
    }
    guard let flag = flags.first(where: { $0.long == name }) else {
      return Failure(message: "unknown flag: --\(name)")
    }
    var value: String
    if parts.count == 2 {
      value = String(parts[1])
    } else if flag.kind == .bool {
      value = "true"
    } else if let next = rest.popFirst() {
      value = next
    } else {
      return Failure(message: "flag needs an argument: --\(name)")
    }
    return set(flag, value, into: &result)
  }

  /// `-a`, `-it`, `-n3`, `-n 3`, `-n=3`: pflag reads the letters one by one.
  private func parseShorts(_ word: String, rest: inout ArraySlice<String>, into result: inout Result) -> Failure? {
    var letters = Substring(word.dropFirst())
    while let letter = letters.first {
      guard let flag = flags.first(where: { $0.short == letter }) else {
        return Failure(message: "unknown shorthand flag: '\(letter)' in -\(letters)")
      }
      let after = letters.dropFirst()
      var value: String
      if after.first == "=", after.count > 1 {
        value = String(after.dropFirst())
        letters = ""
      } else if flag.kind == .bool {
        value = "true"
        letters = after
      } else if !after.isEmpty {
        value = String(after)
        letters = ""
      } else if let next = rest.popFirst() {
        value = next
        letters = ""
      } else {
        return Failure(message: "flag needs an argument: '\(letter)' in -\(letter)")
      }
      if let failure = set(flag, value, into: &result) { return failure }
    }
    return nil
  }

  /// Checks the value as pflag's typed `Set` does, then records it.
  private func set(_ flag: DockerFlag, _ value: String, into result: inout Result) -> Failure? {
    var stored = value
    switch flag.kind {
    case .bool:
      guard let parsed = GoStrconv.parseBool(value) else {
        return invalid(flag, value, "strconv.ParseBool: parsing \(GoQuote.quote(value)): invalid syntax")
      }
      stored = parsed ? "true" : "false"
    case .int:
      switch GoStrconv.parseInt(value) {
      case .success(let number): stored = String(number)
      case .failure(let error):
        return invalid(flag, value, "strconv.ParseInt: parsing \(GoQuote.quote(value)): \(error.rawValue)")
      }
    case .duration:
      do {
        stored = String(try GoDurationText.parse(value))
      } catch {
        return invalid(flag, value, error.message)
      }
    case .string, .list:
      break
    }
    result.values[flag.long, default: []].append(stored)
    return nil
  }

  private func invalid(_ flag: DockerFlag, _ value: String, _ reason: String) -> Failure {
    Failure(message: "invalid argument \(GoQuote.quote(value)) for \"\(flag.errorName)\" flag: \(reason)")
  }
}

/// The parts of Go's strconv whose error texts docker prints.
enum GoStrconv {
  enum NumberError: String, Error {
    case syntax = "invalid syntax"
    case range = "value out of range"
  }

  /// `strconv.ParseBool`.
  static func parseBool(_ text: String) -> Bool? {
    switch text {
    case "1", "t", "T", "TRUE", "true", "True": true
    case "0", "f", "F", "FALSE", "false", "False": false
    default: nil
    }
  }

  /// `strconv.ParseInt(text, 0, 64)`: an optional sign, then a `0x`, `0o`, `0b`
  /// or `0` (octal) prefix, or decimal; underscores between digits when prefixed.
  static func parseInt(_ text: String) -> Result<Int64, NumberError> {
    var digits = Substring(text)
    var negative = false
    if let sign = digits.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      digits = digits.dropFirst()
    }
    var base: UInt64 = 10
    var prefixed = false
    let lower = digits.lowercased()
    if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
      base = lower.hasPrefix("0x") ? 16 : lower.hasPrefix("0o") ? 8 : 2
      digits = digits.dropFirst(2)
      prefixed = true
    } else if digits.count > 1, digits.first == "0" {
      base = 8
      digits = digits.dropFirst()
      prefixed = true
    }
    guard let magnitude = parseDigits(digits, base: base, underscores: prefixed) else { return .failure(.syntax) }
    guard let value = magnitude else { return .failure(.range) }
    if negative {
      guard value <= UInt64(Int64.max) + 1 else { return .failure(.range) }
      return .success(value == UInt64(Int64.max) + 1 ? Int64.min : -Int64(value))
    }
    guard value <= UInt64(Int64.max) else { return .failure(.range) }
    return .success(Int64(value))
  }

  /// nil: a syntax error; `.some(nil)`: too big for 64 bits.
  private static func parseDigits(_ digits: Substring, base: UInt64, underscores: Bool) -> UInt64?? {
    guard !digits.isEmpty else { return nil }
    // Go: an underscore must separate digits, and the base prefix counts as one.
    if underscores, digits.last == "_" || digits.contains("__") { return nil }
    var value: UInt64 = 0
    var overflow = false
    for character in digits {
      if character == "_", underscores { continue }
      guard let digit = character.hexDigitValue, UInt64(digit) < base else { return nil }
      let (times, o1) = value.multipliedReportingOverflow(by: base)
      let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
      overflow = overflow || o1 || o2
      value = sum
    }
    return overflow ? .some(nil) : .some(value)
  }

}
