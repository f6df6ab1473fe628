/// The spanning-tree basis and the pivots. Arrays are raw buffers: every pivot reads and
/// writes scattered entries. The solver owns them: it is `~Copyable`, so a copy (which would
/// free them twice) does not compile, and its `deinit` frees them.
///
/// The start is a feasible flow (f = ω), not a basic one: the tree is the star of artificial
/// arcs v → root (cost 0, flow 0) and the potentials are 0. Every cycle through the root
/// crosses one artificial arc backwards with flow 0, so artificial arcs never carry flow and
/// need no big-M cost. Then:
/// 1. every arc strictly inside its bounds is pushed around its cycle, in the direction that
///    does not increase the cost, until it enters the tree or reaches a bound: the solution
///    is now basic (on auxiliary graphs: a forest of pulls, all potentials still 0);
/// 2. one pass of pivots on the arcs that violate optimality, in index order (on auxiliary
///    graphs: mostly the separations, packing the ranks);
/// 3. block-search pivots to optimality.
/// Pivots keep the flow feasible and the tree strongly feasible whatever the arc, so 2 is
/// only a crash, which saves time on large auxiliary graphs (docs/layout-tuning.md).
struct FlowTreeSimplex: ~Copyable {
  /// The capacity of uncapacitated arcs: far above any flow, so that a ratio test ending
  /// above `infinite / 2` means that nothing blocks the cycle.
  static let infinite = LayoutTuning.infiniteCapacity
  /// Arc states: at flow 0, at capacity, in the tree.
  static let lower = 1
  static let upper = -1
  static let tree = 0
  /// Pivots between two `renumber`s.
  static let renumberPeriod = LayoutTuning.renumberPeriod

  /// Real nodes; the artificial root is node `n`.
  let n: Int
  /// Real arcs (searched for entering arcs); arc `m + u` is node u's artificial arc.
  let m: Int
  let source: UnsafeMutablePointer<Int>
  let target: UnsafeMutablePointer<Int>
  let cost: UnsafeMutablePointer<Int>
  let capacity: UnsafeMutablePointer<Int>
  let flow: UnsafeMutablePointer<Int>
  let state: UnsafeMutablePointer<Int>
  let pi: UnsafeMutablePointer<Int>
  let parent: UnsafeMutablePointer<Int>
  /// The tree arc between a node and its parent.
  let pred: UnsafeMutablePointer<Int>
  /// +1 when `pred` points up (node → parent), −1 when it points down.
  let predDir: UnsafeMutablePointer<Int>
  /// Preorder successor (cyclic through the root) and its inverse.
  let thread: UnsafeMutablePointer<Int>
  let revThread: UnsafeMutablePointer<Int>
  /// Subtree size, and the last node of the subtree in thread order.
  let succNum: UnsafeMutablePointer<Int>
  let lastSucc: UnsafeMutablePointer<Int>
  /// Scratch: nodes whose `thread` changed in a pivot, to fix `revThread`.
  let dirty: UnsafeMutablePointer<Int>
  /// The current number of each node as numbered by the caller (see `renumber`).
  let label: UnsafeMutablePointer<Int>
  /// Scratch of `renumber`.
  let newID: UnsafeMutablePointer<Int>
  let scratch: UnsafeMutablePointer<Int>
  /// Pivots since the last `renumber`.
  var sinceRenumber = Int.max
  let blockSize: Int
  var nextArc = 0
  var pivots = 0

