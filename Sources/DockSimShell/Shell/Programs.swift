import DockSimCore

/// Finding a program by name in the session's registry (`Session.programs`).
///
/// Host programs (`docker`, `help`, `history`) exist only at the `$ ` prompt; the
/// teaching commands in every place; utilities (`ls`, `cat`, ...) wherever the place has any.
enum ProgramTable {
  /// The program `name` names in the current shell's place; a path such as
  /// `/bin/ls` finds `ls`.
  static func lookup(_ name: String, in session: Session) -> (any Program)? {
    let base = name.contains("/") ? PathText.basename(name) : name
    if name.contains("/"), !session.filesystem.exists(session.absolutePath(name)), !isStandardLocation(name) {
      return nil
    }
    let programs = session.programs
    if case .host = session.currentShell.place, let program = programs.host[base] { return program }
    // The teaching commands also work in a container's shell (`whence /etc/motd`).
    if let program = programs.everywhere[base] { return program }
    guard placeHasUtilities(session) else { return nil }
    return programs.utilities[base] ?? SystemTools.lookup(name, in: session)
  }

  /// A container whose root holds no directory at all (`hello-world` and other
  /// `FROM scratch` images of one binary) has no utilities and no shell. Any
  /// directory keeps them, so small synthetic images in tests still have them.
  static func placeHasUtilities(_ session: Session) -> Bool {
    guard case .container = session.currentShell.place else { return true }
    var fs = session.filesystem
    // Docker's init layer adds /dev, /etc, /proc, /sys to every container: not the image's.
    guard let entries = try? fs.readdir("/") else { return true }
    let own = entries.filter { !InitLayer.providesOnly("/" + $0.name, in: fs.image) }
    return own.isEmpty || own.contains { $0.kind == .directory }
  }

  /// Where `type` says a program lives.
  static func directory(of name: String, in session: Session) -> String {
    if case .host = session.currentShell.place,
      session.programs.host[name] != nil || session.programs.everywhere[name] != nil
    {
      return "/usr/local/bin"
    }
    return "/usr/bin"
  }

  /// `/bin/ls` and `/usr/bin/ls` work even in a place whose tree lacks the files.
  private static func isStandardLocation(_ path: String) -> Bool {
    let directory = PathText.dirname(path)
    return ["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin"].contains(directory)
  }
}
