import AWXReportJSON
import Testing

@testable import AWXReportFetch

/// The client's decisions without a network: the retry table, request values, the query
/// encoding, and `AWXClient` over a scripted in-memory transport.
@Suite struct ClientUnitTests {
  // MARK: The retry decision table

  static let table: [(HTTPMethod, FetchError, RetryDecision)] = [
    (.get, .couldNotConnect(url: "/x/", reason: "refused"), .retry),
    (.get, .connection(url: "/x/", reason: "reset"), .retry),
    (.get, .timeout(url: "/x/", seconds: 1), .retry),
    (.get, .truncated(url: "/x/", reason: "cut"), .retry),
    (.get, .http(status: 500, detail: nil, url: "/x/"), .retry),
    (.get, .http(status: 503, detail: nil, url: "/x/"), .retry),
    (.get, .http(status: 429, detail: nil, url: "/x/"), .retry),
    (.get, .http(status: 404, detail: nil, url: "/x/"), .fail),
    (.get, .responseTooLarge(url: "/x/", limit: 1), .fail),
    (.get, .tls(url: "/x/", reason: "bad certificate"), .fail),
    (.post, .couldNotConnect(method: .post, url: "/x/", reason: "refused"), .retry),
    (.post, .connection(method: .post, url: "/x/", reason: "reset"), .outcomeUnknown),
    (.post, .timeout(method: .post, url: "/x/", seconds: 1), .outcomeUnknown),
    (.post, .truncated(method: .post, url: "/x/", reason: "cut"), .outcomeUnknown),
    (.post, .responseTooLarge(method: .post, url: "/x/", limit: 1), .outcomeUnknown),
    (.post, .http(method: .post, status: 500, detail: nil, url: "/x/"), .outcomeUnknown),
    (.post, .http(method: .post, status: 502, detail: nil, url: "/x/"), .outcomeUnknown),
    (.post, .http(method: .post, status: 429, detail: nil, url: "/x/"), .fail),
    (.post, .http(method: .post, status: 400, detail: nil, url: "/x/"), .fail),
    (.post, .http(method: .post, status: 405, detail: nil, url: "/x/"), .fail),
    (.post, .tls(method: .post, url: "/x/", reason: "bad certificate"), .fail),
    (
      .post, .redirectNotFollowed(method: .post, url: "/x/", status: 302, location: "/y/"),
      .fail
    ),
  ]

  @Test(arguments: 0..<table.count)
  func retryDecision(row: Int) {
    let (method, error, expected) = Self.table[row]
    #expect(RetryPolicy.decision(after: error, method: method) == expected, "\(method) \(error)")
  }

  // MARK: Request values and the query helper

  @Test func requestsCarryMethodQueryAndBody() {
    let get = HTTPRequest.get("/api/v2/workflow_jobs/", query: ["status": "failed"])
    #expect(get.method == .get && get.body == nil)
    #expect(get.target == "/api/v2/workflow_jobs/?status=failed")
    let post = HTTPRequest.post(
      "/api/v2/workflow_job_templates/39/launch/",
      json: .object([("extra_vars", .object([("a", .number("1"))]))]))
    #expect(post.method == .post)
    #expect(post.body == Array(#"{"extra_vars":{"a":1}}"#.utf8))
    #expect(HTTPRequest.post("/api/v2/workflow_jobs/7/cancel/").body == nil)
    // Printing a request never shows its headers.
    var authorized = post
    authorized.headers = ["Authorization: Bearer \(Fixture.token)"]
    #expect("\(authorized)" == "POST /api/v2/workflow_job_templates/39/launch/")
    #expect(!String(reflecting: authorized).contains(Fixture.token))
    var dumped = ""
    dump(authorized, to: &dumped)
    #expect(!dumped.contains(Fixture.token))
  }

  @Test func queryValuesArePercentEncoded() {
    let query: URLQuery = ["a": "1", "b": "x y"]
    #expect(query.encoded == "a=1&b=x%20y")
    #expect(query.appended(to: "/api/v2/x/") == "/api/v2/x/?a=1&b=x%20y")
    #expect(query.appended(to: "/api/v2/x/?page=2") == "/api/v2/x/?page=2&a=1&b=x%20y")
    #expect(URLQuery().appended(to: "/api/v2/x/") == "/api/v2/x/")
    // The unreserved set and the comma stay; everything else is %XX, UTF-8 byte by byte.
    #expect(URLQuery.encode("AZaz09-._~,") == "AZaz09-._~,")
    #expect(URLQuery.encode("&=+#%/?:;@ ") == "%26%3D%2B%23%25%2F%3F%3A%3B%40%20")
    #expect(URLQuery.encode("ü✓") == "%C3%BC%E2%9C%93")
    #expect(URLQuery.encode("2024-10-01T00:00:00Z") == "2024-10-01T00%3A00%3A00Z")
    // AWX's comma lists keep today's bytes: snapshots record these URLs.
    let bulk: URLQuery = ["id__in": "1,2,3", "page_size": "200"]
    #expect(bulk.encoded == "id__in=1,2,3&page_size=200")
    // Names may repeat, in order.
    var or = URLQuery()
    or.append("or__status", "failed")
    or.append("or__status", "error")
    #expect(or.encoded == "or__status=failed&or__status=error")
  }

  // MARK: AWXClient over a scripted transport

