import Testing

@testable import AWXReportLayout

/// `LayoutTuning` pins the engine's size-dependent code paths on graphs of any size: each
/// threshold must be honoured, and every path must still give a valid layout.
@Suite struct LayoutTuningTests {
  static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13]

  /// A random DAG ranked and split into layers, as `LayeredLayout` builds it.
  static func layered(seed: UInt64, nodes: Int, edges: Int) -> (LayeredGraph, ClusterTree) {
    let input = Fixtures.randomDAG(seed: seed, nodes: nodes, edges: edges)
    let n = input.nodes.count
    let tree = ClusterTree(input.clusters)
    let dag = input.edges.filter { $0.tail != $0.head }.map { (tail: $0.tail, head: $0.head) }
    let graph = LayeredGraph(
      sizes: input.nodes.map { ($0.width, $0.height) },
      nodeClusters: input.nodes.map { _ in -1 }, edges: input.edges,
      reversed: input.edges.map { _ in false },
      ranks: NetworkSimplexRanker.ranks(nodeCount: n, edges: dag), clusters: tree)
    return (graph, tree)
  }

  /// Every layered node exactly once, in its own rank.
  static func isOrdering(_ layers: [[Int]], of graph: LayeredGraph) -> Bool {
    layers.flatMap { $0 }.sorted() == Array(0..<graph.count)
      && layers.enumerated().allSatisfy { r, layer in layer.allSatisfy { graph.rank[$0] == r } }
  }

  /// A graph of at most `restartLimit` layered nodes gets the restarts; one above it does not,
  /// so it orders exactly as with the restarts switched off. On at least one seed the
  /// restarts must change the order, or the test would show nothing.
  @Test func restartLimitIsHonoured() {
    var restartsChangedAnOrder = false
    for seed in Self.seeds {
      let (graph, tree) = Self.layered(seed: seed, nodes: 60, edges: 110)
      #expect(graph.count <= LayoutTuning().restartLimit)
      var off = LayoutTuning()
      off.restarts = 0
      var belowGraph = LayoutTuning()
      belowGraph.restartLimit = graph.count - 1
      let single = CrossingReducer.order(graph, clusters: tree, tuning: off)
      let restarted = CrossingReducer.order(graph, clusters: tree)
      #expect(CrossingReducer.order(graph, clusters: tree, tuning: belowGraph) == single)
      #expect(Self.isOrdering(single, of: graph) && Self.isOrdering(restarted, of: graph))
      #expect(
        CrossingReducer.crossings(graph, restarted) <= CrossingReducer.crossings(graph, single))
      if single != restarted { restartsChangedAnOrder = true }
    }
    #expect(restartsChangedAnOrder)
  }

  /// The large-graph path (two starts on two cores, transposition only near changed ranks,
  /// four fruitless sweeps) forced on a small graph: a valid ordering, the same with the
  /// starts run one after the other, and a valid drawing.
  @Test(arguments: seeds)
  func largeGraphPathOnASmallGraph(seed: UInt64) {
    var large = LayoutTuning()
    large.smallGraph = 0
    large.largeGraph = 0
    let (graph, tree) = Self.layered(seed: seed, nodes: 80, edges: 150)
    let parallel = CrossingReducer.order(graph, clusters: tree, tuning: large)
    #expect(Self.isOrdering(parallel, of: graph))
    var sequential = large
    sequential.parallelStarts = false
    #expect(CrossingReducer.order(graph, clusters: tree, tuning: sequential) == parallel)

    let input = Fixtures.randomDAG(seed: seed, nodes: 80, edges: 150, clusters: true)
    let layout = LayeredLayout.layout(input, options: LayoutOptions(tuning: large))
    for e in input.edges where e.tail != e.head {
      #expect(layout.nodes[e.tail].y < layout.nodes[e.head].y)
    }
    for i in layout.nodes.indices {
      for j in layout.nodes.indices where j > i {
        #expect(!Fixtures.overlaps(layout.nodes[i].frame, layout.nodes[j].frame))
      }
    }
  }

  /// Network simplex ranking is exact: any leave-edge search size reaches the same total edge
  /// length (the ranks themselves may differ between optima).
  @Test(arguments: seeds)
  func rankSearchSizeKeepsTheOptimum(seed: UInt64) {
    let input = Fixtures.randomDAG(seed: seed, nodes: 120, edges: 220)
    let dag = input.edges.filter { $0.tail != $0.head }.map { (tail: $0.tail, head: $0.head) }
    func length(_ searchSize: Int) -> Int {
      let rank = NetworkSimplexRanker.ranks(
        nodeCount: input.nodes.count, edges: dag, balanced: false, searchSize: searchSize)
      #expect(dag.allSatisfy { rank[$0.head] - rank[$0.tail] >= 1 })
      return dag.reduce(0) { $0 + rank[$1.head] - rank[$1.tail] }
    }
    let optimum = length(LayoutTuning().rankSearchSize)
    #expect(length(1) == optimum)
    #expect(length(1_000) == optimum)
  }

  /// Absurd tuning (negative counts and lengths, NaN and infinite fractions) is brought into
  /// range like absurd options, not trapped on: the drawing stays finite and overlap-free.
  @Test func absurdTuningIsClamped() {
    var tuning = LayoutTuning()
    tuning.maxIterations = -3
    tuning.smallMaxIterations = -1
    tuning.startSweeps = -4
    tuning.siftPasses = -1
    tuning.restarts = -2
    tuning.compactorRounds = -1
    tuning.widthWeightNodes = 0
    tuning.maxWidthWeight = -5
    tuning.rankSearchSize = 0
    tuning.convergence = .nan
    tuning.compactorTolerance = -.infinity
    tuning.virtualGapFactor = .infinity
    tuning.clusterPadding = -.infinity
    tuning.arrowLength = .nan
    let graph = Fixtures.randomDAG(seed: 4, nodes: 50, edges: 80, clusters: true)
    let layout = LayeredLayout.layout(graph, options: LayoutOptions(tuning: tuning))
    #expect(layout.width.isFinite && layout.height.isFinite)
    #expect(layout.nodes.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    for i in layout.nodes.indices {
      for j in layout.nodes.indices where j > i {
        #expect(!Fixtures.overlaps(layout.nodes[i].frame, layout.nodes[j].frame))
      }
    }
  }
}
