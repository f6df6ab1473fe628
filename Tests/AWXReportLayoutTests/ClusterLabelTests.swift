import Testing

@testable import AWXReportLayout

/// A cluster's label sits inside its box, in both directions, even when the label is longer
/// than what the box holds: a one-node nested workflow with a long name, nested in another.
@Suite struct ClusterLabelTests {
  /// a → b → c, with b alone in cluster 1 inside cluster 0 (whose only other node is b too).
  static func graph(labelWidth: Double) -> LayoutGraph {
    LayoutGraph(
      nodes: [
        LayoutNode(width: 60, height: 30), LayoutNode(width: 60, height: 30, cluster: 1),
        LayoutNode(width: 60, height: 30),
      ],
      edges: [LayoutEdge(tail: 0, head: 1), LayoutEdge(tail: 1, head: 2)],
      clusters: [
        LayoutCluster(label: "outer", labelWidth: labelWidth, labelHeight: 20),
        LayoutCluster(label: "inner", labelWidth: labelWidth, labelHeight: 20, parent: 0),
      ])
  }

  @Test(arguments: [RankDirection.topToBottom, .leftToRight], [80.0, 320.0])
  func labelFitsItsBox(direction: RankDirection, labelWidth: Double) {
    let g = Self.graph(labelWidth: labelWidth)
    let layout = LayeredLayout.layout(g, options: LayoutOptions(rankDirection: direction))
    let outer = layout.clusters[0]
    let inner = layout.clusters[1]
    for box in [outer, inner] {
      // The label runs along the drawn top edge, whatever the rank direction.
      #expect(box.width >= labelWidth, "\(direction) box \(box) label \(labelWidth)")
    }
    #expect(Fixtures.contains(outer, inner))
    #expect(Fixtures.contains(inner, layout.nodes[1].frame))
    // The label band (the top 20 units under the padding) holds no node.
    let band = Rect(x: inner.x, y: inner.y, width: inner.width, height: 20)
    #expect(!Fixtures.overlaps(band, layout.nodes[1].frame))
    for v in [0, 2] {
      #expect(!Fixtures.overlaps(outer, layout.nodes[v].frame), "node \(v) in \(direction)")
    }
  }
}
