/// Bytes that many file contents point into without copying them: a read-only
/// mapping of an archive the user named (made by the front end, which alone may
/// touch files), or a buffer in memory (standard input, tests, an inflated gzip layer).
///
/// `docker load` of a 100 MB root filesystem records where each body lies here
/// instead of copying it, so the bodies stay in the page cache, not in docksim's heap.
/// Immutable after init, hence safe to share between threads.
public final class SharedBytes: @unchecked Sendable {
  private enum Storage {
    case array([UInt8])
    case mapped(UnsafeRawBufferPointer)
  }

  private let storage: Storage
  private let release: (@Sendable (UnsafeRawBufferPointer) -> Void)?
  private let evict: (@Sendable (UnsafeRawBufferPointer) -> Void)?
  public let count: Int

  /// A buffer in memory (shared with the array, not copied).
  public init(_ bytes: [UInt8]) {
    storage = .array(bytes)
    count = bytes.count
    release = nil
    evict = nil
  }

  /// A mapping made by the caller. `release` unmaps it when the last file that points
  /// into it is gone; `evict` (optional) lets the kernel drop its resident pages, which
  /// are read again from the file when needed.
  public init(
    mapping: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void,
    evict: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil
  ) {
    storage = .mapped(mapping)
    count = mapping.count
    self.release = release
    self.evict = evict
  }

  deinit {
    if case .mapped(let buffer) = storage { release?(buffer) }
  }

  public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    switch storage {
    case .array(let bytes):
      let result = bytes.withUnsafeBytes { raw in Result { () throws(E) -> R in try body(raw) } }
      return try result.get()
    case .mapped(let buffer):
      return try body(buffer)
    }
  }

  /// The bytes of `range` as an array (small members: JSON, tests).
  public func bytes(in range: Range<Int>) -> [UInt8] {
    withUnsafeBytes { Array($0[range]) }
  }

  /// The SHA-256 of `range`, read in place.
  public func digest(of range: Range<Int>) -> Digest {
    withUnsafeBytes { raw in
      var builder = DigestBuilder()
      builder.update(UnsafeRawBufferPointer(rebasing: raw[range]))
      return builder.finish()
    }
  }

  /// Tells the kernel the pages read so far are not needed now (after a load has
  /// hashed every body): resident memory falls back to what the model itself holds.
  public func dropResidentPages() {
    if case .mapped(let buffer) = storage { evict?(buffer) }
  }
}

/// A range of `SharedBytes` that a file's content refers to, with the SHA-256 of
/// those bytes (computed once, when stored), which names the content in layer digests
/// exactly as the same bytes held literally would.
public struct StoredBytes: Hashable, Sendable {
  public let source: SharedBytes
  public let range: Range<Int>
  public let digest: Digest

  public init(_ source: SharedBytes, range: Range<Int>) {
    self.init(source, range: range, digest: source.digest(of: range))
  }

  init(_ source: SharedBytes, range: Range<Int>, digest: Digest) {
    self.source = source
    self.range = range
    self.digest = digest
  }

  public var count: Int { range.count }

  /// Equal bytes are equal content, wherever they are stored.
  public static func == (a: StoredBytes, b: StoredBytes) -> Bool { a.count == b.count && a.digest == b.digest }
  public func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}
