import DockSimCore

/// The host shell's filesystem: simulated, in memory. (Placeholder: the shell work
/// makes it a union filesystem over an empty base, so every utility works on the host.)
public struct HostFilesystem: Sendable {
  public init() {}
}
