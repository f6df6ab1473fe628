/// What a node shows in a report: the job's outcome, or why there is none.
package enum NodeState: String, CaseIterable, Hashable, Sendable {
  case successful
  case failed
  case error
  case canceled
  case running
  /// `new`, `pending` or `waiting`: spawned, not started.
  case waiting
  /// AWX marked the node `do_not_run`: no edge that fired leads to it.
  case neverRun = "never-run"
  /// The workflow is still active and the node has not been reached yet.
  case notRunYet = "not-run-yet"
  /// The node's job existed but was deleted (`job` is null on a finished workflow).
  case jobDeleted = "job-deleted"
  /// The node's template was deleted before it could run; AWX counts this as a failure.
  case templateDeleted = "template-deleted"
  /// Approval approved.
  case approved
  /// Approval denied.
  case denied
  /// Approval expired.
  case timedOut = "timed-out"
  /// Approval waiting for a decision.
  case awaitingApproval = "awaiting-approval"

  /// Whether the node's job (or approval) reached a final state.
  package var isFinished: Bool {
    switch self {
    case .successful, .failed, .error, .canceled, .approved, .denied, .timedOut: return true
    default: return false
    }
  }

  /// Whether AWX's workflow manager counts the node as failed.
  package var isFailure: Bool {
    switch self {
    case .failed, .error, .canceled, .denied, .timedOut, .templateDeleted: return true
    default: return false
    }
  }
}
