import AWXReportModel
import AWXReportRender
import AWXReportTestSupport
import Testing

/// Builds runs node by node for the focus tests: every job gets a start and an end, so the
/// critical path is what the times say.
struct RunBuilder {
  var nodes: [WorkflowNode] = []
  var nested: [Int: WorkflowRun] = [:]

  /// A node whose job ran from `start` to `end` (seconds) and ended `status`.
  mutating func ran(
    _ id: Int, _ status: JobStatus = .successful, start: Int64 = 0, end: Int64 = 10,
    success: [Int] = [], failure: [Int] = [], always: [Int] = [], type: JobType = .job
  ) {
    nodes.append(
      WorkflowNode(
        id: id, identifier: "n\(id)", templateID: id, jobType: type, jobID: 10_000 + id,
        job: ChildJob(
          id: 10_000 + id, type: type, name: "job \(id)", status: status,
          started: Timestamp(seconds: 1_700_000_000 + start),
          finished: Timestamp(seconds: 1_700_000_000 + end), elapsed: Double(end - start)),
        successNodes: success, failureNodes: failure, alwaysNodes: always))
  }

  /// A node AWX marked do-not-run.
  mutating func neverRan(_ id: Int, success: [Int] = [], failure: [Int] = []) {
    nodes.append(
      WorkflowNode(
        id: id, identifier: "n\(id)", templateID: id, jobType: .job, successNodes: success,
        failureNodes: failure, doNotRun: true))
  }

  func run(id: Int = 1, status: JobStatus) -> WorkflowRun {
    WorkflowRun(
      job: WorkflowJob(
        id: id, name: "wf \(id)", status: status, started: Timestamp(seconds: 1_700_000_000),
        finished: Timestamp(seconds: 1_700_100_000)),
      nodes: nodes, nested: nested)
  }
}

@Suite struct FocusGraphTests {
  func focus(_ run: WorkflowRun) throws -> FocusGraph? {
    let tree = try AnalyzedRun(run)
    return FocusGraph(tree, full: DisplayGraph(tree))
  }

  /// The focus's node ids, stand-ins as `more-<tail>:<count>`.
  func ids(_ f: FocusGraph) -> Set<String> {
    Set(f.graph.nodes.map { n in n.collapsed.map { "\(n.id):\($0.count)" } ?? n.id })
  }

  /// START → 1 → … → 10 (fails) → 11 → … → 20 (never run), and a quick side branch 100…139.
  func deepFailure(cutOff: Int) -> WorkflowRun {
    var b = RunBuilder()
    for i in 1...9 { b.ran(i, start: Int64(i) * 10, end: Int64(i) * 10 + 10, success: [i + 1]) }
    b.ran(10, .failed, start: 100, end: 110, success: cutOff > 0 ? [11] : [])
    for i in 11..<(11 + cutOff) { b.neverRan(i, success: i < 10 + cutOff ? [i + 1] : []) }
    for i in 100...139 { b.ran(i, start: 0, end: 5, success: i < 139 ? [i + 1] : []) }
    return b.run(status: .failed)
  }

  @Test func oneFailureDeepInAChain() throws {
    let f = try #require(try focus(deepFailure(cutOff: 10)))
    let expected = Set(["start"] + (1...10).map(String.init) + ["more-10:10"])
    #expect(ids(f) == expected)
    #expect(f.shownCount == 10)
    #expect(f.totalCount == 60)
    let standIn = try #require(f.graph.nodes.last)
    #expect(standIn.collapsed == .neverRun(10))
    #expect(standIn.state == .neverRun)
    #expect(standIn.name == "+ 10 never-run nodes")
    // The chain's edges are all there, and the stand-in hangs off the failure, not taken.
    let edges = Set(
      f.graph.edges.map { "\(f.graph.nodes[$0.tail].id)>\(f.graph.nodes[$0.head].id)" })
    #expect(edges.isSuperset(of: (1...9).map { "\($0)>\($0 + 1)" }))
    #expect(edges.contains("start>1"))
    let last = try #require(f.graph.edges.last)
    #expect(f.graph.nodes[last.tail].id == "10")
    #expect(last.kind == .success && last.outcome == .notTaken)
    // Every kept node is the full graph's node, unchanged.
    let tree = try AnalyzedRun(deepFailure(cutOff: 10))
    let full = DisplayGraph(tree)
    for (k, source) in f.source.enumerated() {
      guard let source else { continue }
      #expect(full.nodes[source] == f.graph.nodes[k])
    }
  }

