import AWXReportJSON
import AWXReportModel

/// Turns a snapshot's stored responses into a `WorkflowRun`, nested workflows included.
package enum RunDecoder {
  /// Decodes the snapshot's workflow run.
  /// - Parameter fileName: the snapshot's path, used in error messages.
  /// - Throws: `APIError` naming the response (by URL) and the JSON path at fault.
  package static func decode(_ snapshot: Snapshot, fileName: String) throws(APIError) -> WorkflowRun
  {
    try decode(snapshot, fileName: fileName, pages: [])
  }

  /// ``decode(_:fileName:)`` with some responses already decoded (``DecodedPage``; the
  /// pipeline decodes them on every core): `pages[k]` is response `k`'s, or nil where it was
  /// not decoded yet. Errors are the same, in the same order, as without.
  package static func decode(
    _ snapshot: Snapshot, fileName: String, pages: [Result<DecodedPage, APIError>?]
  ) throws(APIError) -> WorkflowRun {
    var visiting = Set<Int>()
    return try run(
      snapshot.workflowJobID, in: snapshot, fileName: fileName, pages: pages,
      visiting: &visiting)
  }

  private static func run(
    _ id: Int, in snapshot: Snapshot, fileName: String, pages: [Result<DecodedPage, APIError>?],
    visiting: inout Set<Int>
  ) throws(APIError) -> WorkflowRun {
    visiting.insert(id)
    defer { visiting.remove(id) }
    func page(_ offset: Int) throws(APIError) -> DecodedPage {
      if offset < pages.count, let decoded = pages[offset] { return try decoded.get() }
      return try DecodedPage.page(snapshot.responses[offset], fileName: fileName)
    }
    let mine = snapshot.responses.enumerated().filter { $0.element.workflowJobID == id }
    guard let jobEntry = mine.first(where: { $0.element.kind == .workflowJob }) else {
      throw .missing("\(fileName): no workflow_job response for workflow job \(id)")
    }
    guard case .job(var job) = try page(jobEntry.offset) else {
      throw .missing("\(fileName): no workflow_job response for workflow job \(id)")
    }
    guard job.id == id else {
      throw .shape(
        source: source(jobEntry.element, fileName), path: "id",
        message: "expected workflow job \(id), got \(job.id)")
    }

    var nodes: [WorkflowNode] = []
    var children: [Int: ChildJob] = [:]
    var labels: [String] = []
    var sawLabels = false
    var notifications: [NotificationRecord] = []
    var activity: [ActivityEntry] = []
    for (offset, response) in mine where response.kind != .workflowJob && !response.kind.isDrillDown
    {
      switch try page(offset) {
      case .nodes(let n): nodes += n
      case .children(let c): for j in c { children[j.id] = j }
      case .labels(let l):
        sawLabels = true
        labels += l
      case .notifications(let n): notifications += n
      case .activity(let a): activity += a
      case .job, .skipped: break
      }
    }
    if sawLabels { job.labels = labels }

    var nested: [Int: WorkflowRun] = [:]
    for k in nodes.indices {
      guard let jobID = nodes[k].jobID else { continue }
      if let detail = children[jobID] {
        nodes[k].job = merge(summary: nodes[k].job, detail: detail)
        if nodes[k].jobType == .unknown { nodes[k].jobType = detail.type }
      }
      let isWorkflow = nodes[k].jobType == .workflowJob || nodes[k].job?.type == .workflowJob
      if isWorkflow, !visiting.contains(jobID),
        snapshot.responses.contains(where: { $0.workflowJobID == jobID && $0.kind == .workflowJob })
      {
        let child = try run(
          jobID, in: snapshot, fileName: fileName, pages: pages, visiting: &visiting)
        nested[jobID] = child
        if nodes[k].job == nil {
          nodes[k].job = ChildJob(
            id: jobID, type: .workflowJob, name: child.job.name, status: child.job.status,
            started: child.job.started, finished: child.job.finished, elapsed: child.job.elapsed,
            explanation: child.job.explanation, launchType: child.job.launchType, hasDetail: true)
        }
      }
    }
    notifications.sort { $0.id < $1.id }
    activity.sort {
      ($0.timestamp ?? Timestamp(microseconds: 0), $0.id) < (
        $1.timestamp ?? Timestamp(microseconds: 0), $1.id
      )
    }
    let details = FailureDetailDecoder.decode(mine.map(\.element), children: children)
    return WorkflowRun(
      job: job, nodes: nodes, nested: nested, notifications: notifications, activity: activity,
      failureDetails: details)
  }

  /// The richer of the node's job summary and the child's own record.
  static func merge(summary: ChildJob?, detail: ChildJob) -> ChildJob {
    var j = detail
    if j.type == .unknown, let t = summary?.type { j.type = t }
    if let s = summary, s.timedOut { j.timedOut = true }
    if j.name.isEmpty, let n = summary?.name { j.name = n }
    return j
  }

  static func source(_ r: SnapshotResponse, _ fileName: String) -> String {
    "\(fileName): response GET \(r.url)"
  }

}
