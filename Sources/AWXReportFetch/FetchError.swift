import AWXReportJSON
import AWXReportAPI

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

  /// The connection failed (DNS, refused, reset, TLS handshake…) after all retries.
  case connection(url: String, reason: String)
  /// The request took longer than the timeout (in seconds).
  case timeout(url: String, seconds: Double)
  /// The server closed the connection before the whole body arrived.
  case truncated(url: String, reason: String)
  /// The body is larger than the cap (in bytes); the transfer was aborted.
  case responseTooLarge(url: String, limit: Int)
  /// The server's TLS certificate could not be verified, or TLS could not be set up.
  case tls(url: String, reason: String)

  // MARK: HTTP and API

  /// The server answered with an error status (after retries for 5xx and 429).
  /// `detail` is the server's `{"detail": …}` text, when there is one.
  case http(status: Int, detail: String?, url: String)
  /// A redirect (`Location`) pointing at another scheme, host or port, which is never followed.
  case redirectRefused(url: String, location: String)
  /// Too many redirects in a row.
  case tooManyRedirects(url: String)
  /// A link in a response (`next`, `related`, `current_version`) points at another host.
  case foreignLink(url: String, link: String)
  /// The body is not valid JSON; the error gives the position.
  case invalidJSON(url: String, JSONSyntaxError)
  /// The JSON has an unexpected shape (a key missing or of the wrong type).
  case unexpectedResponse(url: String, message: String)
  /// Pagination came back to a page already fetched.
  case paginationLoop(url: String, next: String)
  /// Pagination went on for more than `limit` pages.
  case tooManyPages(url: String, limit: Int)
  /// No API root was found at any of the URLs tried.
  case apiRootNotFound(tried: [String])
  /// A response contains the secret itself, so it is refused rather than stored.
  case secretInResponse(url: String)

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
    case .connection(let url, let reason):
      return url.isEmpty ? "libcurl: \(reason)" : "cannot connect for GET \(url): \(reason)"
    case .timeout(let url, let seconds):
      return "GET \(url) timed out after \(Self.formatSeconds(seconds)) s"
    case .truncated(let url, let reason):
      return "GET \(url): the response was cut short (\(reason))"
    case .responseTooLarge(let url, let limit):
      return "GET \(url): the response is larger than the \(limit)-byte limit"
    case .tls(let url, let reason):
      let what = url.isEmpty ? "TLS error" : "TLS error for GET \(url)"
      return "\(what): \(reason) (see --ca-cert, or --insecure to skip verification)"
    case .http(let status, let detail, let url):
      let head = "HTTP \(status)\(Self.reasonPhrase(status).map { " \($0)" } ?? "") for GET \(url)"
      guard let detail, !detail.isEmpty else { return head }
      return "\(head): \(detail)"
    case .redirectRefused(let url, let location):
      return "GET \(url) redirects to \(location), another scheme, host or port: refused"
    case .tooManyRedirects(let url):
      return "GET \(url): too many redirects"
    case .foreignLink(let url, let link):
      return "GET \(url) links to \(link), another scheme, host or port: refused"
    case .invalidJSON(let url, let error):
      return "GET \(url): invalid JSON at \(error.description)"
    case .unexpectedResponse(let url, let message):
      return "GET \(url): \(message)"
    case .paginationLoop(let url, let next):
      return "GET \(url): pagination loops (next page \(next) was already fetched)"
    case .tooManyPages(let url, let limit):
      return "GET \(url): more than \(limit) pages, giving up"
    case .apiRootNotFound(let tried):
      return "no AWX API found (tried \(tried.joined(separator: ", "))); pass --api-root"
    case .secretInResponse(let url):
      return "GET \(url): the response contains the secret; refusing to store it"
    }
  }

  /// Whether a retry may help: connection errors, timeouts, truncation, 5xx and 429.
  var isRetryable: Bool {
    switch self {
    case .connection, .timeout, .truncated: return true
    case .http(let status, _, _): return status == 429 || (500...599).contains(status)
    default: return false
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
    case .connection(let u, let r): return .connection(url: transform(u), reason: transform(r))
    case .timeout(let u, let s): return .timeout(url: transform(u), seconds: s)
    case .truncated(let u, let r): return .truncated(url: transform(u), reason: transform(r))
    case .responseTooLarge(let u, let l): return .responseTooLarge(url: transform(u), limit: l)
    case .tls(let u, let r): return .tls(url: transform(u), reason: transform(r))
    case .http(let s, let d, let u):
      return .http(status: s, detail: d.map(transform), url: transform(u))
    case .redirectRefused(let u, let l):
      return .redirectRefused(url: transform(u), location: transform(l))
    case .tooManyRedirects(let u): return .tooManyRedirects(url: transform(u))
    case .foreignLink(let u, let l): return .foreignLink(url: transform(u), link: transform(l))
    case .invalidJSON(let u, let e):
      var e = e
      e.message = transform(e.message)
      return .invalidJSON(url: transform(u), e)
    case .unexpectedResponse(let u, let m):
      return .unexpectedResponse(url: transform(u), message: transform(m))
    case .paginationLoop(let u, let n):
      return .paginationLoop(url: transform(u), next: transform(n))
    case .tooManyPages(let u, let l): return .tooManyPages(url: transform(u), limit: l)
    case .apiRootNotFound(let t): return .apiRootNotFound(tried: t.map(transform))
    case .secretInResponse(let u): return .secretInResponse(url: transform(u))
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
