import AWXReportModel
import AWXReportTemplate

extension ReportViewModel {
  /// Unhandled failures with their explanation and path, handled failures with their
  /// handlers, and never-run nodes with the reason.
  var failures: TemplateValue {
    var unhandled: [TemplateValue] = []
    var handled: [TemplateValue] = []
    var neverRun: [TemplateValue] = []
    for id in analysis.graph.topologicalOrder {
      guard let node = byID[id], let a = analysis.nodes[id] else { continue }
      switch a.failure {
      case .unhandled?: unhandled.append(unhandledItem(node, a))
      case .handled(let edges)?: handled.append(handledItem(node, a, edges: edges))
      case nil: break
      }
      if a.state == .neverRun {
        neverRun.append([
          "name": Self.text(node.displayName, limit: 80),
          "anchor": .string("row-\(id)"),
          "reason": .string(reason(for: node, a.neverRunReason ?? .unexplained)),
        ])
      }
    }
    return [
      "unhandled": .list(unhandled),
      "handled": .list(handled),
      "neverRun": .list(neverRun),
      "anyUnhandled": .bool(!unhandled.isEmpty),
      "anyHandled": .bool(!handled.isEmpty),
      "anyNeverRun": .bool(!neverRun.isEmpty),
      "none": .bool(unhandled.isEmpty && handled.isEmpty && neverRun.isEmpty),
    ]
  }

  private func unhandledItem(_ node: WorkflowNode, _ a: NodeAnalysis) -> TemplateValue {
    let own = node.job?.explanation ?? ""
    let explanation = own.isEmpty ? run.job.explanation : own
    let source =
      own.isEmpty
      ? (explanation.isEmpty ? nil : "the workflow job's explanation") : "the job's explanation"
    let path = (["START"] + a.pathFromStart.map { names[$0] ?? "node \($0)" })
    return [
      "name": Self.text(node.displayName, limit: 80),
      "anchor": .string("row-\(node.id)"),
      "state": Self.stateValue(a.state),
      "explanation": explanation.isEmpty
        ? .null : Self.text(explanation, limit: 2000, singleLine: false),
      "explanationSource": TemplateValue(source),
      "path": .list(
        path.enumerated().map { i, name in
          ["name": Self.text(name, limit: 60), "last": .bool(i == path.count - 1)]
        }),
      "job": jobLink(node),
    ]
  }

  private func handledItem(_ node: WorkflowNode, _ a: NodeAnalysis, edges: [Edge])
    -> TemplateValue
  {
    let handlers = edges.map { e -> TemplateValue in
      let target = analysis.nodes[e.to]?.state ?? .notRunYet
      let ran = ![.neverRun, .notRunYet, .jobDeleted, .templateDeleted].contains(target)
      let outcome: String
      switch target {
      case .successful, .approved: outcome = "ran and succeeded"
      case .neverRun: outcome = "did not run"
      case .notRunYet: outcome = "has not run yet"
      case .running, .waiting, .awaitingApproval: outcome = "is still \(target.label)"
      default: outcome = ran ? "ran and ended \(target.label)" : target.label
      }
      return [
        "kind": .string(e.kind.rawValue),
        "phrase": .string(e.kind.phrase),
        "target": Self.text(names[e.to] ?? "node \(e.to)", limit: 60),
        "anchor": .string("row-\(e.to)"),
        "state": Self.stateValue(target),
        "outcome": .string(outcome),
        "ok": .bool(target == .successful || target == .approved),
      ]
    }
    let own = node.job?.explanation ?? ""
    return [
      "name": Self.text(node.displayName, limit: 80),
      "anchor": .string("row-\(node.id)"),
      "state": Self.stateValue(a.state),
      "explanation": own.isEmpty ? .null : Self.text(own, limit: 2000, singleLine: false),
      "handlers": .list(handlers),
      "job": jobLink(node),
    ]
  }

  private func jobLink(_ node: WorkflowNode) -> TemplateValue {
    guard let id = node.jobID else { return .null }
    return ["id": .int(id), "url": TemplateValue(links.job(type: node.job?.type ?? node.jobType, id: id))]
  }

  /// Why a node never ran, in words.
  func reason(for node: WorkflowNode, _ reason: NeverRunReason) -> String {
    Narrative.neverRunReason(reason, node: node, analysis: analysis, names: names)
  }
}
