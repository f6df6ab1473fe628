@testable import AWXReportLayout

/// The reference solver the tests check `MinCostFlowSimplex` against: dot's own (dual)
/// network simplex on the auxiliary graph, started from a given feasible solution, with a
/// pivot budget. Correct but slow (each pivot walks half the tree: 3.6 s on the 5,000-node
/// bench graph), which is why the layout no longer uses it.
///
/// The feasible tree is built as in Graphviz 2.4x's `feasible_tree`: the forest of tight edges,
/// then the smallest tight subtree repeatedly shifted along its least-slack edge into
/// another, smallest first, so each node is scanned O(log n) times instead of the O(n·e) of
/// growing a single tree.
extension NetworkSimplexRanker {
  /// Optimal (or, when `maxPivots` runs out, improved) values for `edges` starting from
  /// `initial`, which must satisfy every `minLength`. The graph must be connected.
  static func improve(
    nodeCount: Int, edges: [(tail: Int, head: Int, minLength: Int, weight: Int)],
    initial: [Int], maxPivots: Int
  ) -> [Int] {
    if nodeCount == 0 { return [] }
    var solver = NetworkSimplexRanker(nodeCount: nodeCount, edges: edges)
    solver.rank = initial
    guard solver.tightForest() else { return initial }
    solver.computeRanges(root: 0, parentEdge: -1, lowStart: 1)
    solver.initialCutValues()
    var pivots = 0
    while pivots < maxPivots, let leaving = solver.leaveEdge() {
      guard let entering = solver.enterEdge(leaving) else { break }
      solver.update(leaving: leaving, entering: entering)
      pivots += 1
    }
    return solver.rank
  }

  /// Builds a tight spanning tree from the current (feasible) ranks, shifting subtrees.
  /// Returns false if the graph is not connected.
  mutating func tightForest() -> Bool {
    let n = nodeCount
    var sets = DisjointSets(count: n)
    for e in 0..<tail.count where slack(e) == 0 {
      if sets.union(tail[e], head[e]) { addTreeEdge(e) }
    }
    // Members of each subtree, as linked lists (merged in O(1)).
    var nextMember = [Int](repeating: -1, count: n)
    var lastMember = Array(0..<n)
    var size = [Int](repeating: 1, count: n)
    var rootOf = sets.representatives()
    for v in 0..<n where rootOf[v] != v {
      let r = rootOf[v]
      nextMember[lastMember[r]] = v
      lastMember[r] = v
      size[r] += 1
      size[v] = 0
    }
    var heap = MinHeap()
    var components = 0
    for v in 0..<n where rootOf[v] == v {
      heap.push((size[v], v))
      components += 1
    }
    while components > 1 {
      guard let (s, r) = heap.pop() else { return false }
      if rootOf[r] != r || size[r] != s { continue }
      // Least-slack edge leaving the subtree.
      var best = -1
      var bestSlack = Int.max
      var v = r
      while v >= 0 {
        for e in outEdges[v] where rootOf[head[e]] != r {
          let sl = slack(e)
          if sl < bestSlack || (sl == bestSlack && e < best) {
            bestSlack = sl
            best = e
          }
        }
        for e in inEdges[v] where rootOf[tail[e]] != r {
          let sl = slack(e)
          if sl < bestSlack || (sl == bestSlack && e < best) {
            bestSlack = sl
            best = e
          }
        }
        v = nextMember[v]
      }
      if best < 0 { return false }
      // Move the subtree towards the other end of `best` so that it becomes tight.
      let delta = rootOf[tail[best]] == r ? bestSlack : -bestSlack
      if delta != 0 {
        v = r
        while v >= 0 {
          rank[v] += delta
          v = nextMember[v]
        }
      }
      addTreeEdge(best)
      let other = rootOf[tail[best]] == r ? rootOf[head[best]] : rootOf[tail[best]]
      // Merge the smaller list into the larger; keep the larger's root.
      let (big, small) = size[other] >= size[r] ? (other, r) : (r, other)
      v = small
      while v >= 0 {
        rootOf[v] = big
        v = nextMember[v]
      }
      nextMember[lastMember[big]] = small
      lastMember[big] = lastMember[small]
      size[big] += size[small]
      size[small] = 0
      heap.push((size[big], big))
      components -= 1
    }
    return true
  }
}

/// A binary min-heap of `(size, id)`, ties by id, for the smallest-subtree-first merging.
struct MinHeap {
  private var items: [(Int, Int)] = []

  mutating func push(_ item: (Int, Int)) {
    items.append(item)
    var i = items.count - 1
    while i > 0 {
      let p = (i - 1) / 2
      if items[p] <= items[i] { break }
      items.swapAt(p, i)
      i = p
    }
  }

  mutating func pop() -> (Int, Int)? {
    guard let first = items.first else { return nil }
    let last = items.removeLast()
    if items.isEmpty { return first }
    items[0] = last
    var i = 0
    while true {
      let l = 2 * i + 1
      let r = l + 1
      var m = i
      if l < items.count && items[l] < items[m] { m = l }
      if r < items.count && items[r] < items[m] { m = r }
      if m == i { break }
      items.swapAt(m, i)
      i = m
    }
    return first
  }
}
