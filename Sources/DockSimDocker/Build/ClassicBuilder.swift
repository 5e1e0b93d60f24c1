import DockSimCore
import DockSimShell

/// The daemon's classic builder (builder/dockerfile): one intermediate image per
/// instruction, each committed from a temporary container (RUN and the metadata
/// steps) or from a writable layer (COPY, ADD), with its cache of local child images.
///
/// Time: every container is created, started, committed and removed through the
/// engine, so a step costs what those cost (`ContainerTiming`): 0.1 s to create,
/// 0.4 s to start and 0.1 s to exit (RUN only), 0.5 s to commit, 0.1 s to remove;
/// a COPY costs the commit; a cached step costs nothing.
struct ClassicBuilder {
  struct Options {
    var noCache = false
    var remove = true
    var forceRemove = false
    var buildArgs: [String: String] = [:]
    /// The order `--build-arg` gave them (for the unused-argument warning).
    var buildArgOrder: [String] = []
  }

  /// Why the build stopped: the message the CLI prints and its exit status.
  struct Failure: Error {
    var message: String
    var status: Int32 = 1
  }

  let plan: DockerfilePlan
  let context: BuildContext
  let options: Options
  let version: DockerVersion

  // The state of the stage being built (dispatchState).
  private var image: Image?
  private var config = ImageConfig(env: [])
  private var maintainer = ""
  private var shell = ["/bin/sh", "-c"]
  private var cmdSet = false
  private var allowedArgs: [String: String?] = [:]
  private var metaArgs: [String: String] = [:]
  private var referencedArgs: Set<String> = []
  private var stageImages: [String: Image] = [:]
  private var stageOrder: [String] = []
  private var step = 0

  init(plan: DockerfilePlan, context: BuildContext, options: Options, version: DockerVersion) {
    self.plan = plan
    self.context = context
    self.options = options
    self.version = version
  }

  /// Runs every step, writing the daemon's output to `console`; returns the last image.
  mutating func build(session: inout Session, console: inout Console) -> Result<Image?, Failure> {
    // dockerfile.PrintWarnings goes to the daemon's stderr stream: red, one write each.
    for warning in plan.warningWrites(version: version) {
      console.write(bytes: Array("\u{1B}[91m".utf8) + Array(warning.utf8) + Array("\u{1B}[0m".utf8))
    }
    do {
      for meta in plan.metaArgs {
        printStep(meta.original, console: &console)
        guard case .arg(let args) = meta.instruction else { continue }
        for arg in args {
          let value = try expand(arg.value ?? "", meta: true)
          referencedArgs.insert(arg.name)
          if let given = options.buildArgs[arg.name] {
            metaArgs[arg.name] = given
          } else if arg.value != nil {
            metaArgs[arg.name] = value
          }
        }
      }
      for stage in plan.stages {
        try buildStage(stage, session: &session, console: &console)
      }
    } catch let failure as Failure {
      return .failure(failure)
    } catch {
      return .failure(Failure(message: "\(error)"))
    }
    warnUnusedArgs(console: &console)
    return .success(image)
  }

  private mutating func printStep(_ text: String, console: inout Console) {
    step += 1
    console.line("Step \(step)/\(plan.stepCount) : \(text)")
  }

  private func printImageID(console: inout Console) {
    console.line(" ---> " + (image.map { String($0.id.hex.prefix(12)) } ?? ""))
  }

  // MARK: Stages

  private mutating func buildStage(_ stage: DockerfileStage, session: inout Session, console: inout Console) throws {
    printStep(stage.original, console: &console)
    image = try baseImage(stage.baseName, session: &session, console: &console)
    config = image?.config ?? ImageConfig(env: [])
    maintainer = ""
    shell = ["/bin/sh", "-c"]
    cmdSet = false
    allowedArgs = [:]
    try runTriggers(session: &session, console: &console)
    printImageID(console: &console)
    for instruction in stage.steps {
      printStep(instruction.original, console: &console)
      try dispatch(instruction, session: &session, console: &console)
      printImageID(console: &console)
    }
    // Stages are found by name or by number (`COPY --from=0`).
    let key = stage.name.isEmpty ? "#\(stageOrder.count)" : stage.name
    stageOrder.append(key)
    if let image { stageImages[key] = image }
  }

