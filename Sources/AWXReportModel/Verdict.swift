/// The one-line answer to "what happened to this workflow?".
public struct Verdict: Hashable, Sendable {
  /// The overall outcome: the workflow's AWX status.
  public var status: JobStatus
  /// Failed nodes with no failure or always edge: what makes AWX fail the workflow.
  public var unhandledFailures: [Int]
  /// Failed nodes whose failure an edge handles.
  public var handledFailures: [Int]
  /// The sentence, for example "failed: 2 unhandled failures".
  public var sentence: String
  /// Whether the analysis agrees with AWX's status (false means the data is inconsistent,
  /// for example a node edited after the run).
  public var agreesWithAWX: Bool
}
