import AWXReportAPI
import AWXReportJSON

/// Walks one workflow job and its nested workflows, asking the recorder for each response.
struct WorkflowWalk {
  /// The API root, for example `/api/v2/`; only the bulk child-job URLs are built from it.
  let root: String
  /// How many levels of nested workflows to fetch.
  let maxDepth: Int
  /// What is fetched about failed child jobs.
  let events: EventOptions
  /// Workflow jobs already fetched (guards cycles and repeats).
  private(set) var visited: Set<Int> = []

  init(root: String, maxDepth: Int, events: EventOptions = EventOptions()) {
    self.root = root
    self.maxDepth = maxDepth
    self.events = events
  }

  /// What the node list says about the child jobs.
  struct Children {
    var jobs: [Int] = []
    var approvals: [Int] = []
    /// Nested workflow jobs: id, and the `related.job` link when the API gave one.
    var workflows: [(id: Int, path: String?)] = []
  }

  /// Fetches workflow job `id` from `path`, then (below `maxDepth`) its nested workflows.
  mutating func fetchWorkflow(
    _ id: Int, path: String, level: Int, recorder: inout SnapshotRecorder
  ) throws(FetchError) {
    visited.insert(id)
    let job = try recorder.object(path, kind: .workflowJob, workflowJobID: id)
    recorder.countWorkflow()
    guard let related = job["related"], case .object = related else {
      throw .unexpectedResponse(url: path, message: "no \"related\" object")
    }
    func relatedLink(_ key: String) throws(FetchError) -> String? {
      guard let value = related[key], !value.isNull else { return nil }
      guard let text = value.string else {
        throw .unexpectedResponse(url: path, message: "related.\(key) is not a string")
      }
      return try recorder.client.link(text, in: path)
    }
    guard let nodesPath = try relatedLink("workflow_nodes") else {
      throw .unexpectedResponse(url: path, message: "no related.workflow_nodes link")
    }
    let nodes = try recorder.pages(
      Self.paged(nodesPath), kind: .workflowNodes, workflowJobID: id,
      onPage: { r, items in
        r.countNodes(items.count)
        r.reportProgress()
      })
    let children = try Self.children(of: nodes, url: nodesPath, client: recorder.client)

    var failed: [(id: Int, type: String)] = []
    for chunk in Self.chunks(children.jobs) {
      let records = try recorder.pages(
        Self.byID(root + "unified_jobs/", chunk), kind: .unifiedJobs, workflowJobID: id)
      failed += Self.failedChildren(records)
    }
    for chunk in Self.chunks(children.approvals) {
      _ = try recorder.pages(
        Self.byID(root + "workflow_approvals/", chunk), kind: .workflowApprovals,
        workflowJobID: id)
    }
    if let labels = try relatedLink("labels") {
      _ = try recorder.pages(Self.paged(labels), kind: .labels, workflowJobID: id)
    }
    // Absent when the workflow job template was deleted.
    if let notifications = try relatedLink("notifications") {
      _ = try recorder.pages(Self.paged(notifications), kind: .notifications, workflowJobID: id)
    }
    if let stream = try relatedLink("activity_stream") {
      _ = try recorder.pages(Self.paged(stream), kind: .activityStream, workflowJobID: id)
    }

    if events.failed {
      for child in failed {
        try drillDown(child.id, type: child.type, workflowJobID: id, recorder: &recorder)
      }
    }

    guard level < maxDepth else { return }
    for child in children.workflows where !visited.contains(child.id) {
      try fetchWorkflow(
        child.id, path: child.path ?? "\(root)workflow_jobs/\(child.id)/", level: level + 1,
        recorder: &recorder)
    }
  }

  /// The child jobs worth a drill-down: playbook jobs, project and inventory updates and system
  /// jobs that ended `failed` or `error`, in the order AWX listed them.
  static func failedChildren(_ records: [JSONValue]) -> [(id: Int, type: String)] {
    records.compactMap { r in
      guard let id = r["id"]?.int, let type = r["type"]?.string,
        EventOptions.eventPaths[type] != nil,
        let status = r["status"]?.string, status == "failed" || status == "error"
      else { return nil }
      return (id, type)
    }
  }

