import DockSimCore

// MARK: - stat

struct Stat: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("stat", session: session)
    let spec = OptionSpec(flags: "L", valued: "c", long: ["format": "c", "dereference": "L"], longValued: ["c"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    guard !options.operands.isEmpty else { return tool.usage("missing operand", console: &console) }
    return session.withFilesystem { fs in
      let names = UserNames(fs: &fs)
      var status: Int32 = 0
      for operand in options.operands {
        let path = tool.absolute(operand)
        do throws(FSError) {
          let stat = options.has("L") ? try fs.stat(path) : try fs.lstat(path)
          let target = stat.kind == .symlink ? try? fs.readlink(path) : nil
          let info = StatInfo(name: operand, stat: stat, target: target, names: names)
          if let format = options.values["c"] {
            console.line(info.format(format))
          } else {
            console.write(info.standard())
          }
        } catch {
          tool.fail("cannot statx \(tool.quote(operand)): \(error)", console: &console)
          status = 1
        }
      }
      return status
    }
  }
}

/// One file's `stat` output, default or `-c FORMAT`.
struct StatInfo {
  let name: String
  let stat: FileStat
  let target: String?
  let names: UserNames

  var typeName: String {
    switch stat.kind {
    case .directory: return "directory"
    case .symlink: return "symbolic link"
    case .regular: return stat.size == 0 ? "regular empty file" : "regular file"
    }
  }

  var blocks: Int { Listing.kilobytes(stat) * 2 }

  var modeText: String { Listing.modeString(stat) }

  var octal: String { String(stat.mode & 0o7777, radix: 8) }

  /// `2020-01-15 10:00:00.000000000 +0000`.
  static func time(_ t: Timestamp) -> String {
    let c = t.civil
    let nanos = String(t.nanosecondOfSecond)
    let fraction = String(repeating: "0", count: 9 - nanos.count) + nanos
    return "\(c.year)-\(LsDate.pad2(c.month))-\(LsDate.pad2(c.day)) \(LsDate.pad2(c.hour)):\(LsDate.pad2(c.minute)):"
      + "\(LsDate.pad2(c.second)).\(fraction) +0000"
  }

  var quotedName: String {
    let quoted = UtilityContext.quote(name)
    guard let target else { return quoted }
    return quoted + " -> " + UtilityContext.quote(target)
  }

