import DockSimCore

/// What the file utilities share: options, absolute paths, the place's filesystem, the clock.
struct FileTool {
  let program: String
  let cwd: String
  let now: Timestamp
  let owner: (uid: UInt32, gid: UInt32)

  init(_ program: String, session: Session) {
    self.program = program
    cwd = session.currentShell.cwd
    now = session.engine.clock.now
    owner = session.currentUser
  }

  func absolute(_ path: String) -> String { FSPath.joined(cwd, path) }

  func quote(_ path: String) -> String { UtilityContext.quote(path) }

  func fail(_ message: String, console: inout Console) {
    console.errorLine("\(program): \(message)")
  }

  /// `Try 'cp --help' for more information.` after a usage message.
  func usage(_ message: String, console: inout Console) -> Int32 {
    console.errorLine("\(program): \(message)")
    console.errorLine("Try '\(program) --help' for more information.")
    return 1
  }

  /// Gives what the student makes on the host to the student (the filesystem makes root's files).
  func adopt(_ path: String, fs: inout ContainerFS) {
    guard owner.uid != 0, fs.kind(at: absolute(path)) != .symlink else { return }
    try? fs.chown(absolute(path), uid: owner.uid, gid: owner.gid)
  }

  func parse(
    _ invocation: Invocation, _ spec: OptionSpec, console: inout Console
  ) -> ParsedOptions? {
    switch OptionParser.parse(invocation.operands, program: program, spec: spec, console: &console) {
    case .success(let parsed): return parsed
    case .failure: return nil
    }
  }
}

// MARK: - touch, mkdir, rmdir

/// GNU `touch`: -a -c -m, and the time from `-t STAMP`, `-d DATE` or `-r FILE`
/// (else the simulated clock). There are no access times: `-a` alone still copies a
/// lower file up (a metadata change) but keeps its mtime.
struct Touch: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("touch", session: session)
    let spec = OptionSpec(
      flags: "acmfh", valued: "dtr",
      long: ["no-create": "c", "date": "d", "reference": "r", "no-dereference": "h"], longValued: ["d", "r"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    var fs = session.filesystem
    guard let time = requestedTime(options, tool: tool, fs: &fs, console: &console) else { return 1 }
    guard !options.operands.isEmpty else { return tool.usage("missing file operand", console: &console) }
    let onlyAccess = options.has("a") && !options.has("m")
    return session.withFilesystem { fs in
      var status: Int32 = 0
      for operand in options.operands {
        let path = tool.absolute(operand)
        let existed = fs.exists(path)
        if !existed && options.has("c") { continue }
        do throws(FSError) {
          if !existed {
            try fs.touch(path, at: tool.now)
            tool.adopt(operand, fs: &fs)
          }
          let mtime = onlyAccess ? (existed ? try fs.stat(path).mtime : tool.now) : (time ?? tool.now)
          if existed || time != nil { try fs.setModificationTime(path, mtime) }
        } catch {
          tool.fail("cannot touch \(tool.quote(operand)): \(error)", console: &console)
          status = 1
        }
      }
      return status
    }
  }

  /// `.some(nil)`: the clock's now; `.some(t)`: t; nil: a message was printed, touch fails.
  private func requestedTime(
    _ options: ParsedOptions, tool: FileTool, fs: inout ContainerFS, console: inout Console
  ) -> Timestamp?? {
    if options.has("t") && (options.has("d") || options.has("r")) {
      _ = tool.usage("cannot specify times from more than one source", console: &console)
      return nil
    }
    if let stamp = options.values["t"] {
      guard let time = DateText.posix(stamp, now: tool.now) else {
        tool.fail("invalid date format \(tool.quote(stamp))", console: &console)
        return nil
      }
      return .some(time)
    }
    var base = tool.now
    if let reference = options.values["r"] {
      do throws(FSError) {
        base = try fs.stat(tool.absolute(reference)).mtime
      } catch {
        tool.fail("failed to get attributes of \(tool.quote(reference)): \(error)", console: &console)
        return nil
      }
      if options.values["d"] == nil { return .some(base) }
    }
    if let text = options.values["d"] {
      guard let time = DateText.free(text, now: base) else {
        tool.fail("invalid date format \(tool.quote(text))", console: &console)
        return nil
      }
      return .some(time)
    }
    return .some(nil)
  }
}

