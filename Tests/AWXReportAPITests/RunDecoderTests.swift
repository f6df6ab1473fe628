import AWXReportAPI
import AWXReportModel
import AWXReportTestSupport
import Foundation
import Testing

@Suite struct RunDecoderTests {
  func modern() throws -> WorkflowRun {
    try RunDecoder.decode(
      snapshot(
        812,
        [
          (.workflowJob, try fixture("workflow_job_detail.json")),
          (.workflowNodes, try fixture("workflow_nodes_page.json")),
          (.unifiedJobs, try fixture("unified_jobs_page.json")),
          (.workflowApprovals, try fixture("workflow_approvals_page.json")),
        ]), fileName: "snap.json")
  }

  @Test func decodesTheJobDetail() throws {
    let job = try modern().job
    #expect(job.id == 812)
    #expect(job.status == .failed)
    #expect(job.launchType == "scheduled")
    #expect(job.launchedBy == "nightly at 20:45")
    #expect(job.launchedByType == "schedule")
    #expect(job.templateName == "Nightly release")
    #expect(job.started?.iso8601 == "2024-03-05T20:46:14.078236Z")
    #expect(job.finished?.iso8601 == "2024-03-05T20:49:02Z")
    #expect(job.elapsed == 167.922)
    #expect(job.labels == ["nightly", "rélease"])
    #expect(job.extraVars == #"{"version": "1.2", "db_password": "$encrypted$"}"#)
    #expect(job.inventoryName == "Demo Inventory")
    #expect(job.scmBranch == nil)
  }

  @Test func decodesNodesEdgesAndChildren() throws {
    let run = try modern()
    #expect(run.nodes.map(\.id) == [190, 191, 192, 193])
    let build = run.nodes[0]
    #expect(build.successNodes == [192, 191])
    #expect(build.job?.started?.iso8601 == "2024-03-05T20:46:15.000001Z")
    #expect(build.job?.hasDetail == true)
    let approval = run.nodes[1]
    #expect(approval.jobType == .workflowApproval)
    #expect(approval.displayName == "Approve")
    #expect(approval.job?.timedOut == true)
    #expect(
      approval.job?.explanation == "The approval node Approve (191) has expired after 3600 seconds."
    )
    let deleted = run.nodes[2]
    #expect(deleted.templateID == nil && deleted.jobID == nil)
    let sync = run.nodes[3]
    #expect(sync.jobType == .projectUpdate && sync.doNotRun && sync.allParentsMustConverge)

