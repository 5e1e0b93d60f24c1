import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker

/// The shell `docker run -it IMAGE PROGRAM` and `docker exec -it C PROGRAM` put the user in
/// is the program's real shell: bash, dash (`sh` in Debian and Ubuntu) or busybox ash (`sh`
/// in alpine and busybox), with its prompt, its messages and its silent or spoken `exit`.
/// The expected texts are what dash 0.5.12, busybox 1.35 and bash 5.2 print interactively
/// (run under `script`, as root, HOME=/root).
@Suite struct InteractiveShellKindTests {
  /// Each input after the prompt the session shows, then its output and its errors.
  private func transcript(_ h: inout SessionHarness, _ inputs: [String]) -> String {
    inputs.map { input in
      let prompt = h.session.prompt
      let outcome = h.run(input)
      return prompt + input + "\n" + outcome.stdout + outcome.stderr
    }.joined()
  }

  @Test func alpineShIsBusyboxAsh() {
    var h = SessionHarness()
    h.run("docker pull alpine")
    let text = transcript(
      &h, ["docker run -it alpine sh", "foo", "echo $?", "cd /nope", "echo $?", "cd /tmp", "cd", "exit 3", "echo $?"])
    #expect(
      text == """
        $ docker run -it alpine sh
        / # foo
        sh: foo: not found
        / # echo $?
        127
        / # cd /nope
        sh: cd: can't cd to /nope: No such file or directory
        / # echo $?
        2
        / # cd /tmp
        /tmp # cd
        ~ # exit 3
        $ echo $?
        3

        """)
  }

  /// Without a program the image's CMD runs (`/bin/sh`), and ash names itself by it.
  @Test func alpineDefaultCommandIsAshNamedByItsPath() {
    var h = SessionHarness()
    h.run("docker pull alpine")
    let text = transcript(&h, ["docker run -it alpine", "foo", "exit"])
    #expect(text == "$ docker run -it alpine\n/ # foo\n/bin/sh: foo: not found\n/ # exit\n")
  }

  /// dash numbers its messages by the lines the session has read, blank lines included.
  @Test func ubuntuShIsDash() {
    var h = SessionHarness()
    h.run("docker pull ubuntu")
    var text = transcript(&h, ["docker run -it ubuntu sh", "foo", "echo $?", "cd /nope", "echo $?"])
    h.session.skipLine()
    text += transcript(&h, ["foo", "cd /tmp", "pwd", "exit"])
    #expect(
      text == """
        $ docker run -it ubuntu sh
        # foo
        sh: 1: foo: not found
        # echo $?
        127
        # cd /nope
        sh: 3: cd: can't cd to /nope
        # echo $?
        2
        # foo
        sh: 6: foo: not found
        # cd /tmp
        # pwd
        /tmp
        # exit

        """)
    #expect(h.session.prompt == "$ ")
  }

  @Test func ubuntuWithoutAProgramStaysBash() throws {
    var h = SessionHarness()
    h.run("docker run -it ubuntu")
    let id = try #require(h.session.engine.containers.all.first).shortID
    let text = transcript(&h, ["foo", "cd /nope", "exit"])
    #expect(
      text == """
        root@\(id):/# foo
        bash: foo: command not found
        root@\(id):/# cd /nope
        bash: cd: /nope: No such file or directory
        root@\(id):/# exit
        exit

        """)
  }

  /// `docker exec -it C sh` in an ubuntu container is dash; `exec -it C bash` stays bash.
  @Test func execFollowsTheProgram() {
    var h = SessionHarness()
    h.run("docker run -d --name web ubuntu sleep 1000")
    h.run("docker exec -it web sh")
    #expect(h.session.prompt == "# ")
    #expect(h.run("exit").stderr == "")
    h.run("docker exec -it web bash")
    #expect(h.session.prompt.hasPrefix("root@"))
    #expect(h.run("exit").stderr == "exit\n")
  }

  /// `sh` typed in ubuntu's bash starts dash inside it; its `exit` returns to bash silently,
  /// with its status; `bash` typed in dash speaks bash again.
  @Test func shellsTypedInsideAContainerNest() throws {
    var h = SessionHarness()
    h.run("docker run -it --name box ubuntu bash")
    let id = try #require(h.session.engine.containers.all.first).shortID
    let text = transcript(&h, ["cd /tmp", "sh", "foo", "bash", "foo", "exit", "exit 4", "echo $?", "pwd"])
    #expect(
      text == """
        root@\(id):/# cd /tmp
        root@\(id):/tmp# sh
        # foo
        sh: 1: foo: not found
        # bash
        root@\(id):/tmp# foo
        bash: foo: command not found
        root@\(id):/tmp# exit
        exit
        # exit 4
        root@\(id):/tmp# echo $?
        4
        root@\(id):/tmp# pwd
        /tmp

        """)
    // Back in the container's own bash: its exit stops the container.
    #expect(h.session.shells.count == 2)
    h.run("exit")
    #expect(h.run("docker ps -q") == out(""))
  }

  /// `sh` in alpine's ash nests ash: `exit` leaves only the inner one.
  @Test func alpineShNestsAsh() {
    var h = SessionHarness()
    h.run("docker pull alpine")
    let text = transcript(&h, ["docker run -it alpine", "cd /etc", "sh", "foo", "exit", "exit"])
    #expect(text == "$ docker run -it alpine\n/ # cd /etc\n/etc # sh\n/etc # foo\nsh: foo: not found\n/etc # exit\n/etc # exit\n")
    #expect(h.session.shells.count == 1)
  }

  /// dash and ash: a bad number is an error the user's shell survives (status 2); extra
  /// operands are ignored; `sh -c` exits on the error.
  @Test func exitOperandsInDashAndAsh() {
    var h = SessionHarness()
    h.run("docker pull alpine")
    h.run("docker pull ubuntu")
    let text = transcript(
      &h,
      [
        "docker run -it ubuntu sh", "exit abc", "echo $?", "sh -c 'exit abc; echo never'", "exit 300 1",
        "echo $?", "docker run -it alpine sh", "exit -1", "sh -c 'exit x'", "exit 1 2", "echo $?",
      ])
    #expect(
      text == """
        $ docker run -it ubuntu sh
        # exit abc
        sh: 1: exit: Illegal number: abc
        # echo $?
        2
        # sh -c 'exit abc; echo never'
        sh: 1: exit: Illegal number: abc
        # exit 300 1
        $ echo $?
        44
        $ docker run -it alpine sh
        / # exit -1
        sh: exit: Illegal number: -1
        / # sh -c 'exit x'
        sh: exit: line 0: Illegal number: x
        / # exit 1 2
        $ echo $?
        1

        """)
  }
  /// alpine has busybox's `sh` and no bash: the runtime cannot start `bash`, as
  /// runc says it, and `docker exec` fails with 126; ubuntu's bash still runs.
  @Test(arguments: [DockerVersion.v20_10, .v28])
  func bashIsOnlyWhereTheImageHasIt(version: DockerVersion) {
    var h = SessionHarness(version)
    h.run("docker pull alpine; docker pull ubuntu")
    let run = h.run("docker run --rm alpine bash -c 'echo hi'")
    #expect(run.stdout == "")
    #expect(run.stderr.contains("exec: \"bash\": executable file not found in $PATH: unknown"))
    #expect(run.status == 127)
    #expect(h.run("docker run -it alpine bash").status == 127)
    #expect(h.session.shells.count == 1)
    h.run("docker run -d --name box alpine sleep 100")
    let exec = h.run("docker exec box bash")
    #expect(exec.status == 126)
    #expect(exec.stderr.contains("exec: \"bash\": executable file not found in $PATH"))
    #expect(h.run("docker exec box sh -c 'echo ash'").stdout == "ash\n")
    #expect(h.run("docker run --rm ubuntu bash -c 'echo bash'").stdout == "bash\n")
    h.run("docker run -it alpine sh")
    let typed = h.run("bash")
    #expect(typed.stderr == "sh: bash: not found\n")
    #expect(typed.status == 127)
    #expect(h.session.prompt == "/ # ")
  }
}
