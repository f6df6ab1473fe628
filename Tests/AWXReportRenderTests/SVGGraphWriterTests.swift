import AWXReportLayout
import AWXReportModel
import AWXReportRender
import AWXReportTestSupport
import Foundation
import Testing

@Suite struct SVGGraphWriterTests {
  func svg(_ run: WorkflowRun, _ direction: RankDirection = .topToBottom) throws -> String {
    SVGGraphWriter(rankDirection: direction).render(
      DisplayGraph(try AnalyzedRun(run)), title: "T", description: "D")
  }

  func small() -> WorkflowRun {
    WorkflowRun(
      job: WorkflowJob(id: 5, name: "small", status: .failed),
      nodes: [
        WorkflowNode(
          id: 1, identifier: "build", templateID: 1, jobType: .job, jobID: 11,
          job: ChildJob(id: 11, type: .job, name: "b", status: .successful, elapsed: 4),
          successNodes: [2], failureNodes: [3]),
        WorkflowNode(
          id: 2, identifier: "test", templateID: 2, jobType: .job, jobID: 12,
          job: ChildJob(id: 12, type: .job, name: "t", status: .failed, elapsed: 61),
          alwaysNodes: [4]),
        WorkflowNode(id: 3, identifier: "rollback", templateID: 3, jobType: .job, doNotRun: true),
        WorkflowNode(
          id: 4, identifier: "report", templateID: 4, jobType: .job, jobID: 14,
          job: ChildJob(id: 14, type: .job, name: "r", status: .successful),
          allParentsMustConverge: true),
      ])
  }

  @Test func smallGoldenTopToBottom() throws {
    try assertGolden(try svg(small()), named: "small.tb.svg")
  }

  @Test func smallGoldenLeftToRight() throws {
    try assertGolden(try svg(small(), .leftToRight), named: "small.lr.svg")
  }

  @Test func graphvizCompatibleStructure() throws {
    let s = try svg(small())
    #expect(s.contains(#"<g id="node-2" class="node failed"><title>2</title><rect "#))
    #expect(
      s.contains(
        #"<g id="edge-1-3" class="edge failure not-taken"><title>1-&gt;3</title><path d="M"#
      ))
    #expect(
      s.contains(#"<g id="edge-2-4" class="edge always taken"><title>2-&gt;4</title>"#))
    #expect(s.contains(#"<g id="node-start" class="node start"><title>start</title><circle"#))
    #expect(s.contains(">ALL</text>"))
    #expect(!s.contains("data-"))
    #expect(
      s.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!DOCTYPE svg PUBLIC"))
    #expect(try svg(small()) == s)
  }

  @Test func oneNodeAndNoEdges() throws {
    let one = WorkflowRun(
      job: WorkflowJob(id: 6, name: "one", status: .successful),
      nodes: [WorkflowNode(id: 1, identifier: "only", templateID: 1, jobType: .systemJob)])
    let s = try svg(one)
    #expect(s.contains("<title>1</title>"))
    #expect(s.contains("<title>start-&gt;1</title>"))
    try expectValid(s)
    let empty = WorkflowRun(job: WorkflowJob(id: 7, name: "empty", status: .successful), nodes: [])
    let e = try svg(empty)
    #expect(e.contains("<title>start</title>"))
    #expect(!e.contains("class=\"edge"))
    try expectValid(e)
  }

  @Test func hostileNamesAreEscapedAndStillValid() throws {
    let s = try svg(hostileRun())
    #expect(!s.contains("<script"))
    #expect(!s.contains("\u{202E}"))
    #expect(s.contains("&lt;script&gt;"))
    // The 5,000-character name is cut in the box; the full text is kept in a <title>.
    #expect(s.contains("…</text>"))
    try expectValid(s)
  }

  @Test func exampleIsValidInBothDirections() throws {
    let run = try exampleTree().run
    try expectValid(try svg(run))
    try expectValid(try svg(run, .leftToRight))
  }

  @Test func numbersAreFixedPrecision() {
    #expect(SVGNumber.format(12.345) == "12.35")
    #expect(SVGNumber.format(-0.001) == "0")
    #expect(SVGNumber.format(3) == "3")
    #expect(SVGNumber.format(2.5) == "2.5")
    #expect(SVGNumber.format(-7.06) == "-7.06")
    #expect(SVGNumber.format(.infinity) == "0")
  }

  @Test func textMetricsAreDeterministicAndFit() {
    #expect(TextMetrics.width("iii", fontSize: 10) < TextMetrics.width("WWW", fontSize: 10))
    #expect(TextMetrics.width("名前", fontSize: 10) == 20)
    let cut = TextMetrics.fit(String(repeating: "x", count: 500), maxWidth: 100, fontSize: 10)
    #expect(cut.hasSuffix("…"))
    #expect(TextMetrics.width(cut, fontSize: 10) <= 100)
  }
}

/// Checks `svg` against the SVG 1.1 DTD with xmllint, offline, when xmllint is installed.
func expectValid(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let xmllint = "/usr/bin/xmllint"
  guard FileManager.default.isExecutableFile(atPath: xmllint) else { return }
  let file = FileManager.default.temporaryDirectory.appendingPathComponent(
    "awx-\(UUID().uuidString).svg")
  try Data(svg.utf8).write(to: file)
  defer { try? FileManager.default.removeItem(at: file) }
  let p = Process()
  p.executableURL = URL(fileURLWithPath: xmllint)
  p.arguments = ["--noout", "--valid", "--nonet", file.path]
  let err = Pipe()
  p.standardError = err
  try p.run()
  let msg = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  p.waitUntilExit()
  #expect(p.terminationStatus == 0, "xmllint: \(msg)", sourceLocation: sourceLocation)
}
