import Synchronization

/// One back-off shared by every worker of an archive: when AWX (or a proxy in front of it)
/// answers 429 or 503, every transport made with ``transport(over:)`` holds its next request
/// until the pause is over, so N workers slow down together instead of each hammering on.
///
/// The pause is the answer's `Retry-After` (seconds, at most `maxRetryAfter`), else an
/// exponential one (0.5 s, doubling per consecutive refusal, at most 8 s). A 2xx..4xx answer
/// other than 429 resets the doubling. Each client still retries the refused request itself
/// (`RetryPolicy`), so no request is lost.
package final class SharedBackoff: Sendable {
  private struct State {
    var resumeAt: ContinuousClock.Instant?
    var refusals = 0
    var pauses = 0
  }

  private let state = Mutex(State())
  private let maxRetryAfter: Double
  private let sleep: @Sendable (Double) -> Void

  /// Creates a back-off.
  /// - Parameters:
  ///   - maxRetryAfter: the longest `Retry-After` honoured, in seconds.
  ///   - sleep: waits the given seconds (tests pass a recorder).
  package init(
    maxRetryAfter: Double = 30, sleep: @escaping @Sendable (Double) -> Void = AWXClient.systemSleep
  ) {
    self.maxRetryAfter = maxRetryAfter
    self.sleep = sleep
  }

  /// How many times a refusal paused the workers.
  package var pauses: Int { state.withLock { $0.pauses } }

  /// `inner`, holding each request while the shared pause lasts.
  package func transport(over inner: any HTTPTransport) -> any HTTPTransport {
    BackoffTransport(inner: inner, backoff: self)
  }

  /// Waits until the pause (if any) is over.
  func waitIfPaused() {
    let clock = ContinuousClock()
    guard let until = state.withLock({ $0.resumeAt }), until > clock.now else { return }
    let left = (until - clock.now).components
    sleep(Double(left.seconds) + Double(left.attoseconds) / 1e18)
  }

  /// Records an answer: a 429 or 503 starts (or lengthens) the pause.
  func record(status: Int, retryAfter: String?) {
    let clock = ContinuousClock()
    state.withLock { s in
      guard status == 429 || status == 503 else {
        if status > 0 && status < 500 { s.refusals = 0 }
        return
      }
      s.refusals += 1
      var seconds = min(0.5 * Double(1 << min(s.refusals - 1, 4)), 8)
      if let retryAfter, let value = Double(retryAfter.trimmingASCIIWhitespace()),
        value.isFinite, value >= 0
      {
        seconds = min(value, maxRetryAfter)
      }
      let until = clock.now + .milliseconds(Int64(seconds * 1000))
      if s.resumeAt.map({ until > $0 }) ?? true {
        s.resumeAt = until
        s.pauses += 1
      }
    }
  }
}

/// A transport that obeys a ``SharedBackoff``.
struct BackoffTransport: HTTPTransport {
  let inner: any HTTPTransport
  let backoff: SharedBackoff

  func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse {
    backoff.waitIfPaused()
    let response = try inner.send(request)
    backoff.record(status: response.status, retryAfter: response.header("retry-after"))
    return response
  }
}
