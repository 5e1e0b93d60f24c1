import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// `case`, shell functions (`return`, `local`, `shift`, `set --`) and `read`. Expected texts
/// are bash 5.2.15's (the prompt; `bash -c`) and dash 0.5.12's (`sh -c`), recorded by running
/// the same input through the real shells.
@Suite struct ShellCaseFunctionReadTests {
  // MARK: case

  @Test func casePatternsAndFallthrough() {
    var h = ShellHarness()
    #expect(h.run("case x in a) echo A;; *) echo D;; esac") == out("D\n"))
    #expect(h.run("case x in (a|x) echo P; esac; echo $?") == out("P\n0\n"))
    #expect(h.run("case a.txt in *.txt) echo t;; esac") == out("t\n"))
    #expect(h.run("case x in [!a]) echo neg;; esac") == out("neg\n"))
    #expect(h.run("case .hidden in *) echo star;; esac; case a/b in a*b) echo slash;; esac") == out("star\nslash\n"))
    #expect(h.run("case x in x) echo 1;& y) echo 2;; z) echo 3;; esac") == out("1\n2\n"))
    #expect(h.run("case x in x) echo 1;;& x) echo 2;; esac") == out("1\n2\n"))
    #expect(h.run("false; case x in x) ;; esac; echo $?") == out("0\n"))
    #expect(h.run("case x in a) ;; esac; echo $?") == out("0\n"))
    #expect(h.run("case x in x) false;; esac; echo $?") == out("1\n"))
    #expect(h.run("case x in esac; echo ok") == out("ok\n"))
    #expect(h.run("case x in\na)\n echo A\n ;;\nx | y )  echo X ;;\nesac") == out("X\n"))
    #expect(h.run("for i in 1; do case $i in 1) break;; esac; echo no; done; echo done") == out("done\n"))
    #expect(h.run("case $(echo hi) in h*) echo ok;; esac") == out("ok\n"))
    #expect(h.run("x=1; case $x in 1) echo one;; esac | cat") == out("one\n"))
  }

