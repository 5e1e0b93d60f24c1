import DockSimCore

/// GNU `ls`: -l -a -A -R -1 -h -d -C, columns on a terminal, colours when the terminal has them.
struct Ls: Program {
  struct Item {
    /// The name as shown (the operand as typed, or the name inside a directory).
    var name: String
    /// The path used to look at it.
    var path: String
    var stat: FileStat
    var linkTarget: String?
  }

  struct Settings {
    var long = false
    var all = false
    var almostAll = false
    var recursive = false
    var human = false
    var directoryItself = false
    var oneColumn = false
    var columns = false
    var color = false
    var width = 80
  }

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let spec = OptionSpec(
      flags: "laAR1hdC", long: ["all": "a", "almost-all": "A", "recursive": "R", "human-readable": "h", "directory": "d",
        "color": "color"],
      longValued: [], usageStatus: 2)
    let options: ParsedOptions
    switch OptionParser.parse(invocation.operands, program: "ls", spec: spec, console: &console) {
    case .success(let parsed): options = parsed
    case .failure(let failure): return failure.status
    }
    var settings = Settings()
    settings.long = options.last(of: ["l", "1", "C"]) == "l"
    settings.all = options.has("a")
    settings.almostAll = options.has("A")
    settings.recursive = options.has("R")
    settings.human = options.has("h")
    settings.directoryItself = options.has("d")
    let layout = options.last(of: ["l", "1", "C"])
    settings.oneColumn = layout == "1" || (layout == nil && !console.traits.stdoutIsTerminal)
    settings.columns = !settings.long && !settings.oneColumn
    settings.color = console.traits.color && console.traits.stdoutIsTerminal
    settings.width = console.traits.width
    var listing = Listing(settings: settings, now: session.engine.clock.now, cwd: session.currentShell.cwd)
    return session.withFilesystem { fs in
      listing.names = UserNames(fs: &fs)
      return listing.run(options.operands, fs: &fs, console: &console)
    }
  }
}

/// One run of `ls` over its operands.
struct Listing {
  let settings: Ls.Settings
  let now: Timestamp
  /// Operands are relative to the shell's directory; the filesystem wants absolute paths.
  let cwd: String
  var names = UserNames()
  var status: Int32 = 0
  /// GNU ls resets the terminal's colour once, before the first coloured name.
  var colorStarted = false

  init(settings: Ls.Settings, now: Timestamp, cwd: String) {
    self.settings = settings
    self.now = now
    self.cwd = cwd
  }

  private func absolute(_ path: String) -> String { FSPath.joined(cwd, path) }

  mutating func run(_ operands: [String], fs: inout ContainerFS, console: inout Console) -> Int32 {
    let operands = operands.isEmpty ? ["."] : operands
    var files: [Ls.Item] = []
    var directories: [Ls.Item] = []
    for operand in operands {
      let followsLink = !settings.long && !settings.directoryItself
      do throws(FSError) {
        let path = absolute(operand)
        var stat = try fs.lstat(path)
        if stat.kind == .symlink, followsLink || !settings.directoryItself && operand.hasSuffix("/") {
          if let target = try? fs.stat(path) { stat = target }
        }
        let item = Ls.Item(name: operand, path: operand, stat: stat, linkTarget: try? fs.readlink(path))
        if stat.kind == .directory && !settings.directoryItself {
          directories.append(item)
        } else {
          files.append(item)
        }
      } catch {
        console.errorLine("ls: cannot access \(UtilityContext.quote(operand)): \(error)")
        status = 2
      }
    }
    files.sort(by: Self.byName)
    directories.sort(by: Self.byName)
    if !files.isEmpty { print(files, directoryTotal: false, fs: &fs, console: &console) }
    let headers = operands.count > 1 || settings.recursive
    for (index, directory) in directories.enumerated() {
      if index > 0 || !files.isEmpty { console.line() }
      list(directory.path, header: headers, opened: nil, fs: &fs, console: &console)
    }
    return status
  }

  static func byName(_ a: Ls.Item, _ b: Ls.Item) -> Bool {
    a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
  }