  func standard() -> String {
    func left(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
    let uid = stat.metadata.uid
    let gid = stat.metadata.gid
    let time = Self.time(stat.mtime)
    var out = "  File: \(name)\(target.map { " -> " + $0 } ?? "")\n"
    out += "  Size: \(left(String(stat.size), 10))\tBlocks: \(left(String(blocks), 10)) IO Block: 4096   \(typeName)\n"
    out += "Device: 0,49\tInode: \(left(String(stat.inode), 11)) Links: \(stat.linkCount)\n"
    let octal4 = String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    out += "Access: (\(octal4)/\(modeText))  Uid: (\(right(String(uid), 5))/\(right(names.user(uid), 8)))"
    out += "   Gid: (\(right(String(gid), 5))/\(right(names.group(gid), 8)))\n"
    out += "Access: \(time)\nModify: \(time)\nChange: \(time)\n Birth: \(time)\n"
    return out
  }

  func format(_ format: String) -> String {
    var out = ""
    var chars = format.makeIterator()
    while let c = chars.next() {
      guard c == "%" else {
        out.append(c)
        continue
      }
      guard let directive = chars.next() else {
        out.append("%")
        break
      }
      out += expand(directive)
    }
    return out
  }

  private func expand(_ directive: Character) -> String {
    switch directive {
    case "n": return name
    case "N": return quotedName
    case "F": return typeName
    case "a": return octal
    case "A": return modeText
    case "s": return String(stat.size)
    case "h": return String(stat.linkCount)
    case "u": return String(stat.metadata.uid)
    case "U": return names.user(stat.metadata.uid)
    case "g": return String(stat.metadata.gid)
    case "G": return names.group(stat.metadata.gid)
    case "i": return String(stat.inode)
    case "b": return String(blocks)
    case "B": return "512"
    case "y", "x", "z", "w": return Self.time(stat.mtime)
    case "Y", "X", "Z", "W": return String(stat.mtime.seconds)
    case "%": return "%"
    default: return "?"
    }
  }
}

// MARK: - du

struct Du: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let tool = FileTool("du", session: session)
    let spec = OptionSpec(flags: "shac", long: ["summarize": "s", "human-readable": "h", "all": "a", "total": "c"])
    guard let options = tool.parse(invocation, spec, console: &console) else { return 1 }
    return session.withFilesystem { fs in
      var status: Int32 = 0
      var grand = 0
      for operand in options.operands.isEmpty ? ["."] : options.operands {
        guard let stat = try? fs.lstat(tool.absolute(operand)) else {
          tool.fail("cannot access \(tool.quote(operand)): \(FSError.noSuchFile)", console: &console)
          status = 1
          continue
        }
        let directory = stat.kind == .directory ? try? fs.openDirectory(tool.absolute(operand)) : nil
        grand += size(operand, stat: stat, directory, top: true, options: options, fs: &fs, console: &console)
      }
      if options.has("c") { console.line("\(format(grand, options))\ttotal") }
      return status
    }
  }

  /// Kilobytes under `path`, printing each directory (and with -a each file) on the way.
  /// Each child is found from its directory's handle, not resolved again from `/`.
  private func size(
    _ path: String, stat: FileStat, _ directory: DirectoryHandle?, top: Bool, options: ParsedOptions,
    fs: inout ContainerFS, console: inout Console
  ) -> Int {
    var total = Listing.kilobytes(stat)
    if let directory {
      for entry in fs.entries(of: directory) {
        if console.isInterrupted { return total }
        let child = path.hasSuffix("/") ? path + entry.name : path + "/" + entry.name
        guard let childStat = try? fs.lstat(entry.name, in: directory) else { continue }
        let below = childStat.kind == .directory ? fs.subdirectory(entry.name, of: directory) : nil
        total += size(child, stat: childStat, below, top: false, options: options, fs: &fs, console: &console)
      }
    }
    let shows = top || (!options.has("s") && (stat.kind == .directory || options.has("a")))
    if shows { console.line("\(format(total, options))\t\(path)") }
    return total
  }

  private func format(_ kilobytes: Int, _ options: ParsedOptions) -> String {
    options.has("h") ? (kilobytes == 0 ? "0" : HumanSize.format(kilobytes * 1024)) : String(kilobytes)
  }
}

// MARK: - dd

