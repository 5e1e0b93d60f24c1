/// Placeholder until the build embeds Lessons/.
enum EmbeddedLessons {
  static let files: [String: String] = [:]
}
