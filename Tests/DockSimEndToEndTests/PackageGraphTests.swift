import Foundation
import Testing

/// Every module a target imports must be one of its declared dependencies. SwiftPM
/// recompiles a target only when a declared dependency's module file changes; a module
/// reached only through another dependency can change its struct layouts without the
/// importer being rebuilt, and the stale objects then crash (signal 11) in whichever
/// tests use them, after an incremental build only. This is what the intermittent
/// crashes in the shell and lesson tests were.
@Suite struct PackageGraphTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func everyImportedPackageModuleIsADeclaredDependency() throws {
    let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
    let targets = Self.targets(in: manifest)
    let local = Set(targets.map(\.name))
    #expect(targets.count >= 10, "the manifest parser found \(targets.map(\.name))")
    for target in targets {
      let imported = try Self.imports(under: Self.root.appendingPathComponent(target.folder)).intersection(local)
      let missing = imported.subtracting(target.dependencies).subtracting([target.name])
      #expect(missing.isEmpty, "\(target.name) imports \(missing.sorted()) without declaring it in Package.swift")
    }
  }

  struct Target {
    var name: String
    var folder: String
    var dependencies: Set<String>
  }

  /// The targets of the manifest: each `.target(`, `.testTarget(`, `.executableTarget(`
  /// call up to its closing parenthesis, with its name, path and quoted dependencies.
  static func targets(in manifest: String) -> [Target] {
    var targets: [Target] = []
    let kinds = [
      ".target(": "Sources", ".executableTarget(": "Sources", ".systemLibrary(": "Sources", ".testTarget(": "Tests",
    ]
    var rest = Substring(manifest)
    while let (kind, start) = kinds.keys.compactMap({ key in rest.range(of: key).map { (key, $0) } })
      .min(by: { $0.1.lowerBound < $1.1.lowerBound })
    {
      var depth = 1
      var index = start.upperBound
      while index < rest.endIndex, depth > 0 {
        if rest[index] == "(" { depth += 1 } else if rest[index] == ")" { depth -= 1 }
        index = rest.index(after: index)
      }
      let call = String(rest[start.upperBound..<index])
      rest = rest[index...]
      guard let name = firstQuoted(after: "name:", in: call) else { continue }
      let folder = firstQuoted(after: "path:", in: call) ?? "\(kinds[kind]!)/\(name)"
      var dependencies: Set<String> = []
      if let list = call.range(of: "dependencies:") {
        let tail = call[list.upperBound...]
        let end = tail.firstIndex(of: "]") ?? tail.endIndex
        dependencies = Set(quoted(in: String(tail[..<end])))
      }
      targets.append(Target(name: name, folder: folder, dependencies: dependencies))
    }
    return targets
  }

  static func firstQuoted(after key: String, in text: String) -> String? {
    guard let range = text.range(of: key) else { return nil }
    return quoted(in: String(text[range.upperBound...])).first
  }

  static func quoted(in text: String) -> [String] {
    text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
      .map { String($0.element) }
  }

  /// The modules that the Swift files under `folder` import.
  static func imports(under folder: URL) throws -> Set<String> {
    var modules: Set<String> = []
    guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
    for case let file as URL in walk where file.pathExtension == "swift" {
      for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
        let words = line.split(separator: " ")
        guard let position = words.firstIndex(of: "import"), position + 1 < words.count else { continue }
        guard words[..<position].allSatisfy({ $0.hasPrefix("@") }) else { continue }
        modules.insert(String(words[position + 1]))
      }
    }
    return modules
  }
}
