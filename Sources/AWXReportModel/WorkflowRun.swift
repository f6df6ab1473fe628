/// One workflow job with its nodes, child jobs, nested workflows and audit trail: the input
/// of every analysis and every report.
public struct WorkflowRun: Hashable, Sendable {
  /// The workflow job.
  public var job: WorkflowJob
  /// Its nodes, sorted by id.
  public var nodes: [WorkflowNode]
  /// Nested workflow runs, by the child workflow job's id (when they were fetched).
  public var nested: [Int: WorkflowRun]
  /// Notifications of the workflow and its approvals.
  public var notifications: [NotificationRecord]
  /// The activity stream.
  public var activity: [ActivityEntry]

  /// Creates a run; nodes are sorted by id.
  public init(
    job: WorkflowJob, nodes: [WorkflowNode], nested: [Int: WorkflowRun] = [:],
    notifications: [NotificationRecord] = [], activity: [ActivityEntry] = []
  ) {
    self.job = job
    self.nodes = nodes.sorted { $0.id < $1.id }
    self.nested = nested
    self.notifications = notifications
    self.activity = activity
  }

  /// Every edge of the DAG, sorted.
  public var edges: [Edge] { nodes.flatMap(\.edges).sorted() }
}
