import DockSimCore
import Testing

@testable import DockSimCommands

/// Golden diagrams: the course text's picture (ubuntu, emacs, nginx, the container) in
/// both languages and both drawing styles.
@Suite struct TeachingDiagramTests {
  static let layers: [LayerStackView.ImageLayer] = [
    .init(number: 1, shortDigest: "a1b2c3d4e5f6", createdBy: "/bin/sh -c #(nop) ADD file:7e9f8 in / ",
          size: 64_200_000, fileCount: 3210, owner: .baseImage("ubuntu:18.04")),
    .init(number: 2, shortDigest: "0badc0ffee00", createdBy: "/bin/sh -c apt-get install -y emacs",
          size: 120_500_000, fileCount: 1543, owner: .parentImage("emacs:latest")),
    .init(number: 3, shortDigest: "feedface1234", createdBy: "/bin/sh -c apt-get install -y nginx",
          size: 18_400_000, fileCount: 212, owner: .thisImage("nginx-emacs:latest")),
  ]

  static let container = LayerStackView(
    subject: .container(name: "web", image: "nginx-emacs:latest"),
    changes: .init(added: 2, changed: 1, deleted: 1), layers: layers, baseImage: "ubuntu:18.04",
    bootfs: .unmountedAfterStart)

  static let image = LayerStackView(
    subject: .image("nginx-emacs:latest"), changes: nil, layers: layers, baseImage: "ubuntu:18.04", bootfs: .idle)

  @Test func containerUnicodeEnglish() {
    let expected = """
      ┌─ docksim: the layers of container web (image nginx-emacs:latest) ────────────┐
      │ container layer, read-write                    2 added, 1 changed, 1 deleted │
      ├──────────────────────────────────────────────────────────────────────────────┤
      │ layer 3  feedface1234  read-only                           18.4MB  212 files │
      │   /bin/sh -c apt-get install -y nginx                                        │
      │   image nginx-emacs:latest                                                   │
      ├──────────────────────────────────────────────────────────────────────────────┤
      │ layer 2  0badc0ffee00  read-only                           120MB  1543 files │
      │   /bin/sh -c apt-get install -y emacs                                        │
      │   parent image emacs:latest                                                  │
      ├──────────────────────────────────────────────────────────────────────────────┤
      │ layer 1  a1b2c3d4e5f6  read-only                          64.2MB  3210 files │
      │   /bin/sh -c #(nop) ADD file:7e9f8 in /                                      │
      │   base image ubuntu:18.04                                                    │
      ╞══════════════════════════════════════════════════════════════════════════════╡
      │ rootfs: ubuntu:18.04, mounted read-only and never remounted read-write       │
      ├──────────────────────────────────────────────────────────────────────────────┤
      │ bootfs: boot loader + kernel, unmounted after start (memory freed)           │
      └──────────────────────────────────────────────────────────────────────────────┘
        top wins: a file in a higher layer hides the same path below it

      """
    #expect(LayerDiagram(language: .en).render(Self.container) == expected)
  }

  @Test func imageAsciiChinese() {
    let expected = """
      +- docksim：镜像 nginx-emacs:latest 的分层 ------------------------------------+
      | （启动容器时，可读写的容器层加在这里）                                       |
      +------------------------------------------------------------------------------+
      | 第 3 层  feedface1234  只读                               18.4MB  212 个文件 |
      |   /bin/sh -c apt-get install -y nginx                                        |
      |   镜像 nginx-emacs:latest                                                    |
      +------------------------------------------------------------------------------+
      | 第 2 层  0badc0ffee00  只读                               120MB  1543 个文件 |
      |   /bin/sh -c apt-get install -y emacs                                        |
      |   父镜像 emacs:latest                                                        |
      +------------------------------------------------------------------------------+
      | 第 1 层  a1b2c3d4e5f6  只读                              64.2MB  3210 个文件 |
      |   /bin/sh -c #(nop) ADD file:7e9f8 in /                                      |
      |   基础镜像 ubuntu:18.04                                                      |
      +==============================================================================+
      | rootfs：ubuntu:18.04，以只读方式挂载，永远不会重新挂载为读写                 |
      +------------------------------------------------------------------------------+
      | bootfs：引导程序和内核，只在容器启动时挂载                                   |
      +------------------------------------------------------------------------------+
        上层优先：上层的文件会隐藏下层同一路径的文件

      """
    #expect(LayerDiagram(language: .zh, style: .ascii).render(Self.image) == expected)
  }

  @Test func everyLineFitsTheWidth() {
    for language in Language.allCases {
      for style in [BoxStyle.unicode, .ascii] {
        for width in [80, 60, 40] {
          let text = LayerDiagram(language: language, style: style, width: width).render(Self.container)
          for line in text.split(separator: "\n") {
            #expect(DockSimCore.DisplayWidth.of(String(line)) <= width, "\(language) \(width): \(line)")
          }
          let boxed = text.split(separator: "\n").dropLast()
          #expect(Set(boxed.map { DockSimCore.DisplayWidth.of(String($0)) }) == [width])
        }
      }
    }
  }

  @Test func colourOnlyWhenAsked() {
    let plain = LayerDiagram(language: .en).render(Self.container)
    let coloured = LayerDiagram(language: .en, colour: true).render(Self.container)
    #expect(!plain.contains("\u{1B}["))
    #expect(coloured.contains("\u{1B}[33mcontainer layer, read-write"))
    #expect(coloured.replacing(/\x{1B}\[[0-9]+m/, with: "") == plain)
  }

  @Test func longStepsAreCutWithAnEllipsis() {
    var view = Self.container
    view.layers[2].createdBy = "/bin/sh -c apt-get update && apt-get install -y nginx emacs vim curl wget git && rm -rf /var/lib/apt/lists/*"
    let line = LayerDiagram(language: .en).render(view).split(separator: "\n")[4]
    #expect(line == "│   /bin/sh -c apt-get update && apt-get install -y nginx emacs vim curl wget… │")
  }
}
