/// The one-line answer to "what happened to this workflow?".
package struct Verdict: Hashable, Sendable {
  /// The overall outcome: the workflow's AWX status.
  package var status: JobStatus
  /// Failed nodes with no failure or always edge: what makes AWX fail the workflow.
  package var unhandledFailures: [Int]
  /// Failed nodes whose failure an edge handles.
  package var handledFailures: [Int]
  /// The status AWX's rules give the run from its nodes: once the run is over, `failed` when a
  /// failure is unhandled and `successful` otherwise (`error` and `canceled` are kept, since
  /// they come from AWX, not from the nodes); `running` while the run is not over.
  package var byRules: JobStatus {
    switch status {
    case .error, .canceled: return status
    case .successful, .failed: return unhandledFailures.isEmpty ? .successful : .failed
    default: return .running
    }
  }
  /// Whether the analysis agrees with AWX's status (false means the data is inconsistent,
  /// for example a node edited after the run).
  package var agreesWithAWX: Bool
}
