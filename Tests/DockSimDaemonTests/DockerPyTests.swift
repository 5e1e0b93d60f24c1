import DockSimCore
import DockSimDaemon
import DockSimTestSupport
import Foundation
import Testing

/// Python's `docker` package (docker-py, PyPI or Debian's python3-docker) drives the
/// daemon: pull, run, logs, wait, diff, commit, list. `.ci/run` installs it.
@Suite(.serialized) struct DockerPyTests {
  static let script = """
    import sys, docker
    c = docker.DockerClient(base_url="unix://" + sys.argv[1])
    print(c.version()["ApiVersion"])
    print(c.images.pull("alpine", tag="latest").tags)
    print(c.containers.run("alpine", ["echo", "hi from py"], name="py1"))
    print(c.containers.get("py1").status, c.containers.get("py1").logs())
    made = c.containers.run("alpine", ["touch", "/made"], detach=True, name="py2")
    print(made.wait())
    print(made.diff())
    print(made.commit(repository="pysnap", tag="1").tags)
    print(sorted(t for i in c.images.list() for t in i.tags))
    try:
        c.containers.get("nobody")
    except docker.errors.NotFound as e:
        print("NotFound", e.explanation)
    """

  static let expected = """
    1.50
    ['alpine:latest']
    b'hi from py\\n'
    exited b'hi from py\\n'
    {'StatusCode': 0}
    [{'Kind': 1, 'Path': '/made'}]
    ['pysnap:1']
    ['alpine:latest', 'pysnap:1']
    NotFound No such container: nobody

    """

  /// A python3 that can import docker, or nil (a failure under CI=true).
  static func python() -> String? {
    for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] + pathCandidates() {
      guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
      if let result = try? HostTool.run(candidate, ["-c", "import docker"]), result.status == 0 { return candidate }
    }
    return RequiredTool.path("python3-with-docker", install: "pip install docker (or apt-get install python3-docker)")
  }

  static func pathCandidates() -> [String] {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
  }

  @Test func dockerPyPullsRunsReadsLogsAndCommits() throws {
    guard let python = Self.python() else { return }
    let harness = DaemonHarness(.v28)
    let result = try RealCLITests.serving(harness.daemon()) { socket in
      try HostTool.run(python, ["-c", Self.script, socket])
    }
    #expect(result.status == 0)
    #expect(result.output == Self.expected)
  }
}
