/// The kind of unified job a workflow node spawns (`summary_fields.job.type`,
/// `summary_fields.unified_job_template.unified_job_type`).
package enum JobType: String, Hashable, Sendable, CaseIterable {
  case job
  case projectUpdate = "project_update"
  case inventoryUpdate = "inventory_update"
  case systemJob = "system_job"
  case workflowJob = "workflow_job"
  case workflowApproval = "workflow_approval"
  case unknown

  /// Maps AWX's type string; anything unexpected becomes `.unknown`.
  package init(awx raw: String?) {
    self = raw.flatMap(JobType.init(rawValue:)) ?? .unknown
  }

  /// What people call it: "playbook job", "project sync", …
  package var displayName: String {
    switch self {
    case .job: return "playbook job"
    case .projectUpdate: return "project sync"
    case .inventoryUpdate: return "inventory sync"
    case .systemJob: return "management job"
    case .workflowJob: return "workflow"
    case .workflowApproval: return "approval"
    case .unknown: return "unknown"
    }
  }

  /// The letter the AWX UI puts in the node's type bubble.
  package var badge: String {
    switch self {
    case .job: return "JT"
    case .projectUpdate: return "P"
    case .inventoryUpdate: return "I"
    case .systemJob: return "M"
    case .workflowJob: return "W"
    case .workflowApproval: return "A"
    case .unknown: return "?"
    }
  }

  /// The path segment of the job's page in the AWX UI (`/#/jobs/<segment>/<id>/details`).
  package var uiSegment: String {
    switch self {
    case .job: return "playbook"
    case .projectUpdate: return "project"
    case .inventoryUpdate: return "inventory"
    case .systemJob: return "management"
    case .workflowJob: return "workflow"
    case .workflowApproval, .unknown: return ""
    }
  }
}
