import Testing

@testable import AWXReportLayout

/// x coordinates on random DAGs: never a broken separation; the descent never raises
/// Σ ω·|Δx|, and the exact simplex scores no worse than any other placement on Σ ω·|Δx| plus
/// the weighted width.
struct EdgeLengthCompactorTests {
  static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34]

  /// The layout pipeline up to Brandes–Köpf.
  struct Setup {
    var graph: LayeredGraph
    var layers: [[Int]]
    var separation: Separation
    var start: [Double]
  }

  static func setup(seed: UInt64, nodes: Int, edges: Int, clusters: Bool = false) -> Setup {
    let input = Fixtures.randomDAG(seed: seed, nodes: nodes, edges: edges, clusters: clusters)
    let n = input.nodes.count
    let tree = ClusterTree(input.clusters)
    let reversed = CycleBreaker.reversedEdges(nodeCount: n, edges: input.edges)
    var dag: [(tail: Int, head: Int)] = []
    for (i, e) in input.edges.enumerated() where e.tail != e.head {
      dag.append(reversed[i] ? (e.head, e.tail) : (e.tail, e.head))
    }
    let ranks = NetworkSimplexRanker.ranks(nodeCount: n, edges: dag)
    let graph = LayeredGraph(
      sizes: input.nodes.map { ($0.width, $0.height) },
      nodeClusters: input.nodes.map { $0.cluster ?? -1 }, edges: input.edges,
      reversed: reversed, ranks: ranks, clusters: tree)
    let layers = CrossingReducer.order(graph, clusters: tree)
    let separation = Separation(graph: graph, clusters: tree, options: LayoutOptions())
    let start = BrandesKoepf(graph: graph, layers: layers, separation: separation.distance)
      .positions()
    return Setup(graph: graph, layers: layers, separation: separation, start: start)
  }

  static func separationHolds(_ s: Setup, _ x: [Double]) -> Bool {
    for layer in s.layers where layer.count > 1 {
      for i in 1..<layer.count {
        let a = layer[i - 1]
        let b = layer[i]
        if x[b] - x[a] < s.separation.distance(a, b) - 1e-6 { return false }
      }
    }
    return true
  }

  @Test(arguments: seeds)
  func descentKeepsSeparationAndNeverCostsMore(seed: UInt64) {
    for (nodes, edges, clusters) in [(40, 60, false), (120, 180, false), (90, 130, true)] {
      let s = Self.setup(seed: seed, nodes: nodes, edges: edges, clusters: clusters)
      let compactor = EdgeLengthCompactor(
        graph: s.graph, layers: s.layers, separation: s.separation.distance)
      var x = s.start
      compactor.compact(&x)
      #expect(Self.separationHolds(s, x))
      #expect(compactor.cost(x) <= compactor.cost(s.start) + 1e-6)
    }
  }

  @Test(arguments: seeds)
  func simplexBeatsTheDescentAndBrandesKoepf(seed: UInt64) {
    // The simplex is exact: no placement that keeps the separations scores lower.
    for (nodes, edges, clusters) in [(60, 90, false), (90, 130, true)] {
      let s = Self.setup(seed: seed, nodes: nodes, edges: edges, clusters: clusters)
      let descent = EdgeLengthCompactor(
        graph: s.graph, layers: s.layers, separation: s.separation.distance)
      var local = s.start
      descent.compact(&local)
      let exact = PositionSimplex(
        graph: s.graph, layers: s.layers, separation: s.separation.distance
      ).solve()
      #expect(exact != nil)
      guard let exact else { continue }
      #expect(Self.separationHolds(s, exact))
      // The fixtures' separations are multiples of the solver's 0.1 pt: no rounding loss.
      let slack = 1e-9 * descent.objective(local)
      #expect(descent.objective(exact) <= descent.objective(local) + slack)
      #expect(descent.objective(exact) <= descent.objective(s.start) + slack)
    }
  }

  @Test func straightensAChainAndKeepsAForkTight() {
    // 0 → 1 → 2 and 0 → 3: the optimum puts 2 straight under 1 and 0 between 1 and 3.
    var graph = LayoutGraph(nodes: (0..<4).map { _ in LayoutNode(width: 50, height: 20) })
    graph.edges = [
      LayoutEdge(tail: 0, head: 1), LayoutEdge(tail: 1, head: 2), LayoutEdge(tail: 0, head: 3),
    ]
    let layout = LayeredLayout.layout(graph)
    let x = layout.nodes.map(\.x)
    #expect(abs(x[1] - x[2]) < 1e-6)
    // 1 and 3 share a rank, packed tight; 0 anywhere between them costs the same minimum.
    #expect(abs(abs(x[1] - x[3]) - 71.6) < 0.1)
    #expect(abs(abs(x[0] - x[1]) + abs(x[0] - x[3]) - abs(x[1] - x[3])) < 1e-6)
  }

  @Test func rankSolverMedianInterval() {
    var points: [(Double, Double)] = [(3, 1), (1, 1), (10, 1), (5, 1)]
    let (a, b) = RankSolver.medianInterval(&points)
    #expect(a == 3 && b == 5)
    var weighted: [(Double, Double)] = [(0, 8), (100, 1), (50, 2)]
    let (c, d) = RankSolver.medianInterval(&weighted)
    #expect(c == 0 && d == 0)
  }
}
