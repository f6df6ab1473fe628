/// The proper layered graph: every edge spans exactly one rank, long edges being split by
/// virtual nodes. Real nodes keep their input indices `0..<realCount`.
struct LayeredGraph: Sendable {
  var rank: [Int]
  var width: [Double]
  var height: [Double]
  /// Innermost cluster of each node, `-1` for none. A virtual node belongs to the innermost
  /// cluster holding both ends of its edge, so long edges stay inside the clusters they
  /// connect and out of the others.
  var cluster: [Int]
  var realCount: Int
  var rankCount: Int
  /// Neighbours in the rank above / below, one entry per layered edge (multi-edges repeat).
  var up: Adjacency
  var down: Adjacency
  /// Per input edge: the layered nodes from the upper end to the lower end
  /// (empty for self loops).
  var chains: [[Int]]
  /// Per input edge: laid out from head to tail to keep the graph acyclic.
  var reversed: [Bool]

  var count: Int { rank.count }

  @inline(__always)
  func isVirtual(_ v: Int) -> Bool { v >= realCount }

  init(
    sizes: [(width: Double, height: Double)], nodeClusters: [Int], edges: [LayoutEdge],
    reversed: [Bool], ranks: [Int], clusters: ClusterTree
  ) {
    realCount = sizes.count
    rank = ranks
    width = sizes.map(\.width)
    height = sizes.map(\.height)
    cluster = nodeClusters
    self.reversed = reversed
    var pairs: [(Int, Int)] = []
    var chains: [[Int]] = []
    chains.reserveCapacity(edges.count)
    for (i, e) in edges.enumerated() {
      if e.tail == e.head {
        chains.append([])
        continue
      }
      let (u, v) = reversed[i] ? (e.head, e.tail) : (e.tail, e.head)
      let inner = clusters.commonAncestor(cluster[u], cluster[v])
      var chain = [u]
      var previous = u
      var r = rank[u] + 1
      while r < rank[v] {
        let x = rank.count
        rank.append(r)
        width.append(0)
        height.append(0)
        cluster.append(inner)
        pairs.append((previous, x))
        chain.append(x)
        previous = x
        r += 1
      }
      pairs.append((previous, v))
      chain.append(v)
      chains.append(chain)
    }
    self.chains = chains
    rankCount = (rank.max() ?? -1) + 1
    LayeredGraph.fillClusterGaps(
      rank: &rank, width: &width, height: &height, cluster: &cluster, clusters: clusters,
      rankCount: rankCount)
    let n = rank.count
    down = Adjacency(count: n, pairs: pairs)
    up = Adjacency(count: n, pairs: pairs.map { ($0.1, $0.0) })
  }

  /// Adds an edgeless virtual node to every rank a cluster spans but has no node in, so
  /// that the cluster occupies a contiguous block in every rank its box crosses.
  private static func fillClusterGaps(
    rank: inout [Int], width: inout [Double], height: inout [Double], cluster: inout [Int],
    clusters: ClusterTree, rankCount: Int
  ) {
    let k = clusters.count
    if k == 0 || rankCount == 0 { return }
    var present = [[Bool]](repeating: [], count: k)
    var lo = [Int](repeating: Int.max, count: k)
    var hi = [Int](repeating: Int.min, count: k)
    for v in 0..<rank.count {
      var c = cluster[v]
      while c >= 0 {
        if present[c].isEmpty { present[c] = [Bool](repeating: false, count: rankCount) }
        present[c][rank[v]] = true
        lo[c] = min(lo[c], rank[v])
        hi[c] = max(hi[c], rank[v])
        c = clusters.parent[c]
      }
    }
    // Deepest clusters first, so a filler also marks its ancestors as present.
    let order = (0..<k).sorted { (clusters.depth[$0], $1) > (clusters.depth[$1], $0) }
    for c in order where lo[c] <= hi[c] {
      for r in lo[c]...hi[c] where !present[c][r] {
        rank.append(r)
        width.append(0)
        height.append(0)
        cluster.append(c)
        var a = c
        while a >= 0 {
          if !present[a].isEmpty { present[a][r] = true }
          a = clusters.parent[a]
        }
      }
    }
  }
}
