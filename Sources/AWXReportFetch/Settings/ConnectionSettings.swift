/// Everything needed to talk to one AWX server, resolved from flags and the environment.
package struct ConnectionSettings: Equatable, Sendable {
  /// The server: scheme, host and port (this is `Snapshot.host`).
  package var origin: Origin
  /// How requests authenticate.
  package var credentials: Credentials
  /// Whether the server's TLS certificate and host name are verified.
  package var verifyTLS: Bool
  /// A PEM file of CA certificates to trust, or nil for the system's.
  package var caCertPath: String?
  /// The time limit for each request, in seconds.
  package var timeout: Double
  /// The time limit for connecting, in seconds (never above `timeout`).
  package var connectTimeout: Double
  /// Retries after a connection error, timeout, 5xx or 429.
  package var retries: Int
  /// The API root (`/api/v2/`), or nil to discover it from `/api/`.
  package var apiRoot: String?
  /// The largest response body accepted, in bytes.
  package var maxResponseBytes: Int
  /// The most pages fetched for one list before giving up.
  package var maxPages: Int
  /// The longest wait honoured from a `Retry-After` header, in seconds.
  package var maxRetryAfter: Double
  /// Warnings the caller should print once on stderr (TLS verification off, a secret given as a
  /// flag, credentials over plain http). Never contains a secret.
  package var warnings: [SettingsWarning]

  /// The default request time limit, in seconds.
  package static let defaultTimeout: Double = 30
  /// The default number of retries.
  package static let defaultRetries = 3
  /// The default response size cap: 64 MiB.
  package static let defaultMaxResponseBytes = 64 << 20

  /// Creates settings directly (tests, or callers that resolved things themselves).
  package init(
    origin: Origin, credentials: Credentials, verifyTLS: Bool = true, caCertPath: String? = nil,
    timeout: Double = ConnectionSettings.defaultTimeout, connectTimeout: Double? = nil,
    retries: Int = ConnectionSettings.defaultRetries, apiRoot: String? = nil,
    maxResponseBytes: Int = ConnectionSettings.defaultMaxResponseBytes, maxPages: Int = 1000,
    maxRetryAfter: Double = 30, warnings: [SettingsWarning] = []
  ) {
    self.origin = origin
    self.credentials = credentials
    self.verifyTLS = verifyTLS
    self.caCertPath = caCertPath
    self.timeout = timeout
    self.connectTimeout = min(connectTimeout ?? 10, timeout)
    self.retries = retries
    self.apiRoot = apiRoot
    self.maxResponseBytes = maxResponseBytes
    self.maxPages = maxPages
    self.maxRetryAfter = maxRetryAfter
    self.warnings = warnings
  }

  /// Parses a host given as `https://awx.example.com[:port][/]` or a bare `awx.example.com`
  /// (https is assumed).
  /// - Throws: `FetchError.invalidHost` for another scheme, credentials in the URL, a path, or
  ///   a malformed host or port.
  package static func parseHost(_ text: String) throws(FetchError) -> Origin {
    let trimmed = text.trimmingASCIIWhitespace()
    guard !trimmed.isEmpty else { throw .missingHost }
    var url = trimmed
    if let schemeEnd = trimmed.firstRange(of: "://") {
      let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
      guard scheme == "http" || scheme == "https" else {
        throw .invalidHost(trimmed, reason: "only http and https are supported")
      }
    } else {
      url = "https://" + trimmed
    }
    let shown = stripCredentials(url)
    if shown != url {
      throw .invalidHost(
        shown, reason: "credentials in the URL are not allowed; use --username/--password-file")
    }
    guard let (origin, rest) = Origin.split(url) else {
      throw .invalidHost(trimmed, reason: "not a valid host name or port")
    }
    guard rest == "/" else {
      throw .invalidHost(
        trimmed, reason: "give only scheme://host[:port]; set a different API path with --api-root")
    }
    return origin
  }

  /// Checks and normalises an API root: a path starting and ending with `/`.
  static func normalizeAPIRoot(_ text: String) throws(FetchError) -> String {
    let t = text.trimmingASCIIWhitespace()
    guard t.hasPrefix("/"), !t.contains("?"), !t.contains("#"), !t.contains("://"),
      !t.contains(" ")
    else {
      throw .invalidOption(
        name: "--api-root", value: text, reason: "expected a path such as /api/v2/")
    }
    return t.hasSuffix("/") ? t : t + "/"
  }
}

extension String {
  /// The string without leading and trailing ASCII spaces, tabs, CR and LF.
  func trimmingASCIIWhitespace() -> String {
    let isSpace: (Character) -> Bool = { " \t\n\r".contains($0) || $0 == "\r\n" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }
}
