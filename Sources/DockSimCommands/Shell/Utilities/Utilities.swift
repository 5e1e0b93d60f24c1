import DockSimCore

/// The coreutils-style programs every place has.
enum Utilities {
  static let all: [String: any Program] = [
    "cat": Cat(),
  ]
}
