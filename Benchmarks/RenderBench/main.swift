// bench-render: times the HTML report's template step (view model + TemplateLibrary.render)
// for a snapshot, median of --runs, and optionally writes the report and the timeline.
//
//   bench-render SNAPSHOT.json [--runs N] [--html OUT.html] [--timeline OUT.svg] [--no-graph]
import AWXReportAPI
import AWXReportModel
import AWXReportRender
import AWXReportTemplate
import Foundation

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("bench-render: \(message)\n".utf8))
  exit(1)
}

var args = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
  guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
  let v = args[i + 1]
  args.removeSubrange(i...(i + 1))
  return v
}
let runs = Int(option("--runs") ?? "21") ?? 21
let htmlOut = option("--html")
let timelineOut = option("--timeline")
let noGraph = args.contains("--no-graph")
args.removeAll { $0 == "--no-graph" }
guard let path = args.first else { fail("usage: bench-render SNAPSHOT.json [--runs N] [--html F]") }

func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
let clock = ContinuousClock()

guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
let bytes = [UInt8](data)
let t0 = clock.now
let tree: AnalyzedRun
let snapshot: Snapshot
do {
  snapshot = try Snapshot.decode(bytes, source: path)
  tree = try AnalyzedRun(RunDecoder.decode(snapshot, fileName: path))
} catch {
  fail("\(error)")
}
let decodeTime = seconds(clock.now - t0)

let t1 = clock.now
let run = tree.run
let timeline = TimelineSVG.render(tree)
let timelineTime = seconds(clock.now - t1)

var graphSVG: String?
if !noGraph {
  let display = DisplayGraph(tree)
  graphSVG = SVGGraphWriter().render(
    display, title: "Workflow job \(run.job.id)",
    description: Narrative.verdict(tree.analysis, job: run.job))
}

let templates: TemplateLibrary
do {
  templates = try ReportTemplates.library(overrideDirectory: nil)
} catch {
  fail("\(error)")
}
let input = HTMLReportInput(
  tree: tree, host: snapshot.host,
  graphSVG: graphSVG, timelineSVG: timeline, snapshotSHA256: SHA256.hex(bytes),
  generatedAt: snapshot.fetchedAt, toolVersion: "awx-report bench")
let report = HTMLReport(templates: templates)

var times: [Double] = []
var html = ""
for _ in 0..<max(runs, 1) {
  let start = clock.now
  do {
    html = try report.render(input)
  } catch {
    fail("\(error)")
  }
  times.append(seconds(clock.now - start))
}
times.sort()
let median = times[times.count / 2]
func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }
var nestedNodes = 0
tree.visitNested { _, child, _, _ in nestedNodes += child.run.nodes.count }
print("nodes: \(run.nodes.count) (+\(nestedNodes) nested)")
print("decode + analyse: \(ms(decodeTime))")
print("timeline SVG: \(ms(timelineTime)) (\(timeline?.utf8.count ?? 0) bytes)")
print(
  "template step (view model + render), median of \(times.count): \(ms(median))"
    + " [min \(ms(times[0])), max \(ms(times[times.count - 1]))]")
print("report.html: \(html.utf8.count) bytes")
if let htmlOut {
  _ = FileManager.default.createFile(atPath: htmlOut, contents: Data(html.utf8))
}
if let timelineOut, let timeline {
  _ = FileManager.default.createFile(atPath: timelineOut, contents: Data(timeline.utf8))
}
