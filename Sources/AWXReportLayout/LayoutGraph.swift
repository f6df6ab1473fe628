/// A directed graph to lay out: boxes (nodes) joined by arrows (edges), optionally grouped
/// into nested, labelled clusters.
///
/// The engine knows nothing about what the nodes mean; sizes are given by the caller in points.
public struct LayoutGraph: Sendable {
  /// The nodes; an edge or a result refers to a node by its index in this array.
  public var nodes: [LayoutNode]
  /// The edges. Multi-edges are allowed; self loops are allowed but get only a token route.
  public var edges: [LayoutEdge]
  /// The clusters; a node refers to its innermost cluster by index in this array.
  public var clusters: [LayoutCluster]

  /// Creates a graph.
  public init(nodes: [LayoutNode] = [], edges: [LayoutEdge] = [], clusters: [LayoutCluster] = []) {
    self.nodes = nodes
    self.edges = edges
    self.clusters = clusters
  }
}

/// A box to place.
public struct LayoutNode: Sendable {
  /// Width of the box in points, in the final (drawn) orientation.
  public var width: Double
  /// Height of the box in points, in the final (drawn) orientation.
  public var height: Double
  /// Index of the innermost cluster the node belongs to, or `nil`.
  public var cluster: Int?

  /// Creates a node of the given size, optionally inside a cluster.
  public init(width: Double, height: Double, cluster: Int? = nil) {
    self.width = width
    self.height = height
    self.cluster = cluster
  }
}

/// An arrow from `tail` to `head` (node indices).
public struct LayoutEdge: Sendable {
  /// Index of the node the arrow starts at.
  public var tail: Int
  /// Index of the node the arrow points to.
  public var head: Int

  /// Creates an edge from `tail` to `head`.
  public init(tail: Int, head: Int) {
    self.tail = tail
    self.head = head
  }
}

/// A labelled box drawn around a group of nodes (for example a nested workflow).
///
/// Clusters nest through `parent`; a node in a cluster is also in all its ancestors.
public struct LayoutCluster: Sendable {
  /// The label text (not measured by the engine; only carried along for the caller).
  public var label: String
  /// Width of the label in points; the box is made at least this wide plus padding.
  public var labelWidth: Double
  /// Height of the label in points; room for it is reserved at the top of the box.
  public var labelHeight: Double
  /// Index of the enclosing cluster, or `nil` for a top-level cluster.
  public var parent: Int?

  /// Creates a cluster.
  public init(label: String, labelWidth: Double, labelHeight: Double, parent: Int? = nil) {
    self.label = label
    self.labelWidth = labelWidth
    self.labelHeight = labelHeight
    self.parent = parent
  }
}
