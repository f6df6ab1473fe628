import AWXReportAPI
import AWXReportTestSupport
import Testing

@testable import AWXReportFetch

/// Every fault the fake server can inject ends the way the fetcher promises: retried, or one
/// clear error naming the URL.
@Suite struct FaultTests {
  static let detailPath = "/api/v2/workflow_jobs/7/"
  static let nodesPath = "/api/v2/workflow_jobs/7/workflow_nodes/?page_size=200"

  /// Starts a server with `faults` (a JSON list, see the script) and a token.
  func server(_ faults: String, _ extra: [String] = []) throws -> FakeAWXServer {
    try FakeAWXServer(["--token", Fixture.token, "--faults", faults] + extra)
  }

  func fetchError(
    _ server: FakeAWXServer, _ recorder: Recorder = Recorder(), retries: Int = 3,
    timeout: Double = 5, maxResponseBytes: Int = 64 << 20, maxPages: Int = 1000, id: Int = 7
  ) throws -> FetchError? {
    let settings = try Fixture.settings(
      server, retries: retries, timeout: timeout, maxResponseBytes: maxResponseBytes,
      maxPages: maxPages)
    let fetcher = try Fixture.fetcher(settings, recorder)
    return Fixture.error { () throws(FetchError) in
      _ = try fetcher.fetch(workflowJobID: id, now: Fixture.now, tool: "t")
    }
  }

  @Test func a500IsRetriedWithBackoffAndThenSucceeds() throws {
    let server = try server(
      #"[{"kind": "status", "code": 500, "match": "/workflow_jobs/7/", "count": 1}]"#)
    let recorder = Recorder()
    let snapshot = try Fixture.fetcher(try Fixture.settings(server), recorder)
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(snapshot.responses.count == 6)
    #expect(snapshot.responses.allSatisfy { $0.status == 200 })
    #expect(try server.stats().requests == 8)  // 7 + the failed attempt
    // First backoff: 0.5 s, half of it jittered (random is 0.5 in tests).
    #expect(recorder.sleeps == [0.375])
    #expect(
      recorder.events.contains {
        if case .retrying(Self.detailPath, 2, 0.375, _) = $0 { return true } else { return false }
      })
  }

  @Test func a429HonoursRetryAfter() throws {
    let server = try server(
      #"[{"kind": "status", "code": 429, "match": "workflow_nodes", "count": 2, "#
        + #""retry_after": "2"}]"#
    )
    let recorder = Recorder()
    _ = try Fixture.fetcher(try Fixture.settings(server), recorder)
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(recorder.sleeps == [2, 2])
  }

