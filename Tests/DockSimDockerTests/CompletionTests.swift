import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

@Suite struct CompletionTests {
  private func texts(_ line: String, session: Session = Session()) -> [String] {
    session.completions(before: line).candidates.map(\.text)
  }

  private func split(_ text: String) -> ([String], String) {
    let line = CompletionLine(text)
    return (line.words, line.current)
  }

  @Test func splitsTheCurrentCommandAndWord() {
    #expect(split("docker ru") == (["docker"], "ru"))
    #expect(split("ls; docker ") == (["docker"], ""))
    #expect(split("echo 'a b' c") == (["echo", "a b"], "c"))
    #expect(split("cat x | gr") == ([], "gr"))
    #expect(split("") == ([], ""))
  }

  @Test func commandNamesInCommandPosition() {
    let names = texts("e")
    #expect(names.contains("echo"))
    #expect(names.contains("exit"))
    #expect(names.allSatisfy { $0.hasPrefix("e") })
    #expect(texts("histo") == ["history"])
    #expect(texts("ls && hist") == ["history"])
  }

  @Test func hostProgramsAreNotCommandsInsideAContainer() {
    var session = Session()
    session.shells.append(ShellFrame(place: .container(id: String(repeating: "ab", count: 32))))
    #expect(texts("histo", session: session) == [])
  }

  @Test func containerNamesAndIDs() throws {
    var session = Session()
    TestImage.install(into: &session.engine)
    var console = Console()
    _ = session.execute("docker create --name web docksim/test", console: &console)
    let id = try #require(session.engine.containers.named("web")).shortID
    #expect(texts("docker start w", session: session) == ["web"])
    #expect(texts("docker rm \(id.prefix(4))", session: session) == [id])
  }

  @Test func dockerSubcommandsAndGroups() {
    #expect(texts("docker ima") == ["image", "images"])
    #expect(texts("docker image l") == ["load", "ls"])
    #expect(texts("docker container ") .contains("run"))
    #expect(texts("docker pu") == ["pull", "push"])
  }

  @Test func dockerFlagsOfTheCommand() {
    let flags = texts("docker run --rm -")
    #expect(flags.contains("--interactive"))
    #expect(flags.contains("-i"))
    #expect(flags.contains("--name"))
    #expect(texts("docker images --a") == ["--all"])
    #expect(texts("docker --ver") == ["--version"])
  }

  @Test func pathsInTheCurrentPlace() {
    var session = Session()
    var console = Console()
    _ = session.execute("mkdir -p /project/src && echo hi > /project/notes.txt", console: &console)
    let completions = session.completions(before: "cat project/")
    #expect(completions.word == "project/")
    #expect(completions.candidates == [
      .init("project/notes.txt", display: "notes.txt"),
      .init("project/src/", display: "src/", appendsSpace: false),
    ])
    #expect(texts("cat pro", session: session) == ["project/"])
  }

  @Test func candidatesAreSortedAndUnique() {
    let names = texts("")
    #expect(names == Array(Set(names)).sorted())
  }

  private func sessionWithHub() throws -> Session {
    Session(hub: HubFixtures.hub())
  }

  @Test func pullCompletesRepositoriesAndTagsOfTheRegistry() throws {
    let session = try sessionWithHub()
    #expect(texts("docker pull ", session: session) == ["base", "base:1.0", "base:latest", "user/app", "user/app:latest"])
    #expect(texts("docker pull base:", session: session) == ["base:1.0", "base:latest"])
    #expect(texts("docker image pull u", session: session) == ["user/app", "user/app:latest"])
  }

  @Test func runAndRmiCompleteLocalImages() throws {
    var session = try sessionWithHub()
    let reference = try Reference.parse("base:1.0", version: .v20_10)
    let image = try #require(session.engine.hub.image(for: reference))
    session.engine.images.add(image)
    session.engine.images.setTag(reference, to: image.id)
    #expect(texts("docker run -it ", session: session) == ["base", "base:1.0"])
    #expect(texts("docker rmi base:1.0 b", session: session) == ["base", "base:1.0"])
    // After the image, `docker run` takes a command, not another image.
    #expect(texts("docker run --name web base:1.0 b", session: session) == [])
  }
}
