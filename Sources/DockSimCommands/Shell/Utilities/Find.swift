import DockSimCore

// MARK: - find

struct Find: Program {
  enum Test {
    case name(GlobPattern)
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
        case "-name": tests.append(.name(GlobPattern(value)))
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

  /// The tree walk, with an explicit stack: a path 10,000 directories deep costs
  /// memory, not native stack.
  private struct Walk {
    let limits: (min: Int, max: Int)
    let depthFirst: Bool
    let tests: [Test]

    func run(
      _ start: String, kind: FileKind, tool: FileTool, fs: inout ContainerFS, output: inout LimitedOutput,
      console: inout Console
    ) {
      // `expanded`: the children are already on the stack (-depth prints the directory after them).
      var stack: [(path: String, kind: FileKind, depth: Int, expanded: Bool)] = [(start, kind, 0, false)]
      while let item = stack.popLast() {
        if console.isInterrupted { return }
        let descends = item.kind == .directory && item.depth < limits.max
        if descends && !item.expanded {
          if depthFirst { stack.append((item.path, item.kind, item.depth, true)) }
          let entries = (try? fs.readdir(tool.absolute(item.path))) ?? []
          let children = entries.map { entry in
            let child = item.path.hasSuffix("/") ? item.path + entry.name : item.path + "/" + entry.name
            return (path: child, kind: entry.kind, depth: item.depth + 1, expanded: false)
          }
          stack.append(contentsOf: children.reversed())
          if depthFirst { continue }
        }
        if item.depth >= limits.min {
          let entry = FindEntry(path: item.path, kind: item.kind, depth: item.depth, tool: tool)
          if tests.allSatisfy({ $0.matches(entry, fs: &fs) }) {
            guard output.write(Array((item.path + "\n").utf8), console: &console) else { return }
          }
        }
      }
    }
  }
}

/// One entry of the walk as a predicate sees it. The walk knows the kind from
/// `readdir`; anything more (size, times, mode) is a `lstat` the predicate asks for,
/// so a walk whose predicates need none builds no `FileStat`.
struct FindEntry {
  /// As find prints it: the start operand joined with the names below it.
  let path: String
  let kind: FileKind
  /// 0 for the start operand.
  let depth: Int
  let tool: FileTool

  /// The last component (`-name`).
  var name: String { PathText.basename(path) }

  /// The entry's own metadata (find does not follow symlinks by default).
  func lstat(fs: inout ContainerFS) -> FileStat? { try? fs.lstat(tool.absolute(path)) }
}

extension Find.Test {
  /// The per-entry test: the seam where predicates plug in without touching the walk.
  func matches(_ entry: FindEntry, fs: inout ContainerFS) -> Bool {
    switch self {
    case .name(let pattern): return pattern.matches(entry.name)
    case .caseFoldedName(let pattern): return pattern.matches(entry.name.lowercased())
    case .type(let wanted): return entry.kind == wanted
    }
  }
}
