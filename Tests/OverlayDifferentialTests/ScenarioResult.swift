/// What one side observed for one scenario, in the form both sides are compared in
/// and the kernel's golden record is stored in.
struct ScenarioResult: Sendable, Equatable {
  struct Outcome: Sendable, Equatable {
    var command: String
    var status: Int32
    var stdout: String
    /// nil where nothing real printed it (DirectShell): then it is not compared.
    var stderr: String? = nil
  }

  var outcomes: [Outcome] = []
  /// The container's merged view.
  var merged: [String: [String: String]] = [:]
  /// The writable layer: copied-up and new entries, whiteouts, opaque markers.
  var upper: [String: [String: String]] = [:]
  /// `docker diff`, as a set of lines like `C /etc`.
  var diff: Set<String> = []

  init() {}

  init(outcomes: [Outcome], merged: Tree, upper: Tree, diff: [String]) {
    self.outcomes = outcomes
    self.merged = merged.facts().mapValues(Self.dictionary)
    self.upper = upper.facts().mapValues(Self.dictionary)
    self.diff = Set(diff)
  }

  private static func dictionary(_ facts: Facts) -> [String: String] {
    Dictionary(facts.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
  }
}

// MARK: - Text form (the golden record)

/// ```
/// $ echo x >> /etc/motd
/// ? 0
/// | a line of standard output
/// == merged
/// /etc kind=dir mode=0755
/// == upper
/// ...
/// == diff
/// C /etc
/// ```
extension ScenarioResult {
  static let fieldOrder = ["kind", "mode", "size", "nlink", "mtime", "target", "opaque", "links", "data"]

  var text: String {
    var lines: [String] = []
    for outcome in outcomes {
      lines.append("$ \(outcome.command)")
      lines.append("? \(outcome.status)")
      for line in outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        lines.append(line.isEmpty ? "|" : "| \(line)")
      }
      if !outcome.stdout.isEmpty && !outcome.stdout.hasSuffix("\n") {
        lines.append("|\\ \(outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).last!)")
      }
      for line in (outcome.stderr ?? "").split(separator: "\n") { lines.append("! \(line)") }
    }
    lines.append("== merged")
    lines += Self.render(merged)
    lines.append("== upper")
    lines += Self.render(upper)
    lines.append("== diff")
    lines += diff.sorted { $0.dropFirst(2) < $1.dropFirst(2) }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func render(_ section: [String: [String: String]]) -> [String] {
    section.keys.sorted().map { path in
      let fields = section[path]!
      let known = fieldOrder.compactMap { key in fields[key].map { "\(key)=\($0)" } }
      let extra = fields.keys.filter { !fieldOrder.contains($0) }.sorted().map { "\($0)=\(fields[$0]!)" }
      return ([path] + known + extra).joined(separator: " ")
    }
  }

  /// Parses `text`; nil when it is not in that form.
  init?(text: String) {
    self.init()
    var section = ""
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      if line.isEmpty { continue }
      if line.hasPrefix("== ") {
        section = String(line.dropFirst(3))
      } else if section.isEmpty {
        guard parseOutcomeLine(line) else { return nil }
      } else if section == "diff" {
        diff.insert(line)
      } else {
        guard let (path, fields) = Self.parseEntry(line) else { return nil }
        if section == "merged" { merged[path] = fields } else { upper[path] = fields }
      }
    }
  }

  private mutating func parseOutcomeLine(_ line: String) -> Bool {
    if line.hasPrefix("$ ") {
      outcomes.append(Outcome(command: String(line.dropFirst(2)), status: 0, stdout: "", stderr: ""))
    } else if line.hasPrefix("? "), let status = Int32(line.dropFirst(2)), !outcomes.isEmpty {
      outcomes[outcomes.count - 1].status = status
    } else if line.hasPrefix("! "), !outcomes.isEmpty {
      outcomes[outcomes.count - 1].stderr = (outcomes[outcomes.count - 1].stderr ?? "") + line.dropFirst(2) + "\n"
    } else if line.hasPrefix("|\\ "), !outcomes.isEmpty {
      outcomes[outcomes.count - 1].stdout += line.dropFirst(3)
    } else if line.hasPrefix("| ") || line == "|", !outcomes.isEmpty {
      outcomes[outcomes.count - 1].stdout += line.dropFirst(2) + "\n"
    } else {
      return false
    }
    return true
  }

