import AWXReportModel
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportRender

/// Runs `xmllint --noout --valid --nonet` on `svg`; nil when xmllint is not installed.
func xmllintValid(_ svg: String) throws -> (status: Int32, errors: String)? {
  let tool = "/usr/bin/xmllint"
  guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
  let file = FileManager.default.temporaryDirectory
    .appendingPathComponent("awx-timeline-\(UUID().uuidString).svg")
  try Data(svg.utf8).write(to: file)
  defer { try? FileManager.default.removeItem(at: file) }
  let p = Process()
  p.executableURL = URL(fileURLWithPath: tool)
  p.arguments = ["--noout", "--valid", "--nonet", file.path]
  let err = Pipe()
  p.standardError = err
  p.standardOutput = Pipe()
  try p.run()
  let data = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("Timeline SVG")
struct TimelineSVGTests {
  func example() throws -> String {
    try #require(TimelineSVG.render(try exampleTree()))
  }

  @Test("the example timeline matches its golden file")
  func golden() throws {
    try assertGolden(try example(), named: "timeline.example.svg")
  }

  @Test("valid SVG 1.1 against the DTD (when xmllint is installed)")
  func valid() throws {
    let svg = try example()
    #expect(
      svg.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
      ))
    if let result = try xmllintValid(svg) {
      #expect(result.status == 0, "\(result.errors)")
    }
  }

  @Test("no data- attributes, one style, unique ids, one-decimal numbers")
  func conventions() throws {
    let svg = try example()
    #expect(!svg.contains(" data-"))
    #expect(svg.components(separatedBy: "<style").count == 2)
    let ids = svg.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(Set(ids).count == ids.count)
    for attr in [" x=\"", " y=\"", " width=\"", " height=\""] {
      for value in svg.components(separatedBy: attr).dropFirst().map({ $0.prefix { $0 != "\"" } }) {
        #expect(value.wholeMatch(of: /-?\d+\.\d/) != nil, "\(attr)\(value)")
      }
    }
  }

  @Test("one row per started node, by start then id; nested nodes under their node")
  func rows() throws {
    let tree = try exampleTree()
    let (run, analysis) = (tree.run, tree.analysis)
    let svg = try example()
    let rowIDs = svg.components(separatedBy: "<g id=\"tl-").dropFirst()
      .map { String($0.prefix { $0 != "\"" }) }.filter { $0.hasPrefix("n") || $0.hasPrefix("w") }
    let started = run.nodes.compactMap { n in analysis.nodes[n.id]?.started.map { (n.id, $0) } }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { "n\($0.0)" }
    #expect(rowIDs.filter { $0.hasPrefix("n") } == started)
    let deploy = try #require(rowIDs.firstIndex(of: "n307"))
    #expect(rowIDs[deploy + 1] == "w4712-n401")
  }

  @Test("the critical path is marked")
  func criticalPath() throws {
    let analysis = try exampleTree().analysis
    let svg = try example()
    #expect(!analysis.criticalPath.isEmpty)
    for id in analysis.criticalPath {
      #expect(svg.contains("<g id=\"tl-n\(id)\" class=\"tl-row tl-"), "row \(id)")
      let row = try #require(svg.components(separatedBy: "<g id=\"tl-n\(id)\"").last)
      #expect(row.prefix(60).contains("tl-critical"), "row \(id) not critical")
    }
    #expect(svg.contains("◆ critical path"))
    #expect(svg.contains("Critical path: sync-project → "))
  }

  @Test("tick labels are UTC times")
  func ticks() throws {
    let svg = try example()
    #expect(svg.contains("Time (UTC)"))
    #expect(svg.contains(">09:10</text>"))
  }

  @Test("nothing started: no timeline")
  func empty() throws {
    let run = WorkflowRun(
      job: WorkflowJob(id: 1, name: "w", status: .pending),
      nodes: [WorkflowNode(id: 1, templateID: 1)])
    #expect(TimelineSVG.render(try AnalyzedRun(run)) == nil)
    let input = HTMLReportInput(
      tree: try AnalyzedRun(run), host: "https://awx", graphSVG: nil,
      timelineSVG: nil, snapshotSHA256: "0", generatedAt: Timestamp(seconds: 0),
      toolVersion: "t")
    let html = try renderReport(input)
    #expect(html.contains("No job of this workflow has started yet"))
  }

  @Test("fixed-precision numbers do not depend on the locale")
  func fixed() {
    #expect(HTMLText.fixed(1.25) == "1.3" || HTMLText.fixed(1.25) == "1.2")
    #expect(HTMLText.fixed(-0.04) == "0.0")
    #expect(HTMLText.fixed(-2.5) == "-2.5")
    #expect(HTMLText.fixed(1000) == "1000.0")
    #expect(HTMLText.fixed(.nan) == "0.0")
  }
}
