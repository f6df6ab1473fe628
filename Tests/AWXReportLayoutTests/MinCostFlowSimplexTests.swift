import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportLayout

/// The primal network simplex for the x-coordinate LP: feasible and as good as the (slow but
/// exact) dual network simplex on random auxiliary-like graphs, the corner cases of the
/// input, and the auxiliary graph of a real layout (the 200-node bench workflow).
struct MinCostFlowSimplexTests {
  typealias Arc = (tail: Int, head: Int, minLength: Int, weight: Int)

  /// An LP instance with a feasible starting point (what `NetworkSimplexRanker.improve` needs).
  struct Instance {
    var nodeCount: Int
    var edges: [Arc]
    var initial: [Int]
  }

  static func objective(_ x: [Int], _ edges: [Arc]) -> Int {
    edges.reduce(0) { $0 + $1.weight * (x[$1.head] - x[$1.tail]) }
  }

  static func satisfied(_ x: [Int], _ edges: [Arc]) -> Bool {
    edges.allSatisfy { x[$0.head] - x[$0.tail] >= $0.minLength }
  }

  /// Ties every connected component to node 0 by a pair of free arcs pinning it where
  /// `initial` puts it, as `PositionSimplex` does.
  static func anchor(_ instance: inout Instance) {
    var sets = DisjointSets(count: instance.nodeCount)
    for e in instance.edges { sets.union(e.tail, e.head) }
    for k in 1..<instance.nodeCount where sets.find(k) == k {
      let d = instance.initial[k] - instance.initial[0]
      instance.edges.append((0, k, d, 0))
      instance.edges.append((k, 0, -d, 0))
    }
  }

  /// Like an auxiliary graph: node 0 an anchor, ranks of nodes with separations between
  /// neighbours, and a pull node per edge between adjacent ranks (two arcs of weight ω). Some
  /// pulls get unequal lengths or weights (0 included), and a few extra arcs of any length
  /// and weight are thrown in, all satisfied by `initial`.
  static func auxiliaryLike(seed: UInt64, size: Int) -> Instance {
    var rng = SplitMix64(seed: seed)
    var initial = [0]
    var ranks: [[Int]] = []
    var remaining = max(1, size)
    while remaining > 0 {
      let count = min(remaining, Int.random(in: 1...8, using: &rng))
      remaining -= count
      var rank: [Int] = []
      var x = Int.random(in: -30...30, using: &rng)
      for _ in 0..<count {
        rank.append(initial.count)
        initial.append(x)
        x += Int.random(in: 5...40, using: &rng)
      }
      ranks.append(rank)
    }
    var edges: [Arc] = []
    for rank in ranks where rank.count > 1 {
      for i in 1..<rank.count {
        let (a, b) = (rank[i - 1], rank[i])
        edges.append((a, b, initial[b] - initial[a] - Int.random(in: 0...4, using: &rng), 0))
      }
    }
    if ranks.count > 1 {
      for _ in 0..<(size + size / 2) {
        let r = Int.random(in: 0..<(ranks.count - 1), using: &rng)
        let u = ranks[r].randomElement(using: &rng)!
        let v = ranks[r + 1].randomElement(using: &rng)!
        let p = initial.count
        var w1 = Int.random(in: 1...8, using: &rng)
        var w2 = w1
        var d1 = 0
        var d2 = 0
        if Int.random(in: 0..<5, using: &rng) == 0 {
          w1 = Int.random(in: 0...5, using: &rng)
          w2 = Int.random(in: 0...5, using: &rng)
          d1 = Int.random(in: -3...6, using: &rng)
          d2 = Int.random(in: -3...6, using: &rng)
        }
        initial.append(min(initial[u] - d1, initial[v] - d2) - Int.random(in: 0...3, using: &rng))
        edges.append((p, u, d1, w1))
        edges.append((p, v, d2, w2))
      }
    }
    let realCount = size + 1
    for _ in 0..<(size / 10) {
      let a = Int.random(in: 0..<realCount, using: &rng)
      let b = Int.random(in: 0..<realCount, using: &rng)
      let length = initial[b] - initial[a] - Int.random(in: 0...20, using: &rng)
      edges.append((a, b, length, Int.random(in: 0...3, using: &rng)))
    }
    var instance = Instance(nodeCount: initial.count, edges: edges, initial: initial)
    anchor(&instance)
    return instance
  }

