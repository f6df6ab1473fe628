import AWXReportLayout

/// Random DAGs and checks shared by the tests.
enum Fixtures {
  /// A DAG: edges go from lower to higher index; sizes vary; optional nested clusters
  /// over contiguous index ranges.
  static func randomDAG(seed: UInt64, nodes: Int, edges: Int, clusters: Bool = false)
    -> LayoutGraph
  {
    var rng = SplitMix64(seed: seed)
    var graph = LayoutGraph()
    for _ in 0..<nodes {
      graph.nodes.append(
        LayoutNode(
          width: Double(Int.random(in: 20...120, using: &rng)),
          height: Double(Int.random(in: 15...50, using: &rng))))
    }
    if nodes >= 2 {
      for _ in 0..<edges {
        let a = Int.random(in: 0..<(nodes - 1), using: &rng)
        let b = Int.random(
          in: (a + 1)..<min(nodes, a + 1 + Int.random(in: 1...8, using: &rng)), using: &rng)
        graph.edges.append(LayoutEdge(tail: a, head: b))
      }
    }
    if clusters && nodes >= 8 {
      graph.clusters = [
        LayoutCluster(label: "outer", labelWidth: 60, labelHeight: 14),
        LayoutCluster(label: "inner", labelWidth: 200, labelHeight: 14, parent: 0),
        LayoutCluster(label: "other", labelWidth: 40, labelHeight: 12),
      ]
      let third = nodes / 3
      for v in 0..<nodes {
        if v < third / 2 {
          graph.nodes[v].cluster = 1
        } else if v < third {
          graph.nodes[v].cluster = 0
        } else if v >= 2 * third && v < 2 * third + third / 2 {
          graph.nodes[v].cluster = 2
        }
      }
    }
    return graph
  }

  static func frame(_ n: PositionedNode) -> Rect { n.frame }

  static func overlaps(_ a: Rect, _ b: Rect, tolerance: Double = 1e-6) -> Bool {
    a.x + a.width > b.x + tolerance && b.x + b.width > a.x + tolerance
      && a.y + a.height > b.y + tolerance && b.y + b.height > a.y + tolerance
  }

  static func onBorder(_ p: Point, _ r: Rect, tolerance: Double = 1e-6) -> Bool {
    let inside =
      p.x >= r.x - tolerance && p.x <= r.x + r.width + tolerance
      && p.y >= r.y - tolerance && p.y <= r.y + r.height + tolerance
    let onEdge =
      abs(p.x - r.x) < tolerance || abs(p.x - r.x - r.width) < tolerance
      || abs(p.y - r.y) < tolerance || abs(p.y - r.y - r.height) < tolerance
    return inside && onEdge
  }

  static func contains(_ outer: Rect, _ inner: Rect, tolerance: Double = 1e-6) -> Bool {
    inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance
      && inner.x + inner.width <= outer.x + outer.width + tolerance
      && inner.y + inner.height <= outer.y + outer.height + tolerance
  }
}
