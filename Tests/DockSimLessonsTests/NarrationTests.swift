import DockSimCore
import Testing
@testable import DockSimLessons

/// Narration rendered for a terminal: Markdown's marks become styles (or nothing without
/// colour) and the text wraps at the width by display columns, never inside a word.
@Suite struct NarrationTests {
  @Test func wrapsAtWordsNeverInsideOne() {
    let text = "The union mount shows every layer as one tree, and copy-on-write copies a file up before the first write."
    let lines = Narration.render(text, width: 40, color: false).split(separator: "\n").map(String.init)
    #expect(lines == [
      "The union mount shows every layer as one", "tree, and copy-on-write copies a file up",
      "before the first write.",
    ])
  }

  /// A Chinese character takes two columns; closing punctuation never starts a line.
  @Test func countsWideCharactersAsTwoColumns() {
    let text = "镜像是一个只读的模板，容器是镜像运行时的实例。"
    let lines = Narration.render(text, width: 20, color: false).split(separator: "\n").map(String.init)
    #expect(lines.joined() == text)
    #expect(lines.count == 3 && lines.allSatisfy { DisplayWidth.of($0) <= 20 })
    #expect(!lines.contains { $0.hasPrefix("，") || $0.hasPrefix("。") })
  }

  @Test func chineseSourceLinesJoinWithoutASpace() {
    #expect(Narration.render("镜像由多层\n组成。", width: 80, color: false) == "镜像由多层组成。")
    #expect(Narration.render("an image\nhas layers", width: 80, color: false) == "an image has layers")
  }

  @Test func rendersHeadingsEmphasisCodeAndLinks() {
    let markdown = """
      # Images

      An **image** is *read-only*; run `docker images` or see [the docs](https://docs.docker.com/).
      <!-- lint: allow 60MB -->
      """
    #expect(Narration.render(markdown, width: 80, color: false) == """
      Images
      ══════

      An image is read-only; run docker images or see the docs
      (https://docs.docker.com/).
      """)
    let colored = Narration.render("**bold** and `code`", width: 80, color: true)
    #expect(colored == "\u{1B}[1mbold\u{1B}[0m and \u{1B}[36mcode\u{1B}[0m")
  }

  @Test func listsHangAndCodeBlocksStayAsWritten() {
    let markdown = """
      - first item that is long enough to wrap onto the next line
      1. numbered

      ```
      $ docker run -it ubuntu bash    # a long line stays as written, even past the width
      ```
      """
    #expect(Narration.render(markdown, width: 40, color: false) == """
        • first item that is long enough to
          wrap onto the next line
        1. numbered

          $ docker run -it ubuntu bash    # a long line stays as written, even past the width
      """)
  }

  @Test func leavesArithmeticAndSnakeCaseAlone() {
    #expect(Narration.render("2 * 3 and snake_case_name", width: 80, color: false) == "2 * 3 and snake_case_name")
  }
}
