import DockSimCore
import DockSimTestSupport
import Foundation
import Testing

@testable import DockSimDocker

/// Golden transcripts in Tests/Transcripts/build; `DOCKSIM_BLESS=1 swift test` rewrites them.
private enum BuildGolden {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Transcripts/build")

  static func check(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["DOCKSIM_BLESS"] == "1" {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing golden file \(name))"
    #expect(actual == expected, sourceLocation: sourceLocation)
  }
}

private let helloDockerfile = """
  cat > Dockerfile <<'EOF'
  FROM ubuntu:18.04
  # the greeting
  ENV GREETING=hello
  WORKDIR /app
  COPY app.py .
  RUN echo "$GREETING world" > /app/hello.txt && \\
      cat /app/hello.txt
  LABEL version="1.0"
  CMD ["python3", "app.py"]
  EOF
  """

@Suite struct BuildCommandTests {
  /// Build, rebuild from the cache, and look at the result.
  @Test(arguments: DockerVersion.allCases) func buildAndCache(version: DockerVersion) {
    var h = SessionHarness(version)
    let text = h.transcript([
      "mkdir app && cd app", "echo 'print(\"hi\")' > app.py", helloDockerfile,
      "docker build -t hello:1.0 .",
      "docker build -t hello:1.0 -t hello:latest .",
      "docker images",
      "docker history hello:1.0",
      "docker run --rm hello:1.0 cat /app/hello.txt",
      "docker build -q --no-cache .",
      "docker build --label b='$x \\\"y\\\"' --label a=1 -t labelled .",
      "docker image inspect --format '{{json .Config.Labels}}' labelled",
      "docker ps -a",
    ])
    BuildGolden.check(text, file: "build-\(version.rawValue).txt")
  }

  /// A Dockerfile from a here-document on stdin, build arguments, exec and shell forms.
  @Test(arguments: DockerVersion.allCases) func stdinDockerfileAndArguments(version: DockerVersion) {
    var h = SessionHarness(version)
    let text = h.transcript([
      """
      docker build -t args --build-arg WHO=class --build-arg UNUSED=1 - <<'EOF'
      FROM ubuntu:18.04
      ARG WHO=world
      ENV DIR=/srv
      WORKDIR $DIR/data
      RUN echo "hello $WHO" > greeting && ls /srv >&2
      ENTRYPOINT ["cat"]
      CMD greeting
      USER 1000
      EXPOSE 80 443/udp
      EOF
      """,
      "docker history --no-trunc --format '{{.CreatedBy}}' args",
      "docker image inspect --format '{{json .Config.Env}} {{.Config.WorkingDir}} {{json .Config.Cmd}} {{json .Config.Entrypoint}}' args",
    ])
    BuildGolden.check(text, file: "build-stdin-\(version.rawValue).txt")
  }

  /// Two stages: COPY --from by name and by number, from an image too.
  @Test(arguments: DockerVersion.allCases) func multiStage(version: DockerVersion) {
    var h = SessionHarness(version)
    let text = h.transcript([
      """
      docker build -t multi - <<'EOF'
      FROM ubuntu:18.04 AS builder
      RUN mkdir /out && echo built > /out/app && chown 1000:1000 /out/app
      FROM alpine
      COPY --from=builder /out/app /app
      COPY --from=0 /etc/os-release /builder-os-release
      COPY --from=ubuntu:18.04 /etc/hostname /etc/ubuntu-hostname
      COPY --from=builder /missing /
      EOF
      """,
      "docker images --format '{{.Repository}}:{{.Tag}}'",
      "printf 'FROM alpine\\nCOPY --from=nosuch /x /\\n' | docker build -",
    ])
    BuildGolden.check(text, file: "build-multistage-\(version.rawValue).txt")
    let image = h.image("alpine")
    #expect(image != nil)
  }

