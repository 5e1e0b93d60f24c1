import CMallocInfo
import DockSimCore
import DockSimPrograms
import DockSimShell
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// docker load / save / export / import of a generated 100 MB, 10,000-file root
// filesystem, through a session on the real disk as the `docksim` executable runs them.
// One line per measurement: name, value, unit. Times are medians of 3 runs, wall clock.
//
//   cd Benchmarks && swift build -c release && ./.build/release/ArchiveBenchmarks [DIR]

let clock = ContinuousClock()
let directory = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : NSTemporaryDirectory() + "docksim-archive-bench"
let fileCount = 10_000
let fileSize = 10_000

func report(_ name: String, _ value: Double, _ unit: String) {
  let text = value >= 100 ? String(Int(value.rounded())) : String(Double(Int(value * 100)) / 100)
  print("\(name.padding(toLength: 62, withPad: " ", startingAt: 0)) \(text) \(unit)")
}

func milliseconds(_ duration: Swift.Duration) -> Double {
  Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

/// Fields of /proc/self/status in KiB: VmHWM (peak resident), VmRSS, RssAnon, RssFile.
func status(_ field: String) -> Int {
  let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
  for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
  }
  return 0
}

/// Resets VmHWM to the current resident size (Linux 4.0+), so each step's peak is its own.
func resetPeak() {
  let fd = open("/proc/self/clear_refs", O_WRONLY)
  guard fd >= 0 else { return }
  _ = write(fd, "5", 1)
  close(fd)
}

func heapInUse() -> Int { Int(docksim_heap_in_use()) }

/// Writes through stdio to a file.
struct FileSink: ByteSink {
  let file: UnsafeMutablePointer<FILE>
  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    if let base = bytes.baseAddress { _ = fwrite(base, 1, bytes.count, file) }
  }
}

// MARK: - The archive

/// 100 directories of 100 files, each `fileSize` seeded random bytes: content that is
/// literal in the tar (no docksim description), as a real root filesystem is.
func writeLayer(to path: String) -> Digest {
  var random = SplitMix64(seed: 2026)
  let file = fopen(path, "w")!
  var writer = TarWriter(into: MeasuringFileSink(file: file))
  let mtime: Int64 = 1_700_000_000
  writer.append(TarHeader(name: "data/", kind: .directory, mode: 0o755, modified: mtime))
  var body = [UInt8](repeating: 0, count: fileSize)
  for d in 0..<(fileCount / 100) {
    writer.append(TarHeader(name: "data/d\(d)/", kind: .directory, mode: 0o755, modified: mtime))
    for f in 0..<100 {
      for i in stride(from: 0, to: fileSize, by: 8) {
        let word = random.next()
        for j in 0..<min(8, fileSize - i) { body[i + j] = UInt8(truncatingIfNeeded: word >> (UInt64(j) * 8)) }
      }
      writer.appendFile(TarHeader(name: "data/d\(d)/f\(f)", kind: .regular, mode: 0o644, modified: mtime), bytes: body)
    }
  }
  let sink = writer.finish()
  fclose(file)
  return sink.digest.finish()
}

struct MeasuringFileSink: ByteSink {
  let file: UnsafeMutablePointer<FILE>
  var digest = DigestBuilder()
  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    digest.update(bytes)
    if let base = bytes.baseAddress { _ = fwrite(base, 1, bytes.count, file) }
  }
}

