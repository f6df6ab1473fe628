import AWXReportJSON
import AWXReportModel

/// Decodes single AWX records (job detail, node, child job, label, notification, activity entry)
/// from parsed JSON, following awx-api.md field by field.
enum RecordDecoder {
  /// `GET /workflow_jobs/{id}/`.
  static func workflowJob(_ r: JSONReader) throws(APIError) -> WorkflowJob {
    let summary = try r.object("summary_fields")
    let launchedBy = try r.object("launched_by")
    var template = try summary?.object("workflow_job_template")
    if template == nil { template = try summary?.object("unified_job_template") }
    var labels: [String] = []
    if let l = try summary?.object("labels"), let results = l.value["results"]?.array {
      labels = results.compactMap { $0["name"]?.string }
    }
    var extraVars = "{}"
    if let v = r.value["extra_vars"] {
      switch v {
      case .string(let s): extraVars = s.isEmpty ? "{}" : s
      case .object: extraVars = JSONWriter.write(v, pretty: false)
      case .null: break
      default: throw r.fail("extra_vars", "expected JSON text, got \(v.typeName)")
      }
    }
    let source = try summary?.object("source_workflow_job")
    var templateID = try r.optionalInt("workflow_job_template")
    if templateID == nil { templateID = try r.optionalInt("unified_job_template") }
    return WorkflowJob(
      id: try r.int("id"),
      name: try r.optionalString("name") ?? "",
      description: try r.optionalString("description") ?? "",
      status: JobStatus(try r.string("status")),
      failed: try r.bool("failed", default: false),
      launchType: try r.optionalString("launch_type") ?? "",
      launchedBy: try launchedBy?.nonEmptyString("name"),
      launchedByType: try launchedBy?.nonEmptyString("type"),
      templateID: templateID,
      templateName: try template?.nonEmptyString("name"),
      created: try r.optionalTimestamp("created"),
      started: try r.optionalTimestamp("started"),
      finished: try r.optionalTimestamp("finished"),
      elapsed: try r.optionalDouble("elapsed"),
      explanation: try r.optionalString("job_explanation") ?? "",
      extraVars: extraVars,
      labels: labels,
      inventoryName: try summary?.object("inventory")?.nonEmptyString("name"),
      organizationName: try summary?.object("organization")?.nonEmptyString("name"),
      limit: try r.nonEmptyString("limit"),
      scmBranch: try r.nonEmptyString("scm_branch"),
      sourceWorkflowJobID: try source?.optionalInt("id"),
      isSlicedJob: try r.bool("is_sliced_job", default: false),
      webhookService: try r.optionalString("webhook_service") ?? "")
  }

  /// One `workflow_nodes` result.
  static func node(_ r: JSONReader) throws(APIError) -> WorkflowNode {
    let summary = try r.object("summary_fields")
    let jobSummary = try summary?.object("job")
    let template = try summary?.object("unified_job_template")
    let related = try r.object("related")
    var type = JobType(awx: try jobSummary?.optionalString("type"))
    if type == .unknown { type = JobType(awx: try template?.optionalString("unified_job_type")) }
    if type == .unknown, let url = try related?.optionalString("job") {
      type = jobType(fromURL: url)
    }
    if type == .unknown, let url = try related?.optionalString("unified_job_template") {
      type = jobType(fromURL: url)
    }
    var jobID = try r.optionalInt("job")
    var job: ChildJob?
    if let js = jobSummary {
      let id = try js.optionalInt("id") ?? jobID
      if let id {
        jobID = jobID ?? id
        job = ChildJob(
          id: id, type: type, name: try js.optionalString("name") ?? "",
          status: JobStatus(try js.optionalString("status") ?? "pending"),
          elapsed: try js.optionalDouble("elapsed"),
          timedOut: try js.bool("timed_out", default: false))
      }
    }
    var extra = "{}"
    if let v = r.value["extra_data"] {
      switch v {
      case .object: extra = JSONWriter.write(v, pretty: false)
      case .string(let s) where !s.isEmpty: extra = s
      default: break
      }
    }
    return WorkflowNode(
      id: try r.int("id"),
      identifier: try r.optionalString("identifier") ?? "",
      templateID: try r.optionalInt("unified_job_template"),
      templateName: try template?.nonEmptyString("name"),
      jobType: type,
      jobID: jobID,
      job: job,
      successNodes: try r.idList("success_nodes"),
      failureNodes: try r.idList("failure_nodes"),
      alwaysNodes: try r.idList("always_nodes"),
      allParentsMustConverge: try r.bool("all_parents_must_converge", default: false),
      doNotRun: try r.bool("do_not_run", default: false),
      extraData: extra)
  }

