import DockSimCore

/// Which find the image has: GNU findutils (debian, ubuntu, centos, fedora) or
/// busybox (alpine, busybox). They share the grammar and differ in messages, in how
/// lenient the parser is and in how -size and -mtime/-mmin round.
enum FindFlavour {
  case gnu, busybox
}

/// find's expression, as GNU's parser builds it: `!` binds tightest, then `-a` (or
/// two primaries side by side), then `-o`, then `,`. Evaluation short-circuits, and
/// actions are primaries with side effects, so the order of evaluation is the output.
indirect enum FindExpression {
  case test(Find.Test)
  case action(FindAction)
  /// Options (-maxdepth, -depth, ...) are primaries that are always true; -true, -false.
  case constant(Bool)
  case not(FindExpression)
  case and(FindExpression, FindExpression)
  case or(FindExpression, FindExpression)
  /// `,`: both sides are evaluated; the value is the right one's.
  case comma(FindExpression, FindExpression)

  /// `-print` alone: what the walk prints without building an entry per file.
  var isPrintOnly: Bool {
    if case .action(.print) = self { return true }
    return false
  }
}

enum FindAction {
  case print
  case print0
  case prune
  case quit
  case delete
  case exec(FindExec)
}

/// `-exec CMD ARGS ;` (one command per file) or `-exec CMD ARGS {} +` (files gathered
/// into as few commands as fit, run when the walk ends).
struct FindExec {
  var argv: [String]
  var batch: Bool
  /// Which `+` batch this is, for the list of files gathered for it.
  var slot: Int

  /// The command for one file: every `{}`, also inside a word, becomes its path.
  func command(for path: String) -> [String] {
    argv.map { $0.contains("{}") ? $0.replacingAll("{}", with: path) : $0 }
  }

  /// The command for a batch: the `{}` argument becomes all the paths.
  func command(for paths: [String]) -> [String] {
    argv.flatMap { $0 == "{}" ? paths : [$0] }
  }
}

/// What the command line asks for besides the expression.
struct FindOptions {
  var maxDepth = Int.max
  var minDepth = 0
  var depthFirst = false
  /// The expression, with -print added when it has no action; nil: print every file.
  var expression: FindExpression?
  /// Its `-exec ... +` commands, by slot.
  var batchCommands: [FindExec] = []
  var runsCommands = false
}

/// A usage error: the message and whether busybox prints its usage text after it.
struct FindUsageError: Error {
  var message: String
  var usage = false
  /// docksim's own message, not find's (a real primary docksim does not evaluate).
  var notSimulated = false
}

/// Reads the arguments after the start points. Recursive descent with one function per
/// precedence level, like GNU's parser, so the errors come from the same places.
struct FindParser {
  let flavour: FindFlavour
  let tool: FileTool
  /// GNU's warnings are on when standard input is a terminal (or after -warn).
  var warns: Bool
  /// -H or -L: -newer's reference is what its symlink leads to.
  let follows: Bool
  var fs: ContainerFS
  private var arguments: ArraySlice<String>
  private var options = FindOptions()
  private(set) var warnings: [String] = []
  /// The last test or action read, which GNU names when an option comes after it.
  private var lastNonOption: String?
  private var hasAction = false
  private var hasPrune = false
  private var explicitDepth = false

  init(
    _ arguments: ArraySlice<String>, flavour: FindFlavour, tool: FileTool, warns: Bool, follows: Bool, fs: ContainerFS
  ) {
    self.arguments = arguments
    self.follows = follows
    self.flavour = flavour
    self.tool = tool
    self.warns = warns
    self.fs = fs
  }

  mutating func parse() throws(FindUsageError) -> FindOptions {
    var expression = arguments.isEmpty ? nil : try parseComma()
    if let extra = arguments.first {
      throw flavour == .gnu ? FindUsageError(message: "you have too many ')'") : unrecognized(extra)
    }
    if hasPrune, hasDeleteAction, !explicitDepth, flavour == .gnu {
      throw FindUsageError(
        message: "The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  "
          + "If you want to carry on anyway, just explicitly use the -depth option.")
    }
    if !hasAction {
      // No action: `( EXPR ) -print`.
      expression = expression.map { Self.and($0, .action(.print)) } ?? .action(.print)
    }
    options.expression = expression.flatMap { $0.isPrintOnly ? nil : $0 }
    return options
  }

