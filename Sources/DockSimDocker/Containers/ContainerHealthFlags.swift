import DockSimCore
import DockSimShell

/// `docker run` / `docker create` `--health-*` and `--no-healthcheck`, as docker/cli's
/// parse() turns them into the create request's healthcheck (cli/command/container/opts.go,
/// 20.10.24 and 28.2.2; 28 adds --health-start-interval). The daemon then fills what the
/// request leaves zero from the image's HEALTHCHECK (`HealthConfig.merged(over:)`).
enum ContainerHealthFlags {
  /// nil when no flag asks for a healthcheck (the image's applies); the error is the
  /// CLI's text after `docker: `.
  static func config(_ command: ParsedCommand) -> Result<HealthConfig?, CreateFailure> {
    let cmd = command.string("health-cmd")
    var durations = [
      ("health-interval", command.duration("health-interval")), ("health-timeout", command.duration("health-timeout")),
    ]
    let retries = command.int("health-retries")
    let startPeriod = ("health-start-period", command.duration("health-start-period"))
    let startInterval = ("health-start-interval", command.version == .v28 ? command.duration("health-start-interval") : 0)
    let asked = !cmd.isEmpty || retries != 0 || (durations + [startPeriod, startInterval]).contains { $0.1 != 0 }
    if command.bool("no-healthcheck") {
      guard !asked else { return .failure(CreateFailure("--no-healthcheck conflicts with --health-* options")) }
      return .success(HealthConfig(test: ["NONE"]))
    }
    guard asked else { return .success(nil) }
    // The CLI checks in this order: interval, timeout, retries, start period, start interval.
    durations.append(("health-retries", Int64(retries)))
    durations += [startPeriod, startInterval]
    if let negative = durations.first(where: { $0.1 < 0 }) {
      return .failure(CreateFailure("--\(negative.0) cannot be negative"))
    }
    var config = HealthConfig(test: cmd.isEmpty ? [] : ["CMD-SHELL", cmd])
    config.interval = command.duration("health-interval")
    config.timeout = command.duration("health-timeout")
    config.startPeriod = startPeriod.1
    config.startInterval = startInterval.1
    config.retries = retries
    return .success(config)
  }
}
