/// Keeps cluster boxes apart from foreign nodes: a consistent left-to-right order of sibling
/// clusters in every rank, then a constraint pass over node centers and cluster borders.
struct ClusterPlacement {
  let graph: LayeredGraph
  let clusters: ClusterTree

  /// Reorders sibling clusters in every rank by their mean relative position over all ranks,
  /// so two clusters never swap sides between ranks (their boxes would otherwise overlap).
  func consistentOrder(_ layers: [[Int]]) -> [[Int]] {
    let k = clusters.count
    var sum = [Double](repeating: 0, count: k)
    var count = [Int](repeating: 0, count: k)
    for layer in layers {
      for (i, v) in layer.enumerated() {
        let fraction = Double(i) / Double(max(1, layer.count))
        var c = graph.cluster[v]
        while c >= 0 {
          sum[c] += fraction
          count[c] += 1
          c = clusters.parent[c]
        }
      }
    }
    let mean = (0..<k).map { count[$0] > 0 ? sum[$0] / Double(count[$0]) : 0 }
    return layers.map { layer in
      var result: [Int] = []
      result.reserveCapacity(layer.count)
      reorder(layer, depth: 0, mean: mean, into: &result)
      return result
    }
  }

  private func reorder(_ items: [Int], depth: Int, mean: [Double], into result: inout [Int]) {
    var unitOf: [Int: Int] = [:]
    var units: [(cluster: Int, members: [Int])] = []
    for v in items {
      let c = graph.cluster[v]
      if clusters.depthOf(c) <= depth {
        units.append((-1, [v]))
        continue
      }
      let child = clusters.ancestor(of: c, atDepth: depth + 1)
      if let u = unitOf[child] {
        units[u].members.append(v)
      } else {
        unitOf[child] = units.count
        units.append((child, [v]))
      }
    }
    let sorted = units.filter { $0.cluster >= 0 }.sorted {
      (mean[$0.cluster], $0.cluster) < (mean[$1.cluster], $1.cluster)
    }
    var next = 0
    for unit in units {
      if unit.cluster < 0 {
        result.append(unit.members[0])
      } else {
        reorder(sorted[next].members, depth: depth + 1, mean: mean, into: &result)
        next += 1
      }
    }
  }

