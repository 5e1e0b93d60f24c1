import DockSimCore
import DockSimShell

/// What the layer diagram shows, independent of where the facts come from (images,
/// containers, the union filesystem): built by `LayerStackView.make` in the programs,
/// drawn by `LayerDiagram`.
public struct LayerStackView: Sendable, Hashable {
  public enum Subject: Sendable, Hashable {
    case image(String)
    case container(name: String, image: String)
  }

  /// Where bootfs is in the course text's boot sequence.
  public enum BootfsState: Sendable, Hashable {
    /// An image on its own: bootfs is mounted only while a container starts.
    case idle
    /// A created container that has not started yet.
    case notMounted
    /// A container that has started: bootfs was unmounted to free memory.
    case unmountedAfterStart
  }

  /// The container layer's changes as `docker diff` counts them.
  public struct Changes: Sendable, Hashable {
    public var added, changed, deleted: Int
    public init(added: Int, changed: Int, deleted: Int) {
      self.added = added
      self.changed = changed
      self.deleted = deleted
    }
  }

  /// Whose layer it is, seen from the image the diagram is about.
  public enum Owner: Sendable, Hashable {
    case baseImage(String)
    case parentImage(String)
    case thisImage(String)
  }

  public struct ImageLayer: Sendable, Hashable {
    /// 1 is the bottom layer.
    public var number: Int
    /// 12 hex characters of the layer's digest.
    public var shortDigest: String
    /// The build step (`docker history`'s CREATED BY), if the image has history for it.
    public var createdBy: String?
    public var size: Int
    public var fileCount: Int
    public var owner: Owner

    public init(number: Int, shortDigest: String, createdBy: String?, size: Int, fileCount: Int, owner: Owner) {
      self.number = number
      self.shortDigest = shortDigest
      self.createdBy = createdBy
      self.size = size
      self.fileCount = fileCount
      self.owner = owner
    }
  }

  public var subject: Subject
  /// nil for an image: no container layer yet.
  public var changes: Changes?
  /// Base first.
  public var layers: [ImageLayer]
  /// The image whose layers form rootfs.
  public var baseImage: String
  public var bootfs: BootfsState

  public init(subject: Subject, changes: Changes?, layers: [ImageLayer], baseImage: String, bootfs: BootfsState) {
    self.subject = subject
    self.changes = changes
    self.layers = layers
    self.baseImage = baseImage
    self.bootfs = bootfs
  }
}

/// Lines drawn as a box: Unicode box drawing or plain ASCII.
public struct BoxStyle: Sendable, Hashable {
  let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, teeLeft, teeRight: String
  let strongHorizontal, strongTeeLeft, strongTeeRight: String

  public static let unicode = BoxStyle(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    teeLeft: "├", teeRight: "┤", strongHorizontal: "═", strongTeeLeft: "╞", strongTeeRight: "╡")
  public static let ascii = BoxStyle(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    teeLeft: "+", teeRight: "+", strongHorizontal: "=", strongTeeLeft: "+", strongTeeRight: "+")
}

/// ANSI colours for teaching output on a terminal (never for emulated Docker output).
enum Colour: String {
  case bold = "1", dim = "2", green = "32", yellow = "33", cyan = "36", magenta = "35"

  func paint(_ text: String, enabled: Bool) -> String {
    enabled && !text.isEmpty ? "\u{1B}[\(rawValue)m" + text + "\u{1B}[0m" : text
  }
}

/// Draws a `LayerStackView` top to bottom: container layer, image layers (highest
/// first), rootfs, bootfs. Widths are display columns, so Chinese labels line up.
public struct LayerDiagram: Sendable {
  public var language: Language
  public var style: BoxStyle
  public var colour: Bool
  /// Total width including the borders (at most the terminal's, at most 80).
  public var width: Int

  public init(language: Language, style: BoxStyle = .unicode, colour: Bool = false, width: Int = 80) {
    self.language = language
    self.style = style
    self.colour = colour
    self.width = max(40, min(width, 80))
  }

  /// Inner text width: the borders and one space each side are taken.
  var inner: Int { width - 4 }