  init(nodeCount n: Int, arcs: [MinCostFlowSimplex.Arc]) {
    self.n = n
    m = arcs.count
    let arcCount = m + n
    let nodes = n + 1
    source = .allocate(capacity: arcCount)
    target = .allocate(capacity: arcCount)
    cost = .allocate(capacity: arcCount)
    capacity = .allocate(capacity: arcCount)
    flow = .allocate(capacity: arcCount)
    state = .allocate(capacity: arcCount)
    pi = .allocate(capacity: nodes)
    parent = .allocate(capacity: nodes)
    pred = .allocate(capacity: nodes)
    predDir = .allocate(capacity: nodes)
    thread = .allocate(capacity: nodes)
    revThread = .allocate(capacity: nodes)
    succNum = .allocate(capacity: nodes)
    lastSucc = .allocate(capacity: nodes)
    dirty = .allocate(capacity: nodes + 1)
    label = .allocate(capacity: n)
    newID = .allocate(capacity: nodes)
    scratch = .allocate(capacity: nodes)
    var b = 1
    while (b + 1) * (b + 1) <= m { b += 1 }
    blockSize = max(b, 10)

    for (a, arc) in arcs.enumerated() {
      source[a] = arc.source
      target[a] = arc.target
      cost[a] = arc.cost
      capacity[a] = arc.capacity
      flow[a] = arc.flow
      state[a] = arc.flow == arc.capacity ? Self.upper : Self.lower
    }
    let root = n
    parent[root] = -1
    pred[root] = -1
    predDir[root] = 0
    thread[root] = 0
    revThread[0] = root
    succNum[root] = n + 1
    lastSucc[root] = n - 1
    pi[root] = 0
    for u in 0..<n {
      let a = m + u
      label[u] = u
      parent[u] = root
      pred[u] = a
      predDir[u] = 1
      thread[u] = u + 1
      revThread[u + 1] = u
      succNum[u] = 1
      lastSucc[u] = u
      pi[u] = 0
      source[a] = u
      target[a] = root
      cost[a] = 0
      capacity[a] = Self.infinite
      flow[a] = 0
      state[a] = Self.tree
    }
  }

  deinit {
    for p in [
      source, target, cost, capacity, flow, state, pi, parent, pred, predDir, thread,
      revThread, succNum, lastSucc, dirty, label, newID, scratch,
    ] {
      p.deallocate()
    }
  }

  /// Pivots to optimality; false if the flow is unbounded (the LP is infeasible).
  mutating func run() -> Bool {
    // 1. Make the start basic. Arcs not yet visited keep their flow, off the tree; a visited
    // one is in the tree or at a bound, so each is visited once.
    for a in 0..<m where flow[a] > 0 && flow[a] < capacity[a] && state[a] != Self.tree {
      let reduced = cost[a] &+ pi[source[a]] &- pi[target[a]]
      guard pivot(a, increase: reduced < 0) else { return false }
    }
    renumber()
    // 2. One pass pivoting in every arc that violates optimality, in index order.
    for a in 0..<m {
      if state[a] &* (cost[a] &+ pi[source[a]] &- pi[target[a]]) < 0 {
        guard pivot(a, increase: state[a] == Self.lower) else { return false }
      }
    }
    // 3. Optimality.
    while true {
      if sinceRenumber >= Self.renumberPeriod {
        renumber()
        sinceRenumber = 0
      }
      sinceRenumber += 1
      let entering = findEnteringArc()
      if entering < 0 { return true }
      guard pivot(entering, increase: state[entering] == Self.lower) else { return false }
    }
  }

  /// The potential of node `v` as numbered by the caller.
  func potential(_ v: Int) -> Int { pi[label[v]] }

  /// Renumbers the nodes in thread order (the root stays last). Subtrees are segments of the
  /// thread, so this keeps the potential updates and the climbs to the join in nearby memory
  /// until the tree has changed much.
  func renumber() {
    var u = thread[n]
    var k = 0
    while u != n {
      newID[u] = k
      k += 1
      u = thread[u]
    }
    newID[n] = n
    for array in [pi, pred, predDir, succNum] {
      for u in 0...n { scratch[newID[u]] = array[u] }
      array.update(from: scratch, count: n + 1)
    }
    for array in [parent, thread, revThread, lastSucc] {
      for u in 0...n {
        let w = array[u]
        scratch[newID[u]] = w < 0 ? w : newID[w]
      }
      array.update(from: scratch, count: n + 1)
    }
    for a in 0..<(m + n) {
      source[a] = newID[source[a]]
      target[a] = newID[target[a]]
    }
    for v in 0..<n { label[v] = newID[label[v]] }
  }

