/// Horizontal compaction towards dot's x-coordinate objective: minimise Σ ω(e)·|x_u − x_v|
/// over layered edges, ω = 1 real–real, 2 real–virtual, 8 virtual–virtual (dot's Ω), under
/// the in-rank separation constraints.
///
/// dot solves this LP by network simplex, which is far too slow beyond a few thousand nodes.
/// This is block coordinate descent on the same objective, in two kinds of exact moves:
/// * a whole rank, the others fixed: an L1 isotonic regression solved by pooling adjacent
///   violators (Dwyer's "merge blocks"), so touching nodes push each other like a rubber band;
/// * a vertical segment (nodes joined by already-straight edges, one per rank), moved as one
///   to the weighted median of its outside neighbours, clamped by its rank neighbours.
/// Every move is checked to not increase the objective, so the result never costs more than
/// the input, and every move keeps every separation.
struct EdgeLengthCompactor {
  let graph: LayeredGraph
  let layers: [[Int]]
  let separation: (_ left: Int, _ right: Int) -> Double
  /// Upper bound on descent rounds (each: rank sweep down, up, then segment moves).
  var rounds = 12
  /// Stop when a round improves the objective by less than this fraction.
  var tolerance = 0.002

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
      let current = cost(x)
      if previous - current <= tolerance * previous { break }
      previous = current
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

  private func segmentCost(_ points: [(Double, Double)], _ at: Double) -> Double {
    var total = 0.0
    for (p, w) in points { total += w * abs(p - at) }
    return total
  }
}
