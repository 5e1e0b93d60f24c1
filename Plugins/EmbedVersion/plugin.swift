import Foundation
import PackagePlugin

/// Compiles the version into the executable: VERSION (the one place it is written) and,
/// in a git checkout, the commit HEAD names. The tool reads files only, so a build needs
/// no git, costs nothing at start-up (a string literal), and the same commit always
/// gives the same binary. A source tree without .git gets the bare version.
@main
struct EmbedVersion: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedVersion.swift")
    // The tool resolves HEAD itself on every run; these inputs make it run again when
    // HEAD, a branch or the packed refs move (git rewrites a ref by renaming a new file
    // into its folder, which changes the folder too).
    let git = GitFiles(root: root)
    return [
      .buildCommand(
        displayName: "Embedding the version",
        executable: try context.tool(named: "EmbedVersionTool").url,
        arguments: [root.path, output.path],
        inputFiles: [root.appending(path: "VERSION")] + git.watched,
        outputFiles: [output])
    ]
  }
}

/// Where a checkout's HEAD and refs live (a worktree's .git is a file naming its folder).
struct GitFiles {
  var watched: [URL] = []

  init(root: URL) {
    let dotGit = root.appending(path: ".git")
    guard let gitDir = Self.gitDirectory(dotGit) else { return }
    let common = (try? String(contentsOf: gitDir.appending(path: "commondir"), encoding: .utf8))
      .map { gitDir.appending(path: $0.trimmingCharacters(in: .whitespacesAndNewlines)).standardized } ?? gitDir
    let candidates = [
      gitDir.appending(path: "HEAD"), common.appending(path: "packed-refs"), common.appending(path: "refs/heads"),
    ]
    var refFolders: [URL] = []
    if let head = try? String(contentsOf: gitDir.appending(path: "HEAD"), encoding: .utf8), head.hasPrefix("ref: ") {
      let ref = head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)
      refFolders = [common.appending(path: ref), gitDir.appending(path: ref)]
    }
    watched = (candidates + refFolders).filter { FileManager.default.fileExists(atPath: $0.path) }
  }

  static func gitDirectory(_ dotGit: URL) -> URL? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) else { return nil }
    if isFolder.boolValue { return dotGit }
    guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") else { return nil }
    let path = text.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
    return path.hasPrefix("/") ? URL(fileURLWithPath: path) : dotGit.deletingLastPathComponent().appending(path: path)
  }
}
