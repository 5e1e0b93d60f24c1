import DockSimCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a scenario on the real kernel overlayfs, mounted the way Docker's overlay2 driver
/// mounts a container: `lowerdir=Ln:…:L1,upperdir=U,workdir=W,index=off`, with
/// `redirect_dir` and `metacopy` off. The operations run in real bash and GNU coreutils,
/// with every absolute path in them moved under the mount point.
enum KernelRunner {
  enum Availability: Sendable {
    case available
    case unavailable(String)
  }

  /// Whether this process can mount overlayfs (root, and a kernel and sandbox that allow it).
  static let availability: Availability = probe()

  static var isAvailable: Bool {
    if case .available = availability { return true }
    return false
  }

  static var skipMessage: String {
    if case .unavailable(let reason) = availability {
      return "kernel overlayfs side skipped: \(reason); docksim is compared with the recorded kernel results"
    }
    return ""
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static let mountOptions = "index=off,redirect_dir=off,metacopy=off"

  static func run(_ scenario: Scenario) throws -> ScenarioResult {
    let work = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: work) }
    try checkSymlinkSafety(scenario)

    var lowers: [String] = []
    for (index, layer) in scenario.layers.enumerated() {
      let path = "\(work)/L\(index + 1)"
      try LayerWriter.write(layer, at: path)
      lowers.insert(path, at: 0)  // overlay lists the topmost layer first
    }
    for name in ["upper", "work", "merged", "image", "empty"] { try makeDirectory("\(work)/\(name)") }
    let merged = "\(work)/merged"
    let image = "\(work)/image"

    try mountOverlay(
      at: merged,
      options: "lowerdir=\(lowers.joined(separator: ":")),upperdir=\(work)/upper,workdir=\(work)/work,\(mountOptions)")
    defer { umount2(merged, Int32(MNT_DETACH)) }
    // The image alone, for docker diff. Overlay needs two lower dirs when it has no upper
    // dir, so an empty layer goes at the bottom; it changes nothing.
    try mountOverlay(at: image, options: "lowerdir=\((lowers + ["\(work)/empty"]).joined(separator: ":"))", readOnly: true)
    defer { umount2(image, Int32(MNT_DETACH)) }