struct Mkdir: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("mkdir", session: session)
    let spec = OptionSpec(flags: "pv", valued: "m", long: ["parents": "p", "verbose": "v", "mode": "m"], longValued: ["m"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    guard !options.operands.isEmpty else { return tool.usage("missing operand", console: &console) }
    var mode: UInt32 = 0o755
    if let text = options.values["m"] {
      guard let parsed = ModeChange.parse(text)?.apply(to: 0o777, isDirectory: true, umask: 0) else {
        return tool.usage("invalid mode \(tool.quote(text))", console: &console)
      }
      mode = parsed
    }
    return session.withFilesystem { fs in
      var status: Int32 = 0
      for operand in options.operands {
        let targets = options.has("p") ? Self.prefixes(operand) : [operand]
        for (index, target) in targets.enumerated() {
          let isLast = index == targets.count - 1
          if options.has("p"), let stat = try? fs.stat(tool.absolute(target)) {
            if stat.kind == .directory { continue }
            tool.fail("cannot create directory \(tool.quote(target)): \(FSError.notADirectory)", console: &console)
            status = 1
            break
          }
          do throws(FSError) {
            try fs.mkdir(tool.absolute(target), mode: isLast ? mode : 0o755, at: tool.now)
            tool.adopt(target, fs: &fs)
            if options.has("v") { console.line("mkdir: created directory \(tool.quote(target))") }
          } catch {
            tool.fail("cannot create directory \(tool.quote(target)): \(error)", console: &console)
            status = 1
            break
          }
        }
      }
      return status
    }
  }

  /// `a/b/c` → `a`, `a/b`, `a/b/c` (as typed, for messages).
  static func prefixes(_ path: String) -> [String] {
    var out: [String] = []
    var current = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + component
      if component != "." && component != ".." { out.append(current) }
    }
    return out
  }
}

struct Rmdir: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("rmdir", session: session)
    let spec = OptionSpec(flags: "pv", long: ["parents": "p", "verbose": "v", "ignore-fail-on-non-empty": "ignore"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    guard !options.operands.isEmpty else { return tool.usage("missing operand", console: &console) }
    return session.withFilesystem { fs in
      var status: Int32 = 0
      for operand in options.operands {
        var targets = [operand]
        if options.has("p") { targets = Mkdir.prefixes(operand).reversed() }
        for target in targets {
          do throws(FSError) {
            try fs.rmdir(tool.absolute(target), at: tool.now)
            if options.has("v") { console.line("rmdir: removing directory, \(tool.quote(target))") }
          } catch {
            if error == .directoryNotEmpty && options.has("ignore") { break }
            tool.fail("failed to remove \(tool.quote(target)): \(error)", console: &console)
            status = 1
            break
          }
        }
      }
      return status
    }
  }
}

// MARK: - rm

struct Rm: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("rm", session: session)
    let spec = OptionSpec(
      flags: "rRfidv",
      long: ["recursive": "r", "force": "f", "dir": "d", "verbose": "v", "interactive": "i", "no-preserve-root": "npr"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    let recursive = options.has("r") || options.has("R")
    let force = options.has("f")
    guard !options.operands.isEmpty else {
      return force ? 0 : tool.usage("missing operand", console: &console)
    }
    return session.withFilesystem { fs in
      var status: Int32 = 0
      for operand in options.operands {
        let base = PathText.basename(operand)
        if base == "." || base == ".." {
          tool.fail("refusing to remove '.' or '..' directory: skipping \(tool.quote(operand))", console: &console)
          status = 1
          continue
        }
        let path = tool.absolute(operand)
        if recursive, PathText.normalized(path) == "/", !options.has("npr") {
          tool.fail("it is dangerous to operate recursively on '/'", console: &console)
          tool.fail("use --no-preserve-root to override this failsafe", console: &console)
          status = 1
          continue
        }
        if !remove(operand, path: path, recursive: recursive, options: options, tool: tool, fs: &fs, console: &console) {
          status = 1
        }
      }
      return status
    }
  }

  private func remove(
    _ operand: String, path: String, recursive: Bool, options: ParsedOptions, tool: FileTool, fs: inout ContainerFS,
    console: inout Console
  ) -> Bool {
    do throws(FSError) {
      let stat = try fs.lstat(path)
      if stat.kind == .directory {
        if recursive {
          try fs.removeTree(path, at: tool.now)
        } else if options.has("d") {
          try fs.rmdir(path, at: tool.now)
        } else {
          throw FSError.isADirectory
        }
        if options.has("v") { console.line("removed directory \(tool.quote(operand))") }
      } else {
        try fs.unlink(path, at: tool.now)
        if options.has("v") { console.line("removed \(tool.quote(operand))") }
      }
      return true
    } catch {
      if error == .noSuchFile && options.has("f") { return true }
      tool.fail("cannot remove \(tool.quote(operand)): \(error)", console: &console)
      return false
    }
  }
}

