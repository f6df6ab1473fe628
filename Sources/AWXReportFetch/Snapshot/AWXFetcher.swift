import AWXReportAPI
import AWXReportModel

/// Fetches one workflow job and everything its report needs into a `Snapshot`.
///
/// Requests, in order, for each workflow job (about `7 + 2 × nodes/200` of them):
/// the job detail; every page of its `related.workflow_nodes` (`page_size=200`); child job
/// details in bulk from `unified_jobs/?id__in=…` and approvals from
/// `workflow_approvals/?id__in=…` (chunks of 200 ids); its `related.labels`,
/// `related.notifications` (skipped when absent) and `related.activity_stream`. Nested
/// workflows are fetched the same way, `depth` levels deep. Then, for each child job that
/// ended `failed` or `error` (playbook jobs, project and inventory updates, system jobs), at
/// most 3 single-page requests explain why (see `WorkflowWalk.drillDown`); `--events none`
/// skips them.
/// Links the API returns are followed as given; only the first URL is built from the API root.
package struct AWXFetcher {
  /// The resolved connection settings.
  package var settings: ConnectionSettings { client.settings }
  /// The client every request goes through.
  package let client: AWXClient

  /// The most ids per bulk `?id__in=` request (AWX's page size cap).
  package static let chunkSize = 200
  /// The default nesting depth for nested workflows.
  package static let defaultDepth = 5
  /// The API roots tried, in order, when `/api/` does not name one.
  package static var fallbackAPIRoots: [String] { AWXClient.fallbackAPIRoots }

  /// Creates a fetcher that sends its requests through `client`.
  package init(client: AWXClient) {
    self.client = client
  }

  /// Creates a fetcher over `transport`.
  /// - Parameters:
  ///   - settings: where and how to connect.
  ///   - transport: the HTTP transport (`CurlTransport` in production).
  ///   - observer: receives events (requests, retries, progress); never a secret.
  ///   - sleep: waits the given seconds before a retry (tests pass a recorder).
  ///   - random: a number in 0..<1 for the backoff jitter.
  package init(
    settings: ConnectionSettings, transport: any HTTPTransport,
    observer: @escaping (FetchEvent) -> Void = { _ in },
    sleep: @escaping (Double) -> Void = AWXClient.systemSleep,
    random: @escaping () -> Double = { Double.random(in: 0..<1) }
  ) {
    client = AWXClient(
      settings: settings, transport: transport, observer: observer, sleep: sleep, random: random)
  }

  /// Creates a fetcher over libcurl (`CurlTransport`).
  /// - Throws: `FetchError` when libcurl cannot be set up.
  package init(
    settings: ConnectionSettings, userAgent: String = "awx-report",
    observer: @escaping (FetchEvent) -> Void = { _ in }
  ) throws(FetchError) {
    client = try AWXClient(settings: settings, userAgent: userAgent, observer: observer)
  }

  /// Fetches workflow job `workflowJobID`, its nodes, child jobs, labels, notifications,
  /// activity stream and nested workflows.
  /// - Parameters:
  ///   - workflowJobID: the workflow job's id.
  ///   - depth: how many levels of nested workflows to fetch (0: none).
  ///   - now: the fetch time stored in the snapshot.
  ///   - tool: the tool name and version stored in the snapshot.
  /// - Returns: every response, in the order fetched, with its kind, owner and URL.
  /// - Throws: `FetchError`, one line, never containing the token or password.
  package func fetch(
    workflowJobID: Int, depth: Int = defaultDepth, events: EventOptions = EventOptions(),
    now: Timestamp, tool: String
  ) throws(FetchError) -> Snapshot {
    try client.scrubbing { () throws(FetchError) in
      guard workflowJobID > 0 else {
        throw .invalidOption(
          name: "workflow job id", value: "\(workflowJobID)", reason: "expected a positive id")
      }
      var recorder = SnapshotRecorder(client: client)
      let root: String
      if let configured = settings.apiRoot {
        root = configured
      } else {
        root = try client.findAPIRoot()
      }
      var walk = WorkflowWalk(root: root, maxDepth: max(depth, 0), events: events)
      try walk.fetchWorkflow(
        workflowJobID, path: "\(root)workflow_jobs/\(workflowJobID)/", level: 0,
        recorder: &recorder)
      return Snapshot(
        tool: tool, host: settings.origin.description, apiRoot: root, fetchedAt: now,
        workflowJobID: workflowJobID, responses: recorder.responses)
    }
  }

  /// Finds the API root: `current_version` from `GET /api/`, else the first of
  /// `fallbackAPIRoots` that answers.
  /// - Throws: `FetchError.apiRootNotFound`, or the error that stopped the search.
  package func discoverAPIRoot() throws(FetchError) -> String {
    try client.discoverAPIRoot()
  }
}