  /// The base image's ONBUILD triggers run first, each as the instruction it is; the
  /// new image does not inherit them. They print no `Step` line of their own.
  private mutating func runTriggers(session: inout Session, console: inout Console) throws {
    let triggers = config.onBuild
    guard !triggers.isEmpty else { return }
    config.onBuild = []
    console.line("# Executing \(triggers.count) build trigger" + (triggers.count > 1 ? "s" : ""))
    for trigger in triggers {
      let step: DockerfileStep
      do { step = try DockerfilePlan.parseTrigger(trigger, version: version) } catch {
        throw Failure(message: error.message)
      }
      try dispatch(step, session: &session, console: &console)
    }
  }

  /// FROM: a previous stage, `scratch`, a local image, or a pull from the Hub.
  private mutating func baseImage(_ rawName: String, session: inout Session, console: inout Console) throws -> Image? {
    let name = try expand(rawName, meta: true)
    guard !name.isEmpty else { throw Failure(message: "base name (\(rawName)) should not be blank") }
    if let stage = stageImages[name.lowercased()] { return stage }
    if name == "scratch" { return nil }
    switch session.engine.images.lookup(name, version: version) {
    case .success(let found): return found
    case .failure(.invalidReference(let error)): throw Failure(message: error.message(for: version))
    case .failure(.notFound):
      guard case .named(let reference)? = try? Reference.parseAny(name, version: version) else {
        throw Failure(message: "No such image: \(name)")
      }
      switch session.engine.pull(reference) {
      case .success(let pulled):
        var renderer = PullRenderer(terminal: console.traits.stdoutIsTerminal, width: console.traits.width, stream: .stdout)
        renderer.render(pulled.messages, to: &console)
        return pulled.image
      case .failure(let error):
        throw Failure(message: error.message)
      }
    }
  }

  // MARK: Instructions

  private mutating func dispatch(_ instruction: DockerfileStep, session: inout Session, console: inout Console) throws {
    if let flag = instruction.buildKitOnlyFlag {
      throw Failure(
        message: "the --\(flag) option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled")
    }
    switch instruction.instruction {
    case .env(let pairs):
      var comment = "ENV"
      for pair in pairs {
        let name = try expand(pair.name)
        let value = try expand(pair.value)
        config.setEnv(name, value)
        comment += " \(name)=\(value)"
      }
      try commit(comment, session: &session, console: &console)
    case .label(let pairs):
      var comment = "LABEL"
      for pair in pairs {
        let name = try expand(pair.name)
        let value = try expand(pair.value)
        config.labels[name] = value
        comment += " \(name)=\(value)"
      }
      try commit(comment, session: &session, console: &console)
    case .maintainer(let text):
      maintainer = text
      try commit("MAINTAINER " + text, session: &session, console: &console)
    case .cmd(let words, let shellForm):
      config.cmd = shellForm ? shell + words : words
      try commit("CMD " + Self.goList(config.cmd ?? []), session: &session, console: &console)
      if !words.isEmpty { cmdSet = true }
    case .entrypoint(let words, let shellForm):
      config.entrypoint = shellForm ? (words.isEmpty ? nil : shell + words) : words
      if !cmdSet { config.cmd = nil }
      try commit("ENTRYPOINT " + Self.goList(config.entrypoint ?? []), session: &session, console: &console)
    case .expose(let ports):
      var expanded: [String] = []
      for port in ports { expanded += try expand(port).split(separator: " ").map(String.init) }
      for port in expanded {
        let full = port.contains("/") ? port : port + "/tcp"
        if !config.exposedPorts.contains(full) { config.exposedPorts.append(full) }
      }
      try commit("EXPOSE " + expanded.joined(separator: " "), session: &session, console: &console)
    case .user(let user):
      config.user = try expand(user)
      try commit("USER " + config.user, session: &session, console: &console)
    case .volume(let paths):
      var expanded: [String] = []
      for path in paths {
        let value = try expand(path)
        guard !value.isEmpty else { throw Failure(message: "VOLUME specified can not be an empty string") }
        expanded.append(value)
        if !config.volumes.contains(value) { config.volumes.append(value) }
      }
      try commit("VOLUME [" + expanded.joined(separator: " ") + "]", session: &session, console: &console)
    case .stopSignal(let signal):
      config.stopSignal = try expand(signal)
      try commit("STOPSIGNAL " + (config.stopSignal ?? ""), session: &session, console: &console)
    case .healthcheck(let health):
      if let old = config.healthcheck?.test, let first = old.first, first != "NONE" {
        console.line("Note: overriding previous HEALTHCHECK: " + HealthConfig(test: old).testDescription)
      }
      config.healthcheck = health
      try commit("HEALTHCHECK " + health.goQuoted(version: version), session: &session, console: &console)
    case .onbuild(let trigger):
      config.onBuild.append(trigger)
      try commit("ONBUILD " + trigger, session: &session, console: &console)
    case .shell(let words):
      shell = words
      try commit("SHELL [" + words.joined(separator: " ") + "]", session: &session, console: &console)
    case .arg(let args):
      var parts: [String] = []
      for arg in args {
        var value = arg.value
        if let raw = value { value = try expand(raw) }
        allowedArgs[arg.name] = value
        referencedArgs.insert(arg.name)
        parts.append(value.map { "\(arg.name)=\($0)" } ?? arg.name)
      }
      try commit("ARG " + parts.joined(separator: " "), session: &session, console: &console)
    case .workdir(let path):
      try workdir(try expand(path), session: &session, console: &console)
    case .run(let words, let shellForm):
      try run(shellForm ? shell + words : words, session: &session, console: &console)
    case .copy(let add, let sources, let destination, let chown, let from):
      let source = from.isEmpty ? context : try copySource(from, session: &session, console: &console)
      try copy(
        add: add, sources: sources, destination: destination, chown: chown, from: from.isEmpty ? nil : source,
        session: &session, console: &console)
    }
  }

