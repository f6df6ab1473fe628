/// The one-line answer to "what happened to this workflow?".
package struct Verdict: Hashable, Sendable {
  /// The overall outcome: the workflow's AWX status.
  package var status: JobStatus
  /// Failed nodes with no failure or always edge: what makes AWX fail the workflow.
  package var unhandledFailures: [Int]
  /// Failed nodes whose failure an edge handles.
  package var handledFailures: [Int]
  /// The sentence, for example "failed: 2 unhandled failures".
  package var sentence: String
  /// Whether the analysis agrees with AWX's status (false means the data is inconsistent,
  /// for example a node edited after the run).
  package var agreesWithAWX: Bool
}
