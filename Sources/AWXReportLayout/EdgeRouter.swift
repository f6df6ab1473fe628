/// Routes edges in the internal top-to-bottom frame as chains of cubic Béziers.
///
/// Inside a rank band an edge runs vertically (through its virtual node, or straight out of
/// or into its end node's box side facing the next rank); between bands it is an S-curve
/// with vertical tangents. Bands hold all nodes and virtual nodes are kept clear of node
/// boxes by the separation, so no edge passes through a foreign node; and two curves across
/// the same gap cross at most once, exactly when their order swaps.
struct EdgeRouter {
  let graph: LayeredGraph
  let x: [Double]
  let spacing: RankSpacing
  let arrowLength: Double

  /// Horizontal gap kept between ports sharing a box side.
  private static let portSpacing = 6.0

  /// Routes for all input edges (`edges` as given, in input order).
  func routes(edges: [LayoutEdge], valid: [Bool]) -> [RoutedEdge] {
    let (bottomPort, topPort) = ports()
    var result: [RoutedEdge] = []
    result.reserveCapacity(edges.count)
    for (e, edge) in edges.enumerated() {
      let chain = graph.chains[e]
      if !valid[e] {
        let origin = Point(x: 0, y: 0)
        result.append(RoutedEdge(points: [], arrowTip: origin, arrowBase: origin))
      } else if chain.isEmpty {
        result.append(selfLoop(edge.tail))
      } else {
        result.append(
          route(
            chain: chain, upperX: bottomPort[e], lowerX: topPort[e],
            arrowAtLower: !graph.reversed[e]))
      }
    }
    return result
  }

  /// Port x per edge on the bottom side of its upper end and the top side of its lower end,
  /// ordered like the edges' next points so that edges leaving one box do not cross.
  private func ports() -> (bottom: [Double], top: [Double]) {
    let edgeCount = graph.chains.count
    var bottom = [Double](repeating: 0, count: edgeCount)
    var top = [Double](repeating: 0, count: edgeCount)
    var downPairs: [(Int, Int)] = []
    var upPairs: [(Int, Int)] = []
    for (e, chain) in graph.chains.enumerated() where chain.count >= 2 {
      downPairs.append((chain[0], e))
      upPairs.append((chain[chain.count - 1], e))
    }
    let leaving = Adjacency(count: graph.realCount, pairs: downPairs)
    let entering = Adjacency(count: graph.realCount, pairs: upPairs)
    for v in 0..<graph.realCount {
      assign(v, leaving, next: { graph.chains[$0][1] }, into: &bottom)
      assign(
        v, entering,
        next: {
          let c = graph.chains[$0]
          return c[c.count - 2]
        }, into: &top)
    }
    return (bottom, top)
  }

  private func assign(
    _ v: Int, _ lists: Adjacency, next: (Int) -> Int, into ports: inout [Double]
  ) {
    let range = lists.range(v)
    if range.isEmpty { return }
    let half = graph.width[v] / 2
    let inset = min(half, max(2, graph.width[v] * 0.1))
    let lo = x[v] - half + inset
    let hi = x[v] + half - inset
    var items = range.map { i -> (target: Double, edge: Int) in
      let e = lists.items[i]
      return (x[next(e)], e)
    }
    items.sort { ($0.target, $0.edge) < ($1.target, $1.edge) }
    var p = items.map { min(max($0.target, lo), hi) }
    if p.count > 1 {
      let step = min(Self.portSpacing, (hi - lo) / Double(p.count - 1))
      for i in 1..<p.count { p[i] = max(p[i], p[i - 1] + step) }
      p[p.count - 1] = min(p[p.count - 1], hi)
      for i in stride(from: p.count - 2, through: 0, by: -1) { p[i] = min(p[i], p[i + 1] - step) }
      for i in 0..<p.count { p[i] = max(p[i], lo) }
    }
    for (i, item) in items.enumerated() { ports[item.edge] = p[i] }
  }

  private func route(
    chain: [Int], upperX: Double, lowerX: Double, arrowAtLower: Bool
  ) -> RoutedEdge {
    let upper = chain[0]
    let lower = chain[chain.count - 1]
    let upperRank = graph.rank[upper]
    let lowerRank = graph.rank[lower]
    let upperBorder = Point(x: upperX, y: spacing.center[upperRank] + graph.height[upper] / 2)
    let lowerBorder = Point(x: lowerX, y: spacing.center[lowerRank] - graph.height[lower] / 2)
    let start =
      arrowAtLower
      ? upperBorder : Point(x: upperBorder.x, y: upperBorder.y + arrowLength)
    let end =
      arrowAtLower
      ? Point(x: lowerBorder.x, y: lowerBorder.y - arrowLength) : lowerBorder
    var path = BezierPath(start: start)
    path.line(to: Point(x: start.x, y: bandBottom(upperRank)))
    for v in chain.dropFirst().dropLast() {
      let r = graph.rank[v]
      path.curve(to: Point(x: x[v], y: bandTop(r)))
      path.line(to: Point(x: x[v], y: bandBottom(r)))
    }
    let top = bandTop(lowerRank)
    if end.y > top {
      path.curve(to: Point(x: end.x, y: top))
      path.line(to: end)
    } else {
      path.curve(to: end)
    }
    if arrowAtLower {
      return RoutedEdge(points: path.points, arrowTip: lowerBorder, arrowBase: end)
    }
    return RoutedEdge(points: path.points.reversed(), arrowTip: upperBorder, arrowBase: start)
  }

  private func bandTop(_ r: Int) -> Double { spacing.center[r] - spacing.halfHeight[r] }
  private func bandBottom(_ r: Int) -> Double { spacing.center[r] + spacing.halfHeight[r] }

  /// A small loop on the right side of the node (self loops have no rank to cross).
  private func selfLoop(_ v: Int) -> RoutedEdge {
    let cx = x[v]
    let cy = spacing.center[graph.rank[v]]
    let right = cx + graph.width[v] / 2
    let h = graph.height[v] / 4
    let reach = min(14.0, max(6.0, h * 2))
    let tip = Point(x: right, y: cy + h)
    let base = Point(x: right + arrowLength * 0.7, y: cy + h + arrowLength * 0.7)
    let points = [
      Point(x: right, y: cy - h), Point(x: right + reach, y: cy - h - reach),
      Point(x: right + reach * 1.5, y: cy + h + reach * 0.5), base,
    ]
    return RoutedEdge(points: points, arrowTip: tip, arrowBase: base)
  }
}

/// Accumulates a Graphviz-style Bézier chain (`p0, c1, c2, p1, …`) going down.
struct BezierPath {
  private(set) var points: [Point]

  init(start: Point) { points = [start] }

  private var current: Point { points[points.count - 1] }

  /// Straight piece down to `p`; skipped when `p` is not below the current point.
  mutating func line(to p: Point) {
    let c = current
    if p.y <= c.y + 1e-9 { return }
    points.append(Point(x: c.x + (p.x - c.x) / 3, y: c.y + (p.y - c.y) / 3))
    points.append(Point(x: c.x + 2 * (p.x - c.x) / 3, y: c.y + 2 * (p.y - c.y) / 3))
    points.append(p)
  }

  /// S-curve down to `p` with vertical tangents at both ends.
  mutating func curve(to p: Point) {
    let c = current
    let d = max(0, p.y - c.y) / 2
    points.append(Point(x: c.x, y: c.y + d))
    points.append(Point(x: p.x, y: p.y - d))
    points.append(p)
  }
}
