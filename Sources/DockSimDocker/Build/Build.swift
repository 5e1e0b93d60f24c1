import DockSimCore
import DockSimShell

/// `docker build [OPTIONS] PATH | -` (also `docker image build`) with the classic
/// builder, as `DOCKER_BUILDKIT=0` gives it: the CLI sends the context (a directory
/// of the simulated host, or a Dockerfile on stdin), the daemon prints `Step N/M`
/// and ` ---> ` lines, then `Successfully built` and `Successfully tagged`.
///
/// 20.10 uses the classic builder by default. 28 does too when buildx is missing,
/// as it is here, after its `DEPRECATED` notice on stderr; `DOCKER_BUILDKIT=1`
/// then fails, as the real CLI does without buildx.
struct Build: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] PATH | URL | -", abstract: "Build an image from a Dockerfile",
    abstractV28: "Build an image from a Dockerfile",
    flags: [
      .list("tag", short: "t"), .string("file", short: "f"), .bool("quiet", short: "q"), .bool("no-cache"),
      .list("build-arg"), .bool("rm"), .bool("force-rm"), .list("label"),
    ],
    arguments: .exactly(1))

  /// The CLI's notices (cmd/docker/builder.go).
  static let buildxMissingWarning = """
    DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
                Install the buildx component to build images with BuildKit:
                https://docs.docker.com/go/buildx/
    """
  static let buildkitDisabledWarning = """
    DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
                BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
                environment-variable.
    """
  static let buildxMissingError = """
    ERROR: BuildKit is enabled but the buildx component is missing or broken.
           Install the buildx component to build images with BuildKit:
           https://docs.docker.com/go/buildx/
    """

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    if command.version == .v28, let status = builderNotice(session: session, console: &console) { return status }
    var tags: [Reference] = []
    // The daemon refuses a tag with a digest once the context has arrived.
    var digestTag = false
    for text in command.list("tag") {
      do {
        let reference = try Reference.parse(text, version: command.version)
        if reference.digest != nil {
          digestTag = true
          continue
        }
        let tagged = reference.withDefaultTag
        if !tags.contains(tagged) { tags.append(tagged) }
      } catch {
        let message = "invalid argument \(GoQuote.quote(text)) for \"-t, --tag\" flag: \(error.message(for: command.version))"
        console.errorLine(DockerErrors.flag(message, path: command.path, usage: configuration.usage, version: command.version))
        return 125
      }
    }
    let source: BuildSource
    switch BuildSource.prepare(command, session: &session) {
    case .success(let prepared): source = prepared
    case .failure(let failure):
      console.errorLine(failure.message)
      return 1
    }
    let quiet = command.bool("quiet")
    // -q keeps the progress and the daemon's output to show them only on failure.
    var progress = Console(traits: console.traits)
    let size = GoUnits.humanSize(Int64(source.context.tarSize))
    progress.write("Sending build context to Docker daemon" + " " + leftPadded(size, 8) + "\r\r\n")
    session.engine.clock.advance(by: BuildTiming.sendContext)
    if !quiet { console.append(progress) }
    if digestTag {
      if quiet { console.write(bytes: progress.bytes(of: .stdout), to: .stderr) }
      console.errorLine(DockerErrors.daemon("build tag cannot contain a digest"))
      return 1
    }
    var plan: DockerfilePlan
    do {
      plan = try DockerfilePlan.parse(source.dockerfile, version: command.version)
    } catch {
      if quiet { console.write(bytes: progress.bytes(of: .stdout), to: .stderr) }
      console.errorLine(DockerErrors.daemon(error.message))
      return 1
    }
    addLabelOptions(command.list("label"), to: &plan)
    var options = ClassicBuilder.Options()
    options.noCache = command.bool("no-cache")
    options.remove = !command.isSet("rm") || command.bool("rm")
    options.forceRemove = command.bool("force-rm")
    for argument in command.list("build-arg") {
      let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      // `--build-arg NAME` takes the value from the CLI's environment, if set there.
      let value = parts.count > 1 ? parts[1] : session.currentShell.environment[parts[0]]
      guard let value else { continue }
      if options.buildArgs[parts[0]] == nil { options.buildArgOrder.append(parts[0]) }
      options.buildArgs[parts[0]] = value
    }
    var builder = ClassicBuilder(plan: plan, context: source.context, options: options, version: command.version)
    var output = Console(traits: console.traits)
    let result = builder.build(session: &session, console: &output)
    if !quiet { console.append(output) }
    switch result {
    case .failure(let failure):
      // With -q the daemon sends the output it held back, and the CLI shows it on stderr.
      if quiet { console.write(bytes: progress.bytes(of: .stdout) + output.bytes(of: .stdout), to: .stderr) }
      console.errorLine(failure.message)
      return failure.status == 0 ? 1 : failure.status
    case .success(nil):
      if quiet { console.write(bytes: progress.bytes(of: .stdout), to: .stderr) }
      console.errorLine("No image was generated. Is your Dockerfile empty?")
      return 1
    case .success(let image?):
      let now = session.engine.clock.now
      if quiet {
        console.line(image.id.description)
        for tag in tags { session.engine.images.setTag(tag, to: image.id, at: now) }
        return 0
      }
      console.line("Successfully built \(image.id.hex.prefix(12))")
      for tag in tags {
        session.engine.images.setTag(tag, to: image.id, at: now)
        console.line("Successfully tagged \(tag.familiar)")
      }
      return 0
    }
  }

  /// 28's choice of builder from DOCKER_BUILDKIT (processBuilder): the notice, or the
  /// status to stop with.
  static func builderNotice(session: Session, console: inout Console) -> Int32? {
    guard let value = session.currentShell.environment["DOCKER_BUILDKIT"], !value.isEmpty else {
      console.write(buildxMissingWarning + "\n\n", to: .stderr)
      return nil
    }
    switch GoStrconv.parseBool(value) {
    case false?:
      console.write(buildkitDisabledWarning + "\n\n", to: .stderr)
      return nil
    case true?:
      console.errorLine(buildxMissingError)
      return 1
    case nil:
      console.errorLine(
        "DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing \(GoQuote.quote(value)): invalid syntax")
      return 1
    }
  }

  /// buildLabelOptions: each `--label k=v` becomes a `LABEL k=v` step at the end of the
  /// last stage, keys sorted, values taken as they are (no variable expansion).
  static func addLabelOptions(_ labels: [String], to plan: inout DockerfilePlan) {
    guard !labels.isEmpty, !plan.stages.isEmpty else { return }
    var values: [String: String] = [:]
    for label in labels {
      let parts = label.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      values[parts[0]] = parts.count > 1 ? parts[1] : ""
    }
    for key in values.keys.sorted() {
      let value = values[key]!
      // Escaped so that the builder's expansion gives the value back unchanged.
      let literal = value.reduce(into: "") { out, ch in
        if "\\$'\"".contains(ch) { out.append("\\") }
        out.append(ch)
      }
      let step = DockerfileStep(
        instruction: .label([DockerfilePair(name: key, value: literal)]), original: "LABEL \(key)=\(value)", line: 0,
        buildKitOnlyFlag: nil)
      plan.stages[plan.stages.count - 1].steps.append(step)
    }
  }

  /// Go's `%8v`.
  static func leftPadded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }
}

/// The simulated time a build takes outside its steps.
public enum BuildTiming {
  /// Sending the context to the daemon.
  public static let sendContext = Duration.milliseconds(100)
}
