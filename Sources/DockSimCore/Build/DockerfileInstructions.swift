/// The second pass of the Dockerfile parser (frontend/dockerfile/instructions): typed
/// instructions grouped into stages, with BuildKit's argument and flag checks and
/// error texts. Variables are expanded later, when each step runs.
public enum DockerfileInstruction: Hashable, Sendable {
  /// RUN, CMD, ENTRYPOINT: `shellForm` means the words are one command line for the shell.
  case run(words: [String], shellForm: Bool)
  case cmd(words: [String], shellForm: Bool)
  case entrypoint(words: [String], shellForm: Bool)
  case env([DockerfilePair])
  case label([DockerfilePair])
  case workdir(String)
  /// COPY (`add` false) or ADD of context files; `from` names a stage or an image to copy from.
  case copy(add: Bool, sources: [String], destination: String, chown: String, from: String)
  /// ARG NAME[=default] ...; `value` nil when there is no default.
  case arg([DockerfileArg])
  case expose([String])
  case user(String)
  case volume([String])
  case stopSignal(String)
  case maintainer(String)
  case shell([String])
  case healthcheck(HealthConfig)
  /// ONBUILD: the trigger as written (`RUN echo hi`), kept in the image's config.
  case onbuild(String)
}

public struct DockerfileArg: Hashable, Sendable {
  public var name: String
  public var value: String?
}

/// One instruction with the text `Step N/M :` shows.
public struct DockerfileStep: Hashable, Sendable {
  public var instruction: DockerfileInstruction
  public var original: String
  public var line: Int
  /// Flags the classic builder refuses (`--mount`, `--chmod`): the first one, if any.
  public var buildKitOnlyFlag: String?

  public init(instruction: DockerfileInstruction, original: String, line: Int, buildKitOnlyFlag: String? = nil) {
    self.instruction = instruction
    self.original = original
    self.line = line
    self.buildKitOnlyFlag = buildKitOnlyFlag
  }
}

/// `FROM image [AS name]` and the instructions under it.
public struct DockerfileStage: Hashable, Sendable {
  public var baseName: String
  public var name: String
  public var original: String
  public var steps: [DockerfileStep]
}

/// A parsed Dockerfile: ARGs before the first FROM, then the stages.
public struct DockerfilePlan: Hashable, Sendable {
  public var metaArgs: [DockerfileStep]
  public var stages: [DockerfileStage]
  /// Instructions written with an empty continuation line, which the parser warns about.
  public var emptyContinuations: [String] = []

  /// The M of `Step N/M`: every meta ARG, FROM and instruction.
  public var stepCount: Int { metaArgs.count + stages.reduce(0) { $0 + 1 + $1.steps.count } }

  /// Parses `text` as `version`'s daemon does; the error is the daemon's message.
  public static func parse(_ text: String, version: DockerVersion) throws(DockerfileError) -> DockerfilePlan {
    var empty: [String] = []
    let nodes = try DockerfileParser.parse(text, emptyContinuations: &empty)
    var plan = DockerfilePlan(metaArgs: [], stages: [], emptyContinuations: empty)
    for node in nodes {
      let typed: Typed
      do {
        typed = try Typed(node, version: version)
      } catch {
        let on = version == .v28 ? "on line" : "line"
        throw DockerfileError("dockerfile parse error \(on) \(node.line): \(error.message)")
      }
      switch typed {
      case .stage(let stage): plan.stages.append(stage)
      case .step(let step):
        if plan.stages.isEmpty {
          guard case .arg = step.instruction else { throw DockerfileError("no build stage in current context") }
          plan.metaArgs.append(step)
        } else {
          plan.stages[plan.stages.count - 1].steps.append(step)
        }
      }
    }
    return plan
  }
}

