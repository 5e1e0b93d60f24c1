import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// Expected texts come from GNU coreutils 9.1 and GNU grep in the C locale.
@Suite struct ShellTextToolTests {
  func prepared() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run("mkdir /w && cd /w && printf 'one\\ntwo\\nthree\\nfour\\n' > t && printf 'x\\ny' > u")
    return h
  }

  @Test func wc() {
    var h = prepared()
    #expect(h.run("wc t") == out(" 4  4 19 t\n"))
    #expect(h.run("wc t u") == out(" 4  4 19 t\n 1  2  3 u\n 5  6 22 total\n"))
    #expect(h.run("wc -l t; wc -l < t; echo hi | wc; wc -c u; wc -w t") == out("4 t\n4\n      1       1       3\n3 u\n4 t\n"))
    #expect(h.run("wc nope") == out("", "wc: nope: No such file or directory\n", 1))
  }

  @Test func headAndTail() {
    var h = prepared()
    #expect(h.run("head -n 2 t u") == out("==> t <==\none\ntwo\n\n==> u <==\nx\ny"))
    #expect(h.run("head -2 t; tail -n 1 t; tail -c 3 t; tail -n +3 t; head -n -2 t") == out(
      "one\ntwo\nfour\nur\nthree\nfour\none\ntwo\n"))
    #expect(h.run("head -c 5 t") == out("one\nt"))
    #expect(h.run("head -n x t") == out("", "head: invalid number of lines: 'x'\n", 1))
    #expect(h.run("tail nope") == out("", "tail: cannot open 'nope' for reading: No such file or directory\n", 1))
  }

  @Test func grep() {
    var h = prepared()
    #expect(h.run("grep -n o t") == out("1:one\n2:two\n4:four\n"))
    #expect(h.run("grep -c o t u") == out("t:3\nu:0\n"))
    #expect(h.run("grep -v o t; grep -i T t") == out("three\ntwo\nthree\n"))
    #expect(h.run("grep x nope t") == out("", "grep: nope: No such file or directory\n", 2))
    #expect(h.run("grep '^t.o$' t; grep -E 'on|fo' t; grep 'th\\(r\\|x\\)e*' t") == out("two\none\nfour\nthree\n"))
    #expect(h.run("grep zz t") == out("", "", 1))
    #expect(h.run("grep") == out("", "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2))
    #expect(h.run("cat t | grep -w two") == out("two\n"))
  }

  @Test func sortUniqCutTr() {
    var h = prepared()
    #expect(h.run("sort -r t") == out("two\nthree\none\nfour\n"))
    #expect(h.run("printf '10\\n9\\n100\\n' | sort -n; printf 'b\\na\\nb\\n' | sort -u") == out("9\n10\n100\na\nb\n"))
    #expect(h.run("sort nope") == out("", "sort: cannot read: nope: No such file or directory\n", 2))
    #expect(h.run("printf 'a\\na\\nb\\n' | uniq -c") == out("      2 a\n      1 b\n"))
    #expect(h.run("echo 'abc:def' | cut -d: -f2; echo abcdef | cut -c2-4") == out("def\nbcd\n"))
    #expect(h.run("echo hello | tr a-z A-Z; echo hello | tr -d l") == out("HELLO\nheo\n"))
  }

  /// Output nobody stops (a terminal, a file, a reader that takes it all) ends at the limit.
  @Test func runawayOutputIsCapped() {
    var h = ShellHarness()
    let result = h.run("yes")
    #expect(result.stdout.utf8.count == 16 << 20)
    #expect(result.stderr == "docksim: yes: output stopped after 16 MiB (the simulator's limit)\n")
    #expect(result.status == 1)
    #expect(h.run("yes > /tmp/y; wc -c < /tmp/y") == out(
      "16777216\n", "docksim: yes: output stopped after 16 MiB (the simulator's limit)\n"))
    #expect(h.run("yes | cat > /dev/null") == out(
      "", "docksim: yes: output stopped after 16 MiB (the simulator's limit)\n", 0))
  }
}

@Suite struct ShellInfoToolTests {
  func prepared() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run("mkdir -p /w/d/e && cd /w && echo hello > d/f && ln -s d/f l")
    return h
  }

  @Test func statFormats() {
    var h = prepared()
    #expect(h.run("stat -c '%n %F %a %A %s %h %U %G %N' d/f l d") == out(
      "d/f regular file 644 -rw-r--r-- 6 1 root root 'd/f'\nl symbolic link 777 lrwxrwxrwx 3 1 root root 'l' -> 'd/f'\n"
        + "d directory 755 drwxr-xr-x 4096 3 root root 'd'\n"))
    #expect(h.run("stat -c %y d/f") == out("2020-01-15 10:00:00.000000000 +0000\n"))
    #expect(h.run("stat nope") == out("", "stat: cannot statx 'nope': No such file or directory\n", 1))
    let standard = h.run("stat d/f").stdout.split(separator: "\n").map(String.init)
    #expect(standard[0] == "  File: d/f")
    #expect(standard[1] == "  Size: 6         \tBlocks: 8          IO Block: 4096   regular file")
    #expect(standard[3] == "Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)")
  }

  @Test func findAndDu() {
    var h = prepared()
    #expect(h.run("find d; find d -name f; find d -type d; find . -maxdepth 1 -type l") == out(
      "d\nd/e\nd/f\nd/f\nd\nd/e\n./l\n"))
    #expect(h.run("find nope") == out("", "find: 'nope': No such file or directory\n", 1))
    #expect(h.run("du -s d; du d; du -sh d") == out("12\td\n4\td/e\n12\td\n12K\td\n"))
  }

  @Test func ddMakesFilesOfAGivenSize() {
    var h = prepared()
    #expect(h.run("dd if=/dev/zero of=z bs=1M count=3") == out(
      "", "3+0 records in\n3+0 records out\n3145728 bytes (3.1 MB, 3.0 MiB) copied, 0.00211715 s, 1.5 GB/s\n"))
    #expect(h.run("ls -l z; du -h z") == out("-rw-r--r-- 1 root root 3145728 Jan 15 10:00 z\n3.0M\tz\n"))
    #expect(h.run("head -c 2048 /dev/zero > y; wc -c y") == out("2048 y\n"))
  }

  @Test func dateAndSleepUseTheSimulatedClock() {
    var h = ShellHarness()
    #expect(h.run("date") == out("Wed Jan 15 10:00:00 UTC 2020\n"))
    #expect(h.run("sleep 90; date +%Y-%m-%dT%H:%M:%S; date '+%a %b %e %j %s'") == out(
      "2020-01-15T10:01:30\nWed Jan 15 015 1579082490\n"))
    #expect(h.run("sleep x") == out("", "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", 1))
  }

  @Test func smallFacts() {
    var h = ShellHarness()
    #expect(h.run("whoami; basename /a/b.txt .txt; dirname /a/b; seq 2 4; env A=1 printenv") == out(
      "student\nb\n/a\n2\n3\n4\nA=1\n"))
    h.enterContainer()
    #expect(h.run("whoami; id") == out("root\nuid=0(root) gid=0(root) groups=0(root)\n"))
  }
}
