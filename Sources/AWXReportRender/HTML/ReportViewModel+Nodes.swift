import AWXReportModel
import AWXReportTemplate

extension ReportViewModel {
  /// One row of the node table.
  func nodeRow(_ id: Int) -> TemplateValue? {
    guard let node = byID[id], let a = analysis.nodes[id]
    else { return nil }
    return nodeRow(node, a, anchor: "row-\(id)")
  }

  /// One row of a node table (top-level or nested).
  func nodeRow(_ node: WorkflowNode, _ a: NodeAnalysis, anchor: String) -> TemplateValue {
    let type = node.job?.type ?? node.jobType
    var job: TemplateValue = .null
    if let jobID = node.jobID {
      job = .object(["id": .int(jobID), "url": TemplateValue(links.job(type: type, id: jobID))])
    }
    return .object([
      "id": .int(node.id),
      "anchor": .string(anchor),
      "name": Self.text(node.displayName, limit: 60),
      "template": node.templateName.map { Self.text($0, limit: 60) } ?? .null,
      "type": .string(node.jobType.displayName),
      "badge": .string(node.jobType.badge),
      "job": job,
      "state": Self.stateValue(a.state),
      "started": time(a.started),
      "finished": time(a.finished),
      "elapsed": .string(Self.elapsed(a.elapsed, a.started, a.finished)),
      "all": .bool(node.allParentsMustConverge),
      "critical": .bool(a.onCriticalPath),
    ])
  }

  /// `label`, `symbol`, `class` of a node state.
  static func stateValue(_ s: NodeState) -> TemplateValue {
    stateValues[s] ?? .null
  }

  /// ``stateValue(_:)`` for every state, built once.
  private static let stateValues: [NodeState: TemplateValue] = Dictionary(
    uniqueKeysWithValues: NodeState.allCases.map { s in
      (
        s,
        .object([
          "label": .string(s.label), "symbol": .string(s.symbol),
          "class": .string("state-" + s.rawValue),
        ])
      )
    })

  // MARK: Approvals

  var approvals: TemplateValue {
    let rows = analysis.graph.topologicalOrder.compactMap { id -> TemplateValue? in
      guard let node = byID[id],
        node.jobType == .workflowApproval || node.job?.type == .workflowApproval,
        let a = analysis.nodes[id]
      else { return nil }
      let job = node.job
      var decision = a.state.label
      if a.state == .neverRun { decision = "never requested" }
      return [
        "name": Self.text(node.displayName, limit: 80),
        "anchor": .string("row-\(node.id)"),
        "state": Self.stateValue(a.state),
        "decision": .string(decision),
        "by": job?.decidedBy.map { Self.text($0, limit: 80) } ?? .null,
        "requested": time(job?.started),
        "decided": a.state == .awaitingApproval ? .null : time(job?.finished),
        "expires": time(job?.approvalExpiration),
        "waited": .string(Self.elapsed(a.elapsed, a.started, a.finished)),
        "url": job.flatMap { links.job(type: .workflowApproval, id: $0.id) }.map(TemplateValue.string)
          ?? .null,
      ]
    }
    return ["items": .list(rows), "any": .bool(!rows.isEmpty)]
  }

  // MARK: Nested workflows

  var nested: TemplateValue {
    var items: [TemplateValue] = []
    var visited: Set<Int> = [run.job.id]
    collectNested(run, parentName: nil, into: &items, visited: &visited)
    return ["items": .list(items), "any": .bool(!items.isEmpty)]
  }

  private func collectNested(
    _ parent: WorkflowRun, parentName: String?, into items: inout [TemplateValue],
    visited: inout Set<Int>
  ) {
    for node in parent.nodes {
      guard let jobID = node.jobID, let child = parent.nested[jobID], !visited.contains(jobID)
      else { continue }
      visited.insert(jobID)
      let childAnalysis = jobID == run.job.id ? nil : input.nestedAnalyses[jobID]
      let state = Self.state(of: child.job.status)
      var rows: [TemplateValue] = []
      if let ca = childAnalysis {
        for id in ca.graph.topologicalOrder {
          guard let n = child.nodes.first(where: { $0.id == id }), let a = ca.nodes[id] else {
            continue
          }
          rows.append(nodeRow(n, a, anchor: "row-\(jobID)-\(id)"))
        }
      }
      items.append([
        "id": .int(jobID),
        "anchor": .string("nested-\(jobID)"),
        "name": Self.text(child.job.name, limit: 120),
        "node": Self.text(node.displayName, limit: 80),
        "inside": parentName.map { Self.text($0, limit: 80) } ?? .null,
        "status": .string(child.job.status.rawValue),
        "statusClass": .string("state-" + state.rawValue),
        "statusSymbol": .string(state.symbol),
        "nodeCount": .int(child.nodes.count),
        "verdict": ca(childAnalysis),
        "started": time(child.job.started),
        "finished": time(child.job.finished),
        "elapsed": .string(Self.elapsed(child.job.elapsed, child.job.started, child.job.finished)),
        "url": TemplateValue(links.workflow(jobID)),
        "nodes": .list(rows),
        "anyNodes": .bool(!rows.isEmpty),
      ])
      collectNested(child, parentName: child.job.name, into: &items, visited: &visited)
    }
  }

  private func ca(_ a: RunAnalysis?) -> TemplateValue {
    a.map { .string(HTMLText.line($0.verdict.sentence)) } ?? .null
  }
}