// MARK: - cp, mv

/// Copies files and trees inside one filesystem, as `cp` and `mv`'s fallback do.
struct TreeCopier {
  let tool: FileTool
  /// Keep mode, owner and times (`cp -p`, `cp -a`, `mv`).
  var preserve: Bool
  /// Copy directories (`-r`).
  var recursive: Bool
  /// Follow symbolic links in the source (`cp` without `-r`).
  var dereference: Bool

  /// Copies `source` to `destination` (both as typed); false after a message.
  func copy(_ source: String, to destination: String, fs: inout ContainerFS, console: inout Console) -> Bool {
    let from = tool.absolute(source)
    let to = tool.absolute(destination)
    let stat: FileStat
    do throws(FSError) {
      stat = dereference ? try fs.stat(from) : try fs.lstat(from)
    } catch {
      tool.fail("cannot stat \(tool.quote(source)): \(error)", console: &console)
      return false
    }
    switch stat.kind {
    case .directory:
      guard recursive else {
        tool.fail("-r not specified; omitting directory \(tool.quote(source))", console: &console)
        return false
      }
      return copyDirectory(source, to: destination, stat: stat, fs: &fs, console: &console)
    case .symlink:
      let target = (try? fs.readlink(from)) ?? ""
      if fs.kind(at: to) != nil { try? fs.unlink(to, at: tool.now) }
      do throws(FSError) {
        try fs.symlink(target, at: to, time: tool.now)
      } catch {
        tool.fail("cannot create symbolic link \(tool.quote(destination)): \(error)", console: &console)
        return false
      }
      return true
    case .regular:
      return copyFile(source, to: destination, stat: stat, fs: &fs, console: &console)
    }
  }

  private func copyFile(
    _ source: String, to destination: String, stat: FileStat, fs: inout ContainerFS, console: inout Console
  ) -> Bool {
    let to = tool.absolute(destination)
    if let existing = try? fs.stat(to), existing.kind == .directory {
      tool.fail("cannot overwrite directory \(tool.quote(destination)) with non-directory", console: &console)
      return false
    }
    let existed = fs.exists(to)
    do throws(FSError) {
      let data = try fs.readFile(tool.absolute(source))
      try fs.writeFile(to, data, mode: stat.mode & ~0o022, at: tool.now)
    } catch {
      let what = error == .noSpace || error == .fileTooLarge ? "error writing" : "cannot create regular file"
      tool.fail("\(what) \(tool.quote(destination)): \(error)", console: &console)
      return false
    }
    if preserve {
      try? fs.chmod(to, mode: stat.mode)
      try? fs.chown(to, uid: stat.metadata.uid, gid: stat.metadata.gid)
      try? fs.setModificationTime(to, stat.mtime)
    } else if !existed {
      try? fs.chmod(to, mode: stat.mode & ~0o022)
      tool.adopt(destination, fs: &fs)
    }
    return true
  }

  private func copyDirectory(
    _ source: String, to destination: String, stat: FileStat, fs: inout ContainerFS, console: inout Console
  ) -> Bool {
    let from = PathText.normalized(tool.absolute(source))
    let to = PathText.normalized(tool.absolute(destination))
    if to == from || to.hasPrefix(from == "/" ? "/" : from + "/") {
      tool.fail(
        "cannot copy a directory, \(tool.quote(source)), into itself, \(tool.quote(destination))", console: &console)
      return false
    }
    if let existing = try? fs.stat(to) {
      guard existing.kind == .directory else {
        tool.fail(
          "cannot overwrite non-directory \(tool.quote(destination)) with directory \(tool.quote(source))",
          console: &console)
        return false
      }
    } else {
      do throws(FSError) {
        try fs.mkdir(to, mode: stat.mode, at: tool.now)
      } catch {
        tool.fail("cannot create directory \(tool.quote(destination)): \(error)", console: &console)
        return false
      }
      if !preserve { tool.adopt(destination, fs: &fs) }
    }
    var ok = true
    let names = (try? fs.readdir(from).map(\.name)) ?? []
    var child = self
    child.dereference = false
    for name in names {
      if console.isInterrupted { return false }
      ok = child.copy(Self.join(source, name), to: Self.join(destination, name), fs: &fs, console: &console) && ok
    }
    if preserve {
      try? fs.chown(to, uid: stat.metadata.uid, gid: stat.metadata.gid)
      try? fs.setModificationTime(to, stat.mtime)
    }
    return ok
  }

  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}

