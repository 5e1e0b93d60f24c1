import CZlib

/// gzip, for layer blobs: `docker load` accepts compressed layers, and skopeo and
/// umoci write them.
public enum Gzip {
  /// Why a compressed stream could not be read.
  public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
  }

  /// True when `bytes` start with the gzip magic number.
  public static func isCompressed(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    return iterator.next() == 0x1f && iterator.next() == 0x8b
  }

  /// The decompressed bytes of a gzip (or zlib) stream.
  public static func decompress(_ input: [UInt8]) throws(Gzip.Error) -> [UInt8] {
    let result = input.withUnsafeBytes { raw in Result { () throws(Gzip.Error) in try decompress(raw) } }
    return try result.get()
  }

  /// The decompressed bytes of a gzip stream read in place (a layer in a mapped archive).
  public static func decompress(_ input: UnsafeRawBufferPointer) throws(Gzip.Error) -> [UInt8] {
    var stream = z_stream()
    guard czlib_inflate_init(&stream) == Z_OK else { throw Error(description: "gzip: cannot initialise zlib") }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    // An inflated layer is kept as long as its image: start at the compressed size and
    // let the array grow, then give back what growth left unused (below).
    output.reserveCapacity(input.count)
    // zlib's next_in is not const, but inflate never writes through it.
    stream.next_in = UnsafeMutablePointer(mutating: input.assumingMemoryBound(to: UInt8.self).baseAddress)
    stream.avail_in = uInt(input.count)
    let status = drain(&stream, into: &output) { inflate(&$0, Z_NO_FLUSH) }
    guard status == Z_STREAM_END else {
      throw Error(description: status == Z_BUF_ERROR ? "unexpected EOF" : "gzip: invalid compressed data")
    }
    return output.capacity > output.count + output.count / 8 ? Array(output) : output
  }

  /// `input` compressed as gzip.
  public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
    var stream = z_stream()
    guard czlib_deflate_init_gzip(&stream, level) == Z_OK else { return [] }
    defer { deflateEnd(&stream) }
    var output: [UInt8] = []
    var input = input
    input.withUnsafeMutableBufferPointer { source in
      stream.next_in = source.baseAddress
      stream.avail_in = uInt(source.count)
      _ = drain(&stream, into: &output) { deflate(&$0, Z_FINISH) }
    }
    return output
  }

  /// Runs one zlib step after another through a 64 KiB window, appending what each
  /// produced, until a step returns something other than Z_OK; returns that status.
  private static func drain(
    _ stream: inout z_stream, into output: inout [UInt8], step: (inout z_stream) -> Int32
  ) -> Int32 {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var status = Z_OK
    repeat {
      chunk.withUnsafeMutableBufferPointer { buffer in
        stream.next_out = buffer.baseAddress
        stream.avail_out = uInt(buffer.count)
        status = step(&stream)
        output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
      }
    } while status == Z_OK
    return status
  }
}
