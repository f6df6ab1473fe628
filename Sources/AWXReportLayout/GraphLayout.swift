/// A point in drawing coordinates (points; y grows downwards, as in SVG).
public struct Point: Sendable, Hashable {
  /// Horizontal coordinate.
  public var x: Double
  /// Vertical coordinate (down is positive).
  public var y: Double

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// An axis-aligned rectangle given by its top-left corner and size.
public struct Rect: Sendable, Hashable {
  /// Left edge.
  public var x: Double
  /// Top edge.
  public var y: Double
  /// Width.
  public var width: Double
  /// Height.
  public var height: Double

  /// Creates a rectangle from its top-left corner and size.
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

/// A placed node: the center of its box and its size (final orientation).
public struct PositionedNode: Sendable, Hashable {
  /// Horizontal center.
  public var x: Double
  /// Vertical center.
  public var y: Double
  /// Box width.
  public var width: Double
  /// Box height.
  public var height: Double

  /// Creates a placed node.
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The node's box.
  public var frame: Rect {
    Rect(x: x - width / 2, y: y - height / 2, width: width, height: height)
  }
}

/// The drawn route of one edge.
public struct RoutedEdge: Sendable, Hashable {
  /// A chain of cubic Bézier pieces in Graphviz order: `p0, c1, c2, p1, c1, c2, p2, …`
  /// (so `points.count == 1 + 3k`). Starts on the tail box border and ends at `arrowBase`.
  /// Empty for an edge that could not be routed (never happens for edges between two
  /// different nodes).
  public var points: [Point]
  /// Point of the arrowhead, on the border of the head box.
  public var arrowTip: Point
  /// Where the line ends; the arrowhead is drawn from here to `arrowTip`.
  public var arrowBase: Point

  /// Creates a routed edge.
  public init(points: [Point], arrowTip: Point, arrowBase: Point) {
    self.points = points
    self.arrowTip = arrowTip
    self.arrowBase = arrowBase
  }
}

/// The result of a layout: every node, edge and cluster placed, inside
/// `[0, width] × [0, height]`.
public struct GraphLayout: Sendable {
  /// Placed nodes, in input order.
  public var nodes: [PositionedNode]
  /// Routed edges, in input order.
  public var edges: [RoutedEdge]
  /// One box per input cluster, in input order, with room for its label at the top.
  public var clusters: [Rect]
  /// Width of the drawing, margins included.
  public var width: Double
  /// Height of the drawing, margins included.
  public var height: Double

  /// Creates a layout.
  public init(
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
