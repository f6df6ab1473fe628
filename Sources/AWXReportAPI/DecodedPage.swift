import AWXReportJSON
import AWXReportModel

/// One stored response decoded into records, on its own: the part of ``RunDecoder``'s work
/// that needs nothing but that response, so a pipeline can do it for every response at once
/// (on every core) and drop each JSON tree as soon as its records are out.
package enum DecodedPage: Sendable {
  /// A `workflow_job` response.
  case job(WorkflowJob)
  /// A page of workflow job nodes.
  case nodes([WorkflowNode])
  /// A page of child jobs or approvals.
  case children([ChildJob])
  /// A page of labels (their names).
  case labels([String])
  /// A page of notifications.
  case notifications([NotificationRecord])
  /// A page of activity stream entries.
  case activity([ActivityEntry])
  /// A response ``RunDecoder`` does not read this way (drill-downs, failed requests).
  case skipped

  /// Decodes `r` (stored in `fileName`) as ``RunDecoder`` would: the same errors, naming
  /// the response by URL and the JSON path at fault.
  package static func decode(_ r: SnapshotResponse, fileName: String) -> Result<
    DecodedPage, APIError
  > {
    Result { () throws(APIError) -> DecodedPage in try page(r, fileName: fileName) }
  }

  static func page(_ r: SnapshotResponse, fileName: String) throws(APIError) -> DecodedPage {
    guard !r.kind.isDrillDown else { return .skipped }
    let src = RunDecoder.source(r, fileName)
    guard (200..<300).contains(r.status) else {
      throw .shape(source: src, path: "", message: "stored with HTTP status \(r.status)")
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(r.body)
    } catch {
      throw .syntax(source: src, error)
    }
    if r.kind == .workflowJob {
      return .job(try RecordDecoder.workflowJob(JSONReader(value, source: src)))
    }
    let page = JSONReader(value, source: src)
    guard case .object = value else {
      throw .shape(source: src, path: "", message: "expected a page object, got \(value.typeName)")
    }
    var nodes: [WorkflowNode] = []
    var children: [ChildJob] = []
    var labels: [String] = []
    var notifications: [NotificationRecord] = []
    var activity: [ActivityEntry] = []
    for (k, item) in try page.array("results").enumerated() {
      let reader = JSONReader(item, source: src, path: "results[\(k)]")
      guard case .object = item else {
        throw .shape(
          source: src, path: reader.path, message: "expected an object, got \(item.typeName)")
      }
      switch r.kind {
      case .workflowNodes: nodes.append(try RecordDecoder.node(reader))
      case .unifiedJobs, .workflowApprovals: children.append(try RecordDecoder.childJob(reader))
      case .labels: if let name = try reader.nonEmptyString("name") { labels.append(name) }
      case .notifications: notifications.append(try RecordDecoder.notification(reader))
      case .activityStream: activity.append(try RecordDecoder.activity(reader))
      case .workflowJob, .jobEventsFailed, .jobEventsTail, .jobHostSummaries, .jobStdout: break
      }
    }
    switch r.kind {
    case .workflowNodes: return .nodes(nodes)
    case .unifiedJobs, .workflowApprovals: return .children(children)
    case .labels: return .labels(labels)
    case .notifications: return .notifications(notifications)
    case .activityStream: return .activity(activity)
    default: return .skipped
    }
  }
}
