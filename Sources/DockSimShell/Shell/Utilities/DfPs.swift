import DockSimCore

/// `df` in a container: the mounts that have blocks, sized from the simulated host.
///
/// The host has a 2 GiB RAM (tmpfs defaults to half: /sys/fs/cgroup, /proc/acpi, ...)
/// and a 58.4 GiB ext4 disk (/dev/sda1, 5% reserved for root) holding 8 GiB of its
/// own plus every image and writable layer; the overlay root reports that disk.
/// GNU df (coreutils) lists one mount per device, the shortest mount point winning
/// (`/etc/hosts` for the three bind mounts, `/dev` for /proc/kcore's /dev/null);
/// busybox df lists them all.
struct DfProgram: Program {
  static let diskKiB: Int64 = 61_255_492
  static let hostOwnKiB: Int64 = 8_388_608
  static let tmpfsKiB: Int64 = 1_018_600

  struct Row {
    var source: String
    var target: String
    var size: Int64
    var used: Int64
    var available: Int64
  }

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    guard let (container, image) = session.currentContainer else { return 1 }
    let human = invocation.operands.contains { $0 == "-h" || $0 == "--human-readable" }
    let table = ContainerMountTable(container: container, image: image)
    let busybox = session.isBusybox("df")
    let rows = Self.rows(table, engine: session.engine, deduplicated: !busybox)
    console.write(busybox ? Self.busyboxText(rows, human: human) : Self.gnuText(rows, human: human))
    return 0
  }

  /// Every mount with blocks; the devices: the disk, /dev's tmpfs (the masked files
  /// are /dev/null bound over them), one tmpfs each for the rest.
  static func rows(_ table: ContainerMountTable, engine: Engine, deduplicated: Bool) -> [Row] {
    let layers = engine.images.images.values.reduce(Int64(0)) { $0 + $1.size }
      + engine.containers.all.reduce(Int64(0)) { $0 + $1.writableSize }
    let used = hostOwnKiB + (layers + 1023) / 1024
    let available = max(0, diskKiB - used - diskKiB / 20)
    var rows: [(device: String, row: Row)] = []
    for entry in table.entries {
      let row: Row
      let device: String
      switch (entry.type, entry.target) {
      case ("overlay", _), ("ext4", _):
        device = entry.type == "overlay" ? "overlay" : "disk"
        row = Row(source: entry.source, target: entry.target, size: diskKiB, used: used, available: available)
      case ("tmpfs", "/dev"), ("tmpfs", "/proc/kcore"), ("tmpfs", "/proc/keys"), ("tmpfs", "/proc/timer_list"),
        ("tmpfs", "/proc/sched_debug"):
        device = "dev"
        row = Row(source: entry.source, target: entry.target, size: 65536, used: 0, available: 65536)
      case ("tmpfs", let target) where target == "/dev/shm":
        device = target
        row = Row(source: entry.source, target: target, size: 65536, used: 0, available: 65536)
      case ("tmpfs", let target):
        device = target
        row = Row(source: entry.source, target: target, size: tmpfsKiB, used: 0, available: tmpfsKiB)
      default:
        continue
      }
      if deduplicated, let index = rows.firstIndex(where: { $0.device == device }) {
        if row.target.utf8.count < rows[index].row.target.utf8.count { rows[index].row = row }
        continue
      }
      rows.append((device, row))
    }
    return rows.map(\.row)
  }

  /// coreutils df: `Use%` rounds up; -h sizes round up (one decimal below 10).
  static func gnuText(_ rows: [Row], human: Bool) -> String {
    func number(_ kib: Int64) -> String { human ? gnuHuman(kib) : String(kib) }
    let header = ["Filesystem", human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%", "Mounted on"]
    var cells = [header]
    for row in rows {
      let total = row.used + row.available
      let percent = total == 0 ? "-" : "\((row.used * 100 + total - 1) / total)%"
      cells.append([row.source, number(row.size), number(row.used), number(row.available), percent, row.target])
    }
    var widths = [14, human ? 5 : 0, human ? 5 : 0, human ? 5 : 0, 4, 0]
    for line in cells { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
    return cells.map { line in
      line.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        switch index {
        case 0: return cell + pad
        case 5: return cell
        default: return pad + cell
        }
      }.joined(separator: " ") + "\n"
    }.joined()
  }

  /// KiB scaled by 1024 while it can go up a unit: the value and its unit's index.
  static let humanUnits = ["K", "M", "G", "T"]
  static func scaled(_ kib: Int64) -> (value: Double, unit: Int) {
    var value = Double(kib)
    var unit = 0
    while value >= 1024 && unit < humanUnits.count - 1 {
      value /= 1024
      unit += 1
    }
    return (value, unit)
  }

  static func gnuHuman(_ kib: Int64) -> String {
    guard kib > 0 else { return "0" }
    let units = humanUnits
    let (value, unit) = scaled(kib)
    if unit == 0 { return "\(kib)K" }
    if value < 10 {
      let tenths = (value * 10).rounded(.up)
      return tenths >= 100 ? "10\(units[unit])" : "\(Int(tenths) / 10).\(Int(tenths) % 10)\(units[unit])"
    }
    return "\(Int(value.rounded(.up)))\(units[unit])"
  }

  /// busybox df: `%-20s %9s %9s %9s %3u%% %s`, Use% rounded to nearest.
  static func busyboxText(_ rows: [Row], human: Bool) -> String {
    var text = "Filesystem           " + (human ? "     Size" : "1K-blocks") + "      Used Available Use% Mounted on\n"
    for row in rows {
      let total = row.used + row.available
      let percent = total == 0 ? 0 : (row.used * 100 + total / 2) / total
      var line = row.source.count > 20 ? row.source + "\n" + String(repeating: " ", count: 20) : pad(row.source, 20)
      for value in [row.size, row.used, row.available] {
        line += " " + leftPad(human ? busyboxHuman(value) : String(value), 9)
      }
      text += line + " " + leftPad(String(percent), 3) + "% " + row.target + "\n"
    }
    return text
  }

  /// busybox make_human_readable_str: one decimal, `0` for nothing.
  static func busyboxHuman(_ kib: Int64) -> String {
    guard kib > 0 else { return "0" }
    let (value, unit) = scaled(kib)
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)\(humanUnits[unit])"
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  static func leftPad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}

