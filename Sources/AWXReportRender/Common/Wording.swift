import AWXReportModel

/// The words every report uses for the model's states, job types and edges, in one place.
extension NodeState {
  /// Words for people: "never run", "awaiting approval".
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

  /// The verb phrase for a parent in this state: "succeeded", "was canceled".
  package var outcomeVerb: String {
    switch self {
    case .successful: return "succeeded"
    case .failed: return "failed"
    case .error: return "errored"
    case .canceled: return "was canceled"
    case .approved: return "was approved"
    case .denied: return "was denied"
    case .timedOut: return "timed out"
    case .neverRun: return "never ran"
    case .notRunYet: return "has not run yet"
    case .jobDeleted: return "lost its job record"
    case .templateDeleted: return "has no template"
    case .running: return "is still running"
    case .waiting: return "is pending"
    case .awaitingApproval: return "awaits approval"
    }
  }
}

extension JobType {
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

  /// The letters the AWX UI puts in the node's type bubble.
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
}

extension EdgeKind {
  /// "on success", "on failure", "always": for legends and prose.
  package var phrase: String {
    switch self {
    case .success: return "on success"
    case .failure: return "on failure"
    case .always: return "always"
    }
  }
}
