import CMallocInfo
import DockSimCore

#if canImport(Glibc)
  import Glibc
#endif

// Each benchmark prints one line per measurement: name, value, unit. Times are the
// median of several runs, measured with the real clock (this harness is not part of
// the simulator, which never reads it).

let clock = ContinuousClock()
let t = Timestamp(seconds: 1_700_000_000)

/// Median wall time of `runs` runs of `body`, in nanoseconds per `iterations`.
func measure(runs: Int = 5, iterations: Int = 1, _ body: () -> Void) -> Double {
  var samples: [Double] = []
  for _ in 0..<runs {
    let elapsed = clock.measure(body)
    let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
    samples.append(ns / Double(iterations))
  }
  return samples.sorted()[samples.count / 2]
}

/// Bytes currently allocated through malloc.
func heapInUse() -> Int { Int(docksim_heap_in_use()) }

func report(_ name: String, _ value: Double, _ unit: String) {
  let text = value >= 100 ? String(Int(value.rounded())) : String(Double(Int(value * 100)) / 100)
  print("\(name.padding(toLength: 58, withPad: " ", startingAt: 0)) \(text) \(unit)")
}

/// Keeps the optimizer from dropping work whose result is unused.
@inline(never) func keep<T>(_ value: T) { withExtendedLifetime(value) {} }

func image(files: Int, layers: Int) -> (ScaleImage, MergedView) {
  let scale = ScaleImage(files: files, layers: layers)
  return (scale, MergedView(layers: scale.layers()))
}

// MARK: - 1. Creating a container is O(1) in the image size

func containerCreation() {
  for files in [10, 100_000] {
    let scale = ScaleImage(files: files, layers: 10)
    var layers: [Layer] = []
    let layerTime = measure(runs: 1) { layers = scale.layers() }
    var view = MergedView.empty
    let viewTime = measure(runs: 1) { view = MergedView(layers: layers) }
    report("image build, \(files) files in 10 layers: layers", layerTime / 1e6, "ms")
    report("image build, \(files) files in 10 layers: merged view (once per image)", viewTime / 1e6, "ms")
    let create = measure(iterations: 10_000) {
      for _ in 0..<10_000 { keep(ContainerFS(image: view)) }
    }
    report("container creation, \(files)-file image", create, "ns/container")
  }
}

// MARK: - 2. Lookup and readdir through 127 layers vs 1

func lookupAndReaddir() {
  var results: [Int: (Double, Double)] = [:]
  for layerCount in [1, 127] {
    let (scale, view) = image(files: 10_000, layers: layerCount)
    var fs = ContainerFS(image: view)
    var random = SplitMix64(seed: 1)
    let paths = (0..<1000).map { _ in scale.path(ofFile: Int(random.next() % 10_000)) }
    let lookup = measure(iterations: paths.count) {
      for path in paths { keep(try? fs.stat(path)) }
    }
    let directories = (0..<100).map { "/data/d" + String(100_000 + $0).dropFirst() }
    let readdir = measure(iterations: directories.count) {
      for directory in directories { keep(try? fs.readdir(directory)) }
    }
    results[layerCount] = (lookup, readdir)
    report("stat of a file, 10,000-file image, \(layerCount) layer(s)", lookup, "ns/stat")
    report("readdir of a 100-entry dir, \(layerCount) layer(s)", readdir / 1000, "µs/readdir")
  }
  report("ratio 127 layers / 1 layer: stat", results[127]!.0 / results[1]!.0, "x")
  report("ratio 127 layers / 1 layer: readdir", results[127]!.1 / results[1]!.1, "x")
}

// MARK: - 3. Memory of 1,000 containers each changing one file

