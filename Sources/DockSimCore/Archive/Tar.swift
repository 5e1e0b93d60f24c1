/// One member of a tar archive, as POSIX ustar and PAX describe it.
public struct TarHeader: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case regular, hardLink, symbolicLink, characterDevice, blockDevice, directory, fifo
    /// A type flag docksim does not model; kept so a reader can say which.
    case other(UInt8)

    var flag: UInt8 {
      switch self {
      case .regular: UInt8(ascii: "0")
      case .hardLink: UInt8(ascii: "1")
      case .symbolicLink: UInt8(ascii: "2")
      case .characterDevice: UInt8(ascii: "3")
      case .blockDevice: UInt8(ascii: "4")
      case .directory: UInt8(ascii: "5")
      case .fifo: UInt8(ascii: "6")
      case .other(let flag): flag
      }
    }

    /// PAX and GNU headers that describe the next member rather than being one.
    var isMetadata: Bool {
      guard case .other(let flag) = self else { return false }
      return [UInt8(ascii: "x"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "K")].contains(flag)
    }

    init(flag: UInt8) {
      switch flag {
      case UInt8(ascii: "0"), 0, UInt8(ascii: "7"): self = .regular
      case UInt8(ascii: "1"): self = .hardLink
      case UInt8(ascii: "2"): self = .symbolicLink
      case UInt8(ascii: "3"): self = .characterDevice
      case UInt8(ascii: "4"): self = .blockDevice
      case UInt8(ascii: "5"): self = .directory
      case UInt8(ascii: "6"): self = .fifo
      default: self = .other(flag)
      }
    }
  }

  /// The member's name as stored: relative, `/`-separated, directories with a trailing `/`.
  public var name: String
  public var kind: Kind
  /// Permission bits (07777).
  public var mode: UInt32
  public var uid: Int
  public var gid: Int
  public var userName: String
  public var groupName: String
  /// Seconds since the epoch.
  public var modified: Int64
  /// The fraction of the second (0 ..< 1e9): docksim's clock has sub-second times, and
  /// a saved image must load back with the same IDs, so a PAX `mtime` record keeps it.
  public var modifiedNanoseconds: Int64 = 0
  /// Bytes of content that follow the header (regular files only).
  public var size: Int
  /// Target of a symbolic link, or the earlier member a hard link names.
  public var linkName: String
  public var deviceMajor: Int
  public var deviceMinor: Int
  /// PAX records beyond the ones that override ustar fields (vendor records such as
  /// docksim's description of generated content).
  public var extendedRecords: [String: String]

  public init(
    name: String, kind: Kind, mode: UInt32 = 0o644, uid: Int = 0, gid: Int = 0,
    userName: String = "", groupName: String = "", modified: Int64 = 0, modifiedNanoseconds: Int64 = 0, size: Int = 0,
    linkName: String = "", deviceMajor: Int = 0, deviceMinor: Int = 0, extendedRecords: [String: String] = [:]
  ) {
    self.name = name
    self.kind = kind
    self.mode = mode
    self.uid = uid
    self.gid = gid
    self.userName = userName
    self.groupName = groupName
    self.modified = modified
    self.modifiedNanoseconds = modifiedNanoseconds
    self.size = size
    self.linkName = linkName
    self.deviceMajor = deviceMajor
    self.deviceMinor = deviceMinor
    self.extendedRecords = extendedRecords
  }
}

/// Why an archive could not be read.
public enum TarError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The archive ends inside a header or a member's content.
  case truncated(member: String?)
  /// A header's checksum does not match its bytes.
  case badChecksum(offset: Int)
  /// A numeric field is not octal (or base-256).
  case badNumber(field: String, offset: Int)
  /// A PAX record is malformed.
  case badPAXRecord(offset: Int)

  public var description: String {
    switch self {
    case .truncated(let member?): "unexpected EOF: archive truncated inside \(member)"
    case .truncated(nil): "unexpected EOF: archive truncated"
    case .badChecksum(let offset): "archive/tar: invalid tar header (bad checksum at byte \(offset))"
    case .badNumber(let field, let offset): "archive/tar: invalid tar header (bad \(field) at byte \(offset))"
    case .badPAXRecord(let offset): "archive/tar: invalid tar header (bad PAX record at byte \(offset))"
    }
  }
}

let tarBlock = 512
