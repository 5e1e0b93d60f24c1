import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// find in containers of real images (the shell's own find tests build without docker).
@Suite struct FindInContainerTests {
  /// In a container of a real image: the removed image file is a whiteout in the
  /// container's layer (`docker diff` says D), and alpine's find is busybox's.
  @Test func deleteOfAnImageFileLeavesAWhiteout() throws {
    var h = ShellHarness(session: Session(hub: RegistryTestSupport.hub ?? Hub()))
    h.run("docker run -it ubuntu:18.04 bash")
    #expect(h.run("find /etc -maxdepth 1 -name passwd -delete") == out(""))
    #expect(h.run("find /etc -maxdepth 1 -name passwd") == out(""))
    let id = try #require(h.session.engine.containers.all.first).shortID
    h.run("exit")
    #expect(h.run("docker diff \(id)").stdout.contains("D /etc/passwd\n"))
    h.run("docker run -it alpine sh")
    #expect(h.run("find / -maxdepth 0 -size 1M") == out("", "find: invalid number '1M'\n", 1))
  }
}
