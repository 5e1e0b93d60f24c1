import DockSimCore

/// What the word before the cursor can become, for Tab.
public struct Completions: Sendable, Hashable {
  public struct Candidate: Sendable, Hashable {
    /// The whole word after completion: `images`, `/etc/`, `ubuntu:18.04`.
    public var text: String
    /// What a listing of candidates shows: `images`, `etc/` (a path's last part).
    public var display: String
    /// False after a directory's `/`, so the user can go on typing the path.
    public var appendsSpace: Bool

    public init(_ text: String, display: String? = nil, appendsSpace: Bool = true) {
      self.text = text
      self.display = display ?? text
      self.appendsSpace = appendsSpace
    }
  }

  /// The partial word being completed (every candidate starts with it).
  public var word: String
  public var candidates: [Candidate]

  public init(word: String, candidates: [Candidate]) {
    self.word = word
    self.candidates = candidates
  }
}

extension Session {
  /// Completions for `text`, the line up to the cursor: command names in command
  /// position, what a program offers after its name (docker's subcommands, flags and
  /// operands: DockerCompletion), paths elsewhere.
  public func completions(before text: String) -> Completions {
    let command = CompletionLine(text)
    let names: [String]
    if command.words.isEmpty && !command.current.contains("/") {
      names = commandNames()
    } else if let name = command.words.first, let program = programs.host[name] ?? programs.everywhere[name],
      let offered = program.completions(after: Array(command.words.dropFirst()), current: command.current, session: self)
    {
      names = offered
    } else {
      return pathCompletions(command.current)
    }
    let matching = Set(names.filter { $0.hasPrefix(command.current) }).sorted()
    return Completions(word: command.current, candidates: matching.map { Completions.Candidate($0) })
  }

  /// The programs and builtins the current shell can run.
  func commandNames() -> [String] {
    var names = Array(programs.utilities.keys) + Array(Builtins.names)
    if case .host = currentShell.place { names += Array(programs.host.keys) + Array(programs.everywhere.keys) }
    return names
  }

  /// Files in the current place (the host's home or the container's merged view)
  /// whose path starts with `word`; directories end in `/` and take no space.
  func pathCompletions(_ word: String) -> Completions {
    let slash = word.lastIndex(of: "/")
    let directoryPart = slash.map { String(word[...$0]) } ?? ""
    let namePrefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
    let directory = absolutePath(expandingTilde(directoryPart.isEmpty ? "." : directoryPart))
    var fs = filesystem
    guard let entries = try? fs.readdir(directory) else { return Completions(word: word, candidates: []) }
    let candidates = entries.sorted { $0.name < $1.name }.filter { entry in
      let name = entry.name
      return name != "." && name != ".." && name.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !name.hasPrefix("."))
    }.map { entry in
      let full = directory + (directory.hasSuffix("/") ? "" : "/") + entry.name
      let isDirectory = entry.kind == .directory || (entry.kind == .symlink && (try? fs.stat(full))?.kind == .directory)
      let suffix = isDirectory ? "/" : ""
      return Completions.Candidate(directoryPart + entry.name + suffix, display: entry.name + suffix, appendsSpace: !isDirectory)
    }
    return Completions(word: word, candidates: candidates)
  }

  /// `~/x` looks in the home directory (the word the user typed keeps its `~`).
  private func expandingTilde(_ path: String) -> String {
    path == "~" || path.hasPrefix("~/") ? homeDirectory + path.dropFirst() : path
  }
}

/// The line before the cursor, split as the shell would: the words of the current
/// command (after the last `;`, `|`, `&&`, `||`, `(`) and the partial word at the cursor.
struct CompletionLine: Equatable {
  var words: [String] = []
  var current = ""

  init(_ text: String) {
    var quote: Character?
    var escaped = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
      } else if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\\" {
        escaped = true
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character == " " || character == "\t" || character == "\n" {
        endWord()
      } else if ";|&()".contains(character) {
        endWord()
        words.removeAll()
      } else {
        current.append(character)
      }
    }
  }

  private mutating func endWord() {
    if !current.isEmpty { words.append(current) }
    current = ""
  }
}
