import DockSimCore
import DockSimShell

/// The simulator's own commands (the teacher's voice, never Docker's): `layers`,
/// `trace`, `whence`, `tree`, `explain`, `lang`. Registered in the shell's program table.
package enum TeachingPrograms {
  package static var all: [String: any Program] {
    [
      "layers": ClosureProgram(Layers.run),
      "trace": ClosureProgram(Trace.run),
      "whence": ClosureProgram(WhenceCommand.run),
      "tree": ClosureProgram(TreeCommand.run),
      "explain": ClosureProgram(ExplainCommand.run),
      "lang": ClosureProgram(Lang.run),
    ]
  }
}

/// `--help` / `-h` of a teaching command: usage, what it does, options.
enum TeachingHelp {
  static let topics: [String: (usage: MessageKey, about: MessageKey, options: [MessageKey])] = [
    "layers": (.usageLayers, .aboutLayers, [.optionAscii]),
    "trace": (.usageTrace, .aboutTrace, []),
    "whence": (.usageWhence, .aboutWhence, []),
    "tree": (.usageTree, .aboutTree, [.optionAscii]),
    "explain": (.usageExplain, .aboutExplain, []),
    "lang": (.usageLang, .aboutLang, []),
  ]

  /// The status of a command whose context could not be made: 0 after `--help`, 2 for a bad option.
  static func status(_ invocation: Invocation) -> Int32 {
    invocation.operands.contains { $0 == "--help" || $0 == "-h" } ? 0 : 2
  }

  /// Prints the help and returns true when the arguments ask for it.
  static func handled(_ invocation: Invocation, session: Session, console: inout Console) -> Bool {
    guard invocation.operands.contains(where: { $0 == "--help" || $0 == "-h" }) else { return false }
    let name = invocation.arguments.first.map { PathText.basename($0) } ?? ""
    guard let topic = topics[name] else { return false }
    let language = session.settings.language
    let width = max(40, min(console.traits.width, 80))
    var lines = [Messages.text(topic.usage, language), ""]
    lines += TextWrap.wrap(Messages.text(topic.about, language), width: width)
    if !topic.options.isEmpty { lines += [""] + topic.options.map { Messages.text($0, language) } }
    console.write(lines.joined(separator: "\n") + "\n")
    return true
  }
}

/// What every teaching command needs from its invocation.
struct TeachingContext {
  var language: Language
  var command: String
  var operands: [String]
  var ascii = false

  /// Splits `--ascii` off; any other `-x` is an error.
  init?(_ invocation: Invocation, session: Session, console: inout Console, flags: Set<String> = []) {
    if TeachingHelp.handled(invocation, session: session, console: &console) { return nil }
    language = session.settings.language
    command = invocation.arguments.first.map { PathText.basename($0) } ?? ""
    operands = []
    for argument in invocation.operands {
      if argument == "--ascii", flags.contains(argument) {
        ascii = true
      } else if argument.hasPrefix("-"), argument != "-", !argument.hasPrefix("-/") {
        let command = self.command
        console.errorLine(Messages.text(.errUnknownOption, language, ["command": command, "option": argument]))
        return nil
      } else {
        operands.append(argument)
      }
    }
  }

  func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
    Messages.text(key, language, arguments)
  }

  /// `--ascii`, or a terminal that cannot show box drawing.
  func style(_ console: Console) -> BoxStyle { ascii || !console.traits.unicode ? .ascii : .unicode }

  func usage(_ key: MessageKey, console: inout Console) -> Int32 {
    console.errorLine(text(key))
    return 2
  }

  func noSuchObject(_ name: String, console: inout Console) -> Int32 {
    console.errorLine(text(.errNoSuchObject, ["command": command, "name": name]))
    return 1
  }
}

enum Layers {
  /// `layers [--ascii] IMAGE|CONTAINER`; in a container shell the name may be left out.
  static func run(_ invocation: Invocation, _ session: inout Session, _ console: inout Console) -> Int32 {
    guard let context = TeachingContext(invocation, session: session, console: &console, flags: ["--ascii"]) else {
      return TeachingHelp.status(invocation)
    }
    let subject: TeachingSubject?
    switch context.operands.count {
    case 0:
      guard let current = TeachingWorld.currentContainer(in: session) else { return context.usage(.usageLayers, console: &console) }
      subject = current
    case 1: subject = TeachingWorld.subject(context.operands[0], in: session)
    default: return context.usage(.usageLayers, console: &console)
    }
    guard let subject else { return context.noSuchObject(context.operands[0], console: &console) }
    let diagram = LayerDiagram(
      language: context.language, style: context.style(console),
      colour: console.traits.color && console.traits.stdoutIsTerminal, width: console.traits.width)
    console.write(diagram.render(subject.view))
    return 0
  }
}

