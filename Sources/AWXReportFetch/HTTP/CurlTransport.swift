/// The production `HTTPTransport`: libcurl, one connection to one server reused for every
/// request.
///
/// Not for concurrent use: one transport serves one client at a time.
package struct CurlTransport: HTTPTransport {
  private let easy: CurlEasy
  private let origin: Origin

  /// Creates a transport to `settings.origin`, configured from `settings` (TLS, CA file,
  /// timeouts, size cap).
  /// - Parameter userAgent: the `User-Agent` header, for example `awx-report/0.1.0`.
  /// - Throws: `FetchError` when libcurl cannot be set up (for example an unusable CA file).
  package init(settings: ConnectionSettings, userAgent: String = "awx-report") throws(FetchError) {
    origin = settings.origin
    easy = try CurlEasy(
      CurlEasy.Configuration(
        verifyTLS: settings.verifyTLS, caCertPath: settings.caCertPath, timeout: settings.timeout,
        connectTimeout: settings.connectTimeout, maxResponseBytes: settings.maxResponseBytes,
        userAgent: userAgent))
  }

  /// Sends `request` to the transport's server over the shared connection (a POST over a fresh
  /// one, see `CurlEasy.perform`).
  package func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse {
    try easy.perform(
      request.method, url: origin.description + request.target, headers: request.headers,
      body: request.body)
  }
}
