/// What the daemon's HTTP client reports for a registry host the simulator has no
/// registry for (only Docker Hub exists in the simulation).
public enum RegistryHost {
  /// The error text after `Error response from daemon: ` for a pull, push or login
  /// to `host` (`localhost:5000`, `registry.example.com`).
  ///
  /// A loopback host (`localhost`, `127.0.0.0/8`) is in the daemon's default
  /// insecure-registry CIDRs, so moby tries `https://HOST` and then `http://HOST`,
  /// and reports the last endpoint's error: nothing listens there, so the dial is
  /// refused (the port is the URL's, 80 for plain http). Any other name goes to the
  /// resolver (systemd-resolved's stub at 127.0.0.53), which does not know it; the
  /// lookup is of the name without the port.
  public static func unreachableMessage(_ host: String) -> String {
    let (name, port) = split(host)
    if let address = loopbackAddress(name) {
      return "Get \"http://\(host)/v2/\": dial tcp \(address):\(port ?? "80"): connect: connection refused"
    }
    return "Get \"https://\(host)/v2/\": dial tcp: lookup \(name) on 127.0.0.53:53: no such host"
  }

  /// Go's http.Get error for `url` in a world with no network but Docker Hub: the
  /// resolver does not know the name, a loopback address refuses the connection, any
  /// other address is unreachable. (`ADD https://...` fails with it.)
  public static func downloadError(_ url: String) -> String {
    let scheme = url.hasPrefix("https://") ? "https" : "http"
    var authority = Substring(url.dropFirst(scheme.count + 3).prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
    let (name, port) = split(String(authority))
    let dialPort = port ?? (scheme == "https" ? "443" : "80")
    let reason: String
    if let address = loopbackAddress(name) {
      reason = "dial tcp \(address):\(dialPort): connect: connection refused"
    } else if isIPv4(name) {
      reason = "dial tcp \(name):\(dialPort): connect: network is unreachable"
    } else {
      reason = "dial tcp: lookup \(name) on 127.0.0.53:53: no such host"
    }
    return "Get \(GoQuote.quote(url)): \(reason)"
  }

  static func isIPv4(_ name: String) -> Bool {
    let octets = name.split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4 && octets.allSatisfy { !$0.isEmpty && UInt8($0) != nil }
  }

  /// `name:port` into its parts (no port: nil).
  static func split(_ host: String) -> (name: String, port: String?) {
    guard let colon = host.lastIndex(of: ":") else { return (host, nil) }
    return (String(host[..<colon]), String(host[host.index(after: colon)...]))
  }

  /// The address Go dials for a loopback host: `localhost` is 127.0.0.1 in the
  /// daemon's /etc/hosts; a 127.x.y.z literal is itself. Nil for any other host.
  static func loopbackAddress(_ name: String) -> String? {
    if name.lowercased() == "localhost" { return "127.0.0.1" }
    let octets = name.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil && !$0.isEmpty }), octets[0] == "127" else {
      return nil
    }
    return octets.map { String(UInt8($0)!) }.joined(separator: ".")
  }
}