  private var hasDeleteAction = false

  // MARK: - precedence levels

  private mutating func parseComma() throws(FindUsageError) -> FindExpression? {
    var left = try parseOr()
    while flavour == .gnu, arguments.first == "," {
      arguments.removeFirst()
      let right = try parseOr(after: ",")
      left = Self.pair(left, right, FindExpression.comma)
    }
    return left
  }

  private mutating func parseOr(after op: String? = nil) throws(FindUsageError) -> FindExpression? {
    var left = try parseAnd(after: op)
    while let next = arguments.first, next == "-o" || next == "-or" {
      arguments.removeFirst()
      let right = try parseAnd(after: next)
      left = Self.pair(left, right, FindExpression.or)
    }
    return left
  }

  private mutating func parseAnd(after op: String?) throws(FindUsageError) -> FindExpression? {
    var left = try parseNot(after: op)
    while let next = arguments.first, startsOperand(next) || next == "-a" || next == "-and" {
      var op: String?
      if next == "-a" || next == "-and" {
        arguments.removeFirst()
        op = next
      }
      let right = try parseNot(after: op)
      left = Self.pair(left, right, Self.and)
    }
    return left
  }

  private mutating func parseNot(after op: String?) throws(FindUsageError) -> FindExpression? {
    guard let next = arguments.first, next == "!" || next == "-not" else { return try parsePrimary(after: op) }
    arguments.removeFirst()
    return try parseNot(after: next).map(FindExpression.not)
  }

  /// A parenthesised expression or a predicate. A missing operand is an error for GNU;
  /// busybox drops the operator instead (`find -o` lists everything).
  private mutating func parsePrimary(after op: String?) throws(FindUsageError) -> FindExpression? {
    guard let next = arguments.first else {
      if let op, flavour == .gnu { throw FindUsageError(message: "expected an expression after '\(op)'") }
      return nil
    }
    if isBinaryOperator(next) {
      guard flavour == .gnu else { return nil }
      throw FindUsageError(message: "invalid expression; you have used a binary operator '\(next)' with nothing before it.")
    }
    if next == ")" {
      guard flavour == .gnu else { return nil }
      if let op { throw FindUsageError(message: "expected an expression between '\(op)' and ')'") }
      throw FindUsageError(message: "you have too many ')'")
    }
    arguments.removeFirst()
    guard next == "(" else { return try parsePredicate(next) }
    if arguments.first == ")", flavour == .gnu {
      throw FindUsageError(message: "invalid expression; empty parentheses are not allowed.")
    }
    let inner = try parseComma()
    guard arguments.popFirst() == ")" else {
      throw FindUsageError(
        message: flavour == .gnu
          ? "invalid expression; I was expecting to find a ')' somewhere but did not see one." : "unpaired '('")
    }
    return inner
  }

  private func isBinaryOperator(_ word: String) -> Bool {
    ["-o", "-or", "-a", "-and"].contains(word) || (word == "," && flavour == .gnu)
  }

  /// Whether `word` begins the right operand of an implicit `-a`.
  private func startsOperand(_ word: String) -> Bool {
    word != ")" && !isBinaryOperator(word)
  }

  /// `a -a b`, where a missing side (busybox only) leaves the other.
  private static func pair(
    _ left: FindExpression?, _ right: FindExpression?, _ make: (FindExpression, FindExpression) -> FindExpression
  ) -> FindExpression? {
    guard let left else { return right }
    guard let right else { return left }
    return make(left, right)
  }

  /// `-a`, dropping an option's constant true so `find / -maxdepth 2` keeps the fast path.
  static func and(_ left: FindExpression, _ right: FindExpression) -> FindExpression {
    if case .constant(true) = left { return right }
    if case .constant(true) = right { return left }
    return .and(left, right)
  }

