import Testing

@testable import AWXReportLayout

@Suite struct LayeredLayoutTests {
  static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]

  @Test(arguments: seeds)
  func edgesPointDownInTopToBottom(seed: UInt64) {
    let graph = Fixtures.randomDAG(seed: seed, nodes: 60, edges: 90)
    let layout = LayeredLayout.layout(graph)
    for e in graph.edges {
      #expect(layout.nodes[e.tail].y < layout.nodes[e.head].y)
    }
  }

  @Test(arguments: seeds)
  func edgesPointRightInLeftToRight(seed: UInt64) {
    let graph = Fixtures.randomDAG(seed: seed, nodes: 60, edges: 90)
    let layout = LayeredLayout.layout(graph, options: LayoutOptions(rankDirection: .leftToRight))
    for e in graph.edges {
      #expect(layout.nodes[e.tail].x < layout.nodes[e.head].x)
    }
  }

  @Test(arguments: seeds)
  func nodesDoNotOverlapAndStayInBounds(seed: UInt64) {
    for direction in [RankDirection.topToBottom, .leftToRight] {
      let graph = Fixtures.randomDAG(seed: seed, nodes: 80, edges: 120)
      let layout = LayeredLayout.layout(graph, options: LayoutOptions(rankDirection: direction))
      let frames = layout.nodes.map(\.frame)
      for i in frames.indices {
        for j in frames.indices where j > i {
          #expect(!Fixtures.overlaps(frames[i], frames[j]), "nodes \(i) and \(j)")
        }
      }
      let bounds = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
      for f in frames { #expect(Fixtures.contains(bounds, f)) }
      for edge in layout.edges {
        for p in edge.points {
          #expect(p.x >= 0 && p.x <= layout.width && p.y >= 0 && p.y <= layout.height)
        }
      }
    }
  }

  @Test(arguments: seeds)
  func edgesStartAndEndOnBorders(seed: UInt64) {
    for direction in [RankDirection.topToBottom, .leftToRight] {
      let graph = Fixtures.randomDAG(seed: seed, nodes: 50, edges: 80)
      let layout = LayeredLayout.layout(graph, options: LayoutOptions(rankDirection: direction))
      for (i, e) in graph.edges.enumerated() {
        let route = layout.edges[i]
        #expect(Fixtures.onBorder(route.arrowTip, layout.nodes[e.head].frame))
        #expect((route.points.count - 1) % 3 == 0 && route.points.count >= 4)
        if let first = route.points.first {
          #expect(Fixtures.onBorder(first, layout.nodes[e.tail].frame))
        }
        #expect(route.points.last == route.arrowBase)
        #expect(!Fixtures.onBorder(route.arrowBase, layout.nodes[e.head].frame))
      }
    }
  }

  @Test(arguments: seeds)
  func edgesAvoidForeignNodes(seed: UInt64) {
    let graph = Fixtures.randomDAG(seed: seed, nodes: 60, edges: 100)
    let layout = LayeredLayout.layout(graph)
    let frames = layout.nodes.map(\.frame)
    for (i, e) in graph.edges.enumerated() {
      let pts = layout.edges[i].points
      var k = 0
      while k + 3 < pts.count {
        for step in 0...16 {
          let t = Double(step) / 16
          let m = 1 - t
          let x =
            m * m * m * pts[k].x + 3 * m * m * t * pts[k + 1].x + 3 * m * t * t * pts[k + 2].x
            + t * t * t * pts[k + 3].x
          let y =
            m * m * m * pts[k].y + 3 * m * m * t * pts[k + 1].y + 3 * m * t * t * pts[k + 2].y
            + t * t * t * pts[k + 3].y
          for (v, f) in frames.enumerated() where v != e.tail && v != e.head {
            let inside =
              x > f.x + 1 && x < f.x + f.width - 1 && y > f.y + 1 && y < f.y + f.height - 1
            #expect(!inside, "edge \(i) through node \(v)")
          }
        }
        k += 3
      }
    }
  }

  @Test func deterministic() {
    let graph = Fixtures.randomDAG(seed: 42, nodes: 150, edges: 260, clusters: true)
    let a = LayeredLayout.layout(graph)
    let b = LayeredLayout.layout(graph)
    #expect(a.nodes == b.nodes)
    #expect(a.edges == b.edges)
    #expect(a.clusters == b.clusters)
    #expect(a.width == b.width && a.height == b.height)
  }

  @Test func singleNode() {
    let graph = LayoutGraph(nodes: [LayoutNode(width: 100, height: 30)])
    let layout = LayeredLayout.layout(graph)
    #expect(layout.nodes.count == 1)
    #expect(layout.nodes[0].x == 58 && layout.nodes[0].y == 23)
    #expect(layout.width == 116 && layout.height == 46)
  }

  /// Absurd sizes and gaps (huge, infinite, NaN, negative) are clamped, not trapped on when
  /// they become the solver's integer coordinates; the drawing stays finite and overlap-free.
  @Test func absurdSizesAndGapsAreClamped() {
    var graph = LayoutGraph(nodes: [
      LayoutNode(width: 1e300, height: 30), LayoutNode(width: .infinity, height: .nan),
      LayoutNode(width: -5, height: 1e20), LayoutNode(width: 80, height: 30),
    ])
    graph.edges = [
      LayoutEdge(tail: 0, head: 1), LayoutEdge(tail: 0, head: 2), LayoutEdge(tail: 0, head: 3),
    ]
    let options = LayoutOptions(nodeSeparation: 1e300, rankSeparation: .nan, margin: -.infinity)
    for direction in [RankDirection.topToBottom, .leftToRight] {
      var o = options
      o.rankDirection = direction
      let layout = LayeredLayout.layout(graph, options: o)
      #expect(layout.width.isFinite && layout.height.isFinite)
      #expect(layout.nodes.allSatisfy { $0.x.isFinite && $0.y.isFinite })
      #expect(layout.nodes[0].width == LayoutOptions.maximumLength)
      for i in 0..<4 {
        for j in (i + 1)..<4 {
          #expect(!Fixtures.overlaps(layout.nodes[i].frame, layout.nodes[j].frame))
        }
      }
    }
  }

  @Test func emptyGraph() {
    let layout = LayeredLayout.layout(LayoutGraph())
    #expect(layout.nodes.isEmpty && layout.edges.isEmpty)
  }

  @Test func noEdges() {
    let graph = LayoutGraph(nodes: (0..<5).map { _ in LayoutNode(width: 40, height: 20) })
    let layout = LayeredLayout.layout(graph)
    let ys = Set(layout.nodes.map(\.y))
    #expect(ys.count == 1)
    let frames = layout.nodes.map(\.frame)
    for i in 0..<5 { for j in (i + 1)..<5 { #expect(!Fixtures.overlaps(frames[i], frames[j])) } }
  }

  @Test func multiEdgesGetDistinctRoutes() {
    let graph = LayoutGraph(
      nodes: [LayoutNode(width: 80, height: 30), LayoutNode(width: 80, height: 30)],
      edges: [
        LayoutEdge(tail: 0, head: 1), LayoutEdge(tail: 0, head: 1), LayoutEdge(tail: 0, head: 1),
      ])
    let layout = LayeredLayout.layout(graph)
    #expect(layout.edges.count == 3)
    #expect(Set(layout.edges.map(\.arrowTip)).count == 3)
    for e in layout.edges { #expect(Fixtures.onBorder(e.arrowTip, layout.nodes[1].frame)) }
  }

  @Test func selfLoopAndCycleDoNotCrash() {
    let graph = LayoutGraph(
      nodes: (0..<4).map { _ in LayoutNode(width: 50, height: 20) },
      edges: [
        LayoutEdge(tail: 0, head: 1), LayoutEdge(tail: 1, head: 2), LayoutEdge(tail: 2, head: 0),
        LayoutEdge(tail: 3, head: 3), LayoutEdge(tail: 2, head: 3), LayoutEdge(tail: 7, head: 1),
      ])
    let layout = LayeredLayout.layout(graph)
    #expect(layout.nodes.count == 4 && layout.edges.count == 6)
    for i in [0, 1, 2, 4] {
      let e = graph.edges[i]
      #expect(Fixtures.onBorder(layout.edges[i].arrowTip, layout.nodes[e.head].frame))
    }
    #expect(layout.edges[5].points.isEmpty)
  }

  @Test(arguments: seeds)
  func clustersContainTheirNodesAndAvoidOthers(seed: UInt64) {
    for direction in [RankDirection.topToBottom, .leftToRight] {
      let graph = Fixtures.randomDAG(seed: seed, nodes: 60, edges: 90, clusters: true)
      let layout = LayeredLayout.layout(graph, options: LayoutOptions(rankDirection: direction))
      let bounds = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
      func inCluster(_ v: Int, _ c: Int) -> Bool {
        var x = graph.nodes[v].cluster
        while let y = x {
          if y == c { return true }
          x = graph.clusters[y].parent
        }
        return false
      }
      for (c, box) in layout.clusters.enumerated() {
        #expect(Fixtures.contains(bounds, box))
        for v in graph.nodes.indices {
          let frame = layout.nodes[v].frame
          if inCluster(v, c) {
            #expect(Fixtures.contains(box, frame), "cluster \(c) misses node \(v)")
          } else {
            #expect(!Fixtures.overlaps(box, frame), "cluster \(c) overlaps node \(v)")
          }
        }
        if direction == .topToBottom {
          #expect(box.width >= graph.clusters[c].labelWidth)
        }
      }
      #expect(Fixtures.contains(layout.clusters[0], layout.clusters[1]))
      #expect(!Fixtures.overlaps(layout.clusters[0], layout.clusters[2]))
    }
  }

  @Test func leftToRightIsTransposedTopToBottom() {
    let graph = Fixtures.randomDAG(seed: 9, nodes: 30, edges: 40)
    let tb = LayeredLayout.layout(graph)
    var swapped = graph
    swapped.nodes = graph.nodes.map { LayoutNode(width: $0.height, height: $0.width) }
    let lr = LayeredLayout.layout(swapped, options: LayoutOptions(rankDirection: .leftToRight))
    #expect(tb.width == lr.height && tb.height == lr.width)
    for i in graph.nodes.indices {
      #expect(tb.nodes[i].x == lr.nodes[i].y && tb.nodes[i].y == lr.nodes[i].x)
    }
  }

  @Test func rankingIsTight() {
    // A diamond with a long side: network simplex keeps the short side at length 1.
    let graph = LayoutGraph(
      nodes: (0..<5).map { _ in LayoutNode(width: 40, height: 20) },
      edges: [
        LayoutEdge(tail: 0, head: 1), LayoutEdge(tail: 1, head: 2), LayoutEdge(tail: 2, head: 3),
        LayoutEdge(tail: 0, head: 4), LayoutEdge(tail: 4, head: 3),
      ])
    let layout = LayeredLayout.layout(graph)
    let ys = layout.nodes.map(\.y)
    #expect(ys[4] == ys[1] || ys[4] == ys[2])
  }
}
