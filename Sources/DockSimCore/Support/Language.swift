/// The language of everything docksim says as a teacher (help, diagrams, traces,
/// explanations). Emulated Docker and shell output is always what they print: English.
public enum Language: String, CaseIterable, Sendable, Hashable {
  case zh, en

  /// `zh` for any `zh*` locale value (`zh_CN.UTF-8`), `en` otherwise.
  public init(localeValue: String) {
    self = localeValue.lowercased().hasPrefix("zh") ? .zh : .en
  }
}
