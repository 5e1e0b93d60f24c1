import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// `type NAME` for a function: bash prints it as its printer re-indents it, dash only
/// says what it is. Expected texts from bash 5.2.15 (`bash -c '...; type f'`).
@Suite struct ShellTypeTests {
  func prepared() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    return h
  }

  @Test func simpleBodies() {
    var h = prepared()
    #expect(h.run(#"f() { echo in; x=1 ls -l "$a" > /dev/null 2>&1; }; type f"#) == out(
      "f is a function\nf () \n{ \n    echo in;\n    x=1 ls -l \"$a\" > /dev/null 2>&1\n}\n"))
    #expect(h.run("h() ( echo sub ); type h") == out("h is a function\nh () \n{ \n    ( echo sub )\n}\n"))
    #expect(h.run("e() { :; }; type e") == out("e is a function\ne () \n{ \n    :\n}\n"))
    #expect(h.run("sh -c 'f() { :; }; type f'") == out("f is a shell function\n"))
  }

  @Test func compoundCommands() {
    var h = prepared()
    let definition = "g() { if true; then echo a; elif false; then :; else echo b; fi; for i in 1 2; do echo $i; done; "
      + "while false; do :; done; case $1 in a|b) echo x;; *) ;; esac; echo a | cat && true || false; (cd /; ls); "
      + "{ echo g; }; ! true; }"
    #expect(h.run(definition + "; type g") == out(
      "g is a function\ng () \n{ \n    if true; then\n        echo a;\n    else\n        if false; then\n            :;\n"
        + "        else\n            echo b;\n        fi;\n    fi;\n    for i in 1 2;\n    do\n        echo $i;\n    done;\n"
        + "    while false; do\n        :;\n    done;\n    case $1 in \n        a | b)\n            echo x\n        ;;\n"
        + "        *)\n\n        ;;\n    esac;\n    echo a | cat && true || false;\n    ( cd /;\n    ls );\n    { \n"
        + "        echo g\n    };\n    ! true\n}\n"))
  }

  @Test func hereDocumentsAndRedirections() {
    var h = prepared()
    let definition = "f2() { cat <<EOF\nx\nEOF\necho y; cat < /etc/hostname >> /tmp/o 2> /dev/null; "
      + "cat <<< \"w\" &> /dev/null; echo a >&2; if a; b; then c; fi; while a && b; do c; done; "
      + "until false; do :; done; for x; do :; done; local v=1; echo \"$(date)\" `pwd`; }"
    #expect(h.run(definition + "\ntype f2") == out(
      "f2 is a function\nf2 () \n{ \n    cat <<EOF\nx\nEOF\n\n    echo y\n"
        + "    cat < /etc/hostname >> /tmp/o 2> /dev/null;\n    cat <<< \"w\" &> /dev/null;\n    echo a 1>&2;\n"
        + "    if a;\n    b; then\n        c;\n    fi;\n    while a && b; do\n        c;\n    done;\n"
        + "    until false; do\n        :;\n    done;\n    for x in \"$@\";\n    do\n        :;\n    done;\n"
        + "    local v=1;\n    echo \"$(date)\" `pwd`\n}\n"))
  }
}
