/// How long to wait before a retry: exponential backoff with jitter, or the server's
/// `Retry-After` (in seconds, capped).
struct RetryPolicy: Sendable {
  /// The first backoff, in seconds.
  var base: Double = 0.5
  /// The longest backoff, in seconds.
  var maxBackoff: Double = 8
  /// The longest `Retry-After` honoured, in seconds.
  var maxRetryAfter: Double = 30

  /// The delay before retry number `attempt` (1 for the first retry).
  /// - Parameters:
  ///   - retryAfter: the response's `Retry-After` header, if any.
  ///   - random: a number in 0..<1 (injected so tests are deterministic).
  func delay(attempt: Int, retryAfter: String?, random: Double) -> Double {
    if let retryAfter, let seconds = Double(retryAfter.trimmingASCIIWhitespace()),
      seconds.isFinite, seconds >= 0
    {
      return min(seconds, maxRetryAfter)
    }
    let exponential = min(base * Double(1 << min(max(attempt - 1, 0), 16)), maxBackoff)
    // "Equal jitter": half fixed, half random, so concurrent clients spread out.
    return exponential / 2 + exponential / 2 * min(max(random, 0), 1)
  }
}

/// What the client does after a failed attempt.
package enum RetryDecision: Equatable, Sendable {
  /// Send again, while retries remain: the failure may pass, and sending again is safe.
  case retry
  /// Stop with the error as it is: the answer will not change, or nothing was done.
  case fail
  /// Stop, and report that the outcome is unknown: the request must not be sent twice and may
  /// already have reached the server (`FetchError.outcomeUnknown`).
  case outcomeUnknown
}

extension RetryPolicy {
  /// The retry decision table.
  ///
  /// | failure | GET | POST |
  /// |---|---|---|
  /// | could not resolve / connect (nothing sent) | retry | retry |
  /// | other connection error, reset, timeout, cut-short body | retry | outcome unknown |
  /// | response above the size cap | fail | outcome unknown |
  /// | HTTP 5xx | retry | outcome unknown |
  /// | HTTP 429 | retry | fail |
  /// | any other status, TLS, redirect, JSON or link error | fail | fail |
  ///
  /// A GET is idempotent, so any passing failure is retried. A POST (cancel, relaunch, launch)
  /// is not: once a byte of it may have reached AWX, sending it again could launch a job twice.
  /// Only a failure to connect at all proves that nothing was sent. A 429 comes from a proxy
  /// that turned the request away, and a 4xx is AWX's refusal: both known outcomes.
  static func decision(after error: FetchError, method: HTTPMethod) -> RetryDecision {
    switch (method, error) {
    case (_, .couldNotConnect):
      return .retry
    case (.get, .connection), (.get, .timeout), (.get, .truncated):
      return .retry
    case (.get, .http(_, let status, _, _)):
      return status == 429 || (500...599).contains(status) ? .retry : .fail
    case (.post, .connection), (.post, .timeout), (.post, .truncated),
      (.post, .responseTooLarge):
      return .outcomeUnknown
    case (.post, .http(_, let status, _, _)):
      return (500...599).contains(status) ? .outcomeUnknown : .fail
    default:
      return .fail
    }
  }
}
