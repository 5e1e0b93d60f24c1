import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimShell

/// Issue 9's limits as a student meets them in the shell: GNU coreutils' and bash's
/// messages for ENAMETOOLONG, ELOOP, EFBIG and ENOSPC, and deep trees that every
/// tool walks without exhausting the stack.
@Suite struct ShellLimitTests {
  func container() -> ShellHarness {
    var h = ShellHarness()
    h.enterContainer()
    _ = h.run("mkdir /w && cd /w")
    return h
  }

  @Test func longNamesAndPaths() {
    var h = container()
    let long = String(repeating: "n", count: 256)
    #expect(h.run("touch \(long)") == out("", "touch: cannot touch '\(long)': File name too long\n", 1))
    #expect(h.run("mkdir \(long)") == out("", "mkdir: cannot create directory '\(long)': File name too long\n", 1))
    #expect(h.run("echo x > \(long)") == out("", "bash: \(long): File name too long\n", 1))
    let deep = String(repeating: "a/", count: 10_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      #expect(h.run("cat \(deep)f") == out("", "cat: \(deep)f: File name too long\n", 1))
      #expect(h.run("ls \(deep)").status == 2)
    }
    #expect(elapsed < .seconds(2))
  }

  @Test func symlinkLoops() {
    var h = container()
    _ = h.run("ln -s loop2 loop1; ln -s loop1 loop2")
    #expect(h.run("cat loop1") == out("", "cat: loop1: Too many levels of symbolic links\n", 1))
    #expect(h.run("echo x > loop1") == out("", "bash: loop1: Too many levels of symbolic links\n", 1))
    #expect(h.run("cd loop1") == out("", "bash: cd: loop1: Too many levels of symbolic links\n", 1))
  }

  @Test func fileSizeAndDiskBudget() {
    var h = container()
    #expect(
      h.run("dd if=/dev/zero of=huge bs=1M count=1025")
        == out(
          "",
          "dd: error writing 'huge': File too large\n1025+0 records in\n0+0 records out\n"
            + "0 bytes copied, 2e-05 s, 0.0 B/s\n", 1))
    #expect(h.run("dd if=/dev/zero of=one bs=1M count=1024 status=none") == out(""))
    #expect(h.run("cp one two; ls") == out("one\n", "cp: error writing 'two': No space left on device\n", 0))
    // Fill the rest of the writable layer's budget exactly.
    h.session.withFilesystem { fs in
      var rest = FileData()
      rest.truncate(to: ContainerFS.writableLayerBudget - fs.upper.fileBytes)
      try? fs.writeFile("/w/rest", rest, at: Timestamp(seconds: 0))
    }
    #expect(h.run("touch empty; echo -n > empty2") == out(""))
    #expect(h.run("echo x > three") == out("", "bash: echo: write error: No space left on device\n", 1))
    #expect(h.run("seq 3 > four") == out("", "seq: write error: No space left on device\n", 1))
    #expect(h.run("for x in a; do echo $x; done > five") == out("", "bash: write error: No space left on device\n", 1))
    #expect(h.run("dd if=/dev/zero of=six bs=1 count=1 status=none") == out("", "dd: error writing 'six': No space left on device\n", 1))
    #expect(h.run("rm one; echo x > three; cat three") == out("x\n"))
  }

  @Test func deepTreesEveryToolCanWalk() {
    var h = container()
    let levels = 500
    let path = Array(repeating: "a", count: levels).joined(separator: "/")
    #expect(h.run("mkdir -p \(path) && touch \(path)/f") == out(""))
    #expect(h.run("find a -name f") == out("\(path)/f\n"))
    #expect(h.run("find a -depth -name f") == out("\(path)/f\n"))
    #expect(h.run("du -s a | cut -f1") == out("\(levels * 4)\n"))
    #expect(h.run("cp -r a b && find b -name f") == out("b/" + path.dropFirst(2) + "/f\n"))
    #expect(h.run("rm -r a b && ls") == out(""))
  }
}
