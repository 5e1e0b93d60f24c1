/// The shell language as values: what the parser produces and the interpreter runs.
///
/// A subset of POSIX sh as bash 5.2 reads it: simple commands joined by pipes,
/// `&&`, `||`, `;` and newlines, with quoting, parameters, command substitution
/// and redirections (here-documents included), the compound commands
/// `if`, `case`, `for`, `while`, `until`, `{ ...; }` and `( ... )`, and function definitions.

/// One complete input: lists separated by `;`, `&` or newlines.
struct Script: Sendable, Hashable {
  var lists: [AndOrList] = []
}

/// `a && b || c`.
struct AndOrList: Sendable, Hashable {
  enum Operator: Sendable, Hashable { case and, or }
  var first: Pipeline
  var rest: [(Operator, Pipeline)] = []

  static func == (a: AndOrList, b: AndOrList) -> Bool {
    a.first == b.first && a.rest.map(\.0) == b.rest.map(\.0) && a.rest.map(\.1) == b.rest.map(\.1)
  }
  func hash(into hasher: inout Hasher) {
    hasher.combine(first)
    for (op, pipeline) in rest { hasher.combine(op); hasher.combine(pipeline) }
  }
}

/// `a | b | c`, optionally negated with `!`.
struct Pipeline: Sendable, Hashable {
  var negated = false
  var commands: [Command] = []
}

/// One stage of a pipeline.
enum Command: Sendable, Hashable {
  case simple(SimpleCommand)
  /// A compound command and the redirections after its closing word (`done > log`).
  case compound(CompoundCommand, redirections: [Redirection])
  /// `name() compound-command` or bash's `function name { ...; }`: defines, runs nothing.
  case function(FunctionDefinition)
}

/// A shell function: its body runs in the calling shell with its own `$1`, `$2`, ...
struct FunctionDefinition: Sendable, Hashable {
  var name: String
  var body: CompoundCommand
  /// Redirections after the body apply to every call.
  var redirections: [Redirection]
}

enum CompoundCommand: Sendable, Hashable {
  /// `{ list; }`: runs in the current shell.
  case group(Script)
  /// `( list )`: runs in a copy of the shell; `cd`, variables and `exit` stay inside.
  case subshell(Script)
  /// `if c; then b; elif c; then b; else b; fi`.
  case ifClause(branches: [IfBranch], otherwise: Script?)
  /// `for name [in words]; do body; done` (no `in`: the positional parameters).
  case forLoop(name: String, items: [Word]?, body: Script)
  /// `while c; do b; done`, or `until`.
  case loop(condition: Script, body: Script, until: Bool)
  /// `case word in pattern|pattern) list ;; ... esac`.
  case caseClause(subject: Word, items: [CaseItem])
}

/// One `pattern|pattern) list ;;` of a `case`.
struct CaseItem: Sendable, Hashable {
  /// What ends the item: `;;` stops, bash's `;&` runs the next item's list without
  /// testing it, `;;&` tests the next patterns.
  enum Terminator: Sendable, Hashable { case stop, fallThrough, testNext }
  var patterns: [Word]
  var body: Script
  var terminator: Terminator
}

struct IfBranch: Sendable, Hashable {
  var condition: Script
  var body: Script
}

/// `NAME=value ... word ... redirection ...`.
struct SimpleCommand: Sendable, Hashable {
  var assignments: [Assignment] = []
  var words: [Word] = []
  var redirections: [Redirection] = []
  /// The line it starts on (1 is the first; 0 when unknown), for messages. Not part of
  /// what the command is: equal commands on other lines are equal.
  var line = 0

  var isEmpty: Bool { assignments.isEmpty && words.isEmpty && redirections.isEmpty }

  static func == (a: SimpleCommand, b: SimpleCommand) -> Bool {
    a.assignments == b.assignments && a.words == b.words && a.redirections == b.redirections
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(assignments)
    hasher.combine(words)
    hasher.combine(redirections)
  }
}

struct Assignment: Sendable, Hashable {
  var name: String
  var value: Word
}

/// A word before expansion: literal runs, parameters and substitutions, each
/// remembering whether it was quoted (quoted text is neither split nor globbed).
struct Word: Sendable, Hashable {
  var parts: [WordPart] = []
  /// The word as typed, for messages.
  var source: String = ""
}

enum WordPart: Sendable, Hashable {
  case literal(String, quoted: Bool)
  /// `$NAME`, `${NAME}`, `$?`, `$1`; with `${NAME:-word}`, `${NAME%pattern}`, ... the operation.
  case parameter(String, quoted: Bool, operation: ParameterOperation? = nil)
  /// `$(...)` or backquotes.
  case command(Script, quoted: Bool)
  /// `~` at the start of a word.
  case tilde
}

/// What `${NAME<op>word}` does with the value (bash's and POSIX's operators).
struct ParameterOperation: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    /// `-`, `=`, `?`, `+` (with `colon`, an empty value counts as unset).
    case useDefault, assignDefault, errorIfUnset, useAlternative
    /// `%`, `%%`, `#`, `##`.
    case removeSuffix(longest: Bool), removePrefix(longest: Bool)
    /// `/`, `//`, `/#`, `/%` (bash).
    case replace(all: Bool, anchor: Anchor?)
    /// `:offset` and `:offset:length` (bash): both arithmetic text.
    case substring(offset: String, length: String?)
    /// `^`, `^^`, `,`, `,,` (bash).
    case changeCase(upper: Bool, all: Bool)
  }
  enum Anchor: Sendable, Hashable { case start, end }
  var kind: Kind
  var colon = false
  /// The word after the operator (default, pattern, message).
  var word: Word?
  /// `${NAME/pattern/replacement}`'s replacement.
  var replacement: Word?
}

struct Redirection: Sendable, Hashable {
  enum Operator: Sendable, Hashable {
    /// `<`
    case input
    /// `>` and `>|`
    case output
    /// `>>`
    case append
    /// `&>` (both streams to a file)
    case outputBoth
    /// `&>>`
    case appendBoth
    /// `n>&m`, `n<&m`
    case duplicate
    /// `<<`, `<<-`: the body is looked up by index in the parsed input.
    case hereDocument(index: Int)
    /// `<<<`
    case hereString
  }
  var fd: Int
  var op: Operator
  var target: Word
}

/// A here-document's body as read from the lines after its command.
struct HereDocument: Sendable, Hashable {
  var body: String
  /// False when the delimiter was quoted: no expansion.
  var expands: Bool
}
