import DockSimCore

/// The scenarios' operations run straight on ContainerFS, making the system calls GNU
/// coreutils 9.1 make (strace'd in overlay-semantics.md), so that a mismatch points at the
/// union filesystem and not at a utility. It understands only the commands the scenarios
/// use. The simulated clock moves one second per operation.
struct DirectShell {
  var fs: ContainerFS
  var now: Timestamp
  private var stdout = ""

  init(fs: ContainerFS, now: Timestamp) {
    self.fs = fs
    self.now = now
  }

  /// Runs one command line; returns its exit status and standard output.
  mutating func run(_ line: String) -> (Int32, String) {
    now = now.adding(.seconds(1))
    stdout = ""
    var words = KernelRunner.shellWords(line).map(unquoted)
    var redirect: (path: String, append: Bool)? = nil
    if words.count >= 2, [">", ">>"].contains(words[words.count - 2]) {
      redirect = (words[words.count - 1], words[words.count - 2] == ">>")
      words.removeLast(2)
    }
    let status: Int32
    do {
      status = try execute(words, redirect: redirect)
    } catch {
      status = 1
    }
    return (status, stdout)
  }

  private mutating func execute(_ words: [String], redirect: (path: String, append: Bool)?) throws -> Int32 {
    let (flags, operands) = split(words.dropFirst())
    if let redirect {
      // The shell opens the file before the command runs (O_APPEND or O_TRUNC, O_CREAT).
      let output = words.first == "echo" ? echo(flags, operands) : ""
      try fs.writeFile(redirect.path, FileData(output), append: redirect.append, at: now)
      return 0
    }
    switch words.first {
    case "cat": return try cat(operands)
    case "ls": return try ls(flags, operands)
    case "rm": return rm(flags, operands)
    case "rmdir": return each(operands) { try $0.fs.rmdir($1, at: $0.now) }
    case "mkdir": return mkdir(flags, operands)
    case "touch": return try touch(flags, operands)
    case "chmod": return chmod(flags, operands)
    case "mv": return mv(flags, operands)
    case "cp": return try cp(flags, operands)
    case "ln": return ln(flags, operands)
    default: return 127
    }
  }

  // MARK: - Utilities

  private func echo(_ flags: [String], _ operands: [String]) -> String {
    operands.joined(separator: " ") + (flags.contains("-n") ? "" : "\n")
  }

  private mutating func cat(_ operands: [String]) throws -> Int32 {
    for path in operands { stdout += String(decoding: try fs.readFile(path).bytes, as: UTF8.self) }
    return 0
  }

  /// `ls [-A] [-R] PATH...` as it prints to a pipe: one name per line, a `DIR:` header
  /// when there are several operands or -R.
  private mutating func ls(_ flags: [String], _ operands: [String]) throws -> Int32 {
    let recursive = flags.contains { $0.contains("R") }
    let all = flags.contains { $0.contains("A") }
    var blocks: [String] = []
    for path in operands {
      guard try fs.stat(path).kind == .directory else {
        blocks.append(path + "\n")
        continue
      }
      var queue = [path]
      while !queue.isEmpty {
        let directory = queue.removeFirst()
        let entries = try fs.readdir(directory).filter { all || !$0.name.hasPrefix(".") }
        let header = recursive || operands.count > 1 ? "\(directory):\n" : ""
        blocks.append(header + entries.map { $0.name + "\n" }.joined())
        if recursive {
          let subdirectories = entries.filter { $0.kind == .directory }.map { FSPath.child(directory, $0.name) }
          queue.insert(contentsOf: subdirectories, at: 0)
        }
      }
    }
    stdout += blocks.joined(separator: "\n")
    return 0
  }

  /// GNU rm -r unlinks children and removes directories bottom-up; ContainerFS's
  /// `removeTree` is the same sequence in one call.
  private mutating func rm(_ flags: [String], _ operands: [String]) -> Int32 {
    let recursive = flags.contains { $0.contains("r") }
    let force = flags.contains { $0.contains("f") }
    return each(operands) { shell, path throws(FSError) in
      do throws(FSError) {
        if recursive { try shell.fs.removeTree(path, at: shell.now) } else { try shell.fs.unlink(path, at: shell.now) }
      } catch {
        guard error == .noSuchFile && force else { throw error }
      }
    }
  }

  private mutating func mkdir(_ flags: [String], _ operands: [String]) -> Int32 {
    let parents = flags.contains("-p")
    return each(operands) { shell, path in
      guard parents else { return try shell.fs.mkdir(path, at: shell.now) }
      var prefix = ""
      for component in path.split(separator: "/") {
        prefix += "/" + component
        if !shell.fs.exists(prefix) { try shell.fs.mkdir(prefix, at: shell.now) }
      }
    }
  }

  private mutating func touch(_ flags: [String], _ operands: [String]) throws -> Int32 {
    var operands = operands
    var time = now
    if flags.contains("-t"), !operands.isEmpty { time = try Self.touchTime(operands.removeFirst()) }
    return each(operands) { shell, path in try shell.fs.touch(path, at: time) }
  }