/// The destinations of `cp`/`mv`: `SRC DEST`, `SRC... DIR`, `-t DIR SRC...`, or
/// `-T SRC DEST` (DEST is never taken as a directory to move into).
struct CopyTargets {
  var pairs: [(source: String, destination: String)] = []

  static func resolve(
    _ options: ParsedOptions, tool: FileTool, fs: inout ContainerFS, console: inout Console
  ) -> CopyTargets? {
    let operands = options.operands
    let noTargetDirectory = options.has("T")
    if options.seen.filter({ $0 == "t" }).count > 1 {
      tool.fail("multiple target directories specified", console: &console)
      return nil
    }
    if noTargetDirectory && options.values["t"] != nil {
      _ = tool.usage("cannot combine --target-directory (-t) and --no-target-directory (-T)", console: &console)
      return nil
    }
    guard !operands.isEmpty else {
      _ = tool.usage("missing file operand", console: &console)
      return nil
    }
    if let directory = options.values["t"] {
      guard targetDirectoryUsable(directory, tool: tool, fs: &fs, console: &console) else { return nil }
      return CopyTargets(pairs: operands.map { ($0, TreeCopier.join(directory, PathText.basename($0))) })
    }
    guard operands.count > 1 else {
      _ = tool.usage("missing destination file operand after \(tool.quote(operands[0]))", console: &console)
      return nil
    }
    if noTargetDirectory {
      guard operands.count == 2 else {
        _ = tool.usage("extra operand \(tool.quote(operands[2]))", console: &console)
        return nil
      }
      return CopyTargets(pairs: [(operands[0], operands[1])])
    }
    let destination = operands.last!
    let sources = operands.dropLast()
    let isDirectory = (try? fs.stat(tool.absolute(destination)))?.kind == .directory
    if sources.count > 1 && !isDirectory {
      let reason = fs.exists(tool.absolute(destination)) ? FSError.notADirectory : FSError.noSuchFile
      tool.fail("target \(tool.quote(destination)): \(reason)", console: &console)
      return nil
    }
    var targets = CopyTargets()
    for source in sources {
      let into = isDirectory ? TreeCopier.join(destination, PathText.basename(source)) : destination
      targets.pairs.append((source, into))
    }
    return targets
  }

  /// `-t DIR` must name a directory (coreutils 9.1's wording).
  private static func targetDirectoryUsable(
    _ directory: String, tool: FileTool, fs: inout ContainerFS, console: inout Console
  ) -> Bool {
    do throws(FSError) {
      guard try fs.stat(tool.absolute(directory)).kind == .directory else { throw .notADirectory }
      return true
    } catch {
      tool.fail("target directory \(tool.quote(directory)): \(error)", console: &console)
      return false
    }
  }

  /// Both names lead to the same object (`cp f f`).
  static func same(_ a: String, _ b: String, tool: FileTool, fs: inout ContainerFS) -> Bool {
    guard let x = try? fs.stat(tool.absolute(a)), let y = try? fs.stat(tool.absolute(b)) else { return false }
    return x.path == y.path
  }
}

struct Cp: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("cp", session: session)
    let spec = OptionSpec(
      flags: "rRpafivT", valued: "t",
      long: [
        "recursive": "r", "archive": "a", "force": "f", "verbose": "v", "preserve": "p", "target-directory": "t",
        "no-target-directory": "T",
      ], longValued: ["t"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    let recursive = options.has("r") || options.has("R") || options.has("a")
    let copier = TreeCopier(
      tool: tool, preserve: options.has("p") || options.has("a"), recursive: recursive, dereference: !recursive)
    return session.withFilesystem { fs in
      guard let targets = CopyTargets.resolve(options, tool: tool, fs: &fs, console: &console) else { return 1 }
      var status: Int32 = 0
      for (source, destination) in targets.pairs {
        if CopyTargets.same(source, destination, tool: tool, fs: &fs) {
          tool.fail("\(tool.quote(source)) and \(tool.quote(destination)) are the same file", console: &console)
          status = 1
          continue
        }
        if copier.copy(source, to: destination, fs: &fs, console: &console) {
          if options.has("v") { console.line("\(tool.quote(source)) -> \(tool.quote(destination))") }
        } else {
          status = 1
        }
      }
      return status
    }
  }
}

