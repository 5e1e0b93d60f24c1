import DockSimCore

// MARK: - find

/// GNU find (findutils 4.9) or busybox find, whichever the image has: start points,
/// then an expression of tests, actions and operators (FindExpression.swift).
struct Find: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("find", session: session)
    let flavour: FindFlavour = session.isBusybox("find") ? .busybox : .gnu
    var arguments = ArraySlice(invocation.operands)
    let follow = Self.symlinkOption(&arguments)
    var starts: [String] = []
    while let first = arguments.first, !Self.startsExpression(first) {
      starts.append(first)
      arguments.removeFirst()
    }
    if starts.isEmpty { starts = ["."] }
    var parser = FindParser(
      arguments, flavour: flavour, tool: tool, warns: invocation.stdinIsTerminal, follows: follow != .never,
      fs: session.filesystem)
    let options: FindOptions
    do {
      options = try parser.parse()
    } catch {
      if error.notSimulated { console.errorLine(error.message) } else { tool.fail(error.message, console: &console) }
      if error.usage { console.write(Self.busyboxUsage, to: .stderr) }
      return 1
    }
    for warning in parser.warnings { tool.fail(warning, console: &console) }
    let walk = Walk(
      limits: (options.minDepth, options.maxDepth), depthFirst: options.depthFirst, follow: follow, options: options)
    if options.runsCommands {
      return Self.runningCommands(walk, starts, tool: tool, flavour: flavour, session: &session, console: &console)
    }
    return session.withFilesystem { fs in
      var state = FindState(fs: fs, console: console, tool: tool, flavour: flavour, batches: options.batchCommands)
      let status = walk.run(starts, &state) { _, _ in nil }
      fs = state.fs
      console = state.console
      return status
    }
  }

  /// `-P` (never follow symlinks, the default), `-H` (follow those given as start
  /// points), `-L` (follow all): the last of them, before the start points, wins.
  static func symlinkOption(_ arguments: inout ArraySlice<String>) -> FollowSymlinks {
    let modes: [String: FollowSymlinks] = ["-P": .never, "-H": .startPoints, "-L": .always]
    var follow = FollowSymlinks.never
    while let first = arguments.first, let mode = modes[first] {
      follow = mode
      arguments.removeFirst()
    }
    return follow
  }

  /// The first word of the expression: an option or test (`-x`), `(` or `!`. A lone
  /// `-`, `)` and `,` before it are start points.
  static func startsExpression(_ word: String) -> Bool {
    (word.hasPrefix("-") && word.count > 1) || word == "(" || word == "!"
  }

  /// With -exec the walk gives the session to each command, as find forks it: what the
  /// walk changed goes to the session first, and the walk goes on from the tree the
  /// command left (its directory handles from before are stale: `FindState.epoch`).
  private static func runningCommands(
    _ walk: Walk, _ starts: [String], tool: FileTool, flavour: FindFlavour, session: inout Session,
    console: inout Console
  ) -> Int32 {
    var fs = session.filesystem
    fs.tracing = session.tracing
    var state = FindState(fs: fs, console: console, tool: tool, flavour: flavour, batches: walk.options.batchCommands)
    let status = walk.run(starts, &state) { argv, state in
      store(state.fs, in: &session)
      defer {
        state.fs = session.filesystem
        state.fs.tracing = session.tracing
      }
      // What an exec(3) finds: programs, not the shell's functions.
      guard session.canRun(argv[0]), session.currentShell.functions[argv[0]] == nil else { return nil }
      var shell = ShellRun(dialect: .bashCommand(name: "find"), isSubshell: true)
      return shell.invoke(argv, stdin: [], stdinIsTerminal: false, session: &session, console: &state.console)
    }
    store(state.fs, in: &session)
    console = state.console
    return status
  }

  private static func store(_ fs: ContainerFS, in session: inout Session) {
    session.withFilesystem { $0 = fs }
  }

  /// The tree walk, with an explicit stack of open directories: a path 10,000
  /// directories deep costs memory, not native stack. Each directory is resolved once
  /// and its children found from it (`DirectoryHandle`); the path is built in one
  /// reusable byte buffer and the output lines in one buffer per command, so listing an
  /// entry allocates nothing unless a predicate asks for its path as a `String`.
  /// A class: the walk's loop then reads these fields through one reference instead
  /// of copying the options (arrays, the expression) into its frames of work.
  final class Walk {
    let limits: (min: Int, max: Int)
    let depthFirst: Bool
    let follow: FollowSymlinks
    let options: FindOptions
    /// No expression: every entry is printed, with no `FindEntry` built.
    private let printsAll: Bool
    /// `T1 -a T2 ... -print` (the common `-name X`) as its tests, checked in a row
    /// without walking the expression tree (whose copies cost a retain per node).
    private let tests: [Find.Test]
    private let judgesByTests: Bool

    init(limits: (min: Int, max: Int), depthFirst: Bool, follow: FollowSymlinks, options: FindOptions) {
      self.limits = limits
      self.depthFirst = depthFirst
      self.follow = follow
      self.options = options
      let tests = options.expression.flatMap(Self.testsThenPrint)
      printsAll = options.expression == nil
      judgesByTests = tests != nil
      self.tests = tests ?? []
    }

    /// The tests of `T1 -a ... -a Tn -a -print`; nil for any other expression.
    private static func testsThenPrint(_ expression: FindExpression) -> [Find.Test]? {
      guard case .and(let left, .action(.print)) = expression else { return nil }
      return conjunction(left)
    }

    private static func conjunction(_ expression: FindExpression) -> [Find.Test]? {
      switch expression {
      case .test(let test): return [test]
      case .and(let left, let right):
        guard let first = conjunction(left), let second = conjunction(right) else { return nil }
        return first + second
      default: return nil
      }
    }

    /// One directory being listed: its entries and the next one to visit.
    private struct Frame {
      var directory: DirectoryHandle?
      var entries: [DirectoryEntry]
      var next = 0
      /// The directory's own entry (for -depth, which tests and prints it after its children).
      var name: String
      var depth: Int
      /// Bytes of `path` that are the directory's path.
      var pathLength: Int
      /// Whether a `/` goes between that path and a child's name (not after `/` or `dir/`).
      var separator: Bool
      /// `FindState.epoch` when the directory was opened.
      var epoch: Int
      /// The directory's inode under -L, where a symlink can lead back to an ancestor.
      var inode: UInt64 = 0
    }

    /// Walks every start point, then runs the `-exec ... +` batches; the exit status.
    func run(_ starts: [String], _ state: inout FindState, _ commands: FindCommands) -> Int32 {
      var status: Int32 = 0
      for start in starts where !state.stopped {
        let absolute = state.tool.absolute(start)
        let followed = follow == .never ? nil : try? state.fs.stat(absolute)
        guard let stat = followed ?? (try? state.fs.lstat(absolute)) else {
          let name = state.flavour == .gnu ? state.tool.quote(start) : start
          state.fail("\(name): \(FSError.noSuchFile)")
          status = 1
          continue
        }
        walk(start, kind: stat.kind, &state, commands)
      }
      if !state.console.isInterrupted { state.runBatches(commands) }
      _ = state.lines.flush(console: &state.console)
      if state.console.isInterrupted { return ShellRun.interruptedStatus }
      return state.failed ? 1 : status
    }

    private func walk(_ start: String, kind: FileKind, _ state: inout FindState, _ commands: FindCommands) {
      var path = Array(start.utf8)
      let startName = PathText.basename(start)
      let descends = kind == .directory && limits.max > 0
      state.pruned = false
      if !(depthFirst && descends) {
        guard visit(startName, kind, depth: 0, path[...], parent: nil, &state, commands, follows: follow != .never)
        else { return }
        if state.pruned { return }
      }
      guard descends else { return }
      // The directory being listed stays out of the stack (copying a frame per entry
      // would retain its parts each time); the stack holds its ancestors.
      let top = try? state.fs.openDirectory(state.tool.absolute(start))
      var current = open(top, name: startName, depth: 0, path: path, &state)
      var ancestors: [Frame] = []
      while true {
        if state.console.isInterrupted { return }
        guard current.next < current.entries.count else {
          path.removeSubrange(current.pathLength...)
          if depthFirst {
            let parent = ancestors.last.flatMap { $0.epoch == state.epoch ? $0.directory : nil }
            let follows = follow == .always || (current.depth == 0 && follow == .startPoints)
            guard
              visit(current.name, .directory, depth: current.depth, path[...], parent: parent, &state, commands, follows: follows)
            else { return }
          }
          guard let parent = ancestors.popLast() else { return }
          current = parent
          continue
        }
        let entry = current.entries[current.next]
        current.next += 1
        path.removeSubrange(current.pathLength...)
        if current.separator { path.append(UInt8(ascii: "/")) }
        path.append(contentsOf: entry.name.utf8)
        let depth = current.depth + 1
        let linked = follow == .always && entry.kind == .symlink
        guard let kind = linked ? target(path, ancestors + [current], &state) : entry.kind else { continue }
        let descends = kind == .directory && depth < limits.max
        state.pruned = false
        if !(depthFirst && descends) && depth >= limits.min {
          if printsAll {
            // The plain `find /`: no entry, no handle copied, just the line.
            state.print(path[...], terminator: UInt8(ascii: "\n"))
            if state.stopped { return }
          } else {
            let parent = current.epoch == state.epoch ? current.directory : nil
            guard visit(entry.name, kind, depth: depth, path[...], parent: parent, &state, commands, follows: linked)
            else { return }
          }
        }
        if descends && !state.pruned {
          let directory = linked ? reopen(path, &state) : subdirectory(entry.name, path, of: current, &state)
          let child = open(directory, name: entry.name, depth: depth, path: path, &state)
          ancestors.append(current)
          current = child
        }
      }
    }

    /// The child directory to list: found from its parent's handle, or by its path
    /// when a command may have changed the tree since the parent was opened (then, as
    /// GNU find does, a directory that went away is an error).
    private func subdirectory(
      _ name: String, _ path: [UInt8], of frame: Frame, _ state: inout FindState
    ) -> DirectoryHandle? {
      if frame.epoch == state.epoch { return frame.directory.flatMap { state.fs.subdirectory(name, of: $0) } }
      let text = String(decoding: path, as: UTF8.self)
      do throws(FSError) {
        guard try state.fs.lstat(state.tool.absolute(text)).kind == .directory else { return nil }
      } catch {
        state.fail("\(state.flavour == .gnu ? state.tool.quote(text) : text): \(error)")
        state.failed = true
        return nil
      }
      return reopen(path, &state)
    }

    /// Opens a directory by its path (following a symlink to it).
    private func reopen(_ path: [UInt8], _ state: inout FindState) -> DirectoryHandle? {
      let text = String(decoding: path, as: UTF8.self)
      do throws(FSError) {
        return try state.fs.openDirectory(state.tool.absolute(text))
      } catch {
        state.fail("\(state.flavour == .gnu ? state.tool.quote(text) : text): \(error)")
        state.failed = true
        return nil
      }
    }

    private func open(
      _ directory: DirectoryHandle?, name: String, depth: Int, path: [UInt8], _ state: inout FindState
    ) -> Frame {
      var frame = Frame(
        directory: directory, entries: directory.map { state.fs.entries(of: $0) } ?? [], name: name, depth: depth,
        pathLength: path.count, separator: path.last != UInt8(ascii: "/"), epoch: state.epoch)
      if follow == .always, let directory { frame.inode = (try? state.fs.lstat(directory.path))?.inode ?? 0 }
      return frame
    }

    /// Under -L, what a symlink leads to: its target's kind, `.symlink` when it leads
    /// nowhere, nil (after GNU's message) when it leads back to a directory being
    /// listed, or (busybox) when resolving it fails.
    private func target(_ path: [UInt8], _ frames: [Frame], _ state: inout FindState) -> FileKind? {
      let text = String(decoding: path, as: UTF8.self)
      let stat: FileStat
      do throws(FSError) {
        stat = try state.fs.stat(state.tool.absolute(text))
      } catch {
        guard error != .noSuchFile, state.flavour == .busybox else { return .symlink }
        state.fail("\(text): \(error)")
        state.failed = true
        return nil
      }
      guard stat.kind == .directory, state.flavour == .gnu,
        let loop = frames.first(where: { $0.inode == stat.inode && $0.directory != nil })
      else { return stat.kind }
      let ancestor = String(decoding: path[..<loop.pathLength], as: UTF8.self)
      state.fail(
        "File system loop detected; \(state.tool.quote(text)) is part of the same file system loop as "
          + "\(state.tool.quote(ancestor)).")
      state.failed = true
      return nil
    }

    /// Evaluates the expression on one entry (or prints it when there is none); false
    /// once the walk must stop (-quit, the output limit).
    private func visit(
      _ name: String, _ kind: FileKind, depth: Int, _ path: ArraySlice<UInt8>, parent: DirectoryHandle?,
      _ state: inout FindState, _ commands: FindCommands, follows: Bool
    ) -> Bool {
      guard depth >= limits.min else { return true }
      if printsAll {
        state.print(path, terminator: UInt8(ascii: "\n"))
        return !state.stopped
      }
      let entry = FindEntry(
        name: name, kind: kind, depth: depth, pathBytes: path, parent: parent, tool: state.tool, follows: follows)
      if judgesByTests {
        if tests.allSatisfy({ $0.matches(entry, fs: &state.fs) }) { state.print(path, terminator: UInt8(ascii: "\n")) }
      } else {
        _ = options.expression?.evaluate(entry, &state, commands)
      }
      return !state.stopped
    }
  }
}

