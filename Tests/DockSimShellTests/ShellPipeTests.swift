import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// Pipes end as real ones do: a reader that is done (`head`, `read`, `grep -q`) leaves its
/// writer to die of SIGPIPE, silently. Expected texts come from bash 5.2, dash 0.5.12 and
/// GNU coreutils 9.1.
@Suite struct ShellPipeTests {
  func prepared() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    return h
  }

  @Test func headEndsAnEndlessWriter() {
    var h = prepared()
    #expect(h.run("yes | head -n 3") == out("y\ny\ny\n"))
    #expect(h.run("yes | head -c 5") == out("y\ny\ny"))
    #expect(h.run("yes no | head -2") == out("no\nno\n"))
    #expect(h.run("seq 1 1000000 | head -1") == out("1\n"))
    #expect(h.run("cat /dev/zero | head -c 4 | wc -c") == out("4\n"))
  }

  @Test func otherReadersThatStopEarly() {
    var h = prepared()
    #expect(h.run("yes | grep -q y; echo $?") == out("0\n"))
    #expect(h.run("yes | { read a; read b; echo $a$b; }") == out("yy\n"))
    #expect(h.run("yes | ls /w 2>/dev/null; yes | true") == out(""))
    // Only the writer dies: its other messages stay.
    #expect(h.run("{ yes; echo after >&2; } | head -1") == out("y\n", "after\n"))
  }

  @Test func aFiniteWriterThatFitsThePipeIsNotHurt() {
    var h = prepared()
    #expect(h.run("seq 1 10 | head -1 | cat") == out("1\n"))
    #expect(h.run("printf 'a\\nb\\n' | { head -n 1; cat; }") == out("a\n"))
  }

  @Test func yesIntoHeadIsFast() {
    var h = prepared()
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = h.run("yes | head") }
    #expect(elapsed < .seconds(1), "yes | head took \(elapsed)")
  }

  /// A program in a `while read` loop reads the loop's input: `cat` takes the rest; `head`
  /// takes everything buffered in a pipe but seeks back in a file to just after its line.
  @Test func programsShareTheLoopsInput() {
    var h = prepared()
    #expect(h.run("printf 'a\\nb\\nc\\n' | while read x; do echo \"x=$x\"; cat; done") == out("x=a\nb\nc\n"))
    #expect(h.run("printf 'a\\nb\\nc\\nd\\n' | while read x; do echo \"x=$x\"; head -n1; done") == out("x=a\nb\n"))
    _ = h.run("printf 'a\\nb\\nc\\nd\\n' > /f")
    #expect(h.run("while read x; do echo \"x=$x\"; head -n1; done < /f") == out("x=a\nb\nx=c\nd\n"))
    #expect(h.run("while read x; do echo \"x=$x\"; ls /nope 2>/dev/null; done < /f") == out("x=a\nx=b\nx=c\nx=d\n", "", 2))
    #expect(h.run("echo x | { cat; cat; }") == out("x\n"))
  }

  @Test func childShellsReadTheirParentsInput() {
    var h = prepared()
    #expect(h.run("echo hi | sh -c 'read x; echo got $x'") == out("got hi\n"))
    #expect(h.run("printf 'echo one\\necho two\\n' | bash") == out("one\ntwo\n"))
  }
}

/// bash's PIPESTATUS shows each stage's status: 141 for a writer its reader left.
@Suite struct ShellPipeStatusTests {
  @Test func pipeStatus() {
    var h = ShellHarness()
    h.enterContainer()
    #expect(h.run("yes | head -n 1; echo ${PIPESTATUS[@]}") == out("y\n141 0\n"))
    #expect(h.run("seq 1 1000000 | head -1 >/dev/null; echo ${PIPESTATUS[0]} $?") == out("141 0\n"))
    #expect(h.run("true | false; echo ${PIPESTATUS[@]} $PIPESTATUS ${PIPESTATUS[1]} ${PIPESTATUS[5]}x") == out(
      "0 1 0 1 x\n"))
    #expect(h.run("! false | true; echo ${PIPESTATUS[*]}; x=ab; echo ${x[0]} ${x[1]}y") == out("1 0\nab y\n"))
    #expect(h.run("sh -c 'echo ${PIPESTATUS[@]}'") == out("", "sh: 1: Bad substitution\n", 2))
  }
}
