/// Places one rank optimally for Σ ω·|x_v − x_w| over its edges, the other ranks fixed,
/// subject to `x[i] − x[i−1] ≥ separation`.
///
/// With `y_i = x_i − offset_i` (offset: the rank packed tight) the constraints become
/// `y` non-decreasing, and the problem an L1 isotonic regression: pool adjacent violators,
/// each pool at the weighted median of its members' breakpoints. Pools keep their breakpoints
/// in one flat sorted array, merged in place, so a rank costs O(k log k + merges).
struct RankSolver {
  private var points: [(value: Double, weight: Double)] = []
  private var scratch: [(value: Double, weight: Double)] = []
  /// Per pool: first node index, breakpoint range end, Σ current y, member count, value.
  private var pools: [(first: Int, end: Int, sum: Double, count: Int, value: Double)] = []
  private var saved: [Double] = []

  /// Weight given to a node without edges, so it stays put unless pushed.
  static let anchorWeight = 1e-6

  mutating func solve(
    _ layer: [Int], _ offsets: [Double], _ graph: LayeredGraph, _ x: inout [Double]
  ) {
    let k = layer.count
    if k == 0 { return }
    points.removeAll(keepingCapacity: true)
    pools.removeAll(keepingCapacity: true)
    saved.removeAll(keepingCapacity: true)
    var before = 0.0
    for i in 0..<k {
      let v = layer[i]
      saved.append(x[v])
      let start = points.count
      for w in graph.up[v] {
        let weight = EdgeLengthCompactor.weight(graph, v, w)
        before += weight * abs(x[v] - x[w])
        points.append((x[w] - offsets[i], weight))
      }
      for w in graph.down[v] {
        let weight = EdgeLengthCompactor.weight(graph, v, w)
        before += weight * abs(x[v] - x[w])
        points.append((x[w] - offsets[i], weight))
      }
      let y = x[v] - offsets[i]
      if points.count == start { points.append((y, Self.anchorWeight)) }
      if points.count - start > 1 { sortRange(start, points.count) }
      var pool = (first: i, end: points.count, sum: y, count: 1, value: 0.0)
      var poolStart = start
      pool.value = choose(poolStart, pool.end, preferred: y)
      while let last = pools.last, last.value > pool.value {
        pools.removeLast()
        let lastStart = pools.last?.end ?? 0
        mergeRanges(lastStart, poolStart, pool.end)
        poolStart = lastStart
        pool = (last.first, pool.end, last.sum + pool.sum, last.count + pool.count, 0)
        pool.value = choose(poolStart, pool.end, preferred: pool.sum / Double(pool.count))
      }
      pools.append(pool)
    }
    var next = k
    for pool in pools.reversed() {
      for i in pool.first..<next { x[layer[i]] = pool.value + offsets[i] }
      next = pool.first
    }
    var after = 0.0
    for v in layer {
      for w in graph.up[v] { after += EdgeLengthCompactor.weight(graph, v, w) * abs(x[v] - x[w]) }
      for w in graph.down[v] {
        after += EdgeLengthCompactor.weight(graph, v, w) * abs(x[v] - x[w])
      }
    }
    // Ties in the pooling can, rarely, settle on a worse optimum-interval end; keep the old.
    if after > before + 1e-9 * max(1, before) {
      for (i, v) in layer.enumerated() { x[v] = saved[i] }
    }
  }

  /// The point of the optimal interval of a sorted breakpoint range nearest `preferred`.
  private func choose(_ start: Int, _ end: Int, preferred: Double) -> Double {
    let (a, b) = Self.interval(points[start..<end])
    return min(max(preferred, a), b)
  }

  /// The interval of weighted medians of sorted weighted points.
  static func interval<C: RandomAccessCollection>(_ sorted: C) -> (Double, Double)
  where C.Element == (value: Double, weight: Double), C.Index == Int {
    var total = 0.0
    for p in sorted { total += p.weight }
    let half = total / 2
    var cumulative = 0.0
    var i = sorted.startIndex
    while i < sorted.endIndex {
      cumulative += sorted[i].weight
      if cumulative >= half - 1e-12 * total { break }
      i += 1
    }
    if i >= sorted.endIndex { i = sorted.endIndex - 1 }
    let a = sorted[i].value
    if abs(cumulative - half) <= 1e-12 * total && i + 1 < sorted.endIndex {
      return (a, sorted[i + 1].value)
    }
    return (a, a)
  }

  /// Sorts unsorted weighted points and returns their median interval.
  static func medianInterval(_ unsorted: inout [(Double, Double)]) -> (Double, Double) {
    unsorted.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    let typed = unsorted.map { (value: $0.0, weight: $0.1) }
    return interval(typed)
  }

  private mutating func sortRange(_ start: Int, _ end: Int) {
    points[start..<end].sort {
      $0.value < $1.value || ($0.value == $1.value && $0.weight < $1.weight)
    }
  }

  /// Merges the sorted ranges `start..<middle` and `middle..<end` in place.
  private mutating func mergeRanges(_ start: Int, _ middle: Int, _ end: Int) {
    if start == middle || middle == end { return }
    if points[middle - 1].value <= points[middle].value { return }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: points[start..<middle])
    var i = 0
    var j = middle
    var out = start
    while i < scratch.count && j < end {
      if points[j].value < scratch[i].value {
        points[out] = points[j]
        j += 1
      } else {
        points[out] = scratch[i]
        i += 1
      }
      out += 1
    }
    while i < scratch.count {
      points[out] = scratch[i]
      i += 1
      out += 1
    }
  }
}
