/// Compressed adjacency lists (CSR): the neighbours of `v` are `items[start[v]..<start[v+1]]`.
///
/// One flat array instead of an array per node, because layered graphs have tens of
/// thousands of virtual nodes with one or two neighbours each.
struct Adjacency: Sendable {
  var start: [Int]
  var items: [Int]

  /// Builds lists from `(owner, item)` pairs, keeping the pairs' order inside each list.
  init(count: Int, pairs: [(Int, Int)]) {
    var start = [Int](repeating: 0, count: count + 1)
    for (owner, _) in pairs { start[owner + 1] += 1 }
    for i in 0..<count { start[i + 1] += start[i] }
    var fill = start
    var items = [Int](repeating: 0, count: pairs.count)
    for (owner, item) in pairs {
      items[fill[owner]] = item
      fill[owner] += 1
    }
    self.start = start
    self.items = items
  }

  @inline(__always)
  func range(_ v: Int) -> Range<Int> { start[v]..<start[v + 1] }

  @inline(__always)
  func count(_ v: Int) -> Int { start[v + 1] - start[v] }

  @inline(__always)
  subscript(_ v: Int) -> ArraySlice<Int> { items[start[v]..<start[v + 1]] }
}