extension Find {
  /// The text of a pattern that has no wildcards (its `\` quotes removed).
  static func unescaped(_ pattern: GlobPattern) -> String {
    var scalars = String.UnicodeScalarView()
    for case .literal(let scalar) in pattern.elements { scalars.append(scalar) }
    return String(scalars)
  }
}

/// Which symlinks find follows: `-P`, `-H`, `-L`.
enum FollowSymlinks {
  case never, startPoints, always
}

/// Runs one command for -exec; nil when there is no such program.
typealias FindCommands = (_ argv: [String], _ state: inout FindState) -> Int32?

/// What one find carries through its walk: the tree it looks at, where its lines go,
/// and what its actions did so far.
struct FindState {
  var fs: ContainerFS
  var console: Console
  var lines: FindLines
  let tool: FileTool
  let flavour: FindFlavour
  /// Counts the commands run: a directory handle taken before the last one may be stale.
  var epoch = 0
  /// -prune said not to descend into the entry being visited.
  var pruned = false
  /// -quit, or the output limit: the walk ends.
  var stopped = false
  /// Something went wrong that makes find's status 1 (a failed -delete, a failed batch).
  var failed = false
  private let batchCommands: [FindExec]
  /// The paths gathered for each `-exec ... +`.
  private var batches: [[String]]