  /// A general sparse constraint graph over random values, lengths of any sign (so with
  /// cycles of non-positive length), weights 0...5.
  static func general(seed: UInt64, size: Int) -> Instance {
    var rng = SplitMix64(seed: seed)
    let initial = (0..<size).map { _ in Int.random(in: -100...100, using: &rng) }
    var edges: [Arc] = []
    if size > 1 {
      for _ in 0..<(2 * size) {
        let a = Int.random(in: 0..<size, using: &rng)
        let b = Int.random(in: 0..<size, using: &rng)
        let length = initial[b] - initial[a] - Int.random(in: 0...10, using: &rng)
        edges.append((a, b, length, Int.random(in: 0...5, using: &rng)))
      }
    }
    var instance = Instance(nodeCount: size, edges: edges, initial: initial)
    anchor(&instance)
    return instance
  }

  /// Checks the new solver against the old one on `instance`: feasible, same objective.
  static func check(_ instance: Instance) {
    let solved = MinCostFlowSimplex.solve(nodeCount: instance.nodeCount, edges: instance.edges)
    guard let x = solved else {
      Issue.record("no solution for a feasible instance of \(instance.nodeCount) nodes")
      return
    }
    #expect(x.count == instance.nodeCount)
    #expect(x[0] == 0)
    #expect(satisfied(x, instance.edges))
    // The old solver without the self loops (they cost nothing but throw its cut values off).
    let reference = NetworkSimplexRanker.improve(
      nodeCount: instance.nodeCount, edges: instance.edges.filter { $0.tail != $0.head },
      initial: instance.initial, maxPivots: Int.max)
    #expect(satisfied(reference, instance.edges))
    #expect(objective(x, instance.edges) == objective(reference, instance.edges))
  }

  @Test(arguments: Array(UInt64(1)...40))
  func auxiliaryLikeMatchesDualSimplex(seed: UInt64) {
    for size in [1, 2, 5, 20, Int(seed % 7) * 40 + 60] {
      Self.check(Self.auxiliaryLike(seed: seed &* 1000 &+ UInt64(size), size: size))
    }
  }

  @Test(arguments: Array(UInt64(1)...25))
  func generalMatchesDualSimplex(seed: UInt64) {
    for size in [2, 3, 10, 50, 200] {
      Self.check(Self.general(seed: seed &* 1000 &+ UInt64(size), size: size))
    }
  }

  @Test func sameInputSameOutput() {
    let instance = Self.auxiliaryLike(seed: 99, size: 300)
    let a = MinCostFlowSimplex.solve(nodeCount: instance.nodeCount, edges: instance.edges)
    let b = MinCostFlowSimplex.solve(nodeCount: instance.nodeCount, edges: instance.edges)
    #expect(a != nil)
    #expect(a == b)
  }

  @Test func emptyAndSingleNode() {
    #expect(MinCostFlowSimplex.solve(nodeCount: 0, edges: []) == [])
    #expect(MinCostFlowSimplex.solve(nodeCount: 1, edges: []) == [0])
    // A harmless self loop.
    #expect(MinCostFlowSimplex.solve(nodeCount: 1, edges: [(0, 0, -3, 2)]) == [0])
  }

