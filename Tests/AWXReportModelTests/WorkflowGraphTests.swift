import AWXReportModel
import Testing

@Suite struct WorkflowGraphTests {
  @Test func rootsAndTopologicalOrder() throws {
    let g = try WorkflowGraph(nodes: [
      node(5, success: [3]), node(3, always: [9]), node(9), node(1, failure: [9]),
    ])
    #expect(g.roots == [1, 5])
    #expect(g.topologicalOrder == [1, 5, 3, 9])
    #expect(g.parents(of: 9) == [1, 3])
  }

  @Test func duplicateIDNamesTheID() {
    #expect(throws: ModelError.duplicateNode(id: 7)) {
      try WorkflowGraph(nodes: [node(7), node(8), node(7)])
    }
  }

  @Test func danglingEdgeNamesBothEnds() {
    #expect(throws: ModelError.danglingEdge(Edge(from: 2, to: 99, kind: .failure))) {
      try WorkflowGraph(nodes: [node(1, success: [2]), node(2, failure: [99])])
    }
    let text = ModelError.danglingEdge(Edge(from: 2, to: 99, kind: .failure)).description
    #expect(text == "node 2 has a failure edge to node 99, which is not in the node list")
  }

  @Test func cycleIsPrinted() {
    do {
      _ = try WorkflowGraph(nodes: [
        node(1, success: [2]), node(2, success: [3]), node(3, always: [4]), node(4, failure: [2]),
      ])
      Issue.record("expected a cycle error")
    } catch {
      #expect(error == .cycle([2, 3, 4, 2]))
      #expect(error.description == "the edges form a cycle: 2 -> 3 -> 4 -> 2")
    }
  }

  @Test func selfLoopIsACycle() {
    #expect(throws: ModelError.cycle([4, 4])) {
      try WorkflowGraph(nodes: [node(4, success: [4])])
    }
  }

  @Test func emptyWorkflowIsValid() throws {
    let g = try WorkflowGraph(nodes: [])
    #expect(g.roots.isEmpty && g.topologicalOrder.isEmpty)
  }
}
