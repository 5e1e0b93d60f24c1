import DockSimCore
import DockSimShell

/// How teaching output names the layers of one image: "layer 3 (ubuntu:18.04)".
/// Index 0 is the base layer; numbers shown to the user start at 1.
public struct LayerLabels: Sendable, Hashable {
  /// The image each layer came from (its familiar name), base first.
  public var owners: [String]

  public init(owners: [String]) { self.owners = owners }

  /// Every layer labelled with the same image.
  public init(image: String, count: Int) { owners = Array(repeating: image, count: count) }

  public func number(_ index: Int) -> Int { index + 1 }

  /// The image a layer came from; the layer just above the image's is Docker's
  /// `-init` layer (InitLayer.swift), which no image owns.
  public func owner(_ index: Int) -> String {
    if owners.indices.contains(index) { return owners[index] }
    return index == owners.count && !owners.isEmpty ? "init" : "?"
  }

  /// "layer 3 (ubuntu:18.04)" / "the container layer".
  public func place(_ place: LayerPlace, _ language: Language) -> String {
    switch place {
    case .upper: Messages.text(.placeContainerLayer, language)
    case .image(let index):
      Messages.text(.placeImageLayer, language, ["number": "\(number(index))", "image": owner(index)])
    }
  }

  /// "[C]" for the container layer, "[3]" for image layer 3.
  public func mark(_ place: LayerPlace) -> String {
    switch place {
    case .upper: "[C]"
    case .image(let index): "[\(number(index))]"
    }
  }
}