    let outcomes = try runOperations(scenario.operations, root: merged, scratch: work)
    let mergedTree = try TreeReader.read(merged)
    let upperTree = try TreeReader.read("\(work)/upper", overlayMarkers: true)
    let imageTree = try TreeReader.read(image)
    let diff = DockerDiff.changes(container: mergedTree, image: imageTree)
    return ScenarioResult(outcomes: outcomes, merged: mergedTree, upper: upperTree, diff: diff)
  }

  // MARK: - Mounting

  private static func probe() -> Availability {
    guard geteuid() == 0 else { return .unavailable("not running as root") }
    do {
      let work = try makeTemporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: work) }
      for name in ["lower", "upper", "work", "merged"] { try makeDirectory("\(work)/\(name)") }
      try mountOverlay(
        at: "\(work)/merged",
        options: "lowerdir=\(work)/lower,upperdir=\(work)/upper,workdir=\(work)/work,\(mountOptions)")
      umount2("\(work)/merged", Int32(MNT_DETACH))
      return .available
    } catch {
      return .unavailable("mount -t overlay is not permitted here (\(error))")
    }
  }

  private static func mountOverlay(at target: String, options: String, readOnly: Bool = false) throws {
    let flags: UInt = readOnly ? UInt(MS_RDONLY) : 0
    guard mount("overlay", target, "overlay", flags, options) == 0 else {
      throw Failure(description: "mount -t overlay -o \(options): \(String(cString: strerror(errno)))")
    }
  }

  // MARK: - Operations

  /// Runs all operations in one bash process, each in a subshell with its own output
  /// files, so a failing one does not stop the rest (as typing them one by one would not).
  private static func runOperations(_ operations: [String], root: String, scratch: String) throws
    -> [ScenarioResult.Outcome]
  {
    var script = "umask 022\ncd /\n"
    for (index, operation) in operations.enumerated() {
      let out = "\(scratch)/op\(index)"
      script += "( \(rooted(operation, root: root)) ) >\(out).out 2>\(out).err </dev/null; echo $? >\(out).status\n"
    }
    let scriptPath = "\(scratch)/ops.sh"
    try script.write(toFile: scriptPath, atomically: false, encoding: .utf8)

    try spawnAndWait(
      ["/bin/bash", "--norc", "--noprofile", scriptPath],
      environment: ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C", "TZ=UTC", "HOME=/root"])

    return try operations.enumerated().map { index, operation in
      let out = "\(scratch)/op\(index)"
      let status = try String(contentsOfFile: "\(out).status", encoding: .utf8)
      let stdout = try String(contentsOfFile: "\(out).out", encoding: .utf8)
      let stderr = try String(contentsOfFile: "\(out).err", encoding: .utf8)
      return ScenarioResult.Outcome(
        command: operation,
        status: Int32(status.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1,
        stdout: stdout.replacingOccurrences(of: root, with: ""),
        stderr: interactive(stderr, script: scriptPath).replacingOccurrences(of: root, with: ""))
    }
  }

  /// bash reading a script says `SCRIPT: line N: ...` where at a prompt it says `bash: ...`.
  private static func interactive(_ stderr: String, script: String) -> String {
    stderr.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard line.hasPrefix(script + ": line ") else { return String(line) }
      let rest = line.dropFirst(script.count + ": line ".count).drop { $0.isNumber }
      return "bash" + rest
    }.joined(separator: "\n")
  }

  /// posix_spawn and waitpid: Foundation's Process is avoided, the test process starts
  /// many of these at once.
  private static func spawnAndWait(_ arguments: [String], environment: [String]) throws {
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, arguments[0], nil, nil, argv, envp)
    guard spawned == 0 else { throw Failure(description: "posix_spawn \(arguments[0]): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  }

  /// The operation with every absolute path moved under `root`: `cat /etc/hosts` becomes
  /// `cat ROOT/etc/hosts`. A word is a path when it starts with `/` (after an optional
  /// quote or redirection). The target of `ln -s` stays as written: it is the link's text.
  static func rooted(_ operation: String, root: String) -> String {
    let words = shellWords(operation)
    let linkText = symlinkTargetIndex(words)
    return words.enumerated().map { index, word in
      index == 0 || index == linkText ? word : rootedWord(word, root: root)
    }.joined(separator: " ")
  }

  /// In `ln -s TARGET NAME`, the index of TARGET.
  static func symlinkTargetIndex(_ words: [String]) -> Int? {
    guard words.first == "ln", words.contains(where: { $0.hasPrefix("-") && $0.contains("s") }) else { return nil }
    return words.indices.dropFirst().first { !words[$0].hasPrefix("-") }
  }

  private static func rootedWord(_ word: String, root: String) -> String {
    var prefix = ""
    var rest = Substring(word)
    while let first = rest.first, ">&<012\"'".contains(first), !rest.hasPrefix("/") {
      prefix.append(first)
      rest = rest.dropFirst()
    }
    return rest.hasPrefix("/") ? prefix + root + rest : word
  }

  /// Splits on blanks outside quotes, keeping the quotes (bash gets the words back).
  static func shellWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character? = nil
    for character in text {
      if let open = quote {
        current.append(character)
        if character == open { quote = nil }
      } else if character == " " || character == "\t" {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        if character == "\"" || character == "'" { quote = character }
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// An absolute symlink target resolves against the host's root here, so an operation
  /// following one could touch the real machine. Refuse any whose target or its parent
  /// exists on the host (then following it can only fail).
  private static func checkSymlinkSafety(_ scenario: Scenario) throws {
    var targets: [String] = []
    for layer in scenario.layers {
      for case .symlink(_, let target) in layer where target.hasPrefix("/") { targets.append(target) }
    }
    for operation in scenario.operations {
      let words = shellWords(operation)
      if let index = symlinkTargetIndex(words), words[index].hasPrefix("/") { targets.append(words[index]) }
    }
    for target in targets where access(target, F_OK) == 0 || access(parentPath(target), F_OK) == 0 {
      throw Failure(description: "\(scenario.id): absolute symlink target \(target) exists on the host; use a relative one")
    }
  }

  // MARK: - Files

  static func makeTemporaryDirectory() throws -> String {
    var template = Array("/tmp/docksim-overlay-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw Failure(description: "mkdtemp: \(String(cString: strerror(errno)))")
    }
    return String(cString: made)
  }

  static func makeDirectory(_ path: String) throws {
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
      throw Failure(description: "mkdir \(path): \(String(cString: strerror(errno)))")
    }
  }
}
