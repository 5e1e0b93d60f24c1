import Testing
@testable import DockSimCore

@Suite struct RenderTabWriterTests {
  /// `docker search` from the real 20.10 CLI: cells count runes, so CJK is under-padded.
  @Test func searchTable2010CountsRunes() {
    let input = "NAME\tDESCRIPTION\tSTARS\tOFFICIAL\tAUTOMATED\n"
      + "ubuntu\tUbuntu is a Debian-based Linux operating sys…\t10\t[OK]\t\n"
      + "中文/镜像\t一个中文描述，很长很长很长很长很长很长很长很…\t3\t\t\n"
    let expected = "NAME      DESCRIPTION                                     STARS     OFFICIAL   AUTOMATED\n"
      + "ubuntu    Ubuntu is a Debian-based Linux operating sys…   10        [OK]       \n"
      + "中文/镜像     一个中文描述，很长很长很长很长很长很长很长很…                         3                    \n"
    #expect(TabWriter(version: .v20_10).format(input) == expected)
  }

  /// The same search from the real 28.2.2 CLI: cells count display columns.
  @Test func searchTable28CountsColumns() {
    let input = "NAME\tDESCRIPTION\tSTARS\tOFFICIAL\n"
      + "ubuntu\tUbuntu is a Debian-based Linux operating sys…\t10\t[OK]\n"
      + "中文/镜像\t一个中文描述，很长很长很长很长很长很长很长很…\t3\t\n"
    let expected = "NAME        DESCRIPTION                                     STARS     OFFICIAL\n"
      + "ubuntu      Ubuntu is a Debian-based Linux operating sys…   10        [OK]\n"
      + "中文/镜像   一个中文描述，很长很长很长很长很长很长很长很…   3         \n"
    #expect(TabWriter(version: .v28).format(input) == expected)
  }

  @Test func lineWithoutTabsEndsTheColumnBlock() {
    let input = "a\tb\nlonger-cell\tc\nplain\nx\ty\n"
    let expected = "a             b\nlonger-cell   c\nplain\nx         y\n"
    #expect(TabWriter().format(input) == expected)
  }

  @Test func unfinishedLastLineDropsItsEmptyPendingCell() {
    #expect(TabWriter().format("ab\t") == "ab")
    #expect(TabWriter().format("ab\tc") == "ab        c")
    #expect(TabWriter().format("") == "")
  }
}

@Suite struct RenderTextTests {
  @Test func displayWidth() {
    #expect(DisplayWidth.of("docker") == 6)
    #expect(DisplayWidth.of("中文镜像") == 8)
    #expect(DisplayWidth.of("ｄｏｃｋｅｒ") == 12)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("…") == 1)
    #expect(DisplayWidth.of("한국어") == 6)
    #expect(DisplayWidth.padded("层", to: 4) == "层  ")
  }

  @Test func ellipsisASCII() {
    #expect(Ellipsis.cut("Ubuntu is a Debian-based Linux operating system", to: 20) == "Ubuntu is a Debian-…")
    #expect(Ellipsis.cut("short", to: 5) == "short")
    #expect(Ellipsis.cut("short", to: 4) == "sho…")
    #expect(Ellipsis.cut("abc", to: 1) == "a")
    #expect(Ellipsis.cut("abc", to: 0) == "")
    #expect(Ellipsis.cut("", to: 1) == "")
  }

  @Test func ellipsisDisplayWidth() {
    // The real CLI cut this description (search, width 45) to 22 wide characters and `…`.
    let description = "一个中文描述，很长很长很长很长很长很长很长很长很长很长很长"
    #expect(Ellipsis.cut(description, to: 45) == "一个中文描述，很长很长很长很长很长很长很长很…")
    #expect(Ellipsis.cut("中文", to: 4) == "中文")
    #expect(Ellipsis.cut("中文x", to: 4) == "中…")
    #expect(Ellipsis.cut("é" + String(repeating: "a", count: 30), to: 10) == "éaaaaaaaa…")
  }

  @Test func truncateID() {
    #expect(TruncateID.short("sha256:72300a873c2cbbf0000000000000000000000000000000000000000000000000") == "72300a873c2c")
    #expect(TruncateID.short("0123456789abcdef0123") == "0123456789ab")
    #expect(TruncateID.short("abc") == "abc")
  }

  @Test func goQuote() {
    #expect(GoQuote.quote("/bin/bash") == "\"/bin/bash\"")
    #expect(GoQuote.quote("echo \"hi\"\n") == "\"echo \\\"hi\\\"\\n\"")
    #expect(GoQuote.quote("a\\b\tc\u{7f}") == "\"a\\\\b\\tc\\x7f\"")
    #expect(GoQuote.quote("中文") == "\"中文\"")
    #expect(GoQuote.quote("\u{a0}\u{3000}") == "\"\\u00a0\\u3000\"")
    #expect(GoQuote.quote(bytes: [0x61, 0xff]) == "\"a\\xff\"")
  }
}
