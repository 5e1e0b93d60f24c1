import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimTeaching

/// Golden transcripts of the teaching commands over the course text's images
/// (ubuntu:18.04, emacs on it, nginx-emacs on that) and a container of nginx-emacs,
/// in both languages and both drawing styles: diagram, trace, whence, tree, errors.
/// The outputs are in Tests/Transcripts/teaching/container-{en,zh}.txt.
@Suite struct TeachingGoldenTests {
  static let inputs = [
    "layers nginx-emacs",
    "layers --ascii ubuntu:18.04",
    "trace on",
    "echo hi >> /etc/motd",
    "rm -r /opt/app",
    "touch /new",
    "rm /new",
    "mkdir /opt/app",
    "touch /added",
    "layers",
    "layers --ascii",
    "whence /etc/motd",
    "whence /opt/app",
    "whence nginx-emacs /etc/motd",
    "whence emacs /opt/app/README",
    "tree /",
    "tree --ascii /etc",
    "tree nginx-emacs /opt",
    "whence /nope",
    "layers nope",
    "trace off",
    "trace",
    "lang",
    "explain nope",
  ]

  @Test(arguments: Language.allCases) func transcript(language: Language) {
    var session = TeachingFixtures.inContainer(language: language)
    let text = TeachingFixtures.transcript(Self.inputs, in: &session)
    GoldenFile.check(text, file: "container-\(language.rawValue).txt", folder: "teaching")
  }
}