  /// Block search: scans the arcs cyclically from `nextArc` in blocks of `blockSize` and
  /// returns the most violating arc of the first block that has one, or −1 when the flow is
  /// optimal. Tree arcs have state 0, so they never qualify.
  mutating func findEnteringArc() -> Int {
    var best = -1
    var minimum = 0
    var e = nextArc
    var remaining = m
    while remaining > 0 {
      let end = min(e + blockSize, m, e + remaining)
      remaining -= end - e
      while e < end {
        let c = state[e] &* (cost[e] &+ pi[source[e]] &- pi[target[e]])
        if c < minimum {
          minimum = c
          best = e
        }
        e += 1
      }
      if e == m { e = 0 }
      if best >= 0 {
        nextArc = e
        return best
      }
    }
    return -1
  }

  /// One pivot on the non-tree arc `inArc`: sends as much flow as possible around its cycle
  /// with the tree, raising inArc's flow (`increase`) or lowering it. The first arc to reach
  /// a bound leaves the tree, unless it is inArc itself, which then just changes bound.
  /// False if nothing blocks (unbounded).
  mutating func pivot(_ inArc: Int, increase: Bool) -> Bool {
    // The cycle runs first → second along inArc, up from second to the join and down from
    // the join to first.
    let first = increase ? source[inArc] : target[inArc]
    let second = increase ? target[inArc] : source[inArc]
    // Climb from the smaller subtree until both ends meet at the join, with the ratio test
    // on the way: how far each tree arc lets the flow change before reaching a bound. Ties go
    // to the last blocking arc in cycle order from the join (first side downwards, inArc,
    // second side upwards), which keeps the tree strongly feasible: no cycling. So the first
    // side keeps its earliest minimum (nearest first), the second side its latest.
    var u = first
    var v = second
    var firstMin = Int.max
    var firstOut = -1
    var secondMin = Int.max
    var secondOut = -1
    while u != v {
      if succNum[u] < succNum[v] {
        // Crossed downwards: backwards if pred points up.
        let e = pred[u]
        let d = predDir[u] > 0 ? flow[e] : capacity[e] &- flow[e]
        if d < firstMin {
          firstMin = d
          firstOut = u
        }
        u = parent[u]
      } else {
        // Crossed upwards: backwards if pred points down.
        let e = pred[v]
        let d = predDir[v] < 0 ? flow[e] : capacity[e] &- flow[e]
        if d <= secondMin {
          secondMin = d
          secondOut = v
        }
        v = parent[v]
      }
    }
    let join = u
    var delta = increase ? capacity[inArc] &- flow[inArc] : flow[inArc]
    var uOut = -1
    var onFirstSide = false
    if firstMin < delta {
      delta = firstMin
      uOut = firstOut
      onFirstSide = true
    }
    if secondOut >= 0 && secondMin <= delta {
      delta = secondMin
      uOut = secondOut
      onFirstSide = false
    }
    if delta > Self.infinite / 2 { return false }
    if delta > 0 {
      let change = increase ? delta : -delta
      flow[inArc] &+= change
      u = source[inArc]
      while u != join {
        flow[pred[u]] &-= predDir[u] &* change
        u = parent[u]
      }
      u = target[inArc]
      while u != join {
        flow[pred[u]] &+= predDir[u] &* change
        u = parent[u]
      }
    }
    pivots += 1
    if uOut < 0 {
      state[inArc] = flow[inArc] == 0 ? Self.lower : Self.upper
      return true
    }
    let outArc = pred[uOut]
    state[outArc] = flow[outArc] == 0 ? Self.lower : Self.upper
    state[inArc] = Self.tree
    let uIn = onFirstSide ? first : second
    let vIn = onFirstSide ? second : first
    updateTree(inArc: inArc, join: join, uIn: uIn, vIn: vIn, uOut: uOut)
    // Make inArc's reduced cost 0 by shifting the potentials of the moved subtree (now hanging
    // from vIn through inArc, a segment of the thread), or of all the rest when that is
    // smaller: potentials only matter up to a constant.
    let sigma = pi[vIn] &- pi[uIn] &- predDir[uIn] &* cost[inArc]
    if sigma != 0 {
      let end = thread[lastSucc[uIn]]
      if 2 * succNum[uIn] <= n + 1 {
        u = uIn
        while u != end {
          pi[u] &+= sigma
          u = thread[u]
        }
      } else {
        u = end
        while u != uIn {
          pi[u] &-= sigma
          u = thread[u]
        }
      }
    }
    return true
  }

