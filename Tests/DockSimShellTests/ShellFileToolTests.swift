import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// Expected texts come from GNU coreutils 9.1 in the C locale.
@Suite struct ShellFileToolTests {
  func container() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run("mkdir /w && cd /w")
    return h
  }

  @Test func makeListMoveCopyRemove() {
    var h = container()
    let script = """
      mkdir -p a/b/c; mkdir -v x; touch f; ln -s f l; ln f h; ls; ls -1 a; mv x y; cp f g; cp -r a a2; ls -R a2
      rm -r a2 y; rm l h; ls; chmod 700 f; chmod g+r,o=x f; ls -l f | cut -c1-10
      """
    #expect(h.run(script).stderr == "")
    var g = container()
    #expect(
      g.run("mkdir -p a/b/c; mkdir -v x; touch f; ln -s f l; ln f h; ls; ls -1 a; mv x y; cp f g; cp -r a a2; ls -R a2")
        == out("mkdir: created directory 'x'\na\nf\nh\nl\nx\nb\na2:\nb\n\na2/b:\nc\n\na2/b/c:\n"))
    #expect(g.run("rm -r a2 y; rm l h; ls; rmdir a; rm -v g; ls") == out(
      "a\nf\ng\nremoved 'g'\na\nf\n", "rmdir: failed to remove 'a': Directory not empty\n"))
  }

  @Test func chmodModes() {
    var h = container()
    _ = h.run("touch f")
    func mode() -> String { String(h.run("ls -l f").stdout.prefix(10)) }
    _ = h.run("chmod 700 f; chmod g+r,o=x f")
    #expect(mode() == "-rwxr----x")
    _ = h.run("chmod u-w f; chmod +x f")
    #expect(mode() == "-r-xr-x--x")
    _ = h.run("chmod a=r f")
    #expect(mode() == "-r--r--r--")
    _ = h.run("chmod 4755 f")
    #expect(mode() == "-rwsr-xr-x")
    #expect(h.run("chmod 999 f") == out("", "chmod: invalid mode: '999'\nTry 'chmod --help' for more information.\n", 1))
    #expect(h.run("chmod u+q f").stderr == "chmod: invalid mode: 'u+q'\nTry 'chmod --help' for more information.\n")
    #expect(h.run("chmod 644 nope") == out("", "chmod: cannot access 'nope': No such file or directory\n", 1))
    #expect(h.run("chmod") == out("", "chmod: missing operand\nTry 'chmod --help' for more information.\n", 1))
    #expect(h.run("chmod 644").stderr == "chmod: missing operand after '644'\nTry 'chmod --help' for more information.\n")
  }

  @Test func errorMessages() {
    var h = container()
    _ = h.run("mkdir d; touch f")
    let cases: [(String, String)] = [
      ("rm nope", "rm: cannot remove 'nope': No such file or directory\n"),
      ("rm d", "rm: cannot remove 'd': Is a directory\n"),
      ("rm -f nope", ""),
      ("rm -r .", "rm: refusing to remove '.' or '..' directory: skipping '.'\n"),
      ("rm -rf /", "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"),
      ("rmdir nope", "rmdir: failed to remove 'nope': No such file or directory\n"),
      ("rmdir f", "rmdir: failed to remove 'f': Not a directory\n"),
      ("rmdir /", "rmdir: failed to remove '/': Device or resource busy\n"),
      ("mkdir d", "mkdir: cannot create directory 'd': File exists\n"),
      ("mkdir a/b", "mkdir: cannot create directory 'a/b': No such file or directory\n"),
      ("mkdir -p f/x", "mkdir: cannot create directory 'f': Not a directory\n"),
      ("touch nope/x", "touch: cannot touch 'nope/x': No such file or directory\n"),
      ("cp nope x", "cp: cannot stat 'nope': No such file or directory\n"),
      ("cp d x", "cp: -r not specified; omitting directory 'd'\n"),
      ("cp f nope/x", "cp: cannot create regular file 'nope/x': No such file or directory\n"),
      ("cp f f", "cp: 'f' and 'f' are the same file\n"),
      ("cp -r d d/x", "cp: cannot copy a directory, 'd', into itself, 'd/x'\n"),
      ("mv nope x", "mv: cannot stat 'nope': No such file or directory\n"),
      ("mv f f", "mv: 'f' and 'f' are the same file\n"),
      ("mv d d/x", "mv: cannot move 'd' to a subdirectory of itself, 'd/x'\n"),
      ("mv d f", "mv: cannot overwrite non-directory 'f' with directory 'd'\n"),
      ("ln -s f f", "ln: failed to create symbolic link 'f': File exists\n"),
      ("ln f nope/x", "ln: failed to create hard link 'nope/x' => 'f': No such file or directory\n"),
      ("ln d dl", "ln: d: hard link not allowed for directory\n"),
      ("chown foo f", "chown: invalid user: 'foo'\n"),
      ("chown root:nogrp f", "chown: invalid group: 'root:nogrp'\n"),
      ("chown root nope", "chown: cannot access 'nope': No such file or directory\n"),
      ("ls nope", "ls: cannot access 'nope': No such file or directory\n"),
    ]
    for (command, expected) in cases {
      #expect(h.run(command).stderr == expected, "\(command)")
    }
    #expect(h.run("ls nope").status == 2)
    #expect(h.run("cp") == out("", "cp: missing file operand\nTry 'cp --help' for more information.\n", 1))
    #expect(h.run("cp f").stderr == "cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n")
    #expect(h.run("ls -z") == out("", "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2))
  }

  @Test func symlinksStayInsideTheContainer() {
    var h = container()
    #expect(h.run("ln -s /etc up; ls up/../ | head -3; cd ../../..; pwd") == out("bin\nboot\ndev\n/\n"))
    #expect(h.run("ln -s loop1 /w/loop2; ln -s loop2 /w/loop1; cat /w/loop1") == out(
      "", "cat: /w/loop1: Too many levels of symbolic links\n", 1))
    #expect(h.run("cat /../../etc/hostname") == out("localhost\n"))
  }

  @Test func hostFilesBelongToTheStudent() {
    var h = ShellHarness()
    _ = h.run("cd; touch f; mkdir d")
    #expect(h.run("ls -l") == out(
      "total 4\ndrwxr-xr-x 2 student student 4096 Jan 15 10:00 d\n-rw-r--r-- 1 student student    0 Jan 15 10:00 f\n"))
  }
}

