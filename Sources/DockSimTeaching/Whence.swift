import DockSimCore
import DockSimShell

/// `whence`: which layer provides a path and every lower version it hides.
enum WhenceReport {
  /// The report for a normalized absolute path, or nil when no layer has it.
  static func lines(_ fs: ContainerFS, path: String, labels: LayerLabels, language: Language) -> [String]? {
    func text(_ key: MessageKey, _ arguments: [String: String]) -> String { Messages.text(key, language, arguments) }
    func place(_ index: Int) -> String { labels.place(.image(index), language) }
    let lower = fs.image.whence(path)
    let upperEntry = fs.upper.entry(at: path)

    // Deleted in the container, by a whiteout at the path or at a directory above it.
    let deletedInContainer = ([path] + FSPath.ancestors(path)).contains { fs.upper.entry(at: $0)?.isWhiteout == true }
    if deletedInContainer, let lower {
      // Deleted in the container: the whiteout hides the image's version(s).
      return [text(.whenceWhiteout, ["path": path, "place": place(lower.layer)])]
        + lower.below.map { text(.whenceHidden, ["place": place($0)]) }
    }
    switch fs.place(of: path) {
    case .upper?:
      return upperLines(
        path: path, entry: upperEntry, lower: lower, opaque: isOpaque(upperEntry),
        container: labels.place(.upper, language), text: text, place: place)
    case .image(let index)?:
      let isDirectory = lower?.entry.isDirectory ?? false
      let head = isDirectory ? MessageKey.whenceDirectory : .whenceVisible
      let follow = isDirectory ? MessageKey.whenceMerged : .whenceHidden
      return [text(head, ["path": path, "place": place(lower?.layer ?? index)])]
        + (lower?.below ?? []).map { text(follow, ["place": place($0)]) }
    case nil:
      return deletedInImage(fs, path: path, labels: labels, language: language)
    }
  }

  /// A path an image layer deleted: the topmost layer whose whiteout (at the path or an
  /// ancestor) hides it, and the layer below that still has it.
  static func deletedInImage(_ fs: ContainerFS, path: String, labels: LayerLabels, language: Language) -> [String]? {
    let layers = fs.image.layers
    for index in layers.indices.reversed() {
      guard ([path] + FSPath.ancestors(path)).contains(where: { layers[index].entry(at: $0)?.isWhiteout == true })
      else { continue }
      guard let holder = (0..<index).reversed().first(where: { layers[$0].entry(at: path).map { !$0.isWhiteout } ?? false })
      else { return nil }
      return [Messages.text(.whenceDeletedBelow, language, [
        "path": path, "place": labels.place(.image(index), language), "hidden": labels.place(.image(holder), language),
      ])]
    }
    return nil
  }

  static func isOpaque(_ entry: LayerEntry?) -> Bool {
    if case .directory(_, let opaque)? = entry { return opaque }
    return false
  }

  static func upperLines(
    path: String, entry: LayerEntry?, lower: Whence?, opaque: Bool, container: String,
    text: (MessageKey, [String: String]) -> String, place: (Int) -> String
  ) -> [String] {
    guard let lower else {
      let key: MessageKey = entry?.isDirectory == true ? .whenceDirectory : .whenceVisible
      return [text(key, ["path": path, "place": container])]
    }
    if entry?.isDirectory == true {
      // A directory in the container layer: merged with the image's unless opaque.
      let follow: MessageKey = opaque ? .whenceHidden : .whenceMerged
      return [text(.whenceDirectory, ["path": path, "place": container])]
        + ([lower.layer] + lower.below).map { text(follow, ["place": place($0)]) }
    }
    // The course text's file A: the copy in the container layer, the original still below.
    return [text(.whenceContainerCopy, ["path": path]), text(.whenceOriginal, ["place": place(lower.layer)])]
      + lower.below.map { text(.whenceHidden, ["place": place($0)]) }
  }
}
