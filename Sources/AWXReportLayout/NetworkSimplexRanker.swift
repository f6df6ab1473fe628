/// Assigns ranks (layers) minimising total weighted edge length with network simplex
/// (Gansner, Koutsofios, North, Vo, "A Technique for Drawing Directed Graphs", 1993).
///
/// Follows Graphviz's implementation: longest-path start, tight spanning tree, cut values
/// kept up to date incrementally along the tree path of each exchange, and a cyclic
/// leave-edge search over at most `searchSize` (`LayoutTuning.rankSearchSize`) negative
/// edges. All loops run in index order and are iterative (no recursion: chains of thousands
/// of nodes are common).
struct NetworkSimplexRanker {
  var tail: [Int] = []
  var head: [Int] = []
  var minLength: [Int] = []
  var weight: [Int] = []
  var outEdges: Adjacency
  var inEdges: Adjacency
  var rank: [Int]
  var inTree: [Bool]
  /// Tree edges of each node as intrusive doubly linked lists of slots (slot 2e: the tail's
  /// entry of edge e, 2e+1: the head's): flat arrays, no per-node array to retain.
  var treeFirst: [Int]
  var slotNext: [Int]
  var slotPrevious: [Int]
  var treeEdges: [Int] = []
  var treeIndex: [Int]
  var parent: [Int]
  var low: [Int]
  var lim: [Int]
  var cut: [Int]
  var searchStart = 0
  /// Nodes on the tree path closed by the entering edge: only their subtrees change shape.
  var dirty: [Bool]
  var dirtyNodes: [Int] = []
  /// Scratch stack of `computeRanges`, kept between pivots.
  var rangeStack: [Int] = []
  /// Scratch stack of `enterEdge`, kept between pivots.
  var searchStack: [Int] = []
  let nodeCount: Int
  /// Negative cut values the leave-edge search collects before it picks the most negative.
  let searchSize: Int

  /// Ranks for `nodeCount` nodes; `edges` must be acyclic and free of self loops. Every edge
  /// gets length ≥ 1; each connected component starts at rank 0. With `balanced`, nodes free
  /// to move at no cost are then spread over the least crowded ranks (see `balance`).
  static func ranks(
    nodeCount: Int, edges: [(tail: Int, head: Int)], balanced: Bool = true,
    searchSize: Int = LayoutTuning().rankSearchSize
  ) -> [Int] {
    if nodeCount == 0 { return [] }
    let component = components(nodeCount: nodeCount, edges: edges)
    var all = edges.map { (tail: $0.tail, head: $0.head, minLength: 1, weight: 1) }
    // A virtual root ties the components together with free (weight 0) edges, so one tree
    // spans everything; ranks are re-based per component afterwards.
    var total = nodeCount
    var seen = [Bool](repeating: false, count: nodeCount)
    var firstOfComponent: [Int] = []
    for v in 0..<nodeCount where !seen[component[v]] {
      seen[component[v]] = true
      firstOfComponent.append(v)
    }
    if firstOfComponent.count > 1 {
      total += 1
      for v in firstOfComponent {
        all.append((tail: nodeCount, head: v, minLength: 0, weight: 0))
      }
    }
    var solver = NetworkSimplexRanker(nodeCount: total, edges: all, searchSize: searchSize)
    solver.solve()
    var result = Array(solver.rank.prefix(nodeCount))
    var minimum = [Int](repeating: Int.max, count: nodeCount)
    for v in 0..<nodeCount { minimum[component[v]] = min(minimum[component[v]], result[v]) }
    for v in 0..<nodeCount { result[v] -= minimum[component[v]] }
    if balanced { balance(&result, edges: edges) }
    return result
  }

