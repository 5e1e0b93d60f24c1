import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// find's expressions. Expected output is what GNU findutils 4.9.0 and busybox 1.35
/// printed (LC_ALL=C) on a real copy of the tree below, put in docksim's readdir order
/// (bytewise sorted); messages are byte for byte theirs.
@Suite struct FindExpressionTests {
  /// /w: a/B/Foo.TXT a/FOO a/bar.txt (empty), a/big (513 bytes), a/one (1 byte),
  /// e/ (empty directory), lnk -> a.
  func tree(busybox: Bool = false) -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    if busybox {
      // An image whose find is busybox's applet, as alpine's /usr/bin/find is.
      _ = h.run("touch /bin/busybox && ln -s /bin/busybox /usr/bin/find")
    }
    _ = h.run("mkdir -p /w/a/B /w/e && cd /w && touch a/B/Foo.TXT a/bar.txt a/FOO && ln -s a lnk")
    _ = h.run("printf %513s x > a/big && printf x > a/one")
    return h
  }

  static let all = "w\nw/a\nw/a/B\nw/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\nw/a/big\nw/a/one\nw/e\nw/lnk\n"

  @Test func noExpressionPrintsEverything() {
    var h = tree()
    #expect(h.run("cd / && find w") == out(Self.all))
    #expect(h.run("cd / && find w -print") == out(Self.all))
    #expect(h.run("cd / && find w -maxdepth 1") == out("w\nw/a\nw/e\nw/lnk\n"))
  }

  // MARK: - operators

  @Test func operatorsAndPrecedence() {
    for busybox in [false, true] {
      var h = tree(busybox: busybox)
      // -a binds tighter than -o: the -print belongs to the right side only.
      #expect(h.run("cd / && find w -name a -o -name B -print") == out("w/a/B\n"))
      #expect(h.run("cd / && find w \\( -name a -o -name B \\) -print") == out("w/a\nw/a/B\n"))
      #expect(h.run("cd / && find w ! -name a ! -type d") == out("w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\nw/a/big\nw/a/one\nw/lnk\n"))
      #expect(h.run("cd / && find w -not -type d -and -name 'b*'") == out("w/a/bar.txt\nw/a/big\n"))
      #expect(h.run("cd / && find w -type f -or -type l") == out("w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\nw/a/big\nw/a/one\nw/lnk\n"))
      #expect(h.run("cd / && find w -print -o -print") == out(Self.all))
    }
  }

  @Test func commaEvaluatesBothSidesGNU() {
    var h = tree()
    #expect(h.run("cd / && find w -name FOO , -name B") == out("w/a/B\n"))
    #expect(h.run("cd / && find w -name FOO -print , -name B -print") == out("w/a/B\nw/a/FOO\n"))
  }

  @Test func pruneAndQuit() {
    for busybox in [false, true] {
      var h = tree(busybox: busybox)
      #expect(h.run("cd / && find w -name a -prune -o -print") == out("w\nw/e\nw/lnk\n"))
      #expect(h.run("cd / && find w -name a -prune") == out("w/a\n"))
      #expect(h.run("cd / && find w -prune") == out("w\n"))
      #expect(h.run("cd / && find w -type f -print -quit") == out("w/a/B/Foo.TXT\n"))
      #expect(h.run("cd / && find w -quit") == out(""))
    }
  }

  // MARK: - tests

  @Test func namesAndPaths() {
    for busybox in [false, true] {
      var h = tree(busybox: busybox)
      #expect(h.run("cd / && find w -path w/a/B") == out("w/a/B\n"))
      #expect(h.run("cd / && find w -path '*B*'") == out("w/a/B\nw/a/B/Foo.TXT\n"))
      #expect(h.run("cd / && find w -ipath '*b*'") == out("w/a/B\nw/a/B/Foo.TXT\nw/a/bar.txt\nw/a/big\n"))
      #expect(h.run("cd / && find w -wholename w/a") == out("w/a\n"))
      #expect(h.run("cd / && find w -iname 'foo*'") == out("w/a/B/Foo.TXT\nw/a/FOO\n"))
    }
  }

  @Test func types() {
    var h = tree()
    #expect(h.run("cd / && find w -type l") == out("w/lnk\n"))
    #expect(h.run("cd / && find w -type d,l") == out("w\nw/a\nw/a/B\nw/e\nw/lnk\n"))
    #expect(h.run("cd / && find w -type p,s") == out(""))
  }

  @Test func sizeRoundsUpForGNUAndComparesBytesForBusybox() {
    var h = tree()
    _ = h.run("cd /w && printf %1024s x > k1 && printf %1025s x > k1b")
    let gnu: [(String, String)] = [
      ("1", "w/a/one\n"), ("-1", "w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\n"), ("+1", "w/a/big\nw/k1\nw/k1b\n"),
      ("2", "w/a/big\nw/k1\n"), ("1k", "w/a/big\nw/a/one\nw/k1\n"), ("-1k", "w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\n"),
      ("+1k", "w/k1b\n"), ("2k", "w/k1b\n"), ("513c", "w/a/big\n"), ("1M", "w/a/big\nw/a/one\nw/k1\nw/k1b\n"),
      ("-1M", "w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\n"), ("0", "w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\n"), ("+1w", "w/a/big\nw/k1\nw/k1b\n"),
    ]
    for (size, expected) in gnu {
      #expect(h.run("cd / && find w -type f -size \(size)") == out(expected), "GNU -size \(size)")
    }
    var b = tree(busybox: true)
    _ = b.run("cd /w && printf %1024s x > k1 && printf %1025s x > k1b")
    let busybox: [(String, String)] = [
      ("1", ""), ("+1", "w/a/big\nw/k1\nw/k1b\n"), ("2", "w/k1\n"), ("-2", "w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\nw/a/big\nw/a/one\n"),
      ("1k", "w/k1\n"), ("+1k", "w/k1b\n"), ("2k", ""), ("513c", "w/a/big\n"),
    ]
    for (size, expected) in busybox {
      #expect(b.run("cd / && find w -type f -size \(size)") == out(expected), "busybox -size \(size)")
    }
  }

  @Test func empty() {
    for busybox in [false, true] {
      var h = tree(busybox: busybox)
      #expect(h.run("cd / && find w -empty") == out("w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\nw/e\n"))
    }
  }

  /// Files touched at known offsets from the simulated clock (which does not move
  /// while nobody sleeps), around the boundaries where GNU and busybox differ.
  @Test func mtimeAndMminAgainstTheSimulatedClock() {
    for busybox in [false, true] {
      var h = tree(busybox: busybox)
      let now = h.session.engine.clock.now.seconds
      _ = h.run("mkdir /t")
      for minutes in [-30, 30, 1410, 1470, 2850, 2910] {
        _ = h.run("touch -d @\(now - Int64(minutes) * 60) /t/a\(minutes)")
      }
      for seconds in [-30, 0, 30, 60, 90, 130] {
        _ = h.run("touch -d @\(now - Int64(seconds)) /t/s\(seconds)")
      }
      func names(_ test: String) -> String {
        h.run("cd /t && find . -type f \(test)").stdout.split(separator: "\n").map { $0.dropFirst(2) }.sorted().joined(separator: " ")
      }
      #expect(names("-name 'a*' -mtime 0") == "a1410 a30")
      #expect(names("-name 'a*' -mtime 1") == "a1470 a2850")
      #expect(names("-name 'a*' -mtime +0") == "a1470 a2850 a2910")
      #expect(names("-name 'a*' -mtime -1") == "a-30 a1410 a30")
      #expect(names("-name 'a*' -mtime -0") == "a-30")
      if busybox {
        #expect(names("-name 's*' -mmin 0") == "s0 s30")
        #expect(names("-name 's*' -mmin 1") == "s60 s90")
        #expect(names("-name 's*' -mmin +0") == "s130 s60 s90")
        #expect(names("-name 's*' -mmin -1") == "s-30 s0 s30")
      } else {
        #expect(names("-name 's*' -mmin 0") == "s-30")
        #expect(names("-name 's*' -mmin 1") == "s0 s30")
        #expect(names("-name 's*' -mmin +1") == "s130 s90")
        #expect(names("-name 's*' -mmin -1") == "s-30 s0 s30")
      }
    }
  }

  @Test func newerUserGroupPerm() {
    var h = tree()
    _ = h.run("sleep 2 && touch /w/a/one && chown 1:1 /w/a/FOO && chmod 4755 /w/a/big")
    #expect(h.run("cd / && find w -newer w/a/bar.txt") == out("w/a/one\n"))
    #expect(h.run("cd / && find w -user 1") == out("w/a/FOO\n"))
    #expect(h.run("cd / && find w -group 1 -o -perm -4000") == out("w/a/FOO\nw/a/big\n"))
    #expect(h.run("cd / && find w -type f -perm 644") == out("w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\nw/a/one\n"))
    #expect(h.run("cd / && find w -type f -perm /u+s") == out("w/a/big\n"))
    #expect(h.run("cd / && find w -user root -type l") == out("w/lnk\n"))
  }

  // MARK: - actions

  @Test func print0() {
    var h = tree()
    #expect(h.run("cd / && find w/a -maxdepth 1 -type f -print0") == out("w/a/FOO\0w/a/bar.txt\0w/a/big\0w/a/one\0"))
  }

  @Test func execRunsACommandPerFileAndInBatches() {
    for busybox in [false, true] {
      var h = tree(busybox: busybox)
      #expect(h.run("cd / && find w/a -type f -exec echo X{}Y \\;") == out("Xw/a/B/Foo.TXTY\nXw/a/FOOY\nXw/a/bar.txtY\nXw/a/bigY\nXw/a/oneY\n"))
      // The batch runs when the walk is over, after everything -print printed.
      #expect(
        h.run("cd / && find w/a -type f -exec echo {} + -print")
          == out("w/a/B/Foo.TXT\nw/a/FOO\nw/a/bar.txt\nw/a/big\nw/a/one\nw/a/B/Foo.TXT w/a/FOO w/a/bar.txt w/a/big w/a/one\n"))
      // -exec ... ; is true when the command exits 0.
      #expect(h.run("cd / && find w/a -maxdepth 1 -exec test -d {} \\; -print") == out("w/a\nw/a/B\n"))
    }
  }

  /// A command's output comes between find's own lines, in order.
  @Test func execOutputInterleavesWithPrint() {
    var h = tree()
    #expect(h.run("cd / && find w/e w/lnk -print -exec echo run {} \\;") == out("w/e\nrun w/e\nw/lnk\nrun w/lnk\n"))
  }

  /// The command changes the tree the walk goes on with: here it removes a directory
  /// before find reads it (GNU then reports it, as it does on a real disk).
  @Test func execSeesAndChangesTheTree() {
    var h = tree()
    #expect(h.run("cd / && find w -type f -name one -exec rm {} \\; && ls w/a") == out("B\nFOO\nbar.txt\nbig\n"))
    #expect(
      h.run("cd / && find w -name B -exec rm -r {} \\;")
        == out("", "find: 'w/a/B': No such file or directory\n", 1))
  }

  @Test func execOfAMissingCommand() {
    var h = tree()
    #expect(
      h.run("cd / && find w/e w/lnk -exec nosuch {} \\;")
        == out("", "find: 'nosuch': No such file or directory\nfind: 'nosuch': No such file or directory\n", 0))
    #expect(h.run("cd / && find w/e -exec nosuch {} +") == out("", "find: 'nosuch': No such file or directory\n", 1))
    #expect(h.run("cd / && find w/e -exec false {} +") == out("", "", 1))
    var b = tree(busybox: true)
    #expect(b.run("cd / && find w/e -exec nosuch {} \\;") == out("", "find: nosuch: No such file or directory\n", 0))
  }

  /// -delete goes through the union filesystem: what the image had leaves a whiteout.
  @Test func deleteRemovesDepthFirst() {
    var h = tree()
    #expect(h.run("cd / && find w/a -name 'b*' -delete -print") == out("w/a/bar.txt\nw/a/big\n"))
    #expect(h.run("cd / && find w/a") == out("w/a\nw/a/B\nw/a/B/Foo.TXT\nw/a/FOO\nw/a/one\n"))
    #expect(h.run("cd / && find w/a -delete && ls w") == out("e\nlnk\n"))
    #expect(h.run("cd / && find w/e -name nothing -o -delete && ls w") == out("lnk\n"))
    _ = h.run("mkdir -p /x/y && touch /x/y/z")
    #expect(h.run("cd / && find x -name y -delete") == out("", "find: cannot delete 'x/y': Directory not empty\n", 1))
    // `.` itself stays.
    #expect(h.run("cd /x/y && find . -delete && ls") == out(""))
  }

  // MARK: - options

  @Test func depthOptions() {
    var h = tree()
    #expect(h.run("cd / && find w -mindepth 2 -maxdepth 2 -type d") == out("w/a/B\n"))
    #expect(h.run("cd / && find w -depth -maxdepth 1") == out("w/a\nw/e\nw/lnk\nw\n"))
  }

  /// GNU warns when a global option follows a test or action, if warnings are on
  /// (standard input a terminal, or -warn); busybox never does.
  @Test func globalOptionAfterATestWarns() {
    var h = tree()
    let warning =
      "find: warning: you have specified the global option -maxdepth after the argument -name, but global options are "
      + "not positional, i.e., -maxdepth affects tests specified before it as well as those specified after it.  "
      + "Please specify global options before other arguments.\n"
    #expect(h.run("cd / && find w -warn -name e -maxdepth 1") == out("w/e\n", warning))
    #expect(h.run("cd / && find w -nowarn -name e -maxdepth 1") == out("w/e\n"))
    #expect(h.run("cd / && echo | find w -name e -maxdepth 1") == out("w/e\n"))
    var b = tree(busybox: true)
    #expect(b.run("cd / && find w -name e -maxdepth 1") == out("w/e\n"))
  }

  /// -P (the default) never follows a symlink, -H follows the start points', -L all;
  /// GNU stops at a symlink back to a directory being listed.
  @Test func symlinkOptions() {
    for busybox in [false, true] {
      var h = tree(busybox: busybox)
      #expect(h.run("cd / && find w/lnk") == out("w/lnk\n"))
      #expect(
        h.run("cd / && find -H w/lnk -maxdepth 1")
          == out("w/lnk\nw/lnk/B\nw/lnk/FOO\nw/lnk/bar.txt\nw/lnk/big\nw/lnk/one\n"))
      #expect(h.run("cd / && find -L w -name B") == out("w/a/B\nw/lnk/B\n"))
      #expect(h.run("cd / && find -L w -type l") == out(""))
      #expect(h.run("cd / && find -H -P w -type l") == out("w/lnk\n"))
      #expect(h.run("cd / && find -L w/lnk -maxdepth 0 -type d -size -9") == out("w/lnk\n"))
    }
    var h = tree()
    _ = h.run("mkdir -p /L/d && ln -s .. /L/d/up")
    #expect(
      h.run("cd / && find -L L")
        == out("L\nL/d\n", "find: File system loop detected; 'L/d/up' is part of the same file system loop as 'L'.\n", 1))
  }

  @Test func nameWithASlashWarnsGNU() {
    var h = tree()
    let warning =
      "find: warning: '-name' matches against basenames only, but the given pattern contains a directory separator "
      + "('/'), thus the expression will evaluate to false all the time.  Did you mean '-wholename'?\n"
    #expect(h.run("cd / && find w -name a/B") == out("", warning))
    #expect(h.run("cd / && find / -maxdepth 0 -name /") == out("/\n"))
  }

  // MARK: - errors

  /// A primary GNU find has but docksim does not evaluate is docksim's own message,
  /// not GNU's "unknown predicate"; busybox's unknown ones stay busybox's.
  @Test func realPrimariesDocksimLacksSaySo() {
    var h = tree()
    let result = h.run("find / -printf '%p\\n'")
    #expect(result.stdout == "")
    #expect(result.stderr == "docksim: find: -printf: not simulated (GNU find has it; docksim's find does not)\n")
    #expect(result.status == 1)
  }

  @Test func gnuMessages() {
    var h = tree()
    let cases: [(String, String)] = [
      ("-foo", "unknown predicate `-foo'"),
      ("-name x y", "paths must precede expression: `y'"),
      ("-name", "missing argument to `-name'"),
      ("\\( -name x", "invalid expression; I was expecting to find a ')' somewhere but did not see one."),
      ("-name x \\)", "you have too many ')'"),
      ("-o", "invalid expression; you have used a binary operator '-o' with nothing before it."),
      ("-name x -a -o -name y", "invalid expression; you have used a binary operator '-o' with nothing before it."),
      ("-name x -o", "expected an expression after '-o'"),
      ("!", "expected an expression after '!'"),
      ("-not", "expected an expression after '-not'"),
      ("-name x ,", "expected an expression after ','"),
      ("\\( -name x -o \\)", "expected an expression between '-o' and ')'"),
      ("\\( ! \\)", "expected an expression between '!' and ')'"),
      ("\\( \\)", "invalid expression; empty parentheses are not allowed."),
      ("-exec", "missing argument to `-exec'"),
      ("-exec echo", "missing argument to `-exec'"),
      ("-exec echo x +", "missing argument to `-exec'"),
      ("-exec \\;", "missing argument to `-exec'"),
      ("-exec echo {} x {} +", "Only one instance of {} is supported with -exec ... +"),
      ("-exec echo {}x +", "In '-exec ... {} +' the '{}' must appear by itself, but you specified '{}x'"),
      ("-exec echo {} + {} \\;", "paths must precede expression: `{}'"),
      ("-type", "missing argument to `-type'"),
      ("-type q", "Unknown argument to -type: q"),
      ("-type fd", "Must separate multiple arguments to -type using: ','"),
      ("-type f,", "Last file type in list argument to -type is missing, i.e., list is ending on: ','"),
      ("-type f,f", "Duplicate file type 'f' in the argument list to -type."),
      ("-type ''", "Arguments to -type should contain at least one letter"),
      ("-size x", "invalid -size type `x'"),
      ("-size 1q", "invalid -size type `q'"),
      ("-size +", "invalid -size type `+'"),
      ("-size 1kk", "Invalid argument `1kk' to -size"),
      ("-size k", "Invalid argument `k' to -size"),
      ("-size ''", "invalid null argument to -size"),
      ("-mtime x", "invalid argument `x' to `-mtime'"),
      ("-mmin ''", "invalid argument `' to `-mmin'"),
      ("-newer nope", "'nope': No such file or directory"),
      ("-user nobodyx", "'nobodyx' is not the name of a known user"),
      ("-user ''", "The argument to -user should not be empty"),
      ("-group nogrp", "'nogrp' is not the name of an existing group"),
      ("-perm 999", "invalid mode '999'"),
      ("-perm +644", "invalid mode '+644'"),
      ("-maxdepth -1", "Expected a positive decimal integer argument to -maxdepth, but got '-1'"),
      ("-mindepth x", "Expected a positive decimal integer argument to -mindepth, but got 'x'"),
      (
        "-delete -prune",
        "The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  "
          + "If you want to carry on anyway, just explicitly use the -depth option."
      ),
    ]
    for (arguments, message) in cases {
      #expect(h.run("cd / && find w \(arguments)") == out("", "find: \(message)\n", 1), "find w \(arguments)")
    }
    #expect(h.run("cd / && find w nope") == out(Self.all, "find: 'nope': No such file or directory\n", 1))
    // `)` and `,` before the expression are start points.
    #expect(h.run("cd / && find \\) , -name x") == out("", "find: ')': No such file or directory\nfind: ',': No such file or directory\n", 1))
  }

  @Test func busyboxMessages() {
    var h = tree(busybox: true)
    let cases: [(String, String)] = [
      ("-name", "-name requires an argument"),
      ("\\( -name x", "unpaired '('"),
      ("-exec", "-exec requires an argument"),
      ("-exec echo", "-exec requires an argument"),
      ("-exec echo x +", "only one '{}' allowed for -exec +"),
      ("-exec echo {} x {} +", "only one '{}' allowed for -exec +"),
      ("-type q", "invalid argument 'q' to '-type'"),
      ("-type fd", "invalid argument 'fd' to '-type'"),
      ("-size x", "invalid number 'x'"),
      ("-size 1M", "invalid number '1M'"),
      ("-mtime x", "invalid number 'x'"),
      ("-maxdepth -1", "invalid number '-1'"),
      ("-newer nope", "can't stat 'nope': No such file or directory"),
      ("-user nobodyx", "unknown user nobodyx"),
      ("-group nogrp", "unknown group nogrp"),
      ("-perm 999", "invalid mode '999'"),
    ]
    for (arguments, message) in cases {
      #expect(h.run("cd / && find w \(arguments)") == out("", "find: \(message)\n", 1), "find w \(arguments)")
    }
    for word in ["-foo", "y", "\\)", ","] {
      let outcome = h.run("cd / && find w -name x \(word)")
      let shown = word.replacingAll("\\", with: "")
      #expect(outcome.stderr.hasPrefix("find: unrecognized: \(shown)\nBusyBox v1.31.1 () multi-call binary.\n\nUsage: find "))
      #expect(outcome.stderr.hasSuffix("\t-quit\t\tExit\n") && outcome.status == 1 && outcome.stdout.isEmpty)
    }
    #expect(h.run("cd / && find w/e nope") == out("w/e\n", "find: nope: No such file or directory\n", 1))
  }

  /// busybox drops an operator that lacks an operand where GNU stops with a message.
  @Test func busyboxIsLenientAboutMissingOperands() {
    var h = tree(busybox: true)
    #expect(h.run("cd / && find w/e -o") == out("w/e\n"))
    #expect(h.run("cd / && find w/e !") == out("w/e\n"))
    #expect(h.run("cd / && find w/e \\( \\)") == out("w/e\n"))
    #expect(h.run("cd / && find w/e -name x -o") == out(""))
  }
}
