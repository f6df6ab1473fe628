import AWXReportJSON
import AWXReportTestSupport
import Testing

@testable import AWXReportFetch

/// `AWXClient` against the fake AWX server, through libcurl: POSTs in AWX's shapes, and what
/// happens to a POST and to a GET under each fault.
@Suite struct ClientTests {
  static let cancel = "/api/v2/workflow_jobs/7/cancel/"
  static let relaunch = "/api/v2/workflow_jobs/7/relaunch/"
  static let launch = "/api/v2/workflow_job_templates/39/launch/"
  static let detail = "/api/v2/workflow_jobs/7/"

  func server(_ arguments: [String] = [], faults: String = "[]") throws -> FakeAWXServer {
    try FakeAWXServer(["--token", Fixture.token, "--faults", faults] + arguments)
  }

  func client(
    _ server: FakeAWXServer, _ recorder: Recorder = Recorder(), retries: Int = 3,
    timeout: Double = 5
  ) throws -> AWXClient {
    let settings = try Fixture.settings(server, retries: retries, timeout: timeout)
    return AWXClient(
      settings: settings, transport: try CurlTransport(settings: settings),
      observer: { recorder.record($0) }, sleep: { recorder.sleep($0) }, random: { 0.5 })
  }

  /// Runs `body` and returns the `FetchError` it throws.
  func error(_ body: () throws(FetchError) -> Void) -> FetchError? { Fixture.error(body) }

  // MARK: AWX's answers

