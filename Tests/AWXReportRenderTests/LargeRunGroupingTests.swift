import AWXReportModel
import AWXReportValidate
import Testing

@testable import AWXReportRender

/// A constructed large run (> 60 nodes): node 1 fans out to 61 successful nodes (2…62); node
/// 63 failed with a failure edge to 64 (handled); node 65 failed with no handler (unhandled)
/// and its success child 66…85 were never run; node 86 is an approval. Node i runs from
/// i minutes to i minutes + 30 s after 09:00.
func largeRun() throws -> AnalyzedRun {
  let base = Timestamp(iso8601: "2026-11-27T09:00:00Z") ?? Timestamp(seconds: 0)
  func job(_ id: Int, _ status: JobStatus, type: JobType = .job) -> ChildJob {
    let start = Timestamp(microseconds: base.microseconds + Int64(id) * 60_000_000)
    return ChildJob(
      id: 1000 + id, type: type, name: "job \(id)", status: status, started: start,
      finished: Timestamp(microseconds: start.microseconds + 30_000_000), elapsed: 30)
  }
  var nodes = [
    WorkflowNode(
      id: 1, identifier: "root", templateName: "t", jobID: 1001, job: job(1, .successful),
      successNodes: Array(2...63) + [65, 86])
  ]
  for id in 2...62 {
    nodes.append(
      WorkflowNode(
        id: id, identifier: "ok-\(id)", templateName: "t", jobID: 1000 + id,
        job: job(id, .successful)))
  }
  nodes.append(
    WorkflowNode(
      id: 63, identifier: "handled", templateName: "t", jobID: 1063, job: job(63, .failed),
      failureNodes: [64]))
  nodes.append(
    WorkflowNode(
      id: 64, identifier: "cleanup", templateName: "t", jobID: 1064, job: job(64, .successful)))
  nodes.append(
    WorkflowNode(
      id: 65, identifier: "unhandled", templateName: "t", jobID: 1065, job: job(65, .failed),
      successNodes: Array(66...85)))
  for id in 66...85 {
    nodes.append(WorkflowNode(id: id, identifier: "skip-\(id)", templateName: "t", doNotRun: true))
  }
  nodes.append(
    WorkflowNode(
      id: 86, identifier: "approve", templateName: "a", jobType: .workflowApproval, jobID: 1086,
      job: job(86, .successful, type: .workflowApproval)))
  let run = WorkflowRun(
    job: WorkflowJob(
      id: 500, name: "large", status: .failed, started: base,
      finished: Timestamp(microseconds: base.microseconds + 90 * 60_000_000)),
    nodes: nodes)
  return try AnalyzedRun(run)
}

@Suite("Large run grouping")
struct LargeRunGroupingTests {
  @Test("every node in exactly one group, groups in order with their counts")
  func groups() throws {
    let tree = try largeRun()
    #expect(NodeGrouping.isLarge(tree))
    let grouping = NodeGrouping(tree.run, tree.analysis)
    let all = grouping.groups.flatMap(\.ids)
    #expect(all.count == tree.run.nodes.count)
    #expect(Set(all).count == all.count)
    let order = grouping.groups.map(\.group)
    #expect(order == NodeGroup.allCases.filter(order.contains))
    let byGroup = Dictionary(uniqueKeysWithValues: grouping.groups.map { ($0.group, $0.ids) })
    #expect(byGroup[.unhandled] == [65])
    #expect(byGroup[.handled] == [63])
    #expect(byGroup[.neverRun]?.count == 20)
    #expect(order.first == .unhandled)
    #expect(order.last == .neverRun)
    let critical = byGroup[.critical] ?? []
    #expect(!critical.isEmpty)
    for id in critical { #expect(tree.analysis.nodes[id]?.onCriticalPath == true) }
    #expect(
      (byGroup[.approvals] ?? []) + critical.filter { $0 == 86 } == [86],
      "the approval is in approvals unless on the critical path")
  }

  @Test("open for failures, the critical path, approvals and running; closed for the rest")
  func openness() {
    let open = NodeGroup.allCases.filter(\.isOpen)
    #expect(open == [.unhandled, .handled, .critical, .approvals, .active])
  }