  /// Go's `%q` of a []string: `["nginx" "-g" "daemon off;"]`.
  static func goList(_ words: [String]) -> String {
    "[" + words.map { GoQuote.quote($0) }.joined(separator: " ") + "]"
  }

  // MARK: Variables

  /// The build arguments a step can see: declared by ARG and given a value by
  /// `--build-arg` or a default, and not hidden by an ENV of the same name.
  private func argumentEnvironment() -> [String] {
    let envNames = Set(config.env.map { String($0.split(separator: "=", maxSplits: 1)[0]) })
    return allowedArgs.keys.sorted().compactMap { name in
      guard !envNames.contains(name), let value = options.buildArgs[name] ?? (allowedArgs[name] ?? nil) else { return nil }
      return "\(name)=\(value)"
    }
  }

  private func expand(_ text: String, meta: Bool = false) throws -> String {
    let environment = meta ? metaArgs.keys.sorted().map { "\($0)=\(metaArgs[$0]!)" } : config.env + argumentEnvironment()
    do {
      return try DockerfileExpansion(environment: environment).word(text)
    } catch {
      throw Failure(message: error.message)
    }
  }

  private func warnUnusedArgs(console: inout Console) {
    let unused = options.buildArgOrder.filter { !referencedArgs.contains($0) && !Self.builtinArgs.contains($0) }
    guard !unused.isEmpty else { return }
    let listed = version == .v28 ? unused.sorted() : unused
    console.line("[Warning] One or more build-args [\(listed.joined(separator: " "))] were not consumed")
  }

  static let builtinArgs: Set<String> = [
    "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy",
    "ALL_PROXY", "all_proxy",
  ]

  // MARK: Commits

  /// A metadata step: a container whose command is the `#(nop)` comment, committed
  /// with no changes (an empty layer).
  private mutating func commit(_ comment: String, session: inout Session, console: inout Console) throws {
    let createdBy = (shell + ["#(nop) ", comment]).joined(separator: " ")
    try commitInContainer(createdBy: createdBy, command: shell + ["#(nop) ", comment], session: &session, console: &console) {
      _, _, _ in 0
    }
  }