  // MARK: - predicates

  /// GNU find 4.9's primaries that docksim does not evaluate: "unknown predicate" would
  /// tell a student that GNU find lacks them.
  static let gnuPrimariesNotSimulated: Set<String> = [
    "-ok", "-okdir", "-execdir", "-regex", "-iregex", "-regextype", "-printf", "-fprintf", "-ls", "-fls",
    "-fprint", "-fprint0", "-links", "-inum", "-samefile", "-executable", "-readable", "-writable",
    "-atime", "-ctime", "-amin", "-cmin", "-anewer", "-cnewer", "-used", "-nouser", "-nogroup", "-daystart",
    "-lname", "-ilname", "-fstype", "-uid", "-gid", "-noleaf", "-ignore_readdir_race",
    "-noignore_readdir_race", "-files0-from", "-context", "-neweraa", "-newerac", "-neweram", "-newerat",
    "-newerca", "-newercc", "-newercm", "-newerct", "-newerma", "-newermc", "-newermm", "-newermt",
  ]

  private mutating func parsePredicate(_ name: String) throws(FindUsageError) -> FindExpression {
    if let option = try parseOption(name) { return option }
    let predicate: FindExpression
    if let action = try parseAction(name) {
      predicate = .action(action)
    } else if let test = try parseTest(name) {
      predicate = test
    } else if flavour == .gnu && Self.gnuPrimariesNotSimulated.contains(name) {
      throw FindUsageError(
        message: "docksim: find: \(name): not simulated (GNU find has it; docksim's find does not)", notSimulated: true)
    } else if name.hasPrefix("-") && name.count > 1 {
      throw flavour == .gnu ? FindUsageError(message: "unknown predicate `\(name)'") : unrecognized(name)
    } else {
      throw flavour == .gnu ? FindUsageError(message: "paths must precede expression: `\(name)'") : unrecognized(name)
    }
    lastNonOption = name
    return predicate
  }

  /// Global options: they apply to the whole walk wherever they stand (GNU warns when
  /// one follows a test or action, because that looks as if it were positional).
  private mutating func parseOption(_ name: String) throws(FindUsageError) -> FindExpression? {
    let gnuOnly: Set = ["-d", "-warn", "-nowarn", "-noleaf", "-mount", "-ignore_readdir_race", "-noignore_readdir_race"]
    let all: Set = ["-maxdepth", "-mindepth", "-depth", "-xdev"]
    guard all.contains(name) || (flavour == .gnu && gnuOnly.contains(name)) else { return nil }
    if let last = lastNonOption, warns, flavour == .gnu, name != "-warn", name != "-nowarn" {
      warnings.append(
        "warning: you have specified the global option \(name) after the argument \(last), but global options are not "
          + "positional, i.e., \(name) affects tests specified before it as well as those specified after it.  "
          + "Please specify global options before other arguments.")
    }
    switch name {
    case "-maxdepth": options.maxDepth = try depth(name)
    case "-mindepth": options.minDepth = try depth(name)
    case "-depth", "-d":
      options.depthFirst = true
      explicitDepth = true
    case "-warn": warns = true
    case "-nowarn": warns = false
    default: break  // one filesystem, and no leaf optimisation or readdir races to ignore
    }
    return .constant(true)
  }

  private mutating func depth(_ name: String) throws(FindUsageError) -> Int {
    let value = try argument(of: name)
    guard let depth = Int(value), depth >= 0, value.allSatisfy(\.isASCIIDigitCharacter) || flavour == .busybox else {
      throw FindUsageError(
        message: flavour == .gnu
          ? "Expected a positive decimal integer argument to \(name), but got \(tool.quote(value))"
          : "invalid number '\(value)'")
    }
    return depth
  }

