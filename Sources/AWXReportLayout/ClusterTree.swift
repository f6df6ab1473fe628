/// The cluster hierarchy: parents, depths and lowest common ancestors.
///
/// Cluster `-1` stands for "no cluster" (the root of the hierarchy). Out-of-range parents and
/// parent cycles are cut, so a malformed hierarchy cannot hang the layout.
struct ClusterTree: Sendable {
  var parent: [Int]
  var depth: [Int]

  init(_ clusters: [LayoutCluster]) {
    let n = clusters.count
    var parent = clusters.map { c -> Int in
      guard let p = c.parent, p >= 0, p < n else { return -1 }
      return p
    }
    // Cut cycles: walk up from each cluster; a walk longer than n has looped.
    for c in 0..<n {
      var v = c
      var steps = 0
      while v >= 0 && steps <= n {
        v = parent[v]
        steps += 1
      }
      if v >= 0 { parent[c] = -1 }
    }
    var depth = [Int](repeating: -1, count: n)
    for c in 0..<n {
      var chain: [Int] = []
      var v = c
      while v >= 0 && depth[v] < 0 {
        chain.append(v)
        v = parent[v]
      }
      var d = v >= 0 ? depth[v] : 0
      for x in chain.reversed() {
        d += 1
        depth[x] = d
      }
    }
    self.parent = parent
    self.depth = depth
  }

  var count: Int { parent.count }

  /// Depth of `c`; 0 for `-1`, 1 for a top-level cluster.
  @inline(__always)
  func depthOf(_ c: Int) -> Int { c < 0 ? 0 : depth[c] }

  /// Innermost cluster containing both `a` and `b` (`-1` if none).
  func commonAncestor(_ a: Int, _ b: Int) -> Int {
    var a = a
    var b = b
    while depthOf(a) > depthOf(b) { a = parent[a] }
    while depthOf(b) > depthOf(a) { b = parent[b] }
    while a != b {
      a = parent[a]
      b = parent[b]
    }
    return a
  }

  /// Whether cluster `inner` is `outer` or nested inside it (`outer == -1` contains all).
  func contains(_ outer: Int, _ inner: Int) -> Bool {
    if outer < 0 { return true }
    var v = inner
    while v >= 0 && depthOf(v) > depthOf(outer) { v = parent[v] }
    return v == outer
  }

  /// The ancestor of `c` at `depth` (requires `depthOf(c) >= depth`).
  func ancestor(of c: Int, atDepth depth: Int) -> Int {
    var v = c
    while depthOf(v) > depth { v = parent[v] }
    return v
  }
}
