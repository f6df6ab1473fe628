import AWXReportModel
import AWXReportTestSupport
import Testing

@Suite struct AnalyzedRunTests {
  /// 1 → nested workflow 100 (whose node 3 launches nested workflow 200); 2 → workflow 100 again.
  func tree() -> WorkflowRun {
    let inner = WorkflowRun(
      job: WorkflowJob(id: 200, name: "inner", status: .successful),
      nodes: [node(5, job(55, .successful))])
    var middle = WorkflowRun(
      job: WorkflowJob(id: 100, name: "middle", status: .successful),
      nodes: [node(3, job(200, .successful, type: .workflowJob), type: .workflowJob)])
    middle.nested = [200: inner]
    var top = run(
      .successful,
      [
        node(1, job(100, .successful, type: .workflowJob), type: .workflowJob, success: [2]),
        node(2, job(100, .successful, type: .workflowJob), type: .workflowJob),
      ])
    top.nested = [100: middle]
    return top
  }

  @Test func eachNestedRunCarriesItsOwnAnalysis() throws {
    let t = try AnalyzedRun(tree())
    let middle = try #require(t.children[100])
    #expect(middle.analysis.nodes[3]?.state == .successful)
    #expect(middle.children[200]?.analysis.nodes[5]?.state == .successful)
    #expect(t.analysis.nodes.count == 2)
  }

  @Test func visitNestedListsEachWorkflowOnceDepthFirst() throws {
    var seen: [(node: Int, job: Int, depth: Int, parent: Int)] = []
    try AnalyzedRun(tree()).visitNested { node, child, depth, parent in
      seen.append((node.id, child.id, depth, parent.id))
    }
    #expect(seen.map(\.job) == [100, 200])
    #expect(seen.map(\.node) == [1, 3])
    #expect(seen.map(\.depth) == [1, 2])
    #expect(seen.map(\.parent) == [1, 100])
  }

  @Test func aCycleInANestedRunNamesThatWorkflowJob() throws {
    var top = tree()
    var middle = try #require(top.nested[100])
    middle.nodes = [node(3, success: [4]), node(4, success: [3])]
    top.nested[100] = middle
    #expect(throws: ModelError.inWorkflowJob(100, .cycle([3, 4, 3]))) {
      try AnalyzedRun(top)
    }
  }
}
