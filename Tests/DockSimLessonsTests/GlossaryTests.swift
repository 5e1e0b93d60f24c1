import DockSimCore
import Foundation
import Testing
@testable import DockSimTeaching
@testable import DockSimLessons

/// One term per concept (Lessons/glossary.tsv), in the lessons, `explain` and docksim's
/// messages, in both languages.
@Suite struct GlossaryTests {
  struct Entry {
    var concept: String
    var en: String
    var zh: String
    var avoid: [String]

    /// The Chinese term without its bracketed English word: 引导文件系统（bootfs） → 引导文件系统.
    var zhCore: String { String(zh.prefix { $0 != "（" }) }
  }

  static let entries: [Entry] = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Lessons/glossary.tsv").path
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").drop { $0.hasPrefix("#") }.dropFirst().compactMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4 else { return nil }
      return Entry(concept: fields[0], en: fields[1], zh: fields[2], avoid: fields[3].split(separator: ",").map(String.init))
    }
  }()

  /// What the course text teaches (shared/seed, "Docker 004 镜像和仓库"), each concept once.
  static let courseConcepts = [
    "image", "layer", "bootfs", "rootfs", "union-mount", "copy-on-write", "base-image", "parent-image",
    "shared-layers", "container-layer", "tag", "repository", "registry", "docker-hub", "official-repository",
    "user-repository", "whiteout", "latest", "digest", "pull",
  ]

  static func lessonText(_ language: String) throws -> String {
    try sourceLessons.lessonPaths.filter { $0.hasPrefix(language + "/") }.map { try sourceLessons.lesson(at: $0).text }
      .joined(separator: "\n")
  }

  @Test func everyConceptOfTheCourseHasATermInBothLanguages() {
    let concepts = Set(Self.entries.map(\.concept))
    for concept in Self.courseConcepts { #expect(concepts.contains(concept), "no glossary entry for \(concept)") }
    for entry in Self.entries { #expect(!entry.en.isEmpty && !entry.zh.isEmpty, "\(entry.concept)") }
    #expect(Self.entries.count == concepts.count, "a concept is listed twice")
  }

  /// Each term is used where the course is taught: in a lesson or an explain topic.
  @Test func everyTermIsUsed() throws {
    let en = try Self.lessonText("en").lowercased() + Messages.catalogue(.en).values.joined(separator: "\n").lowercased()
    let zh = try Self.lessonText("zh") + Messages.catalogue(.zh).values.joined(separator: "\n")
    for entry in Self.entries {
      #expect(en.contains(entry.en.lowercased()), "en never says \(entry.en)")
      #expect(zh.contains(entry.zhCore), "zh never says \(entry.zh)")
    }
  }

  /// A variant a Chinese teacher would not mix with the term appears nowhere.
  @Test func noChineseVariantOfATerm() throws {
    let zh = try Self.lessonText("zh") + Messages.catalogue(.zh).values.joined(separator: "\n")
    for entry in Self.entries {
      for variant in entry.avoid { #expect(!zh.contains(variant), "zh says \(variant), not \(entry.zh)") }
    }
  }

  /// `explain`'s titles are the glossary's terms.
  @Test func explainTitlesAreTheTerms() {
    let byConcept = Dictionary(uniqueKeysWithValues: Self.entries.map { ($0.concept, $0) })
    for topic in ExplainTopic.all {
      guard let entry = byConcept[topic.id] else { continue }
      #expect(Messages.text(topic.title, .en) == entry.en, "\(topic.id)")
      #expect(Messages.text(topic.title, .zh) == entry.zh, "\(topic.id)")
    }
  }
}
