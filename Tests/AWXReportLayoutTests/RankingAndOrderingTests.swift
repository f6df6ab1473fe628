import Testing

@testable import AWXReportLayout

/// Rank balancing (dot's `TB_balance`) and the crossing reducer's restarts.
struct RankingAndOrderingTests {
  static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13]

  static func dag(seed: UInt64, nodes: Int, edges: Int) -> [(tail: Int, head: Int)] {
    let graph = Fixtures.randomDAG(seed: seed, nodes: nodes, edges: edges)
    return graph.edges.filter { $0.tail != $0.head }.map { ($0.tail, $0.head) }
  }

  static func totalLength(_ ranks: [Int], _ edges: [(tail: Int, head: Int)]) -> Int {
    edges.reduce(0) { $0 + ranks[$1.head] - ranks[$1.tail] }
  }

  /// A fan-out of six one-in-one-out jobs beside a four-step chain: the jobs may take any of
  /// three ranks at no cost, and balancing spreads them instead of stacking them in one.
  @Test func balanceSpreadsAFanOutOverItsSlack() {
    // 0 → 1...6 → 7, and 0 → 8 → 9 → 10 → 7.
    var edges: [(tail: Int, head: Int)] = []
    for v in 1...6 {
      edges.append((0, v))
      edges.append((v, 7))
    }
    edges += [(0, 8), (8, 9), (9, 10), (10, 7)]
    let plain = NetworkSimplexRanker.ranks(nodeCount: 11, edges: edges, balanced: false)
    let balanced = NetworkSimplexRanker.ranks(nodeCount: 11, edges: edges)
    #expect(Set((1...6).map { plain[$0] }).count == 1)
    #expect(Set((1...6).map { balanced[$0] }).count == 3)
    #expect(Self.totalLength(balanced, edges) == Self.totalLength(plain, edges))
    #expect(balanced[7] == 4)
  }

  /// On random DAGs balancing keeps every edge pointing down and the total length optimal,
  /// and never makes the most crowded rank more crowded.
  @Test(arguments: seeds)
  func balanceKeepsLengthAndNeverCrowdsMore(seed: UInt64) {
    let n = 150
    let edges = Self.dag(seed: seed, nodes: n, edges: 210)
    let plain = NetworkSimplexRanker.ranks(nodeCount: n, edges: edges, balanced: false)
    let balanced = NetworkSimplexRanker.ranks(nodeCount: n, edges: edges)
    #expect(edges.allSatisfy { balanced[$0.head] - balanced[$0.tail] >= 1 })
    #expect(Self.totalLength(balanced, edges) == Self.totalLength(plain, edges))
    func widest(_ r: [Int]) -> Int {
      var count: [Int: Int] = [:]
      for x in r { count[x, default: 0] += 1 }
      return count.values.max() ?? 0
    }
    #expect(widest(balanced) <= widest(plain))
  }

  /// Restarts from shuffled ranks keep the best run, so they never end with more crossings
  /// than the single run, and they are seeded: the same input gives the same order.
  @Test(arguments: seeds)
  func restartsNeverCrossMoreAndAreDeterministic(seed: UInt64) {
    let input = Fixtures.randomDAG(seed: seed, nodes: 60, edges: 110)
    let n = input.nodes.count
    let tree = ClusterTree(input.clusters)
    let reversed = CycleBreaker.reversedEdges(nodeCount: n, edges: input.edges)
    let dag = Self.dag(seed: seed, nodes: 60, edges: 110)
    let graph = LayeredGraph(
      sizes: input.nodes.map { ($0.width, $0.height) },
      nodeClusters: input.nodes.map { _ in -1 }, edges: input.edges, reversed: reversed,
      ranks: NetworkSimplexRanker.ranks(nodeCount: n, edges: dag), clusters: tree)
    var noRestarts = LayoutTuning()
    noRestarts.restarts = 0
    let single = CrossingReducer.order(graph, clusters: tree, tuning: noRestarts)
    let restarted = CrossingReducer.order(graph, clusters: tree)
    #expect(
      CrossingReducer.crossings(graph, restarted) <= CrossingReducer.crossings(graph, single))
    #expect(CrossingReducer.order(graph, clusters: tree) == restarted)
    // Every node is placed exactly once, in its own rank.
    #expect(restarted.flatMap { $0 }.sorted() == Array(0..<graph.count))
    for (r, layer) in restarted.enumerated() { #expect(layer.allSatisfy { graph.rank[$0] == r }) }
  }

  /// A graph large enough for the two starts to run on two cores orders exactly as the
  /// plain sequence does.
  @Test func parallelStartsMatchTheSequence() {
    let input = Fixtures.randomDAG(seed: 77, nodes: 1200, edges: 2400)
    let n = input.nodes.count
    let tree = ClusterTree(input.clusters)
    let dag = input.edges.filter { $0.tail != $0.head }.map { (tail: $0.tail, head: $0.head) }
    let graph = LayeredGraph(
      sizes: input.nodes.map { ($0.width, $0.height) },
      nodeClusters: input.nodes.map { _ in -1 }, edges: input.edges,
      reversed: input.edges.map { _ in false },
      ranks: NetworkSimplexRanker.ranks(nodeCount: n, edges: dag), clusters: tree)
    #expect(graph.count > 2_000)
    let parallel = CrossingReducer.order(graph, clusters: tree)
    var sequential = LayoutTuning()
    sequential.parallelStarts = false
    #expect(parallel == CrossingReducer.order(graph, clusters: tree, tuning: sequential))
  }
}