extension DockerfilePlan {
  /// An ONBUILD trigger of the base image, as the classic builder parses it when a
  /// child build starts (dispatchTriggeredOnBuild): one instruction, or the error.
  public static func parseTrigger(_ text: String, version: DockerVersion) throws(DockerfileError) -> DockerfileStep {
    var empty: [String] = []
    let nodes = try DockerfileParser.parse(text, emptyContinuations: &empty)
    guard nodes.count == 1, let node = nodes.first else {
      throw DockerfileError("onbuild trigger should be a single expression")
    }
    switch try Typed(node, version: version) {
    case .step(let step): return step
    case .stage: throw DockerfileError("FROM isn't allowed as an ONBUILD trigger")
    }
  }
}

/// A node made into a stage or a step.
private enum Typed {
  case stage(DockerfileStage)
  case step(DockerfileStep)

  static let keywords = [
    "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer",
    "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
  ]

  init(_ node: DockerfileNode, version: DockerVersion) throws(DockerfileError) {
    let args = node.arguments
    var flags = DockerfileFlags(node.flags, version: version)
    func step(_ instruction: DockerfileInstruction, buildKitOnly: String? = nil) -> Typed {
      .step(DockerfileStep(instruction: instruction, original: node.original, line: node.line, buildKitOnlyFlag: buildKitOnly))
    }
    switch node.command {
    case "from":
      guard args.count == 1 || (args.count == 3 && args[1].lowercased() == "as") else {
        throw DockerfileError("FROM requires either one or three arguments")
      }
      if args.count == 3, !Self.isValidStageName(args[2].lowercased()) {
        throw DockerfileError(
          "invalid name for build stage: \(GoQuote.quote(args[2])), name can't start with a number or contain symbols")
      }
      try flags.parse(["platform"])
      self = .stage(
        DockerfileStage(baseName: args[0], name: args.count == 3 ? args[2].lowercased() : "", original: node.original, steps: []))
    case "run":
      let used = try flags.parse(["mount", "network", "security"])
      self = step(.run(words: args, shellForm: !node.json), buildKitOnly: used.first)
    case "cmd":
      try flags.parse([])
      self = step(.cmd(words: args, shellForm: !node.json))
    case "entrypoint":
      try flags.parse([])
      self = step(.entrypoint(words: args, shellForm: !node.json))
    case "env", "label":
      let name = node.command.uppercased()
      try flags.parse([])
      guard !node.pairs.isEmpty else { throw DockerfileError("\(name) requires at least one argument") }
      if node.pairs.contains(where: { $0.name.isEmpty }) { throw DockerfileError("\(name) names can not be blank") }
      self = step(node.command == "env" ? .env(node.pairs) : .label(node.pairs))
    case "add", "copy":
      let name = node.command.uppercased()
      guard args.count >= 2 else {
        throw DockerfileError(
          "\(name) requires at least two arguments, but only one was provided. Destination could not be determined")
      }
      let accepted = node.command == "copy" ? ["chown", "from", "chmod", "link"] : ["chown", "chmod", "link"]
      let used = try flags.parse(accepted)
      // The classic builder ignores --link and refuses --chmod when it runs the step.
      let refused = used.first { $0 == "chmod" }
      self = step(
        .copy(
          add: node.command == "add", sources: Array(args.dropLast()), destination: args.last!,
          chown: flags.value("chown"), from: flags.value("from")),
        buildKitOnly: refused)
    case "workdir", "user", "stopsignal", "maintainer":
      guard args.count == 1 else { throw DockerfileError("\(node.command.uppercased()) requires exactly one argument") }
      try flags.parse([])
      switch node.command {
      case "workdir": self = step(.workdir(args[0]))
      case "user": self = step(.user(args[0]))
      case "stopsignal": self = step(.stopSignal(args[0]))
      default: self = step(.maintainer(args[0]))
      }
    case "expose", "volume":
      guard !args.isEmpty else { throw DockerfileError("\(node.command.uppercased()) requires at least one argument") }
      try flags.parse([])
      self = step(node.command == "expose" ? .expose(args) : .volume(args))
    case "arg":
      guard !args.isEmpty else { throw DockerfileError("ARG requires at least one argument") }
      if version == .v20_10, args.count != 1 { throw DockerfileError("ARG requires exactly one argument") }
      try flags.parse([])
      self = step(.arg(args.map(Self.arg)))
    case "shell":
      guard !args.isEmpty else { throw DockerfileError("SHELL requires at least one argument") }
      guard node.json else { throw DockerfileError("SHELL requires the arguments to be in JSON form") }
      try flags.parse([])
      self = step(.shell(args))
    case "healthcheck":
      self = step(.healthcheck(try Self.healthcheck(args, json: node.json, flags: &flags, version: version)))
    case "onbuild":
      guard let trigger = args.first else { throw DockerfileError("ONBUILD requires at least one argument") }
      try flags.parse([])
      switch trigger.uppercased() {
      case "ONBUILD": throw DockerfileError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")
      case "MAINTAINER", "FROM": throw DockerfileError("\(trigger.uppercased()) isn't allowed as an ONBUILD trigger")
      default: break
      }
      // The line without the keyword (`(?i)^\s*ONBUILD\s*` removed).
      let expression = String(node.original.drop(while: { $0.isWhitespace }).dropFirst(node.keyword.count))
      self = step(.onbuild(String(expression.drop(while: { $0.isWhitespace }))))
    default:
      throw DockerfileError(Self.unknown(node.keyword, version: version))
    }
  }