  private mutating func parseAction(_ name: String) throws(FindUsageError) -> FindAction? {
    let action: FindAction
    switch name {
    case "-print": action = .print
    case "-print0": action = .print0
    case "-prune":
      hasPrune = true
      return .prune
    case "-quit": return .quit
    case "-delete":
      // -delete removes a directory after its contents, so it turns on -depth.
      options.depthFirst = true
      hasDeleteAction = true
      action = .delete
    case "-exec": action = .exec(try parseExec())
    default: return nil
    }
    hasAction = true
    return action
  }

  /// The command after -exec, up to `;`, or up to `+` right after a `{}`.
  private mutating func parseExec() throws(FindUsageError) -> FindExec {
    var argv: [String] = []
    while let word = arguments.popFirst() {
      if word == ";" { return try exec(argv, batch: false) }
      if word == "+", flavour == .busybox || argv.last?.contains("{}") == true || argv.isEmpty {
        return try exec(argv, batch: true)
      }
      argv.append(word)
    }
    throw missingArgument("-exec")
  }

  private mutating func exec(_ argv: [String], batch: Bool) throws(FindUsageError) -> FindExec {
    guard !argv.isEmpty else { throw missingArgument("-exec") }
    if batch {
      let placeholders = argv.filter { $0.contains("{}") }.count
      if flavour == .busybox, placeholders != 1 {
        throw FindUsageError(message: "only one '{}' allowed for -exec +")
      }
      if flavour == .gnu, let last = argv.last, last != "{}" {
        throw FindUsageError(message: "In '-exec ... {} +' the '{}' must appear by itself, but you specified '\(last)'")
      }
      if placeholders > 1 { throw FindUsageError(message: "Only one instance of {} is supported with -exec ... +") }
    }
    options.runsCommands = true
    let exec = FindExec(argv: argv, batch: batch, slot: batch ? options.batchCommands.count : -1)
    if batch { options.batchCommands.append(exec) }
    return exec
  }

  private mutating func parseTest(_ name: String) throws(FindUsageError) -> FindExpression? {
    switch name {
    case "-name": return .test(Self.nameTest(try basenamePattern(name)))
    case "-iname": return .test(.caseFoldedName(GlobPattern(try basenamePattern(name).lowercased())))
    case "-path", "-wholename": return .test(.path(GlobPattern(try argument(of: name)), caseFolded: false))
    case "-ipath", "-iwholename": return .test(.path(GlobPattern(try argument(of: name).lowercased()), caseFolded: true))
    case "-type": return .test(.type(try kinds(try argument(of: name))))
    case "-size": return .test(.size(try size(try argument(of: name))))
    case "-empty": return .test(.empty)
    case "-mtime", "-mmin": return .test(.age(try age(name, try argument(of: name))))
    case "-newer": return .test(.newer(try reference(try argument(of: name))))
    case "-user", "-group": return .test(try owner(name, try argument(of: name)))
    case "-perm": return .test(.perm(try permissions(try argument(of: name))))
    case "-true" where flavour == .gnu: return .constant(true)
    case "-false" where flavour == .gnu: return .constant(false)
    default: return nil
    }
  }

  /// The pattern of -name or -iname; GNU warns that one with a `/` never matches.
  private mutating func basenamePattern(_ name: String) throws(FindUsageError) -> String {
    let pattern = try argument(of: name)
    if flavour == .gnu, warns, pattern.contains("/"), pattern != "/" {
      let whole = name == "-name" ? "-wholename" : "-iwholename"
      warnings.append(
        "warning: '\(name)' matches against basenames only, but the given pattern contains a directory separator "
          + "('/'), thus the expression will evaluate to false all the time.  Did you mean '\(whole)'?")
    }
    return pattern
  }

  static func nameTest(_ text: String) -> Find.Test {
    let pattern = GlobPattern(text)
    return pattern.isPattern ? .name(pattern) : .exactName(Array(Find.unescaped(pattern).utf8))
  }

  // MARK: - arguments of tests

  private mutating func argument(of name: String) throws(FindUsageError) -> String {
    guard let value = arguments.popFirst() else { throw missingArgument(name) }
    return value
  }

