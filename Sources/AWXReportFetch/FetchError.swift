import AWXReportAPI
import AWXReportJSON

/// Why connection settings could not be resolved, or why fetching a workflow job failed.
///
/// Every case renders as ONE line naming what went wrong and where (a setting, or the request's
/// host-relative URL). No case ever carries a token or a password: the fetcher scrubs every
/// string it puts into an error, defensively, before throwing.
package enum FetchError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: Settings

  /// No host: neither `--host` nor `CONTROLLER_HOST`/`TOWER_HOST` is set.
  case missingHost
  /// The host is not a usable `http`/`https` base URL; `reason` says why.
  case invalidHost(String, reason: String)
  /// No credentials: neither a token nor a username and password.
  case missingCredentials
  /// Both a token and basic-auth credentials were given on the command line.
  case conflictingCredentials
  /// Two options that exclude each other, for example `--token` and `--token-file`.
  case conflictingOptions(String, String)
  /// A username without a password.
  case missingPassword
  /// A password without a username.
  case missingUsername
  /// An option or environment variable has an unusable value.
  case invalidOption(name: String, value: String, reason: String)
  /// A secret file (or stdin, `-`) could not be read, or was empty.
  case unreadableSecret(path: String, reason: String)

  // MARK: Transport
  //
  // Every request-level case names the request's method and its host-relative URL. The method
  // defaults to GET, the only method a fetch sends.

  /// The connection failed (refused, reset, TLS handshake…) after all retries, or, for a
  /// POST, at any point after the request may have been sent.
  case connection(method: HTTPMethod = .get, url: String, reason: String)
  /// No connection could be made (the host name did not resolve, or the connection was
  /// refused), so no byte of the request was sent. The one failure a POST may be retried on.
  case couldNotConnect(method: HTTPMethod = .get, url: String, reason: String)
  /// The request took longer than the timeout (in seconds).
  case timeout(method: HTTPMethod = .get, url: String, seconds: Double)
  /// The server closed the connection before the whole body arrived.
  case truncated(method: HTTPMethod = .get, url: String, reason: String)
  /// The body is larger than the cap (in bytes); the transfer was aborted.
  case responseTooLarge(method: HTTPMethod = .get, url: String, limit: Int)
  /// The server's TLS certificate could not be verified, or TLS could not be set up.
  case tls(method: HTTPMethod = .get, url: String, reason: String)

  // MARK: HTTP and API

  /// The server answered with an error status (after retries for 5xx and 429 on a GET).
  /// `detail` is the server's `{"detail": …}` text, when there is one.
  case http(method: HTTPMethod = .get, status: Int, detail: String?, url: String)
  /// A redirect (`Location`) pointing at another scheme, host or port, which is never followed.
  case redirectRefused(method: HTTPMethod = .get, url: String, location: String)
  /// A redirect answering a request that is never re-sent elsewhere (a POST: AWX does not
  /// redirect its POST endpoints, so a redirect means a wrong host or API root).
  case redirectNotFollowed(method: HTTPMethod, url: String, status: Int, location: String?)
  /// Too many redirects in a row.
  case tooManyRedirects(method: HTTPMethod = .get, url: String)
  /// A link in a response (`next`, `related`, `current_version`) points at another host.
  case foreignLink(method: HTTPMethod = .get, url: String, link: String)
  /// The body is not valid JSON; the error gives the position.
  case invalidJSON(method: HTTPMethod = .get, url: String, JSONSyntaxError)
  /// The JSON has an unexpected shape (a key missing or of the wrong type).
  case unexpectedResponse(method: HTTPMethod = .get, url: String, message: String)
  /// Pagination came back to a page already fetched (pages are always GETs).
  case paginationLoop(url: String, next: String)
  /// Pagination went on for more than `limit` pages.
  case tooManyPages(url: String, limit: Int)
  /// No API root was found at any of the URLs tried.
  case apiRootNotFound(tried: [String])
  /// A response contains the secret itself, so it is refused rather than stored.
  case secretInResponse(method: HTTPMethod = .get, url: String)
  /// A request that must not be sent twice (a POST) failed after it may have reached the
  /// server: a timeout, a reset or cut-short connection, a 5xx. It was not sent again, and
  /// whether AWX acted on it is unknown. `check` says how to find out (for example
  /// `GET /api/v2/workflow_jobs/7/`); nil for a generic hint.
  indirect case outcomeUnknown(FetchError, check: String?)

  /// One line, ready for stderr.
  package var description: String {
    switch self {
    case .missingHost:
      return "no AWX host: pass --host or set CONTROLLER_HOST (or TOWER_HOST)"
    case .invalidHost(let host, let reason):
      return "invalid host \"\(host)\": \(reason)"
    case .missingCredentials:
      return "no credentials: pass --token (or --token-file), or --username with --password "
        + "(or --password-file), or set CONTROLLER_OAUTH_TOKEN or CONTROLLER_USERNAME/"
        + "CONTROLLER_PASSWORD"
    case .conflictingCredentials:
      return "give either a token or a username and password, not both"
    case .conflictingOptions(let a, let b):
      return "\(a) and \(b) cannot be used together"
    case .missingPassword:
      return "a username needs a password: pass --password-file, --password or set "
        + "CONTROLLER_PASSWORD"
    case .missingUsername:
      return "a password needs a username: pass --username or set CONTROLLER_USERNAME"
    case .invalidOption(let name, let value, let reason):
      return "invalid \(name) \"\(value)\": \(reason)"
    case .unreadableSecret(let path, let reason):
      return "cannot read the secret from \(path == "-" ? "stdin" : path): \(reason)"
    case .connection(let method, let url, let reason):
      return url.isEmpty ? "libcurl: \(reason)" : "cannot connect for \(method) \(url): \(reason)"
    case .couldNotConnect(let method, let url, let reason):
      return "cannot connect for \(method) \(url): \(reason)"
    case .timeout(let method, let url, let seconds):
      return "\(method) \(url) timed out after \(Self.formatSeconds(seconds)) s"
    case .truncated(let method, let url, let reason):
      return "\(method) \(url): the response was cut short (\(reason))"
    case .responseTooLarge(let method, let url, let limit):
      return "\(method) \(url): the response is larger than the \(limit)-byte limit"
    case .tls(let method, let url, let reason):
      let what = url.isEmpty ? "TLS error" : "TLS error for \(method) \(url)"
      return "\(what): \(reason) (see --ca-cert, or --insecure to skip verification)"
    case .http(let method, let status, let detail, let url):
      let phrase = Self.reasonPhrase(status).map { " \($0)" } ?? ""
      let head = "HTTP \(status)\(phrase) for \(method) \(url)"
      guard let detail, !detail.isEmpty else { return head }
      return "\(head): \(detail)"
    case .redirectRefused(let method, let url, let location):
      return "\(method) \(url) redirects to \(location), another scheme, host or port: refused"
    case .redirectNotFollowed(let method, let url, let status, let location):
      let target = location.map { " to \($0)" } ?? ""
      return "\(method) \(url) was answered with a redirect (HTTP \(status)\(target)); a \(method) "
        + "is never sent again to another URL: check the host and the API root"
    case .tooManyRedirects(let method, let url):
      return "\(method) \(url): too many redirects"
    case .foreignLink(let method, let url, let link):
      return "\(method) \(url) links to \(link), another scheme, host or port: refused"
    case .invalidJSON(let method, let url, let error):
      return "\(method) \(url): invalid JSON at \(error.description)"
    case .unexpectedResponse(let method, let url, let message):
      return "\(method) \(url): \(message)"
    case .paginationLoop(let url, let next):
      return "GET \(url): pagination loops (next page \(next) was already fetched)"
    case .tooManyPages(let url, let limit):
      return "GET \(url): more than \(limit) pages, giving up"
    case .apiRootNotFound(let tried):
      return "no AWX API found (tried \(tried.joined(separator: ", "))); pass --api-root"
    case .secretInResponse(let method, let url):
      return "\(method) \(url): the response contains the secret; refusing to store it"
    case .outcomeUnknown(let error, let check):
      return "\(error.description); the outcome is unknown: AWX may or may not have acted on "
        + "it, and it was not sent again; check \(check ?? "in AWX") before retrying"
    }
  }

  /// The same error with `transform` applied to every string it carries (for scrubbing).
  func mapStrings(_ transform: (String) -> String) -> FetchError {
    switch self {
    case .missingHost, .missingCredentials, .conflictingCredentials, .missingPassword,
      .missingUsername:
      return self
    case .invalidHost(let h, let r): return .invalidHost(transform(h), reason: transform(r))
    case .conflictingOptions(let a, let b): return .conflictingOptions(transform(a), transform(b))
    case .invalidOption(let n, let v, let r):
      return .invalidOption(name: n, value: transform(v), reason: transform(r))
    case .unreadableSecret(let p, let r):
      return .unreadableSecret(path: transform(p), reason: transform(r))
    case .connection(let m, let u, let r):
      return .connection(method: m, url: transform(u), reason: transform(r))
    case .couldNotConnect(let m, let u, let r):
      return .couldNotConnect(method: m, url: transform(u), reason: transform(r))
    case .timeout(let m, let u, let s): return .timeout(method: m, url: transform(u), seconds: s)
    case .truncated(let m, let u, let r):
      return .truncated(method: m, url: transform(u), reason: transform(r))
    case .responseTooLarge(let m, let u, let l):
      return .responseTooLarge(method: m, url: transform(u), limit: l)
    case .tls(let m, let u, let r): return .tls(method: m, url: transform(u), reason: transform(r))
    case .http(let m, let s, let d, let u):
      return .http(method: m, status: s, detail: d.map(transform), url: transform(u))
    case .redirectRefused(let m, let u, let l):
      return .redirectRefused(method: m, url: transform(u), location: transform(l))
    case .redirectNotFollowed(let m, let u, let s, let l):
      return .redirectNotFollowed(
        method: m, url: transform(u), status: s, location: l.map(transform))
    case .tooManyRedirects(let m, let u): return .tooManyRedirects(method: m, url: transform(u))
    case .foreignLink(let m, let u, let l):
      return .foreignLink(method: m, url: transform(u), link: transform(l))
    case .invalidJSON(let m, let u, let e):
      var e = e
      e.message = transform(e.message)
      return .invalidJSON(method: m, url: transform(u), e)
    case .unexpectedResponse(let m, let u, let message):
      return .unexpectedResponse(method: m, url: transform(u), message: transform(message))
    case .paginationLoop(let u, let n):
      return .paginationLoop(url: transform(u), next: transform(n))
    case .tooManyPages(let u, let l): return .tooManyPages(url: transform(u), limit: l)
    case .apiRootNotFound(let t): return .apiRootNotFound(tried: t.map(transform))
    case .secretInResponse(let m, let u): return .secretInResponse(method: m, url: transform(u))
    case .outcomeUnknown(let e, let check):
      return .outcomeUnknown(e.mapStrings(transform), check: check.map(transform))
    }
  }

  /// A transport error labelled with the host-relative `url` instead of the absolute one.
  func relabelled(url: String) -> FetchError {
    switch self {
    case .connection(let m, _, let r): return .connection(method: m, url: url, reason: r)
    case .couldNotConnect(let m, _, let r): return .couldNotConnect(method: m, url: url, reason: r)
    case .timeout(let m, _, let s): return .timeout(method: m, url: url, seconds: s)
    case .truncated(let m, _, let r): return .truncated(method: m, url: url, reason: r)
    case .responseTooLarge(let m, _, let l): return .responseTooLarge(method: m, url: url, limit: l)
    case .tls(let m, _, let r): return .tls(method: m, url: url, reason: r)
    default: return self
    }
  }

  private static func formatSeconds(_ s: Double) -> String {
    s == s.rounded() && abs(s) < 1e9 ? String(Int(s)) : String(s)
  }

  private static func reasonPhrase(_ status: Int) -> String? {
    switch status {
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 408: return "Request Timeout"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    default: return nil
    }
  }
}
