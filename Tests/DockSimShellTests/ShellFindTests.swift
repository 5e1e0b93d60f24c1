import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// GNU findutils 4.9's answers (entries in docksim's sorted readdir order).
@Suite struct ShellFindTests {
  func tree() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run("mkdir -p /w/a/B && cd /w && touch a/B/Foo.TXT a/bar.txt a/FOO")
    return h
  }

  @Test func inameIgnoresCase() {
    var h = tree()
    #expect(h.run("find a -iname 'foo*'") == out("a/B/Foo.TXT\na/FOO\n"))
    #expect(h.run("find a -iname '*.TXT'") == out("a/B/Foo.TXT\na/bar.txt\n"))
    #expect(h.run("find a -iname '[f]oo'") == out("a/FOO\n"))
    #expect(h.run("find a -name 'foo*'") == out(""))
    // Without wildcards the name must be equal, byte for byte (quotes removed).
    #expect(h.run("find a -name FOO") == out("a/FOO\n"))
    #expect(h.run("find a -name foo") == out(""))
    #expect(h.run("find a -name 'bar\\.txt' -type f") == out("a/bar.txt\n"))
  }

  @Test func depthListsChildrenFirst() {
    var h = tree()
    #expect(h.run("find a -depth") == out("a/B/Foo.TXT\na/B\na/FOO\na/bar.txt\na\n"))
    #expect(h.run("find a -maxdepth 1 -depth -type d") == out("a/B\na\n"))
  }

  /// find walks each directory once from where it stands: what it lists is the merged
  /// tree, whiteouts, opaque directories and copy-ups included.
  @Test func wholeTreeIsTheMergedView() {
    var h = tree()
    _ = h.run("rm -r /w/a/B && mkdir -p /w/c && mv /w/a/bar.txt /w/c/ && rm -rf /w/a && mkdir /w/a && touch /w/a/new")
    let listed = h.run("find /").stdout.split(separator: "\n").map(String.init)
    #expect(listed == h.session.filesystem.walk(from: "/"))
    #expect(listed.contains("/w/c/bar.txt") && listed.contains("/w/a/new") && !listed.contains("/w/a/FOO"))
  }

  /// The start operand as written heads every path (`a/`, `.`, `/`); -name sees its basename.
  @Test func startOperandsAndDepths() {
    var h = tree()
    #expect(h.run("find a/ -maxdepth 1") == out("a/\na/B\na/FOO\na/bar.txt\n"))
    #expect(h.run("find a/ -name a") == out("a/\n"))
    #expect(h.run("find a/B/ -depth -name B") == out("a/B/\n"))
    #expect(h.run("find / -maxdepth 0") == out("/\n"))
    #expect(h.run("find a/FOO a/B -maxdepth 0 -type f") == out("a/FOO\n"))
    _ = h.run("ln -s /w/a /w/link")
    #expect(h.run("find link") == out("link\n"))
    #expect(h.run("find link/ -type d") == out("link/\nlink/B\n"))
    #expect(h.run("cd a && find . -mindepth 2") == out("./B/Foo.TXT\n"))
  }

  /// Output goes out in chunks: a listing longer than one chunk arrives whole and in order.
  @Test func aLongListingArrivesWhole() {
    var h = tree()
    _ = h.run("mkdir /many && cd /many && i=0; while [ $i -lt 3000 ]; do touch file-with-a-long-name-$i; i=$((i+1)); done")
    let listed = h.run("find /many").stdout.split(separator: "\n").map(String.init)
    #expect(listed.count == 3001)
    #expect(listed == h.session.filesystem.walk(from: "/many"))
  }

  @Test func messages() {
    var h = tree()
    #expect(
      h.run("find . -maxdepth x")
        == out("", "find: Expected a positive decimal integer argument to -maxdepth, but got 'x'\n", 1))
    #expect(h.run("find . -type q") == out("", "find: Unknown argument to -type: q\n", 1))
    #expect(h.run("find . -name") == out("", "find: missing argument to `-name'\n", 1))
    #expect(h.run("find nope") == out("", "find: 'nope': No such file or directory\n", 1))
  }
}
