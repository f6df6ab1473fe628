import AWXReportModel
import Testing

@Suite struct RunAnalysisTests {
  @Test func allConvergenceWhereOneParentTookTheWrongEdge() throws {
    // 1 succeeded and 2 failed; 3 is ALL with success edges from both: AWX marks it DNR.
    let r = run(
      .failed,
      [
        node(1, job(11, .successful), success: [3]),
        node(2, job(12, .failed), success: [3]),
        node(3, all: true, dnr: true),
      ])
    let a = try RunAnalysis(r)
    #expect(a.nodes[3]?.state == .neverRun)
    #expect(a.nodes[3]?.neverRunReason == .convergenceNotMet(parent: 2, parentState: .failed))
    #expect(a.edgeOutcomes[Edge(from: 1, to: 3, kind: .success)] == .taken)
    #expect(a.edgeOutcomes[Edge(from: 2, to: 3, kind: .success)] == .notTaken)
    #expect(a.verdict.unhandledFailures == [2])
    #expect(a.verdict.byRules == .failed)
    #expect(a.verdict.agreesWithAWX)
  }

  @Test func failureHandledByAnAlwaysEdge() throws {
    let r = run(
      .successful,
      [
        node(1, job(11, .failed), always: [2]),
        node(2, job(12, .successful)),
      ])
    let a = try RunAnalysis(r)
    #expect(a.nodes[1]?.failure == .handled(by: [Edge(from: 1, to: 2, kind: .always)]))
    #expect(a.verdict.unhandledFailures.isEmpty)
    #expect(a.verdict.handledFailures == [1])
    #expect(a.verdict.byRules == .successful)
    #expect(a.verdict.agreesWithAWX)
  }

  @Test func successEdgeDoesNotHandleAFailure() throws {
    let a = try RunAnalysis(
      run(.failed, [node(1, job(11, .error), success: [2]), node(2, dnr: true)]))
    #expect(a.nodes[1]?.state == .error)
    #expect(a.nodes[1]?.failure == .unhandled)
    #expect(a.nodes[2]?.neverRunReason == .noEdgeFired([1]))
  }

  @Test func deletedTemplateCountsAsFailure() throws {
    // No template, no job, not DNR: AWX treats the node as failed.
    let a = try RunAnalysis(
      run(.failed, [node(1, template: nil, success: [2]), node(2, dnr: true)]))
    #expect(a.nodes[1]?.state == .templateDeleted)
    #expect(a.nodes[1]?.failure == .unhandled)
    #expect(a.verdict.unhandledFailures == [1])
    #expect(a.verdict.byRules == .failed)
  }

  @Test func deletedJobOnAFinishedWorkflow() throws {
    // The job FK was set null when the job was deleted; do_not_run stays false.
    let a = try RunAnalysis(run(.successful, [node(1)]))
    #expect(a.nodes[1]?.state == .jobDeleted)
    #expect(a.nodes[1]?.failure == nil)
  }

  @Test func approvals() throws {
    let r = run(
      .failed,
      [
        node(1, job(11, .successful, type: .workflowApproval), type: .workflowApproval),
        node(2, job(12, .failed, type: .workflowApproval), type: .workflowApproval, failure: [4]),
        node(3, job(13, .failed, type: .workflowApproval, timedOut: true), type: .workflowApproval),
        node(4, job(14, .pending, type: .workflowApproval), type: .workflowApproval),
      ])
    let a = try RunAnalysis(r)
    #expect(a.nodes[1]?.state == .approved)
    #expect(a.nodes[2]?.state == .denied)
    #expect(a.nodes[3]?.state == .timedOut)
    #expect(a.nodes[4]?.state == .awaitingApproval)
    #expect(a.verdict.unhandledFailures == [3])
    #expect(a.verdict.handledFailures == [2])
  }

  @Test func workflowStillRunning() throws {
    let r = run(
      .running,
      [
        node(1, job(11, .successful), success: [2, 3]),
        node(2, job(12, .running), success: [4]),
        node(3, job(13, .waiting)),
        node(4),
      ])
    let a = try RunAnalysis(r)
    #expect(a.nodes[2]?.state == .running)
    #expect(a.nodes[3]?.state == .waiting)
    #expect(a.nodes[4]?.state == .notRunYet)
    #expect(a.edgeOutcomes[Edge(from: 2, to: 4, kind: .success)] == .undecided)
    #expect(a.finishedNodeCount == 1)
    #expect(a.verdict.byRules == .running)
  }

  @Test func canceledWorkflowLeavesUnstartedNodesDNR() throws {
    let r = run(.canceled, [node(1, job(11, .canceled), success: [2]), node(2, dnr: true)])
    let a = try RunAnalysis(r)
    #expect(a.nodes[1]?.state == .canceled)
    #expect(a.nodes[2]?.neverRunReason == .workflowCanceled)
    #expect(a.verdict.byRules == .canceled)
  }

  @Test func neverRunBecauseParentsNeverRan() throws {
    let r = run(
      .successful,
      [
        node(1, job(11, .successful), failure: [2]), node(2, always: [3], dnr: true),
        node(3, dnr: true),
      ])
    let a = try RunAnalysis(r)
    #expect(a.nodes[2]?.neverRunReason == .noEdgeFired([1]))
    #expect(a.nodes[3]?.neverRunReason == .parentsNeverRan([2]))
  }

  @Test func inconsistentDataIsFlagged() throws {
    // AWX says successful but an unhandled failure exists: say so rather than hide it.
    let a = try RunAnalysis(run(.successful, [node(1, job(11, .failed))]))
    #expect(!a.verdict.agreesWithAWX)
  }

  @Test func criticalPathFollowsTheLatestFinishingParent() throws {
    let r = run(
      .successful,
      [
        node(1, job(11, .successful, start: 0, end: 10), success: [2, 3]),
        node(2, job(12, .successful, start: 10, end: 50), success: [4]),
        node(3, job(13, .successful, start: 11, end: 20), success: [4]),
        node(4, job(14, .successful, start: 50, end: 60)),
      ])
    let a = try RunAnalysis(r)
    #expect(a.criticalPath == [1, 2, 4])
    #expect(a.nodes[2]?.onCriticalPath == true)
    #expect(a.nodes[3]?.onCriticalPath == false)
    #expect(a.nodes[4]?.elapsed == 10)
  }

  @Test func pathFromStartPrefersEdgesThatFired() throws {
    let r = run(
      .successful,
      [
        node(1, job(11, .failed), success: [3], failure: [2]),
        node(2, job(12, .successful), success: [3]),
        node(3, job(13, .successful)),
      ])
    let a = try RunAnalysis(r)
    #expect(a.nodes[3]?.pathFromStart == [1, 2, 3])
  }

  @Test func displayNameSkipsUUIDIdentifiers() {
    let n = node(1, identifier: "9b2f1c84-6c5e-4d1a-9a57-2f4b8e1d7c10")
    #expect(n.displayName == "Template 1")
    #expect(node(2, template: nil, identifier: "").displayName == "DELETED")
    #expect(node(3, identifier: "deploy").displayName == "deploy")
  }
}
