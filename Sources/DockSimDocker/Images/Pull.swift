import DockSimCore
import DockSimShell

/// `docker pull [OPTIONS] NAME[:TAG|@DIGEST]` (also `docker image pull`).
struct Pull: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] NAME[:TAG|@DIGEST]",
    abstract: "Pull an image or a repository from a registry",
    abstractV28: "Download an image from a registry",
    flags: [.bool("all-tags", short: "a"), .bool("quiet", short: "q"), .string("platform")],
    arguments: .exactly(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let version = command.version
    let text = command.positionals[0]
    let reference: Reference
    do {
      reference = try Reference.parse(text, version: version)
    } catch {
      console.errorLine(error.message(for: version))
      return 1
    }
    let allTags = command.bool("all-tags")
    let quiet = command.bool("quiet")
    if allTags, reference.tag != nil || reference.digest != nil {
      console.errorLine(PullError.tagWithAllTags.message)
      return 1
    }
    if !allTags, !quiet, reference.tag == nil, reference.digest == nil {
      console.line("Using default tag: latest")
    }
    let result = allTags ? session.engine.pullAllTags(reference) : session.engine.pull(reference)
    switch result {
    case .failure(let error):
      console.errorLine(error.line)
      return 1
    case .success(let pulled):
      if !quiet {
        var renderer = PullRenderer(
          terminal: console.traits.stdoutIsTerminal, width: console.traits.width, stream: .stdout)
        renderer.render(pulled.messages, to: &console)
      }
      console.line(pulled.reference.description)
      return 0
    }
  }
}