  func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
    Messages.text(key, language, arguments)
  }

  public func render(_ view: LayerStackView) -> String {
    var lines = [titleBorder(view)]
    lines += writableRows(view)
    for layer in view.layers.reversed() {
      lines.append(separator(strong: false))
      lines += layerRows(layer)
    }
    lines.append(separator(strong: true))
    lines.append(row(text(.diagramRootfs, ["image": view.baseImage]), colour: .green))
    lines.append(separator(strong: false))
    lines.append(row(bootfsText(view.bootfs), colour: .magenta))
    // The course text's bootfs is a historical picture: say what Docker mounts today.
    lines.append(row("  " + text(.diagramBootfsToday), colour: .dim))
    lines.append(style.bottomLeft + String(repeating: style.horizontal, count: width - 2) + style.bottomRight)
    lines.append("  " + fit(text(.diagramLegend), to: width - 2))
    return lines.joined(separator: "\n") + "\n"
  }

  func titleBorder(_ view: LayerStackView) -> String {
    let title: String
    switch view.subject {
    case .image(let name): title = text(.diagramTitleImage, ["name": name])
    case .container(let name, let image): title = text(.diagramTitleContainer, ["name": name, "image": image])
    }
    let shown = " " + fit(title, to: width - 6) + " "
    let rest = width - 3 - DockSimCore.DisplayWidth.of(shown)
    return style.topLeft + style.horizontal + Colour.bold.paint(shown, enabled: colour)
      + String(repeating: style.horizontal, count: max(0, rest)) + style.topRight
  }

  func writableRows(_ view: LayerStackView) -> [String] {
    guard let changes = view.changes else { return [row(text(.diagramNoContainerLayer), colour: .dim)] }
    let total = changes.added + changes.changed + changes.deleted
    let right = total == 0
      ? text(.diagramNoChanges)
      : text(.diagramChanges, ["added": "\(changes.added)", "changed": "\(changes.changed)", "deleted": "\(changes.deleted)"])
    return [row(text(.diagramWritable), right: right, colour: .yellow)]
  }

  func layerRows(_ layer: LayerStackView.ImageLayer) -> [String] {
    let left = text(.diagramLayer, ["number": "\(layer.number)"]) + "  " + layer.shortDigest + "  " + text(.diagramReadOnly)
    let right = GoUnits.humanSize(Int64(layer.size), precision: 3) + "  "
      + (layer.fileCount == 1 ? text(.diagramOneFile) : text(.diagramFiles, ["count": "\(layer.fileCount)"]))
    let owner: String
    switch layer.owner {
    case .baseImage(let image): owner = text(.diagramBaseImage, ["image": image])
    case .parentImage(let image): owner = text(.diagramParentImage, ["image": image])
    case .thisImage(let image): owner = text(.diagramThisImage, ["image": image])
    }
    let step = layer.createdBy.map(Self.oneLine) ?? text(.diagramNoHistory)
    return [row(left, right: right, colour: .cyan), row("  " + step), row("  " + owner)]
  }

  /// Build steps can span lines (`RUN a \` newline `b`); the diagram shows one.
  static func oneLine(_ step: String) -> String {
    step.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).joined(separator: " ")
  }

  func bootfsText(_ state: LayerStackView.BootfsState) -> String {
    switch state {
    case .idle: text(.diagramBootfsIdle)
    case .notMounted: text(.diagramBootfsCreated)
    case .unmountedAfterStart: text(.diagramBootfsUnmounted)
    }
  }

  func separator(strong: Bool) -> String {
    strong
      ? style.strongTeeLeft + String(repeating: style.strongHorizontal, count: width - 2) + style.strongTeeRight
      : style.teeLeft + String(repeating: style.horizontal, count: width - 2) + style.teeRight
  }

  /// One boxed row: `left` and, right-aligned, `right`; cut with `…` when too long.
  func row(_ left: String, right: String = "", colour paint: Colour? = nil) -> String {
    var content: String
    if right.isEmpty {
      content = fit(left, to: inner)
    } else {
      let rightWidth = DockSimCore.DisplayWidth.of(right)
      let leftRoom = max(1, inner - rightWidth - 2)
      let shownLeft = fit(left, to: leftRoom)
      content = DockSimCore.DisplayWidth.padded(shownLeft, to: inner - rightWidth) + right
      content = fit(content, to: inner)
    }
    let padded = DockSimCore.DisplayWidth.padded(content, to: inner)
    let painted = paint.map { paintKeepingPadding(padded, $0) } ?? padded
    return style.vertical + " " + painted + " " + style.vertical
  }

  /// Colours the text but not the trailing spaces (cleaner when copied from a terminal).
  func paintKeepingPadding(_ text: String, _ paint: Colour) -> String {
    let trimmed = TextWrap.trimTrailing(text)
    let spaces = String(repeating: " ", count: DockSimCore.DisplayWidth.of(text) - DockSimCore.DisplayWidth.of(trimmed))
    return paint.paint(trimmed, enabled: colour) + spaces
  }

  /// `text` cut to `columns` display columns, ending in `…` when cut.
  func fit(_ text: String, to columns: Int) -> String {
    guard DockSimCore.DisplayWidth.of(text) > columns else { return text }
    var out = ""
    var used = 0
    for character in text {
      let w = DockSimCore.DisplayWidth.of(String(character))
      if used + w > columns - 1 { break }
      out.append(character)
      used += w
    }
    return out + "…"
  }
}
