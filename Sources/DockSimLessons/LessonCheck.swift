/// `docksim lesson --check`: the report for lessons played without a terminal.
public enum LessonCheck {
  /// A unified diff for each mismatching command and a line for each problem,
  /// then nothing else: the caller adds the summary.
  public static func report(_ run: LessonRun) -> String {
    var out = ""
    for result in run.mismatches { out += diff(result, path: run.lesson.path) }
    return out + problems(run)
  }

  /// One `path:line: message` line for each problem other than an output.
  public static func problems(_ run: LessonRun) -> String {
    run.problems.map { "\(run.lesson.path):\($0.line + 1): \($0.message)\n" }.joined()
  }

  /// The unified diff of one command: the file's version (`-`) against the simulator's (`+`).
  public static func diff(_ result: CommandResult, path: String) -> String {
    // Output that fits its elisions (`[..]`, `...`) is no difference: show it as the file has it.
    let shownOutput = OutputPattern.matches(expected: result.expected, actual: result.actual) ? result.expected : result.actual
    var expected = result.commandLines(prompt: result.filePrompt) + result.expected
    var actual = result.commandLines(prompt: result.prompt) + shownOutput
    if let status = result.expectedStatus {
      expected.append("? \(status)")
      actual.append("? \(result.status)")
    }
    let header = "--- \(path) (expected)\n+++ \(path) (docksim \(result.prompt.hasPrefix("$") ? "host" : "container"))\n"
    return header + LineDiff.unified(old: expected, new: actual, oldStart: result.line + 1, context: 3)
  }

  /// `3 lessons, 120 commands: 119 passed, 1 failed`.
  public static func summary(_ runs: [LessonRun]) -> String {
    let commands = runs.reduce(0) { $0 + $1.commands.count }
    let failedCommands = runs.reduce(0) { $0 + $1.mismatches.count }
    let problems = runs.reduce(0) { $0 + $1.problems.count }
    let failedLessons = runs.filter { !$0.passed }.count
    var text = "\(runs.count) lesson\(runs.count == 1 ? "" : "s"), \(commands) command\(commands == 1 ? "" : "s"): "
    text += "\(commands - failedCommands) passed, \(failedCommands) failed"
    if problems > 0 { text += ", \(problems) other problem\(problems == 1 ? "" : "s")" }
    text += failedLessons == 0 ? "" : " (in \(failedLessons) lesson\(failedLessons == 1 ? "" : "s"))"
    return text
  }
}

/// Line diffs in the unified format (`@@ -a,b +c,d @@`), from a longest common subsequence.
public enum LineDiff {
  enum Edit: Equatable {
    case same(String)
    case removed(String)
    case added(String)
  }

  static func edits(old: [String], new: [String]) -> [Edit] {
    // lcs[i][j]: length of the longest common subsequence of old[i...] and new[j...].
    var lcs = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
      for j in stride(from: new.count - 1, through: 0, by: -1) {
        lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var edits: [Edit] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count, j < new.count, old[i] == new[j] {
        edits.append(.same(old[i]))
        i += 1
        j += 1
      } else if i < old.count, j == new.count || lcs[i + 1][j] >= lcs[i][j + 1] {
        // Removals first, as diff(1) shows them.
        edits.append(.removed(old[i]))
        i += 1
      } else {
        edits.append(.added(new[j]))
        j += 1
      }
    }
    return edits
  }

  /// A unified diff of `old` against `new`; `oldStart` is the 1-based line number of
  /// `old[0]` in its file, so hunks point at the lesson's own lines. Empty when equal.
  public static func unified(old: [String], new: [String], oldStart: Int = 1, context: Int = 3) -> String {
    let all = edits(old: old, new: new)
    let changed = all.indices.filter { if case .same = all[$0] { false } else { true } }
    guard !changed.isEmpty else { return "" }
    // Group changes whose context overlaps into hunks.
    var hunks: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(index - context, 0)...min(index + context, all.count - 1)
      if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
        hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        hunks.append(range)
      }
    }
    var out = ""
    for hunk in hunks {
      let before = all[..<hunk.lowerBound]
      let oldLine = oldStart + before.filter { $0.isOld }.count
      let newLine = oldStart + before.filter { $0.isNew }.count
      let body = all[hunk]
      out += "@@ -\(oldLine),\(body.filter { $0.isOld }.count) +\(newLine),\(body.filter { $0.isNew }.count) @@\n"
      for edit in body {
        switch edit {
        case .same(let line): out += " \(line)\n"
        case .removed(let line): out += "-\(line)\n"
        case .added(let line): out += "+\(line)\n"
        }
      }
    }
    return out
  }
}

extension LineDiff.Edit {
  var isOld: Bool { if case .added = self { false } else { true } }
  var isNew: Bool { if case .removed = self { false } else { true } }
}
