/// The order `env` lists its environment in, which is the order the shell that started
/// it built that environment in: bash walks its variable hash table (FNV-1 over 1024
/// buckets, newest first in a bucket; variables.c, hashlib.c) and adds `_` (the
/// program's path) last; dash and busybox ash walk theirs (39 buckets of a byte sum,
/// oldest first; var.c). A program run with no shell sees the daemon's order.
enum EnvironmentListing {
  static func lines(_ frame: ShellFrame, program: String, session: Session, appended: [String]) -> [String] {
    let names = frame.environmentOrder.filter { frame.exported.contains($0) && frame.environment[$0] != nil }
    var ordered: [String]
    switch frame.runningShell {
    case nil: ordered = names
    case .bash?:
      let position = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      // `NAME=value command`: bash's temporary environment comes first.
      ordered = names.filter { $0 != "_" && !appended.contains($0) }.sorted {
        let (ta, tb) = (frame.commandAssignments.contains($0), frame.commandAssignments.contains($1))
        if ta != tb { return ta }
        let (a, b) = (bashBucket($0), bashBucket($1))
        return a != b ? a < b : position[$0]! > position[$1]!
      }
    case .dash?, .ash?:
      let position = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      ordered = names.filter { !appended.contains($0) }.sorted {
        let (a, b) = (dashBucket($0), dashBucket($1))
        return a != b ? a < b : position[$0]! < position[$1]!
      }
    }
    var lines = ordered.map { "\($0)=\(frame.environment[$0]!)" }
    if frame.runningShell == .bash { lines.append("_=" + commandPath(program, session: session)) }
    // env's own NAME=value operands for new names come last (setenv appends).
    if frame.runningShell != nil { lines += appended.map { "\($0)=\(frame.environment[$0] ?? "")" } }
    return lines
  }

  /// What bash puts in `_` for a program: the path it found it at.
  static func commandPath(_ program: String, session: Session) -> String {
    SystemTools.executablePath(program, in: session) ?? (program.contains("/") ? program : "/usr/bin/" + program)
  }

  /// bash's hash_string (FNV-1, 32 bits) masked to its 1024 variable buckets.
  static func bashBucket(_ name: String) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in name.utf8 {
      hash = hash &* 16_777_619
      hash ^= UInt32(byte)
    }
    return hash & 1023
  }

  /// dash's and busybox's hashvar: the first byte times 16 plus every byte, modulo 39.
  static func dashBucket(_ name: String) -> UInt32 {
    let bytes = Array(name.utf8)
    var hash = UInt32(bytes.first ?? 0) << 4
    for byte in bytes { hash &+= UInt32(byte) }
    return hash % 39
  }
}