  private func missingArgument(_ name: String) -> FindUsageError {
    FindUsageError(message: flavour == .gnu ? "missing argument to `\(name)'" : "\(name) requires an argument")
  }

  func unrecognized(_ word: String) -> FindUsageError {
    FindUsageError(message: "unrecognized: \(word)", usage: true)
  }

  private func invalidNumber(_ text: String) -> FindUsageError {
    FindUsageError(message: "invalid number '\(text)'")
  }

  /// `-type f`, and GNU's lists `-type f,d`. Devices, pipes and sockets are valid
  /// letters that match nothing here (the model has none).
  private func kinds(_ text: String) throws(FindUsageError) -> Set<FileKind> {
    var letters: [Character: FileKind?] = [
      "f": .regular, "d": .directory, "l": .symlink, "b": nil, "c": nil, "p": nil, "s": nil,
    ]
    guard flavour == .gnu else {
      guard text.count == 1, let kind = letters[text.first!] else {
        throw FindUsageError(message: "invalid argument '\(text)' to '-type'")
      }
      return kind.map { [$0] } ?? []
    }
    guard !text.isEmpty else { throw FindUsageError(message: "Arguments to -type should contain at least one letter") }
    letters["D"] = .some(nil)  // Solaris doors
    var kinds: Set<FileKind> = []
    var seen: Set<Character> = []
    for (index, letter) in text.enumerated() {
      if index % 2 == 1 {
        guard letter == "," else {
          throw FindUsageError(message: "Must separate multiple arguments to -type using: ','")
        }
        if index == text.count - 1 {
          throw FindUsageError(
            message: "Last file type in list argument to -type is missing, i.e., list is ending on: ','")
        }
        continue
      }
      guard let kind = letters[letter] else {
        throw FindUsageError(message: "Unknown argument to -type: \(letter)")
      }
      guard seen.insert(letter).inserted else {
        throw FindUsageError(message: "Duplicate file type '\(letter)' in the argument list to -type.")
      }
      if let kind { kinds.insert(kind) }
    }
    return kinds
  }

  /// `-size [+-]N[unit]`: GNU's units are b (512, the default), c, w, k, M, G;
  /// busybox's are b, c, w, k.
  private func size(_ text: String) throws(FindUsageError) -> Find.SizeTest {
    var units: [Character: Int64] = ["b": 512, "c": 1, "w": 2, "k": 1024]
    if flavour == .gnu {
      units["M"] = 1 << 20
      units["G"] = 1 << 30
    }
    guard flavour == .busybox || !text.isEmpty else { throw FindUsageError(message: "invalid null argument to -size") }
    let (comparison, sizeText) = Self.comparison(text)
    var rest = sizeText
    var unit: Int64 = 512
    // The unit is the argument's last character, whatever comes before it.
    if let last = text.last, !last.isASCIIDigitCharacter {
      guard let value = units[last] else {
        throw flavour == .gnu ? FindUsageError(message: "invalid -size type `\(last)'") : invalidNumber(text)
      }
      unit = value
      rest = rest.dropLast()
    }
    guard !rest.isEmpty, rest.allSatisfy(\.isASCIIDigitCharacter), let count = Int64(rest) else {
      throw flavour == .gnu ? FindUsageError(message: "Invalid argument `\(text)' to -size") : invalidNumber(text)
    }
    return Find.SizeTest(comparison: comparison, count: count, unit: unit, roundsUp: flavour == .gnu)
  }

  /// `-mtime [+-]N` (days) and `-mmin [+-]N` (minutes); GNU takes fractions.
  private func age(_ name: String, _ text: String) throws(FindUsageError) -> Find.AgeTest {
    let (comparison, rest) = Self.comparison(text)
    let unit: Double = name == "-mtime" ? 86_400 : 60
    if flavour == .busybox {
      guard !rest.isEmpty, rest.allSatisfy(\.isASCIIDigitCharacter), let count = Double(rest) else {
        throw invalidNumber(text)
      }
      return Find.AgeTest(comparison: comparison, count: count, unit: unit, rule: .busybox)
    }
    guard let count = Double(rest), count.isFinite, !rest.contains(where: { $0.isLetter }) else {
      throw FindUsageError(message: "invalid argument `\(text)' to `\(name)'")
    }
    return Find.AgeTest(comparison: comparison, count: count, unit: unit, rule: name == "-mtime" ? .gnuDays : .gnuMinutes)
  }

