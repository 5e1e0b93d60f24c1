import Foundation
import PackagePlugin

/// Compiles the course (Lessons/, at the package's top level) into the target as Swift
/// string literals, so an installed `docksim` finds its lessons without the source tree.
/// SwiftPM resources must live inside a target's folder; this keeps Lessons/ where
/// teachers look for it and needs nothing but the compiler.
@main
struct EmbedLessons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL.appending(path: "Lessons")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLessons.swift")
    let files = lessonFiles(under: root)
    // SwiftPM reuses this plugin's answer until the package graph changes, so the file
    // list made here can go stale. The tool therefore lists the folder itself, and the
    // folders are inputs too: adding or removing a lesson changes them and reruns it.
    // (An edit to a lesson added since the last plan is picked up at the next plan,
    // e.g. after `touch Package.swift`; a clean build, like CI's, is always complete.)
    return [
      .buildCommand(
        displayName: "Embedding lessons",
        executable: try context.tool(named: "EmbedTextsTool").url,
        arguments: [root.path, output.path, "EmbeddedLessons"] + Self.extensions,
        inputFiles: files + folders(under: root),
        outputFiles: [output])
    ]
  }

  /// `root` and every folder below it.
  func folders(under root: URL) -> [URL] {
    guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else {
      return [root]
    }
    let below = walk.compactMap { $0 as? URL }.filter {
      (try? $0.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true
    }
    return [root] + below.sorted { $0.path < $1.path }
  }

  /// Lessons (`.md`) and Hub data (`.yaml`, `.yml`, `.json`).
  static let extensions = ["md", "yaml", "yml", "json"]

  /// Every lesson and Hub data file, sorted.
  func lessonFiles(under root: URL) -> [URL] {
    guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    return walk.compactMap { $0 as? URL }.filter { Self.extensions.contains($0.pathExtension) }.sorted { $0.path < $1.path }
  }
}