  /// Graphviz's `TB_balance`: a node with as many edges in as out can take any rank between
  /// its parents and children at no cost in total edge length; move it to the least crowded
  /// such rank (the lowest on ties) if it is less crowded than its own, so parallel branches
  /// of differing lengths spread over the slack instead of all crowding the first rank.
  /// Nodes are visited in index order and the counts are updated as they move.
  static func balance(_ rank: inout [Int], edges: [(tail: Int, head: Int)]) {
    let n = rank.count
    guard let maxRank = rank.max(), maxRank > 0 else { return }
    let parents = Adjacency(count: n, pairs: edges.map { ($0.head, $0.tail) })
    let children = Adjacency(count: n, pairs: edges.map { ($0.tail, $0.head) })
    var count = [Int](repeating: 0, count: maxRank + 1)
    for r in rank { count[r] += 1 }
    for v in 0..<n {
      let inCount = parents.count(v)
      guard inCount > 0, inCount == children.count(v) else { continue }
      // Bounds from the neighbours' current ranks: they may have moved already.
      var low = 0
      var high = maxRank
      for u in parents[v] { low = max(low, rank[u] + 1) }
      for w in children[v] { high = min(high, rank[w] - 1) }
      guard low < high else { continue }
      var choice = low
      for r in (low + 1)...high where count[r] < count[choice] { choice = r }
      // Unlike dot, only to a rank less crowded than the node's own: moving to an equally
      // crowded one would make it the more crowded of the two.
      guard count[choice] < count[rank[v]] else { continue }
      count[rank[v]] -= 1
      count[choice] += 1
      rank[v] = choice
    }
  }

  static func components(nodeCount: Int, edges: [(tail: Int, head: Int)]) -> [Int] {
    var sets = DisjointSets(count: nodeCount)
    for e in edges { sets.union(e.tail, e.head) }
    return sets.representatives()
  }

  init(
    nodeCount: Int, edges: [(tail: Int, head: Int, minLength: Int, weight: Int)],
    searchSize: Int = LayoutTuning().rankSearchSize
  ) {
    self.nodeCount = nodeCount
    self.searchSize = max(1, searchSize)
    tail = edges.map(\.tail)
    head = edges.map(\.head)
    minLength = edges.map(\.minLength)
    weight = edges.map(\.weight)
    outEdges = Adjacency(
      count: nodeCount, pairs: edges.enumerated().map { ($0.element.tail, $0.offset) })
    inEdges = Adjacency(
      count: nodeCount, pairs: edges.enumerated().map { ($0.element.head, $0.offset) })
    rank = [Int](repeating: 0, count: nodeCount)
    inTree = [Bool](repeating: false, count: edges.count)
    treeFirst = [Int](repeating: -1, count: nodeCount)
    slotNext = [Int](repeating: -1, count: 2 * edges.count)
    slotPrevious = [Int](repeating: -1, count: 2 * edges.count)
    treeIndex = [Int](repeating: -1, count: edges.count)
    parent = [Int](repeating: -1, count: nodeCount)
    low = [Int](repeating: 0, count: nodeCount)
    lim = [Int](repeating: 0, count: nodeCount)
    cut = [Int](repeating: 0, count: edges.count)
    dirty = [Bool](repeating: false, count: nodeCount)
  }

  @inline(__always)
  func slack(_ e: Int) -> Int { rank[head[e]] - rank[tail[e]] - minLength[e] }

  mutating func solve() {
    initialRanks()
    feasibleTree()
    computeRanges(root: 0, parentEdge: -1, lowStart: 1)
    initialCutValues()
    var iterations = 0
    let limit = max(1000, 20 * nodeCount)
    while iterations < limit, let leaving = leaveEdge() {
      guard let entering = enterEdge(leaving) else { break }
      update(leaving: leaving, entering: entering)
      iterations += 1
    }
  }

  /// Longest path from the sources (Kahn order, ties by index).
  mutating func initialRanks() {
    var indegree = (0..<nodeCount).map { inEdges.count($0) }
    var queue = (0..<nodeCount).filter { indegree[$0] == 0 }
    var next = 0
    while next < queue.count {
      let v = queue[next]
      next += 1
      for e in outEdges[v] {
        let w = head[e]
        rank[w] = max(rank[w], rank[v] + minLength[e])
        indegree[w] -= 1
        if indegree[w] == 0 { queue.append(w) }
      }
    }
  }

  mutating func addTreeEdge(_ e: Int) {
    inTree[e] = true
    treeIndex[e] = treeEdges.count
    treeEdges.append(e)
    link(2 * e, tail[e])
    link(2 * e + 1, head[e])
  }

