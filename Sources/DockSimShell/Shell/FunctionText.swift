/// A function as bash's `type` shows it: the body re-indented by bash's printer
/// (print_cmd.c in bash 5.2): four spaces a level, one command a line ending in `;`,
/// `elif` as a nested `if` under `else`, `do` alone under a `for` head, here-document
/// bodies after their line. Words and redirection targets are shown as they were typed.
struct FunctionText {
  private var out = ""
  private var indentation = 0
  /// The next command goes on the current line (after `if `, `while `, `( `).
  private var skipIndent = 0
  /// Here-documents whose bodies go after the current line.
  private var deferred: [Redirection] = []
  /// A here-document body was just printed: the next `;` is left out, as bash does.
  private var wasHereDocument = false
  private let hereDocuments: [HereDocument]

  private init(hereDocuments: [HereDocument]) { self.hereDocuments = hereDocuments }

  /// `NAME () \n{ \n    ...\n}`: a body that is not a `{ }` group is put in one.
  static func text(of function: FunctionDefinition, hereDocuments: [HereDocument]) -> String {
    var printer = FunctionText(hereDocuments: hereDocuments)
    printer.out = "\(function.name) () \n"
    let body: Script
    if case .group(let script) = function.body, function.redirections.isEmpty {
      body = script
    } else {
      let command = Command.compound(function.body, redirections: function.redirections)
      body = Script(lists: [AndOrList(first: Pipeline(commands: [command]))])
    }
    printer.group(body)
    return printer.out
  }

  private mutating func group(_ body: Script) {
    out += "{ \n"
    indentation += 4
    script(body)
    printDeferred()
    out += "\n"
    indentation -= 4
    indent()
    out += "}"
  }

  /// Lists joined by `;` and a new line.
  private mutating func script(_ script: Script) {
    for (index, list) in script.lists.enumerated() {
      if index > 0 { connect() }
      andOr(list)
    }
  }

  /// bash's `;` between two commands of a function: the deferred here-documents first.
  private mutating func connect() {
    if deferred.isEmpty {
      if wasHereDocument { wasHereDocument = false } else { out += ";" }
    } else {
      printDeferred()
    }
    out += "\n"
  }

  private mutating func andOr(_ list: AndOrList) {
    pipeline(list.first)
    for (op, next) in list.rest {
      out += op == .and ? " && " : " || "
      skipIndent += 1
      pipeline(next)
    }
  }

  private mutating func pipeline(_ pipeline: Pipeline) {
    if pipeline.negated {
      startCommand()
      out += "! "
      skipIndent += 1
    }
    for (index, command) in pipeline.commands.enumerated() {
      if index > 0 {
        out += " | "
        skipIndent += 1
      }
      self.command(command)
    }
  }

  private mutating func startCommand() {
    if skipIndent > 0 { skipIndent -= 1 } else { indent() }
  }

  private mutating func indent() { out += String(repeating: " ", count: indentation) }

  private mutating func command(_ command: Command) {
    switch command {
    case .simple(let simple):
      startCommand()
      var words = simple.assignments.map { $0.name + "=" + $0.value.source } + simple.words.map(\.source)
      for item in simple.redirections { words.append(redirection(item)) }
      out += words.joined(separator: " ")
    case .function(let definition):
      startCommand()
      out += FunctionText.text(of: definition, hereDocuments: hereDocuments)
    case .compound(let compound, let redirections):
      startCommand()
      self.compound(compound)
      for item in redirections { out += " " + redirection(item) }
    }
  }

  private mutating func compound(_ compound: CompoundCommand) {
    switch compound {
    case .group(let body):
      group(body)
    case .subshell(let body):
      out += "( "
      skipIndent += 1
      script(body)
      out += " )"
    case .ifClause(let branches, let otherwise):
      ifClause(branches[...], otherwise: otherwise)
    case .forLoop(let name, let items, let body):
      out += "for \(name) in " + (items.map { $0.map(\.source).joined(separator: " ") } ?? "\"$@\"") + ";"
      newline("do\n")
      nested(body)
      semicolon()
      newline("done")
    case .loop(let condition, let body, let until):
      out += until ? "until " : "while "
      skipIndent += 1
      script(condition)
      semicolon()
      out += " do\n"
      nested(body)
      semicolon()
      newline("done")
    case .caseClause(let subject, let items):
      caseClause(subject, items)
    }
  }

  /// `elif` is `else` and an `if` inside it.
  private mutating func ifClause(_ branches: ArraySlice<IfBranch>, otherwise: Script?) {
    let first = branches[branches.startIndex]
    out += "if "
    skipIndent += 1
    script(first.condition)
    semicolon()
    out += " then\n"
    nested(first.body)
    let rest = branches.dropFirst()
    if !rest.isEmpty || otherwise != nil {
      semicolon()
      newline("else\n")
      indentation += 4
      if rest.isEmpty {
        script(otherwise!)
      } else {
        indent()
        ifClause(rest, otherwise: otherwise)
      }
      printDeferred()
      indentation -= 4
    }
    semicolon()
    newline("fi")
  }

  private mutating func caseClause(_ subject: Word, _ items: [CaseItem]) {
    out += "case \(subject.source) in "
    indentation += 4
    for item in items {
      newline("")
      out += item.patterns.map(\.source).joined(separator: " | ") + ")\n"
      nested(item.body)
      switch item.terminator {
      case .stop: newline(";;")
      case .fallThrough: newline(";&")
      case .testNext: newline(";;&")
      }
    }
    indentation -= 4
    newline("esac")
  }

  private mutating func nested(_ body: Script) {
    indentation += 4
    script(body)
    printDeferred()
    indentation -= 4
  }

  /// bash's semicolon(): one `;` unless the line already ends in one or in a new line.
  private mutating func semicolon() {
    if out.hasSuffix("\n") || out.hasSuffix(";") { return }
    if wasHereDocument { return }
    out += ";"
  }

  private mutating func newline(_ text: String) {
    out += "\n"
    indent()
    out += text
  }

  private mutating func redirection(_ redirection: Redirection) -> String {
    let target = redirection.target.source
    switch redirection.op {
    case .input: return (redirection.fd == 0 ? "" : "\(redirection.fd)") + "< " + target
    case .output: return (redirection.fd == 1 ? "" : "\(redirection.fd)") + "> " + target
    case .append: return (redirection.fd == 1 ? "" : "\(redirection.fd)") + ">> " + target
    case .outputBoth: return "&> " + target
    case .appendBoth: return "&>> " + target
    case .duplicate:
      // bash always shows the descriptor here (`>&2` is `1>&2`).
      return "\(redirection.fd)" + (redirection.fd == 0 ? "<&" : ">&") + target
    case .hereString: return (redirection.fd == 0 ? "" : "\(redirection.fd)") + "<<< " + target
    case .hereDocument:
      deferred.append(redirection)
      return (redirection.fd == 0 ? "" : "\(redirection.fd)") + "<<" + target
    }
  }

  /// The bodies of the here-documents on the line just printed, each ended by its delimiter.
  private mutating func printDeferred() {
    guard !deferred.isEmpty else { return }
    for document in deferred {
      guard case .hereDocument(let index) = document.op else { continue }
      let body = index < hereDocuments.count ? hereDocuments[index].body : ""
      let delimiter = document.target.source.filter { $0 != "'" && $0 != "\"" && $0 != "\\" }
      out += "\n" + body + delimiter + "\n"
    }
    deferred = []
    wasHereDocument = true
  }
}
