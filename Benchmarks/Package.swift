// swift-tools-version:6.0
// Benchmarks for docksim's layers and union filesystem. A package of its own, so the
// normal `swift build` / `swift test` of docksim never compiles it.
//
//   cd Benchmarks && swift run -c release UnionFSBenchmarks
import PackageDescription

// A path dependency is named after its folder (`main`, or a worktree's name), so the
// product's package is found from where this manifest sits.
let docksimFolder = String(#filePath.split(separator: "/").dropLast(2).last ?? "docksim").lowercased()

let package = Package(
  name: "docksim-benchmarks",
  dependencies: [.package(path: "..")],
  targets: [
    // glibc's mallinfo2 is not in Swift's Glibc module.
    .target(name: "CMallocInfo"),
    // Whole commands through a Session: lessons, docker run, containers, find.
    .executableTarget(
      name: "SessionBenchmarks",
      dependencies: [
        "CMallocInfo",
        .product(name: "DockSimCore", package: docksimFolder),
        .product(name: "DockSimShell", package: docksimFolder),
        .product(name: "DockSimPrograms", package: docksimFolder),
        .product(name: "DockSimLessons", package: docksimFolder),
      ]
    ),
    // The yardstick of the start-up benchmark (BENCHMARKS.md, "Start-up").
    .executableTarget(name: "MinimalExecutable"),
    .executableTarget(
      name: "UnionFSBenchmarks",
      dependencies: ["CMallocInfo", .product(name: "DockSimCore", package: docksimFolder)]
    ),
    // docker load/save/export/import of a 100 MB, 10,000-file root filesystem (BENCHMARKS.md, Archives).
    .executableTarget(
      name: "ArchiveBenchmarks",
      dependencies: [
        "CMallocInfo", .product(name: "DockSimCore", package: docksimFolder),
        .product(name: "DockSimShell", package: docksimFolder),
        .product(name: "DockSimPrograms", package: docksimFolder),
      ]
    ),
  ]
)