  /// Grows a tree of tight edges from node 0; when it gets stuck, shifts the tree by the
  /// smallest slack of an edge leaving it, which makes that edge tight.
  mutating func feasibleTree() {
    var member = [Bool](repeating: false, count: nodeCount)
    var members: [Int] = [0]
    member[0] = true
    var stack: [Int] = [0]
    grow(&stack, &member, &members)
    while members.count < nodeCount {
      var best = -1
      var bestSlack = Int.max
      for e in 0..<tail.count where member[tail[e]] != member[head[e]] {
        let s = slack(e)
        if s < bestSlack {
          bestSlack = s
          best = e
        }
      }
      if best < 0 { break }  // disconnected; cannot happen with the virtual root
      let delta = member[tail[best]] ? bestSlack : -bestSlack
      for v in members { rank[v] += delta }
      for e in 0..<tail.count where member[tail[e]] != member[head[e]] && slack(e) == 0 {
        let outside = member[tail[e]] ? head[e] : tail[e]
        if member[outside] { continue }
        member[outside] = true
        members.append(outside)
        addTreeEdge(e)
        stack.append(outside)
        grow(&stack, &member, &members)
      }
    }
  }

  mutating func grow(_ stack: inout [Int], _ member: inout [Bool], _ members: inout [Int]) {
    while let v = stack.popLast() {
      for e in outEdges[v] where !member[head[e]] && slack(e) == 0 {
        let w = head[e]
        member[w] = true
        members.append(w)
        addTreeEdge(e)
        stack.append(w)
      }
      for e in inEdges[v] where !member[tail[e]] && slack(e) == 0 {
        let w = tail[e]
        member[w] = true
        members.append(w)
        addTreeEdge(e)
        stack.append(w)
      }
    }
  }

  mutating func link(_ slot: Int, _ v: Int) {
    let first = treeFirst[v]
    slotNext[slot] = first
    slotPrevious[slot] = -1
    if first >= 0 { slotPrevious[first] = slot }
    treeFirst[v] = slot
  }

  mutating func unlink(_ slot: Int, _ v: Int) {
    let next = slotNext[slot]
    let previous = slotPrevious[slot]
    if previous >= 0 { slotNext[previous] = next } else { treeFirst[v] = next }
    if next >= 0 { slotPrevious[next] = previous }
  }

  /// Post-order numbering of the subtree at `root`: `low...lim` is the range of the subtree.
  mutating func computeRanges(root: Int, parentEdge: Int, lowStart: Int) {
    // Works on uniquely held locals through spans: this runs once per pivot over the whole
    // subtree of the exchange's common ancestor, and array uniqueness and bounds checks would
    // otherwise cost more than the walk itself. Every index is a node, edge or slot number
    // read from the tree's own arrays, in range by construction, hence `[unchecked:]` (as the
    // buffer pointers these spans replace were unchecked in release builds).
    var parentStore: [Int] = []
    var lowStore: [Int] = []
    var limStore: [Int] = []
    var stackStore: [Int] = []
    swap(&parentStore, &self.parent)
    swap(&lowStore, &self.low)
    swap(&limStore, &self.lim)
    swap(&stackStore, &rangeStack)
    defer {
      swap(&parentStore, &self.parent)
      swap(&lowStore, &self.low)
      swap(&limStore, &self.lim)
      swap(&stackStore, &rangeStack)
    }
    // Pairs (node, next tree slot to visit); the depth is at most the node count.
    if stackStore.count < 2 * nodeCount { stackStore = [Int](repeating: 0, count: 2 * nodeCount) }
    var parent = parentStore.mutableSpan
    var low = lowStore.mutableSpan
    var lim = limStore.mutableSpan
    var stack = stackStore.mutableSpan
    let tail = self.tail.span
    let head = self.head.span
    let dirty = self.dirty.span
    let treeFirst = self.treeFirst.span
    let slotNext = self.slotNext.span
    var counter = lowStart
    parent[unchecked: root] = parentEdge
    low[unchecked: root] = counter
    stack[unchecked: 0] = root
    stack[unchecked: 1] = treeFirst[unchecked: root]
    var top = 0
    while top >= 0 {
      let v = stack[unchecked: 2 * top]
      let next = stack[unchecked: 2 * top + 1]
      if next >= 0 {
        let e = next >> 1
        stack[unchecked: 2 * top + 1] = slotNext[unchecked: next]
        if e == parent[unchecked: v] { continue }
        let w = tail[unchecked: e] == v ? head[unchecked: e] : tail[unchecked: e]
        // An untouched subtree at the same place keeps its numbering (Graphviz dfs_range).
        if !dirty[unchecked: w] && parent[unchecked: w] == e && low[unchecked: w] == counter {
          counter = lim[unchecked: w] + 1
          continue
        }
        parent[unchecked: w] = e
        low[unchecked: w] = counter
        top += 1
        stack[unchecked: 2 * top] = w
        stack[unchecked: 2 * top + 1] = treeFirst[unchecked: w]
      } else {
        lim[unchecked: v] = counter
        counter += 1
        top -= 1
      }
    }
  }