@Suite struct ShellLsTests {
  func root() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run("mkdir /c && cd /c && mkdir bin boot dev etc home lib lib32 lib64 libx32 media mnt opt proc root run sbin srv sys tmp usr var")
    return h
  }

  @Test func columnsOnATerminalOnePerLineOtherwise() {
    var h = root()
    #expect(h.run("ls", traits: .terminal) == out(
      "bin   dev  home  lib32\tlibx32\tmnt  proc  run\t srv  tmp  var\nboot  etc  lib\t lib64\tmedia\topt  root  sbin  sys  usr\n"))
    var narrow = TerminalTraits.terminal
    narrow.width = 30
    #expect(h.run("ls", traits: narrow) == out(
      "bin   lib     mnt   sbin  var\nboot  lib32   opt   srv\ndev   lib64   proc  sys\netc   libx32  root  tmp\nhome  media   run   usr\n"))
    #expect(h.run("ls | head -n 2") == out("bin\nboot\n"))
  }

  @Test func coloursOnlyWhenTheTerminalHasThem() {
    var h = root()
    _ = h.run("rmdir boot dev etc home lib lib32 lib64 libx32 media mnt opt proc root run sbin srv sys tmp usr var; ln -s bin l; touch f")
    var colour = TerminalTraits.terminal
    colour.color = true
    #expect(h.run("ls", traits: colour) == out("\u{1B}[0m\u{1B}[01;34mbin\u{1B}[0m  f  \u{1B}[01;36ml\u{1B}[0m\n"))
    #expect(h.run("ls", traits: .terminal) == out("bin  f\tl\n"))
  }

  @Test func longFormatDatesAndSizes() {
    var h = root()
    _ = h.run("rmdir boot dev etc home lib lib32 lib64 libx32 media mnt opt proc root run sbin srv sys tmp usr var")
    _ = h.run("dd if=/dev/zero of=big bs=1M count=3 2>/dev/null; ln -s big l")
    #expect(h.run("ls -lh") == out(
      "total 3.1M\n-rw-r--r-- 1 root root 3.0M Jan 15 10:00 big\ndrwxr-xr-x 2 root root 4.0K Jan 15 10:00 bin\n"
        + "lrwxrwxrwx 1 root root    3 Jan 15 10:00 l -> big\n"))
    _ = h.run("sleep 20000000")
    #expect(h.run("ls -l big") == out("-rw-r--r-- 1 root root 3145728 Jan 15  2020 big\n"))
    #expect(h.run("ls -d bin; ls -a bin; ls -A") == out("bin\n.\n..\nbig\nbin\nl\n"))
  }

  @Test func imagesOfOneBinaryHaveNoUtilities() {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run("cd / && rm -r -f bin boot dev etc home lib media mnt opt proc root run sbin srv sys tmp usr var && echo x > hello")
    #expect(h.run("ls") == out("", "bash: ls: command not found\n", 127))
    #expect(!h.session.canRun("sh"))
  }
}
