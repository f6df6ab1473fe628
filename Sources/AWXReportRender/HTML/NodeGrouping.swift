import AWXReportModel

/// The node ids of one run (nested runs' nodes not included) split into ``NodeGroup``s, each
/// in the run's topological order; empty groups are left out.
package struct NodeGrouping: Sendable {
  /// The non-empty groups, in ``NodeGroup`` order, with their node ids.
  package var groups: [(group: NodeGroup, ids: [Int])]

  /// Groups the nodes of `run` (in `analysis.graph.topologicalOrder`).
  package init(_ run: WorkflowRun, _ analysis: RunAnalysis) {
    let byID = Dictionary(run.nodes.map { ($0.id, $0) }) { a, _ in a }
    var ids = [NodeGroup: [Int]]()
    for id in analysis.graph.topologicalOrder {
      guard let node = byID[id], let a = analysis.nodes[id] else { continue }
      ids[NodeGroup.of(node, a), default: []].append(id)
    }
    groups = NodeGroup.allCases.compactMap { g in ids[g].map { (g, $0) } }
  }

  /// Whether `tree` counts as large (``LargeRun``): its nodes and every nested run's nodes
  /// (each nested workflow job once).
  package static func isLarge(_ tree: AnalyzedRun) -> Bool {
    LargeRun.isLarge(nodeCount: nodeCount(tree))
  }

  /// The nodes of `tree` and of every nested run under it (each nested workflow job once).
  package static func nodeCount(_ tree: AnalyzedRun) -> Int {
    var count = tree.run.nodes.count
    tree.visitNested { _, child, _, _ in count += child.run.nodes.count }
    return count
  }
}