  mutating func initialCutValues() {
    // Children before parents: increasing lim is a post-order.
    var order = [Int](repeating: 0, count: nodeCount)
    for v in 0..<nodeCount { order[lim[v] - 1] = v }
    for v in order where parent[v] >= 0 { setCutValue(parent[v]) }
  }

  @inline(__always)
  func inSubtree(_ w: Int, of v: Int) -> Bool { low[v] <= lim[w] && lim[w] <= lim[v] }

  /// Graphviz `x_cutval`: cut value of tree edge `f` from those of the child's other edges.
  mutating func setCutValue(_ f: Int) {
    let v: Int
    let dir: Int
    if parent[tail[f]] == f {
      v = tail[f]
      dir = 1
    } else {
      v = head[f]
      dir = -1
    }
    var sum = 0
    for e in outEdges[v] { sum += crossValue(e, v, dir) }
    for e in inEdges[v] { sum += crossValue(e, v, dir) }
    cut[f] = sum
  }

  func crossValue(_ e: Int, _ v: Int, _ dir: Int) -> Int {
    let other = tail[e] == v ? head[e] : tail[e]
    var value: Int
    let outside = !inSubtree(other, of: v)
    if outside {
      value = weight[e]
    } else {
      value = inTree[e] ? cut[e] : 0
      value -= weight[e]
    }
    var d: Int
    if dir > 0 {
      d = head[e] == v ? 1 : -1
    } else {
      d = tail[e] == v ? 1 : -1
    }
    if outside { d = -d }
    if d < 0 { value = -value }
    return value
  }

  mutating func leaveEdge() -> Int? {
    var result: Int? = nil
    var found = 0
    let n = treeEdges.count
    if n == 0 { return nil }
    let start = searchStart
    var i = start
    repeat {
      let f = treeEdges[i]
      if cut[f] < 0 {
        if let r = result {
          if cut[r] > cut[f] { result = f }
        } else {
          result = f
        }
        found += 1
        if found >= searchSize {
          searchStart = i
          return result
        }
      }
      i += 1
      if i == n { i = 0 }
    } while i != start
    searchStart = i
    return result
  }

  /// The non-tree edge of least slack that reconnects the two halves left by removing
  /// `leaving`, crossing the cut in the opposite direction.
  mutating func enterEdge(_ leaving: Int) -> Int? {
    let down: Int
    let searchOut: Bool
    if lim[tail[leaving]] < lim[head[leaving]] {
      down = tail[leaving]
      searchOut = false
    } else {
      down = head[leaving]
      searchOut = true
    }
    let lo = low[down]
    let hi = lim[down]
    var best = -1
    // Search whichever side of the cut is smaller; the entering edge crosses it either way.
    let inside = hi - lo + 1 <= nodeCount / 2
    let out = inside ? searchOut : !searchOut
    let adjacency = out ? outEdges : inEdges
    // Read through spans, unchecked as in `computeRanges`: this walks up to half the tree on
    // every pivot.
    var stack: [Int] = []
    swap(&stack, &searchStack)
    defer { swap(&stack, &searchStack) }
    stack.removeAll(keepingCapacity: true)
    stack.append(inside ? down : 0)
    let tail = self.tail.span
    let head = self.head.span
    let rank = self.rank.span
    let minLength = self.minLength.span
    let inTree = self.inTree.span
    let lim = self.lim.span
    let parent = self.parent.span
    let treeFirst = self.treeFirst.span
    let slotNext = self.slotNext.span
    let start = adjacency.start.span
    let items = adjacency.items.span
    var bestSlack = Int.max
    while let v = stack.popLast() {
      for i in start[unchecked: v]..<start[unchecked: v + 1] {
        let e = items[unchecked: i]
        if inTree[unchecked: e] { continue }
        let other = out ? head[unchecked: e] : tail[unchecked: e]
        let otherInside = lo <= lim[unchecked: other] && lim[unchecked: other] <= hi
        if otherInside == inside { continue }
        let s =
          rank[unchecked: head[unchecked: e]] - rank[unchecked: tail[unchecked: e]]
          - minLength[unchecked: e]
        if s < bestSlack {
          bestSlack = s
          best = e
        }
      }
      if bestSlack == 0 { break }
      var slot = treeFirst[unchecked: v]
      while slot >= 0 {
        let e = slot >> 1
        if e != parent[unchecked: v] && e != leaving {
          stack.append(tail[unchecked: e] == v ? head[unchecked: e] : tail[unchecked: e])
        }
        slot = slotNext[unchecked: slot]
      }
    }
    return best >= 0 ? best : nil
  }

