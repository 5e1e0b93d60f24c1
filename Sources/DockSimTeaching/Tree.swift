import DockSimCore
import DockSimShell

/// `tree`: the merged tree under a directory, each entry marked with the layer it
/// comes from; whiteouts and opaque directories shown.
struct TreeReport {
  var fs: ContainerFS
  var labels: LayerLabels
  var language: Language
  var style: BoxStyle
  /// Beyond this many entries the tree stops with "... N more".
  var limit = 400

  struct Line {
    var left: String
    var note: String
  }

  init(_ fs: ContainerFS, labels: LayerLabels, language: Language, style: BoxStyle) {
    var quiet = fs
    quiet.tracing = false
    self.fs = quiet
    self.labels = labels
    self.language = language
    self.style = style
  }

  func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
    Messages.text(key, language, arguments)
  }

  /// The tree under a normalized absolute path, or nil when it does not exist.
  mutating func render(_ path: String) -> String? {
    guard let place = fs.place(of: path) else { return nil }
    var lines = [Line(left: path == "/" ? "/" : path + (isDirectory(path) ? "/" : ""), note: note(path, place: place))]
    var remaining = limit
    var skipped = 0
    if isDirectory(path) { walk(path, prefix: "", into: &lines, remaining: &remaining, skipped: &skipped) }
    var out = align(lines)
    if skipped > 0 { out.append(text(.treeMore, ["count": "\(skipped)"])) }
    out.append(text(.treeLegend))
    return out.joined(separator: "\n") + "\n"
  }

  func isDirectory(_ path: String) -> Bool { fs.kind(at: path) == .directory }

  /// Children first by name: visible entries and the whiteouts that hide lower ones.
  mutating func walk(_ directory: String, prefix: String, into lines: inout [Line], remaining: inout Int, skipped: inout Int) {
    let visible = ((try? fs.readdir(directory)) ?? []).map(\.name)
    let deleted = whiteouts(in: directory).filter { !visible.contains($0.name) }
    let names = (visible + deleted.map(\.name)).sorted(by: FSPath.byteOrder)
    for (index, name) in names.enumerated() {
      guard remaining > 0 else {
        skipped += 1
        continue
      }
      remaining -= 1
      let last = index == names.count - 1
      let branch = last ? lastBranch : midBranch
      let child = FSPath.child(directory, name)
      if let hidden = deleted.first(where: { $0.name == name }) {
        lines.append(Line(left: prefix + branch + name, note: hidden.note))
        continue
      }
      let kind = fs.kind(at: child)
      var label = name + (kind == .directory ? "/" : "")
      if kind == .symlink, let target = try? fs.readlink(child) { label += " -> " + target }
      lines.append(Line(left: prefix + branch + label, note: note(child, place: fs.place(of: child) ?? .upper)))
      if kind == .directory {
        walk(child, prefix: prefix + (last ? "    " : continuation), into: &lines, remaining: &remaining, skipped: &skipped)
      }
    }
  }

  var midBranch: String { style == .unicode ? "├── " : "|-- " }
  var lastBranch: String { style == .unicode ? "└── " : "`-- " }
  var continuation: String { style == .unicode ? "│   " : "|   " }

  /// The mark and, for copies and opaque directories, what they hide.
  func note(_ path: String, place: LayerPlace) -> String {
    var note = labels.mark(place)
    let entry: LayerEntry?
    switch place {
    case .upper: entry = fs.upper.entry(at: path)
    case .image(let index): entry = fs.image.layers[index].entry(at: path)
    }
    if case .directory(_, true)? = entry {
      note += " " + text(.treeOpaque)
    } else if place == .upper, entry?.isDirectory == false, let lower = fs.image.whence(path) {
      note += " " + text(.treeCopyUp, ["number": "\(labels.number(lower.layer))"])
    }
    return note
  }

  /// Whiteouts in `directory`: the container layer's, then the image layers' (top first).
  func whiteouts(in directory: String) -> [(name: String, note: String)] {
    var found: [(name: String, note: String)] = []
    for name in fs.upper.names(in: directory) where fs.upper.entry(at: FSPath.child(directory, name))?.isWhiteout == true {
      let hidden = fs.image.whence(FSPath.child(directory, name))?.layer
      found.append((name, whiteoutNote(.upper, hides: hidden)))
    }
    // Under an opaque or deleted directory of the container layer, the image's own whiteouts are hidden too.
    guard imageShowsThrough(directory) else { return found }
    for index in fs.image.layers.indices.reversed() {
      let layer = fs.image.layers[index]
      for name in layer.contents.names(in: directory) where !found.contains(where: { $0.name == name }) {
        let path = FSPath.child(directory, name)
        guard layer.entry(at: path)?.isWhiteout == true else { continue }
        let hidden = (0..<index).reversed().first { fs.image.layers[$0].entry(at: path).map { !$0.isWhiteout } ?? false }
        found.append((name, whiteoutNote(.image(index), hides: hidden)))
      }
    }
    return found
  }

  func imageShowsThrough(_ directory: String) -> Bool {
    var path = directory
    while true {
      switch fs.upper.entry(at: path) {
      case .whiteout?, .directory(_, true)?: return false
      default: break
      }
      if path == "/" { return true }
      path = FSPath.parent(path)
    }
  }

  func whiteoutNote(_ place: LayerPlace, hides layer: Int?) -> String {
    let hidden = layer.map { labels.place(.image($0), language) } ?? "?"
    return labels.mark(place) + " " + text(.treeWhiteout, ["place": hidden])
  }

  /// Notes start in one column (by display width, so CJK names line up), at most 48 in.
  func align(_ lines: [Line]) -> [String] {
    let column = min(48, (lines.map { DockSimCore.DisplayWidth.of($0.left) }.max() ?? 0) + 2)
    return lines.map { line in
      let width = DockSimCore.DisplayWidth.of(line.left)
      return width + 2 > column ? line.left + "  " + line.note : DockSimCore.DisplayWidth.padded(line.left, to: column) + line.note
    }
  }
}
