/// A point in drawing coordinates (points; y grows downwards, as in SVG).
package struct Point: Sendable, Hashable {
  /// Horizontal coordinate.
  package var x: Double
  /// Vertical coordinate (down is positive).
  package var y: Double

  /// Creates a point.
  package init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// An axis-aligned rectangle given by its top-left corner and size.
package struct Rect: Sendable, Hashable {
  /// Left edge.
  package var x: Double
  /// Top edge.
  package var y: Double
  /// Width.
  package var width: Double
  /// Height.
  package var height: Double

  /// Creates a rectangle from its top-left corner and size.
  package init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

/// A placed node: the center of its box and its size (final orientation).
package struct PositionedNode: Sendable, Hashable {
  /// Horizontal center.
  package var x: Double
  /// Vertical center.
  package var y: Double
  /// Box width.
  package var width: Double
  /// Box height.
  package var height: Double

  /// Creates a placed node.
  package init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The node's box.
  package var frame: Rect {
    Rect(x: x - width / 2, y: y - height / 2, width: width, height: height)
  }
}

/// The drawn route of one edge.
package struct RoutedEdge: Sendable, Hashable {
  /// A chain of cubic Bézier pieces in Graphviz order: `p0, c1, c2, p1, c1, c2, p2, …`
  /// (so `points.count == 1 + 3k`). Starts on the tail box border and ends at `arrowBase`.
  /// Empty for an edge that could not be routed (never happens for edges between two
  /// different nodes).
  package var points: [Point]
  /// Point of the arrowhead, on the border of the head box.
  package var arrowTip: Point
  /// Where the line ends; the arrowhead is drawn from here to `arrowTip`.
  package var arrowBase: Point

  /// Creates a routed edge.
  package init(points: [Point], arrowTip: Point, arrowBase: Point) {
    self.points = points
    self.arrowTip = arrowTip
    self.arrowBase = arrowBase
  }
}

/// The result of a layout: every node, edge and cluster placed, inside
/// `[0, width] × [0, height]`.
package struct GraphLayout: Sendable {
  /// Placed nodes, in input order.
  package var nodes: [PositionedNode]
  /// Routed edges, in input order.
  package var edges: [RoutedEdge]
  /// One box per input cluster, in input order, with room for its label at the top.
  package var clusters: [Rect]
  /// Width of the drawing, margins included.
  package var width: Double
  /// Height of the drawing, margins included.
  package var height: Double

  /// Creates a layout.
  package init(
    nodes: [PositionedNode], edges: [RoutedEdge], clusters: [Rect], width: Double,
    height: Double
  ) {
    self.nodes = nodes
    self.edges = edges
    self.clusters = clusters
    self.width = width
    self.height = height
  }
}