  @Test func cancelAnswers202WithAnEmptyBody() throws {
    let server = try server(["--status", "running"])
    let recorder = Recorder()
    let answer = try client(server, recorder).post(Self.cancel)
    #expect(answer == AWXClient.PostResponse(status: 202, location: nil, json: nil))
    let received = try server.received()
    #expect(received.map(\.method) == ["POST"])
    #expect(received.first?.contentType == "application/json")
    #expect(received.first?.body == "")
    // The -v log names the real method.
    #expect(
      recorder.events.contains {
        if case .request(.post, Self.cancel, 202, _, 1) = $0 { return true } else { return false }
      })
  }

  @Test func cancellingAFinishedJobIs405() throws {
    let server = try server()  // the job is "successful"
    let recorder = Recorder()
    let client = try client(server, recorder)
    let failure = error { () throws(FetchError) in _ = try client.post(Self.cancel) }
    #expect(
      failure
        == .http(
          method: .post, status: 405, detail: #"Method "POST" not allowed."#, url: Self.cancel))
    #expect(
      failure?.description
        == #"HTTP 405 Method Not Allowed for POST /api/v2/workflow_jobs/7/cancel/: "#
        + #"Method "POST" not allowed."#)
    #expect(recorder.sleeps.isEmpty)
    #expect(try server.count("POST", Self.cancel) == 1)
  }

  @Test func aGetAfterAPostIsAGetOnTheSameClient() throws {
    let server = try server(["--status", "pending"])
    let client = try client(server)
    _ = try client.post(Self.cancel)
    // A pending workflow job is canceled inside the request.
    let job = try client.object(.get(Self.detail))
    #expect(job["status"]?.string == "canceled")
    let received = try server.received()
    #expect(received.map(\.method) == ["POST", "GET"])
    #expect(received.last?.body == "" && received.last?.contentType == nil)
  }

  @Test func relaunchAnswers201WithTheNewJob() throws {
    let server = try server()
    let client = try client(server)
    let answer = try client.post(Self.relaunch)
    #expect(answer.status == 201)
    #expect(answer.location == "/api/v2/workflow_jobs/9001/")
    #expect(answer.json?["id"]?.int == 9001)
    #expect(answer.json?["launch_type"]?.string == "relaunch")
    #expect(answer.json?["workflow_job"] == nil)  // only launch answers with that key
    #expect(try client.object(.get("/api/v2/workflow_jobs/9001/"))["status"]?.string == "pending")
  }

  @Test func launchSendsItsBodyAsJSONAndAnswers201() throws {
    let server = try server()
    let body = JSONValue.object([
      ("extra_vars", .object([("region", .string("eu west")), ("count", .number("2"))]))
    ])
    let answer = try client(server).post(Self.launch, json: body)
    #expect(answer.status == 201)
    #expect(answer.json?["workflow_job"]?.int == 9001)
    #expect(answer.json?["id"]?.int == 9001)
    #expect(answer.json?["ignored_fields"] == .object([]))
    #expect(answer.location == "/api/v2/workflow_jobs/9001/")
    let sent = try #require(try server.received().first)
    #expect(sent.method == "POST" && sent.path == Self.launch)
    #expect(sent.contentType == "application/json")
    #expect(sent.body == #"{"extra_vars":{"region":"eu west","count":2}}"#)
  }

  @Test func launchFieldErrorsAre400AndNamed() throws {
    let server = try server()
    let client = try client(server)
    let failure = error { () throws(FetchError) in
      _ = try client.post(Self.launch, json: .object([("limit", .string("web"))]))
    }
    #expect(
      failure
        == .http(
          method: .post, status: 400, detail: "limit: Field is not configured to prompt on launch.",
          url: Self.launch))
    #expect(try server.count("POST", Self.launch) == 1)
  }

  // MARK: A POST under faults: sent once, outcome unknown

  @Test func aResetAfterThePostWasReadIsNotResent() throws {
    let server = try server(faults: #"[{"kind": "reset", "method": "POST", "match": "relaunch"}]"#)
    let recorder = Recorder()
    let client = try client(server, recorder)
    // A GET first, so the POST could have gone over a kept-alive connection: libcurl must not
    // re-send it on a new one when that connection dies.
    #expect(try client.discoverAPIRoot() == "/api/v2/")
    let failure = error { () throws(FetchError) in
      _ = try client.post(Self.relaunch, check: "GET /api/v2/workflow_jobs/?launch_type=relaunch")
    }
    guard case .outcomeUnknown(let cause, let check) = failure,
      case .connection(.post, Self.relaunch, _) = cause
    else {
      Issue.record("expected .outcomeUnknown(.connection), got \(String(describing: failure))")
      return
    }
    #expect(check == "GET /api/v2/workflow_jobs/?launch_type=relaunch")
    #expect(failure?.description.contains("the outcome is unknown") == true)
    #expect(
      failure?.description.hasSuffix(
        "check GET /api/v2/workflow_jobs/?launch_type=relaunch before retrying") == true)
    #expect(try server.count("POST", Self.relaunch) == 1)
    #expect(recorder.sleeps.isEmpty)
  }

  @Test func a500AfterThePostWasReadIsNotResent() throws {
    let server = try server(
      faults: #"[{"kind": "status", "code": 500, "method": "POST", "match": "relaunch"}]"#)
    let recorder = Recorder()
    let client = try client(server, recorder)
    let failure = error { () throws(FetchError) in
      _ = try client.post(Self.relaunch)
    }
    #expect(
      failure
        == .outcomeUnknown(
          .http(method: .post, status: 500, detail: "Server error.", url: Self.relaunch),
          check: nil))
    #expect(
      failure?.description
        == "HTTP 500 Internal Server Error for POST /api/v2/workflow_jobs/7/relaunch/: Server "
        + "error.; the outcome is unknown: AWX may or may not have acted on it, and it was not "
        + "sent again; check in AWX before retrying")
    #expect(try server.count("POST", Self.relaunch) == 1)
    #expect(recorder.sleeps.isEmpty)
  }

  @Test func aPostThatTimesOutIsNotResent() throws {
    let server = try server(
      ["--status", "running"],
      faults: #"[{"kind": "slow", "seconds": 3, "method": "POST", "match": "cancel"}]"#)
    let client = try client(server, timeout: 0.5)
    let failure = error { () throws(FetchError) in
      _ = try client.post(Self.cancel, check: "GET \(Self.detail)")
    }
    #expect(
      failure
        == .outcomeUnknown(
          .timeout(method: .post, url: Self.cancel, seconds: 0.5), check: "GET \(Self.detail)"))
    #expect(
      failure?.description
        == "POST /api/v2/workflow_jobs/7/cancel/ timed out after 0.5 s; the outcome is unknown: "
        + "AWX may or may not have acted on it, and it was not sent again; check "
        + "GET /api/v2/workflow_jobs/7/ before retrying")
    #expect(try server.count("POST", Self.cancel) == 1)
  }

  @Test func aPostToAClosedPortIsRetriedBecauseNothingWasSent() throws {
    var server: FakeAWXServer? = try FakeAWXServer([])
    let settings = try Fixture.settings(try #require(server), retries: 2, timeout: 2)
    server = nil
    let recorder = Recorder()
    let client = AWXClient(
      settings: settings, transport: try CurlTransport(settings: settings),
      observer: { recorder.record($0) }, sleep: { recorder.sleep($0) }, random: { 0.5 })
    let failure = error { () throws(FetchError) in _ = try client.post(Self.cancel) }
    guard case .couldNotConnect(.post, Self.cancel, _) = failure else {
      Issue.record("expected .couldNotConnect, got \(String(describing: failure))")
      return
    }
    #expect(failure?.description.hasPrefix("cannot connect for POST \(Self.cancel): ") == true)
    #expect(recorder.sleeps.count == 2)
    #expect(client.requestCount == 3)
  }

  @Test func aRedirectAnsweringAPostIsNotFollowed() throws {
    let server = try server(
      faults: #"[{"kind": "redirect", "method": "POST", "match": "cancel", "#
        + #""location": "/api/v2/workflow_jobs/8/cancel/"}]"#)
    let client = try client(server)
    let failure = error { () throws(FetchError) in _ = try client.post(Self.cancel) }
    #expect(
      failure
        == .redirectNotFollowed(
          method: .post, url: Self.cancel, status: 302, location: "/api/v2/workflow_jobs/8/cancel/"
        ))
    #expect(try server.received().map(\.path) == [Self.cancel])
  }

  @Test func a429AnsweringAPostIsNotRetried() throws {
    let server = try server(
      faults: #"[{"kind": "status", "code": 429, "method": "POST", "retry_after": "1"}]"#)
    let recorder = Recorder()
    let client = try client(server, recorder)
    let failure = error { () throws(FetchError) in
      _ = try client.post(Self.launch)
    }
    #expect(
      failure
        == .http(method: .post, status: 429, detail: "Server error.", url: Self.launch))
    #expect(recorder.sleeps.isEmpty)
    #expect(try server.count("POST", Self.launch) == 1)
  }

  // MARK: A GET under the same faults: retried as before

  @Test func aGetIsStillRetriedAfterAReset() throws {
    let server = try server(
      faults: #"[{"kind": "reset", "match": "/workflow_jobs/7/", "count": 1}]"#)
    let recorder = Recorder()
    let job = try client(server, recorder).object(.get(Self.detail))
    #expect(job["id"]?.int == 7)
    #expect(try server.count("GET", Self.detail) == 2)
    #expect(recorder.sleeps == [0.375])
  }

  @Test func aGetIsStillRetriedAfterA500() throws {
    let server = try server(
      faults: #"[{"kind": "status", "code": 500, "match": "/workflow_jobs/7/", "count": 2}]"#)
    let recorder = Recorder()
    _ = try client(server, recorder).object(.get(Self.detail))
    #expect(try server.count("GET", Self.detail) == 3)
    #expect(recorder.sleeps == [0.375, 0.75])
  }

  @Test func aGetIsStillRetriedAfterATimeout() throws {
    let server = try server(
      faults: #"[{"kind": "slow", "seconds": 2, "match": "/workflow_jobs/7/", "count": 1}]"#)
    let recorder = Recorder()
    _ = try client(server, recorder, timeout: 0.5).object(.get(Self.detail))
    #expect(try server.count("GET", Self.detail) == 2)
    #expect(recorder.sleeps.count == 1)
  }

  // MARK: Lists without a snapshot

  @Test func pagesFollowNextLinksWithoutRecordingAnything() throws {
    let server = try server(["--labels", "450"])
    var urls: [String] = []
    let labels = try client(server).pages(
      .get("/api/v2/workflow_jobs/7/labels/", query: ["page_size": "200"]),
      onPage: { page in urls.append(page.url) })
    #expect(labels.count == 450)
    #expect(
      urls == [
        "/api/v2/workflow_jobs/7/labels/?page_size=200",
        "/api/v2/workflow_jobs/7/labels/?page=2&page_size=200",
        "/api/v2/workflow_jobs/7/labels/?page=3&page_size=200",
      ])
  }

  @Test func queryValuesArriveEncoded() throws {
    let server = try server()
    let query: URLQuery = ["id__in": "10001,10002", "search": "a b&c=d", "page_size": "200"]
    let jobs = try client(server).pages(.get("/api/v2/unified_jobs/", query: query))
    #expect(jobs.map { $0["id"]?.int } == [10001, 10002])
    #expect(
      try server.received().first?.path
        == "/api/v2/unified_jobs/?id__in=10001,10002&search=a%20b%26c%3Dd&page_size=200")
  }
}

extension FakeAWXServer {
  /// A request as the server received it, before any fault.
  struct Received {
    var method: String
    /// The path with its query, as sent.
    var path: String
    var contentType: String?
    /// The request body, as text.
    var body: String
  }

  /// Every API request the server received, in order (the `/_stats` requests not included).
  func received() throws -> [Received] {
    let settings = ConnectionSettings(
      origin: try ConnectionSettings.parseHost(host), credentials: .token("unused-stats"),
      verifyTLS: false)
    let response = try CurlTransport(settings: settings).send(.get("/_stats"))
    let json = try JSONParser.parse(response.body)
    return (json["received"]?.array ?? []).map {
      Received(
        method: $0["method"]?.string ?? "", path: $0["path"]?.string ?? "",
        contentType: $0["content_type"]?.string, body: $0["body"]?.string ?? "")
    }
  }

  /// How many `method` requests reached `path` (with query).
  func count(_ method: String, _ path: String) throws -> Int {
    try received().filter { $0.method == method && $0.path == path }.count
  }
}
