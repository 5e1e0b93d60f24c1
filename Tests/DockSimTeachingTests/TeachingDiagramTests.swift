import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimTeaching

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

  /// Tests/Transcripts/teaching/diagram-container-en.txt
  @Test func containerUnicodeEnglish() {
    GoldenFile.check(LayerDiagram(language: .en).render(Self.container), file: "diagram-container-en.txt", folder: "teaching")
  }

  /// Tests/Transcripts/teaching/diagram-image-ascii-zh.txt
  @Test func imageAsciiChinese() {
    let text = LayerDiagram(language: .zh, style: .ascii).render(Self.image)
    GoldenFile.check(text, file: "diagram-image-ascii-zh.txt", folder: "teaching")
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