  /// WORKDIR: resolved against the previous one, and made in the container.
  private mutating func workdir(_ path: String, session: inout Session, console: inout Console) throws {
    config.workingDir = BuildStepPaths.workdir(path, current: config.workingDir)
    let directory = config.workingDir
    let createdBy = (shell + ["#(nop) WORKDIR " + directory]).joined(separator: " ")
    try commitInContainer(createdBy: createdBy, command: shell + ["#(nop) WORKDIR " + directory], session: &session, console: &console) {
      id, session, _ in
      guard var container = session.engine.containers[id: id] else { return 0 }
      let now = session.engine.clock.now
      for ancestor in (FSPath.ancestors(directory + "/x").reversed()) where !container.filesystem.exists(ancestor) {
        try? container.filesystem.mkdir(ancestor, mode: 0o755, at: now)
      }
      session.engine.containers.update(container)
      return 0
    }
  }

  /// RUN: the command runs in a container through the shell; its output is shown
  /// (stderr in red, as the daemon's stderr stream marks it).
  private mutating func run(_ command: [String], session: inout Session, console: inout Console) throws {
    let arguments = argumentEnvironment()
    let saved = arguments.isEmpty ? command : ["|\(arguments.count)"] + arguments + command
    try commitInContainer(createdBy: saved.joined(separator: " "), command: command, extraEnv: arguments, session: &session, console: &console) {
      id, session, console in
      guard let container = session.engine.containers[id: id], let program = command.first else { return 0 }
      if !session.containerCanRun(id, program: program) {
        var text = ContainerRuntimeText.notFound(program, version: session.engine.version)
        if program.hasPrefix("/") {
          text = text.split(separator: "executable file not found in $PATH", omittingEmptySubsequences: false)
            .joined(separator: "stat \(program): no such file or directory")
        }
        throw Failure(message: text)
      }
      session.engine.markStarted(id)
      var output = Console(traits: console.traits)
      let status = session.runInContainer(
        id, arguments: command, workingDirectory: container.workingDirectory,
        environment: Session.environment(container.environment), console: &output)
      for case .write(let stream, let bytes) in output.events {
        if stream == .stderr {
          console.write(bytes: Array("\u{1B}[91m".utf8) + bytes + Array("\u{1B}[0m".utf8))
        } else {
          console.write(bytes: bytes)
        }
      }
      session.engine.markExited(id, status: status)
      return status
    }
  }

  /// The shared path of RUN, WORKDIR and the metadata steps: probe the cache; else
  /// create a container, let `work` act in it, commit it, remove it.
  private mutating func commitInContainer(
    createdBy: String, command: [String], extraEnv: [String] = [], session: inout Session, console: inout Console,
    work: (String, inout Session, inout Console) throws -> Int32
  ) throws {
    if try probeCache(createdBy, session: &session, console: &console) { return }
    let containerImage = currentContainerImage(engine: &session.engine)
    let spec = ContainerSpec(
      image: containerImage, reference: image.map { $0.id.description } ?? "", name: nil, command: command,
      entrypoint: "", environment: extraEnv, workingDirectory: config.workingDir.isEmpty ? nil : config.workingDir,
      tty: false, openStdin: false, autoRemove: false, publishedPorts: [])
    guard case .success(let container) = session.engine.createContainer(spec) else {
      throw Failure(message: "failed to create the build container")
    }
    console.line(" ---> Running in \(container.shortID)")
    let status = try work(container.id, &session, &console)
    if status != 0 {
      if options.forceRemove { removeContainer(container.id, session: &session, console: &console) }
      throw Failure(message: "The command '\(command.joined(separator: " "))' returned a non-zero code: \(status)", status: status)
    }
    guard let finished = session.engine.containers[id: container.id] else { return }
    let layer = finished.filesystem.commit()
    try store(layer: layer, createdBy: createdBy, container: container.id, session: &session)
    if options.remove || options.forceRemove { removeContainer(container.id, session: &session, console: &console) }
  }

  private func removeContainer(_ id: String, session: inout Session, console: inout Console) {
    session.engine.removeContainer(id)
    let short = String(id.prefix(12))
    console.line(version == .v28 ? " ---> Removed intermediate container \(short)" : "Removing intermediate container \(short)")
  }

  /// The merged view of the current image (an empty root for `FROM scratch`).
  private func currentContainerImage(engine: inout Engine) -> ContainerImage {
    guard let image else {
      return ContainerImage(id: Digest.sha256(""), root: MergedView(layers: []), cmd: [], environment: config.env)
    }
    var made = ContainerImages.containerImage(image, engine: &engine)
    made.environment = config.env
    made.workingDirectory = config.workingDir
    return made
  }

