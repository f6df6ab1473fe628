/// Which outcome of the parent makes AWX follow an edge.
package enum EdgeKind: String, Hashable, Sendable, CaseIterable, Comparable {
  /// `success_nodes`: followed when the parent's job succeeded.
  case success
  /// `failure_nodes`: followed when the parent's job failed, errored or was canceled.
  case failure
  /// `always_nodes`: followed whatever the outcome.
  case always

  private var order: Int {
    switch self {
    case .success: return 0
    case .failure: return 1
    case .always: return 2
    }
  }

  package static func < (a: EdgeKind, b: EdgeKind) -> Bool { a.order < b.order }
}

/// A directed edge between two workflow nodes, by AWX node id.
package struct Edge: Hashable, Sendable, Comparable {
  /// The parent node's id.
  package var from: Int
  /// The child node's id.
  package var to: Int
  /// Which outcome of `from` leads to `to`.
  package var kind: EdgeKind

  /// Creates an edge.
  package init(from: Int, to: Int, kind: EdgeKind) {
    self.from = from
    self.to = to
    self.kind = kind
  }

  package static func < (a: Edge, b: Edge) -> Bool {
    (a.from, a.to, a.kind) < (b.from, b.to, b.kind)
  }
}
