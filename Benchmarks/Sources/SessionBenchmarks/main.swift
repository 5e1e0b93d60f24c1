import CMallocInfo
import DockSimCore
import DockSimLessons
import DockSimPrograms
import DockSimShell

#if canImport(Glibc)
  import Glibc
#endif

// Benchmarks of whole commands through a Session, as a student types them
// (BENCHMARKS.md). Each prints `name  value unit` lines. Times are wall clock
// (this harness is not part of the simulator, which never reads the real clock);
// comparisons run interleaved so the machine's load hits both sides alike.
//
//   SessionBenchmarks lessons          per-command times over every shipped lesson, --check time per lesson
//   SessionBenchmarks run              docker run of a 100,000-file vs a 10-file image: time and heap
//   SessionBenchmarks containers       1,000 containers each changing one file of a 10,000-file image: heap
//   SessionBenchmarks find [MNT]       find / in a 20-layer 100,000-file image (vs GNU find on MNT)
//   SessionBenchmarks export-layers D  writes that image's 20 layers as directories under D (for overlayfs)

let clock = ContinuousClock()

func seconds(_ duration: Swift.Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func time(_ body: () -> Void) -> Double { seconds(clock.measure(body)) }

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func percentile(_ values: [Double], _ p: Double) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func report(_ name: String, _ value: Double, _ unit: String) {
  let text = value >= 100 ? String(Int(value.rounded())) : String(Double(Int(value * 100)) / 100)
  print("\(name.padding(toLength: 62, withPad: " ", startingAt: 0)) \(text) \(unit)")
}

/// Bytes currently allocated through malloc (glibc `mallinfo2`: arena + mmapped).
func heapInUse() -> Int { Int(docksim_heap_in_use()) }

/// Runs one input and drops its output; returns the status.
@discardableResult
func execute(_ input: String, in session: inout Session) -> Int32 {
  var console = Console(traits: .plain)
  let status = session.execute(input, console: &console)
  _ = console.drain()
  return status
}

// MARK: - Images of a given size (ScaleImage) in a session's image store

let scaleTime = Timestamp(seconds: 1_500_000_000)

func scaleImage(files: Int, layers: Int) -> Image {
  var assembler = ImageAssembler(base: nil)
  for layer in ScaleImage(files: files, layers: layers).layers() {
    assembler.append(.add(instruction: "ADD", sourceKind: "dir", destination: "/"), layer: layer, at: scaleTime)
  }
  assembler.append(.cmd(["sh"]), layer: nil, at: scaleTime)
  return assembler.image(created: scaleTime)
}

func store(_ image: Image, as name: String, in session: inout Session) {
  session.engine.images.add(image)
  session.engine.images.setTag(try! Reference.parse(name, version: .v20_10), to: image.id)
}

// MARK: - Every command of the shipped lessons

func lessons() {
  let all = try! LessonLibrary.bundled.lessons()
  var perCommand: [(Double, String, String)] = []
  for lesson in all {
    // `docksim lesson --check NAME` without the process start: play and compare.
    var checks: [Double] = []
    var passed = true
    for _ in 0..<3 {
      checks.append(time { passed = LessonRun(lesson).passed && passed })
    }
    report("lesson --check \(lesson.path)\(passed ? "" : " (FAILED)")", median(checks) * 1000, "ms")
    // Every command again, one at a time, in a fresh session set up as the lesson says.
    let run = LessonRun(lesson)
    var session = try! LessonEnvironment().makeSession(for: lesson)
    for step in run.steps {
      let inputs: [String]
      switch step {
      case .command(_, let input): inputs = [input]
      case .exercise(let exercise): inputs = LessonRun.inputs(from: exercise.solution, session: session)
      case .narration: inputs = []
      }
      for input in inputs {
        var console = Console(traits: .terminal)
        let elapsed = time { _ = session.execute(input, console: &console) }
        session.history.append(input)
        perCommand.append((elapsed, lesson.path, input))
      }
    }
  }
  let times = perCommand.map(\.0)
  report("commands in the lessons (all languages)", Double(times.count), "commands")
  report("per-command median", median(times) * 1000, "ms")
  report("per-command 90th percentile", percentile(times, 0.9) * 1000, "ms")
  report("per-command maximum", (times.max() ?? 0) * 1000, "ms")
  for (elapsed, path, input) in perCommand.sorted(by: { $0.0 > $1.0 }).prefix(5) {
    let shown = input.split(separator: "\n").first.map(String.init) ?? input
    report("  slowest: \(path): \(shown.prefix(30))", elapsed * 1000, "ms")
  }
}

// MARK: - docker run of a 100,000-file image vs a 10-file image

func dockerRun() {
  let runs = 200
  var session = Session()
  let heapBefore = heapInUse()
  let small = scaleImage(files: 10, layers: 10)
  store(small, as: "scale:10", in: &session)
  let heapSmall = heapInUse()
  let large = scaleImage(files: 100_000, layers: 10)
  store(large, as: "scale:100000", in: &session)
  let heapLarge = heapInUse()
  report("heap of the 10-file image (layers, config)", Double(heapSmall - heapBefore) / 1024, "KiB")
  report("heap of the 100,000-file image (layers, config)", Double(heapLarge - heapSmall) / 1024, "KiB")
  // The first container of an image builds its merged view, once per image.
  for name in ["scale:10", "scale:100000"] {
    let before = heapInUse()
    let first = time { execute("docker run \(name) true", in: &session) }
    report("first docker run of \(name) (builds the image's view once)", first * 1000, "ms")
    report("  heap of that view and container", Double(heapInUse() - before) / 1024, "KiB")
  }
  var samples: [String: [Double]] = ["scale:10": [], "scale:100000": []]
  var heap: [String: Int] = ["scale:10": 0, "scale:100000": 0]
  for _ in 0..<runs {
    for name in ["scale:10", "scale:100000"] {
      let before = heapInUse()
      samples[name]!.append(time { execute("docker run \(name) true", in: &session) })
      heap[name]! += heapInUse() - before
    }
  }
  for name in ["scale:10", "scale:100000"] {
    report("docker run \(name) true (median of \(runs), interleaved)", median(samples[name]!) * 1e6, "µs")
    report("  heap growth per container kept", Double(heap[name]!) / Double(runs), "bytes")
  }
  report("ratio 100,000 files / 10 files: time", median(samples["scale:100000"]!) / median(samples["scale:10"]!), "x")
  report("ratio 100,000 files / 10 files: heap per container", Double(heap["scale:100000"]!) / Double(heap["scale:10"]!), "x")
}

// MARK: - 1,000 containers each changing one file of a 10,000-file image

func containers() {
  var session = Session()
  let scale = ScaleImage(files: 10_000, layers: 10)
  store(scaleImage(files: 10_000, layers: 10), as: "scale:10000", in: &session)
  execute("docker run scale:10000 true", in: &session)  // the image's view, built once
  let before = heapInUse()
  let elapsed = time {
    for index in 0..<1000 {
      execute("docker run scale:10000 sh -c 'echo changed >> \(scale.path(ofFile: index * 7))'", in: &session)
    }
  }
  let grown = heapInUse() - before
  report("1,000 x docker run ... sh -c 'echo >> FILE': heap growth", Double(grown) / 1_048_576, "MiB")
  report("  per container", Double(grown) / 1000, "bytes")
  report("  time per docker run", elapsed, "ms")
  execute("docker diff $(docker ps -lq)", in: &session)
}

// MARK: - find / in a 20-layer, 100,000-file image

let findScale = ScaleImage(files: 100_000, layers: 20)

func find(mountPoint: String?) {
  var session = Session()
  store(scaleImage(files: findScale.files, layers: findScale.layerCount), as: "scale:find", in: &session)
  execute("docker run scale:find true", in: &session)  // the image's view, built once
  var console = Console(traits: .plain)
  session.execute("docker run scale:find find / | wc -l", console: &console)
  let output = ScreenText.lines(of: console)
  let count = output.joined()
  if Int(trimmed(count)) == nil { print("docksim's find printed: \(output.prefix(3))") }
  report("entries docksim's find / lists", Double(Int(trimmed(count)) ?? -1), "paths")
  if let mountPoint {
    let gnuCount = shell("find \(mountPoint) | wc -l")
    report("entries GNU find lists on the overlay mount", Double(Int(trimmed(gnuCount)) ?? -1), "paths")
  }
  // docksim stops a command's output at 1 MiB (its limit), so listing all 101,005 paths
  // is not comparable: `-name nomatch` walks and stats the whole tree and prints nothing.
  for (docksimCommand, gnuSuffix) in [("find / | wc -l", " | wc -l"), ("find / -name nomatch", " -name nomatch")] {
    var docksim: [Double] = []
    var gnu: [Double] = []
    for _ in 0..<7 {
      docksim.append(time { execute("docker run scale:find \(docksimCommand)", in: &session) })
      if let mountPoint { gnu.append(time { _ = shell("find \(mountPoint)\(gnuSuffix)") }) }
    }
    report("docksim: docker run IMAGE \(docksimCommand) (median of 7)", median(docksim) * 1000, "ms")
    if let mountPoint {
      report("GNU find \(mountPoint.suffix(6))\(gnuSuffix) (median of 7, interleaved)", median(gnu) * 1000, "ms")
      report("ratio docksim / GNU find", median(docksim) / median(gnu), "x")
    }
  }
}

func trimmed(_ text: String) -> String { String(text.filter { !$0.isWhitespace }) }

/// Output of `sh -c command` (through popen).
func shell(_ command: String) -> String {
  guard let pipe = popen(command, "r") else { return "" }
  var output: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = fread(&buffer, 1, buffer.count, pipe)
    if count <= 0 { break }
    output += buffer[..<count]
  }
  pclose(pipe)
  return String(decoding: output, as: UTF8.self)
}

/// Writes each layer of the find image as a directory `D/lNN` (files sparse, at their
/// size; metadata as in the layer), for an overlayfs mount of the same layers.
func exportLayers(to root: String) {
  for (index, layer) in findScale.layers().enumerated() {
    let directory = root + "/l" + (index < 10 ? "0" : "") + String(index)
    mkdir(directory, 0o755)
    for path in layer.contents.walkOrder {
      guard let entry = layer.contents.entries[path] else { continue }
      let target = directory + path
      switch entry {
      case .directory: mkdir(target, 0o755)
      case .file:
        let size = layer.file(at: path)?.data.size ?? 0
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
          ftruncate(fd, off_t(size))
          close(fd)
        }
      case .symlink(let to, _): symlink(to, target)
      case .whiteout: mknod(target, S_IFCHR, 0)
      }
    }
  }
  print("wrote \(findScale.layerCount) layers under \(root)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "lessons": lessons()
case "run": dockerRun()
case "containers": containers()
case "find": find(mountPoint: arguments.dropFirst().first)
case "export-layers": exportLayers(to: arguments[1])
default:
  lessons()
  dockerRun()
  containers()
  find(mountPoint: nil)
}
