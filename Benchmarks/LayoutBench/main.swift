// bench-layout: draws a gen_dags.py JSON graph the way `awx-report` draws a workflow, with
// the shipped `SVGGraphWriter` (AWXReportRender), and prints timings (median of --runs).
//
//   bench-layout INPUT.json OUTPUT.svg [--runs N] [--lr]
//
// The graph becomes a `DisplayGraph` (START node, jobs, approvals, typed edges), so node boxes
// are sized from their text as in a report. Two phases are timed: `layout_ms` is
// `SVGGraphWriter.layOut` (text fitting + `LayeredLayout`), `svg_ms` the writer's document of
// that layout; `layout_svg_ms` is both, i.e. `SVGGraphWriter.render`. The SVG follows the
// Graphviz convention `crossings.py` reads (`<g class="node …"><title>ID</title>…`).
import AWXReportLayout
import AWXReportModel
import AWXReportRender
import Foundation

struct BenchGraph: Decodable {
  struct Node: Decodable {
    var id: String
    var label: String?
    var kind: String?
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
guard positional.count == 2 else {
  fail("usage: bench-layout INPUT.json OUTPUT.svg [--runs N] [--lr]")
}

guard let data = FileManager.default.contents(atPath: positional[0]) else {
  fail("cannot read \(positional[0])")
}
let input: BenchGraph
do { input = try JSONDecoder().decode(BenchGraph.self, from: data) } catch {
  fail("bad JSON: \(error)")
}

/// The generated graph as a finished run would show it: every job successful, every edge
/// taken; `join` nodes (fan-ins) wait for all parents and carry the ALL badge.
func displayGraph(_ input: BenchGraph) -> DisplayGraph {
  var index: [String: Int] = [:]
  for (i, n) in input.nodes.enumerated() { index[n.id] = i }
  let nodes = input.nodes.map { n -> DisplayGraph.Node in
    let start = n.kind == "start"
    return DisplayGraph.Node(
      id: n.id, name: start ? "START" : n.label ?? n.id,
      type: start ? nil : n.kind == "approval" ? .workflowApproval : .job,
      state: start ? nil : .successful, elapsed: nil, convergesAll: n.kind == "join",
      critical: false, unhandledFailure: false, cluster: nil, jobID: nil)
  }
  let edges = input.edges.compactMap { e -> DisplayGraph.Edge? in
    guard let t = index[e.source], let h = index[e.target] else { return nil }
    return DisplayGraph.Edge(
      tail: t, head: h, kind: EdgeKind(rawValue: e.type ?? "success") ?? .success,
      outcome: .taken)
  }
  return DisplayGraph(nodes: nodes, edges: edges)
}

let graph = displayGraph(input)
let writer = SVGGraphWriter(rankDirection: direction)
let title = input.name ?? "bench graph"

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

var layoutTimes: [Double] = []
var svgTimes: [Double] = []
var totalTimes: [Double] = []
var text = ""
for _ in 0..<runs {
  let t0 = now()
  let laidOut = writer.layOut(graph)
  let t1 = now()
  text = writer.render(laidOut, title: title, description: "Benchmark graph \(title).")
  let t2 = now()
  layoutTimes.append(t1 - t0)
  svgTimes.append(t2 - t1)
  totalTimes.append(t2 - t0)
}
do {
  try Data(text.utf8).write(to: URL(fileURLWithPath: positional[1]), options: .atomic)
} catch {
  fail("cannot write \(positional[1]): \(error)")
}
func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
/// Milliseconds, two decimals.
func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }
print(
  "nodes=\(graph.nodes.count) edges=\(graph.edges.count) runs=\(runs) "
    + "layout_ms=\(ms(median(layoutTimes))) svg_ms=\(ms(median(svgTimes))) "
    + "layout_svg_ms=\(ms(median(totalTimes)))")
