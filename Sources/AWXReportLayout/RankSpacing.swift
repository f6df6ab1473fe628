/// Vertical placement (internal top-to-bottom frame): each rank is a band as tall as its
/// tallest node, bands `rankSeparation` apart plus room for cluster labels and padding.
struct RankSpacing: Sendable {
  /// Center line of each rank.
  var center: [Double]
  /// Half the band height of each rank.
  var halfHeight: [Double]
  /// Per cluster: first and last rank it spans (`lo > hi` for an empty cluster).
  var clusterLow: [Int]
  var clusterHigh: [Int]
  /// Per cluster: space above its first rank band / below its last, nested clusters included.
  var headroom: [Double]
  var footroom: [Double]

  init(
    graph: LayeredGraph, clusters: ClusterTree, topPadding: [Double], bottomPadding: [Double],
    rankSeparation: Double
  ) {
    let rankCount = graph.rankCount
    var half = [Double](repeating: 0, count: rankCount)
    for v in 0..<graph.count { half[graph.rank[v]] = max(half[graph.rank[v]], graph.height[v] / 2) }
    let k = clusters.count
    var lo = [Int](repeating: Int.max, count: k)
    var hi = [Int](repeating: Int.min, count: k)
    for v in 0..<graph.count {
      var c = graph.cluster[v]
      while c >= 0 {
        lo[c] = min(lo[c], graph.rank[v])
        hi[c] = max(hi[c], graph.rank[v])
        c = clusters.parent[c]
      }
    }
    // Deepest first, so children are done before their parents.
    let order = (0..<k).sorted { (clusters.depth[$0], $1) > (clusters.depth[$1], $0) }
    var head = topPadding
    var foot = bottomPadding
    for c in order where lo[c] <= hi[c] {
      let p = clusters.parent[c]
      if p >= 0 {
        if lo[p] == lo[c] { head[p] = max(head[p], topPadding[p] + head[c]) }
        if hi[p] == hi[c] { foot[p] = max(foot[p], bottomPadding[p] + foot[c]) }
      }
    }
    var above = [Double](repeating: 0, count: rankCount)
    var below = [Double](repeating: 0, count: rankCount)
    for c in 0..<k where lo[c] <= hi[c] {
      above[lo[c]] = max(above[lo[c]], head[c])
      below[hi[c]] = max(below[hi[c]], foot[c])
    }
    var center = [Double](repeating: 0, count: rankCount)
    var y = 0.0
    for r in 0..<rankCount {
      if r > 0 { y += below[r - 1] + rankSeparation }
      y += above[r] + half[r]
      center[r] = y
      y += half[r]
    }
    self.center = center
    halfHeight = half
    clusterLow = lo
    clusterHigh = hi
    headroom = head
    footroom = foot
  }
}