  @Test func casePatternQuoting() {
    var h = ShellHarness()
    // An unquoted expansion is a pattern; a quoted one matches itself.
    #expect(
      h.run("v=\"*\"; case abc in $v) echo glob;; esac; case abc in \"$v\") echo q;; *) echo noq;; esac")
        == out("glob\nnoq\n"))
    #expect(h.run("case \"a b\" in a\\ b) echo sp;; esac") == out("sp\n"))
    #expect(h.run("case \"[x]\" in \"[x]\") echo lit;; esac; case ab in a?) echo q;; esac") == out("lit\nq\n"))
  }

  @Test func caseSyntaxErrors() {
    var h = ShellHarness()
    #expect(h.run("case x in ) echo;; esac") == out("", "bash: syntax error near unexpected token `)'\n", 2))
    #expect(
      h.run("bash -c 'case x a) ;; esac'")
        == out(
          "", "bash: -c: line 1: syntax error near unexpected token `a'\nbash: -c: line 1: `case x a) ;; esac'\n", 2))
    #expect(h.run("bash -c 'case x in a) echo A;;'") == out("", "bash: -c: line 2: syntax error: unexpected end of file\n", 2))
    #expect(
      h.run("bash -c 'case'")
        == out("", "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `case'\n", 2))
    #expect(
      h.run("bash -c 'case x in x) if true; then echo;; fi; esac'")
        == out(
          "",
          "bash: -c: line 1: syntax error near unexpected token `;;'\n"
            + "bash: -c: line 1: `case x in x) if true; then echo;; fi; esac'\n", 2))
    #expect(h.run("sh -c 'case x in a) echo A;;'") == out("", "sh: 1: Syntax error: end of file unexpected (expecting \")\")\n", 2))
    #expect(h.run("sh -c 'case x'") == out("", "sh: 1: Syntax error: end of file unexpected (expecting \"in\")\n", 2))
    #expect(h.run("sh -c 'case'") == out("", "sh: 1: Syntax error: end of file unexpected (expecting word)\n", 2))
    #expect(h.run("sh -c 'case x a) ;; esac'") == out("", "sh: 1: Syntax error: word unexpected (expecting \"in\")\n", 2))
    #expect(h.run("sh -c 'case x in ;; esac'") == out("", "sh: 1: Syntax error: word unexpected (expecting \")\")\n", 2))
    #expect(h.run("sh -c 'case x in x) echo 1;& y) echo 2;; esac'") == out("", "sh: 1: Syntax error: \"&\" unexpected\n", 2))
    #expect(h.run("sh -c 'case x in x) echo a;; esac b'") == out("", "sh: 1: Syntax error: word unexpected\n", 2))
    #expect(
      h.run("sh -c 'case x in x) echo a\ny) echo b;; esac'")
        == out("", "sh: 2: Syntax error: \")\" unexpected (expecting \";;\")\n", 2))
    #expect(
      h.run("sh -c 'if true; then echo;; fi'") == out("", "sh: 1: Syntax error: \";;\" unexpected (expecting \"fi\")\n", 2))
    #expect(h.run("esac") == out("", "bash: syntax error near unexpected token `esac'\n", 2))
    #expect(Interpreter.inputStatus("case x in") == .needsMore)
    #expect(Interpreter.inputStatus("case x in x) echo;;") == .needsMore)
    #expect(Interpreter.inputStatus("case x in x) echo;; esac") == .complete)
  }

  // MARK: Functions

  @Test func functionsTakeParametersAndReturn() {
    var h = ShellHarness()
    #expect(h.run("f() { echo \"in f: $1 $# [$*] [$@]\"; }; f a b c; echo $?") == out("in f: a 3 [a b c] [a b c]\n0\n"))
    #expect(h.run("f() { return 3; echo no; }; f; echo $?") == out("3\n"))
    #expect(h.run("f() { return 300; }; f; echo $?") == out("44\n"))
    #expect(h.run("f() { return -1; }; f; echo $?") == out("255\n"))
    #expect(h.run("f() { return; }; false; f; echo $?") == out("1\n"))
    #expect(h.run("function g { echo G; }; g; function g2() { echo G2; }; g2") == out("G\nG2\n"))
    #expect(h.run("f() ( echo sub; exit 4 ); f; echo $?") == out("sub\n4\n"))
    #expect(h.run("f() { echo \"[$1]\"; }; f \"a b\" c") == out("[a b]\n"))
    #expect(h.run("f() { echo $#; }; f; f \"\"; f a \"\" b") == out("0\n1\n3\n"))
    #expect(h.run("f() { shift; echo $1; }; f a b") == out("b\n"))
    #expect(h.run("f() { set -- q; echo $1; }; f a; echo \"[$1]\"") == out("q\n[]\n"))
    #expect(
      h.run("f() { for i in 1 2 3; do if [ $i = 2 ]; then return 7; fi; echo $i; done; echo no; }; f; echo $?")
        == out("1\n7\n"))
    #expect(h.run("f() { while true; do return 5; done; }; f; echo $?") == out("5\n"))
    #expect(h.run("f() { case $1 in a) return 1;; *) return 2;; esac; }; f a; echo $?; f b; echo $?") == out("1\n2\n"))
    #expect(h.run("f() { echo out; } > /dev/null; f; echo $?") == out("0\n"))
    #expect(h.run("f() { echo in; }; f | cat; echo x | f") == out("in\nin\n"))
    #expect(h.run("f() { echo f1; }; f() { echo f2; }; f") == out("f2\n"))
    #expect(h.run("1f() { echo one; }; 1f; f-g() { echo dash; }; f-g") == out("one\ndash\n"))
    // Defined at the prompt, a function stays for later inputs.
    _ = h.run("greet() { echo \"hello $1\"; }")
    #expect(h.run("greet world") == out("hello world\n"))
    // A new shell process does not inherit it.
    #expect(h.run("sh -c greet") == out("", "sh: 1: greet: not found\n", 127))
    #expect(
      h.run("fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 5")
        == out("120\n"))
  }

  @Test func localVariables() {
    var h = ShellHarness()
    #expect(h.run("f() { local x=1; echo $x; }; x=0; f; echo $x") == out("1\n0\n"))
    #expect(h.run("x=0; f() { local x; echo \"[$x]\"; x=2; }; f; echo $x") == out("[]\n0\n"))
    #expect(h.run("sh -c 'x=0; f() { local x; echo \"[$x]\"; x=2; }; f; echo $x'") == out("[0]\n0\n"))
    #expect(h.run("unset x; f() { local x=1 y; y=2; g; }; g() { echo \"$x $y\"; }; f; echo \"[$x$y]\"") == out("1 2\n[]\n"))
    #expect(h.run("local x") == out("", "bash: local: can only be used in a function\n", 1))
    #expect(h.run("sh -c 'local x'") == out("", "sh: 1: local: not in a function\n", 2))
  }

  @Test func functionErrors() {
    var h = ShellHarness()
    #expect(h.run("return; echo $?") == out("2\n", "bash: return: can only `return' from a function or sourced script\n"))
    #expect(h.run("f() { return x; }; f; echo $?") == out("2\n", "bash: return: x: numeric argument required\n"))
    #expect(h.run("sh -c 'return 3; echo x'") == out("", "", 3))
    #expect(h.run("sh -c 'f() { return -1; }; f; echo $?'") == out("", "sh: 1: return: Illegal number: -1\n", 2))
    #expect(h.run("sh -c 'f() { return 300; }; f; echo $?'") == out("300\n"))
    #expect(h.run("sh -c 'f() { shift; }; f; echo $?'") == out("", "sh: 1: shift: can't shift that many\n", 2))
    #expect(
      h.run("f() { break; }; for i in 1 2; do f; echo $i; done")
        == out(
          "1\n2\n",
          "bash: break: only meaningful in a `for', `while', or `until' loop\n"
            + "bash: break: only meaningful in a `for', `while', or `until' loop\n"))
    #expect(
      h.run("bash -c 'f() echo hi'")
        == out("", "bash: -c: line 1: syntax error near unexpected token `echo'\nbash: -c: line 1: `f() echo hi'\n", 2))
    #expect(h.run("sh -c 'f() echo hi; f'") == out("hi\n"))
    #expect(h.run("sh -c 'f(x) { :; }'") == out("", "sh: 1: Syntax error: word unexpected (expecting \")\")\n", 2))
    #expect(h.run("sh -c 'f-g() { :; }'") == out("", "sh: 1: Syntax error: Bad function name\n", 2))
    #expect(h.run("sh -c 'function g { echo G; }'") == out("", "sh: 1: Syntax error: \"}\" unexpected\n", 2))
    #expect(h.run("sh -c 'function g() { echo G; }'") == out("", "sh: 1: Syntax error: \"(\" unexpected\n", 2))
    #expect(h.run("sh -c 'f() {'") == out("", "sh: 1: Syntax error: end of file unexpected (expecting \"}\")\n", 2))
    #expect(h.run("sh -c 'f() { :; }; type f'") == out("f is a shell function\n"))
  }

  /// Runaway recursion ends with the shell's message, not a crashed stack: bash's
  /// FUNCNEST message (bash itself has no default limit) and dash's fixed 1000.
  @Test func recursionIsBounded() {
    var h = ShellHarness()
    #expect(h.run("f() { f; }; f; echo after") == out("", "bash: f: maximum function nesting level exceeded (1000)\n", 1))
    #expect(h.run("echo $?") == out("1\n"))
    #expect(
      h.run("FUNCNEST=3; f() { echo $1; f $(($1+1)); echo back$1 $?; }; f 1; echo rc=$?")
        == out("1\n2\n3\n", "bash: f: maximum function nesting level exceeded (3)\n", 1))
    #expect(h.run("unset FUNCNEST; (g() { g; }; g); echo sub=$?").stdout == "sub=1\n")
    #expect(
      h.run("sh -c 'f() { f; }; f; echo after'") == out("", "sh: 1: Maximum function recursion depth (1000) reached\n", 2))
    #expect(h.run("f() { echo $(f); }; f; echo st=$?").stdout.hasSuffix("st=0\n"))
  }

  /// A script that runs itself nests shell processes until the machine cannot fork
  /// another: one fork failure from the innermost shell, which the others pass up,
  /// and the session goes on (it used to overflow the simulator's stack).
  @Test func selfRunningScriptEndsAtTheProcessLimit() {
    var h = ShellHarness()
    h.run("echo 'sh /tmp/s.sh' > /tmp/s.sh")
    let dash = h.run("sh /tmp/s.sh")
    #expect(dash.stderr.hasSuffix("Cannot fork\n") && dash.stderr.split(separator: "\n").count == 1)
    #expect(dash.status == 2)
    h.run("echo 'bash /tmp/b.sh' > /tmp/b.sh")
    // bash names a system call's failure after the script, without a line.
    #expect(h.run("bash /tmp/b.sh") == out("", "/tmp/b.sh: fork: Resource temporarily unavailable\n", 254))
    #expect(h.run("echo still here") == out("still here\n"))
  }

  // MARK: read

  private static let lines = "l1 a\nl2  b  c \n  l3\\\nx\nlast"

  private func harnessWithFile() -> ShellHarness {
    var h = ShellHarness()
    _ = h.run("cd /tmp; printf 'l1 a\\nl2  b  c \\n  l3\\\\\\nx\\nlast' > rf")
    #expect(h.file("/tmp/rf") == Self.lines)
    return h
  }

  @Test func readLinesFromRedirectsAndPipes() {
    var h = harnessWithFile()
    #expect(
      h.run("while read a b; do echo \"[$a][$b]\"; done < rf; echo \"[$a][$b] $?\"")
        == out("[l1][a]\n[l2][b  c]\n[l3x][]\n[last][] 0\n"))
    #expect(h.run("while read -r line; do echo \"<$line>\"; done < rf") == out("<l1 a>\n<l2  b  c>\n<l3\\>\n<x>\n"))
    #expect(h.run("while IFS= read -r l; do echo \"[$l]\"; done < rf") == out("[l1 a]\n[l2  b  c ]\n[  l3\\]\n[x]\n"))
    #expect(h.run("{ read a; read b; cat; } < rf") == out("  l3\\\nx\nlast"))
    #expect(h.run("cat rf | while read -r a rest; do echo \"$a|$rest\"; done") == out("l1|a\nl2|b  c\nl3\\|\nx|\n"))
    #expect(h.run("n=0; while read l; do n=$((n+1)); done < rf; echo $n") == out("3\n"))
    #expect(h.run("printf \"one\\ntwo\\n\" | while read l; do echo \"got $l\"; done") == out("got one\ngot two\n"))
    #expect(h.run("echo hi | read x; echo \"[$x]\"") == out("[]\n"))
    #expect(h.run("read a < /dev/null; echo \"$? [$a]\"") == out("1 []\n"))
    #expect(h.run("printf \"abc\" | { read x; echo \"$? [$x]\"; }") == out("1 [abc]\n"))
    #expect(h.run("read a b << E\nx\\\\\nE\necho \"[$a][$b] $?\"") == out("[x][] 1\n"))
  }

  @Test func readSplitsWithIFS() {
    var h = ShellHarness()
    #expect(h.run("read a b c <<< \"  1  2  3  4  \"; echo \"[$a][$b][$c]\"") == out("[1][2][3  4]\n"))
    #expect(h.run("read <<< \"  x y  \"; echo \"[$REPLY]\"") == out("[  x y  ]\n"))
    #expect(h.run("IFS=: read a b c <<< \"x::y:z:\"; echo \"[$a][$b][$c]\"") == out("[x][][y:z:]\n"))
    #expect(h.run("IFS=: read a b <<< \"x:y:\"; echo \"[$a][$b]\"") == out("[x][y]\n"))
    #expect(h.run("read a b <<< \"x\\\\ y z\"; echo \"[$a][$b]\"") == out("[x y][z]\n"))
    #expect(h.run("read -r a b c <<< \"one\"; echo \"[$a][$b][$c]\"") == out("[one][][]\n"))
    #expect(h.run("read -p \"P> \" x <<< v; echo \"[$x]\"") == out("[v]\n"))
  }

  @Test func readErrors() {
    var h = ShellHarness()
    let usage =
      "read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n"
    #expect(h.run("read 1a <<< x; echo $?") == out("1\n", "bash: read: `1a': not a valid identifier\n"))
    #expect(h.run("read -x a <<< q; echo $?") == out("2\n", "bash: read: -x: invalid option\n" + usage))
    #expect(h.run("read -p; echo $?") == out("2\n", "bash: read: -p: option requires an argument\n" + usage))
    #expect(h.run("sh -c 'read -r'") == out("", "sh: 1: read: arg count\n", 2))
    #expect(h.run("sh -c 'read -p; echo $?'") == out("2\n", "sh: 1: read: No arg for -p option\n"))
    #expect(h.run("sh -c 'read 1a < /dev/null; echo $?'") == out("2\n", "sh: 1: read: 1a: bad variable name\n"))
    #expect(h.run("sh -c 'read -x a < /dev/null; echo $?'") == out("2\n", "sh: 1: read: Illegal option -x\n"))
    #expect(h.run("sh -c 'read a <<< x'") == out("", "sh: 1: Syntax error: redirection unexpected\n", 2))
  }
}
