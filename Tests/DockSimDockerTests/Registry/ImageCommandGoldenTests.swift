import DockSimCore
import Testing

@testable import DockSimDocker

/// The image commands and their errors, in both emulated versions, against
/// checked-in transcripts (`DOCKSIM_BLESS=1` rewrites them).
@Suite struct ImageCommandGoldenTests {
  static let commands = [
    "docker pull",
    "docker pull Ubuntu",
    "docker pull ubuntu:",
    "docker pull nosuchrepo",
    "docker pull ubuntu:nosuchtag",
    "docker pull -a ubuntu:18.04",
    "docker pull -q busybox",
    "docker pull nginx",
    "docker pull jwilder/nginx-proxy",
    "docker pull ubuntu:18.04",
    "docker pull ubuntu:18.04",
    "docker images",
    "docker images -q",
    "docker images --digests busybox",
    "docker images --no-trunc busybox",
    "docker images --format '{{json .}}' busybox",
    "docker images --format '{{.Repository}}:{{.Tag}}'",
    "docker images 'ubu*'",
    "docker images --filter reference=nginx",
    "docker images --filter foo=bar",
    "docker search --limit 3 ubuntu",
    "docker search --limit 0 ubuntu",
    "docker search --limit 101 ubuntu",
    "docker search --filter stars=200 ubuntu",
    "docker search --filter is-official=true ubuntu",
    "docker search --filter is-automated=true nginx",
    "docker search --filter stars=abc ubuntu",
    "docker search --filter foo=1 ubuntu",
    "docker search --no-trunc --limit 2 nginx",
    "docker search --format '{{.Name}}: {{.StarCount}}' --limit 2 nginx",
    "docker tag ubuntu:18.04 myubuntu",
    "docker tag nosuch:1 x",
    "docker tag ubuntu Foo",
    "docker tag ubuntu 'bar:'",
    "docker images ubuntu",
    "docker history ubuntu:18.04",
    "docker history -q busybox",
    "docker history nosuch",
    "docker rmi nosuch",
    "docker rmi myubuntu",
    "docker rmi busybox",
    "docker rmi ubuntu",
    "docker images",
    "docker image inspect --format '{{.RepoTags}} {{.Config.Cmd}}' ubuntu:18.04",
    "docker image inspect jwilder/nginx-proxy",
    "docker image inspect nosuch",
  ]

  @Test(arguments: DockerVersion.allCases)
  func transcript(version: DockerVersion) {
    var harness = DockerHarness(version: version)
    RegistryGolden.check(harness.transcript(Self.commands), file: "image-commands-\(version.rawValue).txt")
  }

  @Test func terminalPullEndsOnTheCourseTextScreen() {
    var harness = DockerHarness(version: .v20_10)
    let outcome = harness.run("docker pull fedora:31", traits: .terminal)
    let screen = Screen.render(outcome.stdout)
    let digest = harness.session.engine.hub.repository(for: try! Reference.parse("fedora", version: .v20_10))!.tags["31"]!.digest
    let layer = String(harness.session.engine.images.imageFor(try! Reference.parse("fedora:31", version: .v20_10))!.layers[0].blobDigest.hex.prefix(12))
    #expect(screen == [
      "31: Pulling from library/fedora",
      "\(layer): Pull complete ",
      "Digest: \(digest)",
      "Status: Downloaded newer image for fedora:31",
      "docker.io/library/fedora:31",
    ])
  }
}

/// A tiny terminal: enough of ANSI (cursor up/down, erase line, carriage return) to
/// show the final screen of a pull.
enum Screen {
  static func render(_ text: String) -> [String] {
    var lines: [[Character]] = [[]]
    var row = 0
    var column = 0
    var chars = Array(text)
    var index = 0
    func put(_ c: Character) {
      while lines.count <= row { lines.append([]) }
      while lines[row].count < column { lines[row].append(" ") }
      if column < lines[row].count { lines[row][column] = c } else { lines[row].append(c) }
      column += 1
    }
    while index < chars.count {
      let c = chars[index]
      if c == "\u{1B}", index + 1 < chars.count, chars[index + 1] == "[" {
        var end = index + 2
        var number = ""
        while end < chars.count, chars[end].isNumber { number.append(chars[end]); end += 1 }
        let n = Int(number) ?? 1
        switch chars[end] {
        case "A": row = max(0, row - n)
        case "B": row += n
        case "K": while lines.count <= row { lines.append([]) }; lines[row] = []
        default: break
        }
        index = end + 1
        continue
      }
      switch c {
      case "\n": row += 1; column = 0
      case "\r": column = 0
      default: put(c)
      }
      index += 1
    }
    chars = []
    var result = lines.map { String($0) }
    while result.last == "" { result.removeLast() }
    return result
  }
}
