import AWXReportAPI
import AWXReportJSON
import AWXReportModel
import AWXReportTestSupport
import Testing

@testable import AWXReportFetch

/// The drill-down into failed child jobs against the fake AWX server: which requests are made
/// (at most 3 per failed job, one bounded page each, none for successful jobs), what the
/// snapshot stores, and what the decoder makes of AWX's event shapes.
@Suite struct DrillDownFetchTests {
  static let failedEventsQuery =
    "failed=true&event__in=runner_on_failed,runner_on_unreachable,runner_item_on_failed,"
    + "runner_on_async_failed,runner_on_error&order_by=counter"

  /// Node 12 is a failed playbook job (10013), node 9 a failed project update (10010) with no
  /// events; every other job succeeded.
  static func fetch(_ extra: [String], events: EventOptions = EventOptions()) throws
    -> (Snapshot, FakeAWXServer.Stats, WorkflowRun)
  {
    let server = try FakeAWXServer(
      ["--nodes", "14", "--failed-update", "--token", Fixture.token] + extra)
    let fetcher = try Fixture.fetcher(try Fixture.settings(server), Recorder())
    let snapshot = try fetcher.fetch(
      workflowJobID: 7, events: events, now: Fixture.now, tool: "t")
    let run = try RunDecoder.decode(
      try Snapshot.decode(snapshot.encoded(), source: "test"), fileName: "test")
    return (snapshot, try server.stats(), run)
  }

  @Test func aFailedJobWithFewEventsTakesTwoRequestsAndAnUpdateWithoutEventsTwo() throws {
    let (snapshot, stats, run) = try Self.fetch([])
    let drill = snapshot.responses.filter(\.kind.isDrillDown)
    let expected: [(ResponseKind, Int, String)] = [
      (
        .jobEventsTail, 10010,
        "/api/v2/project_updates/10010/events/?order_by=-counter&page_size=200"
      ),
      (.jobStdout, 10010, "/api/v2/project_updates/10010/stdout/?format=txt"),
      (.jobEventsTail, 10013, "/api/v2/jobs/10013/job_events/?order_by=-counter&page_size=200"),
      (
        .jobHostSummaries, 10013,
        "/api/v2/jobs/10013/job_host_summaries/?order_by=host_name&page_size=200"
      ),
    ]
    #expect(drill.map(\.kind) == expected.map(\.0))
    #expect(drill.map(\.unifiedJobID) == expected.map(\.1))
    #expect(drill.map(\.url) == expected.map(\.2))
    // 1 discovery + the 6 structural responses + 4 drill-down ones, on one connection.
    #expect(stats.requests == 11)
    #expect(stats.connections == 1)
    // No other response names a child job.
    #expect(
      snapshot.responses.filter { !$0.kind.isDrillDown }.allSatisfy { $0.unifiedJobID == nil })

