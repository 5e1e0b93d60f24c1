import Foundation
import PackagePlugin

/// Compiles the target's `Help/` folder (docker's `--help` texts, one folder per
/// version; scripts/capture-docker-help.py writes it) into the target as Swift string
/// literals, `EmbeddedHelp.files`, so an installed `docksim` needs no source tree.
/// SwiftPM hands the plugin the folder's files as files of no known type.
@main
struct EmbedHelp: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let files = (target as? SourceModuleTarget)?.sourceFiles.map(\.url) ?? []
    guard let root = files.lazy.compactMap(helpFolder(containing:)).first else { return [] }
    let texts = files.filter { $0.path.hasPrefix(root.path + "/") }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedHelp.swift")
    return [
      .buildCommand(
        displayName: "Embedding docker help texts",
        executable: try context.tool(named: "EmbedTextsTool").url,
        arguments: [root.path, output.path, "EmbeddedHelp", "txt", "list"],
        inputFiles: texts,
        outputFiles: [output])
    ]
  }

  /// The nearest folder named `Help` above `file`, if any.
  func helpFolder(containing file: URL) -> URL? {
    var folder = file.deletingLastPathComponent()
    while folder.pathComponents.count > 1 {
      if folder.lastPathComponent == "Help" { return folder }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }
}
