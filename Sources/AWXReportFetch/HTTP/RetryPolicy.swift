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
