import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// `set -e`, `-x`, `-u`, `-o pipefail`, `set -o`, and `read -p`. Expected texts come from
/// bash 5.2.15 and dash 0.5.12 run with the same scripts.
@Suite struct ShellOptionTests {
  func prepared() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    return h
  }

  @Test func errexitStopsAtAFailureOutsideConditions() {
    var h = prepared()
    #expect(h.run("bash -c 'set -e; false; echo after'") == out("", "", 1))
    let script = "set -e; false && true; ! true; if false; then :; fi; f() { false; echo inf; }; f || echo or; (false); echo after"
    #expect(h.run("sh -c '\(script)'") == out("inf\n", "", 1))
    #expect(h.run("bash -c '\(script)'") == out("inf\n", "", 1))
    #expect(h.run("bash -c 'set -e; for i in 1 2; do false; done; echo after'") == out("", "", 1))
    #expect(h.run("bash -c 'set -e; x=$(false); echo after'") == out("", "", 1))
    #expect(h.run("bash -c 'set -e; while false; do :; done; until true; do :; done; echo after'") == out("after\n"))
  }

  @Test func pipefailTakesTheLastFailure() {
    var h = prepared()
    #expect(h.run("bash -c 'set -e; false | true; echo a; set -o pipefail; false | true; echo b'") == out("a\n", "", 1))
    #expect(h.run("bash -c 'set -o pipefail; yes | head -1; echo $?; set +o pipefail; yes | head -1; echo $?'") == out(
      "y\n141\ny\n0\n"))
    #expect(h.run("sh -c 'set -o pipefail; echo $?'") == out("", "sh: 1: set: Illegal option -o pipefail\n", 2))
  }

  @Test func xtraceInBash() {
    var h = prepared()
    _ = h.run(#"printf '%s\n' 'set -x; X=1 Y="a b" env >/dev/null; x="it'\''s"' > /t"#)
    _ = h.run(##"printf '%s\n' 'echo "$x" "" "a*" "~" "a~" "#x" "x#" "\$" >/dev/null; for i in 1 "a b"; do :; done' >> /t"##)
    _ = h.run(#"printf '%s\n' 'case a in a) echo c;; esac >/dev/null; echo hi | cat > /dev/null' >> /t"#)
    _ = h.run(#"printf '%s\n' 'y=$(echo s; echo $(echo t)); set +x; echo done' >> /t"#)
    #expect(h.run("bash /t") == out(
      "done\n",
      "+ X=1\n+ Y='a b'\n+ env\n+ x='it'\\''s'\n+ echo 'it'\\''s' '' 'a*' '~' a~ '#x' x# '$'\n"
        + "+ for i in 1 \"a b\"\n+ :\n+ for i in 1 \"a b\"\n+ :\n+ case a in\n+ echo c\n+ echo hi\n+ cat\n"
        + "++ echo s\n+++ echo t\n++ echo t\n+ y='s\nt'\n+ set +x\n"))
    #expect(h.run(#"bash -c 'PS4="[$0] "; set -x; echo $(echo a)'"#) == out("a\n", "[[bash] echo a\n[bash] echo a\n"))
    #expect(h.run(#"bash -c 'set -x a "b c"; echo $2 $#'"#) == out("b c 2\n", "+ echo b c 2\n"))
  }

  @Test func xtraceInDash() {
    var h = prepared()
    _ = h.run(#"printf '%s\n' 'set -x; X=1 Y="a b" env >/dev/null; x="it'\''s"; echo "$x" "" "a*" "~" >/dev/null' > /t"#)
    _ = h.run(#"printf '%s\n' 'for i in 1 "a b"; do :; done; case a in a) echo c;; esac >/dev/null' >> /t"#)
    _ = h.run(#"printf '%s\n' 'y=$(echo s); set +x; echo done' >> /t"#)
    #expect(h.run("sh /t") == out(
      "done\n", "+ X=1 Y=a b env\n+ x=it's\n+ echo it's  a* ~\n+ :\n+ :\n+ echo c\n+ echo s\n+ y=s\n+ set +x\n"))
  }

  @Test func nounset() {
    var h = prepared()
    #expect(h.run(#"sh -c 'set -u; echo "a${x}b"; echo after'"#) == out("", "sh: 1: x: parameter not set\n", 2))
    #expect(h.run(#"bash -c 'set -u; echo ${x:-d} $# $@; echo after'"#) == out("d 0\nafter\n"))
    // An interactive bash abandons the line with status 1.
    #expect(h.run(#"set -u; echo "a${x}b"; echo after"#) == out("", "bash: x: unbound variable\n", 1))
    #expect(h.run("echo $?; set +u; echo \"[$x]\"") == out("1\n[]\n"))
  }

  @Test func listingOptions() {
    var h = prepared()
    #expect(h.run("bash -c 'set -o'") == out(
      "allexport      \toff\nbraceexpand    \ton\nemacs          \toff\nerrexit        \toff\nerrtrace       \toff\n"
        + "functrace      \toff\nhashall        \ton\nhistexpand     \toff\nhistory        \toff\nignoreeof      \toff\n"
        + "interactive-comments\ton\nkeyword        \toff\nmonitor        \toff\nnoclobber      \toff\n"
        + "noexec         \toff\nnoglob         \toff\nnolog          \toff\nnotify         \toff\nnounset        \toff\n"
        + "onecmd         \toff\nphysical       \toff\npipefail       \toff\nposix          \toff\n"
        + "privileged     \toff\nverbose        \toff\nvi             \toff\nxtrace         \toff\n"))
    #expect(h.run("sh -c 'set -o'") == out(
      "Current option settings\nerrexit         off\nnoglob          off\nignoreeof       off\ninteractive     off\n"
        + "monitor         off\nnoexec          off\nstdin           off\nxtrace          off\nverbose         off\n"
        + "vi              off\nemacs           off\nnoclobber       off\nallexport       off\nnotify          off\n"
        + "nounset         off\nprivileged      off\nnolog           off\ndebug           off\n"))
    #expect(h.run("bash -c 'set -eu; set +o | head -5'") == out(
      "set +o allexport\nset -o braceexpand\nset +o emacs\nset -o errexit\nset +o errtrace\n"))
  }

  @Test func badOptions() {
    var h = prepared()
    #expect(h.run("sh -c 'set -q; echo $?'") == out("", "sh: 1: set: Illegal option -q\n", 2))
    #expect(h.run("sh -c 'set -o nosuch; echo $?'") == out("", "sh: 1: set: Illegal option -o nosuch\n", 2))
    #expect(h.run("set -q; echo $?") == out(
      "2\n",
      "bash: set: -q: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n"))
    #expect(h.run("set -o nosuch; echo $?") == out("2\n", "bash: set: nosuch: invalid option name\n"))
  }

  /// The prompt shows only when standard input is the terminal (bash and dash alike).
  @Test func readPrompt() {
    var h = prepared()
    #expect(h.run("echo x | read -p 'P: ' a; echo st=$?") == out("st=0\n"))
    #expect(h.run("sh -c \"echo x | { read -p 'P: ' a; echo \\$a; }\"") == out("x\n"))
    #expect(h.run("read -p 'Name: ' name; echo \"[$name] $?\"") == out("[] 1\n", "Name: "))
  }
}
