/// Horizontal compaction towards dot's x-coordinate objective: minimise Σ ω(e)·|x_u − x_v|
/// over layered edges, ω = 1 real–real, 2 real–virtual, 8 virtual–virtual (dot's Ω), under
/// the in-rank separation constraints.
///
/// A cheap block coordinate descent from the Brandes–Köpf placement, in exact moves:
/// * a whole rank, the others fixed: an L1 isotonic regression solved by pooling adjacent
///   violators (Dwyer's "merge blocks"), so touching nodes push each other like a rubber band;
/// * a vertical segment, or a connected group, of nodes joined by straight edges, moved as one
///   to the weighted median of its outside neighbours, clamped by its rank neighbours.
/// It stalls in local optima (whole sub-drawings would have to move together): the layout
/// uses the exact `PositionSimplex`, and this descent only where that fails.
/// Every step is checked to not increase the objective, so the result never costs more than
/// the input, and every step keeps every separation.
struct EdgeLengthCompactor {
  let graph: LayeredGraph
  let layers: [[Int]]
  let separation: (_ left: Int, _ right: Int) -> Double
  /// `compactorRounds`: upper bound on descent rounds (each: rank sweep down, up, segment and
  /// group moves); `compactorTolerance`: stop when a round improves the objective by less
  /// than this fraction; and the width's weight, as in `PositionSimplex`.
  let tuning: LayoutTuning
  /// Each node's index in its rank.
  private let position: [Int]

  init(
    graph: LayeredGraph, layers: [[Int]],
    separation: @escaping (_ left: Int, _ right: Int) -> Double,
    tuning: LayoutTuning = LayoutTuning()
  ) {
    self.graph = graph
    self.layers = layers
    self.separation = separation
    self.tuning = tuning
    var position = [Int](repeating: 0, count: graph.count)
    for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
    self.position = position
  }

  /// Edge weight, dot's Ω: straight long edges matter most.
  @inline(__always)
  static func weight(_ graph: LayeredGraph, _ u: Int, _ v: Int) -> Double {
    switch (graph.isVirtual(u), graph.isVirtual(v)) {
    case (true, true): return LayoutTuning.virtualVirtualWeight
    case (false, false): return LayoutTuning.realRealWeight
    default: return LayoutTuning.realVirtualWeight
    }
  }

  /// Two x closer than this are one column; moves must gain more than `epsilon`.
  private static let straight = LayoutTuning.straightTolerance
  private static let epsilon = LayoutTuning.costTolerance

  /// What `PositionSimplex` minimises: `cost` plus the width at its weight.
  func objective(_ x: [Double]) -> Double {
    cost(x) + Double(tuning.widthWeight(nodeCount: graph.count)) * width(x)
  }

  /// From the left side of the leftmost box to the right side of the rightmost.
  func width(_ x: [Double]) -> Double {
    let b = borders(x)
    return b.right > b.left ? b.right - b.left : 0
  }

  /// The outer sides of the boxes at the ends of the ranks, leftmost and rightmost.
  func borders(_ x: [Double]) -> (left: Double, right: Double) {
    var left = Double.infinity
    var right = -Double.infinity
    for layer in layers where !layer.isEmpty {
      let last = layer[layer.count - 1]
      left = min(left, x[layer[0]] - graph.width[layer[0]] / 2)
      right = max(right, x[last] + graph.width[last] / 2)
    }
    return (left, right)
  }

  /// Σ ω(e)·|x_u − x_v| over layered edges.
  func cost(_ x: [Double]) -> Double {
    var total = 0.0
    for u in 0..<graph.count {
      for v in graph.down[u] { total += Self.weight(graph, u, v) * abs(x[u] - x[v]) }
    }
    return total
  }

  func compact(_ x: inout [Double]) {
    if graph.count == 0 { return }
    // Offsets: the tightest packing of each rank, so y = x − offset must be non-decreasing.
    var offsets: [[Double]] = []
    offsets.reserveCapacity(layers.count)
    for layer in layers {
      var o = [Double](repeating: 0, count: layer.count)
      for i in layer.indices.dropFirst() { o[i] = o[i - 1] + separation(layer[i - 1], layer[i]) }
      offsets.append(o)
    }
    var solver = RankSolver()
    var previous = cost(x)
    for _ in 0..<tuning.compactorRounds {
      for r in layers.indices { solver.solve(layers[r], offsets[r], graph, &x) }
      for r in layers.indices.reversed() { solver.solve(layers[r], offsets[r], graph, &x) }
      moveSegments(&x)
      moveGroups(&x)
      let current = cost(x)
      if previous - current <= tuning.compactorTolerance * previous { break }
      previous = current
    }
  }

