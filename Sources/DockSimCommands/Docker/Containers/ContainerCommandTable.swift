extension DockerCommandTable {
  /// The container commands, under every path docker accepts.
  static var containerCommands: [DockerCommandEntry] { [] }
}
