import AWXReportJSON
import AWXReportAPI

/// Walks one workflow job and its nested workflows, asking the recorder for each response.
struct WorkflowWalk {
  /// The API root, for example `/api/v2/`; only the bulk child-job URLs are built from it.
  let root: String
  /// How many levels of nested workflows to fetch.
  let maxDepth: Int
  /// Workflow jobs already fetched (guards cycles and repeats).
  private(set) var visited: Set<Int> = []

  init(root: String, maxDepth: Int) {
    self.root = root
    self.maxDepth = maxDepth
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

    for chunk in Self.chunks(children.jobs) {
      _ = try recorder.pages(
        Self.byID(root + "unified_jobs/", chunk), kind: .unifiedJobs, workflowJobID: id)
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

    guard level < maxDepth else { return }
    for child in children.workflows where !visited.contains(child.id) {
      try fetchWorkflow(
        child.id, path: child.path ?? "\(root)workflow_jobs/\(child.id)/", level: level + 1,
        recorder: &recorder)
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
