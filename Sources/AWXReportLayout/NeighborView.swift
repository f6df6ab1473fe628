/// Read-only view of one side's adjacency (CSR lists plus each node's only neighbour), for
/// the crossing kernels that run on every adjacent pair many times per sweep.
///
/// Valid only inside `Adjacency.withView`, which holds the buffers. It stays a sanctioned
/// unsafe view: the safe form, a `~Escapable` struct of `Span` fields returned by a function,
/// needs the experimental Lifetimes feature on Swift 6.3.1 ("the 'get' accessor cannot return
/// a ~Escapable result"). The positions it reads come in as a `Span`.
struct NeighborView {
  let start: UnsafeBufferPointer<Int>
  let items: UnsafeBufferPointer<Int>
  /// Per node: its only neighbour, `noNeighbor` without one, `manyNeighbors` with several.
  let single: UnsafeBufferPointer<Int>

  static let noNeighbor = -1
  static let manyNeighbors = -2

  /// The `single` table of `adjacency` for nodes `0..<count`.
  static func singleNeighbors(_ adjacency: Adjacency, count: Int) -> [Int] {
    (0..<count).map { v in
      switch adjacency.count(v) {
      case 0: return noNeighbor
      case 1: return adjacency.items[adjacency.start[v]]
      default: return manyNeighbors
      }
    }
  }

  /// Crossings among the edges of `v` and `w` on this side with `v` left of `w` (`before`),
  /// and with `w` left of `v` (`after`).
  @inline(__always)
  func crossings(
    _ v: Int, _ w: Int, _ position: Span<Int>
  ) -> (before: Int, after: Int) {
    let sv = single[v]
    let sw = single[w]
    if sv >= 0 && sw >= 0 {
      // The common case (virtual nodes, chains): one edge each.
      let pv = position[unchecked: sv]
      let pw = position[unchecked: sw]
      return (pw < pv ? 1 : 0, pw > pv ? 1 : 0)
    }
    if sv == Self.noNeighbor || sw == Self.noNeighbor { return (0, 0) }
    return listCrossings(v, w, position)
  }

  /// `crossings` when one of the nodes has several neighbours: kept out of line so the
  /// common case stays small.
  @inline(never)
  private func listCrossings(
    _ v: Int, _ w: Int, _ position: Span<Int>
  ) -> (before: Int, after: Int) {
    let v0 = start[v]
    let v1 = start[v + 1]
    let w0 = start[w]
    let w1 = start[w + 1]
    var before = 0
    var after = 0
    if v1 &- v0 == 1 || w1 &- w0 == 1 {
      // One edge against a list (a chain next to a fan): one pass over the list.
      let vSingle = v1 &- v0 == 1
      let pivot = position[unchecked: items[vSingle ? v0 : w0]]
      for i in (vSingle ? w0..<w1 : v0..<v1) {
        let p = position[unchecked: items[i]]
        before &+= p < pivot ? 1 : 0
        after &+= p > pivot ? 1 : 0
      }
      // Counted as (w's position vs v's); for a single w the roles swap.
      return vSingle ? (before, after) : (after, before)
    }
    if (v1 &- v0) &* (w1 &- w0) > 64 {
      // High degree (fan-in/fan-out nodes): sort and merge instead of all pairs, in
      // temporary storage (no heap allocation for moderate degrees).
      return withUnsafeTemporaryAllocation(of: Int.self, capacity: v1 - v0 + w1 - w0) { buffer in
        var a = UnsafeMutableBufferPointer(rebasing: buffer[0..<(v1 - v0)])
        var b = UnsafeMutableBufferPointer(rebasing: buffer[(v1 - v0)...])
        for i in v0..<v1 { a[i - v0] = position[unchecked: items[i]] }
        for i in w0..<w1 { b[i - w0] = position[unchecked: items[i]] }
        a.sort()
        b.sort()
        // before: pairs with b < a; after: pairs with b > a.
        var j = 0
        var k = 0
        for x in a {
          while j < b.count && b[j] < x { j += 1 }
          while k < b.count && b[k] <= x { k += 1 }
          before += j
          after += b.count - k
        }
        return (before, after)
      }
    }
    for i in v0..<v1 {
      let pv = position[unchecked: items[i]]
      for j in w0..<w1 {
        let pw = position[unchecked: items[j]]
        before &+= pw < pv ? 1 : 0
        after &+= pw > pv ? 1 : 0
      }
    }
    return (before, after)
  }
}

extension Adjacency {
  /// Calls `body` with a view of these lists and their `single` table.
  @inline(__always)
  func withView<R>(single: [Int], _ body: (NeighborView) -> R) -> R {
    start.withUnsafeBufferPointer { start in
      items.withUnsafeBufferPointer { items in
        single.withUnsafeBufferPointer { single in
          body(NeighborView(start: start, items: items, single: single))
        }
      }
    }
  }
}