  /// Lists one directory, then (-R) each subdirectory, found from this one's handle
  /// rather than resolved again from `/`.
  private mutating func list(
    _ path: String, header: Bool, opened: DirectoryHandle?, fs: inout ContainerFS, console: inout Console
  ) {
    if header { console.line("\(path):") }
    let directory: DirectoryHandle
    do throws(FSError) {
      if let opened { directory = opened } else { directory = try fs.openDirectory(absolute(path)) }
    } catch {
      console.errorLine("ls: cannot open directory \(UtilityContext.quote(path)): \(error)")
      status = 2
      return
    }
    var items: [Ls.Item] = []
    if settings.all {
      for dot in [".", ".."] {
        if let stat = try? fs.stat(FSPath.joined(absolute(path), dot)) {
          items.append(Ls.Item(name: dot, path: FSPath.joined(path, dot), stat: stat))
        }
      }
    }
    for entry in fs.entries(of: directory) where settings.all || settings.almostAll || !entry.name.hasPrefix(".") {
      let child = path.hasSuffix("/") ? path + entry.name : path + "/" + entry.name
      guard let stat = try? fs.lstat(entry.name, in: directory) else { continue }
      let target = stat.kind == .symlink ? try? fs.readlink(FSPath.child(directory.path, entry.name)) : nil
      items.append(Ls.Item(name: entry.name, path: child, stat: stat, linkTarget: target))
    }
    items.sort(by: Self.byName)
    print(items, directoryTotal: true, fs: &fs, console: &console)
    guard settings.recursive else { return }
    for item in items where item.stat.kind == .directory && item.name != "." && item.name != ".." {
      if console.isInterrupted { return }
      console.line()
      let subdirectory = fs.subdirectory(item.name, of: directory)
      list(item.path, header: true, opened: subdirectory, fs: &fs, console: &console)
    }
  }

  private mutating func print(_ items: [Ls.Item], directoryTotal: Bool, fs: inout ContainerFS, console: inout Console) {
    if settings.long {
      printLong(items, total: directoryTotal, console: &console)
    } else if settings.columns {
      let cells = items.map { decorated($0.name, $0) }
      printColumns(cells, widths: items.map { DisplayWidth.of(Self.escape($0.name)) }, console: &console)
    } else {
      for item in items { console.line(decorated(item.name, item)) }
    }
  }

  // MARK: Long format

  private mutating func printLong(_ items: [Ls.Item], total: Bool, console: inout Console) {
    if total {
      let blocks = items.reduce(0) { $0 + Self.kilobytes($1.stat) }
      console.line("total \(settings.human ? HumanSize.format(blocks * 1024) : String(blocks))")
    }
    let rows = items.map { item -> [String] in
      [
        Self.modeString(item.stat), String(item.stat.linkCount), names.user(item.stat.metadata.uid),
        names.group(item.stat.metadata.gid),
        settings.human ? HumanSize.format(item.stat.size) : String(item.stat.size),
        LsDate.format(item.stat.mtime, now: now),
      ]
    }
    var widths = [Int](repeating: 0, count: 6)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    for (item, row) in zip(items, rows) {
      var line = row[0] + " " + pad(row[1], widths[1], right: true) + " " + pad(row[2], widths[2], right: false)
      line += " " + pad(row[3], widths[3], right: false) + " " + pad(row[4], widths[4], right: true)
      line += " " + row[5] + " " + decorated(item.name, item)
      if item.stat.kind == .symlink, let target = item.linkTarget { line += " -> " + target }
      console.line(line)
    }
  }

  private func pad(_ text: String, _ width: Int, right: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
  }

  /// 1 KiB blocks as ext4 allocates them: whole 4 KiB blocks for files and directories.
  static func kilobytes(_ stat: FileStat) -> Int {
    switch stat.kind {
    case .symlink: return 0
    case .directory: return 4
    case .regular: return (stat.size + 4095) / 4096 * 4
    }
  }

  static func modeString(_ stat: FileStat) -> String {
    let type: Character = stat.kind == .directory ? "d" : stat.kind == .symlink ? "l" : "-"
    return String(type) + PermissionText.symbolic(stat.mode)
  }

  // MARK: Names and columns

  private mutating func decorated(_ name: String, _ item: Ls.Item) -> String {
    let shown = Self.escape(name)
    guard settings.color, let code = Self.colorCode(item.stat) else { return shown }
    let reset = colorStarted ? "" : "\u{1B}[0m"
    colorStarted = true
    return "\(reset)\u{1B}[\(code)m\(shown)\u{1B}[0m"
  }

  /// dircolors' defaults for the kinds the simulator has.
  static func colorCode(_ stat: FileStat) -> String? {
    switch stat.kind {
    case .directory: return stat.mode & 0o1002 == 0o1002 ? "30;42" : "01;34"
    case .symlink: return "01;36"
    case .regular: return stat.mode & 0o111 != 0 ? "01;32" : nil
    }
  }

