/// An image reference as distribution/reference understands it: a registry domain,
/// a repository path, and an optional tag and digest.
///
/// `ubuntu` is `docker.io/library/ubuntu`; `nuagebec/ubuntu:16.04` is
/// `docker.io/nuagebec/ubuntu:16.04`; `localhost:5000/foo/bar` keeps its host.
/// Output almost always uses the familiar form (`ubuntu:18.04`), `docker pull`
/// prints the fully qualified one on its last line.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
  /// The registry: `docker.io` for Docker Hub.
  public var domain: String
  /// The repository path inside the registry: `library/ubuntu`, `nuagebec/ubuntu`.
  public var path: String
  public var tag: String?
  /// `sha256:<hex>` (or another algorithm the parser accepted).
  public var digest: String?

  public static let hubDomain = "docker.io"
  public static let defaultTag = "latest"

  public init(domain: String = Reference.hubDomain, path: String, tag: String? = nil, digest: String? = nil) {
    self.domain = domain
    self.path = path
    self.tag = tag
    self.digest = digest
  }

  /// `docker.io/library/ubuntu`: the repository's full name.
  public var name: String { domain + "/" + path }

  /// `ubuntu`, `nuagebec/ubuntu`, `localhost:5000/foo`: the name as Docker prints it.
  public var familiarName: String {
    guard domain == Reference.hubDomain else { return name }
    if path.hasPrefix("library/"), !path.dropFirst(8).contains("/") { return String(path.dropFirst(8)) }
    return path
  }

  /// `docker.io/library/ubuntu:18.04`: reference.String().
  public var description: String { name + suffix }

  /// `ubuntu:18.04`: reference.FamiliarString().
  public var familiar: String { familiarName + suffix }

  private var suffix: String {
    var text = ""
    if let tag { text += ":" + tag }
    if let digest { text += "@" + digest }
    return text
  }

  /// True when the repository lives on the (mock) Docker Hub.
  public var isOnHub: Bool { domain == Reference.hubDomain }

  /// The reference with `:latest` added when it has neither tag nor digest
  /// (reference.TagNameOnly).
  public var withDefaultTag: Reference {
    guard tag == nil, digest == nil else { return self }
    var copy = self
    copy.tag = Reference.defaultTag
    return copy
  }

  /// The repository alone, without tag or digest.
  public var repository: Reference { Reference(domain: domain, path: path) }

  /// The same repository with another tag and no digest.
  public func tagged(_ tag: String) -> Reference { Reference(domain: domain, path: path, tag: tag) }

  /// The same repository with a digest and no tag (a RepoDigests entry).
  public func digested(_ digest: String) -> Reference { Reference(domain: domain, path: path, digest: digest) }
}

/// Why a reference did not parse. The texts differ between the library Docker
/// 20.10 vendors (docker/distribution v2.7) and the one 25.0 and later use
/// (distribution/reference v0.5+), hence `message(for:)`.
public enum ReferenceError: Error, Hashable, Sendable {
  case invalidFormat
  /// The repository part has upper-case letters; carries that part (with `library/`).
  case notLowercase(String)
  /// Upper case found only by the final grammar check (no path given in the message).
  case containsUppercase
  case nameTooLong
  case hexIdentifier(String)
  case digestLength
  case digestFormat
  case digestUnsupported

  public func message(for version: DockerVersion) -> String {
    switch self {
    case .invalidFormat: "invalid reference format"
    case .notLowercase(let path):
      version == .v20_10
        ? "invalid reference format: repository name must be lowercase"
        : "invalid reference format: repository name (\(path)) must be lowercase"
    case .containsUppercase: "repository name must be lowercase"
    case .nameTooLong: "repository name must not be more than 255 characters"
    case .hexIdentifier(let hex): "invalid repository name (\(hex)), cannot specify 64-byte hexadecimal strings"
    case .digestLength: "invalid checksum digest length"
    case .digestFormat: "invalid checksum digest format"
    case .digestUnsupported: "unsupported digest algorithm"
    }
  }
}

extension Reference {
  /// reference.ParseNormalizedNamed: the parse every docker command uses on a name.
  public static func parse(_ text: String, version: DockerVersion) throws(ReferenceError) -> Reference {
    if isHexIdentifier(text) { throw .hexIdentifier(text) }
    let (domain, remainder) = splitDomain(text, version: version)
    let remoteName = remainder.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
    if remoteName.lowercased() != remoteName { throw .notLowercase(String(remoteName)) }
    return try parseQualified(domain + "/" + remainder, version: version)
  }

  /// What an image argument of `rmi`, `inspect`, `history`, `run` means: a full
  /// 64-hex ID (`sha256:` optional) or a name (reference.ParseAnyReference).
  public enum AnyReference: Hashable, Sendable {
    case id(Digest)
    case named(Reference)
  }

  public static func parseAny(_ text: String, version: DockerVersion) throws(ReferenceError) -> AnyReference {
    if isHexIdentifier(text) { return .id(Digest(hex: text)) }
    if let digest = Digest(parsing: text) { return .id(digest) }
    return .named(try parse(text, version: version))
  }

  static func isHexIdentifier(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { isDigit($0) || ($0 >= 0x61 && $0 <= 0x66) }
  }

