// swift-tools-version:6.0
// docksim: a Docker simulator and REPL for the classroom.
//
// Module graph (each arrow an import; PackageGraphTests checks that every import is declared,
// every declared module is imported, and nothing imports past this graph):
//   DockSimCore  <-  DockSimShell  <-  DockSimDocker, DockSimTeaching  <-  DockSimPrograms
//   DockSimPrograms, DockSimData  <-  DockSimLessons, DockSimDaemon  <-  docksim
//   CLibEdit, DockSimCore  <-  DockSimTerminal  <-  docksim
// DockSimCore is pure (PurityTests): no Foundation, files, terminal, clock, randomness or
// environment of its own.
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
    .library(name: "DockSimShell", targets: ["DockSimShell"]),
    .library(name: "DockSimPrograms", targets: ["DockSimPrograms"]),
    .library(name: "DockSimLessons", targets: ["DockSimLessons"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // The daemon's HTTP server (docksim daemon): HTTP/1.1 codec, unix and TCP sockets, and the
    // hijacked connections attach and exec need.
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
    // The session and its shells: grammar, interpreter, builtins, utilities, the REPL's
    // own commands. Programs come from a registry, narration from an injected narrator.
    .target(name: "DockSimShell", dependencies: ["DockSimCore"]),
    // The docker CLI: dispatch, flags, --help texts (Help/), one file per command, completion.
    .target(name: "DockSimDocker", dependencies: ["DockSimCore", "DockSimShell"], plugins: ["EmbedHelp"]),
    // The simulator's teaching commands: layers, trace, whence, tree, explain, lang.
    .target(name: "DockSimTeaching", dependencies: ["DockSimCore", "DockSimShell"]),
    // The composition: a session with docker and the teaching commands registered.
    .target(
      name: "DockSimPrograms", dependencies: ["DockSimCore", "DockSimDocker", "DockSimShell", "DockSimTeaching"]),
    // Lesson files: parse, play, check, bless, record.
    .target(
      name: "DockSimLessons",
      dependencies: ["DockSimCore", "DockSimData", "DockSimPrograms", "DockSimShell", "DockSimTeaching"],
      plugins: ["EmbedLessons"]),
    // Compiles Lessons/ into DockSimLessons, so an installed binary needs no source tree.
    .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["EmbedTextsTool"]),
    // Compiles the docker CLI's Help/ folder (the real --help texts) into the module that prints them.
    .plugin(name: "EmbedHelp", capability: .buildTool(), dependencies: ["EmbedTextsTool"]),
    .executableTarget(name: "EmbedTextsTool", path: "Plugins/EmbedTextsTool"),
    // Compiles VERSION (and the commit, in a git checkout) into docksim: `docksim --version`.
    .plugin(name: "EmbedVersion", capability: .buildTool(), dependencies: ["EmbedVersionTool"]),
    .executableTarget(name: "EmbedVersionTool", path: "Plugins/EmbedVersionTool"),
    // libedit through pkg-config, with a C shim for its variadic functions.
    .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // The signal flag and handlers, in C (a handler may only store to a lock-free atomic),
    // defined once: a header's static state is copied into every object file that uses it.
    .target(name: "CSignals"),
    // Everything that touches the real terminal.
    .target(name: "DockSimTerminal", dependencies: ["CLibEdit", "CSignals", "DockSimCore"]),
    // `docksim daemon`: the Docker Engine API over one session, for the real docker CLI,
    // docker-py and Compose. The only module that links SwiftNIO.
    .target(
      name: "DockSimDaemon",
      dependencies: [
        "DockSimCore", "DockSimDocker", "DockSimPrograms", "DockSimShell",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "docksim",
      dependencies: [
        "DockSimCore", "DockSimDaemon", "DockSimData", "DockSimLessons", "DockSimPrograms", "DockSimShell",
        "DockSimTeaching", "DockSimTerminal",
      ],
      plugins: ["EmbedVersion"]
    ),
    // Fixtures and helpers the test targets share (golden files, the course's images, a
    // small Hub, real tools): a plain target, since a test target cannot import another.
    .target(
      name: "DockSimTestSupport", dependencies: ["DockSimCore", "DockSimShell"], path: "Tests/DockSimTestSupport"),
    .testTarget(name: "DockSimCoreTests", dependencies: ["DockSimCore", "DockSimTestSupport"]),
    // The shell's tests build without the docker CLI and the teaching commands.
    .testTarget(name: "DockSimShellTests", dependencies: ["DockSimCore", "DockSimShell", "DockSimTestSupport"]),
    .testTarget(
      name: "DockSimDockerTests",
      dependencies: [
        "DockSimCore", "DockSimData", "DockSimDocker", "DockSimPrograms", "DockSimShell", "DockSimTestSupport",
      ]),
    .testTarget(
      name: "DockSimTeachingTests",
      dependencies: ["DockSimCore", "DockSimPrograms", "DockSimShell", "DockSimTeaching", "DockSimTestSupport"]),
    .testTarget(
      name: "DockSimLessonsTests", dependencies: ["DockSimCore", "DockSimLessons", "DockSimPrograms", "DockSimShell", "DockSimTeaching"]),
    .testTarget(name: "DockSimTerminalTests", dependencies: ["DockSimTerminal"]),
    .testTarget(
      name: "DockSimDaemonTests",
      dependencies: [
        "DockSimCore", "DockSimDaemon", "DockSimData", "DockSimPrograms", "DockSimShell", "DockSimTestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
      ]),
    // KernelResults/ holds the real kernel's recorded results, read from the source tree.
    .testTarget(
      name: "OverlayDifferentialTests",
      dependencies: ["DockSimCore", "DockSimPrograms", "DockSimShell", "DockSimTestSupport"],
      exclude: ["KernelResults"]),
    // Runs the built `docksim` binary: script mode and a real pseudo-terminal.
    .testTarget(
      name: "DockSimEndToEndTests", dependencies: ["docksim", "DockSimCore", "DockSimTerminal", "DockSimTestSupport"]),
  ]
)
