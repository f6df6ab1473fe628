/// Makes the edge set acyclic by reversing DFS back edges.
///
/// Inputs are meant to be DAGs; this only guards against a stray cycle. The DFS visits
/// nodes and out-edges in index order, so the choice of reversed edges is deterministic.
struct CycleBreaker {
  /// `reversed[e]` is true when edge `e` must be laid out head-to-tail.
  /// Self loops are never reversed (they are routed separately).
  static func reversedEdges(nodeCount: Int, edges: [LayoutEdge]) -> [Bool] {
    var pairs: [(Int, Int)] = []
    pairs.reserveCapacity(edges.count)
    for (i, e) in edges.enumerated() where e.tail != e.head { pairs.append((e.tail, i)) }
    let out = Adjacency(count: nodeCount, pairs: pairs)
    var reversed = [Bool](repeating: false, count: edges.count)
    // 0 = unvisited, 1 = on the DFS stack, 2 = finished.
    var state = [UInt8](repeating: 0, count: nodeCount)
    var stack: [(node: Int, next: Int)] = []
    for root in 0..<nodeCount where state[root] == 0 {
      state[root] = 1
      stack.append((root, out.start[root]))
      while let top = stack.last {
        let v = top.node
        if top.next == out.start[v + 1] {
          state[v] = 2
          stack.removeLast()
          continue
        }
        let edge = out.items[top.next]
        stack[stack.count - 1].next += 1
        let w = edges[edge].head
        switch state[w] {
        case 0:
          state[w] = 1
          stack.append((w, out.start[w]))
        case 1:
          reversed[edge] = true
        default:
          break
        }
      }
    }
    return reversed
  }
}
