/// Horizontal coordinates by Brandes–Köpf ("Fast and Simple Horizontal Coordinate
/// Assignment", 2001): four vertical alignments (up/down × left/right) that give long edges
/// straight, conflict-free blocks, each compacted, then balanced by the mean of the two
/// median candidates per node.
///
/// Compaction is a longest-path pass over the block graph (blocks joined by their
/// left-to-right neighbour separations) followed by a pass pulling blocks towards their
/// successors. This satisfies every separation by construction, which is what the 2020
/// erratum (Brandes, Walter, Zink) repairs in the original class-shift compaction.
struct BrandesKoepf {
  let graph: LayeredGraph
  let layers: [[Int]]
  /// Minimum center distance between `left` and `right`, adjacent in one rank.
  let separation: (_ left: Int, _ right: Int) -> Double

  /// Node x coordinates (centers), indexed by layered node.
  func positions() -> [Double] {
    let n = graph.count
    if n == 0 { return [] }
    var candidates = alignments()
    // Align the four to the narrowest: left ones by their minimum, right ones by their max.
    var widths: [Double] = []
    var minima: [Double] = []
    var maxima: [Double] = []
    for xs in candidates {
      var lo = Double.infinity
      var hi = -Double.infinity
      for v in 0..<n {
        lo = min(lo, xs[v] - graph.width[v] / 2)
        hi = max(hi, xs[v] + graph.width[v] / 2)
      }
      minima.append(lo)
      maxima.append(hi)
      widths.append(hi - lo)
    }
    var narrowest = 0
    for i in 1..<4 where widths[i] < widths[narrowest] { narrowest = i }
    for i in 0..<4 {
      let shift = i % 2 == 0 ? minima[narrowest] - minima[i] : maxima[narrowest] - maxima[i]
      if shift != 0 { for v in 0..<n { candidates[i][v] += shift } }
    }
    var result = [Double](repeating: 0, count: n)
    for v in 0..<n {
      var values = (candidates[0][v], candidates[1][v], candidates[2][v], candidates[3][v])
      // Sort four values with a fixed network.
      if values.0 > values.1 { swap(&values.0, &values.1) }
      if values.2 > values.3 { swap(&values.2, &values.3) }
      if values.0 > values.2 { swap(&values.0, &values.2) }
      if values.1 > values.3 { swap(&values.1, &values.3) }
      if values.1 > values.2 { swap(&values.1, &values.2) }
      result[v] = (values.1 + values.2) / 2
    }
    return result
  }

  /// The four extreme alignments, each compacted: up-left, up-right, down-left, down-right.
  func alignments() -> [[Double]] {
    let conflicts = typeOneConflicts()
    var candidates: [[Double]] = []
    for vertical in [true, false] {
      for leftward in [true, false] {
        candidates.append(
          alignment(conflicts: conflicts, useUpper: vertical, leftToRight: leftward))
      }
    }
    return candidates
  }

  @inline(__always)
  private func key(_ upper: Int, _ lower: Int) -> Int { upper &* graph.count &+ lower }

  /// Type 1 conflicts: a non-inner segment crossing an inner segment (between two virtual
  /// nodes). Marked so alignment keeps inner segments, hence long edges, straight.
  private func typeOneConflicts() -> Set<Int> {
    var conflicts = Set<Int>()
    var position = [Int](repeating: 0, count: graph.count)
    for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
    if layers.count < 3 { return conflicts }
    for r in 1..<layers.count {
      let previousCount = layers[r - 1].count
      let layer = layers[r]
      var k0 = 0
      var scan = 0
      for (l1, v) in layer.enumerated() {
        var innerUpper = -1
        if graph.isVirtual(v) {
          for u in graph.up[v] where graph.isVirtual(u) { innerUpper = u }
        }
        if innerUpper >= 0 || l1 == layer.count - 1 {
          let k1 = innerUpper >= 0 ? position[innerUpper] : previousCount
          for scanNode in layer[scan...l1] {
            for u in graph.up[scanNode] {
              let p = position[u]
              if (p < k0 || k1 < p) && !(graph.isVirtual(u) && graph.isVirtual(scanNode)) {
                conflicts.insert(key(u, scanNode))
              }
            }
          }
          scan = l1 + 1
          k0 = k1
        }
      }
    }
    return conflicts
  }

