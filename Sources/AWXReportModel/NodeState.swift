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

  /// Words for people.
  package var label: String {
    switch self {
    case .successful: return "successful"
    case .failed: return "failed"
    case .error: return "error"
    case .canceled: return "canceled"
    case .running: return "running"
    case .waiting: return "pending"
    case .neverRun: return "never run"
    case .notRunYet: return "not run yet"
    case .jobDeleted: return "job deleted"
    case .templateDeleted: return "template deleted"
    case .approved: return "approved"
    case .denied: return "denied"
    case .timedOut: return "timed out"
    case .awaitingApproval: return "awaiting approval"
    }
  }

  /// A symbol that tells the state without colour (print in grey, colour-blind readers).
  package var symbol: String {
    switch self {
    case .successful, .approved: return "✔"
    case .failed, .denied: return "✘"
    case .error: return "‼"
    case .canceled: return "⊘"
    case .running: return "▶"
    case .waiting, .awaitingApproval: return "…"
    case .timedOut: return "⧖"
    case .neverRun: return "–"
    case .notRunYet: return "○"
    case .jobDeleted, .templateDeleted: return "✝"
    }
  }

  /// Fill and stroke colours for this state: `(fill, stroke, text)`.
  package var colors: (fill: String, stroke: String, text: String) {
    switch self {
    case .successful, .approved: return ("#e9f5e9", "#3e8e3e", "#1d3b1d")
    case .failed, .denied: return ("#fbe9e8", "#c9302c", "#5a1412")
    case .error: return ("#fbe3f0", "#a4145f", "#4f0a2d")
    case .canceled: return ("#fdf1e1", "#c87f0a", "#5c3a05")
    case .timedOut: return ("#fdf1e1", "#b35c00", "#5c3a05")
    case .running: return ("#e6f1fa", "#0b6fb8", "#0b3556")
    case .waiting, .awaitingApproval: return ("#eef2f6", "#5b7897", "#26384b")
    case .neverRun, .notRunYet: return ("#f3f3f3", "#8a8d91", "#45484c")
    case .jobDeleted, .templateDeleted: return ("#f3f3f3", "#5e6166", "#303236")
    }
  }

  /// The outline's dash pattern (SVG `stroke-dasharray`), or nil for a solid outline.
  package var dash: String? {
    switch self {
    case .neverRun: return "6 4"
    case .notRunYet: return "2 3"
    case .jobDeleted, .templateDeleted: return "10 3 2 3"
    case .waiting, .awaitingApproval, .running: return nil
    default: return nil
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