  mutating func update(leaving e: Int, entering f: Int) {
    let delta = slack(f)
    if delta > 0 {
      // Move the smaller side of the cut (the solution is the same up to translation).
      let (v, sign) = lim[tail[e]] < lim[head[e]] ? (tail[e], 1) : (head[e], -1)
      if lim[v] - low[v] + 1 <= nodeCount / 2 {
        rerank(v, sign * delta, skip: e)
      } else {
        rerank(0, -sign * delta, skip: e)
      }
    }
    let value = cut[e]
    dirtyNodes.removeAll(keepingCapacity: true)
    let lca = treeUpdate(tail[f], head[f], value, true)
    _ = treeUpdate(head[f], tail[f], value, false)
    cut[f] = -value
    cut[e] = 0
    // Exchange tree edges.
    inTree[e] = false
    unlink(2 * e, tail[e])
    unlink(2 * e + 1, head[e])
    let slot = treeIndex[e]
    treeIndex[e] = -1
    treeEdges[slot] = f
    treeIndex[f] = slot
    inTree[f] = true
    link(2 * f, tail[f])
    link(2 * f + 1, head[f])
    for v in dirtyNodes { dirty[v] = true }
    computeRanges(root: lca, parentEdge: parent[lca], lowStart: low[lca])
    for v in dirtyNodes { dirty[v] = false }
  }

  /// Shifts the part of the tree reached from `v` without crossing `skip` or going up.
  mutating func rerank(_ v: Int, _ delta: Int, skip: Int) {
    // Through spans of uniquely held locals, unchecked like `computeRanges`: this shifts up to
    // half the tree per pivot.
    var stack: [Int] = []
    var rankStore: [Int] = []
    swap(&stack, &searchStack)
    swap(&rankStore, &self.rank)
    defer {
      swap(&stack, &searchStack)
      swap(&rankStore, &self.rank)
    }
    stack.removeAll(keepingCapacity: true)
    stack.append(v)
    var rank = rankStore.mutableSpan
    let tail = self.tail.span
    let head = self.head.span
    let parent = self.parent.span
    let treeFirst = self.treeFirst.span
    let slotNext = self.slotNext.span
    while let x = stack.popLast() {
      rank[unchecked: x] -= delta
      var slot = treeFirst[unchecked: x]
      while slot >= 0 {
        let t = slot >> 1
        if t != parent[unchecked: x] && t != skip {
          stack.append(tail[unchecked: t] == x ? head[unchecked: t] : tail[unchecked: t])
        }
        slot = slotNext[unchecked: slot]
      }
    }
  }

  mutating func treeUpdate(_ start: Int, _ w: Int, _ value: Int, _ dir: Bool) -> Int {
    var v = start
    dirtyNodes.append(v)
    while !(low[v] <= lim[w] && lim[w] <= lim[v]) {
      let e = parent[v]
      if e < 0 { break }
      let d = v == tail[e] ? dir : !dir
      if d { cut[e] += value } else { cut[e] -= value }
      v = lim[tail[e]] > lim[head[e]] ? tail[e] : head[e]
      dirtyNodes.append(v)
    }
    return v
  }
}
