import Testing

@testable import AWXReportLayout

/// The transposition kernel: `NeighborView.crossings` agrees with counting every pair of
/// edges, for single, absent, repeated and high-degree neighbour lists.
struct NeighborViewTests {
  /// Crossings of `v`'s and `w`'s edges, `v` left of `w` and the reverse, pair by pair.
  static func bruteForce(
    _ v: Int, _ w: Int, _ adjacency: Adjacency, _ position: [Int]
  ) -> (Int, Int) {
    var before = 0
    var after = 0
    for a in adjacency[v] {
      for b in adjacency[w] {
        if position[b] < position[a] { before += 1 }
        if position[b] > position[a] { after += 1 }
      }
    }
    return (before, after)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
  func crossingsMatchPairCounting(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let owners = 12
    let targets = 40
    var pairs: [(Int, Int)] = []
    for v in 0..<owners {
      // Degrees 0, 1 and up to 15: both the single-neighbour and the sorted-merge paths.
      let degree = Int(random.next() % 16) * (v % 3 == 0 ? 1 : 0) + (v % 3 == 1 ? 1 : 0)
      for _ in 0..<degree { pairs.append((v, owners + Int(random.next() % UInt64(targets)))) }
    }
    let adjacency = Adjacency(count: owners + targets, pairs: pairs)
    var position = [Int](repeating: 0, count: owners + targets)
    let order = (0..<targets).shuffled(using: &random)
    for (i, t) in order.enumerated() { position[owners + t] = i }
    let single = NeighborView.singleNeighbors(adjacency, count: owners + targets)
    for v in 0..<owners {
      switch adjacency.count(v) {
      case 0: #expect(single[v] == NeighborView.noNeighbor)
      case 1: #expect(single[v] == adjacency.items[adjacency.start[v]])
      default: #expect(single[v] == NeighborView.manyNeighbors)
      }
    }
    let span = position.span
    adjacency.withView(single: single) { view in
      for v in 0..<owners {
        for w in 0..<owners where w != v {
          let got = view.crossings(v, w, span)
          let want = Self.bruteForce(v, w, adjacency, position)
          #expect(got.before == want.0 && got.after == want.1)
        }
      }
    }
  }
}