  init(fs: ContainerFS, console: Console, tool: FileTool, flavour: FindFlavour, batches: [FindExec]) {
    self.fs = fs
    self.console = console
    self.tool = tool
    self.flavour = flavour
    lines = FindLines(output: LimitedOutput(program: "find"))
    batchCommands = batches
    self.batches = Array(repeating: [], count: batches.count)
  }

  mutating func print(_ path: ArraySlice<UInt8>, terminator: UInt8) {
    if !lines.print(path, terminator: terminator, console: &console) { stopped = true }
  }

  /// A message on standard error, after the lines printed before it.
  mutating func fail(_ message: String) {
    _ = lines.flush(console: &console)
    tool.fail(message, console: &console)
  }

  /// -delete: unlink or rmdir through the union filesystem (a lower file leaves a
  /// whiteout in the container's layer). `.` itself is never removed.
  mutating func delete(_ entry: FindEntry) -> Bool {
    let path = entry.path
    guard path != "." else { return true }
    let absolute = tool.absolute(path)
    do throws(FSError) {
      if entry.kind == .directory {
        try fs.rmdir(absolute, at: tool.now)
      } else {
        try fs.unlink(absolute, at: tool.now)
      }
      return true
    } catch {
      fail(flavour == .gnu ? "cannot delete \(tool.quote(path)): \(error)" : "\(path): \(error)")
      failed = true
      return false
    }
  }

