import DockSimCore
import DockSimTestSupport
import Foundation
import Testing

@testable import DockSimDocker
@testable import DockSimPrograms
@testable import DockSimShell

/// Images that real tools made from a real root filesystem: GNU tar packs a tree made
/// here on the disk, skopeo turns the tarball into a docker-archive (its `tarball:`
/// transport, a one-layer image), docksim loads it, and `docker export` of a container
/// gives back the very tree. Where a tool is missing the test says so and passes.
@Suite(.serialized) struct ArchiveRealToolsTests {
  private static func tool(_ name: String) -> String? { HostTool.named(name) }

  @discardableResult
  private static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> String {
    try HostTool.succeed(executable, arguments, in: directory)
  }

  struct ToolError: Error, CustomStringConvertible { var description: String }

  private func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("docksim-tools-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A small root filesystem with what real ones have: nested directories, modes
  /// (setuid, sticky, private), symlinks (relative and absolute), a hard link, an empty
  /// file, a binary file, a name longer than ustar's 100 bytes, a non-ASCII name.
  private func makeRoot(at root: String) throws {
    let fm = FileManager.default
    func write(_ path: String, _ bytes: [UInt8], mode: Int) throws {
      let full = root + "/" + path
      try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      guard fm.createFile(atPath: full, contents: Data(bytes)) else { throw ToolError(description: "cannot write \(full)") }
      try fm.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
    }
    try write("etc/os-release", Array("PRETTY_NAME=\"docksim test root\"\nID=docksim\n".utf8), mode: 0o644)
    try write("etc/shadow", Array("root:*:19000:0:99999:7:::\n".utf8), mode: 0o640)
    try write("etc/motd", [], mode: 0o644)
    var random = SplitMix64(seed: 8)
    try write("usr/bin/busybox", (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &random) }, mode: 0o755)
    try write("usr/bin/passwd", Array("#!/bin/sh\n".utf8), mode: 0o4755)
    try write("usr/share/doc/" + String(repeating: "long-directory-name/", count: 6) + "README", Array("deep\n".utf8), mode: 0o644)
    try write("usr/share/i18n/zh_CN/说明.txt", Array("中文\n".utf8), mode: 0o644)
    try fm.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
    try fm.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: root + "/tmp")
    try fm.createDirectory(atPath: root + "/root", withIntermediateDirectories: true)
    try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: root + "/root")
    try fm.createDirectory(atPath: root + "/var/empty", withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: root + "/bin", withDestinationPath: "usr/bin")
    try fm.createSymbolicLink(atPath: root + "/usr/bin/sh", withDestinationPath: "busybox")
    try fm.createSymbolicLink(atPath: root + "/etc/localtime", withDestinationPath: "/usr/share/zoneinfo/UTC")
    try fm.linkItem(atPath: root + "/usr/bin/busybox", toPath: root + "/usr/bin/ls")
    // Whole seconds: GNU tar truncates a fraction, Go (umoci) rounds it, and the tree is
    // meant to be compared, not those two.
    if let find = Self.tool("find") {
      try Self.run(find, [root, "-exec", "touch", "-h", "-d", "@1700000000", "{}", "+"])
    }
  }

  /// What a tar says about each path, normalized: kind, mode, owner, mtime, size, link
  /// target and content digest. Hard links are compared as "same inode as" the first name.
  private func summary(_ tar: [UInt8]) throws -> [String: String] {
    let reader = TarReader(bytes: tar)
    var result: [String: String] = [:]
    for member in try reader.members() {
      let h = member.header
      let path = "/" + h.name.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
      guard path != "/" else { continue }
      let content = h.kind == .regular ? Digest.sha256(reader.content(of: member)).short : ""
      let link = h.kind == .hardLink ? "/" + h.linkName.split(separator: "/").filter { $0 != "." }.joined(separator: "/") : h.linkName
      result[path] = "\(h.kind) \(String(h.mode, radix: 8)) \(h.uid):\(h.gid) \(h.modified) \(h.kind == .regular ? h.size : 0) \(link) \(content)"
    }
    return result
  }

  /// Hard links may name either inode first; make the pair order-free.
  private func withoutLinkOrder(_ summary: [String: String]) -> [String: String] {
    summary.mapValues { $0.hasPrefix("hardLink") ? "hardLink" : $0 }
  }

  @Test func skopeoTarballImageLoadsAndExportsTheSameTree() throws {
    guard let skopeo = Self.tool("skopeo"), let tar = Self.tool("tar") else {
      print("skipped: skopeo or GNU tar is not installed (apt-get install skopeo tar)")
      return
    }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try makeRoot(at: directory + "/root")
    try Self.run(tar, ["--numeric-owner", "--owner=0", "--group=0", "-C", directory + "/root", "-cf", directory + "/rootfs.tar", "."])
    try Self.run(skopeo, ["--insecure-policy", "copy", "tarball:" + directory + "/rootfs.tar", "docker-archive:" + directory + "/image.tar:rootfs:1"])
    try checkLoadAndExport(directory: directory, archive: directory + "/image.tar", tarball: directory + "/rootfs.tar")
  }

  /// The same through skopeo's gzip-compressed tarball and OCI layout, for the compressed path.
  @Test func skopeoOCIArchiveOfAGzipTarballLoadsToo() throws {
    guard let skopeo = Self.tool("skopeo"), let tar = Self.tool("tar") else {
      print("skipped: skopeo or GNU tar is not installed (apt-get install skopeo tar)")
      return
    }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try makeRoot(at: directory + "/root")
    try Self.run(tar, ["--numeric-owner", "--owner=0", "--group=0", "-C", directory + "/root", "-cf", directory + "/rootfs.tar", "."])
    let gzipped = Gzip.compress([UInt8](FileManager.default.contents(atPath: directory + "/rootfs.tar") ?? Data()))
    _ = FileManager.default.createFile(atPath: directory + "/rootfs.tar.gz", contents: Data(gzipped))
    try Self.run(skopeo, ["--insecure-policy", "copy", "tarball:" + directory + "/rootfs.tar.gz", "oci-archive:" + directory + "/image.tar:rootfs:1"])
    try checkLoadAndExport(directory: directory, archive: directory + "/image.tar", tarball: directory + "/rootfs.tar")
  }

  /// A Debian root filesystem made by debootstrap: needs root, debootstrap and the network,
  /// so it runs only when asked (DOCKSIM_DEBOOTSTRAP=1) and says why it skipped otherwise.
  @Test func debootstrapRootLoadsAndExportsTheSameTree() throws {
    guard ProcessInfo.processInfo.environment["DOCKSIM_DEBOOTSTRAP"] == "1", getuid() == 0,
      let debootstrap = Self.tool("debootstrap"), let skopeo = Self.tool("skopeo"), let tar = Self.tool("tar")
    else {
      print("skipped: the debootstrap test needs DOCKSIM_DEBOOTSTRAP=1, root, debootstrap, skopeo and the network")
      return
    }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.run(debootstrap, ["--variant=minbase", "bookworm", directory + "/root"])
    // Device nodes have no place in an image layer (docksim skips them, as Docker's own base images have none).
    try Self.run(tar, ["--numeric-owner", "-C", directory + "/root", "--exclude=./dev/*", "--exclude=./proc/*", "-cf", directory + "/rootfs.tar", "."])
    try Self.run(skopeo, ["--insecure-policy", "copy", "tarball:" + directory + "/rootfs.tar", "docker-archive:" + directory + "/image.tar:rootfs:1"])
    try checkLoadAndExport(directory: directory, archive: directory + "/image.tar", tarball: directory + "/rootfs.tar")
  }

  /// umoci (Debian's package) unpacks the OCI layout of what `docker save` writes into
  /// the same tree `docker export` gives for a container of that image, whiteouts applied.
  @Test func umociUnpacksTheSavedLayoutToTheExportedTree() throws {
    guard let umoci = Self.tool("umoci"), let tar = Self.tool("tar"), getuid() == 0 else {
      print("skipped: umoci unpack needs umoci (apt-get install umoci), GNU tar and root")
      return
    }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var session = Session(settings: Settings(dockerVersion: .v28), hostFiles: LocalDiskFiles())
    TestImage.install(into: &session.engine)
    var h = ShellHarness(session: session)
    h.run("docker run --name box docksim/test sh -c 'rm /etc/motd; mkdir -p /srv/app; echo hi > /srv/app/note; chmod 4755 /srv/app/note'")
    #expect(h.run("docker commit box layered:1").status == 0)
    #expect(h.run("docker save -o \(directory)/saved.tar layered:1") == out(""))
    try FileManager.default.createDirectory(atPath: directory + "/layout", withIntermediateDirectories: true)
    try Self.run(tar, ["-xf", directory + "/saved.tar", "-C", directory + "/layout"])
    try Self.run(umoci, ["unpack", "--image", directory + "/layout:1", directory + "/bundle"])
    try Self.run(tar, ["--numeric-owner", "-C", directory + "/bundle/rootfs", "-cf", directory + "/unpacked.tar", "."])
    #expect(h.run("docker create --name fresh layered:1 sh").status == 0)
    #expect(h.run("docker export -o \(directory)/exported.tar fresh") == out(""))
    let unpacked = try summary([UInt8](FileManager.default.contents(atPath: directory + "/unpacked.tar") ?? Data()))
    let exported = try summary([UInt8](FileManager.default.contents(atPath: directory + "/exported.tar") ?? Data()))
    #expect(unpacked["/etc/motd"] == nil && unpacked["/srv/app/note"] != nil)
    compare(Self.withoutInitLayer(exported, unpacked), unpacked, "umoci unpack")
  }

  /// An image umoci builds from a root filesystem on the disk (gzip layer, OCI layout
  /// tarred by GNU tar) loads into docksim, and `docker export` gives the tree back.
  @Test func umociImageOfARootLoadsAndExportsTheSameTree() throws {
    guard let umoci = Self.tool("umoci"), let tar = Self.tool("tar"), let cp = Self.tool("cp"), getuid() == 0 else {
      print("skipped: umoci repack needs umoci (apt-get install umoci), GNU tar and root")
      return
    }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try makeRoot(at: directory + "/root")
    let layout = directory + "/layout"
    try Self.run(umoci, ["init", "--layout", layout])
    try Self.run(umoci, ["new", "--image", layout + ":1"])
    try Self.run(umoci, ["unpack", "--image", layout + ":1", directory + "/bundle"])
    try Self.run(cp, ["-a", directory + "/root/.", directory + "/bundle/rootfs/"])
    try Self.run(umoci, ["repack", "--image", layout + ":1", directory + "/bundle"])
    try Self.run(tar, ["-C", layout, "-cf", directory + "/image.tar", "."])
    try Self.run(tar, ["--numeric-owner", "-C", directory + "/root", "-cf", directory + "/rootfs.tar", "."])
    var h = ShellHarness(session: Session(settings: Settings(dockerVersion: .v28), hostFiles: LocalDiskFiles()))
    let loaded = h.run("docker load -i \(directory)/image.tar")
    #expect(loaded.status == 0 && loaded.stdout.hasPrefix("Loaded image"), "\(loaded)")
    let id = try #require(h.session.engine.images.images.keys.first)
    #expect(h.run("docker create --name box \(id.short) /bin/sh").status == 0)
    #expect(h.run("docker export -o \(directory)/exported.tar box") == out(""))
    let original = try summary([UInt8](FileManager.default.contents(atPath: directory + "/rootfs.tar") ?? Data()))
    let exported = try summary([UInt8](FileManager.default.contents(atPath: directory + "/exported.tar") ?? Data()))
    compare(original, Self.withoutInitLayer(exported, original), "umoci image")
  }

  /// `docker export` tars the container's merged root, Docker's init layer included
  /// (/.dockerenv, /dev, /proc, /etc/hosts, ...): set those aside to compare with the original tree.
  static func withoutInitLayer(_ exported: [String: String], _ original: [String: String]) -> [String: String] {
    var result = exported
    for path in InitLayer.layer.contents.entries.keys where path != "/" {
      result[path] = original[path]
    }
    return result
  }

  private func compare(_ expected: [String: String], _ got: [String: String], _ what: String) {
    let a = withoutLinkOrder(expected), b = withoutLinkOrder(got)
    #expect(a.count == b.count, "\(what): \(a.count) paths expected, \(b.count) found")
    for path in Set(a.keys).union(b.keys).sorted() where a[path] != b[path] {
      Issue.record("\(what) \(path): expected \(expected[path] ?? "-"), found \(got[path] ?? "-")")
    }
  }

  private func checkLoadAndExport(directory: String, archive: String, tarball: String) throws {
    var h = ShellHarness(session: Session(settings: Settings(dockerVersion: .v28), hostFiles: LocalDiskFiles()))
    #expect(h.run("docker load -i \(archive)") == out("Loaded image: rootfs:1\n"))
    #expect(h.run("docker create --name box rootfs:1 /bin/sh").status == 0)
    #expect(h.run("docker export -o \(directory)/exported.tar box") == out(""))
    let original = try summary([UInt8](FileManager.default.contents(atPath: tarball) ?? Data()))
    let exported = try summary([UInt8](FileManager.default.contents(atPath: directory + "/exported.tar") ?? Data()))
    compare(original, Self.withoutInitLayer(exported, original), "tarball")
  }
}
