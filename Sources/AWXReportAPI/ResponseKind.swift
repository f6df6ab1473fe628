/// What an API response stored in a snapshot is, so decoding never guesses from URLs.
package enum ResponseKind: String, Sendable, CaseIterable, Hashable {
  /// `GET /workflow_jobs/{id}/`.
  case workflowJob = "workflow_job"
  /// One page of `/workflow_jobs/{id}/workflow_nodes/`.
  case workflowNodes = "workflow_nodes"
  /// One page of `/unified_jobs/?id__in=…` (child job details).
  case unifiedJobs = "unified_jobs"
  /// One page of `/workflow_approvals/?id__in=…` (approval details).
  case workflowApprovals = "workflow_approvals"
  /// One page of `/workflow_jobs/{id}/labels/`.
  case labels
  /// One page of `/workflow_jobs/{id}/notifications/`.
  case notifications
  /// One page of `/workflow_jobs/{id}/activity_stream/`.
  case activityStream = "activity_stream"
}
