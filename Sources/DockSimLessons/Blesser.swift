/// `docksim lesson --bless`: writes what the simulator printed into the lesson.
///
/// Like testscript's update mode it touches only the expected parts: the output lines
/// of commands that did not match, their `? N` lines, and a container prompt whose ID
/// or directory changed. Every other byte (the prose, the commands, other fences, the
/// outputs that still match, elisions included) stays as it was.
public enum Blesser {
  /// The lesson's text with the outputs of `run` written in.
  public static func blessedText(_ run: LessonRun) -> String {
    var lines = run.lesson.lines
    // From the bottom up, so that earlier line indices stay valid.
    for result in run.commands.reversed() where !result.matches {
      if let statusLine = result.statusLine, result.expectedStatus != result.status {
        lines[statusLine] = "? \(result.status)"
      }
      if !OutputPattern.matches(expected: result.expected, actual: result.actual) {
        lines.replaceSubrange(result.expectedRange, with: result.actual)
      }
      if result.filePrompt != result.prompt {
        lines[result.line] = result.prompt + lines[result.line].dropFirst(result.filePrompt.count)
      }
    }
    return lines.joined(separator: run.lesson.lineEnding)
  }
}