  @Test func compactingShortensPlainChains() throws {
    let f = try #require(try focus(deepFailure(cutOff: 10)))
    let g = f.compacted()
    #expect(g.nodes.map(\.id) == ["start", "chain-1", "10", "more-10"])
    #expect(g.nodes[1].collapsed == .onTheWay(9))
    #expect(g.nodes[1].name == "… 9 nodes …")
    #expect(g.nodes[1].critical)
    let edges = g.edges.map { "\(g.nodes[$0.tail].id)>\(g.nodes[$0.head].id)" }
    #expect(edges == ["start>chain-1", "chain-1>10", "10>more-10"])
    // The Mermaid drawing of it names every box once.
    guard case .diagram(let text, let nodes, let edgeCount) = MermaidWriter.render(g) else {
      Issue.record("no diagram")
      return
    }
    #expect(nodes == 3 && edgeCount == 3)
    #expect(text.contains("[\"… 9 nodes …\"]"))
    #expect(text.contains("[\"+ 10 never-run nodes\"]"))
  }

  @Test func aLargeFocusIsDrawnShortened() throws {
    let small = try #require(try focus(deepFailure(cutOff: 10)))
    #expect(small.drawing == small.graph)
    var b = RunBuilder()
    for i in 1...199 { b.ran(i, start: Int64(i) * 10, end: Int64(i) * 10 + 10, success: [i + 1]) }
    b.ran(200, .failed, start: 2000, end: 2010)
    let f = try #require(try focus(b.run(status: .failed)))
    #expect(f.graph.nodes.count == 201)
    #expect(f.drawing.nodes.map(\.id) == ["start", "chain-1", "200"])
    #expect(f.drawing.nodes[1].collapsed == .onTheWay(199))
  }

  @Test func onlyUnhandledFailuresNarrowsTheFocus() throws {
    var b = RunBuilder()
    b.ran(1, .failed, start: 0, end: 10, failure: [2])
    b.ran(2, start: 10, end: 20)
    b.ran(3, .failed, start: 0, end: 30)
    b.ran(4, start: 0, end: 5)
    let tree = try AnalyzedRun(b.run(status: .failed))
    let full = DisplayGraph(tree)
    let all = try #require(FocusGraph(tree, full: full))
    let narrow = try #require(FocusGraph(tree, full: full, scope: .unhandledFailures))
    #expect(ids(all) == ["start", "1", "2", "3"])
    #expect(ids(narrow) == ["start", "3"])
  }

  @Test func aFewCutOffNodesAreDrawnNotCollapsed() throws {
    let f = try #require(try focus(deepFailure(cutOff: 3)))
    #expect(ids(f) == Set(["start"] + (1...13).map(String.init)))
    #expect(f.graph.nodes.allSatisfy { $0.collapsed == nil })
  }

  /// 30 branches START → a → b (fails) with a handler h → k and a never-run n; 5 green
  /// branches that take longer decide the duration.
  @Test func manyFailures() throws {
    var b = RunBuilder()
    for i in 0..<30 {
      let a = 1000 + i * 10
      b.ran(a, start: 0, end: 10, success: [a + 1])
      b.ran(a + 1, .failed, start: 10, end: 20, success: [a + 4], failure: [a + 2])
      b.ran(a + 2, start: 20, end: 30, success: [a + 3])
      b.ran(a + 3, start: 30, end: 40)
      b.neverRan(a + 4)
    }
    for i in 0..<5 {
      let g = 2000 + i * 10
      b.ran(g, start: 0, end: 100 + Int64(i), success: [g + 1])
      b.ran(g + 1, start: 110, end: 200 + Int64(i))
    }
    let f = try #require(try focus(b.run(status: .successful)))
    var expected: Set<String> = ["start", "2004", "2014", "2024", "2034", "2040", "2041"]
    for i in 0..<30 {
      for k in 0...4 { expected.insert(String(1000 + i * 10 + k)) }
    }
    // The critical path is the slowest green branch (2040 → 2041); the other green ones are
    // left out.
    expected.subtract(["2004", "2014", "2024", "2034"])
    #expect(ids(f) == expected)
    #expect(f.shownCount == 152)
    #expect(f.totalCount == 160)
  }

