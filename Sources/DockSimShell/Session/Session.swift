import DockSimCore

/// One student's (or one lesson's) whole simulated world and where they are in it.
///
/// The front ends (REPL, script mode, lesson player, tests) feed it input with
/// `execute(_:console:)` and show what lands in the console. Nothing else changes it.
public struct Session: Sendable {
  public var settings: Settings
  public var engine: Engine
  /// The shells the user is in: the host shell first, then each container shell
  /// entered with `docker run -it` or `docker exec -it`. Input runs in the last one.
  public var shells: [ShellFrame]
  /// Narrate copy-ups, whiteouts, lookups and container starts under each command's output.
  public var tracing = false
  /// Turns what an input did (`SessionEvent`) into lines under its output while `tracing`;
  /// the front end injects one (the teaching commands' `trace`), the shell's own is silent.
  public var narrator: any Narrator = SilentNarrator()
  /// The programs the shells find by name.
  public var programs: ProgramRegistry
  /// Set when the user leaves the host shell (`exit`, `quit`, Ctrl-D at `$ `).
  public var finished = false
  /// Lines entered so far, for `history` (the front end owns the history file).
  public var history: [String] = []
  /// The simulated host's own small filesystem (the student's home on the host:
  /// build contexts, files made with `cat > Dockerfile <<EOF`). Never the real disk.
  public var hostFilesystem: HostFilesystem = HostFilesystem()
  /// The real machine's files, reached only by `docker save -o` and friends.
  /// In memory unless the front end opts into the disk (see `HostFileAccess`).
  public var hostFiles: any HostFileAccess = InMemoryHostFiles()
  /// What the running program read of its standard input (it reports it; the shell
  /// passes it on to the pipe or the shared input: Shell/ShellInput.swift).
  var stdinRead: StdinRead?

  public init(
    settings: Settings = Settings(), hub: Hub = Hub(), hostFiles: any HostFileAccess = InMemoryHostFiles(),
    programs: ProgramRegistry, narrator: any Narrator = SilentNarrator()
  ) {
    self.settings = settings
    self.hostFiles = hostFiles
    self.programs = programs
    self.narrator = narrator
    self.engine = Engine(
      clock: SimClock(start: settings.clockStart), seed: settings.seed, version: settings.dockerVersion, hub: hub)
    var host = ShellFrame(place: .host)
    host.runningShell = .bash
    self.shells = [host]
  }

  /// The shell that input runs in.
  public var currentShell: ShellFrame {
    get { shells[shells.count - 1] }
    set { shells[shells.count - 1] = newValue }
  }

  /// Runs one complete input (one line, or several when a here-document or a
  /// quote spans lines) and returns its exit status.
  public mutating func execute(_ text: String, console: inout Console) -> Int32 {
    if shells.count > 1 { currentShell.typedLines.append(text) }
    return Interpreter.execute(text, session: &self, console: &console)
  }

  /// A blank or comment line the front end does not run: the shell still read it
  /// (interactive dash counts it in its messages' line numbers).
  public mutating func skipLine() {
    currentShell.linesRead += 1
  }

  /// Whether `text` is a complete command or the shell would ask for more lines (`> `).
  public func inputStatus(_ text: String) -> InputStatus {
    Interpreter.inputStatus(text)
  }

  /// The prompt for the next line: `$ ` on the host, `root@<id>:<cwd># ` in a container.
  public var prompt: String { currentShell.prompt }

  /// The prompt while a command continues on the next line.
  public var continuationPrompt: String { "> " }
}

/// Whether the shell has a whole command yet.
public enum InputStatus: Sendable, Hashable {
  case complete
  /// More lines are needed (open quote, here-document, trailing `|` or `&&`).
  case needsMore
}

/// One shell the user is in.
public struct ShellFrame: Sendable, Hashable {
  public enum Place: Sendable, Hashable {
    case host
    /// Inside a container (its full 64-hex ID).
    case container(id: String)
  }

