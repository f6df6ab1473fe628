/// Every tuning constant of the layout engine, in one place.
///
/// The instance properties are the knobs: thresholds that switch code paths with the graph's
/// size, effort limits, and the geometry that is not in `LayoutOptions`. They travel in
/// `LayoutOptions.tuning`, so a test can pin a path (force the restarts on a small graph, the
/// large-graph sweep limits on a small one, or switch sifting off). The `static` members are
/// fixed: the integer solvers' ranges and tolerances, which correctness depends on, and the
/// model's edge weights.
///
/// Sizes are counted in *layered* nodes: the graph's nodes plus one virtual node per rank a
/// long edge crosses. The defaults were tuned on the bench graphs of `Benchmarks/kit`
/// (`gen_dags.py`, seed 1) on a 2-core machine; `docs/layout-tuning.md` has the measurements
/// behind them. Changing a default changes layouts, and the golden files with them.
package struct LayoutTuning: Sendable, Equatable {
  // MARK: Crossing reduction (`CrossingReducer`)

  /// Most median sweeps after the starts, on mid-size graphs: Graphviz's `MaxIter`.
  package var maxIterations = 24
  /// Sweeps without a real gain (see `convergence`) that end the search: Graphviz's `MinQuit`.
  package var minQuit = 8
  /// Graphs above this many layered nodes are large and use `largeMinQuit`: bench, 20,000+.
  package var largeGraph = 10_000
  /// `minQuit` of large graphs: their best order comes in the first sweeps (bench, 5,000+).
  package var largeMinQuit = 4
  /// Graphs up to this many layered nodes are small: many more sweeps (`smallMaxIterations`,
  /// `smallMinQuit`), sifting, full transposition after every sweep (bench, milliseconds).
  package var smallGraph = 2_000
  /// `maxIterations` of small graphs: chosen on the 50- and 200-node bench graphs.
  package var smallMaxIterations = 200
  /// `minQuit` of small graphs: chosen on the 50- and 200-node bench graphs.
  package var smallMinQuit = 60
  /// Extra runs from shuffled ranks (OGDF's `runs`), best kept: chosen on the 200-node graph.
  package var restarts = 4
  /// Restarts only up to this many layered nodes: a realistic 1,000-node workflow is beyond.
  package var restartLimit = 1_000
  /// Most sifting passes (Matuszewski et al. sift until no gain): chosen on the bench graphs.
  package var siftPasses = 6
  /// Most edge visits one sifting pass may cost (`siftCost`): the 200-node graph still sifts.
  package var siftBudget = 400_000
  /// A sweep must cut crossings below this fraction of the best to reset the quit count:
  /// Graphviz's `Convergence`.
  package var convergence = 0.995
  /// Sweeps of each breadth-first start before the better one is chosen: Graphviz's passes 0
  /// and 1 (`mincross`, four iterations each).
  package var startSweeps = 4
  /// Whether the two starts of a graph past `smallGraph` run on two cores (same result).
  package var parallelStarts = true

  // MARK: Horizontal coordinates (`PositionSimplex`, `EdgeLengthCompactor`)

  /// Most weight of the drawing's width against the edges' ω (1, 2, 8): bench, 1,000 nodes.
  package var maxWidthWeight = 20
  /// Layered nodes per unit of width weight (1 below 200, `maxWidthWeight` from 2,000): bench.
  package var widthWeightNodes = 100
  /// Most rounds of the fallback descent: it converges in fewer on the bench graphs.
  package var compactorRounds = 12
  /// The descent stops when a round gains less than this fraction of the cost: bench.
  package var compactorTolerance = 0.002

  // MARK: Ranking (`NetworkSimplexRanker`)

  /// Negative cut values the leave-edge search collects before it picks: Graphviz's
  /// `Search_size`.
  package var rankSearchSize = 30

  // MARK: Geometry

  /// Padding between a cluster's border and its contents, in points: Graphviz's 8 pt margin.
  package var clusterPadding = 8.0
  /// Length of an arrowhead, from `RoutedEdge.arrowBase` to `arrowTip`: drawn by the SVG.
  package var arrowLength = 7.0
  /// Two virtual nodes (edge bends) sit this fraction of `nodeSeparation` apart: they are
  /// lines, not boxes (chosen here, on the bench graphs' widths).
  package var virtualGapFactor = 0.5

  /// The defaults.
  package init() {}

  /// The weight of the width in `PositionSimplex`'s objective for `nodeCount` layered nodes:
  /// grows with the graph, as the edge terms do, from 1 up to `maxWidthWeight`.
  func widthWeight(nodeCount: Int) -> Int {
    min(maxWidthWeight, max(1, nodeCount / max(1, widthWeightNodes)))
  }

  /// Every knob in a range the engine can run with: counts non-negative, lengths as
  /// `LayoutOptions.clamp` makes them, fractions in `0...1`. The defaults are unchanged.
  var sanitized: LayoutTuning {
    var t = self
    for keyPath in [
      \LayoutTuning.maxIterations, \.minQuit, \.largeGraph, \.largeMinQuit, \.smallGraph,
      \.smallMaxIterations, \.smallMinQuit, \.restarts, \.restartLimit, \.siftPasses,
      \.siftBudget, \.startSweeps, \.compactorRounds,
    ] {
      t[keyPath: keyPath] = max(0, t[keyPath: keyPath])
    }
    t.maxWidthWeight = max(1, maxWidthWeight)
    t.widthWeightNodes = max(1, widthWeightNodes)
    t.rankSearchSize = max(1, rankSearchSize)
    t.convergence = Self.fraction(convergence, default: LayoutTuning().convergence)
    t.compactorTolerance = Self.fraction(compactorTolerance, default: 0)
    t.virtualGapFactor = Self.fraction(virtualGapFactor, default: 1)
    t.clusterPadding = LayoutOptions.clamp(clusterPadding)
    t.arrowLength = LayoutOptions.clamp(arrowLength)
    return t
  }

  private static func fraction(_ value: Double, default fallback: Double) -> Double {
    value.isFinite ? min(max(0, value), 1) : fallback
  }

  // MARK: Fixed constants

  /// dot's Ω, the weight of a layered edge in Σ ω·|Δx|: straight long edges matter most.
  static let virtualVirtualWeight = 8.0
  static let realVirtualWeight = 2.0
  static let realRealWeight = 1.0
  /// `PositionSimplex` solves in units of 1/`positionScale` pt (integers), and centring
  /// rounds to the same grid so that it adds no digits.
  static let positionScale = 10.0
  /// Subtracted before rounding a length up to solver units, so that a length already on the
  /// grid (up to floating-point noise) is not rounded one unit up.
  static let unitRoundingSlack = 1e-6
  /// Two x closer than this are the same column: a straight edge (`EdgeLengthCompactor`).
  static let straightTolerance = 1e-7
  /// A move must gain more than this in Σ ω·|Δx| (or stay within it, for centring), and a
  /// position may sit this far outside its allowed interval: floating-point noise.
  static let costTolerance = 1e-9
  /// `MinCostFlowSimplex`: weights, lengths × node count and Σ weight stay below this (2^57),
  /// so that the wrapping arithmetic of the pivots is exact.
  static let flowLimit = 1 << 57
  /// `FlowTreeSimplex`'s capacity of uncapacitated arcs, far above any flow (< `flowLimit`):
  /// a ratio test ending above half of it means that nothing blocks the cycle (the big M).
  static let infiniteCapacity = 1 << 61
  /// `FlowTreeSimplex` renumbers its nodes in thread order every this many pivots, which
  /// keeps its scattered reads close together (LEMON has no such step; measured here).
  static let renumberPeriod = 1000
}