  /// -exec: `;` runs the command now and is true when it exits 0; `+` gathers the path
  /// for a batch run at the end and is true.
  mutating func exec(_ exec: FindExec, _ entry: FindEntry, _ commands: FindCommands) -> Bool {
    if exec.batch {
      batches[exec.slot].append(entry.path)
      return true
    }
    return run(exec.command(for: entry.path), commands) == 0
  }

  /// The batches still gathered; a batch that fails makes find fail.
  mutating func runBatches(_ commands: FindCommands) {
    for (slot, paths) in batches.enumerated() where !paths.isEmpty {
      batches[slot] = []
      if run(batchCommands[slot].command(for: paths), commands) != 0 { failed = true }
    }
  }

  /// Runs a command as find's child: find's lines so far go out first.
  private mutating func run(_ argv: [String], _ commands: FindCommands) -> Int32 {
    if !lines.flush(console: &console) { stopped = true }
    epoch += 1
    guard let status = commands(argv, &self) else {
      fail("\(flavour == .gnu ? tool.quote(argv[0]) : argv[0]): \(FSError.noSuchFile)")
      return 1
    }
    return status
  }
}

extension FindExpression {
  /// The value for one entry, evaluating no more than the operators need.
  func evaluate(_ entry: FindEntry, _ state: inout FindState, _ commands: FindCommands) -> Bool {
    switch self {
    case .test(let test): return test.matches(entry, fs: &state.fs)
    case .action(let action): return action.perform(entry, &state, commands)
    case .constant(let value): return value
    case .not(let operand): return !operand.evaluate(entry, &state, commands)
    case .and(let left, let right):
      guard left.evaluate(entry, &state, commands), !state.stopped else { return false }
      return right.evaluate(entry, &state, commands)
    case .or(let left, let right):
      if left.evaluate(entry, &state, commands) || state.stopped { return true }
      return right.evaluate(entry, &state, commands)
    case .comma(let left, let right):
      _ = left.evaluate(entry, &state, commands)
      return !state.stopped && right.evaluate(entry, &state, commands)
    }
  }
}

