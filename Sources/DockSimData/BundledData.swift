import Foundation

/// Files that ship inside the program, so an installed `docksim` needs no source tree.
public enum BundledData {
  /// The text of a file in the bundled `Hub/` folder, or nil when it is missing.
  public static func hubFile(_ name: String) -> String? {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Hub") else { return nil }
    return try? String(contentsOf: url, encoding: .utf8)
  }
}
