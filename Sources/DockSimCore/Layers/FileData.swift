/// The bytes of a regular file, described rather than stored when they are generated.
///
/// A Hub image of 60 MB must cost almost nothing, so content is a list of pieces:
/// literal bytes, runs of zeros (from `truncate -s`), or "N bytes of deterministic
/// generated content" identified by a seed, or a range of an archive `docker load`
/// read (kept where it lies, not copied). Any byte of a generated piece can be
/// computed on its own, so reading a range never materializes the whole file.
public struct FileData: Hashable, Sendable {
  public enum Piece: Hashable, Sendable {
    case literal([UInt8])
    case zeros(count: Int)
    /// Bytes `offset ..< offset + count` of the endless stream named by `seed`.
    case generated(seed: UInt64, offset: Int, count: Int)
    /// Bytes that lie in a loaded archive. They count as literal bytes everywhere
    /// (digests, `isLiteral`); only where they are kept differs.
    indirect case stored(StoredBytes)

    public var count: Int {
      switch self {
      case .literal(let bytes): bytes.count
      case .zeros(let count): count
      case .generated(_, _, let count): count
      case .stored(let stored): stored.count
      }
    }
  }

  public private(set) var pieces: [Piece]
  /// The file size in bytes.
  public private(set) var size: Int

  /// An empty file.
  public init() {
    pieces = []
    size = 0
  }

  public init(_ bytes: [UInt8]) {
    pieces = bytes.isEmpty ? [] : [.literal(bytes)]
    size = bytes.count
  }

  public init(_ text: String) { self.init(Array(text.utf8)) }

  /// Content made of the given pieces (an archive restoring a described file).
  public init(pieces: [Piece]) {
    self.init()
    for piece in pieces { append(piece: piece) }
  }

  /// `size` bytes of deterministic content named by `seed` (a binary of a given size).
  public static func generated(size: Int, seed: UInt64) -> FileData {
    var data = FileData()
    data.append(piece: .generated(seed: seed, offset: 0, count: size))
    return data
  }

  /// Content that lies in `source` (a loaded archive), referred to rather than copied.
  public init(stored source: SharedBytes, range: Range<Int>) {
    self.init()
    append(piece: .stored(StoredBytes(source, range: range)))
  }

  /// True when every byte is known literally (no generated or zero pieces).
  public var isLiteral: Bool {
    pieces.allSatisfy(\.holdsBytes)
  }

  /// All bytes. Costs memory proportional to the size: use `bytes(in:)` for large files.
  public var bytes: [UInt8] { bytes(in: 0..<size) }

  /// The bytes of `range` (clamped to the file).
  public func bytes(in range: Range<Int>) -> [UInt8] {
    let wanted = range.clamped(to: 0..<size)
    var out: [UInt8] = []
    out.reserveCapacity(wanted.count)
    var start = 0
    for piece in pieces {
      let pieceRange = start..<(start + piece.count)
      let overlap = pieceRange.clamped(to: wanted)
      if !overlap.isEmpty {
        let local = (overlap.lowerBound - start)..<(overlap.upperBound - start)
        switch piece {
        case .literal(let bytes): out.append(contentsOf: bytes[local])
        case .zeros: out.append(contentsOf: repeatElement(0, count: local.count))
        case .generated(let seed, let offset, _):
          FileData.appendGenerated(seed: seed, range: (offset + local.lowerBound)..<(offset + local.upperBound), to: &out)
        case .stored(let stored):
          stored.source.withUnsafeBytes { out.append(contentsOf: $0[(stored.range.lowerBound + local.lowerBound)..<(stored.range.lowerBound + local.upperBound)]) }
        }
      }
      start = pieceRange.upperBound
      if start >= wanted.upperBound { break }
    }
    return out
  }