func memoryPerContainer() {
  let start = heapInUse()
  let (scale, view) = image(files: 10_000, layers: 10)
  report("heap of the 10,000-file image (layers + merged view)", Double(heapInUse() - start) / 1024, "KiB")
  let before = heapInUse()
  var containers: [ContainerFS] = []
  containers.reserveCapacity(1000)
  for index in 0..<1000 {
    var fs = ContainerFS(image: view)
    try? fs.writeFile(scale.path(ofFile: index * 7), FileData("changed\n"), append: true, at: t)
    containers.append(fs)
  }
  let after = heapInUse()
  report("heap growth for 1,000 containers, one appended file each", Double(after - before) / 1024, "KiB")
  report("heap growth per container (10,000-file image, 1 changed file)", Double(after - before) / 1000, "bytes")
  keep(containers)
}

// MARK: - 4. diff and commit cost vs image size

func diffAndCommit() {
  for files in [1_000, 10_000, 100_000] {
    let (scale, view) = image(files: files, layers: 10)
    var fs = ContainerFS(image: view)
    for index in 0..<10 {
      try? fs.writeFile(scale.path(ofFile: index * (files / 10)), FileData("x"), append: true, at: t)
    }
    try? fs.removeTree("/data/d00003", at: t)
    let changed = fs
    let diff = measure(runs: 7) { keep(changed.changes()) }
    let commit = measure(runs: 7) { keep(changed.commit()) }
    let layer = changed.commit()
    let apply = measure(runs: 3) { keep(view.appending(layer)) }
    report("docker diff, 11 changes, \(files)-file image", diff / 1000, "µs")
    report("commit (writable layer -> Layer), \(files)-file image", commit / 1000, "µs")
    report("new image view = old view + committed layer, \(files) files", apply / 1000, "µs")
  }
}

// MARK: - 5. Path depth: one lookup, and a walk that carries each directory down

/// A chain of `depth` directories named `a` (`/a/a/.../a`, 2 bytes a level; PATH_MAX
/// allows 2,047 levels), one file at the bottom. A lookup resolves every prefix and
/// each level hashes its whole path (the maps are keyed by path), so one lookup costs
/// the sum of its prefixes' lengths: quadratic in the depth. A walk from directory
/// handles pays one level per directory: the size of the paths it prints.
func pathDepth() {
  for depth in [250, 500, 1000, 2000] {
    var fs = ContainerFS.empty()
    let deepest = String(repeating: "/a", count: depth)
    var path = ""
    for _ in 0..<depth {
      path += "/a"
      try? fs.mkdir(path, at: t)
    }
    try? fs.writeFile(deepest + "/f", FileData("x"), at: t)
    let lookup = measure(runs: 5, iterations: 10) { for _ in 0..<10 { keep(try? fs.stat(deepest + "/f")) } }
    let walk = measure(runs: 3) {
      var count = 0
      var stack = [try! fs.openDirectory("/")]
      while let directory = stack.popLast() {
        for entry in fs.entries(of: directory) {
          count += 1
          if let below = fs.subdirectory(entry.name, of: directory) { stack.append(below) }
        }
      }
      keep(count)
    }
    let resolving = measure(runs: 3) {
      var count = 0
      var stack = ["/"]
      while let directory = stack.popLast() {
        for entry in (try? fs.readdir(directory)) ?? [] {
          count += 1
          if entry.kind == .directory { stack.append(FSPath.child(directory, entry.name)) }
        }
      }
      keep(count)
    }
    report("stat of the file \(depth) directories deep", lookup / 1000, "µs")
    report("walk of the chain, directory handles (find, ls -R, du)", walk / 1000, "µs")
    report("walk of the chain, readdir of each path from / (before)", resolving / 1000, "µs")
  }
}

let selected = Set(CommandLine.arguments.dropFirst())
let all: [(String, () -> Void)] = [
  ("create", containerCreation), ("lookup", lookupAndReaddir), ("memory", memoryPerContainer), ("diff", diffAndCommit),
  ("depth", pathDepth),
]
for (name, run) in all where selected.isEmpty || selected.contains(name) { run() }