  /// BuildKit's parseHealthcheck, with each version's limits and texts: 28 adds
  /// `--start-interval`, accepts a zero interval and zero retries.
  fileprivate static func healthcheck(_ args: [String], json: Bool, flags: inout DockerfileFlags, version: DockerVersion)
    throws(DockerfileError) -> HealthConfig
  {
    guard let first = args.first else { throw DockerfileError("HEALTHCHECK requires at least one argument") }
    let type = first.uppercased()
    let command = Array(args.dropFirst())
    if type == "NONE" {
      guard command.isEmpty else { throw DockerfileError("HEALTHCHECK NONE takes no arguments") }
      return HealthConfig(test: ["NONE"])
    }
    let durations = version == .v28
      ? ["interval", "timeout", "start-period", "start-interval"] : ["interval", "timeout", "start-period"]
    try flags.parse(durations + ["retries"])
    guard type == "CMD" else { throw DockerfileError("Unknown type \(GoQuote.quote(type)) in HEALTHCHECK (try CMD)") }
    guard !command.isEmpty else { throw DockerfileError("Missing command after HEALTHCHECK CMD") }
    var health = HealthConfig(test: [json ? "CMD" : "CMD-SHELL"] + (json ? command : [command.joined(separator: " ")]))
    var values: [Int64] = []
    for name in durations { values.append(try interval(flags.value(name), name: name, version: version)) }
    health.interval = values[0]
    health.timeout = values[1]
    health.startPeriod = values[2]
    if values.count > 3 { health.startInterval = values[3] }
    health.retries = try retries(flags.value("retries"), version: version)
    return health
  }

  /// parseOptInterval: empty is 0; below a millisecond is refused (20.10 refuses 0 too).
  private static func interval(_ text: String, name: String, version: DockerVersion) throws(DockerfileError) -> Int64 {
    guard !text.isEmpty else { return 0 }
    let value: Int64
    do { value = try GoDurationText.parse(text) } catch { throw DockerfileError(error.message) }
    if version == .v28, value == 0 { return 0 }
    guard value >= 1_000_000 else { throw DockerfileError("Interval \(GoQuote.quote(name)) cannot be less than 1ms") }
    return value
  }

  private static func retries(_ text: String, version: DockerVersion) throws(DockerfileError) -> Int {
    guard !text.isEmpty else { return 0 }
    guard let value = Int64(text) else {
      let reason = text.allSatisfy({ $0.isASCII && $0.isNumber }) || (text.first == "-" && text.count > 1) ? "value out of range" : "invalid syntax"
      throw DockerfileError("strconv.ParseInt: parsing \(GoQuote.quote(text)): \(reason)")
    }
    guard value >= Int64(Int32.min), value <= Int64(Int32.max) else {
      throw DockerfileError("strconv.ParseInt: parsing \(GoQuote.quote(text)): value out of range")
    }
    switch version {
    case .v20_10 where value < 1: throw DockerfileError("--retries must be at least 1 (not \(value))")
    case .v28 where value < 0: throw DockerfileError("--retries cannot be negative (\(value))")
    default: return Int(value)
    }
  }