  /// One `unified_jobs` or `workflow_approvals` result.
  static func childJob(_ r: JSONReader) throws(APIError) -> ChildJob {
    let summary = try r.object("summary_fields")
    let decider = try summary?.object("approved_or_denied_by")
    var type = JobType(awx: try r.optionalString("type"))
    if type == .unknown, let url = try r.optionalString("url") { type = jobType(fromURL: url) }
    var job = ChildJob(
      id: try r.int("id"), type: type, name: try r.optionalString("name") ?? "",
      status: JobStatus(try r.optionalString("status") ?? "pending"),
      started: try r.optionalTimestamp("started"),
      finished: try r.optionalTimestamp("finished"),
      elapsed: try r.optionalDouble("elapsed"),
      explanation: try r.optionalString("job_explanation") ?? "",
      launchType: try r.nonEmptyString("launch_type"),
      timedOut: try r.bool("timed_out", default: false),
      decidedBy: try decider?.nonEmptyString("username"),
      approvalExpiration: try r.optionalTimestamp("approval_expiration"),
      hasDetail: true)
    if let v = r.value["event_processing_finished"], let b = v.bool {
      job.eventProcessingFinished = b
    }
    return job
  }

  static func notification(_ r: JSONReader) throws(APIError) -> NotificationRecord {
    let template = try r.object("summary_fields")?.object("notification_template")
    return NotificationRecord(
      id: try r.int("id"), type: try r.optionalString("notification_type") ?? "",
      status: try r.optionalString("status") ?? "", subject: try r.optionalString("subject") ?? "",
      templateName: try template?.nonEmptyString("name") ?? "",
      error: try r.optionalString("error") ?? "", created: try r.optionalTimestamp("created"))
  }

  static func activity(_ r: JSONReader) throws(APIError) -> ActivityEntry {
    let actor = try r.object("summary_fields")?.object("actor")
    var changes = ""
    if let c = r.value["changes"], !c.isNull {
      changes = c.string ?? JSONWriter.write(c, pretty: false)
    }
    return ActivityEntry(
      id: try r.int("id"), timestamp: try r.optionalTimestamp("timestamp"),
      actor: try actor?.nonEmptyString("username"),
      operation: try r.optionalString("operation") ?? "",
      objectType: try r.optionalString("object_type") ?? "",
      object1: try r.optionalString("object1") ?? "",
      object2: try r.optionalString("object2") ?? "",
      changes: changes)
  }

  /// The job type an AWX endpoint URL reveals (`/api/v2/project_updates/7/` → project update).
  static func jobType(fromURL url: String) -> JobType {
    let table: [(String, JobType)] = [
      ("/jobs/", .job), ("/job_templates/", .job),
      ("/project_updates/", .projectUpdate), ("/projects/", .projectUpdate),
      ("/inventory_updates/", .inventoryUpdate), ("/inventory_sources/", .inventoryUpdate),
      ("/system_jobs/", .systemJob), ("/system_job_templates/", .systemJob),
      ("/workflow_jobs/", .workflowJob), ("/workflow_job_templates/", .workflowJob),
      ("/workflow_approvals/", .workflowApproval),
      ("/workflow_approval_templates/", .workflowApproval),
    ]
    for (fragment, type) in table where url.contains(fragment) { return type }
    return .unknown
  }
}
