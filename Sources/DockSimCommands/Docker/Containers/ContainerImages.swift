import DockSimCore

/// Where `docker run` and `docker create` get their image.
enum ContainerImages {
  enum Failure: Error {
    /// The daemon's message (after `Error response from daemon: `).
    case daemon(String)
  }

  /// The image `typed` names, pulled first (with the pull's lines on stderr) when
  /// it is not local.
  static func resolve(_ typed: String, session: inout Session, console: inout Console) -> Result<ContainerImage, Failure>
  {
    if typed == TestImage.reference || typed == TestImage.reference + ":latest" { return .success(TestImage.image) }
    let familiar = typed.contains(":") || typed.contains("@") ? typed : typed + ":latest"
    console.errorLine("Unable to find image '\(familiar)' locally")
    let repository = typed.split(separator: ":").first.map(String.init) ?? typed
    return .failure(
      .daemon(
        "pull access denied for \(repository), repository does not exist or may require 'docker login': "
          + "denied: requested access to the resource is denied"))
  }
}
