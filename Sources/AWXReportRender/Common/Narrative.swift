import AWXReportModel

/// The sentences every report shares: the verdict, and why a node never ran. The HTML page,
/// the graph's description, summary.json, summary.md and junit.xml all say the same thing.
package enum Narrative {
  /// The verdict in one line, for example "failed: 2 unhandled failures".
  package static func verdict(_ analysis: RunAnalysis, job: WorkflowJob) -> String {
    let verdict = analysis.verdict
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
      let base =
        "\(job.status.rawValue): \(analysis.finishedNodeCount) of "
        + "\(plural(analysis.nodes.count, "node")) finished"
      return unhandled > 0 ? base + ", \(plural(unhandled, "unhandled failure")) so far" : base
    }
  }

  /// Why `node` never ran, in words; `names` gives the display names of its parents.
  package static func neverRunReason(
    _ reason: NeverRunReason, node: WorkflowNode, analysis: RunAnalysis, names: [Int: String]
  ) -> String {
    func quoted(_ id: Int) -> String { "'\(names[id] ?? "node \(id)")'" }
    func kinds(from parent: Int) -> [EdgeKind] {
      (analysis.graph.incoming[node.id] ?? []).filter { $0.from == parent }.map(\.kind)
    }
    switch reason {
    case .workflowCanceled:
      return "the workflow was canceled"
    case .parentsNeverRan(let ids):
      if ids.count == 1 { return "its parent \(quoted(ids[0])) never ran" }
      return "its parents never ran (\(ids.map(quoted).joined(separator: ", ")))"
    case .convergenceNotMet(let parent, let state):
      let ks = kinds(from: parent)
      let edges = ks.map(\.rawValue).joined(separator: " and ")
      return "ALL node: parent \(quoted(parent)) \(state.outcomeVerb) but only its \(edges)"
        + " edge\(ks.count == 1 ? "" : "s") lead\(ks.count == 1 ? "s" : "") here"
    case .noEdgeFired(let parents):
      let parts = parents.map { p -> String in
        let state = analysis.nodes[p]?.state ?? .notRunYet
        let only = kinds(from: p).map(\.phrase).joined(separator: " or ")
        return "parent \(quoted(p)) \(state.outcomeVerb); this node runs only \(only)"
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
