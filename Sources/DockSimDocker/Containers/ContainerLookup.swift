import DockSimCore
import DockSimShell

/// Finding the containers a command names, with the errors docker prints.
extension ParsedCommand {
  /// The container `reference` names (ID, name or unique ID prefix); on failure
  /// prints `Error response from daemon: No such container: X` and returns nil.
  func container(_ reference: String, in session: Session, console: inout Console) -> Container? {
    switch session.engine.containers.find(reference) {
    case .success(let container): return container
    case .failure(let error):
      daemonError(error.message, console: &console)
      return nil
    }
  }

  /// 20.10's API client turns a 404 from some endpoints (remove, exec) into its
  /// own `Error: No such container: X`; 28 prints the daemon's text.
  func clientSideContainer(_ reference: String, in session: Session, console: inout Console) -> Container? {
    switch session.engine.containers.find(reference) {
    case .success(let container): return container
    case .failure(.notFound(let name)) where version == .v20_10:
      console.errorLine("Error: No such container: \(name)")
      return nil
    case .failure(let error):
      daemonError(error.message, console: &console)
      return nil
    }
  }
}