  /// `PATH key=value key="quoted value"`.
  static func parseEntry(_ line: String) -> (String, [String: String])? {
    guard let space = line.firstIndex(of: " ") else { return nil }
    let path = String(line[..<space])
    var fields: [String: String] = [:]
    var rest = line[line.index(after: space)...]
    while !rest.isEmpty {
      guard let equals = rest.firstIndex(of: "=") else { return nil }
      let key = String(rest[..<equals])
      rest = rest[rest.index(after: equals)...]
      let value: Substring
      if rest.first == "\"" {
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex, rest[index] != "\"" {
          if rest[index] == "\\" { index = rest.index(after: index) }
          index = rest.index(after: index)
        }
        guard index < rest.endIndex else { return nil }
        value = rest[...index]
        rest = rest[rest.index(after: index)...]
      } else {
        let end = rest.firstIndex(of: " ") ?? rest.endIndex
        value = rest[..<end]
        rest = rest[end...]
      }
      fields[key] = String(value)
      rest = rest.drop { $0 == " " }
    }
    return (path, fields)
  }
}

// MARK: - Comparison

/// One difference between the kernel's result and docksim's.
struct Mismatch: Sendable, CustomStringConvertible {
  var scenario: String
  /// `op 2`, `merged`, `upper` or `diff`.
  var section: String
  var path: String
  var field: String
  var kernel: String
  var docksim: String
  /// What the two sides are called in the description.
  var sides = ("kernel", "docksim")

  var description: String {
    "\(scenario) \(section) \(path) \(field): \(sides.0) \(kernel) | \(sides.1) \(docksim)"
  }
}

extension ScenarioResult {
  /// Every way `other` (docksim) differs from `self` (the kernel).
  func mismatches(against other: ScenarioResult, scenario: String, sides: (String, String) = ("kernel", "docksim"))
    -> [Mismatch]
  {
    found(against: other, scenario: scenario).map { mismatch in
      var relabelled = mismatch
      relabelled.sides = sides
      return relabelled
    }
  }

  private func found(against other: ScenarioResult, scenario: String) -> [Mismatch] {
    var found: [Mismatch] = []
    for index in 0..<max(outcomes.count, other.outcomes.count) {
      let kernel = index < outcomes.count ? outcomes[index] : nil
      let docksim = index < other.outcomes.count ? other.outcomes[index] : nil
      let label = kernel?.command ?? docksim?.command ?? ""
      let section = "op \(index + 1)"
      if kernel?.status != docksim?.status {
        found.append(
          Mismatch(
            scenario: scenario, section: section, path: label, field: "status",
            kernel: kernel.map { String($0.status) } ?? "-", docksim: docksim.map { String($0.status) } ?? "-"))
      }
      if let expected = kernel?.stderr, let actual = docksim?.stderr, expected != actual {
        found.append(
          Mismatch(
            scenario: scenario, section: section, path: label, field: "stderr",
            kernel: quoted(Array(expected.utf8)), docksim: quoted(Array(actual.utf8))))
      }
      if kernel?.stdout != docksim?.stdout {
        found.append(
          Mismatch(
            scenario: scenario, section: section, path: label, field: "stdout",
            kernel: quoted(Array((kernel?.stdout ?? "").utf8)), docksim: quoted(Array((docksim?.stdout ?? "").utf8))))
      }
    }
    found += Self.compare(merged, other.merged, section: "merged", scenario: scenario)
    found += Self.compare(upper, other.upper, section: "upper", scenario: scenario)
    for line in diff.subtracting(other.diff).sorted() {
      found.append(Mismatch(scenario: scenario, section: "diff", path: line, field: "line", kernel: "has it", docksim: "missing"))
    }
    for line in other.diff.subtracting(diff).sorted() {
      found.append(Mismatch(scenario: scenario, section: "diff", path: line, field: "line", kernel: "missing", docksim: "has it"))
    }
    return found
  }

  private static func compare(
    _ kernel: [String: [String: String]], _ docksim: [String: [String: String]], section: String, scenario: String
  ) -> [Mismatch] {
    var found: [Mismatch] = []
    for path in Set(kernel.keys).union(docksim.keys).sorted() {
      guard let k = kernel[path], let d = docksim[path] else {
        found.append(
          Mismatch(
            scenario: scenario, section: section, path: path, field: "exists",
            kernel: kernel[path] == nil ? "no" : "yes", docksim: docksim[path] == nil ? "no" : "yes"))
        continue
      }
      for key in Set(k.keys).union(d.keys).sorted() where k[key] != d[key] {
        found.append(
          Mismatch(
            scenario: scenario, section: section, path: path, field: key, kernel: k[key] ?? "-", docksim: d[key] ?? "-"))
      }
    }
    return found
  }
}
