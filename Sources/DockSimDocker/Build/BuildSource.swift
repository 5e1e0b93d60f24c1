import DockSimCore
import DockSimShell

/// What the CLI sends for a build: the context and the Dockerfile's text, found as
/// cli/command/image/build.go and build/context.go find them. Paths are on the
/// simulated host, relative to the shell's current directory.
struct BuildSource {
  var context: BuildContext
  var dockerfile: String

  struct Failure: Error {
    var message: String
  }

  static func prepare(_ command: ParsedCommand, session: inout Session) -> Result<BuildSource, Failure> {
    let given = command.positionals[0]
    let file = command.string("file")
    let stdin = String(decoding: command.invocation.stdin, as: UTF8.self)
    if file == "-" && given == "-" {
      return .failure(Failure(message: "invalid argument: can't use stdin for both build context and dockerfile"))
    }
    if given == "-" {
      // A Dockerfile on stdin: the CLI puts it alone in a context as `Dockerfile`.
      var context = BuildContext()
      let now = session.engine.clock.now
      context.add("Dockerfile", .file(FileData(stdin), FileMetadata(mode: 0o600, mtime: now)))
      return .success(BuildSource(context: context, dockerfile: stdin))
    }
    var fs = session.filesystem
    let contextPath = session.absolutePath(given)
    guard let stat = try? fs.stat(contextPath) else {
      return .failure(Failure(message: "unable to prepare context: path \(GoQuote.quote(given)) not found"))
    }
    let directory = BuildStepPaths.clean(contextPath)
    guard stat.kind == .directory else {
      return .failure(Failure(message: "unable to prepare context: context must be a directory: \(directory)"))
    }
    var ignore = DockerIgnore()
    if let text = try? fs.readFile(FSPath.child(directory, ".dockerignore")).text { ignore = DockerIgnore(text) }
    var context: BuildContext
    var dockerfileText: String
    if file == "-" {
      context = BuildContext.read(fs, root: directory, ignore: ignore)
      dockerfileText = stdin
      // AddDockerfileToBuildContext: the Dockerfile joins the context under a random name.
      let name = ".dockerfile." + String(ContainerStore.newID(using: &session.engine.random).prefix(20))
      context.add(name, .file(FileData(stdin), FileMetadata(mode: 0o600, mtime: session.engine.clock.now)))
      return .success(BuildSource(context: context, dockerfile: dockerfileText))
    }
    var dockerfilePath: String
    if file.isEmpty {
      dockerfilePath = FSPath.child(directory, "Dockerfile")
      let alternative = FSPath.child(directory, "dockerfile")
      if !fs.exists(dockerfilePath), fs.exists(alternative) { dockerfilePath = alternative }
    } else {
      dockerfilePath = BuildStepPaths.clean(session.absolutePath(file))
    }
    guard fs.exists(dockerfilePath) else {
      return .failure(
        Failure(
          message: "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
            + "\(missingComponent(of: dockerfilePath, in: fs)): no such file or directory"))
    }
    guard let data = try? fs.readFile(dockerfilePath) else {
      return .failure(Failure(message: "unable to prepare context: unable to stat Dockerfile: read \(dockerfilePath): is a directory"))
    }
    dockerfileText = String(decoding: data.bytes, as: UTF8.self)
    let inside = dockerfilePath.hasPrefix(directory == "/" ? "/" : directory + "/")
    if inside {
      let relative = String(dockerfilePath.dropFirst(directory == "/" ? 1 : directory.count + 1))
      ignore.keep(relative)
    }
    ignore.keep(".dockerignore")
    context = BuildContext.read(fs, root: directory, ignore: ignore)
    if !inside {
      let name = ".dockerfile." + String(ContainerStore.newID(using: &session.engine.random).prefix(20))
      context.add(name, .file(data, FileMetadata(mode: 0o644, mtime: session.engine.clock.now)))
    }
    return .success(BuildSource(context: context, dockerfile: dockerfileText))
  }

  /// The first component of `path` that does not exist (what EvalSymlinks' lstat reports).
  static func missingComponent(of path: String, in fs: ContainerFS) -> String {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      if !fs.exists(current) { return current }
    }
    return path
  }
}
