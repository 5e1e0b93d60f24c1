/// The mock Docker Hub. (Placeholder: the registry work fills this in.)
public struct Hub: Sendable {
  public init() {}
}
