/// The scheme, host and port of a URL: what "the same server" means for redirects and links.
///
/// Hosts are compared lower-cased, and the default port (80 for `http`, 443 for `https`) is the
/// same as no port.
package struct Origin: Hashable, Sendable, CustomStringConvertible {
  /// `http` or `https`.
  package let scheme: String
  /// The host name or IP address, lower-cased (IPv6 addresses keep their brackets).
  package let host: String
  /// The port, or nil for the scheme's default.
  package let port: Int?

  /// `scheme://host[:port]`, without credentials, path or a trailing slash.
  package var description: String {
    port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
  }

  /// Splits an absolute `http`/`https` URL into its origin and the rest (path, query), or nil
  /// when `url` is not such a URL. The rest starts with `/` (an empty path becomes `/`).
  /// Credentials (`user:pass@`) in the URL make it unusable here, so it gives nil for them too.
  static func split(_ url: String) -> (origin: Origin, rest: String)? {
    guard let schemeEnd = url.firstRange(of: "://") else { return nil }
    let scheme = url[..<schemeEnd.lowerBound].lowercased()
    guard scheme == "http" || scheme == "https" else { return nil }
    let afterScheme = url[schemeEnd.upperBound...]
    let authorityEnd =
      afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" })
      ?? afterScheme.endIndex
    let authority = afterScheme[..<authorityEnd]
    var rest = String(afterScheme[authorityEnd...])
    if rest.isEmpty || rest.first != "/" { rest = "/" + rest }
    guard !authority.contains("@"), let (host, port) = parseAuthority(authority) else {
      return nil
    }
    let defaultPort = scheme == "http" ? 80 : 443
    return (Origin(scheme: scheme, host: host, port: port == defaultPort ? nil : port), rest)
  }

  private static func parseAuthority(_ authority: Substring) -> (String, Int?)? {
    var hostPart = authority
    var portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { return nil }
      hostPart = authority[...close]
      let after = authority[authority.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { return nil }
        portText = after.dropFirst()
      }
    } else if let colon = authority.lastIndex(of: ":") {
      hostPart = authority[..<colon]
      portText = authority[authority.index(after: colon)...]
    }
    let host = hostPart.lowercased()
    guard !host.isEmpty,
      host.allSatisfy({ $0.isLetter || $0.isNumber || "-._[]:".contains($0) }),
      host.allSatisfy({ $0.isASCII })
    else { return nil }
    guard let portText else { return (host, nil) }
    guard let port = Int(portText), (1...65535).contains(port) else { return nil }
    return (host, port)
  }
}

/// `url` with any `user:password@` part of its authority removed.
func stripCredentials(_ url: String) -> String {
  guard let schemeEnd = url.firstRange(of: "://") else { return url }
  let afterScheme = url[schemeEnd.upperBound...]
  let authorityEnd =
    afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" })
    ?? afterScheme.endIndex
  guard let at = afterScheme[..<authorityEnd].lastIndex(of: "@") else { return url }
  return String(url[..<schemeEnd.upperBound]) + String(afterScheme[afterScheme.index(after: at)...])
}