struct Dd: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    var operands: [String: String] = [:]
    for arg in invocation.operands {
      let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, ["if", "of", "bs", "count", "status", "ibs", "obs"].contains(parts[0]) else {
        console.errorLine("dd: unrecognized operand \(UtilityContext.quote(arg))")
        console.errorLine("Try 'dd --help' for more information.")
        return 1
      }
      operands[parts[0]] = parts[1]
    }
    let blockText = operands["bs"] ?? operands["ibs"] ?? "512"
    guard let blockSize = SizeSuffix.parse(blockText), blockSize > 0 else {
      console.errorLine("dd: invalid number: \(UtilityContext.quote(blockText))")
      return 1
    }
    var countLimit: Int? = nil
    if let text = operands["count"] {
      guard let count = SizeSuffix.parse(text) else {
        console.errorLine("dd: invalid number: \(UtilityContext.quote(text))")
        return 1
      }
      countLimit = count
    }
    guard let data = input(operands["if"], blockSize: blockSize, count: countLimit, session: &session, console: &console)
    else { return 1 }
    let blocks = (data.size + blockSize - 1) / blockSize
    let partial = data.size % blockSize == 0 ? 0 : 1
    if let output = operands["of"] {
      let path = session.absolutePath(output)
      let now = session.engine.clock.now
      do throws(FSError) {
        try session.withFilesystem { fs throws(FSError) in try fs.writeFile(path, data, at: now) }
      } catch {
        guard error == .noSpace || error == .fileTooLarge else {
          console.errorLine("dd: failed to open \(UtilityContext.quote(output)): \(error)")
          return 1
        }
        // The write is all or nothing here: nothing went out.
        console.errorLine("dd: error writing \(UtilityContext.quote(output)): \(error)")
        if operands["status"] != "none" {
          console.errorLine("\(blocks - partial)+\(partial) records in\n0+0 records out")
          console.errorLine(Self.summary(0))
        }
        return 1
      }
    } else {
      var limited = LimitedOutput(program: "dd")
      _ = limited.write(data, console: &console)
    }
    if operands["status"] != "none" {
      let records = "\(blocks - partial)+\(partial) records"
      console.errorLine("\(records) in\n\(records) out")
      console.errorLine(Self.summary(data.size))
    }
    return 0
  }

  private func input(
    _ name: String?, blockSize: Int, count: Int?, session: inout Session, console: inout Console
  ) -> FileData? {
    let (wanted, overflow) = blockSize.multipliedReportingOverflow(by: count ?? Int.max)
    let limit = overflow ? Int.max : wanted
    switch name {
    case "/dev/zero":
      guard count != nil else { return unbounded(console: &console) }
      var zeros = FileData()
      zeros.truncate(to: limit)
      return zeros
    case "/dev/urandom", "/dev/random":
      guard count != nil else { return unbounded(console: &console) }
      return FileData.generated(size: limit, seed: session.engine.random.next())
    default:
      do throws(FSError) {
        let data = try session.readOperand(name ?? "-", stdin: [])
        return name == nil ? FileData(Array(data.bytes.prefix(limit))) : FileData(data.bytes(in: 0..<min(limit, data.size)))
      } catch {
        console.errorLine("dd: failed to open \(UtilityContext.quote(name ?? "-")): \(error)")
        return nil
      }
    }
  }

  private func unbounded(console: inout Console) -> FileData? {
    console.errorLine("docksim: dd: an endless input needs count= (the simulator has no disk to fill)")
    return nil
  }

  /// `3145728 bytes (3.1 MB, 3.0 MiB) copied, 0.00209715 s, 1.5 GB/s` at a simulated 1.5 GB/s.
  static func summary(_ bytes: Int) -> String {
    let seconds = Double(bytes) / 1.5e9 + 0.000_02
    var text = "\(bytes) byte\(bytes == 1 ? "" : "s")"
    if bytes >= 1000 {
      let si = scaled(Double(bytes), base: 1000, units: ["kB", "MB", "GB", "TB"])
      let iec = scaled(Double(bytes), base: 1024, units: ["KiB", "MiB", "GiB", "TiB"])
      text += bytes >= 1024 ? " (\(si), \(iec))" : " (\(si))"
    }
    let rate = scaled(Double(bytes) / seconds, base: 1000, units: ["kB", "MB", "GB", "TB"], below: "B")
    return text + " copied, \(significant(seconds, 6)) s, \(rate)/s"
  }

  private static func scaled(_ value: Double, base: Double, units: [String], below: String? = nil) -> String {
    var v = value
    var unit = -1
    while v >= base, unit < units.count - 1 {
      v /= base
      unit += 1
    }
    let name = unit < 0 ? (below ?? "") : units[unit]
    if v < 10 {
      let tenths = (v * 10).rounded()
      return "\(Int(tenths) / 10).\(Int(tenths) % 10) \(name)"
    }
    return "\(Int(v.rounded())) \(name)"
  }

  /// `%g` with `digits` significant digits for the small positive numbers dd prints.
  static func significant(_ value: Double, _ digits: Int) -> String {
    guard value > 0 else { return "0" }
    var exponent = 0
    var v = value
    while v < 1 {
      v *= 10
      exponent -= 1
    }
    while v >= 10 {
      v /= 10
      exponent += 1
    }
    if exponent < -4 {
      let mantissa = CFormat.fixed(v, precision: digits - 1).trimmingTrailingZeros()
      return "\(mantissa)e-\(exponent > -10 ? "0" : "")\(-exponent)"
    }
    let decimals = max(0, digits - 1 - exponent)
    return CFormat.fixed(value, precision: decimals).trimmingTrailingZeros()
  }
}

extension String {
  /// `1.500` → `1.5`, `2.000` → `2`.
  func trimmingTrailingZeros() -> String {
    guard contains(".") else { return self }
    var s = self
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }
}

// MARK: - date, sleep