    let analysis = try RunAnalysis(run)
    #expect(analysis.nodes[191]?.state == .timedOut)
    #expect(analysis.nodes[192]?.state == .templateDeleted)
    #expect(analysis.verdict.unhandledFailures == [191, 192])
  }

  @Test func legacyPayloadWithoutNewerFields() throws {
    let run = try RunDecoder.decode(
      snapshot(
        55,
        [
          (.workflowJob, try fixture("workflow_job_legacy.json")),
          (.workflowNodes, try fixture("legacy_nodes_page.json")),
        ]), fileName: "old.json")
    #expect(run.job.launchedBy == nil)
    #expect(run.job.templateID == nil)
    #expect(run.job.extraVars == "{}")
    #expect(run.job.started?.iso8601 == "2019-06-01T10:00:01Z")
    // No summary_fields.job.type before AWX 2.1.1: the type comes from related.job.
    #expect(run.nodes[0].jobType == .inventoryUpdate)
    #expect(run.nodes[1].jobType == .job)
    #expect(run.nodes[0].allParentsMustConverge == false && run.nodes[0].identifier == "")
    let verdict = try RunAnalysis(run).verdict
    #expect(verdict.byRules == .successful && verdict.handledFailures.isEmpty)
  }

  @Test func countDisabledPagesHaveOnlyResults() throws {
    let run = try RunDecoder.decode(
      snapshot(
        55,
        [
          (.workflowJob, try fixture("workflow_job_legacy.json")),
          (
            .workflowNodes,
            bytes(
              #"{"results":[{"id":1,"success_nodes":[],"failure_nodes":[],"always_nodes":[]}]}"#)
          ),
        ]), fileName: "s.json")
    #expect(run.nodes.map(\.id) == [1])
  }

  @Test(arguments: [
    (#"{"results":[{"id":"12"}]}"#, "results[0].id: expected an integer, got a string"),
    (
      #"{"results":[{"id":1,"success_nodes":"2,3"}]}"#,
      "results[0].success_nodes: expected a list of node ids, got a string"
    ),
    (
      #"{"results":[{"id":1,"failure_nodes":[2,"x"]}]}"#,
      "results[0].failure_nodes[1]: expected a node id (integer), got a string"
    ),
    (#"{"results":[{"id":1.5}]}"#, "results[0].id: expected an integer, got a number"),
    (#"{"results":{"id":1}}"#, "results: expected a list, got an object"),
    (
      #"{"results":[{"id":1,"all_parents_must_converge":"yes"}]}"#,
      "results[0].all_parents_must_converge: expected true or false, got a string"
    ),
  ])
  func strictWhereTheGraphWouldBeWrong(page: String, message: String) throws {
    let detail = try fixture("workflow_job_legacy.json")
    do {
      _ = try RunDecoder.decode(
        snapshot(55, [(.workflowJob, detail), (.workflowNodes, bytes(page))]), fileName: "s.json")
      Issue.record("decoded a bad page")
    } catch {
      #expect(error.description == "s.json: response GET /api/v2/test/1/: \(message)")
    }
  }

  @Test func tolerantWhereAWXVaries() throws {
    let detail =
      #"{"id":7,"status":"running","name":null,"limit":"","scm_branch":null,"extra_vars":{"a":1},"elapsed":"12.5","started":"2024-01-01T00:00:00Z","finished":null,"launched_by":{}}"#
    let run = try RunDecoder.decode(
      snapshot(7, [(.workflowJob, bytes(detail))]), fileName: "s.json")
    #expect(run.job.name == "" && run.job.limit == nil && run.job.scmBranch == nil)
    #expect(run.job.extraVars == #"{"a":1}"#)
    #expect(run.job.elapsed == 12.5)
    #expect(run.job.finished == nil)
  }

  @Test func missingJobResponse() {
    #expect(throws: APIError.missing("s.json: no workflow_job response for workflow job 3")) {
      try RunDecoder.decode(snapshot(3, []), fileName: "s.json")
    }
  }

  @Test func truncatedBodyNamesTheURL() throws {
    do {
      _ = try RunDecoder.decode(
        snapshot(3, [(.workflowJob, bytes(#"{"id":3,"sta"#))]), fileName: "s.json")
      Issue.record("decoded a truncated body")
    } catch {
      #expect(
        error.description
          == "s.json: response GET /api/v2/test/0/: invalid JSON at line 1, column 13: unexpected end of data (expected '\"' to end the string)"
      )
    }
  }

  @Test func bundledExampleDecodes() throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: examplePath)))
    let s = try Snapshot.decode(bytes, source: "example")
    let run = try RunDecoder.decode(s, fileName: "example")
    #expect(run.nodes.count == 17)
    #expect(run.nested[4712]?.nodes.count == 3)
    #expect(run.job.labels == ["production", "web", "release-2.14"])
    #expect(run.notifications.count == 3)
    #expect(run.activity.count == 3)
    let a = try RunAnalysis(run)
    #expect(a.verdict.unhandledFailures == [309])
    #expect(a.verdict.handledFailures == [308])
    #expect(a.nodes[305]?.state == .approved)
    #expect(a.nodes[312]?.neverRunReason == .parentsNeverRan([311]))
    #expect(Set(run.edges.map(\.kind)) == [.success, .failure, .always])
  }
}
