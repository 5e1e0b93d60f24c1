import DockSimCore

/// Programs found through the container's PATH: the image must have the binary.
///
/// A name that is not one of docksim's utilities but names a file in the image's
/// PATH (`perl` in ubuntu) is a real program docksim cannot run: it says so in its
/// own voice and returns 126 ("found but cannot execute", as a shell does for a file
/// it cannot run), so nobody mistakes it for bash's `command not found` (127), which
/// stays for names the image does not have.
enum SystemTools {
  /// What docksim runs when the image has the binary (util-linux/busybox `mount`,
  /// coreutils/busybox `df`, procps/busybox `ps`).
  static let simulated: [String: any Program] = ["mount": MountProgram(), "df": DfProgram(), "ps": PsProgram()]

  /// The PATH of Docker's default environment (moby `oci.DefaultPathEnv`).
  static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

  /// The program for `name` in a container, when the image has it.
  static func lookup(_ name: String, in session: Session) -> (any Program)? {
    guard case .container = session.currentShell.place, let path = executablePath(name, in: session) else {
      return nil
    }
    if let program = simulated[PathText.basename(name)] { return program }
    return NotSimulated(path: path)
  }

  /// Where `name` is in the current place: itself when it has a slash, else the
  /// first PATH directory holding a regular file of that name (symlinks followed).
  static func executablePath(_ name: String, in session: Session) -> String? {
    var fs = session.filesystem
    if name.contains("/") {
      let path = session.absolutePath(name)
      return (try? fs.stat(path))?.kind == .regular ? path : nil
    }
    let search = session.currentShell.environment["PATH"] ?? defaultPath
    for directory in search.split(separator: ":", omittingEmptySubsequences: false) {
      let base = directory.isEmpty ? session.currentShell.cwd : String(directory)
      let path = base.hasSuffix("/") ? base + name : base + "/" + name
      if (try? fs.stat(path))?.kind == .regular { return path }
    }
    return nil
  }
}

/// A program the image has and docksim does not simulate.
struct NotSimulated: Program {
  let path: String

  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    let name = invocation.arguments.first ?? path
    console.errorLine("docksim: \(name): not simulated (the image has \(path); docksim cannot run it)")
    return 126
  }
}