extension FindAction {
  func perform(_ entry: FindEntry, _ state: inout FindState, _ commands: FindCommands) -> Bool {
    switch self {
    case .print: state.print(entry.pathBytes, terminator: UInt8(ascii: "\n"))
    case .print0: state.print(entry.pathBytes, terminator: 0)
    case .prune: state.pruned = true
    case .quit: state.stopped = true
    case .delete: return state.delete(entry)
    case .exec(let exec): return state.exec(exec, entry, commands)
    }
    return true
  }
}

/// find's output: lines gathered in one buffer and handed to the console 64 KiB at a
/// time (and at the end), through the command's output limit. An action that writes
/// to the console itself must `flush` first, to keep the order.
struct FindLines {
  private var output: LimitedOutput
  private var buffer: [UInt8] = []
  private static let chunk = 1 << 16

  init(output: LimitedOutput) {
    self.output = output
    buffer.reserveCapacity(FindLines.chunk + 4096)
  }

  /// Adds `path` and the terminator (a newline, or NUL for -print0); false once the
  /// output limit is reached.
  mutating func print(_ path: ArraySlice<UInt8>, terminator: UInt8 = UInt8(ascii: "\n"), console: inout Console) -> Bool {
    buffer.append(contentsOf: path)
    buffer.append(terminator)
    return buffer.count < FindLines.chunk || flush(console: &console)
  }

  mutating func flush(console: inout Console) -> Bool {
    guard !buffer.isEmpty else { return !output.stopped }
    defer { buffer.removeAll(keepingCapacity: true) }
    return output.write(buffer, console: &console)
  }
}

/// One entry of the walk as a predicate sees it. The walk knows the name and the kind
/// from `readdir`; the path is a `String` only when asked for, and anything more (size,
/// times, mode) is an `lstat` the predicate asks for, so a walk whose predicates need
/// none builds no `String` and no `FileStat` per entry.
struct FindEntry {
  /// The last component (`-name`); for a start operand, its basename.
  let name: String
  let kind: FileKind
  /// 0 for the start operand.
  let depth: Int
  /// As find prints it: the start operand joined with the names below it.
  let pathBytes: ArraySlice<UInt8>
  /// The directory the entry was listed from (nil for a start operand, or when a
  /// command has run since it was opened).
  let parent: DirectoryHandle?
  let tool: FileTool
  /// -L, or -H for a start point: tests see what a symlink leads to.
  var follows = false

