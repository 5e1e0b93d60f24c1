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
  ///
  /// An inflated layer is kept as long as its image, so the result holds exactly its
  /// bytes: they are inflated straight into an array of the size the gzip trailer
  /// gives, with no growth and no second copy. (Growing an array from a guess doubled
  /// its capacity, and `Array(array)` shares the buffer instead of shrinking it: a
  /// 103 MiB layer kept 197 MiB.) A size the trailer does not tell (a zlib stream, or
  /// 4 GiB or more) costs one copy at the end.
  public static func decompress(_ input: UnsafeRawBufferPointer) throws(Gzip.Error) -> [UInt8] {
    var stream = z_stream()
    guard czlib_inflate_init(&stream) == Z_OK else { throw Error(description: "gzip: cannot initialise zlib") }
    defer { inflateEnd(&stream) }
    // zlib's next_in is not const, but inflate never writes through it.
    stream.next_in = UnsafeMutablePointer(mutating: input.assumingMemoryBound(to: UInt8.self).baseAddress)
    stream.avail_in = uInt(input.count)
    // inflate answers Z_BUF_ERROR when it can make no progress: the output is full
    // (the room below ran out, or none was reserved) or the input ended early.
    var status = Z_BUF_ERROR
    var head: [UInt8] = []
    let size = expectedSize(input)
    if size > 0 {
      head = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        stream.next_out = buffer.baseAddress
        stream.avail_out = uInt(buffer.count)
        repeat { status = inflate(&stream, Z_NO_FLUSH) } while status == Z_OK
        count = buffer.count - Int(stream.avail_out)
      }
    }
    if status == Z_BUF_ERROR && stream.avail_out == 0 {
      // More than the trailer said: inflate the rest, then join the two once.
      var rest: [UInt8] = []
      status = drain(&stream, into: &rest) { inflate(&$0, Z_NO_FLUSH) }
      head = head.isEmpty ? rest : joined(head, rest)
    }
    guard status == Z_STREAM_END else {
      throw Error(description: status == Z_BUF_ERROR ? "unexpected EOF" : "gzip: invalid compressed data")
    }
    return head.capacity > head.count + head.count / 8 ? joined(head, []) : head
  }

  /// The inflated size a gzip stream's trailer states (ISIZE, the size modulo 2^32),
  /// bounded by deflate's largest ratio (1032:1) so a corrupt trailer cannot reserve
  /// gigabytes; 0 for a zlib stream, which states no size.
  static func expectedSize(_ input: UnsafeRawBufferPointer) -> Int {
    guard isCompressed(input), input.count >= 18 else { return 0 }
    let trailer = input[(input.count - 4)...]
    let size = trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
    return min(size, input.count * 1032)
  }

  /// `a` then `b` in an array of exactly their size (`Array(a)` would share `a`'s buffer).
  private static func joined(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: a.count + b.count) { buffer, count in
      _ = buffer.initialize(fromContentsOf: a)
      _ = UnsafeMutableBufferPointer(rebasing: buffer[a.count...]).initialize(fromContentsOf: b)
      count = a.count + b.count
    }
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