struct Mv: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("mv", session: session)
    let spec = OptionSpec(
      flags: "fivnT", valued: "t",
      long: [
        "force": "f", "verbose": "v", "no-clobber": "n", "target-directory": "t", "no-target-directory": "T",
      ], longValued: ["t"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    return session.withFilesystem { fs in
      guard let targets = CopyTargets.resolve(options, tool: tool, fs: &fs, console: &console) else { return 1 }
      var status: Int32 = 0
      for (source, destination) in targets.pairs {
        if move(source, to: destination, tool: tool, fs: &fs, console: &console) {
          if options.has("v") { console.line("renamed \(tool.quote(source)) -> \(tool.quote(destination))") }
        } else {
          status = 1
        }
      }
      return status
    }
  }

  private func move(
    _ source: String, to destination: String, tool: FileTool, fs: inout ContainerFS, console: inout Console
  ) -> Bool {
    let from = tool.absolute(source)
    let to = tool.absolute(destination)
    let stat: FileStat
    do throws(FSError) {
      stat = try fs.lstat(from)
    } catch {
      tool.fail("cannot stat \(tool.quote(source)): \(error)", console: &console)
      return false
    }
    if let target = try? fs.lstat(to) {
      if CopyTargets.same(source, destination, tool: tool, fs: &fs) && stat.kind != .symlink {
        tool.fail("\(tool.quote(source)) and \(tool.quote(destination)) are the same file", console: &console)
        return false
      }
      if stat.kind == .directory && target.kind != .directory {
        tool.fail(
          "cannot overwrite non-directory \(tool.quote(destination)) with directory \(tool.quote(source))",
          console: &console)
        return false
      }
      if stat.kind != .directory && target.kind == .directory {
        tool.fail("cannot overwrite directory \(tool.quote(destination)) with non-directory", console: &console)
        return false
      }
    }
    let normalizedFrom = PathText.normalized(from)
    if stat.kind == .directory, PathText.normalized(to).hasPrefix(normalizedFrom + "/") {
      tool.fail(
        "cannot move \(tool.quote(source)) to a subdirectory of itself, \(tool.quote(destination))", console: &console)
      return false
    }
    do throws(FSError) {
      try fs.rename(from, to, at: tool.now)
      return true
    } catch {
      guard error == .crossDevice else {
        tool.fail("cannot move \(tool.quote(source)) to \(tool.quote(destination)): \(error)", console: &console)
        return false
      }
    }
    // overlayfs refuses to rename a directory of the image (EXDEV): like GNU mv,
    // copy the whole tree and delete the original.
    if let existing = try? fs.lstat(to), existing.kind == .directory { try? fs.rmdir(to, at: tool.now) }
    let copier = TreeCopier(tool: tool, preserve: true, recursive: true, dereference: false)
    guard copier.copy(source, to: destination, fs: &fs, console: &console) else { return false }
    do throws(FSError) {
      try fs.removeTree(from, at: tool.now)
    } catch {
      tool.fail("cannot remove \(tool.quote(source)): \(error)", console: &console)
      return false
    }
    return true
  }
}

// MARK: - ln

