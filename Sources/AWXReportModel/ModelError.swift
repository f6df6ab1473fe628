/// Why a set of workflow nodes does not form a valid DAG. Cases name the ids at fault.
package enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Two nodes share an id.
  case duplicateNode(id: Int)
  /// An edge points at an id that is not in the node list.
  case danglingEdge(Edge)
  /// The edges form a cycle; the ids along it, first id repeated at the end.
  case cycle([Int])
  /// One of the above, in the nodes of the workflow job with this id (a nested one, or the
  /// top-level one).
  indirect case inWorkflowJob(Int, ModelError)

  package var description: String {
    switch self {
    case .duplicateNode(let id):
      return "node id \(id) appears more than once"
    case .danglingEdge(let e):
      return
        "node \(e.from) has a \(e.kind.rawValue) edge to node \(e.to), which is not in the node list"
    case .cycle(let ids):
      return "the edges form a cycle: " + ids.map(String.init).joined(separator: " -> ")
    case .inWorkflowJob(let id, let error):
      return "workflow job \(id): \(error.description)"
    }
  }
}
