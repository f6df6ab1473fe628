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
          "anchor": .string(NodeAnchor.row(nodeID: id)),
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
      "anchor": .string(NodeAnchor.row(nodeID: node.id)),
      "state": Self.stateValue(a.state),
      "explanation": explanation.isEmpty
        ? .null : Self.text(explanation, limit: 2000, singleLine: false),
      "explanationSource": TemplateValue(source),
      "path": .list(
        path.enumerated().map { i, name in
          ["name": Self.text(name, limit: 60), "last": .bool(i == path.count - 1)]
        }),
      "job": jobLink(node),
      "drill": drillDown(node),
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
        "anchor": .string(NodeAnchor.row(nodeID: e.to)),
        "state": Self.stateValue(target),
        "outcome": .string(outcome),
        "ok": .bool(target == .successful || target == .approved),
      ]
    }
    let own = node.job?.explanation ?? ""
    return [
      "name": Self.text(node.displayName, limit: 80),
      "anchor": .string(NodeAnchor.row(nodeID: node.id)),
      "state": Self.stateValue(a.state),
      "explanation": own.isEmpty ? .null : Self.text(own, limit: 2000, singleLine: false),
      "handlers": .list(handlers),
      "job": jobLink(node),
      "drill": drillDown(node),
    ]
  }

  /// The failed tasks, unreachable hosts, host summary and last output lines of the node's
  /// job, when the fetch drilled into it (texts already cleaned by ``FailureText``).
  /// - Parameter owner: the run the node belongs to (default: the report's run).
  func drillDown(_ node: WorkflowNode, in owner: WorkflowRun? = nil) -> TemplateValue {
    guard let id = node.jobID, let d = (owner ?? run).failureDetails[id] else { return .null }
    func optional(_ s: String, limit: Int, singleLine: Bool = true) -> TemplateValue {
      s.isEmpty ? .null : Self.text(s, limit: limit, singleLine: singleLine)
    }
    let tasks = d.taskFailures.map { t -> TemplateValue in
      [
        "host": Self.text(t.host, limit: 60),
        "play": optional(t.play, limit: 60),
        "task": Self.text(t.task.isEmpty ? t.event : t.task, limit: 80),
        "action": optional(t.action, limit: 40),
        "item": optional(t.item ?? "", limit: 60),
        "censored": .bool(t.censored),
        "message": optional(t.message, limit: 600, singleLine: false),
        "rc": t.rc.map { .string(String($0)) } ?? .null,
        "stderr": optional(t.stderr, limit: 600, singleLine: false),
        "stdout": optional(t.stdout, limit: 600, singleLine: false),
        "cmd": optional(t.cmd, limit: 600, singleLine: false),
        "path": optional(t.path, limit: 80),
        "event": .string(t.event),
      ]
    }
    let unreachable = d.unreachable.map { t -> TemplateValue in
      [
        "host": Self.text(t.host, limit: 60),
        "task": optional(t.task, limit: 80),
        "message": t.censored
          ? Self.text(FailureText.censored, limit: 80) : optional(t.message, limit: 300),
      ]
    }
    let hosts = d.hosts.map { h -> TemplateValue in
      [
        "host": Self.text(h.host, limit: 60), "ok": .int(h.ok), "changed": .int(h.changed),
        "failures": .int(h.failures), "unreachable": .int(h.unreachable),
        "skipped": .int(h.skipped), "rescued": .int(h.rescued), "ignored": .int(h.ignored),
        "failed": .bool(h.failed),
      ]
    }
    let output = d.outputTail.map { TextSafety.singleLineKeepingTabs($0) }.joined(separator: "\n")
    return [
      "incomplete": .bool(d.possiblyIncomplete),
      "tasks": .list(tasks),
      "anyTasks": .bool(!tasks.isEmpty),
      "more": d.moreFailedTasks > 0 ? .int(d.moreFailedTasks) : .null,
      "unreachable": .list(unreachable),
      "anyUnreachable": .bool(!unreachable.isEmpty),
      "nothing": .bool(tasks.isEmpty && unreachable.isEmpty),
      "hosts": .list(hosts),
      "anyHosts": .bool(!hosts.isEmpty),
      "output": output.isEmpty ? .null : .string(output),
      "outputPartial": .bool(d.outputTailIsPartial),
      "outputLines": .int(d.outputTail.count),
      "tooLarge": TemplateValue(d.outputTooLarge),
    ]
  }

  private func jobLink(_ node: WorkflowNode) -> TemplateValue {
    guard let id = node.jobID else { return .null }
    return [
      "id": .int(id), "url": TemplateValue(links.job(type: node.job?.type ?? node.jobType, id: id)),
    ]
  }

  /// Why a node never ran, in words.
  func reason(for node: WorkflowNode, _ reason: NeverRunReason) -> String {
    Narrative.neverRunReason(reason, node: node, analysis: analysis, names: names)
  }
}
