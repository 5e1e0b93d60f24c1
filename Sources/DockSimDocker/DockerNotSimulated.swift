import DockSimShell
/// The commands docker's help lists that docksim does not simulate, each with what to
/// use instead. `docker attach` answers `docksim: docker attach: not simulated (...)` with
/// status 125 (the CLI's status for an error of its own); "is not a docker command"
/// stays for names the real CLI does not have either.
///
/// This is data: whoever simulates a command removes its entry here (and, for a
/// management command such as `volume`, adds it to `DockerCLI.groups`);
/// DockerHelpCoverageTests then expects the command to work.
enum DockerNotSimulated {
  /// Management commands, with what to use instead: each answers for every subcommand
  /// under it too (`docker network ls`).
  static let managementCommands: [String: String] = [
    "builder": "docker build works; its cache shows in docker system df",
    "checkpoint": "docker commit keeps a container's files",
    "completion": "docksim's REPL completes commands with Tab",
    "config": "swarm mode is not simulated; pass settings with docker run -e",
    "context": "docksim has one simulated daemon",
    "manifest": "docker image inspect shows an image's platform and layers",
    "network": "every container is on the default bridge network; docker inspect shows its address",
    "node": "swarm mode is not simulated; containers run on the one simulated host",
    "plugin": "docksim's engine has no plugins",
    "secret": "swarm mode is not simulated; pass settings with docker run -e",
    "service": "swarm mode is not simulated: use docker run",
    "stack": "swarm mode is not simulated: use docker run",
    "swarm": "swarm mode is not simulated: use docker run",
    "trust": "docksim's images are not signed; docker image inspect shows their digests",
    "volume": "docker inspect shows a container's anonymous volumes",
  ]

  /// Commands, and their `docker container` / `docker image` / `docker system` paths, with
  /// what to use instead.
  static let commands: [String: String] = [
    "attach": attach, "container attach": attach,
    "cp": copy, "container cp": copy,
    "events": events, "system events": events,
    "kill": kill, "container kill": kill,
    "pause": pause, "container pause": pause,
    "unpause": pause, "container unpause": pause,
    "port": port, "container port": port,
    "rename": "docker run --name gives a new container its name", "container rename": "docker run --name gives a new container its name",
    "stats": stats, "container stats": stats,
    "top": top, "container top": top,
    "update": update, "container update": update,
    "wait": wait, "container wait": wait,
    "container prune": "docker rm removes stopped containers by name or ID",
    "image prune": "docker rmi removes images by name or ID",
    "system prune": "docker rm and docker rmi remove containers and images",
  ]

  private static let attach = "docker logs CONTAINER shows its output; docker exec -it CONTAINER sh gives a shell in it"
  private static let copy = "docker exec CONTAINER cat FILE reads a file; docker commit keeps the changes"
  private static let events = "docker ps -a and docker logs show what containers did"
  private static let kill = "docker stop CONTAINER stops it: SIGTERM, then SIGKILL after 10 s"
  private static let pause = "docker stop CONTAINER, later docker start CONTAINER"
  private static let port = "docker ps shows published ports in its PORTS column"
  private static let stats = "docker ps and docker system df show containers and their sizes"
  private static let top = "docker exec CONTAINER ps lists its processes"
  private static let update = "docker run sets a container's options; docker inspect shows them"
  private static let wait = "docker logs -f CONTAINER follows it until it exits"

  /// The line for `docker WORDS...` when its command is listed here. `words` are the
  /// words before any option: `["attach", "c1"]`, `["container", "top", "c1"]`, `["network", "ls"]`.
  static func answer(_ words: [String]) -> String? {
    guard let first = words.first else { return nil }
    if let instead = managementCommands[first] {
      return line(words.prefix(2).joined(separator: " "), instead)
    }
    let path = DockerCLI.groups.contains(first) ? Array(words.prefix(2)) : [first]
    return commands[path.joined(separator: " ")].map { line(path.joined(separator: " "), $0) }
  }

  private static func line(_ path: String, _ instead: String) -> String {
    "docksim: docker \(path): not simulated (\(instead))"
  }

  /// The status of a not-simulated command: the docker CLI's own failures exit with 125.
  static let status: Int32 = 125
}
