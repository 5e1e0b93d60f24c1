import DockSimCore

/// An interactive shell in a container saves the lines typed in it when it exits,
/// as real shells do: `docker run -it ubuntu bash`, a few commands, `exit`, and
/// `docker diff` shows `C /root` and `A /root/.bash_history`.
///
/// * bash (readline history): `$HISTFILE`, by default `$HOME/.bash_history`, created
///   0600 and appended to, only when lines were entered; `HISTCONTROL` (from the
///   environment or the image's `~/.bashrc`, which an interactive bash reads) drops
///   lines starting with a space (`ignorespace`) and repeats (`ignoredups`;
///   `ignoreboth` is both). Blank lines are never saved.
/// * busybox ash (alpine, busybox): `$HOME/.ash_history`, 0600, appended, a line equal
///   to the one before it not saved again.
/// * dash (`sh` in Debian and Ubuntu) keeps no history file.
///
/// The program is the frame's `shellProgram`, found through PATH and its symlinks:
/// `/bin/sh` is bash, dash or busybox depending on the image.
extension Session {
  mutating func saveShellHistory() {
    let frame = currentShell
    guard let program = frame.shellProgram, !frame.typedLines.isEmpty, case .container = frame.place,
      let kind = shellKind(of: program)
    else { return }
    let home = frame.environment["HOME"] ?? "/root"
    let file: String
    var lines: [String] = []
    for text in frame.typedLines {
      for line in text.split(separator: "\n") where !line.allSatisfy({ $0 == " " || $0 == "\t" }) {
        lines.append(String(line))
      }
    }
    switch kind {
    case .bash:
      file = frame.environment["HISTFILE"] ?? ShellHistoryPath.join(home, ".bash_history")
      lines = bashFiltered(lines, control: histControl(home: home))
    case .ash:
      file = ShellHistoryPath.join(home, ".ash_history")
      lines = withoutRepeats(lines)
    case .dash:
      return
    }
    guard !lines.isEmpty, !file.isEmpty else { return }
    let text = lines.map { $0 + "\n" }.joined()
    let now = engine.clock.now
    try? withFilesystem { (fs: inout ContainerFS) throws(FSError) in
      try fs.writeFile(file, FileData(text), append: true, mode: 0o600, at: now)
    }
  }

  /// What the shell program really is, after PATH and symlinks (`sh` -> `dash`), in the
  /// current frame's container; nil for a program that is no shell.
  package func shellKind(of program: String) -> ShellKind? {
    guard let path = SystemTools.executablePath(program, in: self) else { return nil }
    var fs = filesystem
    let real = (try? fs.stat(path))?.path ?? path
    switch PathText.basename(real) {
    case "bash": return .bash
    case "dash": return .dash
    case "busybox": return .ash
    default: return nil
    }
  }

  /// `HISTCONTROL` from the environment, else the last assignment in `~/.bashrc`.
  private func histControl(home: String) -> String {
    if let value = currentShell.environment["HISTCONTROL"] { return value }
    var fs = filesystem
    guard let data = try? fs.readFile(ShellHistoryPath.join(home, ".bashrc")) else { return "" }
    let text = String(decoding: data.bytes(in: 0..<min(data.size, 1 << 20)), as: UTF8.self)
    var value = ""
    for line in text.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("HISTCONTROL=") { value = String(trimmed.dropFirst("HISTCONTROL=".count)) }
    }
    return value
  }

  private func bashFiltered(_ lines: [String], control: String) -> [String] {
    let options = Set(control.split(separator: ":").map(String.init))
    let ignoreSpace = options.contains("ignorespace") || options.contains("ignoreboth")
    let ignoreDups = options.contains("ignoredups") || options.contains("ignoreboth")
    var kept: [String] = []
    for line in lines {
      if ignoreSpace, line.first == " " || line.first == "\t" { continue }
      if ignoreDups, kept.last == line { continue }
      kept.append(line)
    }
    return kept
  }

  private func withoutRepeats(_ lines: [String]) -> [String] {
    var kept: [String] = []
    for line in lines where kept.last != line { kept.append(line) }
    return kept
  }
}

enum ShellHistoryPath {
  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
