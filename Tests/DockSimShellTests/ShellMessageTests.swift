import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// What a shell puts before its messages: the interactive bash `bash: `; `bash -c` and a
/// bash script `NAME: line N: `; dash `NAME: N: `. Expected texts from bash 5.2.15 and
/// dash 0.5.12 running the same scripts.
@Suite struct ShellMessageTests {
  func prepared() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run(#"printf 'echo hi\nfoo\ncd /nonexist\n' > /tmp/s.sh"#)
    _ = h.run(#"printf 'f() {\n  foo\n}\n\nf\n' > /tmp/fn.sh"#)
    _ = h.run(#"printf 'echo $(foo)\n(foo)\nfoo | cat\n' > /tmp/sub.sh"#)
    return h
  }

  @Test func commandStrings() {
    var h = prepared()
    #expect(h.run("bash -c 'foo; true\nfoo'") == out(
      "", "bash: line 1: foo: command not found\nbash: line 2: foo: command not found\n", 127))
    #expect(h.run("sh -c 'true\nfoo'") == out("", "sh: 2: foo: not found\n", 127))
    #expect(h.run("sh -c 'foo' myname") == out("", "myname: 1: foo: not found\n", 127))
    #expect(h.run("bash -c 'foo' myname") == out("", "myname: line 1: foo: command not found\n", 127))
    #expect(h.run("sh -c 'cd /nonexist || echo st=$?'") == out("st=2\n", "sh: 1: cd: can't cd to /nonexist\n"))
    // bash 5.2 files a function defined in a -c string under "environment".
    #expect(h.run("bash -c 'f() { foo; }; f'") == out("", "environment: line 1: foo: command not found\n", 127))
    #expect(h.run("foo") == out("", "bash: foo: command not found\n", 127))
  }

  @Test func scriptFilesNameThemselvesAndTheLine() {
    var h = prepared()
    #expect(h.run("sh /tmp/s.sh") == out(
      "hi\n", "/tmp/s.sh: 2: foo: not found\n/tmp/s.sh: 3: cd: can't cd to /nonexist\n", 2))
    #expect(h.run("bash /tmp/s.sh") == out(
      "hi\n", "/tmp/s.sh: line 2: foo: command not found\n/tmp/s.sh: line 3: cd: /nonexist: No such file or directory\n",
      1))
    #expect(h.run("sh /tmp/fn.sh") == out("", "/tmp/fn.sh: 2: foo: not found\n", 127))
    #expect(h.run("bash /tmp/fn.sh") == out("", "/tmp/fn.sh: line 2: foo: command not found\n", 127))
  }

  @Test func substitutionsSubshellsAndPipesKeepTheLine() {
    var h = prepared()
    #expect(h.run("sh /tmp/sub.sh") == out(
      "\n", "/tmp/sub.sh: 1: foo: not found\n/tmp/sub.sh: 2: foo: not found\n/tmp/sub.sh: 3: foo: not found\n"))
    #expect(h.run("bash /tmp/sub.sh") == out(
      "\n",
      "/tmp/sub.sh: line 1: foo: command not found\n/tmp/sub.sh: line 2: foo: command not found\n"
        + "/tmp/sub.sh: line 3: foo: command not found\n"))
  }

  @Test func syntaxErrorsInScriptFiles() {
    var h = prepared()
    _ = h.run(#"printf 'if true; then\necho\n' > /tmp/se.sh"#)
    #expect(h.run("bash /tmp/se.sh") == out("", "/tmp/se.sh: line 3: syntax error: unexpected end of file\n", 2))
    #expect(h.run("sh /tmp/se.sh") == out(
      "", "/tmp/se.sh: 3: Syntax error: end of file unexpected (expecting \"fi\")\n", 2))
  }

  /// busybox ash (alpine's /bin/sh), from busybox 1.35.
  @Test func busyboxAsh() {
    var h = prepared()
    _ = h.run("mkdir -p /bin && touch /bin/busybox && ln -sf /bin/busybox /bin/sh")
    #expect(h.run("sh -c 'foo'") == out("", "sh: foo: not found\n", 127))
    #expect(h.run("sh -c 'cd /nonexist'") == out(
      "", "sh: cd: line 0: can't cd to /nonexist: No such file or directory\n", 2))
    #expect(h.run("sh /tmp/s.sh") == out(
      "hi\n",
      "/tmp/s.sh: line 2: foo: not found\n/tmp/s.sh: cd: line 3: can't cd to /nonexist: No such file or directory\n", 2))
    #expect(h.run("sh /tmp/fn.sh") == out("", "/tmp/fn.sh: line 2: foo: not found\n", 127))
    #expect(h.run("sh -c 'set -o pipefail; false | true; echo $?'") == out("1\n"))
    #expect(h.run("sh -c 'set -u; echo $x'") == out("", "sh: x: parameter not set\n", 2))
  }
}
