/// BuildKit's `shell.Lex.ProcessWord`, which the classic builder uses to expand
/// `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}` (and the forms without the
/// colon) in ENV, LABEL, WORKDIR, COPY, ADD, USER, EXPOSE, VOLUME, STOPSIGNAL and
/// FROM, and to remove quotes and escapes. Unset names expand to nothing.
public struct DockerfileExpansion: Sendable {
  /// `NAME=value` entries; the last one of a name wins.
  public var variables: [String: String]
  public var escape: Character

  public init(environment: [String], escape: Character = "\\") {
    var variables: [String: String] = [:]
    for entry in environment {
      let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      variables[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
    self.variables = variables
    self.escape = escape
  }

  /// One word, expanded, with its quotes removed.
  public func word(_ text: String) throws(DockerfileError) -> String {
    var characters = Array(text)[...]
    var out = ""
    while let ch = characters.popFirst() {
      switch ch {
      case "'":
        while let next = characters.popFirst(), next != "'" { out.append(next) }
      case "\"":
        out += try doubleQuoted(&characters)
      case "$":
        out += try variable(&characters)
      case escape:
        if let next = characters.popFirst() { out.append(next) }
      default:
        out.append(ch)
      }
    }
    return out
  }

  private func doubleQuoted(_ characters: inout ArraySlice<Character>) throws(DockerfileError) -> String {
    var out = ""
    while let ch = characters.popFirst() {
      if ch == "\"" { return out }
      if ch == "$" {
        out += try variable(&characters)
      } else if ch == escape, let next = characters.first, next == "\"" || next == "$" || next == escape {
        out.append(characters.removeFirst())
      } else {
        out.append(ch)
      }
    }
    throw DockerfileError("unexpected end of statement while looking for matching double-quote")
  }

  /// After a `$`: a name, `${...}`, or a literal `$`.
  private func variable(_ characters: inout ArraySlice<Character>) throws(DockerfileError) -> String {
    guard let first = characters.first else { return "$" }
    if first == "{" {
      characters.removeFirst()
      return try braced(&characters)
    }
    guard first == "_" || first.isLetter || first.isNumber else { return "$" }
    var name = ""
    while let ch = characters.first, ch == "_" || ch.isLetter || ch.isNumber {
      name.append(characters.removeFirst())
    }
    return variables[name] ?? ""
  }

  private func braced(_ characters: inout ArraySlice<Character>) throws(DockerfileError) -> String {
    var name = ""
    while let ch = characters.first, ch == "_" || ch.isLetter || ch.isNumber {
      name.append(characters.removeFirst())
    }
    guard let next = characters.popFirst() else { throw DockerfileError("syntax error: missing '}'") }
    if next == "}" { return variables[name] ?? "" }
    var colon = false
    var modifier = next
    if next == ":" {
      colon = true
      guard let after = characters.popFirst() else { throw DockerfileError("syntax error: missing '}'") }
      modifier = after
    }
    var wordText = ""
    var depth = 0
    while let ch = characters.popFirst() {
      if ch == "}" && depth == 0 { break }
      if ch == "{" { depth += 1 }
      if ch == "}" { depth -= 1 }
      wordText.append(ch)
    }
    let value = variables[name]
    let isSet = colon ? !(value ?? "").isEmpty : value != nil
    switch modifier {
    case "-": return isSet ? value ?? "" : try word(wordText)
    case "+": return isSet ? try word(wordText) : ""
    case "?":
      if isSet { return value ?? "" }
      throw DockerfileError("\(name): \(wordText.isEmpty ? "is not allowed to be unset" : wordText)")
    default:
      throw DockerfileError("unsupported modifier (\(modifier)) in substitution")
    }
  }
}
