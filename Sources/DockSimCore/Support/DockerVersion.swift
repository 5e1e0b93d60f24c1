/// The Docker CLI release whose output docksim reproduces.
///
/// 20.10 is the course text's era (search has an AUTOMATED column; errors end in
/// `See 'docker X --help'.`). 28 is today's classic output (`Run 'docker X --help'
/// for more information`). Every difference between them is a property here or a
/// `switch` on this type, never a scattered string comparison.
public enum DockerVersion: String, CaseIterable, Sendable, Hashable {
  case v20_10 = "20.10"
  case v28 = "28"

  /// Parses `20.10` or `28` (also `20.10.x`, `28.x`).
  public init?(argument: String) {
    if argument == "20.10" || argument.hasPrefix("20.10.") {
      self = .v20_10
    } else if argument == "28" || argument.hasPrefix("28.") {
      self = .v28
    } else {
      return nil
    }
  }

  /// Minimum column width of Docker's tables (tabwriter minwidth, padding included).
  public var tableMinWidth: Int { 10 }

  /// The full client and server version strings `docker version` reports.
  public var fullVersion: String {
    switch self {
    case .v20_10: "20.10.24"
    case .v28: "28.2.2"
    }
  }

  /// The Engine API version of that release.
  public var apiVersion: String {
    switch self {
    case .v20_10: "1.41"
    case .v28: "1.50"
    }
  }

  /// True for releases with the 28.x error layout (blank line, `Run '... --help' for more information`).
  public var usesModernErrorLayout: Bool { self == .v28 }

  /// True when `docker search` has the AUTOMATED column (removed in 25.0).
  public var searchHasAutomatedColumn: Bool { self == .v20_10 }

  /// True when `docker search` results are sorted by stars on the client (20.10 and older).
  public var searchSortsByStars: Bool { self == .v20_10 }
}