  public var place: Place
  public var cwd: String
  public var environment: [String: String]
  /// `$?`.
  public var lastStatus: Int32 = 0
  /// A container's interactive shell: the program it runs (`bash`, `/bin/sh`) and
  /// the lines typed in it, which it saves to its history file on exit (ShellHistory.swift).
  public var shellProgram: String?
  /// The container's hostname (`-h`), for the prompt; nil means the short ID.
  public var hostname: String?
  public var typedLines: [String] = []
  /// Which shell the frame's program really is: it decides the prompt, the messages and
  /// whether `exit` says "exit" (bash for the host and unknown programs).
  public var shellKind: ShellKind = .bash
  /// The lines this shell has read so far: interactive dash numbers its messages by them.
  public var linesRead = 0
  /// The shell functions defined in this shell (`name() { ...; }`).
  var functions: [String: FunctionDefinition] = [:]
  /// The options `set` turned on (`set -e`, `set -o pipefail`).
  var options = ShellOptions.initial(interactive: true)
  /// bash's PIPESTATUS: each stage's status in the last pipeline.
  var pipeStatus: [Int32] = [0]
  /// The variables the programs the shell runs receive (`export`); the others in
  /// `environment` are the shell's own. A name without a value is exported once set
  /// (bash's OLDPWD before the first `cd`).
  var exported: Set<String>
  /// The order the process received its environment in, then later exports: `env`
  /// run without a shell (`docker run IMAGE env`) lists it so.
  var environmentOrder: [String]
  /// The shell that runs the commands, whose rules `env` lists the environment by
  /// (bash by hash bucket, dash and busybox by theirs); nil when no shell runs them.
  var runningShell: ShellKind?
  /// `NAME=value command`'s names while the command runs: bash lists them first.
  var commandAssignments: [String] = []

  public init(place: Place, cwd: String = "/", environment: [String: String] = [:], order: [String]? = nil) {
    self.place = place
    self.cwd = cwd
    self.environment = environment
    self.exported = Set(environment.keys)
    self.environmentOrder = order ?? environment.keys.sorted()
  }

  /// Sets and exports a variable (`export NAME=value`, the shell's own PWD, SHLVL).
  mutating func export(_ name: String, _ value: String?) {
    if let value { environment[name] = value }
    if exported.insert(name).inserted { environmentOrder.append(name) }
  }

  /// Removes a variable and its export (`unset`).
  mutating func unset(_ name: String) {
    environment[name] = nil
    exported.remove(name)
    environmentOrder.removeAll { $0 == name }
  }

  /// A new shell process of `kind` starting in this frame: only exported variables reach
  /// it; every shell sets PWD, bash and busybox ash count SHLVL up, bash exports an
  /// OLDPWD without a value until the first `cd`.
  package mutating func startShell(_ kind: ShellKind) {
    environment = environment.filter { exported.contains($0.key) }
    runningShell = kind
    commandAssignments = []
    if kind != .dash {
      let level = environment["SHLVL"].flatMap { Int($0.trimmingSpaces()) } ?? 0
      export("SHLVL", String(max(0, level + 1)))
    }
    if environment["PWD"] != cwd { export("PWD", cwd) }
    if kind == .bash { export("OLDPWD", nil) }
  }

  public var prompt: String {
    switch (place, shellKind) {
    case (.host, _): return "$ "
    // dash's default PS1 for root.
    case (.container, .dash): return "# "
    // busybox ash's default PS1 for root, `\w \$ `: `~` stands for $HOME.
    case (.container, .ash): return "\(homeAbbreviated(cwd)) # "
    case (.container(let id), .bash):
      // bash's \h: the hostname up to its first dot.
      let host = hostname.map { String($0.prefix { $0 != "." }) } ?? String(id.prefix(12))
      return "root@\(host):\(cwd)# "
    }
  }

  private func homeAbbreviated(_ path: String) -> String {
    let home = environment["HOME"] ?? "/root"
    guard !home.isEmpty, home != "/" else { return path }
    if path == home { return "~" }
    return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
  }
}

/// The interactive shell a container frame runs.
public enum ShellKind: Sendable, Hashable {
  case bash
  /// `sh` in Debian and Ubuntu.
  case dash
  /// busybox ash: `sh` in alpine and busybox.
  case ash
}
