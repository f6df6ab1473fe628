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

@MainActor
func svg(_ layout: GraphLayout) -> [UInt8] {
  var out = SVGText(capacity: 320 * (layout.nodes.count + layout.edges.count) + 256)
  out.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
  out.add("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
  out.add(number: layout.width)
  out.add("pt\" height=\"")
  out.add(number: layout.height)
  out.add("pt\" viewBox=\"0 0 ")
  out.add(number: layout.width)
  out.add(" ")
  out.add(number: layout.height)
  out.add("\">\n")
  for (i, r) in layout.clusters.enumerated() {
    out.add("<g id=\"cluster-")
    out.add(i)
    out.add("\" class=\"cluster\"><rect x=\"")
    out.add(number: r.x)
    out.add("\" y=\"")
    out.add(number: r.y)
    out.add("\" width=\"")
    out.add(number: r.width)
    out.add("\" height=\"")
    out.add(number: r.height)
    out.add("\" fill=\"none\" stroke=\"#999\"/></g>\n")
  }
  for (i, n) in layout.nodes.enumerated() {
    let node = input.nodes[i]
    out.add("<g id=\"node-")
    out.add(i)
    out.add("\" class=\"node\"><title>")
    out.add(escaped: node.id)
    out.add("</title><rect x=\"")
    out.add(number: n.x - n.width / 2)
    out.add("\" y=\"")
    out.add(number: n.y - n.height / 2)
    out.add("\" width=\"")
    out.add(number: n.width)
    out.add("\" height=\"")
    out.add(number: n.height)
    out.add("\" rx=\"4\" fill=\"#f5f5f5\" stroke=\"#333\"/><text x=\"")
    out.add(number: n.x)
    out.add("\" y=\"")
    out.add(number: n.y + 3)
    out.add("\" font-size=\"9\" text-anchor=\"middle\">")
    out.add(escaped: node.label ?? node.id)
    out.add("</text></g>\n")
  }
  var e = 0
  for edge in input.edges {
    guard let t = index[edge.source], let h = index[edge.target] else { continue }
    let route = layout.edges[e]
    e += 1
    out.add("<g id=\"edge-")
    out.add(t)
    out.add("-")
    out.add(h)
    out.add("\" class=\"edge ")
    out.add(text: edge.type ?? "success")
    out.add("\"><title>")
    out.add(escaped: edge.source)
    out.add("-&gt;")
    out.add(escaped: edge.target)
    out.add("</title>")
    if !route.points.isEmpty {
      out.add("<path fill=\"none\" stroke=\"#555\" d=\"M")
      out.add(number: route.points[0].x)
      out.add(",")
      out.add(number: route.points[0].y)
      var k = 1
      while k + 2 < route.points.count {
        out.add(" C")
        for (j, p) in route.points[k...(k + 2)].enumerated() {
          if j > 0 { out.add(" ") }
          out.add(number: p.x)
          out.add(",")
          out.add(number: p.y)
        }
        k += 3
      }
      out.add("\"/>")
    }
    let tip = route.arrowTip
    let base = route.arrowBase
    let dx = tip.x - base.x
    let dy = tip.y - base.y
    let len = max(1e-9, (dx * dx + dy * dy).squareRoot())
    let nx = -dy / len * 3
    let ny = dx / len * 3
    out.add("<polygon class=\"arrowhead\" points=\"")
    out.add(number: tip.x)
    out.add(",")
    out.add(number: tip.y)
    out.add(" ")
    out.add(number: base.x + nx)
    out.add(",")
    out.add(number: base.y + ny)
    out.add(" ")
    out.add(number: base.x - nx)
    out.add(",")
    out.add(number: base.y - ny)
    out.add("\"/></g>\n")
  }
  out.add("</svg>\n")
  return out.bytes
}

var layoutTimes: [Double] = []
var totalTimes: [Double] = []
var text: [UInt8] = []
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
  try Data(text).write(to: URL(fileURLWithPath: positional[1]), options: .atomic)
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
