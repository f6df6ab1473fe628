/// dot's x-coordinate pass: network simplex on its auxiliary graph, warm-started.
///
/// The auxiliary graph has a node per layered edge pulling both ends (weight ω) and an edge
/// of length `separation` between rank neighbours; its optimum minimises Σ ω·|Δx|. Started
/// from an already good placement the simplex needs few pivots, but a pivot costs time
/// linear in the tree and the pivots grow with it (dot: 80 s at 5,000 nodes). So small
/// graphs get the exact optimum; large ones a coarse problem in which long edges already
/// straight move as one block with their ends (a few times smaller), and every
/// run is capped by a work budget (every pivot is an improvement, so stopping early is safe).
struct PositionSimplex {
  let graph: LayeredGraph
  let layers: [[Int]]
  let separation: (_ left: Int, _ right: Int) -> Double
  /// Pivots × auxiliary nodes allowed (each pivot walks a part of the tree).
  var workBudget = 12_000_000
  /// Largest auxiliary graph solved exactly (≈ 1,500 input nodes); larger ones are solved
  /// with the nodes joined by straight edges to a virtual node contracted.
  var exactLimit = 12_000
  /// Coordinates are solved in units of 1/scale pt.
  static let scale = 10.0

  /// Improves `x`; returns whether the coarse (contracted) problem was solved.
  @discardableResult
  func improve(_ x: inout [Double]) -> Bool {
    let rankCount = layers.count
    if rankCount == 0 { return false }
    // Integer coordinates, each rank re-packed where rounding broke a separation.
    var value = [Int](repeating: 0, count: graph.count)
    var gap: [[Int]] = []
    gap.reserveCapacity(rankCount)
    for layer in layers {
      var gaps = [Int](repeating: 0, count: layer.count)
      for (i, v) in layer.enumerated() {
        value[v] = Int((x[v] * Self.scale).rounded())
        if i > 0 {
          gaps[i] = Int((separation(layer[i - 1], v) * Self.scale - 1e-6).rounded(.up))
          value[v] = max(value[v], value[layer[i - 1]] + gaps[i])
        }
      }
      gap.append(gaps)
    }
    // The exact problem where it is small enough to converge; beyond, the coarse one, which
    // converges in a fraction of the time and keeps most of the gain.
    let auxiliary = graph.count + graph.down.items.count
    let contract = auxiliary > exactLimit
    solve(&value, gap, contract: contract)
    for v in 0..<graph.count { x[v] = Double(value[v]) / Self.scale }
    return contract
  }

  /// Solves the auxiliary graph over `value`. With `contract`, nodes joined by straight
  /// edges move as one (a coarser, much smaller problem); node 0 is an anchor pinning each
  /// connected component where it is (the optimum is free to translate).
  private func solve(_ value: inout [Int], _ gap: [[Int]], contract: Bool) {
    let n = graph.count
    var groups = DisjointSets(count: n)
    if contract {
      for u in 0..<n {
        // Straight edges between two real nodes stay free: contracting them too makes the
        // coarse problem much stiffer for little speed.
        for v in graph.down[u]
        where value[u] == value[v] && (graph.isVirtual(u) || graph.isVirtual(v)) {
          groups.union(u, v)
        }
      }
    }
    // Auxiliary index of each group: 1...
    var index = [Int](repeating: 0, count: n)
    var initial = [0]
    let group = groups.representatives()
    for v in 0..<n where group[v] == v {
      index[v] = initial.count
      initial.append(value[v])
    }
    for v in 0..<n { index[v] = index[group[v]] }
    var edges: [(tail: Int, head: Int, minLength: Int, weight: Int)] = []
    for (r, layer) in layers.enumerated() {
      for i in layer.indices.dropFirst() {
        edges.append((index[layer[i - 1]], index[layer[i]], gap[r][i], 0))
      }
    }
    // One pulling node per pair of groups, weights summed over parallel edges.
    var pull: [Int: Int] = [:]
    var pairs: [(Int, Int)] = []
    var weights: [Int] = []
    for u in 0..<n {
      for v in graph.down[u] where index[u] != index[v] {
        let a = min(index[u], index[v])
        let b = max(index[u], index[v])
        let key = a &* initial.count &+ b
        let w = Int(EdgeLengthCompactor.weight(graph, u, v))
        if let k = pull[key] {
          weights[k] += w
        } else {
          pull[key] = pairs.count
          pairs.append((a, b))
          weights.append(w)
        }
      }
    }
    for (k, (a, b)) in pairs.enumerated() {
      let node = initial.count
      initial.append(min(initial[a], initial[b]))
      edges.append((node, a, 0, weights[k]))
      edges.append((node, b, 0, weights[k]))
    }
    var sets = DisjointSets(count: initial.count)
    for e in edges { sets.union(e.tail, e.head) }
    for k in 1..<initial.count where sets.find(k) == k {
      edges.append((0, k, initial[k], 0))
      edges.append((k, 0, -initial[k], 0))
    }
    let budget = max(1, workBudget / max(1, initial.count))
    let result = NetworkSimplexRanker.improve(
      nodeCount: initial.count, edges: edges, initial: initial, maxPivots: budget)
    let anchor = result[0]
    for v in 0..<n { value[v] = result[index[v]] - anchor }
  }
}
