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
  /// The failed leaf events of a failed child job: one page of `jobs/{id}/job_events/` (or an
  /// update's `events/`) with `failed=true&event__in=runner_on_failed,…`. Carries `unified_job`.
  case jobEventsFailed = "job_events_failed"
  /// The last events of a failed child job by counter: one page with `order_by=-counter`.
  /// Carries `unified_job`.
  case jobEventsTail = "job_events_tail"
  /// One page of a failed playbook job's `jobs/{id}/job_host_summaries/`. Carries `unified_job`.
  case jobHostSummaries = "job_host_summaries"
  /// A failed child job's `stdout/?format=txt`, asked for only when it has no events at all.
  /// The body is text, not JSON. Carries `unified_job`.
  case jobStdout = "job_stdout"

  /// Whether the response belongs to one child job's drill-down (and names it).
  package var isDrillDown: Bool {
    switch self {
    case .jobEventsFailed, .jobEventsTail, .jobHostSummaries, .jobStdout: true
    default: false
    }
  }
}
