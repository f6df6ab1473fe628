import AWXReportModel

/// The sentences every report shares: the verdict, and why a node never ran. The HTML page,
/// the graph's description, summary.json, summary.md and junit.xml all say the same thing.
package enum Narrative {
  /// The verdict in one line, for example "failed: 2 unhandled failures".
  package static func verdict(_ analysis: RunAnalysis, job: WorkflowJob) -> String {
    verdict(
      job: job, analysis.verdict, finished: analysis.finishedNodeCount,
      total: analysis.nodes.count)
  }

  /// The verdict of a summarised run, in the same words.
  package static func verdict(_ summary: RunSummary) -> String {
    verdict(
      job: summary.job, summary.verdict,
      finished: summary.nodes.filter { $0.displayState.isFinished }.count,
      total: summary.nodes.count)
  }

  private static func verdict(job: WorkflowJob, _ verdict: Verdict, finished: Int, total: Int)
    -> String
  {
    let unhandled = verdict.unhandledFailures.count
    let handled = verdict.handledFailures.count
    switch job.status {
    case .successful:
      return handled == 0
        ? "successful: every node that ran succeeded"
        : "successful: \(plural(handled, "failure")) handled by error paths"
    case .failed:
      if unhandled > 0 { return "failed: \(plural(unhandled, "unhandled failure"))" }
      return job.explanation.isEmpty ? "failed" : "failed: \(job.explanation)"
    case .error:
      return job.explanation.isEmpty
        ? "error: the workflow job errored" : "error: \(job.explanation)"
    case .canceled:
      return "canceled"
    default:
      let base = "\(job.status.rawValue): \(finished) of \(plural(total, "node")) finished"
      return unhandled > 0 ? base + ", \(plural(unhandled, "unhandled failure")) so far" : base
    }
  }

  /// Why `node` never ran, in words; `names` gives the display names of its parents.
  package static func neverRunReason(
    _ reason: NeverRunReason, node: WorkflowNode, analysis: RunAnalysis, names: [Int: String]
  ) -> String {
    neverRunReason(
      reason, name: { names[$0] }, state: { analysis.nodes[$0]?.state },
      kinds: { parent in
        (analysis.graph.incoming[node.id] ?? []).filter { $0.from == parent }.map(\.kind)
      })
  }

  /// Why the summarised `node` never ran, in the same words; nil when it did run.
  package static func neverRunReason(_ node: RunSummary.Node, in summary: RunSummary) -> String? {
    guard node.displayState == .neverRun else { return nil }
    return neverRunReason(
      node.neverRunReason ?? .unexplained, name: { summary.node($0)?.name },
      state: { summary.node($0)?.displayState },
      kinds: { parent in
        guard let p = summary.node(parent) else { return [] }
        return [
          (EdgeKind.success, p.successNodes), (.failure, p.failureNodes), (.always, p.alwaysNodes),
        ]
        .filter { $0.1.contains(node.id) }.map(\.0)
      })
  }

  /// - Parameters:
  ///   - name: a node's display name by id.
  ///   - state: a node's state by id.
  ///   - kinds: the kinds of the edges from a parent (by id) into the node.
  private static func neverRunReason(
    _ reason: NeverRunReason, name: (Int) -> String?, state: (Int) -> NodeState?,
    kinds: (Int) -> [EdgeKind]
  ) -> String {
    func quoted(_ id: Int) -> String { "'\(name(id) ?? "node \(id)")'" }
    switch reason {
    case .workflowCanceled:
      return "the workflow was canceled"
    case .parentsNeverRan(let ids):
      if ids.count == 1 { return "its parent \(quoted(ids[0])) never ran" }
      return "its parents never ran (\(ids.map(quoted).joined(separator: ", ")))"
    case .convergenceNotMet(let parent, let parentState):
      let ks = kinds(parent)
      let edges = ks.map(\.rawValue).joined(separator: " and ")
      return "ALL node: parent \(quoted(parent)) \(parentState.outcomeVerb) but only its \(edges)"
        + " edge\(ks.count == 1 ? "" : "s") lead\(ks.count == 1 ? "s" : "") here"
    case .noEdgeFired(let parents):
      let parts = parents.map { p -> String in
        let only = kinds(p).map(\.phrase).joined(separator: " or ")
        return
          "parent \(quoted(p)) \((state(p) ?? .notRunYet).outcomeVerb); this node runs only \(only)"
      }
      return parts.isEmpty ? "no edge that fired leads here" : parts.joined(separator: "; ")
    case .unexplained:
      return "AWX marked it do-not-run; the data does not show why"
    }
  }

  /// "1 node", "2 nodes".
  package static func plural(_ n: Int, _ word: String) -> String {
    "\(n) \(word)\(n == 1 ? "" : "s")"
  }
}
