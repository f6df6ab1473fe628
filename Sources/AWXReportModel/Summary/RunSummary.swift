/// A workflow run reduced to the facts every machine-readable output and every listing needs:
/// `summary.json`, `junit.xml`, `summary.md`, an archive's index, `list` and `watch`. Built from
/// an ``AnalyzedRun``; nested workflows are summarised the same way, by workflow job id.
package struct RunSummary: Hashable, Sendable {
  /// The workflow job's own facts.
  package var job: WorkflowJob
  /// The verdict by AWX's rules.
  package var verdict: Verdict
  /// Nodes per ``Node/state`` (only states that occur).
  package var counts: [String: Int]
  /// The chain of nodes that decided the duration, first to last.
  package var criticalPath: [Int]
  /// Seconds from the first critical node's start to the last one's finish, when known.
  package var criticalPathDuration: Double?
  /// Every node, by id.
  package var nodes: [Node]
  /// The node ids parents first, in the order every report lists them (the graph's
  /// topological order, smallest ready id first).
  package var topologicalOrder: [Int]
  /// The summaries of nested workflows, by workflow job id.
  package var nested: [Int: RunSummary]
  /// Where each node id stands in ``nodes`` (as built; ``node(_:)`` checks it).
  private var positions: [Int: Int]

  /// One node of the run.
  package struct Node: Hashable, Sendable {
    /// The node's id.
    package var id: Int
    /// AWX's `identifier` (stable across runs of one template).
    package var identifier: String
    /// The name shown for it (identifier, else template name, else job name).
    package var name: String
    /// The unified job type it launches.
    package var type: JobType
    /// The outcome in AWX's words (see ``RunSummary/state(of:analysis:)``).
    package var state: String
    /// The analysis' richer state (approvals, deleted jobs), for people.
    package var displayState: NodeState
    /// The template it runs, when it still exists.
    package var templateID: Int?
    /// The template's name.
    package var templateName: String?
    /// The job it spawned.
    package var jobID: Int?
    /// The job's `job_explanation`.
    package var explanation: String
    /// Who approved or denied it, for an approval that was decided by someone.
    package var decidedBy: String?
    package var started: Timestamp?
    package var finished: Timestamp?
    /// Seconds the job took (or has taken), when known.
    package var elapsed: Double?
    /// AWX's `do_not_run` mark.
    package var doNotRun: Bool
    /// Why it never ran, when it did not.
    package var neverRunReason: NeverRunReason?
    /// Whether it failed with no failure or always edge leaving it (so the workflow fails).
    package var unhandledFailure: Bool
    /// Whether it failed and an edge handles the failure.
    package var handledFailure: Bool
    package var allParentsMustConverge: Bool
    package var successNodes: [Int]
    package var failureNodes: [Int]
    package var alwaysNodes: [Int]
    /// Whether it is on the critical path.
    package var onCriticalPath: Bool
    /// The path from START to it (node ids), along edges that fired where possible.
    package var pathFromStart: [Int]
    /// The nested workflow job it launched, when that run's summary is in ``RunSummary/nested``.
    package var nestedWorkflowJobID: Int?
    /// Why its job failed (failed tasks, hosts, output tail), when the fetch drilled into it.
    package var failureDetail: JobFailureDetail?
    /// The node's own launch prompts (`extra_data`, JSON text): its inputs, which `diff`
    /// compares.
    package var extraData: String = "{}"
  }

  /// Summarises `tree` and its nested runs.
  package init(_ tree: AnalyzedRun) {
    let analysis = tree.analysis
    job = tree.run.job
    verdict = analysis.verdict
    criticalPath = analysis.criticalPath
    topologicalOrder = analysis.graph.topologicalOrder
    nested = tree.children.mapValues(RunSummary.init)
    var nodes: [Node] = []
    var counts: [String: Int] = [:]
    for node in tree.run.nodes {
      guard let a = analysis.nodes[node.id] else { continue }
      let state = Self.state(of: node, analysis: a)
      counts[state, default: 0] += 1
      let nestedID = node.jobID.flatMap { tree.children[$0] == nil ? nil : $0 }
      nodes.append(
        Node(
          id: node.id, identifier: node.identifier, name: node.displayName,
          type: node.job?.type == .workflowApproval ? .workflowApproval : node.jobType,
          state: state, displayState: a.state, templateID: node.templateID,
          templateName: node.templateName, jobID: node.jobID,
          explanation: node.job?.explanation ?? "", decidedBy: node.job?.decidedBy,
          started: a.started, finished: a.finished,
          elapsed: a.elapsed, doNotRun: node.doNotRun, neverRunReason: a.neverRunReason,
          unhandledFailure: a.failure == .unhandled,
          handledFailure: a.failure != nil && a.failure != .unhandled,
          allParentsMustConverge: node.allParentsMustConverge, successNodes: node.successNodes,
          failureNodes: node.failureNodes, alwaysNodes: node.alwaysNodes,
          onCriticalPath: a.onCriticalPath, pathFromStart: a.pathFromStart,
          nestedWorkflowJobID: nestedID,
          failureDetail: node.jobID.flatMap { tree.run.failureDetails[$0] },
          extraData: node.extraData))
    }
    self.nodes = nodes
    self.counts = counts
    positions = Dictionary(nodes.indices.map { (nodes[$0].id, $0) }) { a, _ in a }
    if let first = analysis.criticalPath.first.flatMap({ analysis.nodes[$0]?.started }),
      let last = analysis.criticalPath.last.flatMap({ analysis.nodes[$0]?.finished })
    {
      criticalPathDuration = max(0, first.seconds(until: last))
    }
  }

  /// A node's outcome in AWX's words: its job's status (`successful`, `failed`, `error`,
  /// `canceled`, `new`, `pending`, `waiting`, `running`) when it has a job; else `never_run`
  /// (AWX marked it `do_not_run`), `deleted` (its template or its job is gone, which AWX counts
  /// as a failure while the run goes on), or `not_started`.
  package static func state(of node: WorkflowNode, analysis: NodeAnalysis) -> String {
    if let job = node.job { return job.status.rawValue }
    switch analysis.state {
    case .neverRun: return "never_run"
    case .jobDeleted, .templateDeleted: return "deleted"
    default: return node.doNotRun ? "never_run" : "not_started"
    }
  }

  /// The node with `id`.
  package func node(_ id: Int) -> Node? {
    if let i = positions[id], i < nodes.count, nodes[i].id == id { return nodes[i] }
    return nodes.first { $0.id == id }
  }

  /// Whether the workflow job reached a final status.
  package var isFinished: Bool { job.status.isTerminal }
}