  /// Pushes node centers right where a cluster border needs room (a longest-path pass over
  /// separation constraints, starting from `x`), and returns the horizontal extent of each
  /// cluster box (`left > right` for an empty cluster).
  func place(
    x: inout [Double], layers: [[Int]], leftPadding: [Double], rightPadding: [Double],
    minimumWidth: [Double], nodeSeparation: Double, separation: (Int, Int) -> Double
  ) -> (left: [Double], right: [Double]) {
    let n = graph.count
    let k = clusters.count
    let total = n + 2 * k
    var from: [Int] = []
    var to: [Int] = []
    var gap: [Double] = []
    func constrain(_ a: Int, _ b: Int, _ d: Double) {
      from.append(a)
      to.append(b)
      gap.append(d)
    }
    func leftVar(_ c: Int) -> Int { n + c }
    func rightVar(_ c: Int) -> Int { n + k + c }
    func chain(_ c: Int, below a: Int) -> [Int] {
      var result: [Int] = []
      var v = c
      while v != a && v >= 0 {
        result.append(v)
        v = clusters.parent[v]
      }
      return result
    }
    for layer in layers where !layer.isEmpty {
      // Left end: enter every cluster of the first node, outermost first.
      let first = layer[0]
      let entered = chain(graph.cluster[first], below: -1).reversed() as [Int]
      if !entered.isEmpty {
        for i in 1..<entered.count {
          constrain(leftVar(entered[i - 1]), leftVar(entered[i]), leftPadding[entered[i]])
        }
        let inner = entered[entered.count - 1]
        constrain(leftVar(inner), first, leftPadding[inner] + graph.width[first] / 2)
      }
      for i in 1..<max(1, layer.count) {
        let u = layer[i - 1]
        let v = layer[i]
        let a = clusters.commonAncestor(graph.cluster[u], graph.cluster[v])
        let exits = chain(graph.cluster[u], below: a)
        let enters = chain(graph.cluster[v], below: a).reversed() as [Int]
        if exits.isEmpty && enters.isEmpty {
          constrain(u, v, separation(u, v))
          continue
        }
        var current = u
        var offset = graph.width[u] / 2
        for c in exits {
          constrain(current, rightVar(c), offset + rightPadding[c])
          current = rightVar(c)
          offset = 0
        }
        if enters.isEmpty {
          constrain(current, v, offset + nodeSeparation + graph.width[v] / 2)
          continue
        }
        constrain(current, leftVar(enters[0]), offset + nodeSeparation)
        for j in 1..<enters.count {
          constrain(leftVar(enters[j - 1]), leftVar(enters[j]), leftPadding[enters[j]])
        }
        let inner = enters[enters.count - 1]
        constrain(leftVar(inner), v, leftPadding[inner] + graph.width[v] / 2)
      }
      let last = layer[layer.count - 1]
      let exited = chain(graph.cluster[last], below: -1)
      var current = last
      var offset = graph.width[last] / 2
      for c in exited {
        constrain(current, rightVar(c), offset + rightPadding[c])
        current = rightVar(c)
        offset = 0
      }
    }
    for c in 0..<k where minimumWidth[c] > 0 {
      constrain(leftVar(c), rightVar(c), minimumWidth[c])
    }
    let m = from.count
    let outgoing = Adjacency(count: total, pairs: (0..<m).map { (from[$0], $0) })
    var indegree = [Int](repeating: 0, count: total)
    for b in to { indegree[b] += 1 }
    var value = [Double](repeating: -Double.infinity, count: total)
    for v in 0..<n { value[v] = x[v] }
    var queue = (0..<total).filter { indegree[$0] == 0 }
    var head = 0
    var done = [Bool](repeating: false, count: total)
    // A leftover cycle (not expected after `consistentOrder`) is broken by index order.
    var fallback = 0
    while head < queue.count || fallback < total {
      if head == queue.count {
        while fallback < total && done[fallback] { fallback += 1 }
        if fallback == total { break }
        indegree[fallback] = 0
        queue.append(fallback)
      }
      let a = queue[head]
      head += 1
      if done[a] { continue }
      done[a] = true
      for e in outgoing[a] {
        let b = to[e]
        if value[a] > -Double.infinity { value[b] = max(value[b], value[a] + gap[e]) }
        indegree[b] -= 1
        if indegree[b] == 0 && !done[b] { queue.append(b) }
      }
    }
    for v in 0..<n { x[v] = value[v] }
    return boxes(
      x: x, rightVar: Array(value[(n + k)..<total]), leftPadding: leftPadding,
      rightPadding: rightPadding, minimumWidth: minimumWidth)
  }

  private func boxes(
    x: [Double], rightVar: [Double], leftPadding: [Double],
    rightPadding: [Double], minimumWidth: [Double]
  ) -> (left: [Double], right: [Double]) {
    let k = clusters.count
    var left = [Double](repeating: Double.infinity, count: k)
    var right = [Double](repeating: -Double.infinity, count: k)
    for v in 0..<graph.count where graph.cluster[v] >= 0 {
      let c = graph.cluster[v]
      left[c] = min(left[c], x[v] - graph.width[v] / 2)
      right[c] = max(right[c], x[v] + graph.width[v] / 2)
    }
    let order = (0..<k).sorted { (clusters.depth[$0], $1) > (clusters.depth[$1], $0) }
    for c in order where left[c] <= right[c] {
      left[c] -= leftPadding[c]
      right[c] += rightPadding[c]
      if right[c] - left[c] < minimumWidth[c] {
        right[c] = min(rightVar[c], left[c] + minimumWidth[c])
        left[c] = min(left[c], right[c] - minimumWidth[c])
      }
      let p = clusters.parent[c]
      if p >= 0 {
        left[p] = min(left[p], left[c])
        right[p] = max(right[p], right[c])
      }
    }
    return (left, right)
  }
}
