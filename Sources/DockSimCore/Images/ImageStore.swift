/// Local images and their tags. (Placeholder: the registry work fills this in.)
public struct ImageStore: Sendable {
  public init() {}
}
