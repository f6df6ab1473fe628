import AWXReportJSON
import AWXReportAPI

/// The state of one fetch: the request counter, the responses kept so far, and the HTTP rules
/// (authentication, retries, same-server redirects, status and JSON checks, pagination).
struct FetchSession {
  let settings: ConnectionSettings
  let transport: any HTTPTransport
  let observer: (FetchEvent) -> Void
  let sleep: (Double) -> Void
  let random: () -> Double
  let scrubber: SecretScrubber
  let policy: RetryPolicy

  private(set) var progress = FetchProgress()
  private(set) var responses: [SnapshotResponse] = []

  static let maxRedirects = 5

  init(
    settings: ConnectionSettings, transport: any HTTPTransport,
    observer: @escaping (FetchEvent) -> Void, sleep: @escaping (Double) -> Void,
    random: @escaping () -> Double
  ) {
    self.settings = settings
    self.transport = transport
    self.observer = observer
    self.sleep = sleep
    self.random = random
    scrubber = SecretScrubber(settings.credentials)
    policy = RetryPolicy(maxRetryAfter: settings.maxRetryAfter)
  }

  // MARK: Requests

  /// GETs the host-relative `path` and returns its body; retries what may pass, follows
  /// same-server redirects, and turns every other status into `FetchError.http`.
  mutating func get(_ path: String) throws(FetchError) -> [UInt8] {
    var attempt = 1
    while true {
      let (result, retryAfter) = attemptGet(path, attempt: attempt)
      switch result {
      case .success(let body):
        return body
      case .failure(let error):
        guard error.isRetryable, attempt <= settings.retries else { throw error }
        let delay = policy.delay(attempt: attempt, retryAfter: retryAfter, random: random())
        attempt += 1
        emit(.retrying(url: path, attempt: attempt, delay: delay, reason: error.description))
        sleep(delay)
      }
    }
  }

  /// One attempt, redirects included. Returns the `Retry-After` header of a failed response.
  private mutating func attemptGet(_ path: String, attempt: Int)
    -> (Result<[UInt8], FetchError>, String?)
  {
    var current = path
    for _ in 0...Self.maxRedirects {
      let response: HTTPResponse
      let clock = ContinuousClock()
      let start = clock.now
      do {
        response = try transport.get(
          settings.origin.description + current,
          headers: ["Authorization: \(settings.credentials.authorizationValue)"])
      } catch {
        countRequest(current, status: 0, since: start, clock: clock, attempt: attempt)
        return (.failure(error.relabelled(url: current)), nil)
      }
      countRequest(current, status: response.status, since: start, clock: clock, attempt: attempt)
      switch response.status {
      case 200...299:
        if scrubber.appears(in: response.body) {
          return (.failure(.secretInResponse(url: current)), nil)
        }
        return (.success(response.body), nil)
      case 301, 302, 303, 307, 308:
        guard let location = response.header("location"), !location.isEmpty else {
          return (.failure(.http(status: response.status, detail: nil, url: current)), nil)
        }
        guard let next = sameServerPath(location, base: current) else {
          return (
            .failure(.redirectRefused(url: current, location: stripCredentials(location))), nil
          )
        }
        emit(.redirected(url: current, location: next))
        current = next
      default:
        let error = FetchError.http(
          status: response.status, detail: Self.detail(of: response.body), url: current)
        return (.failure(error), response.header("retry-after"))
      }
    }
    return (.failure(.tooManyRedirects(url: path)), nil)
  }

  private mutating func countRequest(
    _ path: String, status: Int, since start: ContinuousClock.Instant, clock: ContinuousClock,
    attempt: Int
  ) {
    let elapsed = (clock.now - start).components
    let ms = Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)
    progress.requests += 1
    emit(.request(method: "GET", url: path, status: status, milliseconds: ms, attempt: attempt))
  }

  /// Sends `event` to the observer, scrubbed.
  func emit(_ event: FetchEvent) {
    observer(scrubber.scrub(event))
  }

  mutating func countNodes(_ n: Int) { progress.nodes += n }
  mutating func countWorkflow() { progress.workflows += 1 }
  func reportProgress() { emit(.progress(progress)) }

  // MARK: JSON and pagination

  /// GETs `path`, keeps the response in the snapshot, and parses it as a JSON object.
  mutating func getObject(_ path: String, kind: ResponseKind, workflowJobID: Int)
    throws(FetchError) -> JSONValue
  {
    let body = try get(path)
    responses.append(
      SnapshotResponse(kind: kind, workflowJobID: workflowJobID, url: path, status: 200, body: body)
    )
    reportProgress()
    return try Self.parseObject(body, url: path)
  }

  /// Every `results` item of a paginated list, following `next` links until null.
  /// - Parameter onPage: called with each page's items (for progress counts).
  mutating func getAllPages(
    _ firstPath: String, kind: ResponseKind, workflowJobID: Int,
    onPage: (inout FetchSession, [JSONValue]) -> Void = { _, _ in }
  ) throws(FetchError) -> [JSONValue] {
    var results: [JSONValue] = []
    var seen: Set<String> = []
    var path = firstPath
    while true {
      seen.insert(path)
      let page = try getObject(path, kind: kind, workflowJobID: workflowJobID)
      guard let items = page["results"]?.array else {
        throw .unexpectedResponse(url: path, message: "expected a paginated list with \"results\"")
      }
      results += items
      onPage(&self, items)
      guard let nextValue = page["next"], !nextValue.isNull else { return results }
      guard let nextLink = nextValue.string else {
        throw .unexpectedResponse(url: path, message: "\"next\" is not a string or null")
      }
      let next = try link(nextLink, in: path)
      if seen.contains(next) { throw .paginationLoop(url: path, next: next) }
      if seen.count >= settings.maxPages {
        throw .tooManyPages(url: firstPath, limit: settings.maxPages)
      }
      path = next
    }
  }

  /// A link the API returned, as a host-relative path: accepted when it is host-relative or an
  /// absolute URL on the same server.
  func link(_ link: String, in url: String) throws(FetchError) -> String {
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

  static func parseObject(_ body: [UInt8], url: String) throws(FetchError) -> JSONValue {
    let value: JSONValue
    do {
      value = try JSONParser.parse(body)
    } catch {
      throw .invalidJSON(url: url, error)
    }
    guard case .object = value else {
      throw .unexpectedResponse(url: url, message: "expected a JSON object, got \(value.typeName)")
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
}

extension FetchError {
  /// A transport error labelled with the host-relative `url` instead of the absolute one.
  func relabelled(url: String) -> FetchError {
    switch self {
    case .connection(_, let r): return .connection(url: url, reason: r)
    case .timeout(_, let s): return .timeout(url: url, seconds: s)
    case .truncated(_, let r): return .truncated(url: url, reason: r)
    case .responseTooLarge(_, let l): return .responseTooLarge(url: url, limit: l)
    case .tls(_, let r): return .tls(url: url, reason: r)
    default: return self
    }
  }
}
