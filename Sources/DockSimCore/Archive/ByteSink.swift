/// Somewhere bytes can be written: an array in memory, a running digest, a file
/// (in the front end). Writers of archives are generic over it, so a layer's
/// diffID can be computed by "writing" its tar into a digest without holding it.
public protocol ByteSink {
  mutating func write(_ bytes: UnsafeRawBufferPointer)
  /// Writes a file's content. A sink that only counts overrides it, so measuring a
  /// layer never generates or reads its bodies.
  mutating func write(_ data: FileData)
}

extension ByteSink {
  public mutating func write(_ data: FileData) {
    data.forEachChunk { write($0) }
  }

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
  public mutating func write(_ data: FileData) { count += data.size }
}

/// A sink shared by nested writers (a layer's tar written as a member of the image
/// archive's tar): both write through the same box, so nothing is copied.
final class SinkBox<Sink: ByteSink> {
  var sink: Sink
  init(_ sink: Sink) { self.sink = sink }
}

struct BoxedSink<Sink: ByteSink>: ByteSink {
  let box: SinkBox<Sink>
  mutating func write(_ bytes: UnsafeRawBufferPointer) { box.sink.write(bytes) }
  mutating func write(_ data: FileData) { box.sink.write(data) }
}

/// SHA-256 and length at once: what a blob's descriptor needs.
struct MeasuringSink: ByteSink {
  var digest = DigestBuilder()
  var count = 0
  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    digest.update(bytes)
    count += bytes.count
  }
}
