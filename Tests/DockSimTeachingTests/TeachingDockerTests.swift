import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimTeaching

/// The teaching commands around real `docker run`/`create`/`start`: boot narration,
/// copy-up and whiteout traces, the diagram of a running, exited and created container,
/// and `docker diff` untouched by the teacher (trace off prints nothing extra).
/// The outputs are in Tests/Transcripts/teaching/docker-{en,zh}.txt.
@Suite struct TeachingDockerTests {
  static let inputs = [
    "trace on",
    "docker run -it --name web nginx-emacs bash",
    "echo hi >> /etc/motd",
    "rm /etc/os-release",
    "exit",
    "layers web",
    "whence web /etc/motd",
    "whence web /etc/os-release",
    "trace off",
    "docker diff web",
    "docker create --name idle ubuntu:18.04",
    "layers --ascii idle",
    "trace on",
    "docker start idle",
    "layers idle",
  ]

  @Test(arguments: Language.allCases) func transcript(language: Language) {
    var session = TeachingFixtures.session(language: language)
    let text = TeachingFixtures.transcript(Self.inputs, in: &session)
    GoldenFile.check(text, file: "docker-\(language.rawValue).txt", folder: "teaching")
  }
}
