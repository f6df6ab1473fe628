/// Minimum center distance between two nodes adjacent in a rank.
struct Separation: Sendable {
  let graph: LayeredGraph
  let clusters: ClusterTree
  let options: LayoutOptions

  /// Virtual nodes (edge bends) may sit closer to each other than boxes do: they are lines
  /// (`LayoutTuning.virtualGapFactor`).
  func distance(_ left: Int, _ right: Int) -> Double {
    var gap = options.nodeSeparation
    if graph.isVirtual(left) && graph.isVirtual(right) { gap *= options.tuning.virtualGapFactor }
    let a = graph.cluster[left]
    let b = graph.cluster[right]
    if a != b {
      let common = clusters.commonAncestor(a, b)
      let borders = clusters.depthOf(a) + clusters.depthOf(b) - 2 * clusters.depthOf(common)
      gap = options.nodeSeparation + Double(borders) * options.tuning.clusterPadding
    }
    return (graph.width[left] + graph.width[right]) / 2 + gap
  }
}
