import AWXReportJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Talks to one AWX server in request values: authenticates, retries what may be retried,
/// follows same-server redirects of GETs, refuses responses that contain the secret, and turns
/// every other status into a `FetchError`. It knows nothing of snapshots: a fetch records what
/// it receives through `SnapshotRecorder`, while `list`, `cancel` or a poller use it directly.
///
/// - `send(_:)`: any request; returns the 2xx response.
/// - `object(_:)`: a GET whose body is a JSON object.
/// - `pages(_:onPage:)`: every item of a paginated list, following `next` links.
/// - `post(_:query:json:check:)`: a POST, sent at most once; 201/202 with or without a body.
///
/// Retries follow `RetryPolicy.decision(after:method:)`: a GET is retried on passing failures,
/// a POST only when nothing was sent. Errors never contain the token or password.
/// Not for concurrent use: one client, one connection, one request at a time.
package final class AWXClient {
  /// The resolved connection settings.
  package let settings: ConnectionSettings
  private let transport: any HTTPTransport
  private let observer: (FetchEvent) -> Void
  private let sleep: (Double) -> Void
  private let random: () -> Double
  private let scrubber: SecretScrubber
  private let policy: RetryPolicy

  /// HTTP exchanges made so far, retries and redirects included.
  package private(set) var requestCount = 0

  /// The most redirects followed for one GET.
  package static let maxRedirects = 5

  /// Creates a client.
  /// - Parameters:
  ///   - settings: where and how to connect.
  ///   - transport: the HTTP transport (`CurlTransport` in production, a stub in tests).
  ///   - observer: receives events (requests, retries, redirects); never a secret.
  ///   - sleep: waits the given seconds before a retry (tests pass a recorder).
  ///   - random: a number in 0..<1 for the backoff jitter.
  package init(
    settings: ConnectionSettings, transport: any HTTPTransport,
    observer: @escaping (FetchEvent) -> Void = { _ in },
    sleep: @escaping (Double) -> Void = AWXClient.systemSleep,
    random: @escaping () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.settings = settings
    self.transport = transport
    self.observer = observer
    self.sleep = sleep
    self.random = random
    scrubber = SecretScrubber(settings.credentials)
    policy = RetryPolicy(maxRetryAfter: settings.maxRetryAfter)
  }

  /// Creates a client over libcurl (`CurlTransport`).
  /// - Parameter userAgent: the `User-Agent` header, for example `awx-report/0.1.0`.
  /// - Throws: `FetchError` when libcurl cannot be set up.
  package convenience init(
    settings: ConnectionSettings, userAgent: String = "awx-report",
    observer: @escaping (FetchEvent) -> Void = { _ in }
  ) throws(FetchError) {
    self.init(
      settings: settings, transport: try CurlTransport(settings: settings, userAgent: userAgent),
      observer: observer)
  }

  // MARK: Requests

  /// Sends `request` and returns its 2xx response (any body, even none).
  /// - Throws: `FetchError`: `.http` for another status, `.outcomeUnknown` when a POST failed
  ///   after it may have reached AWX, a transport error after the retries.
  package func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse {
    try scrubbing { () throws(FetchError) in try exchange(request) }
  }

  /// GETs `request` and parses its body as a JSON object.
  package func object(_ request: HTTPRequest) throws(FetchError) -> JSONValue {
    try scrubbing { () throws(FetchError) in try fetchObject(request) }
  }

  /// One page of a paginated list, as `pages(_:onPage:)` receives it.
  package struct Page {
    /// The page's host-relative URL, as requested.
    package var url: String
    /// The body, byte for byte.
    package var body: [UInt8]
    /// The page's `results`.
    package var items: [JSONValue]
  }

  /// Every `results` item of a paginated list: GETs `first`, then each `next` link until it is
  /// null. Stops with an error when a page repeats or after `settings.maxPages` pages.
  /// - Parameter onPage: called with each page as it arrives.
  package func pages(
    _ first: HTTPRequest, onPage: (Page) throws(FetchError) -> Void = { _ in }
  ) throws(FetchError) -> [JSONValue] {
    try scrubbing { () throws(FetchError) in try fetchPages(first, onPage: onPage) }
  }

  /// What a POST answered: a 2xx status, the `Location` header, and the body when it has one.
  package struct PostResponse: Equatable, Sendable {
    /// The status: 201 for relaunch and launch, 202 for cancel.
    package var status: Int
    /// The `Location` header (relaunch and launch point at the new job), or nil.
    package var location: String?
    /// The parsed body, or nil when it is empty (cancel's 202).
    package var json: JSONValue?
  }

  /// POSTs `json` (or an empty body) to the host-relative `path`, once.
  ///
  /// Only a failure to connect at all is retried. After a timeout, a reset, a cut-short answer
  /// or a 5xx the request is not sent again and the error is `.outcomeUnknown(_, check:)`.
  /// A redirect is an error (`.redirectNotFollowed`), never followed.
  /// - Parameters:
  ///   - query: query parameters, if any.
  ///   - check: how to find out whether it took effect when the outcome is unknown, for
  ///     example `GET /api/v2/workflow_jobs/7/`; it ends up in the error message.
  package func post(
    _ path: String, query: URLQuery = URLQuery(), json: JSONValue? = nil, check: String? = nil
  ) throws(FetchError) -> PostResponse {
    try scrubbing { () throws(FetchError) in
      let request = HTTPRequest.post(path, query: query, json: json)
      let response = try exchange(request, check: check)
      guard response.body.contains(where: { !Self.isJSONSpace($0) }) else {
        return PostResponse(status: response.status, location: response.header("location"))
      }
      let json: JSONValue
      do throws(JSONSyntaxError) {
        json = try JSONParser.parse(response.body)
      } catch {
        throw .unexpectedResponse(
          method: .post, url: request.target,
          message: "HTTP \(response.status): AWX accepted the request, but the body is not JSON "
            + "(invalid JSON at \(error.description))")
      }
      return PostResponse(
        status: response.status, location: response.header("location"), json: json)
    }
  }

  // MARK: Unscrubbed core (the fetch scrubs once, at its top)

  /// `request` with retries and, for a GET, redirects; the 2xx response.
  func exchange(_ request: HTTPRequest, check: String? = nil) throws(FetchError) -> HTTPResponse {
    var attempt = 1
    while true {
      let (result, retryAfter) = attemptOnce(request, attempt: attempt)
      switch result {
      case .success(let response):
        return response
      case .failure(let error):
        switch RetryPolicy.decision(after: error, method: request.method) {
        case .retry where attempt <= settings.retries:
          let delay = policy.delay(attempt: attempt, retryAfter: retryAfter, random: random())
          attempt += 1
          emit(
            .retrying(
              url: request.target, attempt: attempt, delay: delay, reason: error.description))
          sleep(delay)
        case .outcomeUnknown:
          throw .outcomeUnknown(error, check: check)
        case .retry, .fail:
          throw error
        }
      }
    }
  }

  /// GETs `request` and parses a JSON object.
  func fetchObject(_ request: HTTPRequest) throws(FetchError) -> JSONValue {
    let response = try exchange(request)
    return try Self.parseObject(response.body, method: request.method, url: request.target)
  }

  /// The pagination loop of `pages(_:onPage:)`.
  func fetchPages(_ first: HTTPRequest, onPage: (Page) throws(FetchError) -> Void)
    throws(FetchError) -> [JSONValue]
  {
    let firstURL = first.target
    var results: [JSONValue] = []
    var seen: Set<String> = []
    var request = first
    while true {
      let url = request.target
      seen.insert(url)
      let response = try exchange(request)
      let page = try Self.parseObject(response.body, method: .get, url: url)
      guard let items = page["results"]?.array else {
        throw .unexpectedResponse(url: url, message: "expected a paginated list with \"results\"")
      }
      results += items
      try onPage(Page(url: url, body: response.body, items: items))
      guard let nextValue = page["next"], !nextValue.isNull else { return results }
      guard let nextLink = nextValue.string else {
        throw .unexpectedResponse(url: url, message: "\"next\" is not a string or null")
      }
      let next = try link(nextLink, in: url)
      if seen.contains(next) { throw .paginationLoop(url: url, next: next) }
      if seen.count >= settings.maxPages {
        throw .tooManyPages(url: firstURL, limit: settings.maxPages)
      }
      request = .get(next)
    }
  }

  /// One attempt, redirects included. Returns the `Retry-After` header of a failed response.
  private func attemptOnce(_ request: HTTPRequest, attempt: Int)
    -> (Result<HTTPResponse, FetchError>, String?)
  {
    let method = request.method
    var current = request
    current.headers.append("Authorization: \(settings.credentials.authorizationValue)")
    for _ in 0...Self.maxRedirects {
      let url = current.target
      let response: HTTPResponse
      let clock = ContinuousClock()
      let start = clock.now
      do {
        response = try transport.send(current)
      } catch {
        countRequest(method, url, status: 0, since: start, clock: clock, attempt: attempt)
        return (.failure(error.relabelled(url: url)), nil)
      }
      countRequest(
        method, url, status: response.status, since: start, clock: clock, attempt: attempt)
      switch response.status {
      case 200...299:
        if scrubber.appears(in: response.body) {
          return (.failure(.secretInResponse(method: method, url: url)), nil)
        }
        return (.success(response), nil)
      case 301, 302, 303, 307, 308:
        let location = response.header("location")
        guard method == .get else {
          let error = FetchError.redirectNotFollowed(
            method: method, url: url, status: response.status,
            location: location.map(stripCredentials))
          return (.failure(error), nil)
        }
        guard let location, !location.isEmpty else {
          return (.failure(.http(status: response.status, detail: nil, url: url)), nil)
        }
        guard let next = sameServerPath(location, base: url) else {
          return (.failure(.redirectRefused(url: url, location: stripCredentials(location))), nil)
        }
        emit(.redirected(url: url, location: next))
        current.path = next
        current.query = URLQuery()
      default:
        let detail =
          method == .get
          ? Self.detail(of: response.body) : Self.detailOrFieldErrors(of: response.body)
        let error = FetchError.http(
          method: method, status: response.status, detail: detail, url: url)
        return (.failure(error), response.header("retry-after"))
      }
    }
    return (.failure(.tooManyRedirects(method: method, url: request.target)), nil)
  }

  private func countRequest(
    _ method: HTTPMethod, _ url: String, status: Int, since start: ContinuousClock.Instant,
    clock: ContinuousClock, attempt: Int
  ) {
    let elapsed = (clock.now - start).components
    let ms = Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)
    requestCount += 1
    emit(.request(method: method, url: url, status: status, milliseconds: ms, attempt: attempt))
  }

  /// Sends `event` to the observer, scrubbed.
  func emit(_ event: FetchEvent) {
    observer(scrubber.scrub(event))
  }

  /// Runs `body`, scrubbing every string of the error it throws.
  func scrubbing<T>(_ body: () throws(FetchError) -> T) throws(FetchError) -> T {
    do {
      return try body()
    } catch {
      throw error.mapStrings(scrubber.scrub)
    }
  }

  // MARK: Links

  /// A link the API returned, as a host-relative path: accepted when it is host-relative or an
  /// absolute URL on the same server.
  package func link(_ link: String, in url: String) throws(FetchError) -> String {
    guard let path = sameServerPath(link, base: url) else {
      throw .foreignLink(url: url, link: stripCredentials(link))
    }
    return path
  }

  /// `location` resolved against the host-relative `base`, when it is on the same server.
  private func sameServerPath(_ location: String, base: String) -> String? {
    if location.hasPrefix("//") {
      return sameServerPath(settings.origin.scheme + ":" + location, base: base)
    }
    if location.hasPrefix("/") { return location }
    if location.contains("://") {
      guard let (origin, rest) = Origin.split(location), origin == settings.origin else {
        return nil
      }
      return rest
    }
    // A relative reference (no scheme before the first slash): resolve against the directory.
    let firstSlash = location.firstIndex(of: "/") ?? location.endIndex
    if let colon = location.firstIndex(of: ":"), colon < firstSlash { return nil }
    let basePath = base.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
    let directory = basePath[...(basePath.lastIndex(of: "/") ?? basePath.startIndex)]
    return String(directory) + location
  }

  // MARK: Helpers

  /// `body` parsed as a JSON object.
  static func parseObject(_ body: [UInt8], method: HTTPMethod = .get, url: String)
    throws(FetchError) -> JSONValue
  {
    let value: JSONValue
    do {
      value = try JSONParser.parse(body)
    } catch {
      throw .invalidJSON(method: method, url: url, error)
    }
    guard case .object = value else {
      throw .unexpectedResponse(
        method: method, url: url, message: "expected a JSON object, got \(value.typeName)")
    }
    return value
  }

  /// The `detail` text of an error body (`{"detail": "…"}`), on one line and shortened.
  static func detail(of body: [UInt8]) -> String? {
    guard body.count <= 65_536, let value = try? JSONParser.parse(body),
      let text = value["detail"]?.string
    else { return nil }
    let oneLine = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
      .joined(separator: " ")
    return oneLine.count > 300 ? String(oneLine.prefix(300)) + "…" : oneLine
  }

  /// `detail(of:)`, else AWX's field errors (`{"limit": ["Field is not configured to prompt on
  /// launch."]}`, as launch answers a 400) as `limit: Field is not configured…`, joined by `; `.
  /// Messages under `__all__` (non-field errors) appear without a name.
  static func detailOrFieldErrors(of body: [UInt8]) -> String? {
    if let detail = detail(of: body) { return detail }
    guard body.count <= 65_536, let value = try? JSONParser.parse(body),
      case .object(let members) = value
    else { return nil }
    var parts: [String] = []
    for (key, value) in members {
      let messages = value.array?.compactMap(\.string) ?? value.string.map { [$0] } ?? []
      guard !messages.isEmpty else { continue }
      let text = messages.joined(separator: " ")
      parts.append(key == "__all__" ? text : "\(key): \(text)")
    }
    guard !parts.isEmpty else { return nil }
    let oneLine = parts.joined(separator: "; ")
      .split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    return oneLine.count > 300 ? String(oneLine.prefix(300)) + "…" : oneLine
  }

  private static func isJSONSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Sleeps the calling thread for `seconds`.
  package static func systemSleep(_ seconds: Double) {
    guard seconds > 0 else { return }
    let whole = seconds.rounded(.down)
    var request = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 { request = remaining }
  }
}