  /// Fetches why child job `jobID` failed, in at most 3 single-page requests:
  ///
  /// 1. its last `maxEvents` events by counter (`order_by=-counter`): the output tail;
  /// 2. its failed leaf events (`failed=true&event__in=runner_on_failed,…`), unless the tail
  ///    already holds every event; when the job has no events at all, its `stdout/?format=txt`
  ///    instead (AWX answers "Standard Output too large…" above 1 MiB rather than the text);
  /// 3. a playbook job's host summaries (`job_host_summaries/`), when it has events.
  mutating func drillDown(
    _ jobID: Int, type: String, workflowJobID: Int, recorder: inout SnapshotRecorder
  ) throws(FetchError) {
    guard let eventsPath = EventOptions.eventPaths[type] else { return }
    let base = "\(root)\(eventsPath.collection)/\(jobID)/"
    let size = String(events.maxEvents)
    guard
      let tailBody = try recorder.single(
        .get(base + eventsPath.events, query: ["order_by": "-counter", "page_size": size]),
        kind: .jobEventsTail, workflowJobID: workflowJobID, unifiedJobID: jobID)
    else { return }
    let tail = try? AWXClient.parseObject(tailBody, url: base + eventsPath.events)
    let returned = tail?["results"]?.array?.count ?? 0
    let count = tail?["count"]?.int ?? returned
    if count == 0 {
      _ = try recorder.single(
        .get(base + "stdout/", query: ["format": "txt"]), kind: .jobStdout,
        workflowJobID: workflowJobID, unifiedJobID: jobID)
      return
    }
    if count > returned {
      _ = try recorder.single(
        .get(
          base + eventsPath.events,
          query: [
            "failed": "true", "event__in": EventOptions.failedEvents.joined(separator: ","),
            "order_by": "counter", "page_size": size,
          ]), kind: .jobEventsFailed, workflowJobID: workflowJobID, unifiedJobID: jobID)
    }
    if type == "job" {
      _ = try recorder.single(
        .get(base + "job_host_summaries/", query: ["order_by": "host_name", "page_size": size]),
        kind: .jobHostSummaries, workflowJobID: workflowJobID, unifiedJobID: jobID)
    }
  }

  /// Sorts the nodes' spawned jobs into plain jobs, approvals and nested workflows, each id once,
  /// in node order.
  static func children(of nodes: [JSONValue], url: String, client: AWXClient)
    throws(FetchError) -> Children
  {
    var result = Children()
    var seen: Set<Int> = []
    for node in nodes {
      guard let jobValue = node["job"], !jobValue.isNull else { continue }
      guard let jobID = jobValue.int else {
        throw .unexpectedResponse(url: url, message: "a node's \"job\" is not an integer")
      }
      guard seen.insert(jobID).inserted else { continue }
      let type = node["summary_fields"]?["job"]?["type"]?.string
      let relatedJob = node["related"]?["job"]?.string
      if type == "workflow_approval" || relatedJob?.contains("/workflow_approvals/") == true {
        result.approvals.append(jobID)
        continue
      }
      result.jobs.append(jobID)
      if type == "workflow_job" || relatedJob?.contains("/workflow_jobs/") == true {
        let path = try relatedJob.map { (link: String) throws(FetchError) in
          try client.link(link, in: url)
        }
        result.workflows.append((id: jobID, path: path))
      }
    }
    return result
  }

  /// A GET of the API's `link` with `page_size=200` added, unless it already sets a page size.
  /// The link itself is used as given (it is AWX's, already encoded).
  static func paged(_ link: String) -> HTTPRequest {
    if link.contains("page_size=") { return .get(link) }
    return .get(link, query: ["page_size": String(AWXFetcher.chunkSize)])
  }

  /// A GET of the list at `path` filtered to `ids`: `?id__in=1,2,3&page_size=200`.
  static func byID(_ path: String, _ ids: ArraySlice<Int>) -> HTTPRequest {
    .get(path, query: ["id__in": idList(ids), "page_size": String(AWXFetcher.chunkSize)])
  }

  static func chunks(_ ids: [Int]) -> [ArraySlice<Int>] {
    stride(from: 0, to: ids.count, by: AWXFetcher.chunkSize).map {
      ids[$0..<min($0 + AWXFetcher.chunkSize, ids.count)]
    }
  }

  static func idList(_ ids: ArraySlice<Int>) -> String {
    ids.map(String.init).joined(separator: ",")
  }
}

/// What a fetch asks about failed child jobs (`--events`, `--max-events`).
package struct EventOptions: Sendable, Equatable {
  /// Whether failed child jobs are drilled into (`--events failed`; false: `--events none`).
  package var failed: Bool
  /// The page size of every drill-down request (AWX caps pages at 200).
  package var maxEvents: Int

  /// The default number of events asked for per failed job.
  package static let defaultMaxEvents = 200

  package init(failed: Bool = true, maxEvents: Int = defaultMaxEvents) {
    self.failed = failed
    self.maxEvents = max(1, min(maxEvents, 200))
  }

  /// The event types AWX counts as a host failure (`BasePlaybookEvent.FAILED_EVENTS` at level 3
  /// and `runner_on_error`); `failed=true` alone also returns their parent task and play events.
  package static let failedEvents = [
    "runner_on_failed", "runner_on_unreachable", "runner_item_on_failed",
    "runner_on_async_failed", "runner_on_error",
  ]

  /// Where each drillable unified job type keeps its events.
  static let eventPaths: [String: (collection: String, events: String)] = [
    "job": ("jobs", "job_events/"),
    "project_update": ("project_updates", "events/"),
    "inventory_update": ("inventory_updates", "events/"),
    // A system job template (cleanup jobs) can be a workflow node too; its events are output.
    "system_job": ("system_jobs", "events/"),
  ]
}
