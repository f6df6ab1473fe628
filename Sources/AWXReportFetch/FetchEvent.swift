/// What the fetcher reports while it works, for `-v` logs and a progress line. URLs are
/// host-relative when they are on the AWX host, and no event ever carries a secret.
package enum FetchEvent: Equatable, Sendable {
  /// One HTTP exchange finished. `status` is 0 when no response arrived (connection error,
  /// timeout); `attempt` counts from 1.
  case request(method: HTTPMethod, url: String, status: Int, milliseconds: Int, attempt: Int)
  /// A retryable failure: the fetcher waits `delay` seconds, then makes attempt `attempt`.
  case retrying(url: String, attempt: Int, delay: Double, reason: String)
  /// A redirect to the same server is being followed.
  case redirected(url: String, location: String)
  /// Running totals, sent after every request.
  case progress(FetchProgress)
}

/// Running totals of a fetch.
package struct FetchProgress: Equatable, Sendable {
  /// HTTP requests made so far, retries and redirects included.
  package var requests: Int
  /// Workflow nodes received so far (nested workflows included).
  package var nodes: Int
  /// Workflow jobs whose detail has been fetched so far.
  package var workflows: Int

  /// Creates totals.
  package init(requests: Int = 0, nodes: Int = 0, workflows: Int = 0) {
    self.requests = requests
    self.nodes = nodes
    self.workflows = workflows
  }
}
