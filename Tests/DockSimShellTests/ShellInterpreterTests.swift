import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

@Suite struct ShellInterpreterTests {
  @Test func redirectionsWriteTheSimulatedHostFiles() {
    var h = ShellHarness()
    let script = """
      cd /tmp; echo hi > f1; echo there >> f1; cat f1; cat nope 2> err; cat err
      cat f1 nope > both 2>&1; cat both; echo x &> b2; cat b2; cat < f1
      """
    #expect(
      h.run(script)
        == out(
          "hi\nthere\ncat: nope: No such file or directory\nhi\nthere\ncat: nope: No such file or directory\nx\nhi\nthere\n"))
    #expect(h.file("/tmp/f1") == "hi\nthere\n")
  }

  @Test func dockerfileByHereDocumentOnTheHost() {
    var h = ShellHarness()
    #expect(h.run("cd ~ && cat > Dockerfile <<EOF\nFROM ubuntu:18.04\nCMD [\"bash\"]\nEOF") == out(""))
    #expect(h.file("/home/student/Dockerfile") == "FROM ubuntu:18.04\nCMD [\"bash\"]\n")
  }

  @Test func redirectionOrderAndErrors() {
    var h = ShellHarness()
    #expect(h.run("cat nope 2>&1 >/tmp/x") == out("cat: nope: No such file or directory\n", "", 1))
    #expect(h.run("echo hi > /nonexistent/x; echo $?") == out("1\n", "bash: /nonexistent/x: No such file or directory\n"))
    #expect(h.run("echo hi > /etc") == out("", "bash: /etc: Is a directory\n", 1))
    #expect(h.run("cat < /nope") == out("", "bash: /nope: No such file or directory\n", 1))
    #expect(h.run("A='a b'; echo hi > $A") == out("", "bash: $A: ambiguous redirect\n", 1))
    #expect(h.run("echo gone > /dev/null; echo kept 2>/dev/null") == out("kept\n"))
    #expect(h.run("echo to-err 1>&2") == out("", "to-err\n"))
  }

  @Test func pipelines() {
    var h = ShellHarness()
    #expect(h.run("echo a | cat | cat -n") == out("     1\ta\n"))
    #expect(h.run("cat nope | cat; echo $?") == out("0\n", "cat: nope: No such file or directory\n"))
    #expect(h.run("cd /tmp | cat; pwd") == out("/\n"))
    #expect(h.run("exit 3 | cat; echo still $?") == out("still 0\n"))
    #expect(h.run("cat nope |& cat") == out("cat: nope: No such file or directory\n"))
  }

  @Test func commandNotFound() {
    var h = ShellHarness()
    #expect(h.run("foo bar") == out("", "bash: foo: command not found\n", 127))
    #expect(h.run("echo $?") == out("127\n"))
    #expect(h.run("sh -c foo") == out("", "sh: 1: foo: not found\n", 127))
    #expect(h.run("bash -c 'echo a |'") == out("", "bash: -c: line 2: syntax error: unexpected end of file\n", 2))
  }

  @Test func cdAndPwd() {
    var h = ShellHarness()
    #expect(h.run("cd /x") == out("", "bash: cd: /x: No such file or directory\n", 1))
    #expect(h.run("cd /etc/passwd") == out("", "bash: cd: /etc/passwd: Not a directory\n", 1))
    #expect(h.run("cd a b") == out("", "bash: cd: too many arguments\n", 1))
    #expect(h.run("cd /tmp; cd ..; cd ..; pwd; cd /etc; cd -; cd; pwd") == out("/\n/\n/home/student\n"))
  }

  @Test func exportAndUnset() {
    var h = ShellHarness()
    #expect(h.run("export A=1 B; export 1a=2") == out("", "bash: export: `1a=2': not a valid identifier\n", 1))
    // bash 5.2 lists an exported name without a value too.
    #expect(h.run("export") == out("declare -x A=\"1\"\ndeclare -x B\n"))
    #expect(h.run("unset A; echo \"[$A]\"; unset 1a") == out("[]\n", "bash: unset: `1a': not a valid identifier\n", 1))
  }

  @Test func exitOnTheHostEndsTheSession() {
    var h = ShellHarness()
    #expect(h.run("exit 3; echo never") == out("", "exit\n", 3))
    #expect(h.session.finished)
    var g = ShellHarness()
    #expect(g.run("exit 1 2") == out("", "exit\nbash: exit: too many arguments\n", 1))
    #expect(!g.session.finished)
    #expect(g.run("exit abc") == out("", "exit\nbash: exit: abc: numeric argument required\n", 2))
    #expect(g.session.finished)
  }

  @Test func exitInAContainerReturnsToTheHost() {
    var h = ShellHarness()
    h.enterContainer()
    #expect(h.session.prompt == "root@abababababab:/# ")
    #expect(h.run("cd /tmp && echo in > f && cat f") == out("in\n"))
    #expect(h.session.prompt == "root@abababababab:/tmp# ")
    #expect(h.run("exit 4") == out("", "exit\n", 4))
    #expect(h.session.prompt == "$ ")
    #expect(h.run("echo $?") == out("4\n"))
    #expect(!h.session.finished)
  }

  @Test func oneShotRunsInAContainer() {
    var h = ShellHarness()
    let id = String(repeating: "cd", count: 32)
    h.addContainer(id)
    var console = Console()
    let status = h.session.runInContainer(id, arguments: ["cat", "/etc/hostname", "/x"], console: &console)
    #expect(status == 1)
    #expect(console.stdoutText == "localhost\n")
    #expect(console.stderrText == "cat: /x: No such file or directory\n")
    var second = Console()
    #expect(h.session.runInContainer(id, command: "cd /tmp; echo $0 > f; exit 7", console: &second) == 7)
    #expect(h.session.shells.count == 1)
    #expect(h.session.containerCanRun(id, program: "cat"))
    #expect(!h.session.containerCanRun(id, program: "docker"))
    var third = Console()
    #expect(h.session.runInContainer(id, arguments: ["nope"], console: &third) == 127)
    #expect(third.stderrText == "bash: nope: command not found\n")
  }
}
