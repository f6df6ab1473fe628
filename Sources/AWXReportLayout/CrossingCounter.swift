/// Counts crossings between consecutive ranks in O(E log V) with the accumulator tree of
/// Barth, Jünger and Mutzel ("Simple and Efficient Bilayer Cross Counting", 2004).
struct CrossingCounter {
  private var tree: [Int] = []
  private var sequence: [Int] = []
  private var scratch: [Int] = []

  /// Crossings between `upper` and the rank below it (sized `lowerCount`).
  mutating func count(
    upper: [Int], lowerCount: Int, position: [Int], down: Adjacency
  ) -> Int {
    if lowerCount < 2 || upper.count < 2 { return 0 }
    sequence.removeAll(keepingCapacity: true)
    for u in upper {
      let r = down.range(u)
      if r.count == 1 {
        sequence.append(position[down.items[r.lowerBound]])
      } else if r.count > 1 {
        scratch.removeAll(keepingCapacity: true)
        for i in r { scratch.append(position[down.items[i]]) }
        scratch.sort()
        sequence.append(contentsOf: scratch)
      }
    }
    var first = 1
    while first < lowerCount { first *= 2 }
    let size = 2 * first - 1
    first -= 1
    if tree.count < size { tree = [Int](repeating: 0, count: size) }
    // Through spans of uniquely held locals, unchecked (positions are below `lowerCount`, the
    // tree has `2 * first + 1` slots): every sweep counts every rank pair, so this is a hot
    // kernel.
    var treeStore: [Int] = []
    swap(&treeStore, &self.tree)
    defer { swap(&treeStore, &self.tree) }
    let sequenceStore = self.sequence
    var tree = treeStore.mutableSpan
    for i in 0..<size { tree[unchecked: i] = 0 }
    let sequence = sequenceStore.span
    var crossings = 0
    for k in 0..<sequence.count {
      var index = sequence[unchecked: k] &+ first
      tree[unchecked: index] &+= 1
      while index > 0 {
        if index & 1 == 1 { crossings &+= tree[unchecked: index &+ 1] }
        index = (index &- 1) >> 1
        tree[unchecked: index] &+= 1
      }
    }
    return crossings
  }
}