  /// Moves every vertical segment (a path of straight edges) to its best reachable spot.
  private func moveSegments(_ x: inout [Double]) {
    let n = graph.count
    // next[v]: the down neighbour v is straight above (at most one: a rank's x are distinct).
    var next = [Int](repeating: -1, count: n)
    var hasAbove = [Bool](repeating: false, count: n)
    for u in 0..<n {
      for v in graph.down[u]
      where next[u] < 0 && !hasAbove[v] && abs(x[u] - x[v]) < Self.straight {
        next[u] = v
        hasAbove[v] = true
      }
    }
    var members: [Int] = []
    var points: [(Double, Double)] = []
    var inSegment = [Bool](repeating: false, count: n)
    for layer in layers {
      for top in layer where !hasAbove[top] && next[top] >= 0 {
        members.removeAll(keepingCapacity: true)
        var v = top
        while v >= 0 {
          members.append(v)
          inSegment[v] = true
          v = next[v]
        }
        points.removeAll(keepingCapacity: true)
        var low = -Double.infinity
        var high = Double.infinity
        for m in members {
          for w in graph.up[m] where !inSegment[w] {
            points.append((x[w], Self.weight(graph, m, w)))
          }
          for w in graph.down[m] where !inSegment[w] {
            points.append((x[w], Self.weight(graph, m, w)))
          }
          let layer = layers[graph.rank[m]]
          let i = position[m]
          if i > 0 { low = max(low, x[layer[i - 1]] + separation(layer[i - 1], m)) }
          if i + 1 < layer.count { high = min(high, x[layer[i + 1]] - separation(m, layer[i + 1])) }
        }
        let here = x[top]
        if !points.isEmpty && low <= here + Self.epsilon && here <= high + Self.epsilon {
          let (a, b) = RankSolver.medianInterval(&points)
          let target = min(max(min(max(here, a), b), low), high)
          if target != here
            && segmentCost(points, target) < segmentCost(points, here) - Self.epsilon
          {
            for m in members { x[m] = target }
          }
        }
        for m in members { inSegment[m] = false }
      }
    }
  }

  /// Moves every connected group of straight edges as one, like a network simplex tree
  /// component: to the weighted median of its edges leaving the group, clamped by the nearest
  /// foreign nodes in its ranks.
  private func moveGroups(_ x: inout [Double]) {
    let (root, groups) = straightGroups(x)
    var points: [(Double, Double)] = []
    for r in groups.indices where groups[r].count > 1 {
      let (low, high) = neighbourhood(groups[r], r, root, x, borders: nil, into: &points)
      if points.isEmpty || low > Self.epsilon || high < -Self.epsilon { continue }
      let here = x[groups[r][0]]
      let (a, b) = RankSolver.medianInterval(&points)
      let shift = min(max(min(max(here, a), b) - here, low), high)
      if shift != 0
        && segmentCost(points, here + shift) < segmentCost(points, here) - Self.epsilon
      {
        for m in groups[r] { x[m] += shift }
      }
    }
  }

  /// Centres what an optimum leaves free, as dot's `LR_balance` does after its simplex: every
  /// connected group of straight edges (single nodes included) moves to the middle of the
  /// stretch where its edges to the rest cost least, within its rank neighbours and the
  /// drawing's current borders. An exact optimum puts such groups at one end of that
  /// stretch (a parent right above one child instead of between its two); no move changes
  /// Σ ω·|Δx| or the width.
  func center(_ x: inout [Double]) {
    if graph.count == 0 { return }
    let (root, groups) = straightGroups(x)
    let outer = borders(x)
    var points: [(Double, Double)] = []
    for r in groups.indices where !groups[r].isEmpty {
      let (low, high) = neighbourhood(groups[r], r, root, x, borders: outer, into: &points)
      if points.isEmpty || low > Self.epsilon || high < -Self.epsilon { continue }
      let here = x[groups[r][0]]
      let (a, b) = RankSolver.medianInterval(&points)
      let from = max(a, here + low)
      let to = min(b, here + high)
      if from > to { continue }
      // On the solver's grid, so that centring adds no digits.
      let shift =
        (((from + to) / 2 - here) * PositionSimplex.scale).rounded() / PositionSimplex.scale
      if shift != 0
        && segmentCost(points, here + shift) <= segmentCost(points, here) + Self.epsilon
      {
        for m in groups[r] { x[m] += shift }
      }
    }
  }

  /// The connected groups of nodes joined by straight edges: each node's group
  /// representative, and the members by representative (empty for the others).
  private func straightGroups(_ x: [Double]) -> (root: [Int], groups: [[Int]]) {
    let n = graph.count
    var sets = DisjointSets(count: n)
    for u in 0..<n {
      for v in graph.down[u] where abs(x[u] - x[v]) < Self.straight { sets.union(u, v) }
    }
    let root = sets.representatives()
    var groups = [[Int]](repeating: [], count: n)
    for v in 0..<n { groups[root[v]].append(v) }
    return (root, groups)
  }

  /// What moving `group` (representative `r`) as one depends on: fills `points` with the
  /// positions and weights of its edges to other groups, and returns the shifts its foreign
  /// rank neighbours allow (and, with `borders`, the drawing's borders at the ranks' ends).
  private func neighbourhood(
    _ group: [Int], _ r: Int, _ root: [Int], _ x: [Double],
    borders: (left: Double, right: Double)?, into points: inout [(Double, Double)]
  ) -> (low: Double, high: Double) {
    points.removeAll(keepingCapacity: true)
    var low = -Double.infinity
    var high = Double.infinity
    for m in group {
      for w in graph.up[m] where root[w] != r { points.append((x[w], Self.weight(graph, m, w))) }
      for w in graph.down[m] where root[w] != r {
        points.append((x[w], Self.weight(graph, m, w)))
      }
      let layer = layers[graph.rank[m]]
      let i = position[m]
      if i > 0 {
        if root[layer[i - 1]] != r {
          low = max(low, x[layer[i - 1]] + separation(layer[i - 1], m) - x[m])
        }
      } else if let borders {
        low = max(low, borders.left + graph.width[m] / 2 - x[m])
      }
      if i + 1 < layer.count {
        if root[layer[i + 1]] != r {
          high = min(high, x[layer[i + 1]] - separation(m, layer[i + 1]) - x[m])
        }
      } else if let borders {
        high = min(high, borders.right - graph.width[m] / 2 - x[m])
      }
    }
    return (low, high)
  }

  private func segmentCost(_ points: [(Double, Double)], _ at: Double) -> Double {
    var total = 0.0
    for (p, w) in points { total += w * abs(p - at) }
    return total
  }
}
