import AWXReportJSON
import AWXReportModel

/// Follows a running workflow job cheaply, the way `awx-ops-and-ci.md` §3g works out from AWX's
/// source, and says what changed since the previous poll.
///
/// - The first poll reads everything: the job detail, every node page, and the child jobs in
///   bulk (`unified_jobs/?id__in=…`, `workflow_approvals/?id__in=…`).
/// - Every later poll asks only for what changed: the job detail, then the nodes that are
///   active, whose job finished since the previous poll, or that were just spawned:
///   `workflow_nodes/?or__job__status__in=new,pending,waiting,running&or__job__finished__gte=T
///   &or__modified__gt=M`, then the child job details in bulk for just the nodes whose status
///   moved. When nothing changed that is 2 requests, whatever the workflow's size.
/// - `T` is the server's clock at the previous poll (the `Date` header, or `started + elapsed`
///   of the running job, which AWX computes live; else the newest timestamp seen) minus
///   `overlap`, because AWX stamps a row before it commits it.
///   `M` is the later of `T` and the newest node `modified` already seen, so the nodes created
///   with the job do not come back on every poll while the run is young.
/// - A child job's `modified` is never used: AWX does not update it on status changes.
/// - Nested workflows that start are followed (up to `depth` levels): their first read is a
///   full one, and later they share the one changed-nodes request with the top workflow
///   (`workflow_job_nodes/?workflow_job__in=…`).
/// - `do_not_run` marks change no timestamp: the caller fetches everything once when the job
///   has finished (the report's own fetch).
///
/// Not for concurrent use. Errors are `FetchError`s; what to retry is the caller's choice.
package final class JobPoller {
  /// One node as the watch sees it.
  package struct Node: Equatable, Sendable {
    package var id: Int
    /// The workflow job the node belongs to.
    package var workflowJobID: Int
    /// The name shown: the identifier unless it is a UUID, else the template's name, else the
    /// job's, else `DELETED` (as `WorkflowNode.displayName`).
    package var name: String
    package var jobID: Int?
    /// The unified job type (`job`, `workflow_approval`, `workflow_job`, …), when known.
    package var jobType: String?
    /// The child job's status; nil while the node has no job.
    package var status: JobStatus?
    package var doNotRun: Bool
    package var started: Timestamp?
    package var finished: Timestamp?
    /// Seconds the job took, once finished (AWX's stored `elapsed`).
    package var elapsed: Double?
    /// The job's `job_explanation`.
    package var explanation: String
    /// Whether the node is an approval.
    package var isApproval: Bool { jobType == "workflow_approval" }

    /// Creates a node.
    package init(
      id: Int, workflowJobID: Int, name: String, jobID: Int?, jobType: String?,
      status: JobStatus?, doNotRun: Bool, started: Timestamp?, finished: Timestamp?,
      elapsed: Double?, explanation: String
    ) {
      self.id = id
      self.workflowJobID = workflowJobID
      self.name = name
      self.jobID = jobID
      self.jobType = jobType
      self.status = status
      self.doNotRun = doNotRun
      self.started = started
      self.finished = finished
      self.elapsed = elapsed
      self.explanation = explanation
    }
  }

  /// A workflow job being followed: the top one, or a nested one.
  package struct Workflow: Equatable, Sendable {
    package var id: Int
    package var name: String
    package var status: JobStatus
    package var started: Timestamp?
    package var finished: Timestamp?
    /// The node (of the parent workflow) that launched it; nil for the top one.
    package var parentNodeID: Int?
    /// Nesting level: 0 for the top workflow.
    package var level: Int
  }

  /// Something that changed between two polls.
  package enum Change: Equatable, Sendable {
    /// A workflow's status moved (`previous` is nil on the first poll).
    case workflow(Workflow, previous: JobStatus?)
    /// A node's job was spawned or its status moved (`previous` is nil for a new job).
    case node(Node, previous: JobStatus?)
  }

  /// What one poll did.
  package struct Poll: Equatable, Sendable {
    /// What changed, in the order seen.
    package var changes: [Change]
    /// HTTP exchanges the poll made, retries included.
    package var requests: Int
    /// Whether it was a full read (the first poll).
    package var full: Bool
    /// Whether nothing changed.
    package var isIdle: Bool { changes.isEmpty }
  }

  /// Statuses of a job that is still active (AWX's `CAN_CANCEL`).
  package static let activeStatuses = "new,pending,waiting,running"

  /// The client every request goes through.
  package let client: AWXClient
  /// The workflow job followed.
  package let workflowJobID: Int
  /// How many levels of nested workflows to follow.
  package let depth: Int
  /// Seconds subtracted from the server's clock for the changed-nodes filter.
  package var overlap: Double

  /// The API root, once known.
  package private(set) var root: String?
  /// Every workflow followed, by id.
  package private(set) var workflows: [Int: Workflow] = [:]
  /// Every node seen, by id.
  package private(set) var nodes: [Int: Node] = [:]
  /// Node ids in the order first seen (AWX's `order_by=id` within each workflow).
  package private(set) var nodeOrder: [Int] = []

  /// The server's clock at the previous poll, or the newest timestamp seen.
  private var serverClock: Timestamp?
  /// The newest node `modified` seen.
  private var newestNodeModified: Timestamp?
  /// Nested workflows found but not yet read.
  private var pendingNested: [(id: Int, nodeID: Int, level: Int)] = []

  /// Creates a poller.
  /// - Parameters:
  ///   - client: the client (its settings' `apiRoot`, when set, is used as the root).
  ///   - workflowJobID: the workflow job to follow.
  ///   - depth: levels of nested workflows to follow.
  ///   - overlap: seconds subtracted from the server clock in the changed-nodes filter.
  package init(client: AWXClient, workflowJobID: Int, depth: Int = 5, overlap: Double = 10) {
    self.client = client
    self.workflowJobID = workflowJobID
    self.depth = max(depth, 0)
    self.overlap = overlap
    root = client.settings.apiRoot
  }

  /// The top workflow, after the first poll.
  package var top: Workflow? { workflows[workflowJobID] }

  /// Whether the top workflow reached a final status.
  package var isFinished: Bool { top?.status.isTerminal ?? false }

  /// The nodes in the order first seen.
  package var orderedNodes: [Node] { nodeOrder.compactMap { nodes[$0] } }

  /// Polls once: a full read the first time, the changes afterwards.
  /// - Throws: `FetchError`, scrubbed of secrets.
  package func poll() throws(FetchError) -> Poll {
    try client.scrubbing { () throws(FetchError) in
      let before = client.requestCount
      let full = top == nil
      var changes: [Change] = []
      if full {
        try readEverything(&changes)
      } else {
        try readChanges(&changes)
      }
      // The top workflow's own change last: its nodes finished before it did.
      let (topChanges, rest) = changes.reduce(into: ([Change](), [Change]())) { parts, change in
        if case .workflow(let w, _) = change, w.id == workflowJobID {
          parts.0.append(change)
        } else {
          parts.1.append(change)
        }
      }
      changes = full ? topChanges + rest : rest + topChanges
      return Poll(changes: changes, requests: client.requestCount - before, full: full)
    }
  }

  // MARK: Reads

  private func apiRoot() throws(FetchError) -> String {
    if let root { return root }
    let found = try client.findAPIRoot()
    root = found
    return found
  }

  private func detailPath(_ id: Int) throws(FetchError) -> String {
    "\(try apiRoot())workflow_jobs/\(id)/"
  }

  /// The job detail, recording the server's clock from the `Date` header.
  private func readTop(_ changes: inout [Change]) throws(FetchError) {
    let path = try detailPath(workflowJobID)
    let response = try client.exchange(.get(path))
    let json = try AWXClient.parseObject(response.body, url: path)
    serverClock = Self.serverClock(json, date: response.header("date")) ?? serverClock
    try update(workflowJobID, from: json, url: path, parentNodeID: nil, level: 0, &changes)
  }

  private func readEverything(_ changes: inout [Change]) throws(FetchError) {
    try readTop(&changes)
    let root = try apiRoot()
    let seen = try readAllNodes(of: workflowJobID, root: root)
    try readChildren(seen, root: root, changes: &changes)
    try readPendingNested(root: root, changes: &changes)
  }

  private func readChanges(_ changes: inout [Change]) throws(FetchError) {
    try readTop(&changes)
    let root = try apiRoot()
    let active = workflows.values.filter { !$0.status.isTerminal || $0.id == workflowJobID }
      .map(\.id).sorted()
    let since = Timestamp(
      microseconds: (serverClock ?? Timestamp(microseconds: 0)).microseconds
        - Int64(overlap * 1_000_000))
    var modifiedAfter = since
    if let newest = newestNodeModified, newest > modifiedAfter { modifiedAfter = newest }
    var query = URLQuery()
    let path: String
    if active.count == 1 {
      path = "\(root)workflow_jobs/\(workflowJobID)/workflow_nodes/"
    } else {
      path = "\(root)workflow_job_nodes/"
      query.append("workflow_job__in", active.map(String.init).joined(separator: ","))
    }
    query.append("page_size", String(AWXFetcher.chunkSize))
    query.append("or__job__status__in", Self.activeStatuses)
    query.append("or__job__finished__gte", since.iso8601)
    query.append("or__modified__gt", modifiedAfter.iso8601)
    let items = try client.fetchPages(.get(path, query: query), onPage: { _ in })
    let moved = try merge(items, url: path)
    try readChildren(moved, root: root, changes: &changes)
    try readPendingNested(root: root, changes: &changes)
  }

  /// Every node of workflow `id`; returns the nodes whose job is new or moved.
  private func readAllNodes(of id: Int, root: String) throws(FetchError) -> [Int] {
    let path = "\(root)workflow_jobs/\(id)/workflow_nodes/"
    let items = try client.fetchPages(
      .get(path, query: ["page_size": String(AWXFetcher.chunkSize), "order_by": "id"]),
      onPage: { _ in })
    return try merge(items, url: path)
  }

  /// Reads nested workflows found since the last call, each with all its nodes.
  private func readPendingNested(root: String, changes: inout [Change]) throws(FetchError) {
    while !pendingNested.isEmpty {
      let next = pendingNested.removeFirst()
      let path = try detailPath(next.id)
      let json = try client.fetchObject(.get(path))
      try update(
        next.id, from: json, url: path, parentNodeID: next.nodeID, level: next.level, &changes)
      let moved = try readAllNodes(of: next.id, root: root)
      try readChildren(moved, root: root, changes: &changes)
    }
  }

  /// Fetches the child jobs of the `moved` nodes in bulk, then reports each node as a change.
  private func readChildren(_ moved: [Int], root: String, changes: inout [Change])
    throws(FetchError)
  {
    var previous: [Int: JobStatus?] = [:]
    for id in moved { previous[id] = lastReported[id] ?? nil }
    let withJobs = moved.compactMap { nodes[$0] }.filter { $0.jobID != nil }
    let approvals = withJobs.filter(\.isApproval).compactMap(\.jobID)
    let jobs = withJobs.filter { !$0.isApproval }.compactMap(\.jobID)
    var details: [Int: JSONValue] = [:]
    for (list, ids) in [("unified_jobs/", jobs), ("workflow_approvals/", approvals)] {
      for chunk in WorkflowWalk.chunks(ids) {
        let items = try client.fetchPages(
          WorkflowWalk.byID(root + list, chunk), onPage: { _ in })
        for item in items {
          if let id = item["id"]?.int { details[id] = item }
        }
      }
    }
    // Nested workflows' nodes first: they finish before the node that launched them.
    let level = { (id: Int) -> Int in
      self.nodes[id].flatMap { self.workflows[$0.workflowJobID]?.level } ?? 0
    }
    let ordered = moved.enumerated().sorted { a, b in
      (level(a.element), b.offset) > (level(b.element), a.offset)
    }.map(\.element)
    for id in ordered {
      guard var node = nodes[id], let jobID = node.jobID else { continue }
      if let detail = details[jobID] {
        if let status = detail["status"]?.string { node.status = JobStatus(status) }
        node.started = detail["started"]?.string.flatMap(Timestamp.init(iso8601:))
        node.finished = detail["finished"]?.string.flatMap(Timestamp.init(iso8601:))
        if let elapsed = detail["elapsed"]?.double, node.finished != nil { node.elapsed = elapsed }
        node.explanation = detail["job_explanation"]?.string ?? ""
        if let finished = node.finished { advanceClock(finished) }
      }
      nodes[id] = node
      let before = previous[id] ?? nil
      guard node.status != before else { continue }
      lastReported[id] = node.status
      changes.append(.node(node, previous: before))
      // A nested workflow's status moves with the node that launched it.
      if var nested = workflows[jobID], let status = node.status {
        nested.status = status
        if status.isTerminal { nested.finished = node.finished }
        workflows[jobID] = nested
        report(nested, &changes)
      }
    }
  }

  /// The status last reported for each node (so a change is reported once).
  private var lastReported: [Int: JobStatus?] = [:]

  /// Merges node list items; returns the ids whose job is new or whose status moved.
  private func merge(_ items: [JSONValue], url: String) throws(FetchError) -> [Int] {
    var moved: [Int] = []
    for item in items {
      guard let id = item["id"]?.int, let workflowJob = item["workflow_job"]?.int else {
        throw .unexpectedResponse(url: url, message: "a node without an integer id or workflow_job")
      }
      let summary = item["summary_fields"]?["job"]
      let jobID = item["job"]?.int
      let jobType =
        summary?["type"]?.string
        ?? item["summary_fields"]?["unified_job_template"]?["unified_job_type"]?.string
      let status = jobID == nil ? nil : summary?["status"]?.string.map(JobStatus.init)
      if let modified = item["modified"]?.string.flatMap(Timestamp.init(iso8601:)) {
        if newestNodeModified.map({ modified > $0 }) ?? true { newestNodeModified = modified }
        advanceClock(modified)
      }
      var node =
        nodes[id]
        ?? Node(
          id: id, workflowJobID: workflowJob, name: "", jobID: nil, jobType: nil, status: nil,
          doNotRun: false, started: nil, finished: nil, elapsed: nil, explanation: "")
      if nodes[id] == nil { nodeOrder.append(id) }
      node.name = Self.displayName(item)
      node.doNotRun = item["do_not_run"]?.bool ?? false
      node.jobType = jobType
      let isNew = node.jobID != jobID
      node.jobID = jobID
      if let elapsed = summary?["elapsed"]?.double, status?.isTerminal == true {
        node.elapsed = elapsed
      }
      let statusMoved = status != nil && status != (lastReported[id] ?? nil)
      if let status { node.status = status }
      nodes[id] = node
      if isNew || statusMoved { moved.append(id) }
      if let jobID, jobType == "workflow_job", workflows[jobID] == nil,
        !pendingNested.contains(where: { $0.id == jobID }),
        let level = workflows[workflowJob]?.level, level < depth
      {
        pendingNested.append((id: jobID, nodeID: id, level: level + 1))
      }
    }
    return moved
  }

  /// Records a workflow job's detail; reports a status change.
  private func update(
    _ id: Int, from json: JSONValue, url: String, parentNodeID: Int?, level: Int,
    _ changes: inout [Change]
  ) throws(FetchError) {
    guard let status = json["status"]?.string else {
      throw .unexpectedResponse(url: url, message: "no \"status\" string")
    }
    let workflow = Workflow(
      id: id, name: json["name"]?.string ?? "", status: JobStatus(status),
      started: json["started"]?.string.flatMap(Timestamp.init(iso8601:)),
      finished: json["finished"]?.string.flatMap(Timestamp.init(iso8601:)),
      parentNodeID: parentNodeID ?? workflows[id]?.parentNodeID, level: level)
    let previous = workflows[id]
    workflows[id] = workflow
    if let finished = workflow.finished { advanceClock(finished) }
    report(workflow, &changes)
  }

  /// Reports a workflow's status once per value, whichever read saw it first (its detail, or
  /// the node that launched it).
  private func report(_ workflow: Workflow, _ changes: inout [Change]) {
    let previous = reportedWorkflow[workflow.id]
    guard previous != workflow.status else { return }
    reportedWorkflow[workflow.id] = workflow.status
    changes.append(.workflow(workflow, previous: previous))
  }

  /// The status last reported for each workflow.
  private var reportedWorkflow: [Int: JobStatus] = [:]

  /// Moves the fallback server clock forward (used when there is no `Date` header).
  private func advanceClock(_ seen: Timestamp) {
    if serverClock.map({ seen > $0 }) ?? true { serverClock = seen }
  }

  // MARK: Helpers

  /// The server's clock when it answered the job detail: the `Date` header (whole seconds,
  /// rounded down), or, while the job runs, `started + elapsed` (AWX computes a running job's
  /// `elapsed` live, to the millisecond), whichever is later.
  static func serverClock(_ job: JSONValue, date: String?) -> Timestamp? {
    let header = date.flatMap(httpDate)
    guard job["finished"]?.string == nil,
      let started = job["started"]?.string.flatMap(Timestamp.init(iso8601:)),
      let elapsed = job["elapsed"]?.double, elapsed > 0, elapsed.isFinite
    else { return header }
    let live = Timestamp(microseconds: started.microseconds + Int64(elapsed * 1_000_000))
    guard let header else { return live }
    return max(header, live)
  }

  /// `WorkflowNode.displayName` from a node list item.
  static func displayName(_ item: JSONValue) -> String {
    let identifier = item["identifier"]?.string ?? ""
    if !identifier.isEmpty && !WorkflowNode.looksLikeUUID(identifier) { return identifier }
    let summary = item["summary_fields"]
    if let t = summary?["unified_job_template"]?["name"]?.string, !t.isEmpty { return t }
    if let j = summary?["job"]?["name"]?.string, !j.isEmpty { return j }
    return "DELETED"
  }

  /// Parses an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110's IMF-fixdate).
  package static func httpDate(_ text: String) -> Timestamp? {
    let parts = text.split(separator: " ")
    guard parts.count == 6, parts[5] == "GMT" else { return nil }
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    guard let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
      let year = Int(parts[3])
    else { return nil }
    let month = monthIndex + 1
    let iso =
      "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T\(parts[4])Z"
    return Timestamp(iso8601: iso)
  }
}
