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
}
