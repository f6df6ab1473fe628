/// Layered (Sugiyama-style) layout of directed graphs, in the manner of Graphviz `dot`.
///
/// Phases: cycle breaking (DFS), ranking (network simplex), long edges split by virtual
/// nodes, crossing reduction (median sweeps + transposition, sifting and restarts on small
/// graphs, cluster-aware), horizontal coordinates (dot's Σ ω·|Δx| plus a price on width,
/// solved exactly; Brandes–Köpf and a descent should the solver fail; then cluster
/// constraints), rank bands, and edge routing.
/// Left-to-right layouts are computed top-to-bottom with sizes swapped, then transposed.
/// The result is a pure function of the input: every tie is broken by index.
package enum LayeredLayout {
  /// Lays out `graph`; see `GraphLayout` for what is returned.
  package static func layout(_ graph: LayoutGraph, options: LayoutOptions = .init()) -> GraphLayout
  {
    let options = options.sanitized
    let tuning = options.tuning
    let leftToRight = options.rankDirection == .leftToRight
    let n = graph.nodes.count
    let sizes = graph.nodes.map { node -> (width: Double, height: Double) in
      let w = LayoutOptions.clamp(node.width)
      let h = LayoutOptions.clamp(node.height)
      return leftToRight ? (h, w) : (w, h)
    }
    let tree = ClusterTree(graph.clusters)
    let k = tree.count
    let nodeClusters = graph.nodes.map { node -> Int in
      guard let c = node.cluster, c >= 0, c < k else { return -1 }
      return c
    }
    // Edges with an end out of range are kept in place (for the output order) as self
    // loops of node 0 internally, and get an empty route.
    let valid = graph.edges.map { $0.tail >= 0 && $0.tail < n && $0.head >= 0 && $0.head < n }
    let edges = graph.edges.enumerated().map { i, e in
      valid[i] ? e : LayoutEdge(tail: 0, head: 0)
    }
    if n == 0 {
      let empty = RoutedEdge(points: [], arrowTip: Point(x: 0, y: 0), arrowBase: Point(x: 0, y: 0))
      let m = options.margin
      return GraphLayout(
        nodes: [], edges: edges.map { _ in empty },
        clusters: graph.clusters.map { _ in Rect(x: m, y: m, width: 0, height: 0) },
        width: 2 * m, height: 2 * m)
    }

    let reversed = CycleBreaker.reversedEdges(nodeCount: n, edges: edges)
    var dagEdges: [(tail: Int, head: Int)] = []
    dagEdges.reserveCapacity(edges.count)
    for (i, e) in edges.enumerated() where e.tail != e.head {
      dagEdges.append(reversed[i] ? (e.head, e.tail) : (e.tail, e.head))
    }
    let ranks = NetworkSimplexRanker.ranks(
      nodeCount: n, edges: dagEdges, searchSize: tuning.rankSearchSize)
    let layered = LayeredGraph(
      sizes: sizes, nodeClusters: nodeClusters, edges: edges, reversed: reversed, ranks: ranks,
      clusters: tree)
    var layers = CrossingReducer.order(layered, clusters: tree, tuning: tuning)

    let separation = Separation(graph: layered, clusters: tree, options: options)
    let placement = ClusterPlacement(graph: layered, clusters: tree)
    let hasClusters = layered.cluster.contains { $0 >= 0 }
    if hasClusters { layers = placement.consistentOrder(layers) }
    let compactor = EdgeLengthCompactor(
      graph: layered, layers: layers, separation: separation.distance, tuning: tuning)
    var x: [Double]
    if let optimum = PositionSimplex(
      graph: layered, layers: layers, separation: separation.distance, tuning: tuning
    ).solve() {
      x = optimum
      compactor.center(&x)
    } else {
      x = BrandesKoepf(graph: layered, layers: layers, separation: separation.distance)
        .positions()
      compactor.compact(&x)
    }

    let pad = tuning.clusterPadding
    let labelHeights = graph.clusters.map { LayoutOptions.clamp($0.labelHeight) }
    let labelWidths = graph.clusters.map { LayoutOptions.clamp($0.labelWidth) }
    // The label sits at the top of the drawn box: the rank side in TB, the cross side in LR.
    let topPadding = labelHeights.map { leftToRight ? pad : pad + $0 }
    let leftPadding = labelHeights.map { leftToRight ? pad + $0 : pad }
    let minimumWidth = labelWidths.map { leftToRight ? 0 : $0 + 2 * pad }
    var clusterLeft = [Double](repeating: 0, count: k)
    var clusterRight = [Double](repeating: -1, count: k)
    if hasClusters {
      (clusterLeft, clusterRight) = placement.place(
        x: &x, layers: layers, leftPadding: leftPadding,
        rightPadding: [Double](repeating: pad, count: k), minimumWidth: minimumWidth,
        nodeSeparation: options.nodeSeparation, separation: separation.distance)
    }
    var bottomPadding = [Double](repeating: pad, count: k)
    var spacing = RankSpacing(
      graph: layered, clusters: tree, topPadding: topPadding, bottomPadding: bottomPadding,
      rankSeparation: options.rankSeparation)
    // In LR the label runs along the ranks: lengthen a box whose ranks are shorter than its
    // label (below its last rank, so the label stays where it is). A parent's shortfall is
    // measured before its children grow, so it can only come out long enough.
    if leftToRight && hasClusters {
      var grew = false
      for c in 0..<k where spacing.clusterLow[c] <= spacing.clusterHigh[c] {
        let lo = spacing.clusterLow[c]
        let hi = spacing.clusterHigh[c]
        let length =
          spacing.center[hi] + spacing.halfHeight[hi] + spacing.footroom[c]
          - (spacing.center[lo] - spacing.halfHeight[lo] - spacing.headroom[c])
        let short = labelWidths[c] + 2 * pad - length
        if short > 0 {
          bottomPadding[c] += short
          grew = true
        }
      }
      if grew {
        spacing = RankSpacing(
          graph: layered, clusters: tree, topPadding: topPadding, bottomPadding: bottomPadding,
          rankSeparation: options.rankSeparation)
      }
    }
    let router = EdgeRouter(
      graph: layered, x: x, spacing: spacing, arrowLength: tuning.arrowLength)
    let routes = router.routes(edges: edges, valid: valid)

    var nodes: [PositionedNode] = (0..<n).map { v in
      PositionedNode(
        x: x[v], y: spacing.center[layered.rank[v]], width: sizes[v].width,
        height: sizes[v].height)
    }
    var boxes: [Rect?] = (0..<k).map { c in
      let lo = spacing.clusterLow[c]
      let hi = spacing.clusterHigh[c]
      guard lo <= hi, clusterLeft[c] <= clusterRight[c] else { return nil }
      let top = spacing.center[lo] - spacing.halfHeight[lo] - spacing.headroom[c]
      let bottom = spacing.center[hi] + spacing.halfHeight[hi] + spacing.footroom[c]
      return Rect(
        x: clusterLeft[c], y: top, width: clusterRight[c] - clusterLeft[c], height: bottom - top)
    }
    var edgesOut = routes
    if leftToRight {
      nodes = nodes.map { PositionedNode(x: $0.y, y: $0.x, width: $0.height, height: $0.width) }
      boxes = boxes.map { box in
        box.map { Rect(x: $0.y, y: $0.x, width: $0.height, height: $0.width) }
      }
      edgesOut = edgesOut.map { e in
        RoutedEdge(
          points: e.points.map { Point(x: $0.y, y: $0.x) },
          arrowTip: Point(x: e.arrowTip.y, y: e.arrowTip.x),
          arrowBase: Point(x: e.arrowBase.y, y: e.arrowBase.x))
      }
    }
    return Bounds.normalize(
      nodes: nodes, edges: edgesOut, clusters: boxes, valid: valid, margin: options.margin)
  }
}
