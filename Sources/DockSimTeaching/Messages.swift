import DockSimCore
import DockSimShell

/// Every sentence the simulator says as a teacher: help and errors of the simulator's
/// own commands, diagram labels, trace lines, explanations. Emulated Docker and shell
/// output never goes through here: it is always exactly what they print.
///
/// Each language has one catalogue (`MessagesEN`, `MessagesZH`) keyed by this enum, so
/// a missing translation is a test failure, not a blank on screen.
///
///     Messages.text(.traceOn, .zh)
///     Messages.text(.errNoSuchObject, .en, ["name": "web"])
public enum MessageKey: String, CaseIterable, Sendable {
  // Usage and errors of the simulator's commands.
  case usageLayers, usageTrace, usageWhence, usageTree, usageExplain, usageLang
  case errNoSuchObject, errNoSuchPath, errUnknownTopic, errUnknownOption, errNotAContainer
  case traceOn, traceOff, traceIsOn, traceIsOff, langSet
  case aboutLayers, aboutTrace, aboutWhence, aboutTree, aboutExplain, aboutLang, optionAscii

  // The layer diagram.
  case diagramTitleImage, diagramTitleContainer
  case diagramWritable, diagramChanges, diagramNoChanges, diagramNoContainerLayer
  case diagramLayer, diagramReadOnly, diagramFiles, diagramOneFile, diagramNoHistory
  case diagramBaseImage, diagramParentImage, diagramThisImage
  case diagramRootfs, diagramBootfsIdle, diagramBootfsCreated, diagramBootfsUnmounted, diagramBootfsToday
  case diagramLegend

  // whence and tree.
  case whenceVisible, whenceHidden, whenceMerged, whenceContainerCopy, whenceOriginal, whenceWhiteout, whenceDeletedBelow
  case whenceDirectory, treeWhiteout, treeOpaque, treeCopyUp, treeMore, treeLegend
  case placeContainerLayer, placeImageLayer

  // Trace lines.
  case tracePrefix, traceLookup, traceCopyUp, traceWhiteout, traceOpaque, traceRemoved
  case bootMountBootfs, bootMountRootfs, bootUnionMount, bootWritableLayer, bootUnmountBootfs, bootReality

  // explain.
  case explainListTitle, explainTry
  case topicImageTitle, topicImageBody
  case topicLayerTitle, topicLayerBody
  case topicBootfsTitle, topicBootfsBody
  case topicRootfsTitle, topicRootfsBody
  case topicUnionMountTitle, topicUnionMountBody
  case topicCopyOnWriteTitle, topicCopyOnWriteBody
  case topicWhiteoutTitle, topicWhiteoutBody
  case topicBaseImageTitle, topicBaseImageBody
  case topicParentImageTitle, topicParentImageBody
  case topicContainerLayerTitle, topicContainerLayerBody
  case topicRegistryTitle, topicRegistryBody
  case topicDockerHubTitle, topicDockerHubBody
  case topicRepositoryTitle, topicRepositoryBody
  case topicOfficialTitle, topicOfficialBody
  case topicTagTitle, topicTagBody
  case topicLatestTitle, topicLatestBody
  case topicDigestTitle, topicDigestBody
  case topicSearchTitle, topicSearchBody
  case topicPullTitle, topicPullBody
  case topicRunTitle, topicRunBody
}

public enum Messages {
  /// The catalogue of one language.
  public static func catalogue(_ language: Language) -> [MessageKey: String] {
    switch language {
    case .en: MessagesEN.all
    case .zh: MessagesZH.all
    }
  }

  /// The sentence for `key` with `{name}` placeholders filled in.
  public static func text(_ key: MessageKey, _ language: Language, _ arguments: [String: String] = [:]) -> String {
    var text = catalogue(language)[key] ?? key.rawValue
    for (name, value) in arguments {
      text = text.replacing("{\(name)}", with: value)
    }
    return text
  }

  /// The `{name}` placeholders a sentence uses (tests compare them across languages).
  public static func placeholders(in text: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      names.insert(String(after[..<close]))
      rest = after[after.index(after: close)...]
    }
    return names
  }
}
