/// The containers of the simulated host. (Placeholder: the container work fills this in.)
public struct ContainerStore: Sendable {
  public init() {}
}