  var path: String { String(decoding: pathBytes, as: UTF8.self) }

  /// The entry's own metadata (find does not follow symlinks by default); a symlink
  /// that leads nowhere is itself even when following.
  func lstat(fs: inout ContainerFS) -> FileStat? {
    if follows, let stat = try? fs.stat(tool.absolute(path)) { return stat }
    if let parent, depth > 0 { return try? fs.lstat(name, in: parent) }
    return try? fs.lstat(tool.absolute(path))
  }
}

extension Find {
  /// What busybox prints after `find: unrecognized: WORD` (its usage text, `find --help`).
  static let busyboxUsage = """
    BusyBox v1.31.1 () multi-call binary.

    Usage: find [-HL] [PATH]... [OPTIONS] [ACTIONS]

    Search for files and perform actions on them.
    First failed action stops processing of current file.
    Defaults: PATH is current directory, action is '-print'

    \t-L,-follow\tFollow symlinks
    \t-H\t\t...on command line only
    \t-xdev\t\tDon't descend directories on other filesystems
    \t-maxdepth N\tDescend at most N levels. -maxdepth 0 applies
    \t\t\tactions to command line arguments only
    \t-mindepth N\tDon't act on first N levels
    \t-depth\t\tAct on directory *after* traversing it

    Actions:
    \t( ACTIONS )\tGroup actions for -o / -a
    \t! ACT\t\tInvert ACT's success/failure
    \tACT1 [-a] ACT2\tIf ACT1 fails, stop, else do ACT2
    \tACT1 -o ACT2\tIf ACT1 succeeds, stop, else do ACT2
    \t\t\tNote: -a has higher priority than -o
    \t-name PATTERN\tMatch file name (w/o directory name) to PATTERN
    \t-iname PATTERN\tCase insensitive -name
    \t-path PATTERN\tMatch path to PATTERN
    \t-ipath PATTERN\tCase insensitive -path
    \t-regex PATTERN\tMatch path to regex PATTERN
    \t-type X\t\tFile type is X (one of: f,d,l,b,c,s,p)
    \t-executable\tFile is executable
    \t-perm MASK\tAt least one mask bit (+MASK), all bits (-MASK),
    \t\t\tor exactly MASK bits are set in file's mode
    \t-mtime DAYS\tmtime is greater than (+N), less than (-N),
    \t\t\tor exactly N days in the past
    \t-atime DAYS\tatime +N/-N/N days in the past
    \t-ctime DAYS\tctime +N/-N/N days in the past
    \t-mmin MINS\tmtime is greater than (+N), less than (-N),
    \t\t\tor exactly N minutes in the past
    \t-amin MINS\tatime +N/-N/N minutes in the past
    \t-cmin MINS\tctime +N/-N/N minutes in the past
    \t-newer FILE\tmtime is more recent than FILE's
    \t-inum N\t\tFile has inode number N
    \t-samefile FILE\tFile is same as FILE
    \t-user NAME/ID\tFile is owned by given user
    \t-group NAME/ID\tFile is owned by given group
    \t-size N[bck]\tFile size is N (c:bytes,k:kbytes,b:512 bytes(def.))
    \t\t\t+/-N: file size is bigger/smaller than N
    \t-links N\tNumber of links is greater than (+N), less than (-N),
    \t\t\tor exactly N
    \t-empty\t\tMatch empty file/directory
    \t-prune\t\tIf current file is directory, don't descend into it
    If none of the following actions is specified, -print is assumed
    \t-print\t\tPrint file name
    \t-print0\t\tPrint file name, NUL terminated
    \t-exec CMD ARG ;\tRun CMD with all instances of {} replaced by
    \t\t\tfile name. Fails if CMD exits with nonzero
    \t-exec CMD ARG + Run CMD with {} replaced by list of file names
    \t-delete\t\tDelete current file/directory. Turns on -depth option
    \t-quit\t\tExit

    """
}