  @Test func aPostIsRetriedOnlyWhenNothingWasSent() throws {
    let stub = StubTransport([
      .failure(.couldNotConnect(method: .post, url: "http://awx.invalid/x/", reason: "refused")),
      .success(HTTPResponse(status: 202, body: [])),
    ])
    let recorder = Recorder()
    let answer = try client(stub, recorder).post("/api/v2/workflow_jobs/7/cancel/")
    #expect(answer.status == 202 && answer.json == nil)
    #expect(stub.sent.count == 2)
    #expect(recorder.sleeps == [0.375])
  }

  @Test(arguments: [
    FetchError.connection(method: .post, url: "http://awx.invalid/x/", reason: "reset"),
    .timeout(method: .post, url: "http://awx.invalid/x/", seconds: 30),
    .truncated(method: .post, url: "http://awx.invalid/x/", reason: "cut"),
  ])
  func aPostIsSentOnceWhenItMayHaveArrived(failure: FetchError) throws {
    let stub = StubTransport([.failure(failure), .success(HTTPResponse(status: 202, body: []))])
    let client = try client(stub)
    let error = Fixture.error { () throws(FetchError) in
      _ = try client.post("/api/v2/workflow_jobs/7/cancel/")
    }
    guard case .outcomeUnknown(let cause, nil) = error else {
      Issue.record("expected .outcomeUnknown, got \(String(describing: error))")
      return
    }
    #expect(cause == failure.relabelled(url: "/api/v2/workflow_jobs/7/cancel/"))
    #expect(stub.sent.count == 1)
  }

  @Test func aGetIsRetriedOnAResetAsBefore() throws {
    let stub = StubTransport([
      .failure(.connection(url: "http://awx.invalid/x/", reason: "reset")),
      .success(HTTPResponse(status: 200, body: Array(#"{"id": 7}"#.utf8))),
    ])
    let job = try client(stub).object(.get("/api/v2/workflow_jobs/7/"))
    #expect(job["id"]?.int == 7)
    #expect(stub.sent.map(\.method) == [.get, .get])
  }

  @Test func theTransportGetsTheRequestValueWithCredentials() throws {
    let stub = StubTransport([.success(HTTPResponse(status: 201, body: Array(#"{"id": 9}"#.utf8)))])
    let answer = try client(stub).post(
      "/api/v2/workflow_job_templates/39/launch/", query: ["x": "a b"],
      json: .object([("limit", .string("web"))]))
    #expect(answer.json?["id"]?.int == 9)
    let sent = try #require(stub.sent.first)
    #expect(sent.method == .post)
    #expect(sent.target == "/api/v2/workflow_job_templates/39/launch/?x=a%20b")
    #expect(sent.body == Array(#"{"limit":"web"}"#.utf8))
    #expect(sent.headers == ["Authorization: Bearer \(Fixture.token)"])
  }

  @Test func a2xxWithABodyThatIsNotJSONSaysTheRequestWasAccepted() throws {
    let stub = StubTransport([.success(HTTPResponse(status: 201, body: Array("<html>".utf8)))])
    let client = try client(stub)
    let error = Fixture.error { () throws(FetchError) in
      _ = try client.post("/api/v2/workflow_jobs/7/relaunch/")
    }
    guard case .unexpectedResponse(.post, "/api/v2/workflow_jobs/7/relaunch/", let message) = error
    else {
      Issue.record("expected .unexpectedResponse, got \(String(describing: error))")
      return
    }
    #expect(message.hasPrefix("HTTP 201: AWX accepted the request, but the body is not JSON"))
  }

  @Test func aSecretInAPostAnswerIsRefused() throws {
    let body = Array(#"{"echo": "Bearer \#(Fixture.token)"}"#.utf8)
    let stub = StubTransport([.success(HTTPResponse(status: 201, body: body))])
    let client = try client(stub)
    let error = Fixture.error { () throws(FetchError) in
      _ = try client.post("/api/v2/workflow_jobs/7/relaunch/")
    }
    #expect(error == .secretInResponse(method: .post, url: "/api/v2/workflow_jobs/7/relaunch/"))
  }

  @Test func fieldErrorsOfAPostBecomeTheDetail() {
    #expect(
      AWXClient.detailOrFieldErrors(
        of: Array(#"{"extra_vars": ["Variables a, b are not allowed on launch."], "#.utf8)
          + Array(#""__all__": ["Cannot start."]}"#.utf8))
        == "extra_vars: Variables a, b are not allowed on launch.; Cannot start.")
    #expect(AWXClient.detailOrFieldErrors(of: Array(#"{"detail": "Nope."}"#.utf8)) == "Nope.")
    #expect(AWXClient.detailOrFieldErrors(of: Array("[]".utf8)) == nil)
  }

  func client(_ transport: StubTransport, _ recorder: Recorder = Recorder()) throws -> AWXClient {
    let settings = ConnectionSettings(
      origin: try ConnectionSettings.parseHost("http://awx.invalid"),
      credentials: .token(Fixture.token))
    return AWXClient(
      settings: settings, transport: transport, observer: { recorder.record($0) },
      sleep: { recorder.sleep($0) }, random: { 0.5 })
  }
}

/// A transport that answers from a script, in order, and keeps every request it was given.
final class StubTransport: HTTPTransport {
  private var script: [Result<HTTPResponse, FetchError>]
  private(set) var sent: [HTTPRequest] = []

  init(_ script: [Result<HTTPResponse, FetchError>]) { self.script = script }

  func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse {
    sent.append(request)
    guard !script.isEmpty else { throw .connection(url: "", reason: "the script ran out") }
    return try script.removeFirst().get()
  }
}
