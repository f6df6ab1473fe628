import Dispatch

/// Orders the nodes inside each rank to reduce crossings, after Graphviz's `mincross`:
/// two breadth-first starts (from the sources, from the sinks), weighted-median sweeps
/// alternating down and up, adjacent-exchange transposition, and the best ordering seen kept;
/// small graphs add sifting and restarts from shuffled ranks. Every limit and threshold is in
/// `LayoutTuning`.
///
/// With clusters, every sort is hierarchical (a cluster's nodes move as one block) and
/// transposition only swaps nodes of the same innermost cluster, so each cluster stays
/// contiguous in every rank.
struct CrossingReducer {
  private let graph: LayeredGraph
  private let clusters: ClusterTree
  private let hasClusters: Bool
  private(set) var layers: [[Int]]
  /// Crossings of the best order an `explore` found.
  private var best = Int.max
  private let tuning: LayoutTuning
  private var position: [Int]
  private var counter = CrossingCounter()
  private var median: [Double]
  private var candidate: [Bool]
  /// Per node: its only neighbour in the rank above (below), see `NeighborView.single`.
  /// Lets transposition skip the list walks for the many nodes with one edge a side.
  private let upOne: [Int]
  private let downOne: [Int]

  init(graph: LayeredGraph, clusters: ClusterTree, tuning: LayoutTuning = LayoutTuning()) {
    self.graph = graph
    self.clusters = clusters
    self.tuning = tuning
    hasClusters = graph.cluster.contains { $0 >= 0 }
    layers = [[Int]](repeating: [], count: graph.rankCount)
    position = [Int](repeating: 0, count: graph.count)
    median = [Double](repeating: -1, count: graph.count)
    candidate = [Bool](repeating: true, count: graph.rankCount)
    upOne = NeighborView.singleNeighbors(graph.up, count: graph.count)
    downOne = NeighborView.singleNeighbors(graph.down, count: graph.count)
  }

  /// Runs the whole heuristic and returns the ordering, top rank first.
  static func order(
    _ graph: LayeredGraph, clusters: ClusterTree, tuning: LayoutTuning = LayoutTuning()
  ) -> [[Int]] {
    var reducer = CrossingReducer(graph: graph, clusters: clusters, tuning: tuning)
    reducer.run()
    return reducer.layers
  }

  /// Crossings of a full ordering `layers` of `graph`, summed over consecutive ranks.
  static func crossings(_ graph: LayeredGraph, _ layers: [[Int]]) -> Int {
    var reducer = CrossingReducer(graph: graph, clusters: ClusterTree([]))
    reducer.setLayers(layers)
    return reducer.totalCrossings()
  }

  /// One run, then (small graphs) `tuning.restarts` more from shuffled ranks, each seeded, so
  /// the result is still a pure function of the input; the run with fewest crossings wins.
  private mutating func run() {
    runOnce(shuffle: 0)
    let restarts = tuning.restarts
    guard graph.count <= tuning.restartLimit, restarts > 0 else { return }
    var bestLayers = layers
    var best = totalCrossings()
    for k in 1...restarts where best > 0 {
      runOnce(shuffle: UInt64(k))
      let crossings = totalCrossings()
      if crossings < best {
        best = crossings
        bestLayers = layers
      }
    }
    setLayers(bestLayers)
  }

