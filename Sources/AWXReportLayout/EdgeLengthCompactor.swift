/// Horizontal compaction towards dot's x-coordinate objective: minimise Σ ω(e)·|x_u − x_v|
/// over layered edges, ω = 1 real–real, 2 real–virtual, 8 virtual–virtual (dot's Ω), under
/// the in-rank separation constraints.
///
/// First a cheap block coordinate descent from the Brandes–Köpf placement, in exact moves:
/// * a whole rank, the others fixed: an L1 isotonic regression solved by pooling adjacent
///   violators (Dwyer's "merge blocks"), so touching nodes push each other like a rubber band;
/// * a vertical segment, or a connected group, of nodes joined by straight edges, moved as one
///   to the weighted median of its outside neighbours, clamped by its rank neighbours.
/// The descent stalls in local optima (whole sub-drawings would have to move together), so
/// it only warm-starts dot's own method, network simplex on the auxiliary graph
/// (`PositionSimplex`): exact on small graphs, on a coarsened graph for large ones.
/// Every step is checked to not increase the objective, so the result never costs more than
/// the input, and every step keeps every separation.
struct EdgeLengthCompactor {
  let graph: LayeredGraph
  let layers: [[Int]]
  let separation: (_ left: Int, _ right: Int) -> Double
  /// Upper bound on descent rounds (each: rank sweep down, up, segment and group moves).
  var rounds = 12
  /// Stop when a round improves the objective by less than this fraction.
  var tolerance = 0.002
  /// Network simplex work after the descent (see `PositionSimplex`); 0 skips it.
  var workBudget = 12_000_000

  /// Edge weight, dot's Ω: straight long edges matter most.
  @inline(__always)
  static func weight(_ graph: LayeredGraph, _ u: Int, _ v: Int) -> Double {
    switch (graph.isVirtual(u), graph.isVirtual(v)) {
    case (true, true): return 8
    case (false, false): return 1
    default: return 2
    }
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
    for _ in 0..<rounds {
      for r in layers.indices { solver.solve(layers[r], offsets[r], graph, &x) }
      for r in layers.indices.reversed() { solver.solve(layers[r], offsets[r], graph, &x) }
      moveSegments(&x)
      moveGroups(&x)
      let current = cost(x)
      if previous - current <= tolerance * previous { break }
      previous = current
    }
    if workBudget > 0 {
      var exact = x
      PositionSimplex(graph: graph, layers: layers, separation: separation, workBudget: workBudget)
        .improve(&exact)
      // Integer rounding could cost a hair on an input that was already optimal.
      if cost(exact) <= cost(x) { x = exact }
    }
  }

  /// Moves every vertical segment (a path of straight edges) to its best reachable spot.
  private func moveSegments(_ x: inout [Double]) {
    let n = graph.count
    var position = [Int](repeating: 0, count: n)
    for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
    // next[v]: the down neighbour v is straight above (at most one: a rank's x are distinct).
    var next = [Int](repeating: -1, count: n)
    var hasAbove = [Bool](repeating: false, count: n)
    for u in 0..<n {
      for v in graph.down[u] where next[u] < 0 && !hasAbove[v] && abs(x[u] - x[v]) < 1e-7 {
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
        if !points.isEmpty && low <= here + 1e-9 && here <= high + 1e-9 {
          let (a, b) = RankSolver.medianInterval(&points)
          let target = min(max(min(max(here, a), b), low), high)
          if target != here && segmentCost(points, target) < segmentCost(points, here) - 1e-9 {
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
    let n = graph.count
    var sets = DisjointSets(count: n)
    for u in 0..<n {
      for v in graph.down[u] where abs(x[u] - x[v]) < 1e-7 { sets.union(u, v) }
    }
    let root = sets.representatives()
    var size = [Int](repeating: 0, count: n)
    for v in 0..<n { size[root[v]] += 1 }
    var memberStart = [Int](repeating: 0, count: n + 1)
    for v in 0..<n { memberStart[v + 1] = memberStart[v] + size[v] }
    var fill = memberStart
    var members = [Int](repeating: 0, count: n)
    for v in 0..<n {
      let r = root[v]
      members[fill[r]] = v
      fill[r] += 1
    }
    var position = [Int](repeating: 0, count: n)
    for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
    var points: [(Double, Double)] = []
    for r in 0..<n where size[r] > 1 {
      let group = members[memberStart[r]..<memberStart[r + 1]]
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
        if i > 0 && root[layer[i - 1]] != r {
          low = max(low, x[layer[i - 1]] + separation(layer[i - 1], m) - x[m])
        }
        if i + 1 < layer.count && root[layer[i + 1]] != r {
          high = min(high, x[layer[i + 1]] - separation(m, layer[i + 1]) - x[m])
        }
      }
      if points.isEmpty || low > 1e-9 || high < -1e-9 { continue }
      let here = x[group[group.startIndex]]
      let (a, b) = RankSolver.medianInterval(&points)
      let shift = min(max(min(max(here, a), b) - here, low), high)
      if shift != 0 && segmentCost(points, here + shift) < segmentCost(points, here) - 1e-9 {
        for m in group { x[m] += shift }
      }
    }
  }

  private func segmentCost(_ points: [(Double, Double)], _ at: Double) -> Double {
    var total = 0.0
    for (p, w) in points { total += w * abs(p - at) }
    return total
  }
}
