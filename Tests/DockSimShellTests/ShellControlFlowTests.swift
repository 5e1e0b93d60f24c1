import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// Compound commands, `test`/`[`, `break`/`continue` and their syntax errors. Expected
/// texts are bash 5.2's (the prompt) and dash 0.5.12's (`sh -c`, /bin/sh in Debian and
/// Ubuntu images), recorded with `bash -c`/`dash -c` on the same input.
@Suite struct ShellControlFlowTests {
  @Test func ifForWhileUntil() {
    var h = ShellHarness()
    #expect(h.run("if true; then echo yes; else echo no; fi") == out("yes\n"))
    #expect(h.run("if false; then echo 1; elif [ 1 -eq 1 ]; then echo 2; else echo 3; fi") == out("2\n"))
    #expect(h.run("if false; then echo 1; fi; echo $?") == out("0\n"))
    #expect(h.run("for x in a 'b c' d; do echo \"<$x>\"; done") == out("<a>\n<b c>\n<d>\n"))
    #expect(h.run("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done") == out("0\n1\n2\n"))
    #expect(h.run("until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i") == out("0\n"))
    #expect(h.run("for x in 1 2 3; do if [ $x = 2 ]; then continue; fi; echo $x; done") == out("1\n3\n"))
    #expect(h.run("for x in 1 2; do for y in a b; do [ $y = b ] && break 2; echo $x$y; done; done") == out("1a\n"))
    #expect(h.run("for x in a b; do echo $x; done | wc -l") == out("2\n"))
    #expect(h.run("sh -c 'for x; do echo $x; done' sh p q") == out("p\nq\n"))
    #expect(h.run("for x in\ndo echo never; done") == out(""))
  }

  @Test func multiLineInputAndRedirections() {
    var h = ShellHarness()
    #expect(Interpreter.inputStatus("for x in a b\ndo") == .needsMore)
    #expect(Interpreter.inputStatus("if true; then echo a") == .needsMore)
    #expect(Interpreter.inputStatus("if true; then echo a; fi") == .complete)
    #expect(h.run("for x in a b\ndo\n  echo $x\ndone") == out("a\nb\n"))
    _ = h.run("cd /tmp; if true\nthen\n  echo t\nfi > o; { echo g1; echo g2; } >> o")
    #expect(h.run("cat o") == out("t\ng1\ng2\n"))
    #expect(h.run("while false; do :; done < nope").stderr == "bash: nope: No such file or directory\n")
  }

  @Test func subshellsKeepTheirChanges() {
    var h = ShellHarness()
    #expect(h.run("cd /; (cd /tmp; pwd; X=1); pwd; echo \"[$X]\"") == out("/tmp\n/\n[]\n"))
    #expect(h.run("(exit 3); echo $?") == out("3\n"))
    #expect(h.run("(false) || echo failed") == out("failed\n"))
    #expect(h.run("sh -c '(echo sub)'") == out("sub\n"))
  }

