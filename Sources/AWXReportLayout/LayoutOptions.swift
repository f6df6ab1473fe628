/// The direction edges point in the finished drawing.
package enum RankDirection: Sendable {
  /// Ranks are rows; edges point down.
  case topToBottom
  /// Ranks are columns; edges point right.
  case leftToRight
}

/// Spacing and orientation of a layout. Distances are in points.
package struct LayoutOptions: Sendable {
  /// Which way edges point.
  package var rankDirection: RankDirection
  /// Minimum gap between neighbouring boxes in one rank (Graphviz `nodesep`, 0.3 in).
  package var nodeSeparation: Double
  /// Gap between the boxes of consecutive ranks (Graphviz `ranksep`, 0.5 in).
  package var rankSeparation: Double
  /// Empty border around the drawing.
  package var margin: Double
  /// The engine's thresholds, limits and fixed geometry; the defaults are what ships, and
  /// tests change them to pin a code path.
  package var tuning: LayoutTuning

  /// Creates options; the defaults match Graphviz `dot`'s defaults.
  package init(
    rankDirection: RankDirection = .topToBottom, nodeSeparation: Double = 21.6,
    rankSeparation: Double = 36, margin: Double = 8, tuning: LayoutTuning = LayoutTuning()
  ) {
    self.rankDirection = rankDirection
    self.nodeSeparation = nodeSeparation
    self.rankSeparation = rankSeparation
    self.margin = margin
    self.tuning = tuning
  }

  /// The largest length the layout takes: beyond it sizes and gaps are clamped, so that no
  /// input, however absurd, overflows the solver's integer coordinates.
  static let maximumLength = 1e6

  /// Every distance finite, non-negative and at most `maximumLength`; the tuning in range.
  var sanitized: LayoutOptions {
    var copy = self
    copy.nodeSeparation = Self.clamp(nodeSeparation)
    copy.rankSeparation = Self.clamp(rankSeparation)
    copy.margin = Self.clamp(margin)
    copy.tuning = tuning.sanitized
    return copy
  }

  /// `length` made finite and clamped to `0...maximumLength`.
  static func clamp(_ length: Double) -> Double {
    length.isFinite ? min(max(0, length), maximumLength) : 0
  }
}
