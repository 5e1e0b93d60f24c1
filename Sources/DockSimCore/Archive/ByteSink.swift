/// Somewhere bytes can be written: an array in memory, a running digest, a file
/// (in the front end). Writers of archives are generic over it, so a layer's
/// diffID can be computed by "writing" its tar into a digest without holding it.
public protocol ByteSink {
  mutating func write(_ bytes: UnsafeRawBufferPointer)
}

extension ByteSink {
  public mutating func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { write($0) }
  }

  /// Writes `count` zero bytes (tar padding and end-of-archive blocks).
  public mutating func writeZeros(_ count: Int) {
    guard count > 0 else { return }
    write([UInt8](repeating: 0, count: count))
  }
}

extension Array: ByteSink where Element == UInt8 {
  public mutating func write(_ bytes: UnsafeRawBufferPointer) {
    append(contentsOf: bytes)
  }
}

extension DigestBuilder: ByteSink {
  public mutating func write(_ bytes: UnsafeRawBufferPointer) {
    update(bytes)
  }
}

/// A sink that only counts, for sizes of archives never materialised.
public struct CountingSink: ByteSink {
  public private(set) var count = 0
  public init() {}
  public mutating func write(_ bytes: UnsafeRawBufferPointer) { count += bytes.count }
}
