/// Synthetic images of a given size for tests and benchmarks: `files` regular files
/// spread round-robin over `layers` layers, `filesPerDirectory` per directory, so every
/// directory is merged from many layers (the worst case for a union lookup).
///
/// File `i` is `/data/dDDDDD/fIIIIIII` with 512–4607 bytes of generated content; layer 0
/// also has a small `/etc` so containers have ordinary files to change.
public struct ScaleImage: Sendable {
  public var files: Int
  public var layerCount: Int
  public var filesPerDirectory: Int
  public var mtime: Timestamp

  public init(files: Int, layers: Int, filesPerDirectory: Int = 100, mtime: Timestamp = Timestamp(seconds: 1_500_000_000)) {
    self.files = files
    self.layerCount = max(1, layers)
    self.filesPerDirectory = max(1, filesPerDirectory)
    self.mtime = mtime
  }

  /// The path of file `index`.
  public func path(ofFile index: Int) -> String {
    "/data/d\(ScaleImage.padded(index / filesPerDirectory, 5))/f\(ScaleImage.padded(index, 7))"
  }

  public func size(ofFile index: Int) -> Int { 512 + (index &* 37) % 4096 }

  public func layers() -> [Layer] {
    var builders = (0..<layerCount).map { _ in LayerBuilder(mtime: mtime) }
    builders[0].file("/etc/os-release", "NAME=\"Scale\"\nID=scale\n")
    builders[0].file("/etc/hostname", "scale\n")
    for index in 0..<files {
      builders[index % layerCount].file(
        path(ofFile: index), size: size(ofFile: index), seed: UInt64(index), mode: 0o644)
    }
    return builders.map { $0.build() }
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}