  static func arg(_ word: String) -> DockerfileArg {
    guard let equals = word.firstIndex(of: "=") else { return DockerfileArg(name: word, value: nil) }
    return DockerfileArg(name: String(word[..<equals]), value: String(word[word.index(after: equals)...]))
  }

  /// `^[a-z][a-z0-9-_.]*$`.
  static func isValidStageName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
  }

  /// 20.10: `unknown instruction: FOO`. 28 keeps the spelling and suggests the
  /// nearest keyword (Levenshtein distance under 3, as BuildKit's suggest package);
  /// BuildKit walks a Go map, so ties are broken here by alphabetical order.
  static func unknown(_ keyword: String, version: DockerVersion) -> String {
    guard version == .v28 else { return "unknown instruction: \(keyword.uppercased())" }
    var message = "unknown instruction: \(keyword)"
    let lower = keyword.lowercased()
    var best: (String, Int)?
    for candidate in keywords {
      let distance = Levenshtein.distance(lower, candidate)
      if distance < (best?.1 ?? 3) { best = (candidate, distance) }
    }
    if let (match, _) = best {
      let cased = keyword != lower && keyword == keyword.uppercased() ? match.uppercased() : match
      message += " (did you mean \(cased)?)"
    }
    return message
  }
}

/// BuildKit's BFlags: `--name=value` flags of one instruction.
private struct DockerfileFlags {
  var words: [String]
  var version: DockerVersion
  var values: [String: String] = [:]

  init(_ words: [String], version: DockerVersion) {
    self.words = words
    self.version = version
  }

  /// Checks the flags against `accepted`; returns the names used, in order.
  @discardableResult
  mutating func parse(_ accepted: [String]) throws(DockerfileError) -> [String] {
    var used: [String] = []
    let modern = version == .v28
    for word in words {
      let body = word.dropFirst(2)
      let name = String(body.prefix(while: { $0 != "=" }))
      guard accepted.contains(name) else { throw DockerfileError((modern ? "unknown flag: " : "Unknown flag: ") + name) }
      guard values[name] == nil else {
        throw DockerfileError((modern ? "duplicate flag specified: " : "Duplicate flag specified: ") + name)
      }
      let hasValue = body.contains("=")
      let value = hasValue ? String(body.drop(while: { $0 != "=" }).dropFirst()) : ""
      if name != "link", !hasValue || value.isEmpty {
        throw DockerfileError((modern ? "missing a value on flag: " : "Missing a value on flag: ") + name)
      }
      values[name] = value
      used.append(name)
    }
    return used
  }

  func value(_ name: String) -> String { values[name] ?? "" }
}

/// Edit distance, for the 28 parser's suggestions.
enum Levenshtein {
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    var previous = Array(0...y.count)
    for i in 1...x.count {
      var current = [i] + Array(repeating: 0, count: y.count)
      for j in stride(from: 1, through: y.count, by: 1) {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[y.count]
  }
}

extension DockerfilePlan {
  /// The parser's warnings about empty continuation lines, as `version` prints them
  /// (each text is one write to the daemon's stderr stream).
  public func warningWrites(version: DockerVersion) -> [String] {
    guard !emptyContinuations.isEmpty else { return [] }
    let last = "[WARNING]: Empty continuation lines will become errors in a future release."
    switch version {
    case .v20_10:
      let lines = emptyContinuations.map { "[WARNING]: Empty continuation line found in:\n    " + $0 } + [last]
      return [lines.joined(separator: "\n") + "\n"]
    case .v28:
      return emptyContinuations.map { "[WARNING]: Empty continuation line found in: \($0)\n" } + [last + "\n"]
    }
  }
}