  /// Docker's messages for bad Dockerfiles, contexts and tags.
  @Test(arguments: DockerVersion.allCases) func errors(version: DockerVersion) {
    var h = SessionHarness(version)
    let text = h.transcript([
      "docker build .",
      "docker build nowhere",
      "mkdir e && cd e && echo hi > file",
      "docker build file",
      "printf 'FROM ubuntu:18.04\\nRUNN echo hi\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nfoo bar\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nbogus bar\\n' > Dockerfile && docker build .",
      "printf 'RUN echo hi\\n' > Dockerfile && docker build .",
      "printf '# only a comment\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nCOPY missing.txt /\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nCOPY file\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nCOPY --chmod=644 file /\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nCOPY --owner=1 file /\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nRUN false\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nRUN exit 3\\n' > Dockerfile && docker build -q .",
      "printf 'FROM nosuchimage\\n' > Dockerfile && docker build .",
      "printf 'FROM ubuntu:18.04\\nENV A\\n' > Dockerfile && docker build .",
      "docker build -t Hello .",
      "docker build -q -t a@sha256:0000000000000000000000000000000000000000000000000000000000000000 .",
      "docker build -f - - </dev/null",
      "docker build",
      "docker ps -a --format '{{.Command}} {{.Status}}'",
    ])
    BuildGolden.check(text, file: "build-errors-\(version.rawValue).txt")
  }

  /// 28 picks its builder from DOCKER_BUILDKIT; 20.10 has no notice.
  @Test func builderSelectionIn28() {
    var h = SessionHarness(.v28)
    h.run("printf 'FROM ubuntu:18.04\\n' > Dockerfile")
    let disabled = h.run("DOCKER_BUILDKIT=0 docker build -q .")
    #expect(disabled.stderr == Build.buildkitDisabledWarning + "\n\n")
    #expect(disabled.status == 0)
    let enabled = h.run("DOCKER_BUILDKIT=1 docker build .")
    #expect(enabled == out("", Build.buildxMissingError + "\n", 1))
    let missing = h.run("docker build -q .")
    #expect(missing.stderr == Build.buildxMissingWarning + "\n\n")
    var old = SessionHarness(.v20_10)
    old.run("printf 'FROM ubuntu:18.04\\n' > Dockerfile")
    #expect(old.run("docker build -q .").stderr == "")
  }

  /// Shell-form CMD and RUN run `/bin/sh -c`, a shell named by its path.
  @Test func shellFormRunsThroughBinSh() {
    var h = SessionHarness(.v20_10)
    h.run("printf 'FROM ubuntu:18.04\\nRUN echo \"run by $0\" > /by\\nCMD cat /by; echo \"cmd by $0\"\\n' | docker build -q -t sh-form -")
    #expect(h.run("docker run --rm sh-form") == out("run by /bin/sh\ncmd by /bin/sh\n"))
    #expect(h.run("docker run --rm ubuntu:18.04 /bin/bash -c 'echo $0'") == out("/bin/bash\n"))
    #expect(h.run("docker run --rm ubuntu:18.04 /bin/zsh -c 'echo $0'").status == 127)
  }

  /// A RUN step's layer is the layer `docker run` + `docker commit` makes of the
  /// same command: the same paths, kinds, modes, owners and contents.
  @Test(arguments: DockerVersion.allCases) func runStepLayerEqualsRunAndCommit(version: DockerVersion) throws {
    var h = SessionHarness(version)
    let command = "mkdir -p /opt/tool && echo v1 > /opt/tool/version && rm /etc/issue && ln -s /opt/tool/version /v"
    h.run("printf 'FROM ubuntu:18.04\\nRUN \(command)\\n' > Dockerfile")
    #expect(h.run("docker build -t built .").status == 0)
    h.run("docker run --name cc ubuntu:18.04 sh -c '\(command)'")
    h.run("docker commit cc committed")
    let built = try #require(h.image("built"))
    let committed = try #require(h.image("committed"))
    #expect(built.layers.count == committed.layers.count)
    #expect(Array(built.layers.dropLast()) == Array(committed.layers.dropLast()))
    let a = try #require(built.layers.last).contents
    let b = try #require(committed.layers.last).contents
    #expect(a.walkOrder == b.walkOrder)
    for path in a.walkOrder {
      #expect(Self.shape(a, path) == Self.shape(b, path), "\(path)")
    }
  }

