import AWXReportModel

/// A section of a large run's node table and timeline (see ``LargeRun``): what a reader of a
/// postmortem needs comes first and is open, the long tail of successful and never-run nodes
/// comes last and is closed. Every node belongs to exactly one group, the first that fits.
package enum NodeGroup: String, CaseIterable, Hashable, Sendable {
  /// Failed, error, canceled, denied, timed out or template deleted, with no failure or always
  /// edge leaving it: these failed the workflow.
  case unhandled = "failed-unhandled"
  /// A failure that a failure or always edge dealt with.
  case handled = "failed-handled"
  /// On the critical path (and not a failure).
  case critical = "critical-path"
  /// Approval nodes (not failed).
  case approvals
  /// Running, or spawned and not started yet.
  case active
  /// Successful, off the critical path.
  case successful
  /// Not reached yet in a workflow that is still running.
  case notReached = "not-reached"
  /// AWX marked it `do_not_run`.
  case neverRun = "never-run"
  /// Whatever else: a job that was deleted.
  case other

  /// The group of one node, given its analysis.
  /// - Parameter critical: whether to count the node as on the critical path (the timeline
  ///   marks only the top-level run's); by default, whether it is on its own run's.
  package static func of(_ node: WorkflowNode, _ a: NodeAnalysis, critical: Bool? = nil)
    -> NodeGroup
  {
    if a.state.isFailure {
      if case .handled = a.failure { return .handled }
      return .unhandled
    }
    if critical ?? a.onCriticalPath { return .critical }
    if node.jobType == .workflowApproval || node.job?.type == .workflowApproval {
      return .approvals
    }
    switch a.state {
    case .running, .waiting, .awaitingApproval: return .active
    case .successful, .approved: return .successful
    case .notRunYet: return .notReached
    case .neverRun: return .neverRun
    default: return .other
    }
  }

  /// The `<summary>` text, without the count.
  package var title: String {
    switch self {
    case .unhandled: "Failed, not handled"
    case .handled: "Failed, handled by a failure or always edge"
    case .critical: "Critical path"
    case .approvals: "Approvals"
    case .active: "Running or waiting"
    case .successful: "Successful, off the critical path"
    case .notReached: "Not reached yet"
    case .neverRun: "Never run"
    case .other: "Other"
    }
  }

  /// Whether the group's `<details>` is open when the page loads (it always prints open).
  package var isOpen: Bool {
    switch self {
    case .unhandled, .handled, .critical, .approvals, .active: true
    case .successful, .notReached, .neverRun, .other: false
    }
  }
}
