// bench-layout: lays out a gen_dags.py JSON graph with AWXReportLayout, writes an SVG in
// the convention crossings.py reads, and prints timings (median of --runs).
//
//   bench-layout INPUT.json OUTPUT.svg [--runs N] [--lr]
import AWXReportLayout
import Foundation

struct BenchGraph: Decodable {
  struct Node: Decodable {
    var id: String
    var label: String?
    var kind: String?
    var width: Double
    var height: Double
  }
  struct Edge: Decodable {
    var source: String
    var target: String
    var type: String?
  }
  var name: String?
  var nodes: [Node]
  var edges: [Edge]
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 5
var direction = RankDirection.topToBottom
var positional: [String] = []
while !arguments.isEmpty {
  let a = arguments.removeFirst()
  switch a {
  case "--runs":
    guard let v = arguments.first.flatMap(Int.init) else { fail("--runs needs a number") }
    runs = max(1, v)
    arguments.removeFirst()
  case "--lr": direction = .leftToRight
  default: positional.append(a)
  }
}
guard positional.count == 2 else { fail("usage: bench-layout INPUT.json OUTPUT.svg [--runs N] [--lr]") }

guard let data = FileManager.default.contents(atPath: positional[0]) else {
  fail("cannot read \(positional[0])")
}
let input: BenchGraph
do { input = try JSONDecoder().decode(BenchGraph.self, from: data) } catch { fail("bad JSON: \(error)") }
var index: [String: Int] = [:]
for (i, n) in input.nodes.enumerated() { index[n.id] = i }
let graph = LayoutGraph(
  nodes: input.nodes.map { LayoutNode(width: $0.width, height: $0.height) },
  edges: input.edges.compactMap { e in
    guard let t = index[e.source], let h = index[e.target] else { return nil }
    return LayoutEdge(tail: t, head: h)
  })
let options = LayoutOptions(rankDirection: direction)

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Two decimals, without Foundation's slow formatting.
func fmt(_ v: Double) -> String {
  let hundredths = Int((v * 100).rounded())
  let sign = hundredths < 0 ? "-" : ""
  let a = abs(hundredths)
  let frac = a % 100
  if frac == 0 { return sign + String(a / 100) }
  return sign + String(a / 100) + (frac < 10 ? ".0" : ".") + String(frac)
}

func escape(_ s: String) -> String {
  if !s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 }) { return s }
  return s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;")
}

@MainActor
func svg(_ layout: GraphLayout) -> String {
  var out = ""
  out.reserveCapacity(200 * (layout.nodes.count + layout.edges.count))
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(layout.width))pt\" "
  out += "height=\"\(fmt(layout.height))pt\" viewBox=\"0 0 \(fmt(layout.width)) \(fmt(layout.height))\">\n"
  for (i, r) in layout.clusters.enumerated() {
    out += "<g id=\"cluster-\(i)\" class=\"cluster\"><rect x=\"\(fmt(r.x))\" y=\"\(fmt(r.y))\" "
    out += "width=\"\(fmt(r.width))\" height=\"\(fmt(r.height))\" fill=\"none\" stroke=\"#999\"/></g>\n"
  }
  for (i, n) in layout.nodes.enumerated() {
    let node = input.nodes[i]
    out += "<g id=\"node-\(i)\" class=\"node\"><title>\(escape(node.id))</title>"
    out += "<rect x=\"\(fmt(n.x - n.width / 2))\" y=\"\(fmt(n.y - n.height / 2))\" "
    out += "width=\"\(fmt(n.width))\" height=\"\(fmt(n.height))\" rx=\"4\" fill=\"#f5f5f5\" stroke=\"#333\"/>"
    out += "<text x=\"\(fmt(n.x))\" y=\"\(fmt(n.y + 3))\" font-size=\"9\" text-anchor=\"middle\">"
    out += "\(escape(node.label ?? node.id))</text></g>\n"
  }
  var e = 0
  for edge in input.edges {
    guard let t = index[edge.source], let h = index[edge.target] else { continue }
    let route = layout.edges[e]
    e += 1
    out += "<g id=\"edge-\(t)-\(h)\" class=\"edge \(edge.type ?? "success")\">"
    out += "<title>\(escape(edge.source))-&gt;\(escape(edge.target))</title>"
    if !route.points.isEmpty {
      out += "<path fill=\"none\" stroke=\"#555\" d=\"M\(fmt(route.points[0].x)),\(fmt(route.points[0].y))"
      var k = 1
      while k + 2 < route.points.count {
        let a = route.points[k]
        let b = route.points[k + 1]
        let c = route.points[k + 2]
        out += " C\(fmt(a.x)),\(fmt(a.y)) \(fmt(b.x)),\(fmt(b.y)) \(fmt(c.x)),\(fmt(c.y))"
        k += 3
      }
      out += "\"/>"
    }
    let tip = route.arrowTip
    let base = route.arrowBase
    let dx = tip.x - base.x
    let dy = tip.y - base.y
    let len = max(1e-9, (dx * dx + dy * dy).squareRoot())
    let nx = -dy / len * 3
    let ny = dx / len * 3
    out += "<polygon class=\"arrowhead\" points=\"\(fmt(tip.x)),\(fmt(tip.y)) "
    out += "\(fmt(base.x + nx)),\(fmt(base.y + ny)) \(fmt(base.x - nx)),\(fmt(base.y - ny))\"/>"
    out += "</g>\n"
  }
  out += "</svg>\n"
  return out
}

var layoutTimes: [Double] = []
var totalTimes: [Double] = []
var text = ""
for _ in 0..<runs {
  let t0 = now()
  let layout = LayeredLayout.layout(graph, options: options)
  let t1 = now()
  text = svg(layout)
  let t2 = now()
  layoutTimes.append(t1 - t0)
  totalTimes.append(t2 - t0)
}
do {
  try text.write(toFile: positional[1], atomically: true, encoding: .utf8)
} catch {
  fail("cannot write \(positional[1]): \(error)")
}
func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
print(
  "nodes=\(graph.nodes.count) edges=\(graph.edges.count) runs=\(runs) "
    + "layout_ms=\(fmt(median(layoutTimes) * 1000)) layout_svg_ms=\(fmt(median(totalTimes) * 1000))")
