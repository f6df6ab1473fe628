/// The analysis of one workflow run by AWX's own rules (awx-api.md section 3): node states,
/// failure handling, never-run reasons, edge outcomes, timing and the critical path.
package struct RunAnalysis: Hashable, Sendable {
  /// The validated graph.
  package let graph: WorkflowGraph
  /// Per node, by id.
  package let nodes: [Int: NodeAnalysis]
  /// Each edge's fate.
  package let edgeOutcomes: [Edge: EdgeOutcome]
  /// The critical path: ids from the first job to the one that finished last.
  package let criticalPath: [Int]
  /// The verdict.
  package let verdict: Verdict
  /// Node counts per state (only states that occur).
  package let counts: [NodeState: Int]

  /// Analyses `run`.
  /// - Throws: `ModelError` when the nodes do not form a valid DAG.
  package init(_ run: WorkflowRun) throws(ModelError) {
    let graph = try WorkflowGraph(nodes: run.nodes)
    let byID = Dictionary(run.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let workflowDone = run.job.status.isTerminal

    var states: [Int: NodeState] = [:]
    for node in run.nodes {
      states[node.id] = RunAnalysis.state(of: node, workflowStatus: run.job.status)
    }

    var outcomes: [Edge: EdgeOutcome] = [:]
    for e in graph.edges {
      outcomes[e] = RunAnalysis.outcome(of: e, parentState: states[e.from] ?? .notRunYet)
    }

    var analyses: [Int: NodeAnalysis] = [:]
    var unhandled: [Int] = []
    var handled: [Int] = []
    for id in graph.nodeIDs {
      guard let node = byID[id], let state = states[id] else { continue }
      var failure: FailureHandling?
      if state.isFailure {
        let handlers = (graph.outgoing[id] ?? []).filter { $0.kind != .success }
        failure = handlers.isEmpty ? .unhandled : .handled(by: handlers)
        if handlers.isEmpty { unhandled.append(id) } else { handled.append(id) }
      }
      var reason: NeverRunReason?
      if state == .neverRun {
        reason = RunAnalysis.neverRunReason(
          node, graph: graph, states: states, workflowStatus: run.job.status)
      }
      let job = node.job
      var elapsed = job?.elapsed
      if let s = job?.started, let f = job?.finished, elapsed == nil || elapsed == 0 {
        elapsed = s.seconds(until: f)
      }
      analyses[id] = NodeAnalysis(
        id: id, state: state, failure: failure, neverRunReason: reason, started: job?.started,
        finished: job?.finished, elapsed: elapsed, onCriticalPath: false, pathFromStart: [])
    }

    let critical = RunAnalysis.criticalPath(graph: graph, analyses: analyses)
    for id in critical { analyses[id]?.onCriticalPath = true }
    let paths = RunAnalysis.pathsFromStart(graph: graph, outcomes: outcomes)
    for (id, path) in paths { analyses[id]?.pathFromStart = path }

    var counts: [NodeState: Int] = [:]
    for a in analyses.values { counts[a.state, default: 0] += 1 }

    self.graph = graph
    self.nodes = analyses
    self.edgeOutcomes = outcomes
    self.criticalPath = critical
    self.counts = counts
    self.verdict = RunAnalysis.verdict(
      run: run, unhandled: unhandled, handled: handled, done: workflowDone, analyses: analyses)
  }

  /// The display state of `node` within a workflow whose status is `workflowStatus`.
  package static func state(of node: WorkflowNode, workflowStatus: JobStatus) -> NodeState {
    if let job = node.job {
      if job.type == .workflowApproval || node.jobType == .workflowApproval {
        switch job.status {
        case .successful: return .approved
        case .failed: return job.timedOut ? .timedOut : .denied
        case .canceled: return .canceled
        case .error: return .error
        default: return .awaitingApproval
        }
      }
      switch job.status {
      case .successful: return .successful
      case .failed: return .failed
      case .error: return .error
      case .canceled: return .canceled
      case .running: return .running
      case .new, .pending, .waiting: return .waiting
      case .other: return .running
      }
    }
    if node.doNotRun { return .neverRun }
    if node.jobID != nil { return .jobDeleted }
    if node.templateID == nil { return .templateDeleted }
    switch workflowStatus {
    case .successful, .failed: return .jobDeleted
    case .error, .canceled: return .neverRun
    default: return .notRunYet
    }
  }

  /// Whether AWX followed `edge`, given its parent's state.
  static func outcome(of edge: Edge, parentState: NodeState) -> EdgeOutcome {
    let succeeded = parentState == .successful || parentState == .approved
    let failed = parentState.isFailure
    guard succeeded || failed else { return .undecided }
    switch edge.kind {
    case .always: return .taken
    case .success: return succeeded ? .taken : .notTaken
    case .failure: return failed ? .taken : .notTaken
    }
  }

  /// Replays `mark_dnr_nodes` for one node to say why it never ran.
  static func neverRunReason(
    _ node: WorkflowNode, graph: WorkflowGraph, states: [Int: NodeState],
    workflowStatus: JobStatus
  ) -> NeverRunReason {
    let parents = graph.parents(of: node.id)
    let dnrParents = parents.filter { states[$0] == .neverRun }
    if workflowStatus == .canceled {
      let decided = parents.allSatisfy { p in
        let s = states[p] ?? .notRunYet
        return s == .neverRun || s.isFailure || s == .successful || s == .approved
      }
      if parents.isEmpty || !decided || parents.allSatisfy({ states[$0] == .canceled }) {
        return .workflowCanceled
      }
    }
    if parents.isEmpty { return .unexplained }
    if node.allParentsMustConverge {
      if !dnrParents.isEmpty { return .parentsNeverRan(dnrParents) }
      for p in parents {
        let s = states[p] ?? .notRunYet
        let edges = (graph.incoming[node.id] ?? []).filter { $0.from == p }
        let ok = edges.contains { outcome(of: $0, parentState: s) == .taken }
        if (s == .successful || s == .failed || s == .approved || s == .denied || s == .timedOut)
          && !ok
        {
          return .convergenceNotMet(parent: p, parentState: s)
        }
      }
      return .unexplained
    }
    if dnrParents.count == parents.count { return .parentsNeverRan(dnrParents) }
    let live = parents.filter { states[$0] != .neverRun }
    return .noEdgeFired(live)
  }

  /// The chain that decided the duration: from the job that finished last, step back to the
  /// parent that finished last before it started, until a node has no such parent.
  static func criticalPath(graph: WorkflowGraph, analyses: [Int: NodeAnalysis]) -> [Int] {
    var last: (Int, Timestamp)?
    for id in graph.nodeIDs {
      guard let f = analyses[id]?.finished else { continue }
      if let l = last, f <= l.1 { continue }
      last = (id, f)
    }
    guard var current = last?.0 else { return [] }
    var path = [current]
    var visited: Set<Int> = [current]
    while let start = analyses[current]?.started {
      var best: (Int, Timestamp)?
      for p in graph.parents(of: current) where !visited.contains(p) {
        // One second of slack: AWX spawns children on its next scheduler pass.
        guard let f = analyses[p]?.finished, f.microseconds <= start.microseconds + 1_000_000
        else { continue }
        if let b = best, f <= b.1 { continue }
        best = (p, f)
      }
      guard let next = best?.0 else { break }
      path.append(next)
      visited.insert(next)
      current = next
    }
    return path.reversed()
  }

  /// For every node, a shortest path from a root, preferring edges that fired.
  static func pathsFromStart(graph: WorkflowGraph, outcomes: [Edge: EdgeOutcome]) -> [Int: [Int]] {
    var cost: [Int: Int] = [:]
    var via: [Int: Int] = [:]
    for id in graph.topologicalOrder {
      if graph.incoming[id] == nil {
        cost[id] = 0
        continue
      }
      for e in graph.incoming[id] ?? [] {
        guard let c = cost[e.from] else { continue }
        let step = outcomes[e] == .taken ? 1 : 1000
        if let current = cost[id], current <= c + step { continue }
        cost[id] = c + step
        via[id] = e.from
      }
    }
    var result: [Int: [Int]] = [:]
    for id in graph.nodeIDs {
      var path = [id]
      var cur = id
      while let p = via[cur] {
        path.append(p)
        cur = p
      }
      result[id] = path.reversed()
    }
    return result
  }

  static func verdict(
    run: WorkflowRun, unhandled: [Int], handled: [Int], done: Bool,
    analyses: [Int: NodeAnalysis]
  ) -> Verdict {
    let predictedFailure = !unhandled.isEmpty
    var agrees = true
    switch run.job.status {
    case .successful: agrees = !predictedFailure
    case .failed: agrees = predictedFailure || !run.job.explanation.isEmpty
    default: break
    }
    return Verdict(
      status: run.job.status, unhandledFailures: unhandled, handledFailures: handled,
      agreesWithAWX: agrees)
  }

  /// How many nodes have finished (their job, or their approval, reached a final state).
  package var finishedNodeCount: Int {
    nodes.values.filter { $0.state.isFinished }.count
  }
}
