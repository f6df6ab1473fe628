/// The fragment ids of node-table rows in `report.html`, shared by the table and everything
/// that links to it (the failure list, the focus graph).
package enum NodeAnchor {
  /// `row-<node id>` for a node of the top-level run, `row-<workflow job id>-<node id>` for a
  /// node of the nested workflow job `nestedIn`.
  package static func row(nodeID: Int, nestedIn workflowJobID: Int? = nil) -> String {
    guard let workflowJobID else { return "row-\(nodeID)" }
    return "row-\(workflowJobID)-\(nodeID)"
  }
}