  /// The image cache: a local child of the current image made by the same step on
  /// the same config (the newest, when several are).
  private mutating func probeCache(_ createdBy: String, session: inout Session, console: inout Console) throws -> Bool {
    guard !options.noCache, let parent = image else { return false }
    let hit = session.engine.images.children(of: parent.id)
      .filter { $0.history.last?.createdBy == createdBy && $0.config == config && $0.author == maintainer }
      .max { $0.created < $1.created }
    guard let hit else { return false }
    console.line(" ---> Using cache")
    image = hit
    return true
  }

  /// Commits `layer` (empty: a history entry only) as the next intermediate image.
  private mutating func store(layer: Layer, createdBy: String, container: String, session: inout Session) throws {
    let empty = layer.contents.isEmpty
    let now = session.engine.clock.now
    let entry = HistoryEntry(created: now, createdBy: createdBy, author: maintainer, emptyLayer: empty)
    let next = Image(
      layers: (image?.layers ?? []) + (empty ? [] : [layer]), config: config, history: (image?.history ?? []) + [entry],
      created: now, parent: image?.id, author: maintainer, container: container)
    if case .failure(let error) = session.engine.images.addCommitted(next, parent: image) {
      throw Failure(message: error.message)
    }
    session.engine.clock.advance(by: ContainerTiming.commit)
    image = next
  }

  // MARK: COPY and ADD

  private mutating func copy(
    add: Bool, sources: [String], destination: String, chown: String, from source: BuildContext?,
    session: inout Session, console: inout Console
  ) throws {
    let name = add ? "ADD" : "COPY"
    let context = source ?? self.context
    var found: [String] = []
    var hashes: [String] = []
    for raw in sources {
      let expanded = try expand(raw)
      if add, expanded.hasPrefix("http://") || expanded.hasPrefix("https://") {
        // The daemon downloads it first; the simulated world has no web server to answer.
        throw Failure(message: "\(name) failed: " + RegistryHost.downloadError(expanded))
      }
      let path = Self.contextPath(expanded)
      if Glob.hasWildcards(path) {
        let matches = context.paths.filter { Self.matchesWildcard(path, $0) }
        found += matches
        hashes += matches.map { context.hash(of: $0) }
        continue
      }
      guard context.kind(of: path) != nil else {
        let missing = "stat \(Self.trimmed(expanded)): file does not exist"
        if source != nil { throw Failure(message: "\(name) failed: \(missing)") }
        throw Failure(message: "\(name) failed: file not found in build context or excluded by .dockerignore: \(missing)")
      }
      found.append(path)
      hashes.append(context.hash(of: path))
    }
    guard !found.isEmpty else { throw Failure(message: "\(name) failed: no source files were specified") }
    let dest = try expand(destination)
    if found.count > 1, !dest.hasSuffix("/") {
      throw Failure(
        message: "When using \(name) with more than one source file, the destination must be a directory and end with a /")
    }
    let hash = hashes.count == 1 ? hashes[0] : BuildContext.multiHash(hashes)
    let chownComment = chown.isEmpty ? "" : (version == .v28 ? "--chown=\(chown) " : "--chown=\(chown)")
    let createdBy = (shell + ["#(nop) \(name) \(chownComment)\(hash) in \(dest) "]).joined(separator: " ")
    if try probeCache(createdBy, session: &session, console: &console) { return }
    // COPY --from keeps the image's owners unless --chown says otherwise.
    let owner: (UInt32, UInt32)? = source != nil && chown.isEmpty ? nil : try Self.owner(chown)
    let now = session.engine.clock.now
    var fs = ContainerFS(image: image.map { session.engine.containers.rootView(of: $0.id, layers: $0.layers) } ?? MergedView(layers: []))
    let target = BuildStepPaths.destination(dest, workdir: config.workingDir)
    let copier = BuildCopy(context: context, owner: owner, now: now)
    for path in found {
      // ADD unpacks a local tar (plain or gzip) into the destination; COPY --from never does.
      if add, source == nil, case .file(let data, _)? = context.kind(of: path), let archive = BuildCopy.archive(data) {
        copier.unpack(archive, into: target, fs: &fs)
        continue
      }
      copier.copy(path, to: target, endsWithSlash: dest.hasSuffix("/") || found.count > 1, into: &fs)
    }
    try store(layer: fs.commit(), createdBy: createdBy, container: "", session: &session)
  }

