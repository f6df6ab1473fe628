/// A directed graph to lay out: boxes (nodes) joined by arrows (edges), optionally grouped
/// into nested, labelled clusters.
///
/// The engine knows nothing about what the nodes mean; sizes are given by the caller in points.
package struct LayoutGraph: Sendable {
  /// The nodes; an edge or a result refers to a node by its index in this array.
  package var nodes: [LayoutNode]
  /// The edges. Multi-edges are allowed; self loops are allowed but get only a token route.
  package var edges: [LayoutEdge]
  /// The clusters; a node refers to its innermost cluster by index in this array.
  package var clusters: [LayoutCluster]

  /// Creates a graph.
  package init(nodes: [LayoutNode] = [], edges: [LayoutEdge] = [], clusters: [LayoutCluster] = []) {
    self.nodes = nodes
    self.edges = edges
    self.clusters = clusters
  }
}

/// A box to place.
package struct LayoutNode: Sendable {
  /// Width of the box in points, in the final (drawn) orientation.
  package var width: Double
  /// Height of the box in points, in the final (drawn) orientation.
  package var height: Double
  /// Index of the innermost cluster the node belongs to, or `nil`.
  package var cluster: Int?

  /// Creates a node of the given size, optionally inside a cluster.
  package init(width: Double, height: Double, cluster: Int? = nil) {
    self.width = width
    self.height = height
    self.cluster = cluster
  }
}

/// An arrow from `tail` to `head` (node indices).
package struct LayoutEdge: Sendable {
  /// Index of the node the arrow starts at.
  package var tail: Int
  /// Index of the node the arrow points to.
  package var head: Int

  /// Creates an edge from `tail` to `head`.
  package init(tail: Int, head: Int) {
    self.tail = tail
    self.head = head
  }
}

/// A labelled box drawn around a group of nodes (for example a nested workflow).
///
/// Clusters nest through `parent`; a node in a cluster is also in all its ancestors.
package struct LayoutCluster: Sendable {
  /// The label text (not measured by the engine; only carried along for the caller).
  package var label: String
  /// Width of the label in points; the box is made at least this wide plus padding.
  package var labelWidth: Double
  /// Height of the label in points; room for it is reserved at the top of the box.
  package var labelHeight: Double
  /// Index of the enclosing cluster, or `nil` for a top-level cluster.
  package var parent: Int?

  /// Creates a cluster.
  package init(label: String, labelWidth: Double, labelHeight: Double, parent: Int? = nil) {
    self.label = label
    self.labelWidth = labelWidth
    self.labelHeight = labelHeight
    self.parent = parent
  }
}