struct DateProgram: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    var format = "%a %b %e %H:%M:%S %Z %Y"
    var time = session.engine.clock.now
    var arguments = ArraySlice(invocation.operands)
    while let arg = arguments.popFirst() {
      if arg == "-u" || arg == "--utc" { continue }
      if arg == "-d" || arg.hasPrefix("--date=") {
        let text = arg == "-d" ? (arguments.popFirst() ?? "") : String(arg.dropFirst(7))
        guard let parsed = DateText.free(text, now: session.engine.clock.now) else {
          console.errorLine("date: invalid date \(UtilityContext.quote(text))")
          return 1
        }
        time = parsed
      } else if arg.hasPrefix("+") {
        format = String(arg.dropFirst())
      } else {
        console.errorLine("date: invalid date \(UtilityContext.quote(arg))")
        return 1
      }
    }
    console.line(Self.format(time, format))
    return 0
  }

  static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  /// strftime in the C locale, UTC.
  static func format(_ time: Timestamp, _ format: String) -> String {
    let c = time.civil
    var out = ""
    var chars = format.makeIterator()
    while let ch = chars.next() {
      guard ch == "%", let d = chars.next() else {
        out.append(ch)
        continue
      }
      let p2 = LsDate.pad2
      switch d {
      case "Y": out += String(c.year)
      case "y": out += p2(c.year % 100)
      case "m": out += p2(c.month)
      case "d": out += p2(c.day)
      case "e": out += c.day < 10 ? " \(c.day)" : "\(c.day)"
      case "H": out += p2(c.hour)
      case "I": out += p2(c.hour % 12 == 0 ? 12 : c.hour % 12)
      case "M": out += p2(c.minute)
      case "S": out += p2(c.second)
      case "p": out += c.hour < 12 ? "AM" : "PM"
      case "a": out += String(days[c.weekday].prefix(3))
      case "A": out += days[c.weekday]
      case "b", "h": out += String(monthNames[c.month - 1].prefix(3))
      case "B": out += monthNames[c.month - 1]
      case "j":
        let day = CivilTime.daysFromCivil(year: c.year, month: c.month, day: c.day)
          - CivilTime.daysFromCivil(year: c.year, month: 1, day: 1) + 1
        out += String(repeating: "0", count: 3 - String(day).count) + String(day)
      case "s": out += String(time.seconds)
      case "N":
        let n = String(time.nanosecondOfSecond)
        out += String(repeating: "0", count: 9 - n.count) + n
      case "u": out += String(c.weekday == 0 ? 7 : c.weekday)
      case "w": out += String(c.weekday)
      case "Z": out += "UTC"
      case "z": out += "+0000"
      case "F": out += Self.format(time, "%Y-%m-%d")
      case "T": out += Self.format(time, "%H:%M:%S")
      case "D": out += Self.format(time, "%m/%d/%y")
      case "R": out += Self.format(time, "%H:%M")
      case "c": out += Self.format(time, "%a %b %e %H:%M:%S %Y")
      case "n": out += "\n"
      case "t": out += "\t"
      case "%": out += "%"
      default: out += "%" + String(d)
      }
    }
    return out
  }
}

struct Sleep: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let operands = Array(invocation.operands)
    guard !operands.isEmpty else {
      console.errorLine("sleep: missing operand")
      console.errorLine("Try 'sleep --help' for more information.")
      return 1
    }
    var total: Int64 = 0
    for operand in operands {
      guard let nanoseconds = Self.duration(operand) else {
        console.errorLine("sleep: invalid time interval \(UtilityContext.quote(operand))")
        console.errorLine("Try 'sleep --help' for more information.")
        return 1
      }
      total += nanoseconds
    }
    // Simulated time passes at once; nothing waits.
    session.engine.clock.advance(by: Duration(nanoseconds: total))
    return 0
  }

  /// `1.5`, `2m`, `1h`, `1d` in nanoseconds.
  static func duration(_ text: String) -> Int64? {
    var number = Substring(text)
    var multiplier = 1.0
    if let last = number.last, let m = ["s": 1.0, "m": 60, "h": 3600, "d": 86_400][String(last)] {
      multiplier = m
      number = number.dropLast()
    }
    guard let value = Double(number), value >= 0, value.isFinite, value * multiplier < 1e10 else { return nil }
    return Int64(value * multiplier * 1e9)
  }
}

// MARK: - small facts: env, whoami, hostname, uname, id, basename, dirname, seq, yes