  /// `COPY --from`: a stage by name or number, else an image (pulled when missing);
  /// its files as a source.
  private mutating func copySource(_ from: String, session: inout Session, console: inout Console) throws -> BuildContext {
    let name = try expand(from)
    var found: Image?
    if let stage = stageImages[name.lowercased()] {
      found = stage
    } else if let index = Int(name), index >= 0, index < stageOrder.count {
      found = stageImages[stageOrder[index]]
    } else {
      do {
        found = try baseImage(name, session: &session, console: &console)
      } catch let failure as Failure {
        throw Failure(message: "invalid from flag value \(name): \(failure.message)")
      }
    }
    guard let image = found else { return BuildContext() }
    let fs = ContainerFS(image: session.engine.containers.rootView(of: image.id, layers: image.layers))
    return BuildContext.read(fs, root: "/", asSent: false)
  }

  /// `--chown=uid[:gid]` with numbers (names would need the image's /etc/passwd).
  static func owner(_ chown: String) throws -> (UInt32, UInt32) {
    guard !chown.isEmpty else { return (0, 0) }
    let parts = chown.split(separator: ":", maxSplits: 1).map(String.init)
    guard let uid = UInt32(parts[0]) else {
      throw Failure(message: "unable to convert uid/gid chown string to host mapping: docksim resolves numeric --chown only")
    }
    let gid = parts.count > 1 ? UInt32(parts[1]) : uid
    guard let gid else {
      throw Failure(message: "unable to convert uid/gid chown string to host mapping: docksim resolves numeric --chown only")
    }
    return (uid, gid)
  }

  /// A source as the daemon looks it up: leading `/` and `./` dropped, cleaned, and
  /// kept inside the context (`..` at the top stays at the top, as a scoped path does).
  static func contextPath(_ source: String) -> String {
    var parts: [String] = []
    for part in source.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }

  /// The source as the error names it: without a leading `/` or `./`.
  static func trimmed(_ source: String) -> String {
    var text = source
    if text.hasPrefix("/") { text.removeFirst() }
    if text.hasPrefix("./") { text.removeFirst(2) }
    return text
  }

  /// filepath.Match on the whole relative path (a `*` does not cross `/`).
  static func matchesWildcard(_ pattern: String, _ path: String) -> Bool {
    let p = pattern.split(separator: "/").map(String.init)
    let s = path.split(separator: "/").map(String.init)
    guard p.count == s.count else { return false }
    return zip(p, s).allSatisfy { Glob.match($0, $1) }
  }
}

/// Paths of WORKDIR and COPY destinations.
enum BuildStepPaths {
  /// normalizeWorkdir: relative to the current one, cleaned, absolute.
  static func workdir(_ path: String, current: String) -> String {
    let joined = path.hasPrefix("/") ? path : (current.isEmpty ? "/" : current) + "/" + path
    return clean(joined)
  }

  /// A relative destination is under WORKDIR; the trailing `/` is kept by the caller.
  static func destination(_ dest: String, workdir: String) -> String {
    let joined = dest.hasPrefix("/") ? dest : (workdir.isEmpty ? "/" : workdir) + "/" + dest
    return clean(joined)
  }

  static func clean(_ path: String) -> String {
    var parts: [String] = []
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(String(part))
      }
    }
    return "/" + parts.joined(separator: "/")
  }
}

/// One COPY source into the new layer, as the daemon's copier does: a file goes to
/// the destination (or into it when it is a directory or ends in `/`), a directory's
/// contents go into the destination; missing parents are made root-owned, 0755.
struct BuildCopy {
  let context: BuildContext
  /// Nil: keep the source's owners.
  let owner: (UInt32, UInt32)?
  let now: Timestamp

