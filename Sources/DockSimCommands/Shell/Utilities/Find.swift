import DockSimCore

// MARK: - find

struct Find: Program {
  enum Test {
    case name(GlobPattern)
    /// `-name` without wildcards: the name's bytes equal these (what fnmatch decides).
    case exactName([UInt8])
    /// `-iname`: GNU matches with FNM_CASEFOLD; both sides are lowercased here.
    case caseFoldedName(GlobPattern)
    case type(FileKind)
  }

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("find", session: session)
    var arguments = ArraySlice(invocation.operands)
    var starts: [String] = []
    while let first = arguments.first, !first.hasPrefix("-") || first == "-" {
      starts.append(first)
      arguments.removeFirst()
    }
    if starts.isEmpty { starts = ["."] }
    var tests: [Test] = []
    var maxDepth = Int.max
    var minDepth = 0
    var depthFirst = false
    while let arg = arguments.popFirst() {
      switch arg {
      case "-print": continue
      case "-depth", "-d": depthFirst = true
      case "-name", "-iname", "-type", "-maxdepth", "-mindepth":
        guard let value = arguments.popFirst() else {
          tool.fail("missing argument to `\(arg)'", console: &console)
          return 1
        }
        switch arg {
        case "-name":
          let pattern = GlobPattern(value)
          tests.append(pattern.isPattern ? .name(pattern) : .exactName(Array(Find.unescaped(pattern).utf8)))
        case "-iname": tests.append(.caseFoldedName(GlobPattern(value.lowercased())))
        case "-type":
          let kinds: [String: FileKind] = ["f": .regular, "d": .directory, "l": .symlink]
          guard let kind = kinds[value] else {
            tool.fail("Unknown argument to -type: \(value)", console: &console)
            return 1
          }
          tests.append(.type(kind))
        case "-maxdepth", "-mindepth":
          guard let depth = Int(value), depth >= 0 else {
            tool.fail("Expected a positive decimal integer argument to \(arg), but got '\(value)'", console: &console)
            return 1
          }
          if arg == "-maxdepth" { maxDepth = depth } else { minDepth = depth }
        default: break
        }
      default:
        tool.fail("unknown predicate `\(arg)'", console: &console)
        return 1
      }
    }
    return session.withFilesystem { fs in
      var status: Int32 = 0
      for start in starts {
        guard let stat = try? fs.lstat(tool.absolute(start)) else {
          tool.fail("\(tool.quote(start)): \(FSError.noSuchFile)", console: &console)
          status = 1
          continue
        }
        var output = LimitedOutput(program: "find")
        let walk = Walk(limits: (minDepth, maxDepth), depthFirst: depthFirst, tests: tests)
        walk.run(start, kind: stat.kind, tool: tool, fs: &fs, output: &output, console: &console)
      }
      return console.isInterrupted ? ShellRun.interruptedStatus : status
    }
  }

  /// The tree walk, with an explicit stack of open directories: a path 10,000
  /// directories deep costs memory, not native stack. Each directory is resolved once
  /// and its children found from it (`DirectoryHandle`); the path is built in one
  /// reusable byte buffer and the output lines in one buffer per command, so listing an
  /// entry allocates nothing unless a predicate asks for its path as a `String`.
  private struct Walk {
    let limits: (min: Int, max: Int)
    let depthFirst: Bool
    let tests: [Test]

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
    }

    func run(
      _ start: String, kind: FileKind, tool: FileTool, fs: inout ContainerFS, output: inout LimitedOutput,
      console: inout Console
    ) {
      var lines = FindLines(output: output)
      defer { output = lines.finish(console: &console) }
      var path = Array(start.utf8)
      let startName = PathText.basename(start)
      let descends = kind == .directory && limits.max > 0
      if !(depthFirst && descends) {
        guard visit(startName, kind, depth: 0, path[...], parent: nil, tool, &fs, &lines, &console) else { return }
      }
      guard descends else { return }
      // The directory being listed stays out of the stack (copying a frame per entry
      // would retain its parts each time); the stack holds its ancestors.
      var current = open(try? fs.openDirectory(tool.absolute(start)), name: startName, depth: 0, path: path, &fs)
      var ancestors: [Frame] = []
      while true {
        if console.isInterrupted { return }
        guard current.next < current.entries.count else {
          path.removeSubrange(current.pathLength...)
          if depthFirst {
            let parent = ancestors.last?.directory
            guard visit(current.name, .directory, depth: current.depth, path[...], parent: parent, tool, &fs, &lines, &console)
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
        let descends = entry.kind == .directory && depth < limits.max
        if !(depthFirst && descends) && depth >= limits.min {
          if tests.isEmpty {
            guard lines.print(path[...], console: &console) else { return }
          } else {
            let parent = current.directory
            guard visit(entry.name, entry.kind, depth: depth, path[...], parent: parent, tool, &fs, &lines, &console)
            else { return }
          }
        }
        if descends {
          let directory = current.directory.flatMap { fs.subdirectory(entry.name, of: $0) }
          let child = open(directory, name: entry.name, depth: depth, path: path, &fs)
          ancestors.append(current)
          current = child
        }
      }
    }

    private func open(
      _ directory: DirectoryHandle?, name: String, depth: Int, path: [UInt8], _ fs: inout ContainerFS
    ) -> Frame {
      Frame(
        directory: directory, entries: directory.map { fs.entries(of: $0) } ?? [], name: name, depth: depth,
        pathLength: path.count, separator: path.last != UInt8(ascii: "/"))
    }

    /// Tests one entry and prints it when it passes; false once the output limit stops the walk.
    private func visit(
      _ name: String, _ kind: FileKind, depth: Int, _ path: ArraySlice<UInt8>, parent: DirectoryHandle?,
      _ tool: FileTool, _ fs: inout ContainerFS, _ lines: inout FindLines, _ console: inout Console
    ) -> Bool {
      guard depth >= limits.min else { return true }
      if !tests.isEmpty {
        let entry = FindEntry(name: name, kind: kind, depth: depth, pathBytes: path, parent: parent, tool: tool)
        guard tests.allSatisfy({ $0.matches(entry, fs: &fs) }) else { return true }
      }
      return lines.print(path, console: &console)
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

  /// Adds `path` and a newline; false once the output limit is reached.
  mutating func print(_ path: ArraySlice<UInt8>, console: inout Console) -> Bool {
    buffer.append(contentsOf: path)
    buffer.append(UInt8(ascii: "\n"))
    return buffer.count < FindLines.chunk || flush(console: &console)
  }

  mutating func flush(console: inout Console) -> Bool {
    guard !buffer.isEmpty else { return !output.stopped }
    defer { buffer.removeAll(keepingCapacity: true) }
    return output.write(buffer, console: &console)
  }

  /// Flushes what is left and gives the output back.
  mutating func finish(console: inout Console) -> LimitedOutput {
    _ = flush(console: &console)
    return output
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
  /// The directory the entry was listed from (nil for a start operand).
  let parent: DirectoryHandle?
  let tool: FileTool

  var path: String { String(decoding: pathBytes, as: UTF8.self) }

  /// The entry's own metadata (find does not follow symlinks by default).
  func lstat(fs: inout ContainerFS) -> FileStat? {
    if let parent, depth > 0 { return try? fs.lstat(name, in: parent) }
    return try? fs.lstat(tool.absolute(path))
  }
}

extension Find.Test {
  /// The per-entry test: the seam where predicates plug in without touching the walk.
  func matches(_ entry: FindEntry, fs: inout ContainerFS) -> Bool {
    switch self {
    case .name(let pattern): return pattern.matches(entry.name)
    case .exactName(let bytes): return entry.name.utf8.elementsEqual(bytes)
    case .caseFoldedName(let pattern): return pattern.matches(entry.name.lowercased())
    case .type(let wanted): return entry.kind == wanted
    }
  }
}
