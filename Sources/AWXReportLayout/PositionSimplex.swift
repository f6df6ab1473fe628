/// dot's x-coordinate pass, solved exactly, plus a price on the drawing's width.
///
/// The LP: minimise Σ ω(e)·|x_u − x_v| over layered edges (dot's Ω: 1, 2, 8) plus
/// `widthWeight` × (right border − left border), subject to every rank's separations. It is
/// written as dot's auxiliary graph: a node per pair of joined nodes pulling both ends (weight
/// ω), an arc of length `separation` between rank neighbours, and a left and a right border
/// node around every rank, pulled together. `MinCostFlowSimplex` solves it exactly in a
/// fraction of the time dot's own simplex needs (docs/layout-tuning.md).
///
/// Without the width term, parts of the drawing that can slide at no cost in edge length stay
/// wherever the start put them, and a large workflow spreads over twice dot's width.
struct PositionSimplex {
  let graph: LayeredGraph
  let layers: [[Int]]
  let separation: (_ left: Int, _ right: Int) -> Double
  /// `widthWeight` and `maxWidthWeight` are read here. The width's weight, against ω of 1, 2
  /// and 8 per edge, grows with the layered node count because the edge terms add up with the
  /// graph and the width grows more slowly: a small workflow's edges should rather stay
  /// straight than save a few points of width.
  var tuning = LayoutTuning()
  /// Coordinates are solved in units of 1/scale pt.
  static let scale = LayoutTuning.positionScale

  /// The optimal x of every layered node, the left border at 0; nil if the solver fails
  /// (it should not: the problem is always feasible and bounded).
  func solve() -> [Double]? {
    let n = graph.count
    if n == 0 { return [] }
    // Auxiliary nodes: 0..<n the layered nodes, then the two borders, then one pull node
    // per joined pair (weights summed over parallel edges).
    let left = n
    let right = n + 1
    var edges: [(tail: Int, head: Int, minLength: Int, weight: Int)] = []
    edges.reserveCapacity(n + 3 * graph.down.items.count + 2 * layers.count)
    for layer in layers where !layer.isEmpty {
      let first = layer[0]
      let last = layer[layer.count - 1]
      edges.append((left, first, Self.units(graph.width[first] / 2), 0))
      edges.append((last, right, Self.units(graph.width[last] / 2), 0))
      for i in layer.indices.dropFirst() {
        edges.append((layer[i - 1], layer[i], Self.units(separation(layer[i - 1], layer[i])), 0))
      }
    }
    var pull: [Int: Int] = [:]
    var pairs: [(Int, Int)] = [(left, right)]
    var weights: [Int] = [tuning.widthWeight(nodeCount: n)]
    for u in 0..<n {
      for v in graph.down[u] {
        let a = min(u, v)
        let b = max(u, v)
        let key = a &* n &+ b
        let w = Int(EdgeLengthCompactor.weight(graph, u, v))
        if let k = pull[key] {
          weights[k] += w
        } else {
          pull[key] = pairs.count
          pairs.append((a, b))
          weights.append(w)
        }
      }
    }
    var count = n + 2
    for (k, (a, b)) in pairs.enumerated() {
      edges.append((count, a, 0, weights[k]))
      edges.append((count, b, 0, weights[k]))
      count += 1
    }
    guard let solution = MinCostFlowSimplex.solve(nodeCount: count, edges: edges) else {
      return nil
    }
    let origin = solution[left]
    return (0..<n).map { Double(solution[$0] - origin) / Self.scale }
  }

  /// A length in solver units, rounded up so that no separation shrinks.
  private static func units(_ length: Double) -> Int {
    Int((length * scale - LayoutTuning.unitRoundingSlack).rounded(.up))
  }
}