/// GNU env: `env` lists the environment, `env [-i] [-u NAME] [NAME=value]... COMMAND`
/// runs COMMAND in a changed one.
struct Env: Program {
  /// GNU env's options docksim does not act on.
  static let unsimulated: Set<String> = [
    "-0", "--null", "-C", "--chdir", "-S", "--split-string", "-v", "--debug", "--block-signal",
    "--default-signal", "--ignore-signal", "--list-signal-handling", "-a", "--argv0",
  ]

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    var arguments = ArraySlice(invocation.operands)
    var assignments: [(String, String)] = []
    var removed: [String] = []
    var clear = false
    while let first = arguments.first {
      if first == "-i" || first == "-" || first == "--ignore-environment" {
        clear = true
      } else if first == "-u" || first == "--unset", arguments.count > 1 {
        arguments.removeFirst()
        removed.append(arguments.first!)
      } else if first.hasPrefix("--unset=") {
        removed.append(String(first.dropFirst("--unset=".count)))
      } else if first == "--" {
        arguments.removeFirst()
        break
      } else if let option = Self.unsimulated.first(where: { first == $0 || first.hasPrefix($0 + "=") }) {
        return NotSimulatedOption.report("env", option, console: &console)
      } else if first.hasPrefix("-"), first.count > 1, !first.contains("=") {
        let what = first.hasPrefix("--") ? "unrecognized option '\(first)'" : "invalid option -- '\(first.dropFirst().prefix(1))'"
        console.errorLine("env: \(what)")
        console.errorLine("Try 'env --help' for more information.")
        return 125
      } else if let equals = first.firstIndex(of: "="), first.first != "=" {
        assignments.append((String(first[..<equals]), String(first[first.index(after: equals)...])))
      } else {
        break
      }
      arguments.removeFirst()
    }
    let saved = session.currentShell
    if clear {
      session.currentShell.environment = session.currentShell.environment.filter { !session.currentShell.exported.contains($0.key) }
      session.currentShell.exported = []
      session.currentShell.environmentOrder = []
    }
    for name in removed { session.currentShell.unset(name) }
    for (name, value) in assignments { session.currentShell.export(name, value) }
    defer {
      if session.shells.count > 0 {
        session.currentShell.environment = saved.environment
        session.currentShell.exported = saved.exported
        session.currentShell.environmentOrder = saved.environmentOrder
      }
    }
    guard let name = arguments.first else {
      if clear {
        for name in session.currentShell.environmentOrder { console.line("\(name)=\(session.currentShell.environment[name] ?? "")") }
        return 0
      }
      // env's own listing: what the shell passed it, env's changes in place or at the end.
      let added = assignments.map(\.0).filter { clear || !saved.exported.contains($0) || saved.environment[$0] == nil }
      let frame = session.currentShell
      for line in EnvironmentListing.lines(frame, program: invocation.arguments[0], session: session, appended: added) {
        console.line(line)
      }
      return 0
    }
    var run = ShellRun(dialect: .bashCommand(name: "env"), isSubshell: true)
    // A program env starts has no shell around it: it sees the environment in env's order.
    session.currentShell.runningShell = nil
    guard session.canRun(name) else {
      console.errorLine("env: \(UtilityContext.quote(name)): No such file or directory")
      return 127
    }
    return run.invoke(Array(arguments), stdin: invocation.stdin, stdinIsTerminal: false, session: &session, console: &console)
  }
}

/// GNU printenv: every exported variable, or the values of the names given (status 1
/// when one is not set).
struct Printenv: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    var names: [String] = []
    for argument in invocation.operands {
      if argument == "--" { continue }
      if argument == "-0" || argument == "--null" {
        return NotSimulatedOption.report("printenv", argument, console: &console)
      }
      if argument.hasPrefix("-"), argument.count > 1 {
        let what = argument.hasPrefix("--") ? "unrecognized option '\(argument)'" : "invalid option -- '\(argument.dropFirst().prefix(1))'"
        console.errorLine("printenv: \(what)")
        console.errorLine("Try 'printenv --help' for more information.")
        return 2
      }
      names.append(argument)
    }
    let frame = session.currentShell
    guard !names.isEmpty else {
      for line in EnvironmentListing.lines(frame, program: invocation.arguments[0], session: session, appended: []) {
        console.line(line)
      }
      return 0
    }
    var status: Int32 = 0
    for name in names {
      if name == "_", frame.runningShell == .bash {
        console.line(EnvironmentListing.commandPath(invocation.arguments[0], session: session))
        continue
      }
      guard frame.exported.contains(name), let value = frame.environment[name], !name.contains("=") else {
        status = 1
        continue
      }
      console.line(value)
    }
    return status
  }
}

/// `docksim: PROG: OPTION: not simulated`: an option the real program has that docksim
/// does not act on (status 2), never the real tool's "invalid option", which would say
/// the option does not exist.
enum NotSimulatedOption {
  static func report(_ program: String, _ option: String, console: inout Console) -> Int32 {
    console.errorLine("docksim: \(program): \(option): not simulated")
    return 2
  }
}

