// swift-tools-version:6.0
// docksim: a Docker simulator and REPL for the classroom.
//
// Module graph (SwiftPM enforces these edges; PurityTests enforces the rest):
//   DockSimCore  <-  DockSimCommands  <-  DockSimLessons  <-  docksim
//   CLibEdit, DockSimCore  <-  DockSimTerminal  <-  docksim
// DockSimCore is pure: no files, terminal, clock or environment of its own.
//
// Every module a target imports is listed as its dependency, even when another
// dependency brings it in: SwiftPM rebuilds a target only when a listed dependency's
// module file changes, so an unlisted one can leave objects compiled against an old
// struct layout (crashes in random tests after an incremental build).
// PackageGraphTests checks this.
import PackageDescription

let package = Package(
  name: "docksim",
  products: [
    .executable(name: "docksim", targets: ["docksim"]),
    .library(name: "DockSimCore", targets: ["DockSimCore"]),
    // For the Benchmarks package (a package of its own, which needs whole sessions and lessons).
    .library(name: "DockSimCommands", targets: ["DockSimCommands"]),
    .library(name: "DockSimLessons", targets: ["DockSimLessons"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The model: layers, union filesystem, images, registry, containers, output primitives.
    .target(
      name: "DockSimCore",
      dependencies: [
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "HashTreeCollections", package: "swift-collections"),
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "Yams", package: "Yams"),
        "CZlib",
      ]
    ),
    // zlib, for gzip-compressed layers in the archives `docker load` reads.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // Data that ships with the program (the mock Hub's catalog), read by the front ends.
    .target(name: "DockSimData", resources: [.copy("Hub")]),
    // The session: shell syntax and interpreter, docker CLI commands, teaching commands.
    .target(name: "DockSimCommands", dependencies: ["DockSimCore", "DockSimData"], plugins: ["EmbedHelp"]),
    // Lesson files: parse, play, check, bless, record.
    .target(
      name: "DockSimLessons", dependencies: ["DockSimCommands", "DockSimCore", "DockSimData"], plugins: ["EmbedLessons"]),
    // Compiles Lessons/ into DockSimLessons, so an installed binary needs no source tree.
    .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["EmbedTextsTool"]),
    // Compiles the docker CLI's Help/ folder (the real --help texts) into the module that prints them.
    .plugin(name: "EmbedHelp", capability: .buildTool(), dependencies: ["EmbedTextsTool"]),
    .executableTarget(name: "EmbedTextsTool", path: "Plugins/EmbedTextsTool"),
    // libedit through pkg-config, with a C shim for its variadic functions.
    .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // Everything that touches the real terminal.
    .target(name: "DockSimTerminal", dependencies: ["CLibEdit", "DockSimCore"]),
    .executableTarget(
      name: "docksim",
      dependencies: [
        "DockSimCommands", "DockSimCore", "DockSimData", "DockSimLessons", "DockSimTerminal",
      ]
    ),
    // Fixtures and helpers the test targets share (golden files, the course's images, a
    // small Hub, real tools): a plain target, since a test target cannot import another.
    .target(
      name: "DockSimTestSupport", dependencies: ["DockSimCommands", "DockSimCore"], path: "Tests/DockSimTestSupport"),
    .testTarget(name: "DockSimCoreTests", dependencies: ["DockSimCore", "DockSimTestSupport"]),
    .testTarget(
      name: "DockSimCommandsTests", dependencies: ["DockSimCommands", "DockSimCore", "DockSimData", "DockSimTestSupport"]),
    .testTarget(name: "DockSimLessonsTests", dependencies: ["DockSimLessons", "DockSimCommands", "DockSimCore"]),
    .testTarget(name: "DockSimTerminalTests", dependencies: ["DockSimTerminal"]),
    // KernelResults/ holds the real kernel's recorded results, read from the source tree.
    .testTarget(
      name: "OverlayDifferentialTests", dependencies: ["DockSimCore", "DockSimCommands"], exclude: ["KernelResults"]),
    // Runs the built `docksim` binary: script mode and a real pseudo-terminal.
    .testTarget(
      name: "DockSimEndToEndTests", dependencies: ["docksim", "DockSimCore", "DockSimTerminal", "DockSimTestSupport"]),
  ]
)