  @Test func aHugeRetryAfterIsCapped() throws {
    let server = try server(
      #"[{"kind": "status", "code": 503, "match": "labels", "count": 1, "retry_after": "86400"}]"#)
    let recorder = Recorder()
    _ = try Fixture.fetcher(try Fixture.settings(server), recorder)
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(recorder.sleeps == [30])
  }

  @Test func a500ThatPersistsFailsAfterTheRetries() throws {
    let server = try server(
      #"[{"kind": "status", "code": 500, "match": "/workflow_jobs/7/", "#
        + #""detail": "A server error occurred."}]"#
    )
    let recorder = Recorder()
    let error = try fetchError(server, recorder, retries: 2)
    #expect(error == .http(status: 500, detail: "A server error occurred.", url: Self.detailPath))
    #expect(try server.stats().requests == 1 + 3)
    #expect(recorder.sleeps == [0.375, 0.75])
  }

  @Test func aSlowResponseTimesOut() throws {
    let server = try server(#"[{"kind": "slow", "seconds": 3, "match": "/workflow_jobs/7/"}]"#)
    let error = try fetchError(server, retries: 0, timeout: 0.5)
    #expect(error == .timeout(url: Self.detailPath, seconds: 0.5))
    #expect(error?.description == "GET /api/v2/workflow_jobs/7/ timed out after 0.5 s")
  }

  @Test func aConnectionClosedMidBodyIsATruncationError() throws {
    let server = try server(#"[{"kind": "truncate", "match": "workflow_nodes"}]"#)
    let recorder = Recorder()
    let error = try fetchError(server, recorder, retries: 1)
    guard case .truncated(.get, let url, _) = error else {
      Issue.record("expected .truncated, got \(String(describing: error))")
      return
    }
    #expect(url == Self.nodesPath)
    #expect(recorder.sleeps.count == 1)  // retried once, as a connection error
  }

  @Test func aTruncationThatHappensOnceIsRetried() throws {
    let server = try server(#"[{"kind": "truncate", "match": "workflow_nodes", "count": 1}]"#)
    let snapshot = try Fixture.fetcher(try Fixture.settings(server), Recorder())
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(snapshot.responses.contains { $0.kind == .workflowNodes })
    #expect(try server.stats().connections == 2)  // the closed connection was replaced
  }

  @Test func aNextLoopIsAnError() throws {
    let server = try server(#"[{"kind": "loop", "match": "workflow_nodes"}]"#)
    let error = try fetchError(server)
    #expect(error == .paginationLoop(url: Self.nodesPath, next: Self.nodesPath))
  }

  @Test func tooManyPagesIsAnError() throws {
    let server = try server("[]", ["--nodes", "1000"])
    let error = try fetchError(server, maxPages: 2)
    #expect(error == .tooManyPages(url: Self.nodesPath, limit: 2))
  }

  @Test func aNextLinkToAnotherHostIsRefused() throws {
    let server = try server(
      #"[{"kind": "foreign_next", "match": "workflow_nodes"}]"#, ["--nodes", "250"])
    let error = try fetchError(server)
    #expect(
      error
        == .foreignLink(
          url: Self.nodesPath,
          link:
            "http://other.example:8080/api/v2/workflow_jobs/7/workflow_nodes/?page=2&page_size=200")
    )
  }

  @Test func aRedirectToAnotherHostIsRefused() throws {
    let server = try server(
      #"[{"kind": "redirect", "match": "/workflow_jobs/7/", "#
        + #""location": "http://127.0.0.2:{port}/api/v2/workflow_jobs/7/"}]"#
    )
    let error = try fetchError(server)
    #expect(
      error
        == .redirectRefused(
          url: Self.detailPath, location: "http://127.0.0.2:\(server.port)/api/v2/workflow_jobs/7/")
    )
    #expect(error?.description.contains("refused") == true)
    #expect(try server.stats().requests == 2)  // discovery + the redirect, nothing more
  }

  @Test func aRedirectToTheSameServerIsFollowed() throws {
    let server = try server(
      #"[{"kind": "redirect", "match": "/workflow_jobs/7/", "count": 1, "#
        + #""location": "/api/v2/workflow_jobs/7/?moved=1"}]"#
    )
    let recorder = Recorder()
    let snapshot = try Fixture.fetcher(try Fixture.settings(server), recorder)
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(snapshot.responses.first?.url == Self.detailPath)  // as requested
    #expect(
      recorder.events.contains(
        .redirected(url: Self.detailPath, location: "/api/v2/workflow_jobs/7/?moved=1")))
    #expect(try server.stats().connections == 1)
  }

  @Test func a401IsOneLineWithStatusDetailAndURL() throws {
    let server = try FakeAWXServer(["--token", "another-token"])
    let recorder = Recorder()
    let error = try fetchError(server, recorder)
    #expect(
      error?.description == "HTTP 401 Unauthorized for GET /api/v2/workflow_jobs/7/: "
        + "Authentication credentials were not provided. To establish a login session, "
        + "visit /api/login/.")
    #expect(error?.description.contains("\n") == false)
    #expect(recorder.sleeps.isEmpty)  // never retried
    #expect(try server.stats().requests == 2)
  }

  @Test func a403IsNotRetried() throws {
    let server = try server(
      #"[{"kind": "status", "code": 403, "match": "activity_stream", "#
        + #""detail": "You do not have permission to perform this action."}]"#
    )
    let error = try fetchError(server)
    #expect(
      error
        == .http(
          status: 403, detail: "You do not have permission to perform this action.",
          url: "/api/v2/workflow_jobs/7/activity_stream/?page_size=200"))
  }

  @Test func a404NamesTheMissingJob() throws {
    let server = try FakeAWXServer(["--token", Fixture.token])
    let error = try fetchError(server, id: 999)
    #expect(
      error?.description == "HTTP 404 Not Found for GET /api/v2/workflow_jobs/999/: "
        + "No WorkflowJob matches the given query.")
  }

  @Test func invalidJSONNamesTheURLAndPosition() throws {
    let server = try server(#"[{"kind": "badjson", "match": "/workflow_jobs/7/"}]"#)
    let error = try fetchError(server)
    guard case .invalidJSON(.get, let url, let syntax) = error else {
      Issue.record("expected .invalidJSON, got \(String(describing: error))")
      return
    }
    #expect(url == Self.detailPath)
    #expect(syntax.line == 1 && syntax.column > 1)
    #expect(
      error?.description.hasPrefix("GET /api/v2/workflow_jobs/7/: invalid JSON at line 1") == true)
  }

  @Test func aResponseAboveTheCapIsAborted() throws {
    let server = try server("[]", ["--nodes", "50"])
    let error = try fetchError(server, maxResponseBytes: 8000)
    #expect(error == .responseTooLarge(url: Self.nodesPath, limit: 8000))
  }

  @Test func aClosedPortIsAConnectionErrorAfterRetries() throws {
    // Start a server to learn a free port, then stop it.
    var server: FakeAWXServer? = try FakeAWXServer([])
    let host = server?.host ?? ""
    server = nil
    let settings = ConnectionSettings(
      origin: try ConnectionSettings.parseHost(host), credentials: .token(Fixture.token),
      timeout: 2, retries: 2, apiRoot: "/api/v2/")
    let recorder = Recorder()
    let fetcher = try Fixture.fetcher(settings, recorder)
    let error = Fixture.error { () throws(FetchError) in
      _ = try fetcher.fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    }
    guard case .couldNotConnect(.get, let url, _) = error else {
      Issue.record("expected .couldNotConnect, got \(String(describing: error))")
      return
    }
    #expect(url == Self.detailPath)
    #expect(recorder.sleeps.count == 2)
  }
}
