internal import CCurl

/// The only owner of a libcurl easy handle, and the only code in the module that touches
/// `CURL*` or raw pointers.
///
/// One handle serves every request of a fetch, so libcurl keeps the connection alive between
/// them. Redirects are not followed here (the fetcher checks and follows them itself), only
/// `http` and `https` are allowed, and a body above `maxResponseBytes` aborts the transfer.
final class CurlEasy {
  /// What the handle is configured with once, for all its requests.
  struct Configuration: Equatable, Sendable {
    var verifyTLS = true
    var caCertPath: String?
    var timeout: Double = 30
    var connectTimeout: Double = 10
    var maxResponseBytes = 64 << 20
    var userAgent = "awx-report"
  }

  /// `curl_global_init`, run once per process before the first handle.
  private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_SSL))

  private let handle: UnsafeMutableRawPointer
  private let errorBuffer: UnsafeMutablePointer<CChar>
  private let configuration: Configuration
  /// The response body received so far.
  private var received: [UInt8] = []
  private var headerLines: [String] = []
  private var exceededLimit = false

  /// Creates and configures a handle.
  /// - Throws: `FetchError.connection` when libcurl cannot be initialised or set up.
  init(_ configuration: Configuration) throws(FetchError) {
    guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
      throw .connection(url: "", reason: "libcurl could not be initialised")
    }
    self.handle = handle
    self.configuration = configuration
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    try configure()
  }

  deinit {
    curl_easy_cleanup(handle)
    errorBuffer.deallocate()
  }

  private func configure() throws(FetchError) {
    let c = configuration
    let context = Unmanaged.passUnretained(self).toOpaque()
    let codes: [CURLcode] = [
      awx_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
      awx_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
      awx_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
      awx_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
      awx_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(c.timeout)),
      awx_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(c.connectTimeout)),
      awx_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, c.verifyTLS ? 1 : 0),
      awx_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, c.verifyTLS ? 2 : 0),
      awx_curl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1),
      awx_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
      awx_curl_setopt_string(handle, CURLOPT_USERAGENT, c.userAgent),
      awx_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)),
      awx_curl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, Self.onBody),
      awx_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
      // A header callback has the same C signature as a write callback.
      awx_curl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, Self.onHeader),
      awx_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
    ]
    if let failed = codes.first(where: { $0 != CURLE_OK }) {
      throw .connection(url: "", reason: "libcurl setup failed: \(Self.message(failed))")
    }
    if let ca = c.caCertPath {
      let code = awx_curl_setopt_string(handle, CURLOPT_CAINFO, ca)
      guard code == CURLE_OK else {
        throw .tls(url: "", reason: "cannot use the CA file: \(Self.message(code))")
      }
    }
  }

  /// Sends `method url` with `headers` (and for a POST, `body` as JSON) and returns the response
  /// whatever its status.
  ///
  /// Each request sets its method afresh, so a GET after a POST is a plain GET. A POST goes over
  /// a new connection (`CURLOPT_FRESH_CONNECT`): on a reused keep-alive connection that turns out
  /// to be dead, libcurl would silently send the request again on a new one, and a POST must be
  /// sent at most once. `Expect: 100-continue` is switched off so a large body goes at once.
  /// - Throws: `FetchError` for transport failures; the `url` in it is `url` without credentials.
  func perform(_ method: HTTPMethod, url: String, headers: [String], body: [UInt8]?)
    throws(FetchError) -> HTTPResponse
  {
    received = []
    headerLines = []
    exceededLimit = false
    errorBuffer[0] = 0
    let shownURL = stripCredentials(url)
    var fixed = ["Accept: application/json"]
    if method == .post { fixed += ["Content-Type: application/json", "Expect:"] }
    var list: UnsafeMutablePointer<curl_slist>?
    defer { curl_slist_free_all(list) }
    for header in fixed + headers {
      guard let appended = curl_slist_append(list, header) else {
        throw .connection(method: method, url: shownURL, reason: "out of memory")
      }
      list = appended
    }
    var code = awx_curl_setopt_string(handle, CURLOPT_URL, url)
    if code == CURLE_OK { code = setMethod(method, body: body ?? []) }
    if code == CURLE_OK { code = awx_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list) }
    if code == CURLE_OK { code = curl_easy_perform(handle) }
    // The header list is freed right after this call: unset it so the handle never keeps it.
    _ = awx_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
    guard code == CURLE_OK else { throw error(for: code, method: method, url: shownURL) }
    var status = 0
    _ = awx_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    let response = HTTPResponse(status: status, headers: parsedHeaders(), body: received)
    received = []
    return response
  }

  /// Sets the request method: a GET, or a POST of `body` (libcurl keeps its own copy).
  private func setMethod(_ method: HTTPMethod, body: [UInt8]) -> CURLcode {
    switch method {
    case .get:
      let code = awx_curl_setopt_long(handle, CURLOPT_FRESH_CONNECT, 0)
      guard code == CURLE_OK else { return code }
      return awx_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
    case .post:
      var code = awx_curl_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1)
      // The size first: COPYPOSTFIELDS copies exactly that many bytes (and implies POST).
      if code == CURLE_OK {
        code = awx_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
      }
      guard code == CURLE_OK else { return code }
      if body.isEmpty { return awx_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "") }
      return body.withUnsafeBytes { bytes in
        awx_curl_setopt_pointer(
          handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
      }
    }
  }

  private func error(for code: CURLcode, method: HTTPMethod, url: String) -> FetchError {
    let reason = detailMessage(code)
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
      // Before any connection: not a byte of the request was sent.
      return .couldNotConnect(method: method, url: url, reason: reason)
    case CURLE_OPERATION_TIMEDOUT:
      return .timeout(method: method, url: url, seconds: configuration.timeout)
    case CURLE_WRITE_ERROR where exceededLimit:
      return .responseTooLarge(method: method, url: url, limit: configuration.maxResponseBytes)
    case CURLE_PARTIAL_FILE:
      return .truncated(method: method, url: url, reason: reason)
    case CURLE_RECV_ERROR where !received.isEmpty:
      return .truncated(method: method, url: url, reason: reason)
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
      CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE:
      return .tls(method: method, url: url, reason: reason)
    default:
      return .connection(method: method, url: url, reason: reason)
    }
  }

  private func detailMessage(_ code: CURLcode) -> String {
    let detail = String(cString: errorBuffer).trimmingASCIIWhitespace()
    return detail.isEmpty ? Self.message(code) : detail
  }

  private func parsedHeaders() -> [(name: String, value: String)] {
    headerLines.compactMap { line in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let name = String(line[..<colon]).trimmingASCIIWhitespace()
      let value = String(line[line.index(after: colon)...]).trimmingASCIIWhitespace()
      return (name: name, value: value)
    }
  }

  private func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard received.count + bytes.count <= configuration.maxResponseBytes else {
      exceededLimit = true
      return 0  // Makes libcurl abort the transfer with CURLE_WRITE_ERROR.
    }
    received.append(contentsOf: bytes)
    return bytes.count
  }

  private func appendHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
    let line = String(decoding: bytes, as: UTF8.self)
    if line.hasPrefix("HTTP/") {
      headerLines = []  // A new response (after 1xx): keep only the final one's headers.
    } else if headerLines.count < 500 {
      headerLines.append(line)
    }
    return bytes.count
  }

  private static let onBody: curl_write_callback = { data, size, count, context in
    guard let context else { return 0 }
    let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
    return easy.appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
  }

  private static let onHeader: curl_write_callback = { data, size, count, context in
    guard let context else { return 0 }
    let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
    return easy.appendHeader(UnsafeRawBufferPointer(start: data, count: size * count))
  }

  private static func message(_ code: CURLcode) -> String {
    guard let text = curl_easy_strerror(code) else { return "libcurl error \(code.rawValue)" }
    return String(cString: text)
  }

  private static func milliseconds(_ seconds: Double) -> Int {
    Int(min(max(seconds, 0.001), 86_400) * 1000)
  }
}