  /// Replaces the tree arc above `uOut` by `inArc` (from `uIn` in the subtree of `uOut` to
  /// `vIn` outside it): reverses the stem uIn … uOut and splices the thread (LEMON's
  /// `updateTreeStructure`).
  func updateTree(inArc: Int, join: Int, uIn: Int, vIn: Int, uOut: Int) {
    let oldRevThread = revThread[uOut]
    let oldSuccNum = succNum[uOut]
    let oldLastSucc = lastSucc[uOut]
    let vOut = parent[uOut]

    if uIn == uOut {
      parent[uIn] = vIn
      pred[uIn] = inArc
      predDir[uIn] = uIn == source[inArc] ? 1 : -1
      // Move the subtree's thread segment right after vIn.
      if thread[vIn] != uOut {
        var after = thread[oldLastSucc]
        thread[oldRevThread] = after
        revThread[after] = oldRevThread
        after = thread[vIn]
        thread[vIn] = uOut
        revThread[uOut] = vIn
        thread[oldLastSucc] = after
        revThread[after] = oldLastSucc
      }
    } else {
      // When oldRevThread == vIn (so the join is vOut), the subtree already follows vIn.
      let threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn]
      // Walk the stem from uIn up to uOut, re-hanging each stem node below the previous one
      // and chaining the thread segments: each stem node's own subtree minus the next one.
      var stem = uIn
      var parStem = vIn
      var last = lastSucc[uIn]
      var after = thread[last]
      thread[vIn] = uIn
      var dirtyCount = 1
      dirty[0] = vIn
      while stem != uOut {
        let nextStem = parent[stem]
        thread[last] = nextStem
        dirty[dirtyCount] = last
        dirtyCount += 1
        // Cut the subtree of stem out of the thread.
        let before = revThread[stem]
        thread[before] = after
        revThread[after] = before
        parent[stem] = parStem
        parStem = stem
        stem = nextStem
        last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem]
        after = thread[last]
      }
      parent[uOut] = parStem
      thread[last] = threadContinue
      revThread[threadContinue] = last
      lastSucc[uOut] = last
      if oldRevThread != vIn {
        thread[oldRevThread] = after
        revThread[after] = oldRevThread
      }
      for i in 0..<dirtyCount {
        let w = dirty[i]
        revThread[thread[w]] = w
      }
      // pred, its direction, subtree sizes and last successors along the reversed stem.
      var sizeSum = 0
      let stemLast = lastSucc[uOut]
      var w = uOut
      var p = parent[w]
      while w != uIn {
        pred[w] = pred[p]
        predDir[w] = -predDir[p]
        sizeSum += succNum[w] - succNum[p]
        succNum[w] = sizeSum
        lastSucc[p] = stemLast
        w = p
        p = parent[w]
      }
      pred[uIn] = inArc
      predDir[uIn] = uIn == source[inArc] ? 1 : -1
      succNum[uIn] = oldSuccNum
    }

    // Last successors from vIn towards the root.
    let upLimitOut = lastSucc[join] == vIn ? join : -1
    let lastSuccOut = lastSucc[uOut]
    var u = vIn
    while u != -1 && lastSucc[u] == vIn {
      lastSucc[u] = lastSuccOut
      u = parent[u]
    }
    // Last successors from vOut towards the root.
    if join != oldRevThread && vIn != oldRevThread {
      u = vOut
      while u != upLimitOut && lastSucc[u] == oldLastSucc {
        lastSucc[u] = oldRevThread
        u = parent[u]
      }
    } else if lastSuccOut != oldLastSucc {
      u = vOut
      while u != upLimitOut && lastSucc[u] == oldLastSucc {
        lastSucc[u] = lastSuccOut
        u = parent[u]
      }
    }
    // Subtree sizes on both paths below the join.
    u = vIn
    while u != join {
      succNum[u] += oldSuccNum
      u = parent[u]
    }
    u = vOut
    while u != join {
      succNum[u] -= oldSuccNum
      u = parent[u]
    }
  }
}