    // All events fitted in the tail page, so the failed ones were found in it.
    let job = try #require(run.failureDetails[10013])
    #expect(
      job.failedTasks.map(\.event) == [
        "runner_on_unreachable", "runner_item_on_failed", "runner_on_failed", "runner_on_failed",
        "runner_on_failed",
      ])
    // The ignore_errors failure on "Check disk" is not a failure; parent events are not tasks.
    #expect(!job.failedTasks.contains { $0.task == "Check disk" })
    #expect(job.unreachable.map(\.host) == ["db1"])
    #expect(
      job.unreachable.first?.message.hasPrefix("Failed to connect to the host via ssh") == true)
    let item = try #require(job.failedTasks.first { $0.event == "runner_item_on_failed" })
    #expect(item.item == "nginx-extra")
    #expect(item.rc == 126)
    #expect(item.message == "No package matching 'nginx-extra' found available")
    #expect(item.action == "ansible.builtin.dnf")
    #expect(item.path == "/runner/project/roles/web/tasks/main.yml:8")
    let censored = try #require(job.failedTasks.first { $0.task == "Set admin password" })
    #expect(censored.censored && censored.message.isEmpty && censored.rc == nil)
    let migrate = try #require(job.failedTasks.first { $0.task == "Run migrations" })
    #expect(migrate.rc == 2 && migrate.host == "web3")
    #expect(job.hosts.map(\.host) == ["db1", "web1", "web2", "web3", "web4"])
    #expect(job.hosts.filter(\.failed).map(\.host) == ["db1", "web1", "web2", "web3"])
    #expect(job.hosts.first { $0.host == "web1" }?.ignored == 1)
    #expect(!job.outputTailIsPartial && !job.possiblyIncomplete)
    #expect(job.outputTail.contains { $0.contains("PLAY RECAP") })
    // \r\n is one line end.
    #expect(job.outputTail.allSatisfy { !$0.contains("\r") })

    let update = try #require(run.failureDetails[10010])
    #expect(update.failedTasks.isEmpty && update.hosts.isEmpty)
    #expect(update.outputTail.count == 4)
    #expect(update.outputTail[1] == "fatal: could not read Username for 'https://git.example.com'")
    #expect(update.outputTooLarge == nil)
    // Only the two failed jobs were drilled into.
    #expect(Set(run.failureDetails.keys) == [10010, 10013])
  }

  @Test func manyEventsTakeThreeBoundedRequests() throws {
    let (snapshot, _, run) = try Self.fetch(["--event-padding", "250"])
    let mine = snapshot.responses.filter { $0.unifiedJobID == 10013 }
    #expect(
      mine.map(\.url) == [
        "/api/v2/jobs/10013/job_events/?order_by=-counter&page_size=200",
        "/api/v2/jobs/10013/job_events/?\(Self.failedEventsQuery)&page_size=200",
        "/api/v2/jobs/10013/job_host_summaries/?order_by=host_name&page_size=200",
      ])
    #expect(mine.map(\.kind) == [.jobEventsTail, .jobEventsFailed, .jobHostSummaries])
    let job = try #require(run.failureDetails[10013])
    #expect(job.failedTasks.count == 5)
    #expect(job.outputTailIsPartial)
    #expect(job.moreFailedTasks == 0)
  }

  @Test func maxEventsBoundsEveryPage() throws {
    let (snapshot, _, run) = try Self.fetch([], events: EventOptions(maxEvents: 3))
    let mine = snapshot.responses.filter { $0.unifiedJobID == 10013 }
    #expect(mine.count == 3)
    #expect(mine.allSatisfy { $0.url.hasSuffix("page_size=3") })
    let job = try #require(run.failureDetails[10013])
    #expect(job.failedTasks.count == 3)
    #expect(job.moreFailedTasks == 2)
    #expect(job.outputTail.count <= 3 * 8)
    #expect(job.outputTailIsPartial)
  }

  @Test func eventsNoneSkipsTheDrillDown() throws {
    let (snapshot, stats, run) = try Self.fetch([], events: EventOptions(failed: false))
    #expect(!snapshot.responses.contains { $0.kind.isDrillDown })
    #expect(stats.requests == 7)
    #expect(run.failureDetails.isEmpty)
  }

  @Test func oversizedOutputIsRecognisedNotShown() throws {
    let (_, _, run) = try Self.fetch(["--oversized-stdout"])
    let update = try #require(run.failureDetails[10010])
    #expect(
      update.outputTooLarge?.hasPrefix("Standard Output too large to display (5242880 bytes)")
        == true)
    #expect(update.outputTail.isEmpty)
  }

  @Test func unfinishedEventProcessingMarksTheJobPossiblyIncomplete() throws {
    let (_, _, run) = try Self.fetch(["--events-unfinished"])
    #expect(run.failureDetails[10013]?.possiblyIncomplete == true)
    #expect(run.failureDetails[10013]?.failedTasks.count == 5)
  }

  @Test func aThousandNodesTakeAtMostThreeRequestsPerFailedJob() throws {
    let server = try FakeAWXServer(["--nodes", "1000", "--token", Fixture.token])
    let snapshot = try Fixture.fetcher(try Fixture.settings(server), Recorder())
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    var failed: Set<Int> = []
    for r in snapshot.responses where r.kind == .unifiedJobs {
      for item in try JSONParser.parse(r.body)["results"]?.array ?? [] {
        if item["status"]?.string == "failed", let id = item["id"]?.int { failed.insert(id) }
      }
    }
    #expect(failed.count > 50)
    var perJob: [Int: Int] = [:]
    for r in snapshot.responses where r.kind.isDrillDown {
      perJob[try #require(r.unifiedJobID), default: 0] += 1
    }
    #expect(Set(perJob.keys) == failed)
    #expect(perJob.values.allSatisfy { $0 <= 3 })
    let stats = try server.stats()
    #expect(stats.requests == 15 + perJob.values.reduce(0, +))
    #expect(stats.connections == 1)
  }

  @Test func onlyFailedOrErroredJobsWithEventsAreDrilledInto() throws {
    let records: [JSONValue] = [
      ("job", "failed"), ("job", "successful"), ("project_update", "error"),
      ("inventory_update", "failed"), ("system_job", "failed"), ("workflow_job", "failed"),
      ("workflow_approval", "failed"), ("job", "canceled"),
    ].enumerated().map { k, r in
      .object([("id", .number(String(k))), ("type", .string(r.0)), ("status", .string(r.1))])
    }
    #expect(WorkflowWalk.failedChildren(records).map(\.id) == [0, 2, 3, 4])
  }

  @Test func aSnapshotWithoutDrillDownEncodesAsBefore() throws {
    let r = SnapshotResponse(kind: .labels, workflowJobID: 7, url: "/x", status: 200, body: [])
    let s = Snapshot(
      tool: "t", host: "h", apiRoot: "/api/v2/", fetchedAt: Fixture.now, workflowJobID: 7,
      responses: [r])
    let text = String(decoding: s.encoded(), as: UTF8.self)
    #expect(!text.contains("unified_job"))
    let d = SnapshotResponse(
      kind: .jobStdout, workflowJobID: 7, unifiedJobID: 9, url: "/y", status: 200, body: [])
    let s2 = Snapshot(
      tool: "t", host: "h", apiRoot: "/api/v2/", fetchedAt: Fixture.now, workflowJobID: 7,
      responses: [d])
    #expect(try Snapshot.decode(s2.encoded(), source: "t") == s2)
  }
}
