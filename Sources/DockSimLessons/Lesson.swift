import DockSimCommands

/// A lesson: prose, transcript blocks and exercises. (Placeholder: the lessons work fills this in.)
public struct Lesson: Sendable {
  public var name: String
  public init(name: String) { self.name = name }
}
