import Testing

/// One differential scenario: image layers declared as data, then shell operations
/// run in a container made from them.
///
/// The same scenario runs on the real kernel overlayfs (KernelRunner) and on docksim
/// (DocksimRunner); the two results must be equal (ScenarioResult).
///
/// Rules that keep both sides comparable:
/// * Paths are absolute. Every fixed time (layer mtimes, `touch -t`) is before 2020:
///   later times count as "now", because the kernel's clock is real and docksim's is simulated.
/// * A symlink with an absolute target must never be followed by an operation: the kernel
///   side runs the operations on the host with a path prefix, so such a link would resolve
///   against the host's root. KernelRunner refuses targets that exist on the host.
struct Scenario: Sendable, CustomTestStringConvertible {
  /// `S01`... for the experiments of overlay-semantics.md, `X01`... for the others.
  var id: String
  var title: String
  /// Image layers, base first.
  var layers: [[LayerItem]]
  /// Shell command lines, run one after the other in the container.
  var operations: [String]
  /// Why docksim, run this way, is still known to differ from the kernel here
  /// (reported as a known issue, not failed; remove the entry once it is fixed).
  var knownIssues: [DocksimRunner.Route: String]

  init(
    _ id: String, _ title: String, layers: [[LayerItem]], run operations: [String],
    knownIssues: [DocksimRunner.Route: String] = [:]
  ) {
    self.id = id
    self.title = title
    self.layers = layers
    self.operations = operations
    self.knownIssues = knownIssues
  }

  var testDescription: String { "\(id) \(title)" }

  /// A known issue of the shell's utilities, seen on every route that goes through the shell.
  static func inTheShell(_ reason: String) -> [DocksimRunner.Route: String] {
    [.shell: reason, .docker: reason]
  }
}

/// One entry of an image layer. Parent directories that a layer does not declare are
/// created with mode 0755 and the default mtime, on both sides.
enum LayerItem: Sendable, Hashable {
  case directory(String, mode: UInt32, opaque: Bool)
  case file(String, content: String, mode: UInt32, mtime: Int64)
  case symlink(String, target: String)
  /// A second name for a file declared earlier in the same layer.
  case hardLink(String, to: String)
  /// A deletion recorded in this layer (OCI `.wh.NAME`, overlay char device 0/0).
  case whiteout(String)

  var path: String {
    switch self {
    case .directory(let path, _, _), .file(let path, _, _, _), .symlink(let path, _), .hardLink(let path, _),
      .whiteout(let path):
      return path
    }
  }
}

/// 2019-06-01T12:00:00Z: the mtime of every layer entry that does not name one.
let defaultLayerMTime: Int64 = 1_559_390_400

/// Times from here on are "now" (see Scenario).
let nowThreshold: Int64 = 1_577_836_800  // 2020-01-01T00:00:00Z

// The small DSL the scenario files use.

func dir(_ path: String, mode: UInt32 = 0o755) -> LayerItem { .directory(path, mode: mode, opaque: false) }
func opaqueDir(_ path: String, mode: UInt32 = 0o755) -> LayerItem { .directory(path, mode: mode, opaque: true) }
func file(_ path: String, _ content: String = "", mode: UInt32 = 0o644, mtime: Int64 = defaultLayerMTime)
  -> LayerItem
{ .file(path, content: content, mode: mode, mtime: mtime) }
func symlink(_ path: String, to target: String) -> LayerItem { .symlink(path, target: target) }
func hardLink(_ path: String, to existing: String) -> LayerItem { .hardLink(path, to: existing) }
func whiteout(_ path: String) -> LayerItem { .whiteout(path) }

extension Array where Element == LayerItem {
  /// Every directory the layer contains, declared or implied by a deeper entry, with its
  /// declared item when there is one. Parents come before children.
  var directoryClosure: [String] {
    var seen: Set<String> = []
    var ordered: [String] = []
    func add(_ path: String) {
      guard path != "/", !seen.contains(path) else { return }
      add(parentPath(path))
      seen.insert(path)
      ordered.append(path)
    }
    for item in self {
      if case .directory(let path, _, _) = item { add(path) } else { add(parentPath(item.path)) }
    }
    return ordered
  }
}

func parentPath(_ path: String) -> String {
  guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
  return String(path[..<slash])
}

func baseName(_ path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return path }
  return String(path[path.index(after: slash)...])
}