  @Test func handlersThatLedToMuchAreCollapsed() throws {
    var b = RunBuilder()
    b.ran(1, .failed, start: 0, end: 10, failure: [2])
    b.ran(2, start: 10, end: 20, success: [3])
    for i in 3...12 {
      b.ran(i, start: Int64(i) * 10, end: Int64(i) * 10 + 10, success: i < 12 ? [i + 1] : [])
    }
    b.ran(50, start: 0, end: 500)
    let f = try #require(try focus(b.run(status: .successful)))
    #expect(ids(f) == ["start", "1", "2", "50", "more-2:10"])
    let standIn = try #require(f.graph.nodes.last)
    #expect(standIn.collapsed == .ranAfter(10))
    #expect(standIn.state == nil)
    let last = try #require(f.graph.edges.last)
    #expect(f.graph.nodes[last.tail].id == "2" && last.outcome == .taken)
  }

  /// The top run's node 1 launches nested workflow 900, which fails at its node 11; the
  /// failure cuts off the top run's node 2.
  @Test func failuresInsideNestedWorkflows() throws {
    var inner = RunBuilder()
    inner.ran(10, start: 0, end: 10, success: [11])
    inner.ran(11, .failed, start: 10, end: 20)
    inner.ran(12, start: 0, end: 5)
    var outer = RunBuilder()
    outer.nodes.append(
      WorkflowNode(
        id: 1, identifier: "deploy", templateID: 77, jobType: .workflowJob, jobID: 900,
        job: ChildJob(
          id: 900, type: .workflowJob, name: "inner", status: .failed,
          started: Timestamp(seconds: 1_700_000_000), finished: Timestamp(seconds: 1_700_000_020)),
        successNodes: [2]))
    outer.neverRan(2)
    outer.ran(3, start: 0, end: 5)
    outer.nested[900] = inner.run(id: 900, status: .failed)
    let f = try #require(try focus(outer.run(status: .failed)))
    #expect(ids(f) == ["start", "1", "2", "start-900", "10", "11"])
    #expect(f.graph.clusters.count == 1)
    #expect(f.graph.clusters.first?.workflowJobID == 900)
    let clustered = Set(f.graph.nodes.filter { $0.cluster == 0 }.map(\.id))
    #expect(clustered == ["start-900", "10", "11"])
    // The dotted link from the launching node to the nested START stays.
    #expect(
      f.graph.edges.contains {
        $0.kind == nil && f.graph.nodes[$0.tail].id == "1"
          && f.graph.nodes[$0.head].id == "start-900"
      })
  }

  @Test func noFailureKeepsTheCriticalPath() throws {
    var b = RunBuilder()
    b.ran(1, start: 0, end: 10, success: [2])
    b.ran(2, start: 10, end: 100, success: [3])
    b.ran(3, start: 100, end: 110)
    for i in 20...40 { b.ran(i, start: 0, end: 3) }
    let f = try #require(try focus(b.run(status: .successful)))
    #expect(ids(f) == ["start", "1", "2", "3"])
    #expect(f.graph.nodes.allSatisfy { !$0.critical || ["1", "2", "3"].contains($0.id) })
  }

  @Test func nothingToFocusOnGivesNone() throws {
    let run = WorkflowRun(
      job: WorkflowJob(id: 1, name: "new", status: .pending),
      nodes: (1...70).map { WorkflowNode(id: $0, identifier: "n\($0)", templateID: $0) })
    #expect(try focus(run) == nil)
  }

  @Test func runningNodesAreKept() throws {
    var b = RunBuilder()
    b.ran(1, start: 0, end: 10, success: [2])
    b.nodes.append(
      WorkflowNode(
        id: 2, identifier: "n2", templateID: 2, jobID: 5002,
        job: ChildJob(id: 5002, type: .job, name: "j", status: .running)))
    for i in 20...40 { b.ran(i, start: 0, end: 3) }
    let f = try #require(try focus(b.run(status: .running)))
    #expect(ids(f).isSuperset(of: ["start", "1", "2"]))
    #expect(!ids(f).contains("30"))
  }
}
