import DockSimCore

/// A filesystem tree as read back from one side: every path below the root, with what
/// `lstat` and friends say about it. Both runners produce these, so everything
/// derived from them (facts, docker diff) is computed by the same code.
struct Tree: Sendable {
  var entries: [String: TreeEntry] = [:]

  /// The names directly inside `directory`.
  func children(of directory: String) -> [String] {
    let prefix = directory == "/" ? "/" : directory + "/"
    return entries.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }.sorted()
  }
}

struct TreeEntry: Sendable, Hashable {
  enum Kind: String, Sendable {
    case directory = "dir"
    case file
    case symlink
    /// An overlay whiteout (character device 0/0); only upper dirs and layers have them.
    case whiteout
    case other
  }

  var kind: Kind
  /// Permission bits (07777).
  var permissions: UInt32
  var size: Int = 0
  /// Hard links to the inode, as `stat` reports them: after a copy-up breaks a lower
  /// link, the lower name still says 2 though only one name is visible (S24).
  var linkCount: Int = 1
  var mtime: Timestamp = Timestamp(seconds: 0)
  var content: [UInt8] = []
  var linkTarget: String = ""
  /// `trusted.overlay.opaque=y` (or docksim's opaque flag).
  var opaque = false
  /// Identity of the inode, to find hard links among the visible names.
  var inode: UInt64 = 0
  var uid: UInt32 = 0
  var gid: UInt32 = 0
  var rdev: UInt64 = 0
}

/// The comparable facts about one path: `field=value` pairs in a fixed order.
///
/// mtimes are normalised: a time before 2020 is printed exactly (the scenario set it),
/// a later one is `now` (the operation set it from the clock). Directory mtimes are left
/// out: the kernel updates them on every create, and nothing docksim promises (docker
/// diff ignores them) depends on them.
typealias Facts = [(key: String, value: String)]

extension Tree {
  func facts() -> [String: Facts] {
    let groups = hardLinkGroups()
    var result: [String: Facts] = [:]
    for (path, entry) in entries {
      var fields: Facts = [("kind", entry.kind.rawValue)]
      switch entry.kind {
      case .directory:
        fields.append(("mode", octal(entry.permissions)))
        if entry.opaque { fields.append(("opaque", "y")) }
      case .file:
        fields.append(("mode", octal(entry.permissions)))
        fields.append(("size", String(entry.size)))
        fields.append(("nlink", String(entry.linkCount)))
        fields.append(("mtime", normalised(entry.mtime)))
        fields.append(("data", quoted(entry.content)))
      case .symlink:
        fields.append(("target", quoted(Array(entry.linkTarget.utf8))))
        fields.append(("mtime", normalised(entry.mtime)))
      case .whiteout:
        break
      case .other:
        fields.append(("mode", octal(entry.permissions)))
      }
      if let others = groups[path] { fields.append(("links", others.joined(separator: ","))) }
      result[path] = fields
    }
    return result
  }

  /// For each non-directory that shares its inode with other visible names: those names.
  func hardLinkGroups() -> [String: [String]] {
    var byInode: [UInt64: [String]] = [:]
    for (path, entry) in entries where entry.kind == .file {
      byInode[entry.inode, default: []].append(path)
    }
    var result: [String: [String]] = [:]
    for names in byInode.values where names.count > 1 {
      for name in names { result[name] = names.filter { $0 != name }.sorted() }
    }
    return result
  }
}

func normalised(_ time: Timestamp) -> String {
  time.seconds >= nowThreshold ? "now" : time.rfc3339(fractionDigits: 9, trimZeros: true)
}

func octal(_ value: UInt32) -> String {
  let digits = String(value, radix: 8)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// A byte string as a double-quoted, C-escaped literal that stays on one line.
func quoted(_ bytes: [UInt8]) -> String {
  var text = "\""
  for byte in bytes {
    switch byte {
    case UInt8(ascii: "\n"): text += "\\n"
    case UInt8(ascii: "\t"): text += "\\t"
    case UInt8(ascii: "\""): text += "\\\""
    case UInt8(ascii: "\\"): text += "\\\\"
    case 0x20..<0x7f: text.append(Character(Unicode.Scalar(byte)))
    default: text += "\\x" + String(byte, radix: 16).leftPadded(to: 2)
    }
  }
  return text + "\""
}

extension String {
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