  /// A name as `ls` shows it to a pipe: control characters become `?`.
  static func escape(_ name: String) -> String {
    String(String.UnicodeScalarView(name.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "?" : $0 }))
  }

  /// GNU's vertical columns: the most columns that fit the width, padded with tabs.
  private func printColumns(_ cells: [String], widths: [Int], console: inout Console) {
    guard !cells.isEmpty else { return }
    let count = cells.count
    let maxColumns = max(1, min(count, settings.width / 3))
    var best = 1
    var bestWidths = [widths.max() ?? 0]
    for columns in stride(from: maxColumns, through: 1, by: -1) {
      let rows = (count + columns - 1) / columns
      // GNU starts every column at its minimum width of 3.
      var columnWidths = [Int](repeating: 3, count: columns)
      for (index, width) in widths.enumerated() {
        let column = index / rows
        columnWidths[column] = max(columnWidths[column], width + (column == columns - 1 ? 0 : 2))
      }
      if columnWidths.reduce(0, +) < settings.width || columns == 1 {
        best = columns
        bestWidths = columnWidths
        break
      }
    }
    let rows = (count + best - 1) / best
    for row in 0..<rows {
      var line = ""
      var position = 0
      for column in 0..<best {
        let index = row + column * rows
        guard index < count else { break }
        line += cells[index]
        let next = index + rows
        guard next < count else { break }
        line += Self.indent(from: position + widths[index], to: position + bestWidths[column], tabs: !settings.color)
        position += bestWidths[column]
      }
      console.line(line)
    }
  }

  /// Tabs (every 8 columns) and spaces from one column to another, as GNU ls pads;
  /// only spaces when names are coloured.
  static func indent(from start: Int, to end: Int, tabs: Bool) -> String {
    var out = ""
    var from = start
    while from < end {
      if tabs, end / 8 > (from + 1) / 8 {
        out += "\t"
        from += 8 - from % 8
      } else {
        out += " "
        from += 1
      }
    }
    return out
  }
}

/// `rwxr-xr-x` with setuid, setgid and sticky letters.
enum PermissionText {
  static func symbolic(_ mode: UInt32) -> String {
    func triple(_ bits: UInt32, special: Bool, letter: Character) -> String {
      var s = ""
      s.append(bits & 4 != 0 ? "r" : "-")
      s.append(bits & 2 != 0 ? "w" : "-")
      let x = bits & 1 != 0
      s.append(special ? (x ? letter : Character(letter.uppercased())) : (x ? "x" : "-"))
      return s
    }
    return triple(mode >> 6 & 7, special: mode & 0o4000 != 0, letter: "s")
      + triple(mode >> 3 & 7, special: mode & 0o2000 != 0, letter: "s")
      + triple(mode & 7, special: mode & 0o1000 != 0, letter: "t")
  }
}

/// `ls -l`'s date: `Jan 15 10:00` within six months, `Jan 15  2019` otherwise.
enum LsDate {
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  /// Half of a Gregorian year, as coreutils counts six months.
  static let sixMonths: Int64 = 31_556_952 / 2

  static func format(_ time: Timestamp, now: Timestamp) -> String {
    let c = time.civil
    let day = c.day < 10 ? " \(c.day)" : "\(c.day)"
    let recent = time.seconds > now.seconds - sixMonths && time.seconds <= now.seconds
    let tail = recent ? "\(pad2(c.hour)):\(pad2(c.minute))" : " \(c.year)"
    return "\(months[c.month - 1]) \(day) \(tail)"
  }

  static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// `-h` sizes as coreutils prints them: 1 decimal below 10, rounded up.
enum HumanSize {
  static func format(_ bytes: Int) -> String {
    guard bytes >= 1024 else { return String(bytes) }
    let units = ["K", "M", "G", "T", "P", "E"]
    var value = Double(bytes)
    var unit = -1
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if value < 10 {
      var rounded = (value * 10).rounded(.up) / 10
      if rounded >= 10 {
        rounded = 10
        return "\(Int(rounded))\(units[unit])"
      }
      let tenths = Int((rounded * 10).rounded())
      return "\(tenths / 10).\(tenths % 10)\(units[unit])"
    }
    var whole = value.rounded(.up)
    if whole >= 1024, unit < units.count - 1 {
      whole = 1
      return "1.0\(units[unit + 1])"
    }
    return "\(Int(whole))\(units[unit])"
  }
}

/// User and group names from the place's own /etc/passwd and /etc/group.
struct UserNames {
  var users: [UInt32: String] = [:]
  var groups: [UInt32: String] = [:]

  init() {}

  init(fs: inout ContainerFS) {
    users = Self.table(try? fs.readFile("/etc/passwd"))
    groups = Self.table(try? fs.readFile("/etc/group"))
  }

  private static func table(_ data: FileData?) -> [UInt32: String] {
    guard let data else { return [:] }
    var table: [UInt32: String] = [:]
    for line in String(decoding: data.bytes(in: 0..<(1 << 20)), as: UTF8.self).split(separator: "\n") {
      let fields = line.split(separator: ":", omittingEmptySubsequences: false)
      guard fields.count >= 3, let id = UInt32(fields[2]), table[id] == nil else { continue }
      table[id] = String(fields[0])
    }
    return table
  }

  func user(_ id: UInt32) -> String { users[id] ?? String(id) }
  func group(_ id: UInt32) -> String { groups[id] ?? String(id) }

  func userID(_ name: String) -> UInt32? {
    if let id = UInt32(name) { return id }
    return users.first { $0.value == name }?.key
  }

  func groupID(_ name: String) -> UInt32? {
    if let id = UInt32(name) { return id }
    return groups.first { $0.value == name }?.key
  }
}
