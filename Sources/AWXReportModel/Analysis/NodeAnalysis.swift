/// Why AWX never ran a node (`do_not_run`), worked out from its parents' outcomes.
package enum NeverRunReason: Hashable, Sendable {
  /// The workflow was canceled before the node was reached.
  case workflowCanceled
  /// Every parent was itself never run.
  case parentsNeverRan([Int])
  /// An "ALL" node whose parent took an edge other than the one into this node.
  case convergenceNotMet(parent: Int, parentState: NodeState)
  /// The parents finished, but none of them took an edge into this node.
  case noEdgeFired([Int])
  /// AWX marked it and the data does not show why (for example a workflow that errored).
  case unexplained
}

/// How a failed node's failure was dealt with.
package enum FailureHandling: Hashable, Sendable {
  /// A failure or always edge leaves the node, so AWX does not fail the workflow for it.
  case handled(by: [Edge])
  /// No failure or always edge leaves the node: AWX fails the workflow.
  case unhandled
}

/// Everything the reports say about one node.
package struct NodeAnalysis: Hashable, Sendable {
  /// The node's id.
  package var id: Int
  /// Its display state.
  package var state: NodeState
  /// Set when the node failed.
  package var failure: FailureHandling?
  /// Set when the node never ran.
  package var neverRunReason: NeverRunReason?
  /// When its job started.
  package var started: Timestamp?
  /// When its job finished.
  package var finished: Timestamp?
  /// Seconds the job took (or has taken), when known.
  package var elapsed: Double?
  /// Whether the node is on the chain of jobs that decided the workflow's duration.
  package var onCriticalPath: Bool
  /// The ids on the path from START to this node (first root, last this node), along edges
  /// that fired where possible.
  package var pathFromStart: [Int]
}

/// One edge's fate in this run.
package enum EdgeOutcome: String, Hashable, Sendable {
  /// The parent finished and the edge's kind matched its outcome.
  case taken
  /// The parent finished with another outcome.
  case notTaken = "not-taken"
  /// The parent has not finished (or never ran).
  case undecided
}