  /// An entry without its modification time (the two commits happen at different times).
  static func shape(_ changes: Changeset, _ path: String) -> String {
    switch changes.entry(at: path) {
    case .directory(let m, let opaque)?: return "d \(String(m.mode, radix: 8)) \(m.uid):\(m.gid) \(opaque)"
    case .file?:
      let file = changes.file(at: path)
      return "f \(String(file?.metadata.mode ?? 0, radix: 8)) \(file?.data.bytes ?? [])"
    case .symlink(let target, let m)?: return "l \(target) \(m.uid)"
    case .whiteout?: return "w"
    case nil: return "-"
    }
  }

  /// COPY of a directory, a wildcard and .dockerignore; the context size counts what is sent.
  @Test(arguments: DockerVersion.allCases) func copyDirectoriesAndIgnore(version: DockerVersion) throws {
    var h = SessionHarness(version)
    h.run("mkdir -p site/css site/secret && cd site && echo body > index.html && echo a > css/a.css && echo s > secret/key")
    h.run("printf 'secret\\n*.log\\n' > .dockerignore && echo x > debug.log")
    h.run("printf 'FROM ubuntu:18.04\\nCOPY . /www/\\nCOPY *.html /single/\\n' > Dockerfile")
    let outcome = h.run("docker build -t site .")
    #expect(outcome.status == 0, "\(outcome)")
    // Dockerfile, .dockerignore, index.html, css/, css/a.css: five headers, four bodies, two end blocks.
    #expect(outcome.stdout.hasPrefix("Sending build context to Docker daemon  5.632kB\r\r\n"))
    let listing = h.run("docker run --rm site sh -c 'ls -a /www /www/css /single'")
    #expect(listing.stdout == "/single:\n.\n..\nindex.html\n\n/www:\n.\n..\n.dockerignore\nDockerfile\ncss\nindex.html\n\n/www/css:\n.\n..\na.css\n")
  }
}

/// moby's layer store refuses a layer on a chain 125 deep (`max depth exceeded`),
/// for `docker commit` and for every step of `docker build` that commits.
@Suite struct LayerDepthTests {
  private static func deepImage(layers count: Int) -> Image {
    let layers = ScaleImage(files: count, layers: count).layers()
    let time = Timestamp(seconds: 1_500_000_000)
    let history = layers.map { _ in HistoryEntry(created: time, createdBy: "/bin/sh -c #(nop) ADD file:x in / ", emptyLayer: false) }
    return Image(layers: layers, config: ImageConfig(cmd: ["bash"]), history: history, created: time)
  }

  private static func harness(_ version: DockerVersion, layers: Int) -> SessionHarness {
    var h = SessionHarness(version)
    let image = deepImage(layers: layers)
    h.session.engine.images.add(image)
    h.session.engine.images.setTag(Reference(path: "library/deep", tag: "latest"), to: image.id)
    return h
  }

  @Test(arguments: DockerVersion.allCases) func commitAndBuildStopAt125Layers(version: DockerVersion) {
    var h = Self.harness(version, layers: 125)
    h.run("docker create --name cc deep sh")
    #expect(h.run("docker commit cc") == out("", "Error response from daemon: max depth exceeded\n", 1))
    h.run("printf 'FROM deep\\nENV A=1\\n' > Dockerfile")
    let build = h.run("docker build .")
    #expect(build.status == 1)
    #expect(build.stderr.hasSuffix("max depth exceeded\n"))
    #expect(build.stdout.contains("Step 2/2 : ENV A=1\n ---> Running in "))
    #expect(h.session.engine.images.images.count == 1)
  }

  @Test func oneLayerLessStillCommits() {
    var h = Self.harness(.v20_10, layers: 124)
    h.run("echo x > x && printf 'FROM deep\\nCOPY x /x\\nENV A=1\\n' > Dockerfile")
    let build = h.run("docker build -t deeper .")
    // COPY makes layer 125; ENV then commits on a chain 125 deep.
    #expect(build.status == 1)
    #expect(build.stderr == "max depth exceeded\n")
    #expect(h.image("deep")?.layers.count == 124)
    h.run("docker create --name cc deep sh")
    #expect(h.run("docker commit cc").status == 0)
  }
}

