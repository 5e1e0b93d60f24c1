/// What a container takes from its image: the ID, the read-only root, and the
/// runtime defaults. The image store (engineer "registry") provides these; tests
/// build them from a `LayerBuilder`.
public struct ContainerImage: Sendable {
  public var id: Digest
  /// The image's layers merged: the container's lower directories.
  public var root: MergedView
  public var cmd: [String]
  public var entrypoint: [String]
  /// `NAME=value`, as the image config lists them.
  public var environment: [String]
  public var workingDirectory: String
  /// Uncompressed size of all layers (the "virtual" part of `docker ps -s`).
  public var size: Int64
  /// `EXPOSE`d ports (`80/tcp`).
  public var exposedPorts: [String]
  /// HEALTHCHECK, which the container's config inherits.
  public var healthcheck: HealthConfig?

  public init(
    id: Digest, root: MergedView, cmd: [String], entrypoint: [String] = [], environment: [String] = [],
    workingDirectory: String = "", size: Int64 = 0, exposedPorts: [String] = [], healthcheck: HealthConfig? = nil
  ) {
    self.healthcheck = healthcheck
    self.exposedPorts = exposedPorts
    self.id = id
    self.root = root
    self.cmd = cmd
    self.entrypoint = entrypoint
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.size = size
  }
}
