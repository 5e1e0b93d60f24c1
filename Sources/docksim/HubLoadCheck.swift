import DockSimShell
import DockSimTerminal

/// The Hub's catalogs load on first use (`Hub.lazy(files:)`); when one of them is bad,
/// docksim ends with its error, as it would have at start, instead of the output of
/// the command that needed the Hub.
enum HubLoadCheck {
  /// True (after printing the error) when a catalog failed to load.
  static func failed(_ session: Session) -> Bool {
    guard let problem = session.engine.hub.problemIfLoaded else { return false }
    FileOutput.write("docksim: --hub: \(problem)\n", to: 2)
    return true
  }
}
