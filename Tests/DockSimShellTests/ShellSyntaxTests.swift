import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

@Suite struct ShellSyntaxTests {
  @Test func quotesAndEscapes() {
    var h = ShellHarness()
    #expect(h.run(#"echo 'a  b' "c  d" e\ f g"h"'i'"#) == out("a  b c  d e f ghi\n"))
    #expect(h.run(#"echo "a\"b\$c\\d\e" '\n'"#) == out("a\"b$c\\d\\e \\n\n"))
    #expect(h.run("echo \"\" x ''") == out(" x \n"))
  }

  @Test func variablesAndStatus() {
    var h = ShellHarness()
    #expect(h.run("A='x  y'; echo $A \"$A\" ${A}z ${B:-def} $? $#") == out("x y x  y x yz def 0 0\n"))
    #expect(h.run("false; echo $?") == out("1\n"))
    #expect(h.run("B=1 sh -c 'echo $B'; echo \"[$B]\"") == out("1\n[]\n"))
    #expect(h.run("echo $((2 + 3 * (4 - 1))) $((7 / 2)) $((-7 % 3))") == out("11 3 -1\n"))
    #expect(h.run("echo ${A!}") == out("", "bash: ${A!}: bad substitution\n", 1))
  }

  @Test func commentsAndLists() {
    var h = ShellHarness()
    #expect(h.run("echo a #comment; echo b") == out("a\n"))
    #expect(h.run("echo a#b; true && echo yes || echo no; false && echo yes || echo no") == out("a#b\nyes\nno\n"))
    #expect(h.run("echo 1\necho 2") == out("1\n2\n"))
    #expect(h.run("! false && echo negated") == out("negated\n"))
  }

  @Test func commandSubstitution() {
    var h = ShellHarness()
    #expect(h.run("echo \"[$(echo a; echo b)]\" $(echo x   y) `echo q`") == out("[a\nb] x y q\n"))
    #expect(h.run("X=$(printf '%s\\n' 1 2); echo \"$X\"") == out("1\n2\n"))
  }

  @Test func syntaxErrors() {
    var h = ShellHarness()
    #expect(h.run("| foo") == out("", "bash: syntax error near unexpected token `|'\n", 2))
    #expect(h.run("echo a ;; b") == out("", "bash: syntax error near unexpected token `;;'\n", 2))
    #expect(h.run("echo a >") == out("", "bash: syntax error near unexpected token `newline'\n", 2))
    #expect(h.run("echo a && && b") == out("", "bash: syntax error near unexpected token `&&'\n", 2))
    #expect(h.run("echo $?") == out("2\n"))
  }

  @Test func unfinishedInputAtEndOfScript() {
    var h = ShellHarness()
    #expect(h.run("echo \"abc") == out("", "bash: unexpected EOF while looking for matching `\"'\n", 2))
    #expect(h.run("echo 'abc") == out("", "bash: unexpected EOF while looking for matching `''\n", 2))
    #expect(h.run("echo a |") == out("", "bash: syntax error: unexpected end of file\n", 2))
    #expect(h.run("echo a \\") == out("a\n"))
    #expect(
      h.run("echo x\ncat <<EOF\nabc")
        == out("x\nabc\n", "bash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\n"))
  }

  @Test func inputStatus() {
    let s = Session(programs: .shell)
    #expect(s.inputStatus("echo hi") == .complete)
    for text in ["echo \"a", "echo 'a", "echo a |", "a &&", "a ||", "echo a \\", "cat <<EOF", "cat <<EOF\nx", "echo $(ls", "echo ${A"] {
      #expect(s.inputStatus(text) == .needsMore, "\(text)")
    }
    #expect(s.inputStatus("cat <<EOF\nx\nEOF") == .complete)
    #expect(s.inputStatus("| a") == .complete)
    #expect(s.inputStatus("echo \"a\nb\"") == .complete)
  }

  @Test func hereDocuments() {
    var h = ShellHarness()
    #expect(h.run("A=1; cat <<EOF\n$A \\$A `echo b`\n\tx\nEOF") == out("1 $A b\n\tx\n"))
    #expect(h.run("cat <<'EOF'\n$A \\$A\nEOF") == out("$A \\$A\n"))
    #expect(h.run("cat <<-END\n\t\tindented\n\tEND\necho after") == out("indented\nafter\n"))
    #expect(h.run("cat <<<\"$A here\"") == out("1 here\n"))
  }

  @Test func badInputNeverCrashes() {
    var h = ShellHarness()
    let long = String(repeating: "a", count: 1 << 20)
    #expect(h.run("echo " + long).stdout.count == (1 << 20) + 1)
    #expect(h.run("echo a\u{0}b").status == 0)
    #expect(h.run(String(repeating: "$(", count: 200)).status == 2)
    #expect(h.run(String(repeating: "\"'", count: 500)).status == 2)
    #expect(h.run(String(decoding: [0x65, 0x63, 0x68, 0x6f, 0x20, 0xff, 0xfe], as: UTF8.self)).status == 0)
    #expect(h.run("echo '\u{301}'") == out("\u{301}\n"))
  }
}
