/// Moves a finished drawing so that everything starts at the margin, and measures it.
enum Bounds {
  static func normalize(
    nodes: [PositionedNode], edges: [RoutedEdge], clusters: [Rect?], valid: [Bool],
    margin: Double
  ) -> GraphLayout {
    var minX = Double.infinity
    var minY = Double.infinity
    var maxX = -Double.infinity
    var maxY = -Double.infinity
    func include(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
      minX = min(minX, x0)
      minY = min(minY, y0)
      maxX = max(maxX, x1)
      maxY = max(maxY, y1)
    }
    for node in nodes {
      include(
        node.x - node.width / 2, node.y - node.height / 2, node.x + node.width / 2,
        node.y + node.height / 2)
    }
    for box in clusters {
      if let b = box { include(b.x, b.y, b.x + b.width, b.y + b.height) }
    }
    for (i, edge) in edges.enumerated() where valid[i] {
      for p in edge.points { include(p.x, p.y, p.x, p.y) }
      include(edge.arrowTip.x, edge.arrowTip.y, edge.arrowTip.x, edge.arrowTip.y)
    }
    if !minX.isFinite {
      minX = 0
      minY = 0
      maxX = 0
      maxY = 0
    }
    let dx = margin - minX
    let dy = margin - minY
    func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
    let movedNodes = nodes.map {
      PositionedNode(x: $0.x + dx, y: $0.y + dy, width: $0.width, height: $0.height)
    }
    let movedEdges = edges.enumerated().map { i, e -> RoutedEdge in
      guard valid[i] else { return e }
      return RoutedEdge(
        points: e.points.map(move), arrowTip: move(e.arrowTip), arrowBase: move(e.arrowBase))
    }
    let movedClusters = clusters.map { box -> Rect in
      guard let b = box else { return Rect(x: margin, y: margin, width: 0, height: 0) }
      return Rect(x: b.x + dx, y: b.y + dy, width: b.width, height: b.height)
    }
    return GraphLayout(
      nodes: movedNodes, edges: movedEdges, clusters: movedClusters,
      width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin)
  }
}
