/// Optimal solutions of dot's x-coordinate LP on its auxiliary graph,
///
///     minimise Σ ω_a·(x[head_a] − x[tail_a])  subject to  x[head_a] − x[tail_a] ≥ δ_a,
///
/// by a primal network simplex on the LP dual, after LEMON's `NetworkSimplex` (P. Kovács,
/// "Minimum-cost flow algorithms: an experimental evaluation", 2015).
///
/// The dual is the min-cost flow problem  minimise Σ (−δ_a)·f_a  over f ≥ 0 with supply
/// b_v = Σ_{a out of v} ω_a − Σ_{a into v} ω_a at every node v. Node potentials π make every
/// reduced cost −δ_a + π[tail_a] − π[head_a] ≥ 0 at the optimum, and zero wherever f_a > 0, so
/// x = −π satisfies every constraint and is tight on every arc carrying flow: it is optimal by
/// complementary slackness. An infeasible LP (a cycle of positive total `minLength`) shows up
/// as a negative-cost cycle with no blocking arc. With ω ≥ 0 the LP is never unbounded.
///
/// Two things make it fast on auxiliary graphs:
/// - The "pull" nodes (no arc in, two arcs out, one per layered edge: half the nodes) are
///   eliminated. A node p with arcs p → u (δ₁, ω₁) and p → v (δ₂, ω₂) sends f₁ + f₂ = ω₁ + ω₂,
///   which is a single arc v → u of capacity ω₁ + ω₂ and cost δ₂ − δ₁ carrying f₁ (v receives
///   all of p's flow and passes f₁ on); afterwards x[p] = min(x[u] − δ₁, x[v] − δ₂).
/// - The start is the feasible flow f = ω itself, not a big-M artificial basis: see `FlowTreeSimplex`.
///
/// The basis is a spanning tree rooted at an artificial node, kept in LEMON's arrays: parent,
/// pred (tree arc to the parent) and its direction, the preorder `thread` and its reverse,
/// subtree sizes and last successors. The entering arc comes from a cyclic block search
/// (blocks of about √arcs), the leaving arc from the ratio test along the cycle through the
/// join (found by climbing by subtree size), with LEMON's tie-breaking that keeps the tree
/// strongly feasible (no cycling). Each pivot touches only the cycle, the stem between the
/// entering and the leaving arc, and the potentials of one side of the new tree arc.
///
/// Integers only, no recursion (trees can be tens of thousands of nodes deep), and the result
/// depends on nothing but the input.
enum MinCostFlowSimplex {
  /// Optimal x for the LP above, normalised so that x[0] = 0; nil if the LP is infeasible (a
  /// cycle of positive total `minLength`), the graph is not connected, or the input is out of
  /// range: an endpoint outside `0..<nodeCount`, a negative weight, or magnitudes beyond what
  /// 64-bit arithmetic can carry (|minLength|·nodeCount or Σ weight ≥ 2^57).
  static func solve(
    nodeCount: Int, edges: [(tail: Int, head: Int, minLength: Int, weight: Int)]
  ) -> [Int]? {
    solveCountingPivots(nodeCount: nodeCount, edges: edges)?.x
  }

  /// `solve`, also reporting the number of simplex pivots (for benchmarks).
  static func solveCountingPivots(
    nodeCount n: Int, edges: [(tail: Int, head: Int, minLength: Int, weight: Int)]
  ) -> (x: [Int], pivots: Int)? {
    if n <= 0 { return edges.isEmpty ? ([], 0) : nil }
    var sets = DisjointSets(count: n)
    var components = n
    var maxLength = 0
    var totalWeight = 0
    // Flows stay below Σω < 2^57, and reduced costs and differences of potentials below
    // n·2·max|δ| < 2^58, so the wrapping arithmetic of the pivots is exact where it matters
    // (see `FlowTreeSimplex.infinite`).
    let limit = LayoutTuning.flowLimit
    var inDegree = [Int](repeating: 0, count: n)
    var outDegree = [Int](repeating: 0, count: n)
    var firstOut = [Int](repeating: -1, count: n)
    var secondOut = [Int](repeating: -1, count: n)
    for (a, e) in edges.enumerated() {
      guard e.tail >= 0, e.tail < n, e.head >= 0, e.head < n, e.weight >= 0, e.weight < limit
      else { return nil }
      inDegree[e.head] += 1
      if e.tail == e.head {
        if e.minLength > 0 { return nil }  // x − x ≥ δ > 0
        continue
      }
      guard e.minLength > -limit, e.minLength < limit else { return nil }
      maxLength = max(maxLength, abs(e.minLength))
      totalWeight += e.weight
      guard totalWeight < limit else { return nil }
      if sets.union(e.tail, e.head) { components -= 1 }
      outDegree[e.tail] += 1
      if firstOut[e.tail] < 0 { firstOut[e.tail] = a } else { secondOut[e.tail] = a }
    }
    if components > 1 { return nil }
    let (bound, overflow) = (2 * maxLength + 1).multipliedReportingOverflow(by: n + 1)
    guard !overflow, bound < 2 * limit else { return nil }

    // Pull nodes to eliminate, and the numbering of the others.
    var index = [Int](repeating: -1, count: n)
    var kept = 0
    for p in 0..<n {
      let pull =
        inDegree[p] == 0 && outDegree[p] == 2 && edges[firstOut[p]].head != edges[secondOut[p]].head
      if !pull {
        index[p] = kept
        kept += 1
      }
    }
    var arcs: [Arc] = []
    arcs.reserveCapacity(edges.count)
    for e in edges where e.tail != e.head && index[e.tail] >= 0 {
      arcs.append(
        Arc(
          source: index[e.tail], target: index[e.head], cost: -e.minLength,
          capacity: FlowTreeSimplex.infinite, flow: e.weight))
    }
    for p in 0..<n where index[p] < 0 {
      let a1 = edges[firstOut[p]]
      let a2 = edges[secondOut[p]]
      let capacity = a1.weight + a2.weight
      if capacity == 0 { continue }  // x[p] is free below both ends: no constraint on them
      arcs.append(
        Arc(
          source: index[a2.head], target: index[a1.head], cost: a2.minLength - a1.minLength,
          capacity: capacity, flow: a1.weight))
    }

    var solver = FlowTreeSimplex(nodeCount: kept, arcs: arcs)
    guard solver.run() else { return nil }
    // Potentials are exact modulo 2^64 (the pivots use wrapping arithmetic, and shifting the
    // side holding the root drifts them all); their differences are small and exact.
    let base = solver.potential(0)
    var x = [Int](repeating: 0, count: n)
    for v in 0..<n where index[v] >= 0 { x[v] = base &- solver.potential(index[v]) }
    for p in 0..<n where index[p] < 0 {
      let a1 = edges[firstOut[p]]
      let a2 = edges[secondOut[p]]
      x[p] = min(x[a1.head] - a1.minLength, x[a2.head] - a2.minLength)
    }
    let x0 = x[0]
    for v in 0..<n { x[v] -= x0 }
    return (x, solver.pivots)
  }

  /// An arc of the flow problem: `flow` is the starting flow, within `0...capacity`.
  struct Arc {
    var source: Int
    var target: Int
    var cost: Int
    var capacity: Int
    var flow: Int
  }
}