struct Ln: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("ln", session: session)
    let spec = OptionSpec(flags: "sfvn", long: ["symbolic": "s", "force": "f", "verbose": "v"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    let operands = options.operands
    guard !operands.isEmpty else { return tool.usage("missing file operand", console: &console) }
    return session.withFilesystem { fs in
      var pairs: [(String, String)] = []
      if operands.count == 1 {
        pairs = [(operands[0], PathText.basename(operands[0]))]
      } else {
        let last = operands.last!
        let isDirectory = (try? fs.stat(tool.absolute(last)))?.kind == .directory && !options.has("n")
        if operands.count > 2 && !isDirectory {
          tool.fail("target \(tool.quote(last)): \(isDirectory ? FSError.notADirectory : FSError.noSuchFile)", console: &console)
          return 1
        }
        for target in operands.dropLast() {
          pairs.append((target, isDirectory ? TreeCopier.join(last, PathText.basename(target)) : last))
        }
      }
      var status: Int32 = 0
      for (target, link) in pairs {
        if !make(target, link, options: options, tool: tool, fs: &fs, console: &console) { status = 1 }
      }
      return status
    }
  }

  private func make(
    _ target: String, _ link: String, options: ParsedOptions, tool: FileTool, fs: inout ContainerFS,
    console: inout Console
  ) -> Bool {
    let symbolic = options.has("s")
    let linkPath = tool.absolute(link)
    if !symbolic {
      guard let stat = try? fs.lstat(tool.absolute(target)) else {
        tool.fail("failed to access \(tool.quote(target)): \(FSError.noSuchFile)", console: &console)
        return false
      }
      if stat.kind == .directory {
        tool.fail("\(target): hard link not allowed for directory", console: &console)
        return false
      }
    }
    if options.has("f"), let existing = try? fs.lstat(linkPath), existing.kind != .directory {
      try? fs.unlink(linkPath, at: tool.now)
    }
    do throws(FSError) {
      if symbolic {
        try fs.symlink(target, at: linkPath, time: tool.now)
      } else {
        try fs.link(tool.absolute(target), linkPath, at: tool.now)
      }
    } catch {
      let what = symbolic ? "symbolic link" : "hard link"
      let detail = error == .fileExists ? "" : " => \(tool.quote(target))"
      tool.fail("failed to create \(what) \(tool.quote(link))\(detail): \(error)", console: &console)
      return false
    }
    if options.has("v") { console.line("\(tool.quote(link)) -> \(tool.quote(target))") }
    return true
  }
}

// MARK: - chmod, chown

/// A chmod mode: octal, or symbolic clauses such as `u+x,go-w` and `a=r`.
struct ModeChange {
  enum Clause {
    case octal(UInt32)
    case symbolic(who: UInt32, op: Character, permissions: String)
  }

  var clauses: [Clause]

  static func parse(_ text: String) -> ModeChange? {
    if !text.isEmpty, text.allSatisfy({ ("0"..."7").contains($0) }) {
      guard text.count <= 4, let value = UInt32(text, radix: 8) else { return nil }
      return ModeChange(clauses: [.octal(value)])
    }
    var clauses: [Clause] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      var rest = Substring(part)
      var who: UInt32 = 0
      while let c = rest.first, "ugoa".contains(c) {
        switch c {
        case "u": who |= 0o4700
        case "g": who |= 0o2070
        case "o": who |= 0o1007
        default: who |= 0o7777
        }
        rest.removeFirst()
      }
      guard !rest.isEmpty else { return nil }
      while let op = rest.first, "+-=".contains(op) {
        rest.removeFirst()
        let permissions = rest.prefix { "rwxXst".contains($0) }
        rest = rest.dropFirst(permissions.count)
        clauses.append(.symbolic(who: who, op: op, permissions: String(permissions)))
      }
      guard rest.isEmpty else { return nil }
    }
    return clauses.isEmpty ? nil : ModeChange(clauses: clauses)
  }

  /// The new permission bits. With no `ugoa`, the umask limits what changes.
  func apply(to mode: UInt32, isDirectory: Bool, umask: UInt32 = 0o022) -> UInt32 {
    var mode = mode & 0o7777
    for clause in clauses {
      switch clause {
      case .octal(let value):
        mode = value
      case .symbolic(let who, let op, let permissions):
        let mask = who == 0 ? 0o7777 & ~umask : who
        var bits: UInt32 = 0
        for p in permissions {
          switch p {
          case "r": bits |= 0o444
          case "w": bits |= 0o222
          case "x": bits |= 0o111
          case "X": if isDirectory || mode & 0o111 != 0 { bits |= 0o111 }
          case "s": bits |= 0o6000
          case "t": bits |= 0o1000
          default: break
          }
        }
        bits &= mask
        switch op {
        case "+": mode |= bits
        case "-": mode &= ~bits
        default:
          mode = (mode & ~(who == 0 ? 0o7777 : who)) | bits
        }
      }
    }
    return mode
  }
}