  @Test("the page: one <details> per group, counts on the summaries, row ids unchanged")
  func page() throws {
    let tree = try largeRun()
    let input = HTMLReportInput(
      tree: tree, host: "https://awx.example.com", graphSVG: nil,
      timelineSVG: TimelineSVG.render(tree), snapshotSHA256: String(repeating: "ab", count: 32),
      generatedAt: Timestamp(seconds: 0), toolVersion: "awx-report 0.1.0",
      timelineGroups: TimelineSVG.renderGroups(tree))
    let html = try renderReport(input)
    #expect(tagBalanceProblem(html) == nil)
    let nodes = try #require(html.firstRange(of: "<section id=\"nodes\""))
    let table = String(html[nodes.lowerBound...]).components(separatedBy: "</section>")[0]
    #expect(table.contains("<details class=\"group group-failed-unhandled\" open>"))
    #expect(table.contains("<details class=\"group group-never-run\">"))
    #expect(
      table.contains(
        "<summary><span class=\"group-heading\">Never run</span> <span class=\"group-count\">(20)</span></summary>"
      ))
    for node in tree.run.nodes {
      #expect(table.components(separatedBy: "<tr id=\"row-\(node.id)\"").count == 2)
    }
    let unhandled = try #require(table.firstRange(of: "group-failed-unhandled"))
    let never = try #require(table.firstRange(of: "group-never-run"))
    #expect(unhandled.lowerBound < never.lowerBound)
    let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(Set(ids).count == ids.count, "ids are unique across the page")
  }

  @Test("a large nested workflow's table is grouped the same way, with its own row ids")
  func nested() throws {
    let child = try largeRun().run
    let base = Timestamp(iso8601: "2026-11-27T09:00:00Z") ?? Timestamp(seconds: 0)
    let parent = WorkflowRun(
      job: WorkflowJob(id: 400, name: "parent", status: .failed, started: base),
      nodes: [
        WorkflowNode(
          id: 1, identifier: "launch", jobType: .workflowJob, jobID: 500,
          job: ChildJob(id: 500, type: .workflowJob, name: "large", status: .failed, started: base))
      ],
      nested: [500: child])
    let tree = try AnalyzedRun(parent)
    #expect(NodeGrouping.isLarge(tree))
    let html = try renderReport(
      HTMLReportInput(
        tree: tree, host: "https://awx.example.com", graphSVG: nil,
        timelineSVG: TimelineSVG.render(tree), snapshotSHA256: String(repeating: "ab", count: 32),
        generatedAt: Timestamp(seconds: 0), toolVersion: "awx-report 0.1.0",
        timelineGroups: TimelineSVG.renderGroups(tree)))
    #expect(tagBalanceProblem(html) == nil)
    let nested = try #require(html.firstRange(of: "<section id=\"nested\""))
    let section = String(html[nested.lowerBound...]).components(separatedBy: "</section>")[0]
    #expect(section.contains("<details class=\"group group-never-run\">"))
    for node in child.nodes {
      #expect(section.components(separatedBy: "<tr id=\"row-500-\(node.id)\"").count == 2)
    }
    let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(Set(ids).count == ids.count, "ids are unique across the page")
  }

  @Test("a small run keeps one table and one timeline")
  func small() throws {
    let tree = try exampleTree()
    #expect(!NodeGrouping.isLarge(tree))
    #expect(TimelineSVG.renderGroups(tree).isEmpty)
    let html = try renderReport(try exampleReportInput())
    #expect(!html.contains("<details class=\"group"))
    #expect(html.contains("<table class=\"nodes\">"))
  }

  @Test("each group's timeline is valid SVG 1.1 and all share one time scale")
  func timelines() throws {
    let tree = try largeRun()
    let groups = TimelineSVG.renderGroups(tree)
    #expect(!groups.isEmpty)
    let started = tree.analysis.nodes.values.filter { $0.started != nil }.count
    #expect(groups.map(\.rowCount).reduce(0, +) == started)
    let validator = SVGValidator()
    var axes: Set<String> = []
    for part in groups.flatMap(\.parts) {
      let report = validator.validate(Array(part.svg.utf8), fileName: part.idPrefix)
      #expect(report.isValid, "\(report.errors.map { $0.textLine(fileName: part.idPrefix) })")
      #expect(part.svg.contains("id=\"\(part.idPrefix)-svg\""))
      axes.insert(Self.ticks(part.svg))
    }
    // The tick positions and labels are the same in every drawing, and the same as in the
    // full timeline.
    #expect(axes.count == 1)
    #expect(axes.first == Self.ticks(try #require(TimelineSVG.render(tree))))
    #expect(axes.first?.contains("09:30") == true)
  }

  /// The time axis's tick labels with their positions.
  static func ticks(_ svg: String) -> String {
    svg.components(separatedBy: "<text class=\"tl-tick-label\"").dropFirst()
      .map { $0.prefix { $0 != "<" } }.joined(separator: "|")
  }

  @Test("a group of more than rowsPerPart bars is drawn in parts with their own ids")
  func parts() throws {
    // 45 handled failures: an open group longer than one part.
    var run = try largeRun().run
    for k in run.nodes.indices where (2...46).contains(run.nodes[k].id) {
      run.nodes[k].job?.status = .failed
      run.nodes[k].failureNodes = [64]
    }
    let groups = TimelineSVG.renderGroups(try AnalyzedRun(run))
    let handled = try #require(groups.first { $0.group == .handled })
    #expect(handled.rowCount > TimelineSVG.rowsPerPart)
    #expect(
      handled.parts.count
        == (handled.rowCount + TimelineSVG.rowsPerPart - 1) / TimelineSVG.rowsPerPart)
    #expect(Set(handled.parts.map(\.idPrefix)).count == handled.parts.count)
    // Shares drawn apart and merged give the same groups as one call.
    let shares = (0..<3).map { TimelineSVG.renderGroups(try! AnalyzedRun(run), share: ($0, 3)) }
    #expect(TimelineSVG.merge(shares) == groups)
  }

  @Test("a closed group is counted, not drawn")
  func closedGroupsAreNotDrawn() throws {
    let groups = TimelineSVG.renderGroups(try largeRun())
    let successful = try #require(groups.first { $0.group == .successful })
    #expect(successful.rowCount > TimelineSVG.rowsPerPart)
    #expect(successful.parts.isEmpty)
    for g in groups { #expect(g.group.isOpen == !g.parts.isEmpty, "\(g.group)") }
  }
}
