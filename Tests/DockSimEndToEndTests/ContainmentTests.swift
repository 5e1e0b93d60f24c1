import Foundation
import Testing

/// A docksim run opens no host file but its own program files, the script it was
/// given and the paths the user names (here `docker save -o`). Proved with strace,
/// which CI has; where it is missing the test says so and passes.
@Suite struct ContainmentTests {
  static let script = """
    cat /etc/shadow
    cd /../../.. && ls /
    ln -s /etc/passwd x; cat x
    docker run docksim/test sh -c 'cat /etc/shadow; cd /../../..; ls /; ln -s /etc/passwd /x; cat /x'
    docker run docksim/test sh -c 'ln -s /l1 /l2; ln -s /l2 /l1; cat /l1; cat /proc/1/environ; ls /root'
    docker pull ubuntu:18.04
    docker save -o NAMED docksim/test

    """

  @Test func opensOnlyItsOwnFilesAndTheNamedOnes() throws {
    guard let strace = ["/usr/bin/strace", "/bin/strace"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      print("skipped: strace is not installed (apt-get install strace)")
      return
    }
    let home = Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let named = home + "/named.tar"
    let scriptPath = home + "/script.txt"
    _ = FileManager.default.createFile(atPath: scriptPath, contents: Data(Self.script.replacingOccurrences(of: "NAMED", with: named).utf8))
    let trace = home + "/trace.txt"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: strace)
    process.arguments = ["-f", "-qq", "-e", "trace=open,openat,openat2,creat,truncate,rename,unlink,mkdir", "-o", trace, Binary.path, "--script", scriptPath]
    process.environment = Binary.environment(home: home)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      print("skipped: strace cannot trace here (status \(process.terminationStatus))")
      return
    }
    let opened = paths(in: String(decoding: FileManager.default.contents(atPath: trace) ?? Data(), as: UTF8.self))
    let unexpected = opened.filter { !isAllowed($0, script: scriptPath, named: named) }
    #expect(unexpected.isEmpty, "docksim touched host paths it should not: \(unexpected.sorted())")
    #expect(opened.contains(named), "the named output file was written")
    #expect(!opened.contains { $0.hasPrefix("/etc/") && $0 != "/etc/ld.so.cache" })
  }

  /// The quoted paths of the traced calls.
  private func paths(in trace: String) -> Set<String> {
    var result: Set<String> = []
    for line in trace.split(separator: "\n") {
      // Every quoted argument: rename(2) names two paths.
      let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
      for index in stride(from: 1, to: parts.count - 1, by: 2) { result.insert(String(parts[index])) }
    }
    return result
  }

  /// Libraries and the loader's search, the program and its bundled data, the process's
  /// own /proc and CPU facts, the script, and the file the user named.
  private func isAllowed(_ path: String, script: String, named: String) -> Bool {
    let program = URL(fileURLWithPath: Binary.path).resolvingSymlinksInPath().deletingLastPathComponent().path
    let programLink = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().path
    if path == script || path == named || path.hasPrefix(named + ".") { return true }
    if path.hasPrefix(program) || path.hasPrefix(programLink) { return true }
    if path.contains(".so") || path == "/etc/ld.so.cache" { return true }
    let prefixes = ["/opt/swift/", "/lib/", "/lib64/", "/usr/lib/", "/proc/self/", "/sys/devices/system/cpu/", "/dev/"]
    return prefixes.contains { path.hasPrefix($0) }
  }
}
