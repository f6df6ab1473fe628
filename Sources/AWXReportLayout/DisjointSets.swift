/// Union–find over `0..<count`. The smaller index always becomes the representative, so the
/// result never depends on the order of unions (layouts stay deterministic).
struct DisjointSets {
  private var parent: [Int]

  init(count: Int) { parent = Array(0..<count) }

  /// The representative of `v` (path halving).
  mutating func find(_ v: Int) -> Int {
    var v = v
    while parent[v] != v {
      parent[v] = parent[parent[v]]
      v = parent[v]
    }
    return v
  }

  /// Merges the sets of `a` and `b`; false when they were already one set.
  @discardableResult
  mutating func union(_ a: Int, _ b: Int) -> Bool {
    let ra = find(a)
    let rb = find(b)
    if ra == rb { return false }
    parent[max(ra, rb)] = min(ra, rb)
    return true
  }

  /// The representative of every element, in index order.
  mutating func representatives() -> [Int] {
    (0..<parent.count).map { find($0) }
  }
}
