import Foundation
import Testing
@testable import DockSimCore

@Suite struct TarFormatTests {
  private func archive(_ build: (inout TarWriter<[UInt8]>) -> Void) -> [UInt8] {
    var writer = TarWriter(into: [UInt8]())
    build(&writer)
    return writer.finish()
  }

  @Test func roundTripsEveryKindOfMember() throws {
    let longName = "usr/share/" + String(repeating: "deep/", count: 40) + "file.txt"
    let bytes = archive { w in
      w.append(TarHeader(name: "etc/", kind: .directory, mode: 0o755, modified: 1_579_082_400))
      w.appendFile(TarHeader(name: "etc/motd", kind: .regular, mode: 0o644, modified: 1_579_082_400), bytes: Array("hello\n".utf8))
      w.append(TarHeader(name: "etc/localtime", kind: .symbolicLink, mode: 0o777, linkName: "/usr/share/zoneinfo/UTC"))
      w.append(TarHeader(name: "etc/motd2", kind: .hardLink, linkName: "etc/motd"))
      w.appendFile(TarHeader(name: longName, kind: .regular), bytes: Array("deep".utf8))
      w.appendFile(TarHeader(name: "etc/.wh.issue", kind: .regular, mode: 0o600), bytes: [])
    }
    #expect(bytes.count % 512 == 0)
    let members = try TarReader(bytes: bytes).members()
    #expect(members.map(\.header.name) == ["etc/", "etc/motd", "etc/localtime", "etc/motd2", longName, "etc/.wh.issue"])
    #expect(members[1].header.size == 6)
    #expect(Array(TarReader(bytes: bytes).content(of: members[1])) == Array("hello\n".utf8))
    #expect(members[2].header.linkName == "/usr/share/zoneinfo/UTC")
    #expect(members[3].header.kind == .hardLink)
    #expect(members[0].header.mode == 0o755)
    #expect(members[0].header.modified == 1_579_082_400)
  }

  @Test func truncatedArchiveIsAnError() throws {
    let bytes = archive { w in
      w.appendFile(TarHeader(name: "a", kind: .regular), bytes: [UInt8](repeating: 7, count: 2000))
    }
    #expect(throws: TarError.self) { try TarReader(bytes: Array(bytes.prefix(1024))).members() }
    #expect(throws: TarError.self) { try TarReader(bytes: Array(bytes.prefix(700))).members() }
  }

  @Test func corruptHeaderIsAnError() throws {
    var bytes = archive { w in w.appendFile(TarHeader(name: "a", kind: .regular), bytes: [1, 2, 3]) }
    bytes[3] ^= 0xff
    #expect(throws: TarError.badChecksum(offset: 0)) { try TarReader(bytes: bytes).members() }
  }

  @Test func digestOfStreamEqualsDigestOfBytes() {
    let members: (inout TarWriter<DigestBuilder>) -> Void = { w in
      w.appendFile(TarHeader(name: "a", kind: .regular), bytes: Array("x".utf8))
    }
    var streamed = TarWriter(into: DigestBuilder())
    members(&streamed)
    let bytes = archive { $0.appendFile(TarHeader(name: "a", kind: .regular), bytes: Array("x".utf8)) }
    #expect(streamed.finish().finish() == Digest.sha256(bytes))
  }

  /// GNU tar is the reference reader: it must list what we write, long names included.
  @Test func gnuTarListsWhatWeWrite() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/tar") else { return }
    let longName = "opt/" + String(repeating: "x", count: 150) + "/" + String(repeating: "y", count: 120)
    let bytes = archive { w in
      w.append(TarHeader(name: "opt/", kind: .directory, mode: 0o755))
      w.appendFile(TarHeader(name: longName, kind: .regular, mode: 0o640, uid: 1000, gid: 1000), bytes: Array("z".utf8))
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("docksim-tar-\(getpid()).tar").path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let tar = Process()
    tar.executableURL = URL(fileURLWithPath: "/bin/tar")
    tar.arguments = ["-tf", path]
    let pipe = Pipe()
    tar.standardOutput = pipe
    try tar.run()
    let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    tar.waitUntilExit()
    #expect(tar.terminationStatus == 0)
    #expect(listing == "opt/\n\(longName)\n")
  }
}