struct Chmod: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("chmod", session: session)
    // Modes such as `-w` look like options: take them as the mode when they parse as one.
    var arguments = Array(invocation.operands)
    var modeText: String? = nil
    if let index = arguments.firstIndex(where: { $0.hasPrefix("-") && $0 != "-R" && $0 != "--" && ModeChange.parse($0) != nil }) {
      modeText = arguments.remove(at: index)
    }
    let stripped = Invocation(arguments: ["chmod"] + arguments, stdin: invocation.stdin)
    guard let options = tool.parse(stripped, OptionSpec(flags: "Rvcf", long: ["recursive": "R"]), console: &console)
    else { return 1 }
    var operands = options.operands
    if modeText == nil {
      guard !operands.isEmpty else { return tool.usage("missing operand", console: &console) }
      modeText = operands.removeFirst()
    }
    guard let text = modeText, let change = ModeChange.parse(text) else {
      return tool.usage("invalid mode: \(tool.quote(modeText ?? ""))", console: &console)
    }
    guard !operands.isEmpty else { return tool.usage("missing operand after \(tool.quote(text))", console: &console) }
    return session.withFilesystem { fs in
      var status: Int32 = 0
      for operand in operands {
        if !apply(change, operand, recursive: options.has("R"), tool: tool, fs: &fs, console: &console) { status = 1 }
      }
      return status
    }
  }

  private func apply(
    _ change: ModeChange, _ operand: String, recursive: Bool, tool: FileTool, fs: inout ContainerFS,
    console: inout Console
  ) -> Bool {
    let path = tool.absolute(operand)
    do throws(FSError) {
      let stat = try fs.stat(path)
      try fs.chmod(path, mode: change.apply(to: stat.mode, isDirectory: stat.kind == .directory))
      guard recursive, stat.kind == .directory, (try? fs.lstat(path))?.kind == .directory else { return true }
      var ok = true
      for entry in try fs.readdir(path) where entry.kind != .symlink {
        ok = apply(change, TreeCopier.join(operand, entry.name), recursive: true, tool: tool, fs: &fs, console: &console) && ok
      }
      return ok
    } catch {
      tool.fail("cannot access \(tool.quote(operand)): \(error)", console: &console)
      return false
    }
  }
}

struct Chown: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("chown", session: session)
    guard let options = tool.parse(invocation, OptionSpec(flags: "Rhv", long: ["recursive": "R"]), console: &console)
    else { return 1 }
    var operands = options.operands
    guard !operands.isEmpty else { return tool.usage("missing operand", console: &console) }
    let spec = operands.removeFirst()
    guard !operands.isEmpty else { return tool.usage("missing operand after \(tool.quote(spec))", console: &console) }
    return session.withFilesystem { fs in
      let names = UserNames(fs: &fs)
      let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      var uid: UInt32? = nil
      var gid: UInt32? = nil
      if !parts[0].isEmpty {
        guard let id = names.userID(parts[0]) else {
          tool.fail("invalid user: \(tool.quote(spec))", console: &console)
          return 1
        }
        uid = id
      }
      if parts.count > 1, !parts[1].isEmpty {
        guard let id = names.groupID(parts[1]) else {
          tool.fail("invalid group: \(tool.quote(spec))", console: &console)
          return 1
        }
        gid = id
      }
      var status: Int32 = 0
      for operand in operands {
        if !apply(uid, gid, operand, recursive: options.has("R"), tool: tool, fs: &fs, console: &console) { status = 1 }
      }
      return status
    }
  }

  private func apply(
    _ uid: UInt32?, _ gid: UInt32?, _ operand: String, recursive: Bool, tool: FileTool, fs: inout ContainerFS,
    console: inout Console
  ) -> Bool {
    let path = tool.absolute(operand)
    do throws(FSError) {
      let stat = try fs.stat(path)
      try fs.chown(path, uid: uid ?? stat.metadata.uid, gid: gid ?? stat.metadata.gid)
      guard recursive, stat.kind == .directory else { return true }
      var ok = true
      for entry in try fs.readdir(path) where entry.kind != .symlink {
        ok = apply(uid, gid, TreeCopier.join(operand, entry.name), recursive: true, tool: tool, fs: &fs, console: &console)
          && ok
      }
      return ok
    } catch {
      tool.fail("cannot access \(tool.quote(operand)): \(error)", console: &console)
      return false
    }
  }
}