  static func comparison(_ text: String) -> (Find.Comparison, Substring) {
    switch text.first {
    case "+": return (.greater, text.dropFirst())
    case "-": return (.less, text.dropFirst())
    default: return (.equal, Substring(text))
    }
  }

  private mutating func reference(_ path: String) throws(FindUsageError) -> Timestamp {
    let absolute = tool.absolute(path)
    do throws(FSError) {
      return try (flavour == .gnu && !follows ? fs.lstat(absolute) : fs.stat(absolute)).mtime
    } catch {
      throw FindUsageError(
        message: flavour == .gnu ? "\(tool.quote(path)): \(error)" : "can't stat '\(path)': \(error)")
    }
  }

  private mutating func owner(_ name: String, _ text: String) throws(FindUsageError) -> Find.Test {
    let user = name == "-user"
    if text.isEmpty, flavour == .gnu {
      throw FindUsageError(message: "The argument to \(name) should not be empty")
    }
    let names = UserNames(fs: &fs)
    if let id = user ? names.userID(text) : names.groupID(text) { return user ? .user(id) : .group(id) }
    switch (flavour, user) {
    case (.gnu, true): throw FindUsageError(message: "\(tool.quote(text)) is not the name of a known user")
    case (.gnu, false): throw FindUsageError(message: "\(tool.quote(text)) is not the name of an existing group")
    case (.busybox, true): throw FindUsageError(message: "unknown user \(text)")
    case (.busybox, false): throw FindUsageError(message: "unknown group \(text)")
    }
  }

  /// `-perm MODE` (exactly), `-perm -MODE` (all of these bits), `-perm /MODE` (any;
  /// busybox also `+MODE`). MODE is octal or symbolic, as chmod reads it from 000.
  private func permissions(_ text: String) throws(FindUsageError) -> Find.PermTest {
    var match = Find.PermTest.Match.exactly
    var body = Substring(text)
    switch text.first {
    case "-": match = .all
    case "/": match = .any
    case "+" where flavour == .busybox: match = .any
    default: break
    }
    if match != .exactly { body = body.dropFirst() }
    guard let change = ModeChange.parse(String(body)) else {
      throw FindUsageError(message: "invalid mode '\(text)'")
    }
    return Find.PermTest(match: match, bits: change.apply(to: 0, isDirectory: false, umask: 0))
  }
}

extension Character {
  var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

// MARK: - tests

extension Find {
  enum Test {
    case name(GlobPattern)
    /// `-name` without wildcards: the name's bytes equal these (what fnmatch decides).
    case exactName([UInt8])
    /// `-iname`: GNU matches with FNM_CASEFOLD; both sides are lowercased here.
    case caseFoldedName(GlobPattern)
    /// `-path`/`-wholename` (`-ipath`): the whole path as printed; `*` also matches `/`.
    case path(GlobPattern, caseFolded: Bool)
    case type(Set<FileKind>)
    case size(SizeTest)
    case empty
    case age(AgeTest)
    /// `-newer FILE`: modified after FILE was.
    case newer(Timestamp)
    case user(UInt32)
    case group(UInt32)
    case perm(PermTest)
  }

  enum Comparison {
    case less, equal, greater

    func holds<T: Comparable>(_ value: T, _ reference: T) -> Bool {
      switch self {
      case .less: value < reference
      case .equal: value == reference
      case .greater: value > reference
      }
    }
  }

  struct SizeTest {
    var comparison: Comparison
    var count: Int64
    var unit: Int64
    /// GNU compares the size in units rounded up (a 1-byte file is 1 block, `-size -1M`
    /// is only empty files); busybox compares bytes with count × unit.
    var roundsUp: Bool