  @Test func twoNodes() {
    #expect(MinCostFlowSimplex.solve(nodeCount: 2, edges: [(0, 1, 5, 3)]) == [0, 5])
    #expect(MinCostFlowSimplex.solve(nodeCount: 2, edges: [(1, 0, 5, 3)]) == [0, -5])
    // 2 ≤ x1 − x0 ≤ 7, pulled together or pushed apart.
    #expect(
      MinCostFlowSimplex.solve(nodeCount: 2, edges: [(0, 1, 2, 1), (1, 0, -7, 0)]) == [0, 2])
    #expect(
      MinCostFlowSimplex.solve(nodeCount: 2, edges: [(0, 1, 2, 0), (1, 0, -7, 1)]) == [0, 7])
  }

  @Test func zeroWeightArc() {
    let x = MinCostFlowSimplex.solve(nodeCount: 2, edges: [(0, 1, 3, 0)])
    #expect(x != nil && x![1] >= 3)
  }

  @Test func parallelArcs() {
    let edges: [Arc] = [(0, 1, 2, 1), (0, 1, 5, 2), (0, 1, -1, 4)]
    let x = MinCostFlowSimplex.solve(nodeCount: 2, edges: edges)
    #expect(x == [0, 5])
  }

  @Test func negativeMinLength() {
    // x1 − x0 ≥ −4 and x0 − x1 ≥ 1: x1 − x0 ∈ [−4, −1], pulled to −4.
    let x = MinCostFlowSimplex.solve(nodeCount: 2, edges: [(0, 1, -4, 1), (1, 0, 1, 0)])
    #expect(x == [0, -4])
  }

  @Test func pullNodes() {
    // Node 3 pulls 1 and 2 (ranks below 0) towards each other; 1 and 2 are separated.
    let edges: [Arc] = [(1, 2, 10, 0), (3, 1, 0, 2), (3, 2, 0, 2), (0, 1, 0, 1), (0, 2, 0, 1)]
    let x = MinCostFlowSimplex.solve(nodeCount: 4, edges: edges)
    #expect(x != nil)
    if let x {
      #expect(Self.satisfied(x, edges))
      #expect(Self.objective(x, edges) == 30)
      #expect(x[3] == min(x[1], x[2]))
    }
    // Weightless pulls, the only link between two parts, and a node pulling twice to one.
    let loose: [Arc] = [(2, 0, 1, 0), (2, 1, 4, 0), (3, 1, 0, 1), (3, 1, 2, 1), (1, 0, -9, 0)]
    let y = MinCostFlowSimplex.solve(nodeCount: 4, edges: loose)
    #expect(y != nil && Self.satisfied(y!, loose))
  }

  @Test func infeasibleOrInvalid() {
    // A cycle of positive total length.
    let cycle: [Arc] = [(0, 1, 1, 1), (1, 2, 1, 0), (2, 0, -1, 2)]
    #expect(MinCostFlowSimplex.solve(nodeCount: 3, edges: cycle) == nil)
    // The same through pull-like nodes and a zero-weight arc.
    let hidden: [Arc] = [(0, 1, 3, 0), (1, 0, -2, 0), (2, 0, 0, 1), (2, 1, 0, 1)]
    #expect(MinCostFlowSimplex.solve(nodeCount: 3, edges: hidden) == nil)
    #expect(MinCostFlowSimplex.solve(nodeCount: 1, edges: [(0, 0, 1, 0)]) == nil)
    // Not connected, out of range, negative weight.
    #expect(MinCostFlowSimplex.solve(nodeCount: 3, edges: [(0, 1, 1, 1)]) == nil)
    #expect(MinCostFlowSimplex.solve(nodeCount: 2, edges: [(0, 2, 1, 1)]) == nil)
    #expect(MinCostFlowSimplex.solve(nodeCount: 2, edges: [(0, 1, 1, -1)]) == nil)
  }

  // MARK: - A real auxiliary graph

  /// `Fixtures/<name>`: dot's auxiliary graph of the 200-node bench workflow as the layout
  /// built it (`nodeCount edgeCount`, the edges `tail head minLength weight`, a feasible x).
  static func load(_ name: String) -> Instance? {
    let path = fixtureURL(name).path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    guard numbers.count >= 2 else { return nil }
    let (n, m) = (numbers[0], numbers[1])
    guard numbers.count == 2 + 4 * m + n else { return nil }
    let edges: [Arc] = (0..<m).map { i in
      (numbers[2 + 4 * i], numbers[3 + 4 * i], numbers[4 + 4 * i], numbers[5 + 4 * i])
    }
    return Instance(nodeCount: n, edges: edges, initial: Array(numbers[(2 + 4 * m)...]))
  }

  @Test func benchWorkflowMatchesDualSimplex() throws {
    let instance = try #require(Self.load("auxiliary-wf200.txt"))
    #expect(instance.nodeCount == 1550)
    #expect(Self.satisfied(instance.initial, instance.edges))
    Self.check(instance)
  }
}
