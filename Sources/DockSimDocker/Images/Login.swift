import DockSimCore
import DockSimShell

/// The address docker/cli stores Docker Hub credentials under.
let hubAuthServer = "https://index.docker.io/v1/"

/// Where the simulated CLI keeps its credentials (the user is root).
let dockerConfigPath = "/root/.docker/config.json"

/// `docker login [OPTIONS] [SERVER]`: any password is accepted by the mock Hub,
/// which remembers the user for `docker push`.
struct Login: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[OPTIONS] [SERVER]",
    abstract: "Log in to a Docker registry",
    abstractV28: "Authenticate to a registry",
    flags: [.string("username", short: "u"), .string("password", short: "p"), .bool("password-stdin")],
    arguments: .atMost(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    // The CLI settles the credentials (and warns about -p) before the daemon tries the registry.
    switch credentials(command, console: &console) {
    case .failure(let error):
      console.errorLine(error.message)
      return 1
    case .success(let user):
      if let server = command.positionals.first, !isHub(server) {
        console.errorLine(unreachable(server))
        return 1
      }
      session.engine.hub.loggedInUser = user
      console.write(unencryptedWarning(command.version), to: .stderr)
      console.line("Login Succeeded")
      return 0
    }
  }

  struct LoginError: Error {
    var message: String
  }

  /// The user name once a password is known, or the error docker/cli gives first.
  static func credentials(_ command: ParsedCommand, console: inout Console) -> Result<String, LoginError> {
    let user = command.string("username")
    let fromStdin = command.bool("password-stdin")
    var password = command.string("password")
    if !password.isEmpty {
      console.errorLine("WARNING! Using --password via the CLI is insecure. Use --password-stdin.")
      if fromStdin { return .failure(LoginError(message: "--password and --password-stdin are mutually exclusive")) }
    }
    if fromStdin {
      guard !user.isEmpty else { return .failure(LoginError(message: "Must provide --username with --password-stdin")) }
      password = stdinPassword(command.invocation)
    }
    guard !user.isEmpty, !password.isEmpty else {
      return .failure(LoginError(message: "Error: Cannot perform an interactive login from a non TTY device"))
    }
    return .success(user)
  }

  /// Standard input without its final line ending (`strings.TrimSuffix`).
  static func stdinPassword(_ invocation: Invocation) -> String {
    guard !invocation.stdinIsTerminal else { return "" }
    var text = String(decoding: invocation.stdin, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    if text.hasSuffix("\r") { text.removeLast() }
    return text
  }

  static func unencryptedWarning(_ version: DockerVersion) -> String {
    switch version {
    case .v20_10:
      "WARNING! Your password will be stored unencrypted in \(dockerConfigPath).\n"
        + "Configure a credential helper to remove this warning. See\n"
        + "https://docs.docker.com/engine/reference/commandline/login/#credentials-store\n\n"
    case .v28:
      "\nWARNING! Your credentials are stored unencrypted in '\(dockerConfigPath)'.\n"
        + "Configure a credential helper to remove this warning. See\n"
        + "https://docs.docker.com/go/credential-store/\n\n"
    }
  }

  /// Docker Hub under any of the names docker/cli accepts for it.
  static func isHub(_ server: String) -> Bool {
    ["docker.io", "index.docker.io", "registry-1.docker.io", hubAuthServer, "https://index.docker.io"].contains(server)
  }

  /// What the daemon answers for a registry the simulator does not have.
  static func unreachable(_ server: String) -> String {
    var host = server
    for scheme in ["https://", "http://"] where host.hasPrefix(scheme) { host.removeFirst(scheme.count) }
    host = String(host.prefix { $0 != "/" })
    // The daemon tries the registry's endpoints as it does for a pull.
    return DockerErrors.daemon(RegistryHost.unreachableMessage(host))
  }
}

/// `docker logout [SERVER]`.
struct Logout: DockerCommand {
  static let configuration = DockerCommandConfiguration(
    usage: "[SERVER]",
    abstract: "Log out from a Docker registry",
    abstractV28: "Log out from a registry",
    arguments: .atMost(1))

  static func run(_ command: ParsedCommand, session: inout Session, console: inout Console) -> Int32 {
    let server = command.positionals.first ?? hubAuthServer
    guard Login.isHub(server), session.engine.hub.loggedInUser != nil else {
      console.line("Not logged in to \(server)")
      return 0
    }
    session.engine.hub.loggedInUser = nil
    console.line("Removing login credentials for \(server)")
    return 0
  }
}
