/// One workflow job with its nodes, child jobs, nested workflows and audit trail: the input
/// of every analysis and every report.
package struct WorkflowRun: Hashable, Sendable {
  /// The workflow job.
  package var job: WorkflowJob
  /// Its nodes, sorted by id.
  package var nodes: [WorkflowNode]
  /// Nested workflow runs, by the child workflow job's id (when they were fetched).
  package var nested: [Int: WorkflowRun]
  /// Notifications of the workflow and its approvals.
  package var notifications: [NotificationRecord]
  /// The activity stream.
  package var activity: [ActivityEntry]
  /// Why failed child jobs failed, by child job id (only those a fetch drilled into).
  package var failureDetails: [Int: JobFailureDetail]

  /// Creates a run; nodes are sorted by id.
  package init(
    job: WorkflowJob, nodes: [WorkflowNode], nested: [Int: WorkflowRun] = [:],
    notifications: [NotificationRecord] = [], activity: [ActivityEntry] = [],
    failureDetails: [Int: JobFailureDetail] = [:]
  ) {
    self.failureDetails = failureDetails
    self.job = job
    self.nodes = nodes.sorted { $0.id < $1.id }
    self.nested = nested
    self.notifications = notifications
    self.activity = activity
  }

  /// Every edge of the DAG, sorted.
  package var edges: [Edge] { nodes.flatMap(\.edges).sorted() }
}
