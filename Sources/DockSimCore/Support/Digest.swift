import Crypto

/// A content digest such as `sha256:72300a873c2c…`: the name of a layer, a config or an image.
///
/// docksim never invents an ID: every digest is the SHA-256 of bytes the model
/// serialized, so equal content gives equal IDs and any change gives a new one.
public struct Digest: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Lowercase hex of the SHA-256, 64 characters.
  public let hex: String

  public init(hex: String) { self.hex = hex }

  /// Parses `sha256:<64 hex>`; nil for anything else.
  public init?(parsing text: String) {
    guard text.hasPrefix("sha256:") else { return nil }
    let hex = String(text.dropFirst(7))
    guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
    self.hex = hex
  }

  /// The SHA-256 of `bytes`.
  public static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> Digest where Bytes.Element == UInt8 {
    Digest(hex: SHA256.hash(data: Array(bytes)).hexString)
  }

  /// The SHA-256 of the UTF-8 bytes of `text`.
  public static func sha256(_ text: String) -> Digest { sha256(Array(text.utf8)) }

  /// `sha256:<hex>`, as Docker prints full IDs.
  public var description: String { "sha256:" + hex }

  /// The first 12 hex characters, as Docker prints short IDs.
  public var short: String { String(hex.prefix(12)) }

  public static func < (a: Digest, b: Digest) -> Bool { a.hex < b.hex }
}

extension Sequence where Element == UInt8 {
  /// Lowercase hex, two characters per byte.
  public var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in self {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// An incremental SHA-256, for digests over streams that are never held whole in memory.
public struct DigestBuilder {
  private var hasher = SHA256()
  public init() {}
  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    hasher.update(data: Array(bytes))
  }
  public mutating func update(_ text: String) { update(Array(text.utf8)) }
  public mutating func update(_ buffer: UnsafeRawBufferPointer) {
    hasher.update(bufferPointer: buffer)
  }
  public func finish() -> Digest { Digest(hex: hasher.finalize().hexString) }
}