  @Test func endlessLoopStops() {
    var h = ShellHarness()
    #expect(
      h.run("while true; do :; done; echo after")
        == out("after\n", "docksim: while: loop stopped after 10000 rounds (the simulator's limit)\n"))
  }

  @Test func bashSyntaxErrors() {
    var h = ShellHarness()
    let cases: [(String, String)] = [
      ("fi", "bash: syntax error near unexpected token `fi'\n"),
      ("if true; fi", "bash: syntax error near unexpected token `fi'\n"),
      ("for x in 1 2; echo", "bash: syntax error near unexpected token `echo'\n"),
      ("( )", "bash: syntax error near unexpected token `)'\n"),
      ("echo a)", "bash: syntax error near unexpected token `)'\n"),
      ("if; then fi", "bash: syntax error near unexpected token `;'\n"),
      ("{ echo a; } x", "bash: syntax error near unexpected token `x'\n"),
    ]
    for (input, message) in cases {
      #expect(h.run(input) == out("", message, 2), "\(input)")
    }
    #expect(h.run("bash -c 'if true; then echo x'") == out("", "bash: -c: line 2: syntax error: unexpected end of file\n", 2))
    #expect(
      h.run("bash -c 'echo a\nfi'")
        == out("", "bash: -c: line 2: syntax error near unexpected token `fi'\nbash: -c: line 2: `fi'\n", 2))
    #expect(h.run("for 1 in a; do :; done") == out("", "bash: `1': not a valid identifier\n", 1))
  }

  @Test func dashSyntaxErrors() {
    var h = ShellHarness()
    let cases: [(String, String)] = [
      ("if true; then echo x", "Syntax error: end of file unexpected (expecting \"fi\")"),
      ("fi", "Syntax error: \"fi\" unexpected"),
      ("for x in 1 2; echo", "Syntax error: word unexpected (expecting \"do\")"),
      ("for x in 1 2; do echo $x", "Syntax error: end of file unexpected (expecting \"done\")"),
      ("while", "Syntax error: end of file unexpected (expecting \"do\")"),
      ("if true; fi", "Syntax error: \"fi\" unexpected (expecting \"then\")"),
      ("if true then echo; fi", "Syntax error: \"fi\" unexpected (expecting \"then\")"),
      ("if; then fi", "Syntax error: \";\" unexpected"),
      ("(echo a", "Syntax error: end of file unexpected (expecting \")\")"),
      ("echo a)", "Syntax error: \")\" unexpected"),
      ("{ echo a", "Syntax error: end of file unexpected (expecting \"}\")"),
      ("for 1 in a; do :; done", "Syntax error: Bad for loop variable"),
      ("done", "Syntax error: \"done\" unexpected"),
      ("( )", "Syntax error: \")\" unexpected"),
      ("echo \"a", "Syntax error: Unterminated quoted string"),
      ("echo $(ls", "Syntax error: end of file unexpected (expecting \")\")"),
      ("echo `ls", "Syntax error: EOF in backquote substitution"),
      ("a |", "Syntax error: end of file unexpected"),
      ("| a", "Syntax error: \"|\" unexpected"),
      ("a ;; b", "Syntax error: \";;\" unexpected"),
    ]
    for (script, message) in cases {
      let quoted = "'" + script.replacingOccurrences(of: "'", with: "'\\''") + "'"
      #expect(h.run("sh -c \(quoted)") == out("", "sh: 1: \(message)\n", 2), "\(script)")
    }
    #expect(h.run("sh -c 'echo a\nfi\n'").stderr == "sh: 2: Syntax error: \"fi\" unexpected\n")
  }

  @Test func testBuiltin() {
    var h = ShellHarness()
    _ = h.run("cd /tmp; touch f; mkdir -p d; ln -sf f l")
    let truths: [(String, Int32)] = [
      ("[ -e f ]", 0), ("[ -f d ]", 1), ("[ -d d ]", 0), ("[ -L l ]", 0), ("[ -h f ]", 1), ("[ -s f ]", 1),
      ("[ -n '' ]", 1), ("[ -z '' ]", 0), ("[ abc ]", 0), ("[ '' ]", 1), ("[ ]", 1), ("[ ! -e nope ]", 0),
      ("[ a = a ]", 0), ("[ a != a ]", 1), ("[ 2 -gt 10 ]", 1), ("[ 2 -le 2 ]", 0), ("[ b \\> a ]", 0),
      ("[ -e f -a -d d ]", 0), ("[ -e nope -o -d d ]", 0), ("[ ! -e f -o ! -e d ]", 1),
      ("[ \\( -e f \\) -a \\( -e d \\) ]", 0), ("test 1 -eq 1", 0), ("test", 1), ("[ -r f ]", 0),
    ]
    for (command, status) in truths {
      #expect(h.run(command) == out("", "", status), "\(command)")
    }
    #expect(h.run("[ a -lt 3 ]") == out("", "bash: [: a: integer expression expected\n", 2))
    #expect(h.run("[ 1 = 1") == out("", "bash: [: missing `]'\n", 2))
    #expect(h.run("[ -q x ]") == out("", "bash: [: -q: unary operator expected\n", 2))
    #expect(h.run("sh -c '[ a -lt 3 ]'") == out("", "sh: 1: [: Illegal number: a\n", 2))
    #expect(h.run("sh -c '[ 1 = 1'") == out("", "sh: 1: [: missing ]\n", 2))
    #expect(h.run("break") == out("", "bash: break: only meaningful in a `for', `while', or `until' loop\n", 0))
  }
}
