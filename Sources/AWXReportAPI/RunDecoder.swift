import AWXReportJSON
import AWXReportModel

/// Turns a snapshot's stored responses into a `WorkflowRun`, nested workflows included.
package enum RunDecoder {
  /// Decodes the snapshot's workflow run.
  /// - Parameter fileName: the snapshot's path, used in error messages.
  /// - Throws: `APIError` naming the response (by URL) and the JSON path at fault.
  package static func decode(_ snapshot: Snapshot, fileName: String) throws(APIError) -> WorkflowRun
  {
    var parsed: [Int: JSONValue] = [:]
    var visiting = Set<Int>()
    return try run(
      snapshot.workflowJobID, in: snapshot, fileName: fileName, parsed: &parsed,
      visiting: &visiting)
  }

  private static func run(
    _ id: Int, in snapshot: Snapshot, fileName: String, parsed: inout [Int: JSONValue],
    visiting: inout Set<Int>
  ) throws(APIError) -> WorkflowRun {
    visiting.insert(id)
    defer { visiting.remove(id) }
    let mine = snapshot.responses.enumerated().filter { $0.element.workflowJobID == id }
    guard let jobEntry = mine.first(where: { $0.element.kind == .workflowJob }) else {
      throw .missing("\(fileName): no workflow_job response for workflow job \(id)")
    }
    let jobValue = try body(jobEntry.offset, jobEntry.element, fileName: fileName, parsed: &parsed)
    var job = try RecordDecoder.workflowJob(
      JSONReader(jobValue, source: source(jobEntry.element, fileName)))
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
      let value = try body(offset, response, fileName: fileName, parsed: &parsed)
      let src = source(response, fileName)
      let page = JSONReader(value, source: src)
      guard case .object = value else {
        throw .shape(
          source: src, path: "", message: "expected a page object, got \(value.typeName)")
      }
      for (k, item) in try page.array("results").enumerated() {
        let r = JSONReader(item, source: src, path: "results[\(k)]")
        guard case .object = item else {
          throw .shape(
            source: src, path: r.path, message: "expected an object, got \(item.typeName)")
        }
        switch response.kind {
        case .workflowNodes: nodes.append(try RecordDecoder.node(r))
        case .unifiedJobs, .workflowApprovals:
          let c = try RecordDecoder.childJob(r)
          children[c.id] = c
        case .labels:
          sawLabels = true
          if let name = try r.nonEmptyString("name") { labels.append(name) }
        case .notifications: notifications.append(try RecordDecoder.notification(r))
        case .activityStream: activity.append(try RecordDecoder.activity(r))
        case .workflowJob, .jobEventsFailed, .jobEventsTail, .jobHostSummaries, .jobStdout: break
        }
      }
      if response.kind == .labels { sawLabels = true }
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
          jobID, in: snapshot, fileName: fileName, parsed: &parsed, visiting: &visiting)
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

  private static func source(_ r: SnapshotResponse, _ fileName: String) -> String {
    "\(fileName): response GET \(r.url)"
  }

  private static func body(
    _ offset: Int, _ r: SnapshotResponse, fileName: String, parsed: inout [Int: JSONValue]
  ) throws(APIError) -> JSONValue {
    if let v = parsed[offset] { return v }
    guard (200..<300).contains(r.status) else {
      throw .shape(
        source: source(r, fileName), path: "", message: "stored with HTTP status \(r.status)")
    }
    do {
      let v = try JSONParser.parse(r.body)
      parsed[offset] = v
      return v
    } catch {
      throw .syntax(source: source(r, fileName), error)
    }
  }
}