/// `ps` in a container: the main process (PID 1) and ps itself, which gets the next
/// PID after the commands run so far. procps-ng 3.3 formats (`ps`, `ps -ef`,
/// `ps aux`) or busybox's one format.
struct PsProgram: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    guard let (container, _) = session.currentContainer else { return 1 }
    let tty = container.tty ? "pts/0" : "?"
    let main = ([container.path] + container.args).joined(separator: " ")
    let ownArgs = invocation.arguments.joined(separator: " ")
    let pid = 1 + max(1, session.currentShell.typedLines.count)
    let start = Self.clock(container.state.startedAt, session.engine.clock.now)
    if session.isBusybox("ps") {
      var text = "PID   USER     TIME  COMMAND\n"
      text += DfProgram.leftPad("1", 5) + " root      0:00 " + main + "\n"
      text += DfProgram.leftPad("\(pid)", 5) + " root      0:00 " + ownArgs + "\n"
      console.write(text)
      return 0
    }
    let options = invocation.operands.joined(separator: " ")
    switch options {
    case "":
      console.write(
        "  PID TTY          TIME CMD\n" + Self.row(1, tty, container.path) + Self.row(pid, tty, "ps"))
    case "-ef", "-e -f", "-f -e":
      var text = "UID        PID  PPID  C STIME TTY          TIME CMD\n"
      text += "root     " + DfProgram.leftPad("1", 5) + "     0  0 \(start) " + DfProgram.pad(tty, 8) + " 00:00:00 " + main + "\n"
      text += "root     " + DfProgram.leftPad("\(pid)", 5) + "     1  0 \(start) " + DfProgram.pad(tty, 8) + " 00:00:00 " + ownArgs + "\n"
      console.write(text)
    case "aux", "-aux":
      var text = "USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
      let stat1 = container.tty ? "Ss  " : "Ss  "
      text += "root     " + DfProgram.leftPad("1", 5) + "  0.0  0.0  11828  2992 " + DfProgram.pad(tty, 8) + " \(stat1) \(start)   0:00 " + main + "\n"
      text += "root     " + DfProgram.leftPad("\(pid)", 5) + "  0.0  0.0  51732  3472 " + DfProgram.pad(tty, 8) + " " + (container.tty ? "R+  " : "R   ") + " \(start)   0:00 " + ownArgs + "\n"
      console.write(text)
    default:
      console.errorLine("docksim: ps: only ps, ps -ef and ps aux are simulated")
      return 126
    }
    return 0
  }

  static func row(_ pid: Int, _ tty: String, _ command: String) -> String {
    DfProgram.leftPad("\(pid)", 5) + " " + DfProgram.pad(tty, 8) + " 00:00:00 " + PathText.basename(command) + "\n"
  }

  /// STIME/START: `HH:MM` of the start on the simulated clock (UTC, as in a container).
  static func clock(_ time: Timestamp, _ now: Timestamp) -> String {
    let seconds = ((time.seconds % 86_400) + 86_400) % 86_400
    let hours = seconds / 3600
    let minutes = (seconds % 3600) / 60
    return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
  }
}
