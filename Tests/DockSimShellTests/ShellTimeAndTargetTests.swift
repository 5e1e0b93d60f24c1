import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// `touch -t/-d/-r`, `date -d` and `mv`/`cp` `-t DIR`/`-T`. Expected texts are GNU
/// coreutils 9.1's in the C locale with TZ=UTC; the session's clock starts at
/// 2020-01-15T10:00:00Z (a Wednesday).
@Suite struct ShellTimeAndTargetTests {
  func container() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run("mkdir /w && cd /w")
    return h
  }

  func mtime(_ h: inout ShellHarness, _ path: String) -> String {
    h.run("stat -c %y \(path)").stdout
  }

  @Test func touchStamp() {
    var h = container()
    let cases: [(String, String)] = [
      ("201907010000.00", "2019-07-01 00:00:00.000000000 +0000\n"),
      ("1907011230", "2019-07-01 12:30:00.000000000 +0000\n"),
      ("6907011230", "1969-07-01 12:30:00.000000000 +0000\n"),
      ("07011230.59", "2020-07-01 12:30:59.000000000 +0000\n"),
      ("202002292359.60", "2020-03-01 00:00:00.000000000 +0000\n"),
    ]
    for (stamp, expected) in cases {
      #expect(h.run("touch -t \(stamp) f") == out(""), "\(stamp)")
      #expect(mtime(&h, "f") == expected, "\(stamp)")
    }
    for bad in ["2019", "201902301200", "201907010000.61", "201907010000.0", "2019070100000", "20190701x000"] {
      #expect(h.run("touch -t \(bad) f") == out("", "touch: invalid date format '\(bad)'\n", 1), "\(bad)")
    }
  }

  @Test func touchDateAndReference() {
    var h = container()
    let cases: [(String, String)] = [
      ("2019-07-01", "2019-07-01 00:00:00"),
      ("2019-07-01 10:00", "2019-07-01 10:00:00"),
      ("2019-07-01T10:00:00Z", "2019-07-01 10:00:00"),
      ("2019-07-01 10:00 +0200", "2019-07-01 08:00:00"),
      ("Jul 1 2019", "2019-07-01 00:00:00"),
      ("1 Jul 2019 10:00", "2019-07-01 10:00:00"),
      ("Mon Jul  1 10:00:00 UTC 2019", "2019-07-01 10:00:00"),
      ("20190701", "2019-07-01 00:00:00"),
      ("@1561939200", "2019-07-01 00:00:00"),
      ("2019-01-31 +1 month", "2019-03-03 00:00:00"),
      ("yesterday", "2020-01-14 10:00:00"),
      ("3 days ago", "2020-01-12 10:00:00"),
      ("next week", "2020-01-22 10:00:00"),
      ("10:30pm", "2020-01-15 22:30:00"),
      ("fri", "2020-01-17 00:00:00"),
      ("", "2020-01-15 00:00:00"),
    ]
    for (date, expected) in cases {
      #expect(h.run("touch -d '\(date)' f") == out(""), "\(date)")
      #expect(mtime(&h, "f") == expected + ".000000000 +0000\n", "\(date)")
    }
    #expect(h.run("touch -d foo f") == out("", "touch: invalid date format 'foo'\n", 1))
    #expect(h.run("touch -d 2019-02-30 f") == out("", "touch: invalid date format '2019-02-30'\n", 1))
    _ = h.run("touch -t 201907010000 ref; touch -r ref g; touch --reference=ref -d '+1 day' h")
    #expect(mtime(&h, "g") == "2019-07-01 00:00:00.000000000 +0000\n")
    #expect(mtime(&h, "h") == "2019-07-02 00:00:00.000000000 +0000\n")
    #expect(h.run("touch -r nope g") == out("", "touch: failed to get attributes of 'nope': No such file or directory\n", 1))
    #expect(
      h.run("touch -t 201907010000 -d now g")
        == out("", "touch: cannot specify times from more than one source\nTry 'touch --help' for more information.\n", 1))
    #expect(h.run("touch -t 2019 x") == out("", "touch: invalid date format '2019'\n", 1))
    #expect(h.run("ls x").status == 2)
  }

  @Test func touchNewFileAndAccessOnly() {
    var h = container()
    _ = h.run("touch -c -t 201907010000 nope")
    #expect(h.run("ls nope").status == 2)
    _ = h.run("touch -t 201907010000 f; touch -a f")
    #expect(mtime(&h, "f") == "2019-07-01 00:00:00.000000000 +0000\n")
    _ = h.run("touch -m f")
    #expect(mtime(&h, "f") == "2020-01-15 10:00:00.000000000 +0000\n")
    #expect(h.run("touch") == out("", "touch: missing file operand\nTry 'touch --help' for more information.\n", 1))
  }

  @Test func dateReadsTheSameDates() {
    var h = container()
    #expect(h.run("date -d 'Jul 1 2019'") == out("Mon Jul  1 00:00:00 UTC 2019\n"))
    #expect(h.run("date -d 'tue 10:00' +%F_%T") == out("2020-01-21_10:00:00\n"))
    #expect(h.run("date --date=@0 +%s") == out("0\n"))
    #expect(h.run("date -d bogus") == out("", "date: invalid date 'bogus'\n", 1))
  }

  @Test func moveWithoutAndIntoTargetDirectory() {
    var h = container()
    _ = h.run("mkdir a b c d; touch a/f c/g f1 f2")
    #expect(h.run("mv -T a b; ls b") == out("f\n"))
    #expect(h.run("mv -T b c") == out("", "mv: cannot move 'b' to 'c': Directory not empty\n", 1))
    #expect(h.run("mv -T f1") == out("", "mv: missing destination file operand after 'f1'\nTry 'mv --help' for more information.\n", 1))
    #expect(h.run("mv -T f1 x y") == out("", "mv: extra operand 'y'\nTry 'mv --help' for more information.\n", 1))
    #expect(h.run("mv -T f1 c") == out("", "mv: cannot overwrite directory 'c' with non-directory\n", 1))
    #expect(h.run("mv -T d f1") == out("", "mv: cannot overwrite non-directory 'f1' with directory 'd'\n", 1))
    #expect(h.run("mv -t nope f1") == out("", "mv: target directory 'nope': No such file or directory\n", 1))
    #expect(h.run("mv -t f1 f2") == out("", "mv: target directory 'f1': Not a directory\n", 1))
    #expect(h.run("mv -t d") == out("", "mv: missing file operand\nTry 'mv --help' for more information.\n", 1))
    #expect(h.run("mv -t") == out("", "mv: option requires an argument -- 't'\nTry 'mv --help' for more information.\n", 1))
    #expect(
      h.run("mv -t c -T f1")
        == out("", "mv: cannot combine --target-directory (-t) and --no-target-directory (-T)\nTry 'mv --help' for more information.\n", 1))
    #expect(h.run("mv f1 f2 nope") == out("", "mv: target 'nope': No such file or directory\n", 1))
    #expect(h.run("mv f1 f2 b/f") == out("", "mv: target 'b/f': Not a directory\n", 1))
    #expect(h.run("mv -t d f1 --target-directory=c f2") == out("", "mv: multiple target directories specified\n", 1))
    #expect(h.run("mv f1 --target-directory=c f2; ls c d") == out("c:\nf1\nf2\ng\n\nd:\n"))
    #expect(h.run("cp -t d c/f1 c/g; cp -T c/f2 d/f3; ls d") == out("f1\nf3\ng\n"))
  }
}
