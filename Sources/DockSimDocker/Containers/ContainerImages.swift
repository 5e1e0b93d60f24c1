import DockSimCore
import DockSimShell

/// Where `docker run` and `docker create` get their image: the local image
/// store, the built-in `docksim/test` image, else a pull from the mock Hub (its
/// lines on stderr).
enum ContainerImages {
  /// The text after `docker: ` when there is no image.
  struct Failure: Error {
    var message: String
  }

  static func resolve(_ typed: String, session: inout Session, console: inout Console) -> Result<ContainerImage, Failure>
  {
    let version = session.engine.version
    switch session.engine.images.lookup(typed, version: version) {
    case .success(let image):
      return .success(containerImage(image, engine: &session.engine))
    case .failure(.invalidReference(let error)):
      return .failure(Failure(message: error.message(for: version)))
    case .failure(.notFound):
      if typed == TestImage.reference || typed == TestImage.reference + ":latest" {
        TestImage.install(into: &session.engine)
        return .success(containerImage(TestImage.image, engine: &session.engine))
      }
      guard case .named(let reference)? = try? Reference.parseAny(typed, version: version) else {
        return .failure(Failure(message: DockerErrors.daemon("No such image: \(typed)")))
      }
      switch session.engine.pullForRun(reference, console: &console) {
      case .success(let image): return .success(containerImage(image, engine: &session.engine))
      case .failure(let error): return .failure(Failure(message: DockerErrors.daemon(error.message)))
      }
    }
  }

  /// The container's view of a stored image; the merged root is built once per
  /// image and shared by all its containers.
  static func containerImage(_ image: Image, engine: inout Engine) -> ContainerImage {
    ContainerImage(
      id: image.id, root: engine.containers.rootView(of: image.id, layers: image.layers),
      cmd: image.config.cmd ?? [], entrypoint: image.config.entrypoint ?? [], environment: image.config.env,
      workingDirectory: image.config.workingDir, size: image.size, exposedPorts: image.config.exposedPorts,
      healthcheck: image.config.healthcheck)
  }
}