/// A docker-archive around the layer tar at `layerPath` (plain, or gzip when `gzip`).
func writeImageArchive(layer layerPath: String, diffID: Digest, gzip: Bool, to path: String) {
  var layer = [UInt8](FileManager.default.contents(atPath: layerPath)!)
  if gzip { layer = Gzip.compress(layer, level: 1) }
  let layerDigest = Digest.sha256(layer)
  let config = Array(
    #"{"architecture":"amd64","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["sh"]},"created":"2023-11-14T22:13:20Z","history":[{"created":"2023-11-14T22:13:20Z","created_by":"/bin/sh -c #(nop) ADD file:rootfs in / "}],"os":"linux","rootfs":{"type":"layers","diff_ids":["\#(diffID)"]}}"#
      .utf8)
  let configDigest = Digest.sha256(config)
  let manifest = Array(
    #"[{"Config":"blobs/sha256/\#(configDigest.hex)","RepoTags":["rootfs:100mb"],"Layers":["blobs/sha256/\#(layerDigest.hex)"]}]"#.utf8)
  let file = fopen(path, "w")!
  var writer = TarWriter(into: FileSink(file: file))
  writer.append(TarHeader(name: "blobs/", kind: .directory, mode: 0o755))
  writer.append(TarHeader(name: "blobs/sha256/", kind: .directory, mode: 0o755))
  for (digest, bytes) in [(layerDigest, layer), (configDigest, config)].sorted(by: { $0.0.hex < $1.0.hex }) {
    writer.appendFile(TarHeader(name: "blobs/sha256/" + digest.hex, kind: .regular), bytes: bytes)
  }
  writer.appendFile(TarHeader(name: "manifest.json", kind: .regular), bytes: manifest)
  _ = writer.finish()
  fclose(file)
}

// MARK: - Measurements

func session() -> Session { Session(settings: Settings(dockerVersion: .v28), hostFiles: LocalDiskFiles()) }

@discardableResult
func run(_ line: String, in session: inout Session) -> String {
  var console = Console()
  let status = session.execute(line, console: &console)
  if status != 0 { fatalError("\(line) failed: \(console.events)") }
  return "\(console.events.count)"
}

/// Median time of three fresh sessions loading `archive`, then the memory of one more.
func measureLoad(_ name: String, archive: String, command: String = "docker load -i") {
  var times: [Double] = []
  for _ in 0..<3 {
    var s = session()
    let elapsed = clock.measure { run("\(command) \(archive)", in: &s) }
    times.append(milliseconds(elapsed))
  }
  report("\(name): time (median of 3)", times.sorted()[1], "ms")
  var s = session()
  let heapBefore = heapInUse()
  resetPeak()
  let hwmBefore = status("VmHWM")
  run("\(command) \(archive)", in: &s)
  report("\(name): peak resident growth (VmHWM)", Double(status("VmHWM") - hwmBefore) / 1024, "MiB")
  report("\(name): heap kept after load (malloc in use)", Double(heapInUse() - heapBefore) / 1_048_576, "MiB")
  report("\(name): resident after load, anonymous / file", Double(status("RssAnon")) / 1024, "MiB anon")
  report("\(name): resident after load, file-backed", Double(status("RssFile")) / 1024, "MiB file")
  withExtendedLifetime(s) {}
}

/// The old way for comparison: read the whole file into memory, then load from it.
func measureCopyingLoad(archive: String) {
  let heapBefore = heapInUse()
  resetPeak()
  let hwmBefore = status("VmHWM")
  var kept: [ImageArchive.Entry] = []
  let elapsed = clock.measure {
    let bytes = [UInt8](FileManager.default.contents(atPath: archive)!)
    kept = try! ImageArchive.load(bytes)
  }
  report("for comparison, read whole + load: time", milliseconds(elapsed), "ms")
  report("for comparison, read whole + load: peak resident growth", Double(status("VmHWM") - hwmBefore) / 1024, "MiB")
  report("for comparison, read whole + load: heap kept", Double(heapInUse() - heapBefore) / 1_048_576, "MiB")
  withExtendedLifetime(kept) {}
}

func measureOutput(archive: String) {
  var s = session()
  run("docker load -i \(archive)", in: &s)
  run("docker create --name box rootfs:100mb", in: &s)
  for (name, line) in [
    ("docker save -o (streamed to disk)", "docker save -o \(directory)/saved.tar rootfs:100mb"),
    ("docker export -o (streamed to disk)", "docker export -o \(directory)/exported.tar box"),
  ] {
    resetPeak()
    let hwmBefore = status("VmHWM")
    let heapBefore = heapInUse()
    let elapsed = clock.measure { run(line, in: &s) }
    report("\(name): time", milliseconds(elapsed), "ms")
    report("\(name): peak resident growth (VmHWM)", Double(status("VmHWM") - hwmBefore) / 1024, "MiB")
    report("\(name): heap growth", Double(heapInUse() - heapBefore) / 1_048_576, "MiB")
  }
  let saved = (try? FileManager.default.attributesOfItem(atPath: "\(directory)/saved.tar")[.size] as? Int) ?? 0
  report("saved archive size", Double(saved) / 1_048_576, "MiB")
}

try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let layerPath = directory + "/layer.tar"
let plainPath = directory + "/rootfs.tar"
let gzipPath = directory + "/rootfs-gzip.tar"
let generation = clock.measure {
  let diffID = writeLayer(to: layerPath)
  writeImageArchive(layer: layerPath, diffID: diffID, gzip: false, to: plainPath)
  writeImageArchive(layer: layerPath, diffID: diffID, gzip: true, to: gzipPath)
}
let size = (try? FileManager.default.attributesOfItem(atPath: plainPath)[.size] as? Int) ?? 0
report("generated archive: \(fileCount) files x \(fileSize) B, size", Double(size) / 1_048_576, "MiB")
report("generation time (not part of any figure)", milliseconds(generation), "ms")

measureLoad("docker load -i, plain layer", archive: plainPath)
measureLoad("docker load -i, gzip layer", archive: gzipPath)
measureLoad("docker import (root filesystem tar)", archive: layerPath, command: "docker import")
measureCopyingLoad(archive: plainPath)
measureOutput(archive: plainPath)
try? FileManager.default.removeItem(atPath: directory)
