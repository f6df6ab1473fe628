import AWXReportAPI
import AWXReportJSON

/// Records every response a fetch receives into the snapshot, in order, with its kind, owning
/// workflow job and host-relative URL, and reports progress. All HTTP goes through `client`.
struct SnapshotRecorder {
  /// The client the requests go through.
  let client: AWXClient
  /// The responses recorded so far.
  private(set) var responses: [SnapshotResponse] = []
  /// Workflow nodes received so far (nested workflows included).
  private(set) var nodes = 0
  /// Workflow jobs whose detail has been fetched so far.
  private(set) var workflows = 0
  /// The client's request count when this recording began: progress counts this fetch only.
  private let firstRequest: Int

  init(client: AWXClient) {
    self.client = client
    firstRequest = client.requestCount
  }

  /// GETs the host-relative `path`, records the response, and parses it as a JSON object.
  mutating func object(_ path: String, kind: ResponseKind, workflowJobID: Int)
    throws(FetchError) -> JSONValue
  {
    let response = try client.exchange(.get(path))
    record(kind: kind, workflowJobID: workflowJobID, url: path, body: response.body)
    return try AWXClient.parseObject(response.body, url: path)
  }

  /// Every `results` item of a paginated list, recording each page.
  /// - Parameter onPage: called with each page's items (for progress counts).
  mutating func pages(
    _ first: HTTPRequest, kind: ResponseKind, workflowJobID: Int,
    onPage: (inout SnapshotRecorder, [JSONValue]) -> Void = { _, _ in }
  ) throws(FetchError) -> [JSONValue] {
    try client.fetchPages(first) { page in
      record(kind: kind, workflowJobID: workflowJobID, url: page.url, body: page.body)
      onPage(&self, page.items)
    }
  }

  /// GETs one page (no `next` followed) for child job `unifiedJobID`'s drill-down and records
  /// it. Returns the body, or nil when AWX answered 403, 404 or 410 (a deleted job, a missing
  /// permission): a drill-down is best-effort and never stops the fetch.
  mutating func single(
    _ request: HTTPRequest, kind: ResponseKind, workflowJobID: Int, unifiedJobID: Int
  ) throws(FetchError) -> [UInt8]? {
    let response: HTTPResponse
    do {
      response = try client.exchange(request)
    } catch {
      if case .http(_, let status, _, _) = error, [403, 404, 410].contains(status) { return nil }
      if case .responseTooLarge = error { return nil }
      throw error
    }
    responses.append(
      SnapshotResponse(
        kind: kind, workflowJobID: workflowJobID, unifiedJobID: unifiedJobID,
        url: request.target, status: 200, body: response.body))
    reportProgress()
    return response.body
  }

  mutating func countNodes(_ n: Int) { nodes += n }
  mutating func countWorkflow() { workflows += 1 }

  /// Sends the running totals to the observer.
  func reportProgress() {
    client.emit(
      .progress(
        FetchProgress(
          requests: client.requestCount - firstRequest, nodes: nodes, workflows: workflows)))
  }

  private mutating func record(kind: ResponseKind, workflowJobID: Int, url: String, body: [UInt8]) {
    responses.append(
      SnapshotResponse(kind: kind, workflowJobID: workflowJobID, url: url, status: 200, body: body))
    reportProgress()
  }
}