  func copy(_ source: String, to target: String, endsWithSlash: Bool, into fs: inout ContainerFS) {
    guard let entry = context.kind(of: source) else { return }
    if case .directory = entry {
      makeDirectories(target, in: &fs)
      for path in context.descendants(of: source) {
        let relative = source.isEmpty ? path : String(path.dropFirst(source.count + 1))
        place(path, at: BuildStepPaths.clean(target + "/" + relative), in: &fs)
      }
      return
    }
    let intoDirectory = endsWithSlash || fs.kind(at: target) == .directory
    let destination = intoDirectory ? FSPath.child(target, FSPath.name("/" + source)) : target
    makeDirectories(intoDirectory ? target : FSPath.parent(destination), in: &fs)
    place(source, at: destination, in: &fs)
  }

  /// The layer a tar archive holds (gzip is inflated first), or nil when `data` is
  /// not one: the classic builder's archive.IsArchivePath reads a first tar header.
  static func archive(_ data: FileData) -> Layer? {
    var bytes = data.bytes
    if Gzip.isCompressed(bytes) {
      guard let inflated = try? Gzip.decompress(bytes) else { return nil }
      bytes = inflated
    }
    guard bytes.count >= 512, let members = try? TarReader(SharedBytes(bytes)).members(), !members.isEmpty else {
      return nil
    }
    return try? LayerArchive.read(bytes)
  }

  /// Writes the archive's entries under directory `target`, parents first, with the
  /// archive's modes, owners and times (the daemon untars as root, keeping them).
  func unpack(_ archive: Layer, into target: String, fs: inout ContainerFS) {
    makeDirectories(target, in: &fs)
    for path in archive.contents.entries.keys.sorted() where path != "/" {
      guard let entry = archive.entry(at: path) else { continue }
      let destination = BuildStepPaths.clean(target + path)
      switch entry {
      case .directory(let m, _):
        if fs.kind(at: destination) != .directory {
          if fs.exists(destination) { try? fs.removeTree(destination, at: now) }
          try? fs.mkdir(destination, mode: m.mode, at: now)
        }
        setMetadata(destination, m, in: &fs)
      case .file:
        guard let file = archive.file(at: path) else { continue }
        if fs.kind(at: destination) == .directory || fs.kind(at: destination) == .symlink {
          try? fs.removeTree(destination, at: now)
        }
        try? fs.writeFile(destination, file.data, mode: file.metadata.mode, at: now)
        setMetadata(destination, file.metadata, in: &fs)
      case .symlink(let linkTarget, _):
        if fs.exists(destination) { try? fs.removeTree(destination, at: now) }
        try? fs.symlink(linkTarget, at: destination, time: now)
      case .whiteout:
        continue
      }
    }
  }

  private func setMetadata(_ path: String, _ m: FileMetadata, in fs: inout ContainerFS) {
    try? fs.chmod(path, mode: m.mode)
    try? fs.chown(path, uid: m.uid, gid: m.gid)
    try? fs.setModificationTime(path, m.mtime)
  }

  private func makeDirectories(_ path: String, in fs: inout ContainerFS) {
    for directory in FSPath.ancestors(path + "/x").reversed() where !fs.exists(directory) {
      try? fs.mkdir(directory, mode: 0o755, at: now)
    }
  }

  private func place(_ path: String, at destination: String, in fs: inout ContainerFS) {
    guard let entry = context.entries[path] else { return }
    switch entry {
    case .directory(let m):
      if fs.kind(at: destination) != .directory {
        if fs.exists(destination) { try? fs.removeTree(destination, at: now) }
        try? fs.mkdir(destination, mode: m.mode, at: now)
      }
      try? fs.chmod(destination, mode: m.mode)
      try? fs.chown(destination, uid: owner?.0 ?? m.uid, gid: owner?.1 ?? m.gid)
      try? fs.setModificationTime(destination, m.mtime)
    case .file(let data, let m):
      if fs.kind(at: destination) == .directory || fs.kind(at: destination) == .symlink {
        try? fs.removeTree(destination, at: now)
      }
      try? fs.writeFile(destination, data, mode: m.mode, at: now)
      try? fs.chmod(destination, mode: m.mode)
      try? fs.chown(destination, uid: owner?.0 ?? m.uid, gid: owner?.1 ?? m.gid)
      try? fs.setModificationTime(destination, m.mtime)
    case .symlink(let target, _):
      if fs.exists(destination) { try? fs.removeTree(destination, at: now) }
      try? fs.symlink(target, at: destination, time: now)
    }
  }
}