  /// Hands every byte to `body` in order, in chunks of at most 64 KiB for described
  /// pieces and in place for stored ones: how archives stream large files out.
  public func forEachChunk(_ body: (UnsafeRawBufferPointer) -> Void) {
    let chunk = 1 << 16
    var start = 0
    for piece in pieces {
      switch piece {
      case .literal(let bytes): bytes.withUnsafeBytes(body)
      case .stored(let stored): stored.source.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[stored.range])) }
      case .zeros, .generated:
        var offset = start
        while offset < start + piece.count {
          let end = min(offset + chunk, start + piece.count)
          bytes(in: offset..<end).withUnsafeBytes(body)
          offset = end
        }
      }
      start += piece.count
    }
  }

  /// The text of the file when it is valid UTF-8 (nil otherwise).
  public var text: String? { String(validating: bytes, as: UTF8.self) }

  public mutating func append(_ other: FileData) {
    for piece in other.pieces { append(piece: piece) }
  }

  /// Cuts the file to `newSize` bytes, or extends it with zeros (as `truncate(2)` does).
  public mutating func truncate(to newSize: Int) {
    let target = max(0, newSize)
    if target >= size {
      if target > size { append(piece: .zeros(count: target - size)) }
      return
    }
    var kept: [Piece] = []
    var remaining = target
    for piece in pieces where remaining > 0 {
      if piece.count <= remaining {
        kept.append(piece)
        remaining -= piece.count
      } else {
        kept.append(piece.prefix(remaining))
        remaining = 0
      }
    }
    pieces = kept
    size = target
  }

  /// Adds a piece, merging it into the last one when both are literal or zeros, so
  /// that equal content built by small appends has one canonical shape.
  private mutating func append(piece: Piece) {
    guard piece.count > 0 else { return }
    size += piece.count
    switch (pieces.last, piece) {
    case (.literal(let a)?, .literal(let b)):
      pieces[pieces.count - 1] = .literal(a + b)
    case (.zeros(let a)?, .zeros(let b)):
      pieces[pieces.count - 1] = .zeros(count: a + b)
    case (.generated(let s1, let o1, let c1)?, .generated(let s2, let o2, let c2)) where s1 == s2 && o1 + c1 == o2:
      pieces[pieces.count - 1] = .generated(seed: s1, offset: o1, count: c1 + c2)
    default:
      pieces.append(piece)
    }
  }

  /// Appends bytes `range` of the stream named by `seed`, one 64-bit word at a time
  /// (the same bytes as `generatedByte`, eight times fewer mixes).
  static func appendGenerated(seed: UInt64, range: Range<Int>, to out: inout [UInt8]) {
    var index = range.lowerBound
    while index < range.upperBound {
      let word = generatedWord(seed: seed, word: index / 8)
      let end = min(range.upperBound, (index / 8 + 1) * 8)
      for i in index..<end { out.append(UInt8(truncatingIfNeeded: word >> (UInt64(i % 8) * 8))) }
      index = end
    }
  }

  static func generatedWord(seed: UInt64, word: Int) -> UInt64 {
    var z = seed &+ (UInt64(word) &+ 1) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Byte `index` of the stream named by `seed`: SplitMix64 evaluated at word `index / 8`,
  /// so any byte is computed without the ones before it.
  static func generatedByte(seed: UInt64, index: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: generatedWord(seed: seed, word: index / 8) >> (UInt64(index % 8) * 8))
  }

  /// A canonical description for digests: generated pieces by seed and range, literals by
  /// their own digest, so a layer's diffID never needs the generated bytes. A run of
  /// literal and stored pieces is one digest of all its bytes, as if they were one
  /// literal: where the bytes are kept never changes an ID.
  var canonicalDescription: String {
    var parts: [String] = []
    var run: [Piece] = []
    func endRun() {
      guard !run.isEmpty else { return }
      parts.append("lit:" + FileData.digest(ofBytesIn: run).hex)
      run = []
    }
    for piece in pieces {
      switch piece {
      case .literal, .stored: run.append(piece)
      case .zeros(let count):
        endRun()
        parts.append("zero:\(count)")
      case .generated(let seed, let offset, let count):
        endRun()
        parts.append("gen:\(seed):\(offset):\(count)")
      }
    }
    endRun()
    return parts.joined(separator: ",")
  }

  /// The SHA-256 of the bytes of literal and stored pieces, in order; a lone stored
  /// piece already knows its own.
  private static func digest(ofBytesIn run: [Piece]) -> Digest {
    if run.count == 1, case .stored(let stored) = run[0] { return stored.digest }
    var builder = DigestBuilder()
    for piece in run {
      switch piece {
      case .literal(let bytes): bytes.withUnsafeBytes { builder.update($0) }
      case .stored(let stored): stored.source.withUnsafeBytes { builder.update(UnsafeRawBufferPointer(rebasing: $0[stored.range])) }
      case .zeros, .generated: break
      }
    }
    return builder.finish()
  }
}

extension FileData.Piece {
  func prefix(_ n: Int) -> FileData.Piece {
    switch self {
    case .literal(let bytes): .literal(Array(bytes.prefix(n)))
    case .zeros: .zeros(count: n)
    case .generated(let seed, let offset, _): .generated(seed: seed, offset: offset, count: n)
    case .stored(let stored): .stored(StoredBytes(stored.source, range: stored.range.lowerBound..<(stored.range.lowerBound + n)))
    }
  }

  /// Literal or stored: bytes that are kept rather than described.
  var holdsBytes: Bool {
    switch self {
    case .literal, .stored: true
    case .zeros, .generated: false
    }
  }
}