struct SimpleFacts: Program {
  let name: String

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let user = session.currentUser
    var fs = session.filesystem
    let names = UserNames(fs: &fs)
    switch name {
    case "whoami":
      console.line(names.user(user.uid))
    case "id":
      let u = names.user(user.uid)
      let g = names.group(user.gid)
      console.line("uid=\(user.uid)(\(u)) gid=\(user.gid)(\(g)) groups=\(user.gid)(\(g))")
    case "hostname":
      console.line(Self.hostname(session))
    case "uname":
      let all = invocation.operands.contains("-a")
      console.line(all ? "Linux \(Self.hostname(session)) 5.4.0-42-generic #46-Ubuntu SMP Fri Jul 10 00:24:02 UTC 2020 x86_64 GNU/Linux" : "Linux")
    default:
      return 1
    }
    return 0
  }

  /// The UTS hostname (not /etc/hostname, which is only a file): a container's
  /// `-h` or short ID; the host's is `docksim`.
  static func hostname(_ session: Session) -> String {
    guard case .container(let id) = session.currentShell.place else { return "docksim" }
    return session.engine.containers[id: id]?.hostname ?? String(id.prefix(12))
  }
}

struct PathName: Program {
  let dirname: Bool

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let program = dirname ? "dirname" : "basename"
    var operands = Array(invocation.operands)
    guard !operands.isEmpty else {
      console.errorLine("\(program): missing operand")
      console.errorLine("Try '\(program) --help' for more information.")
      return 1
    }
    if dirname {
      for operand in operands { console.line(PathText.dirname(operand)) }
      return 0
    }
    let path = operands.removeFirst()
    var base = PathText.basename(path)
    if let suffix = operands.first, base != suffix, base.hasSuffix(suffix) { base.removeLast(suffix.count) }
    console.line(base)
    return 0
  }
}

struct Seq: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let operands = Array(invocation.operands)
    let numbers = operands.compactMap { Int($0) }
    guard !operands.isEmpty, numbers.count == operands.count, numbers.count <= 3 else {
      if let bad = operands.first(where: { Int($0) == nil }) {
        console.errorLine("seq: invalid floating point argument: \(UtilityContext.quote(bad))")
      } else {
        console.errorLine("seq: missing operand")
      }
      console.errorLine("Try 'seq --help' for more information.")
      return 1
    }
    let first = numbers.count > 1 ? numbers[0] : 1
    let step = numbers.count == 3 ? numbers[1] : 1
    let last = numbers.last!
    guard step != 0 else {
      console.errorLine("seq: invalid Zero increment value: '0'")
      console.errorLine("Try 'seq --help' for more information.")
      return 1
    }
    var output = LimitedOutput(program: "seq")
    var value = first
    // Lines gather in a buffer written 64 KiB at a time: a write per line is slow for a million.
    var buffer: [UInt8] = []
    var counter = DecimalCounter(first)
    while step > 0 ? value <= last : value >= last {
      if step == 1, value >= 0 {
        buffer.append(contentsOf: counter.digits)
        buffer.append(UInt8(ascii: "\n"))
        counter.increment()
      } else {
        buffer.append(contentsOf: Array("\(value)\n".utf8))
      }
      if buffer.count >= 1 << 16 {
        guard output.write(buffer, console: &console) else { return 1 }
        buffer.removeAll(keepingCapacity: true)
      }
      value += step
    }
    return output.write(buffer, console: &console) ? 0 : 1
  }
}

/// A number counting up by one as decimal text: the next line is the last one with its
/// digits bumped, not a new String (`seq 1 1000000` is a million lines).
struct DecimalCounter {
  private(set) var digits: [UInt8]

  init(_ value: Int) { digits = Array(String(value).utf8) }

  mutating func increment() {
    var index = digits.count - 1
    while index >= 0 {
      if digits[index] != UInt8(ascii: "9") {
        digits[index] += 1
        return
      }
      digits[index] = UInt8(ascii: "0")
      index -= 1
    }
    digits.insert(UInt8(ascii: "1"), at: 0)
  }
}

struct Yes: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let line = (invocation.operands.isEmpty ? "y" : invocation.operands.joined(separator: " ")) + "\n"
    // Built in one buffer, doubling (a few copies, not millions of appends), and written
    // once: the console copies on each write.
    var buffer = Array(line.utf8)
    while buffer.count <= OutputLimit.bytes { buffer.append(contentsOf: buffer) }
    var output = LimitedOutput(program: "yes")
    _ = output.write(buffer, console: &console)
    return 1
  }
}
