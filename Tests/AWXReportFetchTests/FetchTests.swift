import AWXReportAPI
import AWXReportTestSupport
import Testing

@testable import AWXReportFetch

/// The fetcher against the fake AWX server, through libcurl: what is requested and what the
/// snapshot holds.
@Suite struct FetchTests {
  @Test func smallWorkflowSnapshotHoldsEveryResponseByteForByte() throws {
    let server = try FakeAWXServer(["--nodes", "6", "--approvals", "1", "--token", Fixture.token])
    let recorder = Recorder()
    let fetcher = try Fixture.fetcher(try Fixture.settings(server), recorder)
    let snapshot = try fetcher.fetch(
      workflowJobID: 7, depth: 5, now: Fixture.now, tool: "awx-report test")

    #expect(snapshot.host == server.host)
    #expect(snapshot.apiRoot == "/api/v2/")
    #expect(snapshot.workflowJobID == 7)
    #expect(snapshot.tool == "awx-report test")
    #expect(snapshot.fetchedAt == Fixture.now)
    let expected: [(ResponseKind, String)] = [
      (.workflowJob, "/api/v2/workflow_jobs/7/"),
      (.workflowNodes, "/api/v2/workflow_jobs/7/workflow_nodes/?page_size=200"),
      (.unifiedJobs, "/api/v2/unified_jobs/?id__in=10001,10002,10003,10004,10005&page_size=200"),
      (.workflowApprovals, "/api/v2/workflow_approvals/?id__in=10006&page_size=200"),
      (.labels, "/api/v2/workflow_jobs/7/labels/?page_size=200"),
      (.notifications, "/api/v2/workflow_jobs/7/notifications/?page_size=200"),
      (.activityStream, "/api/v2/workflow_jobs/7/activity_stream/?page_size=200"),
    ]
    #expect(snapshot.responses.map(\.kind) == expected.map(\.0))
    #expect(snapshot.responses.map(\.url) == expected.map(\.1))
    #expect(snapshot.responses.allSatisfy { $0.status == 200 && $0.workflowJobID == 7 })

    // Bodies are byte-identical to what the server sent (it logs a SHA-256 per response).
    let stats = try server.stats()
    #expect(stats.requests == 8)  // /api/ discovery + the 7 stored responses
    #expect(stats.connections == 1)  // keep-alive: one connection for the whole fetch
    let sent = stats.log.filter { $0.path != "/api/" }
    #expect(sent.map(\.path) == snapshot.responses.map(\.url))
    #expect(sent.map(\.sha256) == snapshot.responses.map { SHA256.hex($0.body) })

    // The progress observer saw every request and the node count.
    let requests = recorder.events.filter {
      if case .request = $0 { return true } else { return false }
    }
    #expect(requests.count == 8)
    #expect(recorder.events.last == .progress(FetchProgress(requests: 8, nodes: 6, workflows: 1)))
    #expect(recorder.sleeps.isEmpty)

    // The snapshot survives its own encoding.
    let decoded = try Snapshot.decode(snapshot.encoded(), source: "test")
    #expect(decoded == snapshot)
  }

  @Test func thousandNodesTakeFifteenRequestsOnOneConnection() throws {
    let server = try FakeAWXServer(["--nodes", "1000", "--token", Fixture.token])
    let recorder = Recorder()
    let fetcher = try Fixture.fetcher(try Fixture.settings(server), recorder)
    // Without the drill-down into failed jobs (DrillDownFetchTests counts that).
    let snapshot = try fetcher.fetch(
      workflowJobID: 7, events: EventOptions(failed: false), now: Fixture.now, tool: "t")

    let stats = try server.stats()
    // 1 discovery + 1 detail + 5 node pages + 5 unified_jobs chunks + labels + notifications
    // + activity stream.
    #expect(stats.requests == 15)
    #expect(stats.connections == 1)
    #expect(snapshot.responses.count == 14)
    #expect(snapshot.responses.filter { $0.kind == .workflowNodes }.count == 5)
    #expect(snapshot.responses.filter { $0.kind == .unifiedJobs }.count == 5)
    // Pages after the first follow the server's own `next` links, unchanged.
    let nodePages = snapshot.responses.filter { $0.kind == .workflowNodes }.map(\.url)
    #expect(nodePages[1] == "/api/v2/workflow_jobs/7/workflow_nodes/?page=2&page_size=200")
    // Every chunk asks for at most 200 ids.
    for r in snapshot.responses where r.kind == .unifiedJobs {
      let ids = r.url.split(separator: "=")[1].split(separator: "&")[0].split(separator: ",")
      #expect(ids.count <= 200)
    }
    if case .progress(let p) = recorder.events.last {
      #expect(p.nodes == 1000)
      #expect(p.requests == 15)
    } else {
      Issue.record("no progress event at the end")
    }
  }

  @Test func controllerPrefixIsDiscoveredFromTheAPIRoot() throws {
    let server = try FakeAWXServer(["--prefix", "controller", "--token", Fixture.token])
    let snapshot = try Fixture.fetcher(try Fixture.settings(server), Recorder())
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(snapshot.apiRoot == "/api/controller/v2/")
    #expect(snapshot.responses.allSatisfy { $0.url.hasPrefix("/api/controller/v2/") })
    #expect(snapshot.responses.first?.url == "/api/controller/v2/workflow_jobs/7/")
  }

