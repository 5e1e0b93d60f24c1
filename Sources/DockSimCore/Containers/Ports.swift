/// A published port: `-p 8080:80` binds host port 8080 on every address to the
/// container's port 80/tcp.
public struct PortBinding: Sendable, Hashable {
  /// Empty means every address (the daemon then binds 0.0.0.0 and ::).
  public var hostIP: String
  public var hostPort: Int
  public var containerPort: Int
  public var proto: String

  public init(hostIP: String = "", hostPort: Int, containerPort: Int, proto: String = "tcp") {
    self.hostIP = hostIP
    self.hostPort = hostPort
    self.containerPort = containerPort
    self.proto = proto
  }

  /// The CLI's error for a `-p` value, per version (docker/go-connections nat).
  public enum ParseError: Error, Equatable, Sendable {
    case invalidHostPort(String)
    case invalidContainerPort(String)
    case invalidIP(String)

    public func message(version: DockerVersion) -> String {
      let modern = version == .v28
      switch self {
      case .invalidHostPort(let text): return (modern ? "invalid" : "Invalid") + " hostPort: \(text)"
      case .invalidContainerPort(let text): return (modern ? "invalid" : "Invalid") + " containerPort: \(text)"
      case .invalidIP(let text):
        return modern
          ? "invalid IP address: \(text)"
          : "Invalid ip address \(text): address \(text):: too many colons in address"
      }
    }
  }

  /// `[ip:][hostPort:]containerPort[/proto]`; a missing host port is 0 (the daemon picks one).
  public static func parse(_ text: String) -> Result<PortBinding, ParseError> {
    var spec = Substring(text)
    var proto = "tcp"
    if let slash = spec.lastIndex(of: "/") {
      proto = String(spec[spec.index(after: slash)...])
      spec = spec[..<slash]
    }
    var parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    let containerText = parts.removeLast()
    guard let container = Int(containerText), (1...65535).contains(container) else {
      return .failure(.invalidContainerPort(containerText))
    }
    let hostText = parts.popLast() ?? ""
    guard parts.count <= 1 else { return .failure(.invalidIP(parts.joined(separator: ":"))) }
    var host = 0
    if !hostText.isEmpty {
      guard let number = Int(hostText), (0...65535).contains(number) else { return .failure(.invalidHostPort(hostText)) }
      host = number
    }
    return .success(PortBinding(hostIP: parts.first ?? "", hostPort: host, containerPort: container, proto: proto))
  }
}

/// One row of the daemon's port list (`types.Port`), what `docker ps` PORTS shows.
public struct ListedPort: Sendable, Hashable {
  public var ip: String
  public var privatePort: Int
  public var publicPort: Int
  public var type: String

  public init(ip: String = "", privatePort: Int, publicPort: Int = 0, type: String = "tcp") {
    self.ip = ip
    self.privatePort = privatePort
    self.publicPort = publicPort
    self.type = type
  }
}

extension Container {
  /// The daemon's port list: only a running container has one. Each published
  /// port is bound on 0.0.0.0 and ::; exposed ports nobody published have no IP.
  public var listedPorts: [ListedPort] {
    guard state.running else { return [] }
    var ports: [ListedPort] = []
    for binding in publishedPorts {
      let addresses = binding.hostIP.isEmpty ? ["0.0.0.0", "::"] : [binding.hostIP]
      for address in addresses {
        ports.append(
          ListedPort(ip: address, privatePort: binding.containerPort, publicPort: binding.hostPort, type: binding.proto))
      }
    }
    for exposed in exposedPorts {
      let parts = exposed.split(separator: "/")
      guard let port = Int(parts[0]) else { continue }
      let proto = parts.count > 1 ? String(parts[1]) : "tcp"
      if !publishedPorts.contains(where: { $0.containerPort == port && $0.proto == proto }) {
        ports.append(ListedPort(privatePort: port, type: proto))
      }
    }
    return ports
  }
}

/// docker/cli's `DisplayablePorts`: sorted, consecutive unpublished ports and
/// same-number mappings grouped into ranges, other mappings after them.
/// 20.10 writes an IPv6 host as `:::8080`; 28 as `[::]:8080` (net.JoinHostPort).
public enum PortDisplay {
  public static func text(_ ports: [ListedPort], version: DockerVersion) -> String {
    let sorted = ports.sorted { a, b in
      if a.privatePort != b.privatePort { return a.privatePort < b.privatePort }
      if a.ip != b.ip { return a.ip < b.ip }
      if a.publicPort != b.publicPort { return a.publicPort < b.publicPort }
      return a.type < b.type
    }
    var groups: [String: (first: Int, last: Int)] = [:]
    var keys: [String] = []
    var result: [String] = []
    var mappings: [String] = []
    for port in sorted {
      var key = port.type
      if !port.ip.isEmpty {
        if port.publicPort != port.privatePort {
          mappings.append("\(host(port.ip, port.publicPort, version))->\(port.privatePort)/\(port.type)")
          continue
        }
        key = port.ip + "/" + port.type
      }
      guard let group = groups[key] else {
        groups[key] = (port.privatePort, port.privatePort)
        keys.append(key)
        continue
      }
      if port.privatePort == group.last + 1 {
        groups[key] = (group.first, port.privatePort)
        continue
      }
      result.append(formGroup(key, group.first, group.last, version))
      groups[key] = (port.privatePort, port.privatePort)
    }
    for key in keys {
      if let group = groups[key] { result.append(formGroup(key, group.first, group.last, version)) }
    }
    return (result + mappings).joined(separator: ", ")
  }

  private static func host(_ ip: String, _ port: Int, _ version: DockerVersion) -> String {
    version == .v28 && ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
  }

  private static func formGroup(_ key: String, _ first: Int, _ last: Int, _ version: DockerVersion) -> String {
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    let range = first == last ? "\(first)" : "\(first)-\(last)"
    guard parts.count == 2 else { return "\(range)/\(key)" }
    let hostPart = version == .v28 && parts[0].contains(":") ? "[\(parts[0])]:\(range)" : "\(parts[0]):\(range)"
    return "\(hostPart)->\(range)/\(parts[1])"
  }
}