  /// splitDockerDomain: the first component is a registry host only when it has a
  /// `.` or `:`, is `localhost`, or (new library only) has upper-case letters.
  static func splitDomain(_ text: String, version: DockerVersion) -> (String, String) {
    var domain = hubDomain
    var remainder = text
    if let slash = text.firstIndex(of: "/") {
      let first = String(text[..<slash])
      let isHost =
        first.contains(".") || first.contains(":") || first == "localhost"
        || (version != .v20_10 && first.lowercased() != first)
      if isHost {
        domain = first
        remainder = String(text[text.index(after: slash)...])
      }
    }
    if domain == "index.docker.io" { domain = hubDomain }
    if domain == hubDomain, !remainder.contains("/") { remainder = "library/" + remainder }
    return (domain, remainder)
  }

  /// reference.Parse over `domain/path[:tag][@digest]`, the grammar of ReferenceRegexp.
  static func parseQualified(_ text: String, version: DockerVersion) throws(ReferenceError) -> Reference {
    guard let parts = grammarSplit(text) else {
      if grammarSplit(text.lowercased()) != nil { throw .containsUppercase }
      throw .invalidFormat
    }
    let counted = version == .v20_10 ? parts.domain.count + 1 + parts.path.count : parts.path.count
    if counted > 255 { throw .nameTooLong }
    if let digest = parts.digest { try validateDigest(digest) }
    return Reference(domain: parts.domain, path: parts.path, tag: parts.tag, digest: parts.digest)
  }

  private struct Parts {
    var domain: String
    var path: String
    var tag: String?
    var digest: String?
  }

  /// Splits and checks text against the reference grammar; nil when it does not match.
  private static func grammarSplit(_ text: String) -> Parts? {
    var rest = Substring(text)
    var digest: String?
    if let at = rest.firstIndex(of: "@") {
      let digestText = rest[rest.index(after: at)...]
      guard isDigestSyntax(digestText) else { return nil }
      digest = String(digestText)
      rest = rest[..<at]
    }
    var tag: String?
    if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
      let tagText = rest[rest.index(after: colon)...]
      guard isTag(tagText) else { return nil }
      tag = String(tagText)
      rest = rest[..<colon]
    }
    let components = rest.split(separator: "/", omittingEmptySubsequences: false)
    guard components.count >= 2, isDomain(components[0]),
      components.dropFirst().allSatisfy(isPathComponent)
    else { return nil }
    return Parts(domain: String(components[0]), path: components.dropFirst().joined(separator: "/"), tag: tag, digest: digest)
  }

  /// `[a-z0-9]+` joined by `.`, `_`, `__` or any run of `-`.
  static func isPathComponent(_ text: Substring) -> Bool {
    let bytes = Array(text.utf8)
    guard let first = bytes.first, let last = bytes.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
    var index = 0
    while index < bytes.count {
      if isLowerAlnum(bytes[index]) { index += 1; continue }
      var end = index
      while end < bytes.count, !isLowerAlnum(bytes[end]) { end += 1 }
      let separator = String(decoding: bytes[index..<end], as: UTF8.self)
      let valid = separator == "." || separator == "_" || separator == "__" || separator.allSatisfy { $0 == "-" }
      guard valid else { return false }
      index = end
    }
    return true
  }

  /// `host[:port]` where host is dot-separated `[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?`.
  static func isDomain(_ text: Substring) -> Bool {
    var host = text
    if let colon = text.firstIndex(of: ":") {
      let port = text[text.index(after: colon)...]
      guard !port.isEmpty, port.utf8.allSatisfy(isDigit) else { return false }
      host = text[..<colon]
    }
    return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
      let bytes = Array(label.utf8)
      guard let first = bytes.first, let last = bytes.last, isAlnum(first), isAlnum(last) else { return false }
      return bytes.allSatisfy { isAlnum($0) || $0 == 0x2d }
    }
  }

  /// `[\w][\w.-]{0,127}`.
  static func isTag(_ text: Substring) -> Bool {
    let bytes = Array(text.utf8)
    guard let first = bytes.first, bytes.count <= 128, isWord(first) else { return false }
    return bytes.allSatisfy { isWord($0) || $0 == 0x2e || $0 == 0x2d }
  }

  /// `algorithm:hex` with at least 32 hex digits (the regexp, before validation).
  static func isDigestSyntax(_ text: Substring) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let algorithm = text[..<colon]
    let hex = text[text.index(after: colon)...]
    guard hex.utf8.count >= 32, hex.utf8.allSatisfy(isHex) else { return false }
    let pieces = algorithm.split(omittingEmptySubsequences: false) { "-_+.".contains($0) }
    return pieces.allSatisfy { piece in
      guard let first = piece.utf8.first, isAlpha(first) else { return false }
      return piece.utf8.allSatisfy(isAlnum)
    }
  }

  /// go-digest's Validate: only sha256/384/512 with lowercase hex of the right length.
  static func validateDigest(_ text: String) throws(ReferenceError) {
    let colon = text.firstIndex(of: ":")!
    let algorithm = text[..<colon]
    let hex = text[text.index(after: colon)...]
    let lengths = ["sha256": 64, "sha384": 96, "sha512": 128]
    guard let length = lengths[String(algorithm)] else { throw .digestUnsupported }
    guard hex.utf8.count == length else { throw .digestLength }
    guard hex.utf8.allSatisfy({ isDigit($0) || ($0 >= 0x61 && $0 <= 0x66) }) else { throw .digestFormat }
  }
}

private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
private func isAlpha(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) }
private func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
private func isLowerAlnum(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x61 && b <= 0x7a) }
private func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5f }
private func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) }
