import Foundation
import Testing
@testable import AWXReportLayout

struct ZZDebug {
  @Test func debugCompaction() throws {
    guard let path = ProcessInfo.processInfo.environment["LB_GRAPH"],
      let data = FileManager.default.contents(atPath: path),
      let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let ns = obj["nodes"] as? [[String: Any]], let es = obj["edges"] as? [[String: Any]]
    else { return }
    var index: [String: Int] = [:]
    for (i, n) in ns.enumerated() { index[n["id"] as? String ?? ""] = i }
    let sizes = ns.map { (width: $0["width"] as? Double ?? 0, height: $0["height"] as? Double ?? 0) }
    let edges = es.compactMap { e -> LayoutEdge? in
      guard let t = index[e["source"] as? String ?? ""], let h = index[e["target"] as? String ?? ""]
      else { return nil }
      return LayoutEdge(tail: t, head: h)
    }
    let n = sizes.count
    let reversed = CycleBreaker.reversedEdges(nodeCount: n, edges: edges)
    var dag: [(tail: Int, head: Int)] = []
    for (i, e) in edges.enumerated() where e.tail != e.head {
      dag.append(reversed[i] ? (e.head, e.tail) : (e.tail, e.head))
    }
    let ranks = NetworkSimplexRanker.ranks(nodeCount: n, edges: dag)
    let tree = ClusterTree([])
    let g = LayeredGraph(sizes: sizes, nodeClusters: [Int](repeating: -1, count: n), edges: edges,
      reversed: reversed, ranks: ranks, clusters: tree)
    let layers = CrossingReducer.order(g, clusters: tree)
    let sep = Separation(graph: g, clusters: tree, options: LayoutOptions())
    var x = BrandesKoepf(graph: g, layers: layers, separation: sep.distance).positions()
    func width(_ x: [Double]) -> Double {
      var lo = Double.infinity, hi = -Double.infinity
      for v in 0..<g.count { lo = min(lo, x[v] - g.width[v]/2); hi = max(hi, x[v] + g.width[v]/2) }
      return hi - lo
    }
    var c = EdgeLengthCompactor(graph: g, layers: layers, separation: sep.distance)
    var starts = BrandesKoepf(graph: g, layers: layers, separation: sep.distance).alignments()
    starts.append(x)
    var packed0 = [Double](repeating: 0, count: g.count)
    for layer in layers {
      var o = 0.0
      var off = [Double]()
      for i in layer.indices { if i > 0 { o += sep.distance(layer[i-1], layer[i]) }; off.append(o) }
      for (i, v) in layer.enumerated() { packed0[v] = off[i] - o / 2 }
    }
    starts.append(packed0)
    if let out = ProcessInfo.processInfo.environment["LB_DUMP"] {
      var lines = ["\(g.count)"]
      for u in 0..<g.count { for v in g.down[u] { lines.append("e \(u) \(v) \(EdgeLengthCompactor.weight(g, u, v))") } }
      for layer in layers { for i in layer.indices.dropFirst() { lines.append("s \(layer[i-1]) \(layer[i]) \(sep.distance(layer[i-1], layer[i]))") } }
      for v in 0..<g.count { lines.append("w \(v) \(g.width[v]) \(x[v])") }
      try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
    }
    for (k, s0) in starts.enumerated() {
      var y = s0
      let t0 = Date()
      let c0 = c.cost(y), w0 = width(y)
      c.compact(&y)
      print("start", k, "cost", c0, "->", c.cost(y), "width", w0, "->", width(y), Date().timeIntervalSince(t0))
    }
  }
}