enum Trace {
  /// `trace on|off`; without an argument, says which.
  static func run(_ invocation: Invocation, _ session: inout Session, _ console: inout Console) -> Int32 {
    guard let context = TeachingContext(invocation, session: session, console: &console) else { return TeachingHelp.status(invocation) }
    switch context.operands {
    case []: console.line(context.text(session.tracing ? .traceIsOn : .traceIsOff))
    case ["on"]:
      session.tracing = true
      console.line(context.text(.traceOn))
    case ["off"]:
      session.tracing = false
      session.narrator.discard()
      console.line(context.text(.traceOff))
    default: return context.usage(.usageTrace, console: &console)
    }
    return 0
  }
}

enum WhenceCommand {
  /// `whence PATH` in a container; `whence IMAGE|CONTAINER PATH` anywhere.
  static func run(_ invocation: Invocation, _ session: inout Session, _ console: inout Console) -> Int32 {
    guard let context = TeachingContext(invocation, session: session, console: &console) else { return TeachingHelp.status(invocation) }
    guard let (subject, path) = SubjectAndPath.resolve(context, session: session, console: &console, usage: .usageWhence)
    else { return context.operands.isEmpty || context.operands.count > 2 ? 2 : 1 }
    guard let lines = WhenceReport.lines(subject.filesystem, path: path, labels: subject.labels, language: context.language)
    else {
      console.errorLine(context.text(.errNoSuchPath, ["command": context.command, "path": path, "name": subject.name]))
      return 1
    }
    for line in lines { console.line(line) }
    return 0
  }
}

enum TreeCommand {
  /// `tree [--ascii] IMAGE|CONTAINER [PATH]`; in a container, `tree [PATH]`.
  static func run(_ invocation: Invocation, _ session: inout Session, _ console: inout Console) -> Int32 {
    guard var context = TeachingContext(invocation, session: session, console: &console, flags: ["--ascii"]) else {
      return TeachingHelp.status(invocation)
    }
    if context.operands.isEmpty { context.operands = ["/"] }
    if context.operands.count == 1, TeachingWorld.currentContainer(in: session) == nil || !context.operands[0].hasPrefix("/") {
      if TeachingWorld.subject(context.operands[0], in: session) != nil { context.operands.append("/") }
    }
    guard let (subject, path) = SubjectAndPath.resolve(context, session: session, console: &console, usage: .usageTree)
    else { return 1 }
    var report = TreeReport(subject.filesystem, labels: subject.labels, language: context.language, style: context.style(console))
    guard let text = report.render(path) else {
      console.errorLine(context.text(.errNoSuchPath, ["command": context.command, "path": path, "name": subject.name]))
      return 1
    }
    console.write(text)
    return 0
  }
}

/// `NAME PATH`, or just `PATH` inside a container (relative to the shell's directory).
enum SubjectAndPath {
  static func resolve(
    _ context: TeachingContext, session: Session, console: inout Console, usage: MessageKey
  ) -> (TeachingSubject, String)? {
    switch context.operands.count {
    case 1:
      guard let current = TeachingWorld.currentContainer(in: session) else {
        console.errorLine(context.text(.errNotAContainer, ["command": context.command]))
        return nil
      }
      return (current, normalize(context.operands[0], cwd: session.currentShell.cwd))
    case 2:
      guard let subject = TeachingWorld.subject(context.operands[0], in: session) else {
        _ = context.noSuchObject(context.operands[0], console: &console)
        return nil
      }
      return (subject, normalize(context.operands[1], cwd: "/"))
    default:
      console.errorLine(context.text(usage))
      return nil
    }
  }

  static func normalize(_ path: String, cwd: String) -> String {
    LayerBuilder.normalize(path.hasPrefix("/") ? path : FSPath.joined(cwd, path))
  }
}

enum ExplainCommand {
  /// `explain [TOPIC]`.
  static func run(_ invocation: Invocation, _ session: inout Session, _ console: inout Console) -> Int32 {
    guard let context = TeachingContext(invocation, session: session, console: &console) else { return TeachingHelp.status(invocation) }
    let width = max(40, min(console.traits.width, 80))
    guard !context.operands.isEmpty else {
      console.write(ExplainText.list(language: context.language))
      return 0
    }
    let name = context.operands.joined(separator: " ")
    guard let topic = ExplainTopic.find(name) else {
      console.errorLine(context.text(.errUnknownTopic, ["topic": name]))
      return 1
    }
    console.write(ExplainText.topic(topic, language: context.language, width: width))
    return 0
  }
}

enum Lang {
  /// `lang zh|en`: the language of everything the simulator says as a teacher.
  static func run(_ invocation: Invocation, _ session: inout Session, _ console: inout Console) -> Int32 {
    guard let context = TeachingContext(invocation, session: session, console: &console) else { return TeachingHelp.status(invocation) }
    guard context.operands.count == 1, let language = Language(rawValue: context.operands[0]) else {
      return context.usage(.usageLang, console: &console)
    }
    session.settings.language = language
    console.line(Messages.text(.langSet, language))
    return 0
  }
}