  @Test(arguments: [("v2", "/api/v2/"), ("controller", "/api/controller/v2/")])
  func withoutAnAPIRootTheFallbacksAreTriedInOrder(prefix: String, root: String) throws {
    let server = try FakeAWXServer(["--prefix", prefix, "--no-api-root", "--token", Fixture.token])
    let fetcher = try Fixture.fetcher(try Fixture.settings(server), Recorder())
    #expect(try fetcher.discoverAPIRoot() == root)
    let tried = try server.stats().log.map(\.path)
    #expect(tried == (prefix == "v2" ? ["/api/", "/api/v2/"] : ["/api/", "/api/v2/", root]))
  }

  @Test func noAPIAnywhereIsAnError() throws {
    // A transport, not the server: every path is 404, so no API root exists.
    let settings = ConnectionSettings(
      origin: try ConnectionSettings.parseHost("https://awx.invalid"), credentials: .token("x"))
    let fetcher = AWXFetcher(settings: settings, transport: NotFoundTransport(), sleep: { _ in })
    let error = Fixture.error { () throws(FetchError) in _ = try fetcher.discoverAPIRoot() }
    #expect(error == .apiRootNotFound(tried: ["/api/", "/api/v2/", "/api/controller/v2/"]))
  }

  @Test func aGivenAPIRootSkipsDiscovery() throws {
    let server = try FakeAWXServer(["--prefix", "controller", "--token", Fixture.token])
    let settings = try Fixture.settings(server, apiRoot: "/api/controller/v2/")
    let snapshot = try Fixture.fetcher(settings, Recorder())
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(snapshot.apiRoot == "/api/controller/v2/")
    #expect(try server.stats().log.first?.path == "/api/controller/v2/workflow_jobs/7/")
  }

  @Test func basicAuthWorks() throws {
    let server = try FakeAWXServer([
      "--username", Fixture.username, "--password", Fixture.password,
    ])
    let settings = try Fixture.settings(
      server, credentials: .basic(username: Fixture.username, password: Fixture.password))
    let snapshot = try Fixture.fetcher(settings, Recorder())
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(snapshot.responses.count == 6)
  }

  @Test func nestedWorkflowsAreFetchedRecursivelyUpToTheDepth() throws {
    let server = try FakeAWXServer([
      "--nodes", "5", "--nested", "1", "--nested-levels", "3", "--token", Fixture.token,
    ])
    let settings = try Fixture.settings(server)

    let full = try Fixture.fetcher(settings, Recorder())
      .fetch(workflowJobID: 7, depth: 5, now: Fixture.now, tool: "t")
    let owners = full.responses.filter { $0.kind == .workflowJob }.map(\.workflowJobID)
    #expect(owners == [7, 500, 501, 502])
    // A nested workflow's responses carry its own id, and its URL comes from related.job.
    #expect(full.responses.contains { $0.workflowJobID == 501 && $0.kind == .workflowNodes })
    #expect(
      full.responses.first { $0.workflowJobID == 500 }?.url == "/api/v2/workflow_jobs/500/")

    let one = try Fixture.fetcher(settings, Recorder())
      .fetch(workflowJobID: 7, depth: 1, now: Fixture.now, tool: "t")
    #expect(one.responses.filter { $0.kind == .workflowJob }.map(\.workflowJobID) == [7, 500])

    let none = try Fixture.fetcher(settings, Recorder())
      .fetch(workflowJobID: 7, depth: 0, now: Fixture.now, tool: "t")
    #expect(none.responses.filter { $0.kind == .workflowJob }.map(\.workflowJobID) == [7])
    // The nested workflow job's own details still come in the unified_jobs bulk request.
    #expect(none.responses.contains { $0.kind == .unifiedJobs && $0.url.contains("500") })
  }

  @Test func aCycleOfNestedWorkflowsIsFetchedOnce() throws {
    let server = try FakeAWXServer([
      "--nodes", "4", "--nested", "1", "--nested-levels", "2", "--cycle",
      "--token", Fixture.token,
    ])
    let snapshot = try Fixture.fetcher(try Fixture.settings(server), Recorder())
      .fetch(workflowJobID: 7, depth: 10, now: Fixture.now, tool: "t")
    let owners = snapshot.responses.filter { $0.kind == .workflowJob }.map(\.workflowJobID)
    #expect(owners == [7, 500, 501])
  }

  @Test func notificationsAreSkippedWhenTheTemplateWasDeleted() throws {
    let server = try FakeAWXServer(["--no-notifications", "--token", Fixture.token])
    let snapshot = try Fixture.fetcher(try Fixture.settings(server), Recorder())
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(!snapshot.responses.contains { $0.kind == .notifications })
    #expect(snapshot.responses.contains { $0.kind == .activityStream })
    #expect(try server.stats().log.allSatisfy { $0.status == 200 })
  }

  @Test func smallPagesAreAllFollowed() throws {
    // The server caps page_size at 200; a list of 450 labels takes three pages.
    let server = try FakeAWXServer(["--labels", "450", "--token", Fixture.token])
    let snapshot = try Fixture.fetcher(try Fixture.settings(server), Recorder())
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(snapshot.responses.filter { $0.kind == .labels }.count == 3)
  }
}

/// A transport where every URL is 404, for the "no API root" case.
struct NotFoundTransport: HTTPTransport {
  func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse {
    HTTPResponse(status: 404, body: Array(#"{"detail": "Not found."}"#.utf8))
  }
}
