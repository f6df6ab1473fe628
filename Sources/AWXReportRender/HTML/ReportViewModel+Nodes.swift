import AWXReportModel
import AWXReportTemplate

extension ReportViewModel {
  /// One row of the node table.
  func nodeRow(_ id: Int) -> TemplateValue? {
    guard let node = byID[id], let a = analysis.nodes[id]
    else { return nil }
    return nodeRow(node, a, anchor: NodeAnchor.row(nodeID: id))
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

  /// A large run's node table split by ``NodeGroup``: a list of `key`, `title`, `open`,
  /// `count` and `nodes` (rows), in group order.
  /// - Parameter nestedIn: the nested workflow job `run` is, for its rows' ids
  ///   (``NodeAnchor``); nil for the top-level run.
  func nodeGroups(_ run: WorkflowRun, _ analysis: RunAnalysis, nestedIn: Int?)
    -> TemplateValue
  {
    let byID = Dictionary(run.nodes.map { ($0.id, $0) }) { a, _ in a }
    let groups = NodeGrouping(run, analysis).groups.map { group, ids -> TemplateValue in
      let rows = ids.compactMap { id -> TemplateValue? in
        guard let node = byID[id], let a = analysis.nodes[id] else { return nil }
        return nodeRow(node, a, anchor: NodeAnchor.row(nodeID: id, nestedIn: nestedIn))
      }
      return [
        "key": .string(group.rawValue),
        "heading": .string(group.title),
        "open": .bool(group.isOpen),
        "count": .int(rows.count),
        "nodes": .list(rows),
      ]
    }
    return .list(groups)
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
        "anchor": .string(NodeAnchor.row(nodeID: node.id)),
        "state": Self.stateValue(a.state),
        "decision": .string(decision),
        "by": job?.decidedBy.map { Self.text($0, limit: 80) } ?? .null,
        "requested": time(job?.started),
        "decided": a.state == .awaitingApproval ? .null : time(job?.finished),
        "expires": time(job?.approvalExpiration),
        "waited": .string(Self.elapsed(a.elapsed, a.started, a.finished)),
        "url": job.flatMap { links.job(type: .workflowApproval, id: $0.id) }.map(
          TemplateValue.string)
          ?? .null,
      ]
    }
    return ["items": .list(rows), "any": .bool(!rows.isEmpty)]
  }

  // MARK: Nested workflows

  var nested: TemplateValue {
    var items: [TemplateValue] = []
    input.tree.visitNested { node, child, _, parent in
      let state = Palette.state(of: child.run.job.status)
      let large = NodeGrouping.isLarge(child)
      let byID = Dictionary(child.run.nodes.map { ($0.id, $0) }) { a, _ in a }
      var rows: [TemplateValue] = []
      var failed: [TemplateValue] = []
      for id in child.analysis.graph.topologicalOrder {
        guard let n = byID[id], let a = child.analysis.nodes[id] else { continue }
        if !large {
          rows.append(nodeRow(n, a, anchor: NodeAnchor.row(nodeID: id, nestedIn: child.id)))
        }
        let drill = drillDown(n, in: child.run)
        if drill != .null {
          failed.append([
            "name": Self.text(n.displayName, limit: 80),
            "anchor": .string(NodeAnchor.row(nodeID: id, nestedIn: child.id)),
            "state": Self.stateValue(a.state), "jobID": n.jobID.map { .int($0) } ?? .null,
            "drill": drill,
          ])
        }
      }
      let job = child.run.job
      items.append([
        "id": .int(child.id),
        "anchor": .string("nested-\(child.id)"),
        "name": Self.text(job.name, limit: 120),
        "node": Self.text(node.displayName, limit: 80),
        "inside": parent.id == run.job.id ? .null : Self.text(parent.run.job.name, limit: 80),
        "status": .string(job.status.rawValue),
        "statusClass": .string("state-" + state.rawValue),
        "statusSymbol": .string(state.symbol),
        "nodeCount": .int(child.run.nodes.count),
        "verdict": .string(HTMLText.line(Narrative.verdict(child.analysis, job: job))),
        "started": time(job.started),
        "finished": time(job.finished),
        "elapsed": .string(Self.elapsed(job.elapsed, job.started, job.finished)),
        "url": TemplateValue(links.workflow(child.id)),
        "nodes": .list(rows),
        "nodeGroups": large
          ? nodeGroups(child.run, child.analysis, nestedIn: child.id) : .null,
        "grouped": .bool(large),
        "anyNodes": .bool(!child.run.nodes.isEmpty),
        "failed": .list(failed),
        "anyFailed": .bool(!failed.isEmpty),
      ])
    }
    return ["items": .list(items), "any": .bool(!items.isEmpty)]
  }
}