/// HEALTHCHECK and ONBUILD: recorded in the config (inspect, history), the override
/// note, the parser's errors per version, and the triggers a child build runs with
/// the classic builder's `# Executing N build trigger(s)` line.
@Suite struct BuildTriggerTests {
  @Test(arguments: DockerVersion.allCases) func healthcheckAndOnbuild(version: DockerVersion) {
    var h = SessionHarness(version)
    let text = h.transcript([
      """
      docker build -t base - <<'EOF'
      FROM alpine
      HEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1
      HEALTHCHECK --interval=5m --timeout=3s --retries=3 CMD ["/bin/check", "-q"]
      ONBUILD RUN echo triggered > /triggered
      ONBUILD ENV FROM_TRIGGER=yes
      EOF
      """,
      "docker history --no-trunc --format '{{.CreatedBy}}' base",
      "docker image inspect --format '{{json .Config.Healthcheck}} {{json .Config.OnBuild}}' base",
      """
      docker build -t child - <<'EOF'
      FROM base
      RUN cat /triggered
      EOF
      """,
      "docker image inspect --format '{{json .Config.OnBuild}} {{json .Config.Env}}' child",
      "docker run --name probe -d base sleep 60",
      "docker inspect --format '{{json .Config.Healthcheck}}' probe",
      "printf 'FROM alpine\\nHEALTHCHECK NONE\\nHEALTHCHECK CMD true\\n' | docker build -q -",
      "printf 'FROM alpine\\nHEALTHCHECK --interval=0s CMD true\\n' | docker build -",
      "printf 'FROM alpine\\nHEALTHCHECK --start-interval=2s --retries=0 CMD true\\n' | docker build -",
      "printf 'FROM alpine\\nHEALTHCHECK --interval=5 CMD true\\n' | docker build -",
      "printf 'FROM alpine\\nHEALTHCHECK --retries=x CMD true\\n' | docker build -",
      "printf 'FROM alpine\\nHEALTHCHECK FOO true\\n' | docker build -",
      "printf 'FROM alpine\\nHEALTHCHECK CMD\\n' | docker build -",
      "printf 'FROM alpine\\nHEALTHCHECK NONE x\\n' | docker build -",
      "printf 'FROM alpine\\nONBUILD ONBUILD RUN true\\n' | docker build -",
      "printf 'FROM alpine\\nONBUILD FROM alpine\\n' | docker build -",
      "printf 'FROM alpine\\nONBUILD\\n' | docker build -",
      // ADD of a URL: the daemon's download fails (no network in the simulation).
      "printf 'FROM alpine\\nADD https://example.com/app.tar.gz /srv/\\n' | docker build -",
      "printf 'FROM alpine\\nADD http://localhost:8000/app /app\\n' | docker build -",
    ])
    BuildGolden.check(text, file: "build-triggers-\(version.rawValue).txt")
  }

  /// ADD of a local tar: unpacked into the destination (its files, modes and owners);
  /// COPY of the same tar copies the file.
  @Test(arguments: DockerVersion.allCases) func addUnpacksALocalTar(version: DockerVersion) {
    var h = SessionHarness(version)
    let text = h.transcript([
      "mkdir ctx && cd ctx && echo hello > note && printf 'FROM scratch\\nCOPY note /pkg/note\\n' > Dockerfile",
      "docker build -q -t tiny . > /dev/null && docker create --name box tiny x > /dev/null && docker export box > pkg.tar",
      "printf 'FROM alpine\\nADD pkg.tar /srv/\\nCOPY pkg.tar /copied/\\nRUN cat /srv/pkg/note && ls -l /srv/pkg /copied\\n' > Dockerfile",
      "docker build -t unpacked .",
    ])
    BuildGolden.check(text, file: "build-add-tar-\(version.rawValue).txt")
  }
}