  private mutating func chmod(_ flags: [String], _ operands: [String]) -> Int32 {
    guard let modeText = operands.first, let mode = UInt32(modeText, radix: 8) else { return 1 }
    let recursive = flags.contains("-R")
    return each(Array(operands.dropFirst())) { shell, path in
      try shell.fs.chmod(path, mode: mode)
      guard recursive, shell.fs.kind(at: path) == .directory else { return }
      for child in try shell.fs.readdir(path) where child.kind != .symlink {
        _ = shell.chmod(["-R"], [modeText, FSPath.child(path, child.name)])
      }
    }
  }

  /// `mv`: rename(2); on EXDEV (a lower directory) coreutils copies the tree with its
  /// metadata, then removes the source (S20). An existing target directory is removed
  /// first (`mv -T` over an empty directory, X25).
  private mutating func mv(_ flags: [String], _ operands: [String]) -> Int32 {
    guard operands.count == 2 else { return 1 }
    let source = operands[0]
    var target = operands[1]
    if !flags.contains("-T"), fs.kind(at: target) == .directory || target.hasSuffix("/") {
      target = FSPath.child(target.hasSuffix("/") ? String(target.dropLast()) : target, baseName(source))
    }
    return each([source]) { shell, source throws(FSError) in
      do throws(FSError) {
        try shell.fs.rename(source, target, at: shell.now)
      } catch {
        guard error == .crossDevice else { throw error }
        if shell.fs.kind(at: target) == .directory { try shell.fs.rmdir(target, at: shell.now) }
        try shell.copyTree(source, to: target, preserve: true)
        try shell.fs.removeTree(source, at: shell.now)
      }
    }
  }

  private mutating func cp(_ flags: [String], _ operands: [String]) throws -> Int32 {
    guard operands.count == 2 else { return 1 }
    try copyTree(operands[0], to: operands[1], preserve: flags.contains("-p"))
    return 0
  }

  private mutating func ln(_ flags: [String], _ operands: [String]) -> Int32 {
    guard operands.count == 2 else { return 1 }
    let symbolic = flags.contains { $0.contains("s") }
    let force = flags.contains { $0.contains("f") }
    return each([operands[1]]) { shell, name in
      if force, shell.fs.kind(at: name) != nil, shell.fs.kind(at: name) != .directory {
        try shell.fs.unlink(name, at: shell.now)
      }
      if symbolic {
        try shell.fs.symlink(operands[0], at: name, time: shell.now)
      } else {
        try shell.fs.link(operands[0], name, at: shell.now)
      }
    }
  }

  // MARK: - Helpers

  /// Copies a file, symlink or tree; `preserve` keeps modes and mtimes (cp -p, mv).
  private mutating func copyTree(_ source: String, to target: String, preserve: Bool) throws(FSError) {
    let info = try fs.lstat(source)
    switch info.kind {
    case .directory:
      try fs.mkdir(target, mode: info.mode, at: now)
      for child in try fs.readdir(source) {
        try copyTree(FSPath.child(source, child.name), to: FSPath.child(target, child.name), preserve: preserve)
      }
    case .symlink:
      try fs.symlink(try fs.readlink(source), at: target, time: now)
    case .regular:
      try fs.writeFile(target, try fs.readFile(source), mode: info.mode, at: now)
      if preserve { try fs.setModificationTime(target, info.mtime) }
    }
    if preserve, info.kind == .directory { try fs.setModificationTime(target, info.mtime) }
  }

  /// Runs `body` on each operand; a failure (reported as coreutils would) makes the status 1.
  private mutating func each(_ operands: [String], _ body: (inout DirectShell, String) throws -> Void)
    -> Int32
  {
    var status: Int32 = 0
    for operand in operands {
      do {
        try body(&self, operand)
      } catch {
        status = 1
      }
    }
    return status
  }

  /// Options (`-p`, `-rf`) and operands, in order; `-t` keeps its argument as the first operand.
  private func split(_ words: ArraySlice<String>) -> ([String], [String]) {
    var flags: [String] = []
    var operands: [String] = []
    for word in words {
      if word.hasPrefix("-") && word.count > 1 && operands.isEmpty { flags.append(word) } else { operands.append(word) }
    }
    return (flags, operands)
  }

  private func unquoted(_ word: String) -> String {
    guard let first = word.first, first == "'" || first == "\"", word.count >= 2, word.last == first else { return word }
    return String(word.dropFirst().dropLast())
  }

  struct BadTime: Error {}

  /// `touch -t [[CC]YY]MMDDhhmm[.ss]`, in UTC.
  static func touchTime(_ text: String) throws -> Timestamp {
    let parts = text.split(separator: ".")
    let digits = Array(parts[0])
    guard digits.count == 12, let seconds = parts.count > 1 ? Int(parts[1]) : 0 else { throw BadTime() }
    func number(_ from: Int, _ count: Int) -> Int { Int(String(digits[from..<(from + count)])) ?? 0 }
    let days = CivilTime.daysFromCivil(year: number(0, 4), month: number(4, 2), day: number(6, 2))
    let secondOfDay = number(8, 2) * 3600 + number(10, 2) * 60 + seconds
    return Timestamp(seconds: Int64(days) * 86_400 + Int64(secondOfDay))
  }
}
