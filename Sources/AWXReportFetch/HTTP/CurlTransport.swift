/// The production `HTTPTransport`: libcurl, one connection reused for every request.
///
/// Not for concurrent use: one transport serves one fetch at a time.
package struct CurlTransport: HTTPTransport {
  private let easy: CurlEasy

  /// Creates a transport configured from `settings` (TLS, CA file, timeouts, size cap).
  /// - Parameter userAgent: the `User-Agent` header, for example `awx-report/0.1.0`.
  /// - Throws: `FetchError` when libcurl cannot be set up (for example an unusable CA file).
  package init(settings: ConnectionSettings, userAgent: String = "awx-report") throws(FetchError) {
    easy = try CurlEasy(
      CurlEasy.Configuration(
        verifyTLS: settings.verifyTLS, caCertPath: settings.caCertPath, timeout: settings.timeout,
        connectTimeout: settings.connectTimeout, maxResponseBytes: settings.maxResponseBytes,
        userAgent: userAgent))
  }

  /// Sends `GET url` over the shared connection.
  package func get(_ url: String, headers: [String]) throws(FetchError) -> HTTPResponse {
    try easy.get(url, headers: headers)
  }
}