    func matches(_ size: Int) -> Bool {
      let bytes = Int64(size)
      if roundsUp { return comparison.holds((bytes + unit - 1) / unit, count) }
      return comparison.holds(bytes, count * unit)
    }
  }

  /// -mtime and -mmin against the simulated clock.
  struct AgeTest {
    enum Rule {
      /// GNU -mtime: N means N×24h ≤ age < (N+1)×24h; +N means older than (N+1)×24h.
      case gnuDays
      /// GNU -mmin: N means (N-1) minutes ≤ age < N minutes; +N older than N minutes.
      case gnuMinutes
      /// busybox: whole seconds; N means N units ≤ age < N+1; +N at least N+1 units.
      case busybox
    }
    var comparison: Comparison
    var count: Double
    var unit: Double
    var rule: Rule

    func matches(modified: Timestamp, now: Timestamp) -> Bool {
      if rule == .busybox {
        let age = Double(now.seconds - modified.seconds)
        let low = count * unit
        switch comparison {
        case .greater: return age >= low + unit
        case .less: return age < low
        case .equal: return age >= low && age < low + unit
        }
      }
      let age = Double(now.seconds - modified.seconds) + Double(now.nanosecondOfSecond - modified.nanosecondOfSecond) / 1e9
      // GNU measures -mtime N and +N from one day before now ("today" is a whole day).
      let limit = count * unit + (rule == .gnuDays ? unit : 0)
      switch comparison {
      case .greater: return age > limit
      case .less: return age < count * unit
      case .equal: return age >= limit - unit && age < limit
      }
    }
  }

  struct PermTest {
    enum Match { case exactly, all, any }
    var match: Match
    var bits: UInt32

    func matches(_ mode: UInt32) -> Bool {
      switch match {
      case .exactly: return mode & 0o7777 == bits
      case .all: return mode & bits == bits
      case .any: return bits == 0 || mode & bits != 0
      }
    }
  }
}

extension Find.Test {
  /// The per-entry test: the seam where predicates plug in without touching the walk.
  /// Tests on the name and kind read what readdir gave; the rest `lstat` the entry.
  func matches(_ entry: FindEntry, fs: inout ContainerFS) -> Bool {
    switch self {
    case .name(let pattern): return pattern.matches(entry.name)
    case .exactName(let bytes): return entry.name.utf8.elementsEqual(bytes)
    case .caseFoldedName(let pattern): return pattern.matches(entry.name.lowercased())
    case .path(let pattern, let folded): return pattern.matches(folded ? entry.path.lowercased() : entry.path)
    case .type(let kinds): return kinds.contains(entry.kind)
    case .empty: return isEmpty(entry, fs: &fs)
    default:
      guard let stat = entry.lstat(fs: &fs) else { return false }
      return matches(stat, now: entry.tool.now)
    }
  }

  private func matches(_ stat: FileStat, now: Timestamp) -> Bool {
    switch self {
    case .size(let test): return test.matches(stat.size)
    case .age(let test): return test.matches(modified: stat.mtime, now: now)
    case .newer(let reference): return stat.mtime > reference
    case .user(let uid): return stat.metadata.uid == uid
    case .group(let gid): return stat.metadata.gid == gid
    case .perm(let test): return test.matches(stat.mode)
    default: return false
    }
  }

  /// `-empty`: a regular file of no bytes or a directory with no entries.
  private func isEmpty(_ entry: FindEntry, fs: inout ContainerFS) -> Bool {
    switch entry.kind {
    case .regular: return entry.lstat(fs: &fs)?.size == 0
    case .directory:
      let directory =
        entry.parent.flatMap { fs.subdirectory(entry.name, of: $0) }
        ?? (try? fs.openDirectory(entry.tool.absolute(entry.path)))
      return directory.map { fs.entries(of: $0).isEmpty } ?? false
    case .symlink: return false
    }
  }
}