  /// Shuffles every rank (Fisher–Yates with SplitMix64 from `seed`): a different start.
  private mutating func shuffleLayers(_ seed: UInt64) {
    var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15)
    var shuffled = layers
    for r in shuffled.indices where shuffled[r].count > 1 {
      for i in stride(from: shuffled[r].count - 1, to: 0, by: -1) {
        shuffled[r].swapAt(i, Int(random.next() % UInt64(i + 1)))
      }
    }
    setLayers(shuffled)
    if hasClusters {
      // Clusters back into contiguous blocks, in their shuffled order.
      for r in 0..<layers.count {
        sortLayer(r, keys: layers[r].indices.map { Double($0) }, reverse: false)
      }
    }
  }

  /// One whole run: the two breadth-first starts (shuffled when `shuffle` > 0), sweeps from
  /// the better, then transposition and, on small graphs, sifting.
  private mutating func runOnce(shuffle: UInt64) {
    let small = graph.count <= tuning.smallGraph
    let large = graph.count > tuning.largeGraph
    let quit = small ? tuning.smallMinQuit : large ? tuning.largeMinQuit : tuning.minQuit
    // The two starts are independent: on graphs where they take time, one per core.
    var starts = [self, self]
    if small || !tuning.parallelStarts {
      for i in 0..<2 { starts[i].explore(fromTop: i == 0, shuffle: shuffle) }
    } else {
      starts.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let slots = buffer
        DispatchQueue.concurrentPerform(iterations: 2) { i in
          slots[i].explore(fromTop: i == 0, shuffle: shuffle)
        }
      }
    }
    // As one sequence, pass 0 then pass 1: the later of equal counts wins, and a crossing-free
    // pass 0 ends the search.
    let chosen = starts[0].best == 0 || starts[1].best > starts[0].best ? starts[0] : starts[1]
    var best = chosen.best
    var bestLayers = chosen.layers
    setLayers(bestLayers)
    var trying = 0
    var current = best
    for iteration in 0..<(small ? tuning.smallMaxIterations : tuning.maxIterations) {
      if trying >= quit || current == 0 { break }
      trying += 1
      step(iteration)
      current = totalCrossings()
      if current <= best {
        if Double(current) < tuning.convergence * Double(best) { trying = 0 }
        best = current
        bestLayers = layers
      }
    }
    setLayers(bestLayers)
    if best > 0 { transpose(reverse: false) }
    if small && !hasClusters && best > 0 && siftCost() <= tuning.siftBudget { sift() }
  }

  /// Passes 0 and 1 of `mincross`: a breadth-first start from the sources (or the sinks),
  /// shuffled when `shuffle` > 0, and `tuning.startSweeps` sweeps. Leaves in `layers` the
  /// last order with the fewest crossings seen, and their number in `best`.
  private mutating func explore(fromTop: Bool, shuffle: UInt64) {
    buildInitialOrder(fromTop: fromTop)
    if shuffle > 0 { shuffleLayers(shuffle &* 2 &+ (fromTop ? 0 : 1)) }
    best = totalCrossings()
    var bestLayers = layers
    for iteration in 0..<tuning.startSweeps where best > 0 {
      step(iteration)
      let current = totalCrossings()
      if current <= best {
        best = current
        bestLayers = layers
      }
    }
    setLayers(bestLayers)
  }

  /// What one sifting pass costs: every node of a rank tried at every position, each try
  /// recounting the edges on both sides of the rank, i.e. Σ width² × (edges at the rank).
  private func siftCost() -> Int {
    var cost = 0
    for layer in layers {
      var edges = 0
      for v in layer { edges += graph.up[v].count + graph.down[v].count }
      cost += layer.count * layer.count * max(edges, 1)
      if cost > tuning.siftBudget { return cost }
    }
    return cost
  }

  /// Sifting (Matuszewski, Schönfeld, Molitor 1999): every node tried at every position of
  /// its rank and kept where it crosses least with both neighbouring ranks. Escapes the
  /// local optima of median + transposition; quadratic per rank, so small graphs only.
  private mutating func sift() {
    for _ in 0..<tuning.siftPasses {
      var improved = false
      for r in layers.indices where layers[r].count > 1 {
        for v in layers[r] {
          let base = localCrossings(r)
          var layer = layers[r]
          let from = position[v]
          layer.remove(at: from)
          var bestAt = from
          var best = base
          for at in 0...layer.count where at != from {
            var trial = layer
            trial.insert(v, at: at)
            layers[r] = trial
            for (i, w) in trial.enumerated() { position[w] = i }
            let c = localCrossings(r)
            if c < best {
              best = c
              bestAt = at
            }
          }
          layer.insert(v, at: bestAt)
          layers[r] = layer
          for (i, w) in layer.enumerated() { position[w] = i }
          if best < base { improved = true }
        }
      }
      if !improved { break }
    }
  }

  private mutating func localCrossings(_ r: Int) -> Int {
    var total = 0
    if r > 0 {
      total += counter.count(
        upper: layers[r - 1], lowerCount: layers[r].count, position: position, down: graph.down)
    }
    if r + 1 < layers.count {
      total += counter.count(
        upper: layers[r], lowerCount: layers[r + 1].count, position: position, down: graph.down)
    }
    return total
  }

  mutating func setLayers(_ newLayers: [[Int]]) {
    layers = newLayers
    for layer in layers {
      for (i, v) in layer.enumerated() { position[v] = i }
    }
  }

  /// Breadth-first from the sources (or sinks), each node appended to its rank when reached.
  private mutating func buildInitialOrder(fromTop: Bool) {
    let n = graph.count
    var seen = [Bool](repeating: false, count: n)
    var queue: [Int] = []
    queue.reserveCapacity(n)
    var fresh = [[Int]](repeating: [], count: graph.rankCount)
    let forward = fromTop ? graph.down : graph.up
    let backward = fromTop ? graph.up : graph.down
    for v in 0..<n where backward.count(v) == 0 {
      seen[v] = true
      queue.append(v)
    }
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      fresh[graph.rank[v]].append(v)
      for w in forward[v] where !seen[w] {
        seen[w] = true
        queue.append(w)
      }
    }
    setLayers(fresh)
    if hasClusters {
      for r in 0..<layers.count {
        sortLayer(r, keys: layers[r].indices.map { Double($0) }, reverse: false)
      }
    }
  }

  mutating func totalCrossings() -> Int {
    var total = 0
    if layers.count < 2 { return 0 }
    for r in 0..<(layers.count - 1) {
      total += counter.count(
        upper: layers[r], lowerCount: layers[r + 1].count, position: position,
        down: graph.down)
    }
    return total
  }

  private mutating func step(_ iteration: Int) {
    let reverse = iteration % 4 < 2
    let rankCount = layers.count
    // Past the small graphs, transposition starts only where the sweep changed an order (and
    // next to it): elsewhere the last transposition left nothing to gain (same orders on the
    // bench graphs, less time: docs/layout-tuning.md).
    let local = graph.count > tuning.smallGraph
    var changed = [Bool](repeating: false, count: local ? rankCount : 0)
    if rankCount > 1 {
      if iteration % 2 == 0 {
        for r in 1..<rankCount {
          if reorder(r, neighbors: graph.up, adjacent: r - 1, reverse: reverse) && local {
            changed[r] = true
          }
        }
      } else {
        for r in stride(from: rankCount - 2, through: 0, by: -1) {
          if reorder(r, neighbors: graph.down, adjacent: r + 1, reverse: reverse) && local {
            changed[r] = true
          }
        }
      }
    }
    if local {
      for r in 0..<rankCount {
        candidate[r] =
          changed[r] || (r > 0 && changed[r - 1]) || (r + 1 < rankCount && changed[r + 1])
      }
      transposeCandidates(reverse: !reverse)
    } else {
      transpose(reverse: !reverse)
    }
  }

  /// Weighted median (Gansner et al.) of the neighbours' positions; -1 without neighbours.
  private func medianValue(_ v: Int, _ neighbors: Adjacency, _ buffer: inout [Int]) -> Double {
    let r = neighbors.range(v)
    switch r.count {
    case 0: return -1
    case 1: return Double(position[neighbors.items[r.lowerBound]])
    case 2:
      return Double(
        position[neighbors.items[r.lowerBound]] + position[neighbors.items[r.lowerBound + 1]]
      ) / 2
    default:
      break
    }
    buffer.removeAll(keepingCapacity: true)
    for i in r { buffer.append(position[neighbors.items[i]]) }
    buffer.sort()
    let m = buffer.count / 2
    if buffer.count % 2 == 1 { return Double(buffer[m]) }
    let left = Double(buffer[m - 1] - buffer[0])
    let right = Double(buffer[buffer.count - 1] - buffer[m])
    if left + right == 0 { return Double(buffer[m - 1] + buffer[m]) / 2 }
    return (Double(buffer[m - 1]) * right + Double(buffer[m]) * left) / (left + right)
  }

  /// Sorts rank `r` by the medians of its neighbours in rank `adjacent`; returns whether
  /// the order changed.
  @discardableResult
  private mutating func reorder(
    _ r: Int, neighbors: Adjacency, adjacent: Int, reverse: Bool
  ) -> Bool {
    var buffer: [Int] = []
    let layer = layers[r]
    if hasClusters {
      // Hierarchical sort needs one scale for every key: fractions of the rank widths.
      let adjacentSize = layers[adjacent].count
      let keys = layer.indices.map { i -> Double in
        let m = medianValue(layer[i], neighbors, &buffer)
        if m >= 0 { return m / Double(max(1, adjacentSize - 1)) }
        return Double(i) / Double(max(1, layer.count - 1))
      }
      sortLayer(r, keys: keys, reverse: reverse)
      return layers[r] != layer
    }
    var movable: [(key: Double, index: Int, node: Int)] = []
    movable.reserveCapacity(layer.count)
    var slots: [Int] = []
    for (i, v) in layer.enumerated() {
      let m = medianValue(v, neighbors, &buffer)
      if m >= 0 {
        movable.append((m, i, v))
        slots.append(i)
      }
    }
    if movable.count < 2 { return false }
    movable.sort { a, b in
      if a.key != b.key { return a.key < b.key }
      return reverse ? a.index > b.index : a.index < b.index
    }
    var newLayer = layer
    var changed = false
    for (k, slot) in slots.enumerated() where newLayer[slot] != movable[k].node {
      newLayer[slot] = movable[k].node
      changed = true
    }
    if !changed { return false }
    layers[r] = newLayer
    for (i, v) in newLayer.enumerated() { position[v] = i }
    return true
  }

  /// Sorts rank `r` by `keys` (indexed by current position), keeping clusters contiguous:
  /// a cluster is placed by the mean key of its members, then sorted inside recursively.
  private mutating func sortLayer(_ r: Int, keys: [Double], reverse: Bool) {
    let layer = layers[r]
    let items = Array(layer.indices)
    var result: [Int] = []
    result.reserveCapacity(layer.count)
    sortGroup(items, depth: 0, layer: layer, keys: keys, reverse: reverse, into: &result)
    layers[r] = result
    for (i, v) in result.enumerated() { position[v] = i }
  }

  private func sortGroup(
    _ items: [Int], depth: Int, layer: [Int], keys: [Double], reverse: Bool,
    into result: inout [Int]
  ) {
    // Units: single nodes directly at this depth, or the child cluster holding the item.
    var unitOf: [Int: Int] = [:]
    var units: [(key: Double, first: Int, members: [Int], cluster: Int)] = []
    for i in items {
      let c = graph.cluster[layer[i]]
      if clusters.depthOf(c) <= depth {
        units.append((keys[i], i, [i], -1))
        continue
      }
      let child = clusters.ancestor(of: c, atDepth: depth + 1)
      if let u = unitOf[child] {
        units[u].key += keys[i]
        units[u].members.append(i)
      } else {
        unitOf[child] = units.count
        units.append((keys[i], i, [i], child))
      }
    }
    for u in units.indices where units[u].members.count > 1 {
      units[u].key /= Double(units[u].members.count)
    }
    units.sort { a, b in
      if a.key != b.key { return a.key < b.key }
      return reverse ? a.first > b.first : a.first < b.first
    }
    for unit in units {
      if unit.cluster < 0 {
        result.append(layer[unit.first])
      } else {
        sortGroup(
          unit.members, depth: depth + 1, layer: layer, keys: keys, reverse: reverse,
          into: &result)
      }
    }
  }

  private mutating func transpose(reverse: Bool) {
    for r in candidate.indices { candidate[r] = true }
    transposeCandidates(reverse: reverse)
  }

  /// Adjacent exchanges on the ranks marked in `candidate` (and, as they change, on their
  /// neighbours) until a round gains nothing.
  private mutating func transposeCandidates(reverse: Bool) {
    var delta = 0
    repeat {
      delta = 0
      for r in 0..<layers.count where candidate[r] {
        delta += transposeStep(r, reverse: reverse)
      }
    } while delta >= 1
  }

  private mutating func transposeStep(_ r: Int, reverse: Bool) -> Int {
    candidate[r] = false
    if layers[r].count < 2 { return 0 }
    // The layer and the positions are taken out of `self` and worked on through spans: this
    // loop runs for every adjacent pair of every rank, many times per sweep, and array
    // uniqueness and bounds checks would otherwise dominate it (the indices are nodes and
    // positions of this rank, in range by construction). The arrays are copied to locals
    // first: reaching `graph.up` through `self` inside the closures retains every array of
    // `graph`, which costs more than the kernel. The swaps back are in `defer`.
    var layerStore: [Int] = []
    var positionStore: [Int] = []
    swap(&layerStore, &layers[r])
    swap(&positionStore, &position)
    defer {
      swap(&layerStore, &layers[r])
      swap(&positionStore, &position)
    }
    let hasClusters = self.hasClusters
    let clusterStore = graph.cluster
    let up = graph.up
    let down = graph.down
    let upOne = self.upOne
    let downOne = self.downOne
    var delta = 0
    var changed = false
    do {
      var layer = layerStore.mutableSpan
      var position = positionStore.mutableSpan
      let cluster = clusterStore.span
      up.withView(single: upOne) { up in
        down.withView(single: downOne) { down in
          for i in 0..<(layer.count - 1) {
            let v = layer[unchecked: i]
            let w = layer[unchecked: i + 1]
            if hasClusters && cluster[unchecked: v] != cluster[unchecked: w] { continue }
            let a = up.crossings(v, w, position.span)
            let b = down.crossings(v, w, position.span)
            let c0 = a.before &+ b.before
            let c1 = a.after &+ b.after
            if c1 < c0 || (c0 > 0 && reverse && c1 == c0) {
              layer[unchecked: i] = w
              layer[unchecked: i + 1] = v
              position[unchecked: w] = i
              position[unchecked: v] = i + 1
              delta += c0 - c1
              changed = true
            }
          }
        }
      }
    }
    if changed {
      candidate[r] = true
      if r > 0 { candidate[r - 1] = true }
      if r + 1 < layers.count { candidate[r + 1] = true }
    }
    return delta
  }
}