  private func alignment(conflicts: Set<Int>, useUpper: Bool, leftToRight: Bool) -> [Double] {
    let n = graph.count
    var order: [[Int]] = useUpper ? layers : layers.reversed()
    if !leftToRight { order = order.map { $0.reversed() } }
    var position = [Int](repeating: 0, count: n)
    for layer in order { for (i, v) in layer.enumerated() { position[v] = i } }
    var root = Array(0..<n)
    var align = Array(0..<n)
    let neighbors = useUpper ? graph.up : graph.down
    var buffer: [Int] = []
    for layer in order {
      var previous = -1
      for v in layer {
        let range = neighbors.range(v)
        if range.isEmpty { continue }
        buffer.removeAll(keepingCapacity: true)
        for i in range { buffer.append(neighbors.items[i]) }
        buffer.sort { (position[$0], $0) < (position[$1], $1) }
        let d = buffer.count - 1
        for i in (d / 2)...((d + 1) / 2) {
          let w = buffer[i]
          if align[v] != v { break }
          let conflict =
            useUpper
            ? conflicts.contains(key(w, v)) : conflicts.contains(key(v, w))
          if previous < position[w] && !conflict {
            align[w] = v
            root[v] = root[w]
            align[v] = root[v]
            previous = position[w]
          }
        }
      }
    }
    var xs = compact(order: order, root: root, leftToRight: leftToRight)
    if !leftToRight { for v in 0..<n { xs[v] = -xs[v] } }
    return xs
  }

  private func compact(order: [[Int]], root: [Int], leftToRight: Bool) -> [Double] {
    let n = graph.count
    // Block graph edges: block(u) -> block(v) for rank neighbours u, v; multi-edges are
    // harmless (both passes take extremes).
    var weights: [Double] = []
    for layer in order where layer.count > 1 {
      for i in 1..<layer.count {
        let u = layer[i - 1]
        let v = layer[i]
        weights.append(leftToRight ? separation(u, v) : separation(v, u))
      }
    }
    var targets = [Int](repeating: 0, count: weights.count)
    var sources = [Int](repeating: 0, count: weights.count)
    var e = 0
    for layer in order where layer.count > 1 {
      for i in 1..<layer.count {
        sources[e] = root[layer[i - 1]]
        targets[e] = root[layer[i]]
        e += 1
      }
    }
    let outgoing = Adjacency(count: n, pairs: (0..<e).map { (sources[$0], $0) })
    let incoming = Adjacency(count: n, pairs: (0..<e).map { (targets[$0], $0) })
    var indegree = [Int](repeating: 0, count: n)
    for t in targets { indegree[t] += 1 }
    var topo: [Int] = []
    topo.reserveCapacity(n)
    for v in 0..<n where root[v] == v && indegree[v] == 0 { topo.append(v) }
    var head = 0
    while head < topo.count {
      let b = topo[head]
      head += 1
      for k in outgoing[b] {
        let t = targets[k]
        indegree[t] -= 1
        if indegree[t] == 0 { topo.append(t) }
      }
    }
    var x = [Double](repeating: 0, count: n)
    for b in topo {
      var value = 0.0
      for k in incoming[b] { value = max(value, x[sources[k]] + weights[k]) }
      x[b] = value
    }
    for b in topo.reversed() {
      var limit = Double.infinity
      for k in outgoing[b] { limit = min(limit, x[targets[k]] - weights[k]) }
      if limit.isFinite { x[b] = max(x[b], limit) }
    }
    var result = [Double](repeating: 0, count: n)
    for v in 0..<n { result[v] = x[root[v]] }
    return result
  }
}
