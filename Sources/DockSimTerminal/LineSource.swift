/// What reading one line of input gave.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-C: the line is dropped and a fresh prompt follows.
  case interrupted
  /// Ctrl-D on an empty line, or the end of the input.
  case endOfInput
}

/// Where the REPL's lines come from: libedit on a terminal, plain reads otherwise.
public protocol LineSource: AnyObject {
  func readLine(prompt: String) -> LineInput
  /// Adds an executed input to the in-memory history (Up recalls it).
  func remember(_ entry: String)
}

/// One way to finish the word before the cursor.
public struct CompletionCandidate: Sendable, Hashable {
  /// The whole word after completion (`images`, `/etc/`).
  public var text: String
  /// What a listing shows (`images`, `etc/`).
  public var display: String
  /// A unique completion is followed by a space (not after a directory's `/`).
  public var appendsSpace: Bool

  public init(text: String, display: String? = nil, appendsSpace: Bool = true) {
    self.text = text
    self.display = display ?? text
    self.appendsSpace = appendsSpace
  }
}

/// The word being completed and the ways to finish it.
public struct CompletionList: Sendable, Hashable {
  public var word: String
  public var candidates: [CompletionCandidate]

  public init(word: String, candidates: [CompletionCandidate]) {
    self.word = word
    self.candidates = candidates
  }
}
