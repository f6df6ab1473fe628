/// The direction edges point in the finished drawing.
public enum RankDirection: Sendable {
  /// Ranks are rows; edges point down.
  case topToBottom
  /// Ranks are columns; edges point right.
  case leftToRight
}

/// Spacing and orientation of a layout. Distances are in points.
public struct LayoutOptions: Sendable {
  /// Which way edges point.
  public var rankDirection: RankDirection
  /// Minimum gap between neighbouring boxes in one rank (Graphviz `nodesep`, 0.3 in).
  public var nodeSeparation: Double
  /// Gap between the boxes of consecutive ranks (Graphviz `ranksep`, 0.5 in).
  public var rankSeparation: Double
  /// Empty border around the drawing.
  public var margin: Double

  /// Creates options; the defaults match Graphviz `dot`'s defaults.
  public init(
    rankDirection: RankDirection = .topToBottom, nodeSeparation: Double = 21.6,
    rankSeparation: Double = 36, margin: Double = 8
  ) {
    self.rankDirection = rankDirection
    self.nodeSeparation = nodeSeparation
    self.rankSeparation = rankSeparation
    self.margin = margin
  }
}
