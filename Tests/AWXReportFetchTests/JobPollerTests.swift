import AWXReportJSON
import AWXReportModel
import Testing

@testable import AWXReportFetch

/// A small AWX in memory, answering by path: one workflow job and its nodes, for the poller.
private final class MiniAWX: HTTPTransport {
  struct Node {
    var id: Int
    var job: Int?
    var status: String?
    var modified = "2024-03-05T20:46:14.000000Z"
    var finished: String?
  }

  var status = "running"
  var nodes: [Node]
  var date = "Tue, 05 Mar 2024 21:00:00 GMT"
  private(set) var sent: [HTTPRequest] = []

  init(nodes: Int, running: Set<Int>) {
    self.nodes = (0..<nodes).map { i in
      running.contains(i)
        ? Node(id: 1000 + i, job: 5000 + i, status: "running")
        : Node(id: 1000 + i, job: nil, status: nil)
    }
  }

  func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse {
    sent.append(request)
    // A `next` link carries its query in the path.
    let parts = request.path.split(separator: "?", maxSplits: 1).map(String.init)
    let path = parts[0]
    var items = request.query.items.map { ($0.name, $0.value) }
    for pair in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
      items.append((kv[0], kv.count > 1 ? kv[1] : ""))
    }
    let query = Dictionary(items) { a, _ in a }
    let body: String
    switch path {
    case "/api/v2/workflow_jobs/7/":
      body = """
        {"id": 7, "name": "Deploy", "status": "\(status)", "started": "2024-03-05T20:46:14Z",
         "finished": null, "related": {"workflow_nodes": "/api/v2/workflow_jobs/7/workflow_nodes/"}}
        """
    case "/api/v2/workflow_jobs/7/workflow_nodes/":
      var matching = nodes
      if let active = query["or__job__status__in"] {
        let statuses = Set(active.split(separator: ",").map(String.init))
        let since = query["or__job__finished__gte"] ?? ""
        let modified = query["or__modified__gt"] ?? ""
        matching = nodes.filter { n in
          n.status.map(statuses.contains) == true || (n.finished.map { $0 >= since } ?? false)
            || n.modified > modified
        }
      }
      let page = Int(query["page"] ?? "1") ?? 1
      let slice = matching.dropFirst((page - 1) * 200).prefix(200)
      let next =
        matching.count > page * 200
        ? "\"/api/v2/workflow_jobs/7/workflow_nodes/?page=\(page + 1)&page_size=200\"" : "null"
      body = """
        {"count": \(matching.count), "next": \(next), "results": [\(slice.map(Self.node).joined(separator: ","))]}
        """
    case "/api/v2/unified_jobs/":
      let ids = Set((query["id__in"] ?? "").split(separator: ",").compactMap { Int($0) })
      let items = nodes.filter { $0.job.map(ids.contains) == true }.map { n in
        """
        {"id": \(n.job!), "status": "\(n.status!)", "started": "2024-03-05T20:47:00Z",
         "finished": \(n.finished.map { "\"\($0)\"" } ?? "null"), "elapsed": 75.0,
         "job_explanation": ""}
        """
      }
      body =
        #"{"count": \#(items.count), "next": null, "results": [\#(items.joined(separator: ","))]}"#
    default:
      return HTTPResponse(status: 404, body: Array(#"{"detail": "Not found."}"#.utf8))
    }
    return HTTPResponse(status: 200, headers: [("Date", date)], body: Array(body.utf8))
  }

  static func node(_ n: Node) -> String {
    let job =
      n.job.map {
        #""job": {"id": \#($0), "name": "Step", "status": "\#(n.status!)", "failed": false, "elapsed": 0.0, "type": "job"},"#
      } ?? ""
    return """
      {"id": \(n.id), "workflow_job": 7, "job": \(n.job.map(String.init) ?? "null"),
       "identifier": "node-\(n.id)", "do_not_run": false, "modified": "\(n.modified)",
       "summary_fields": {\(job) "unified_job_template": {"id": 1, "name": "T", "unified_job_type": "job"}}}
      """
  }
}

@Suite struct JobPollerTests {
  private func poller(_ awx: MiniAWX) -> JobPoller {
    let settings = ConnectionSettings(
      origin: try! ConnectionSettings.parseHost("http://awx.invalid"),
      credentials: .token("t"), retries: 0, apiRoot: "/api/v2/")
    return JobPoller(
      client: AWXClient(settings: settings, transport: awx), workflowJobID: 7, overlap: 10)
  }

  @Test func anIdlePollOfAThousandNodesIsTwoRequests() throws {
    let awx = MiniAWX(nodes: 1000, running: [3, 4, 5])
    let poller = poller(awx)
    let first = try poller.poll()
    #expect(first.full)
    // The detail, 5 node pages, one bulk child request.
    #expect(first.requests == 7)
    #expect(poller.nodes.count == 1000)
    for _ in 0..<3 {
      let idle = try poller.poll()
      #expect(idle.isIdle)
      #expect(idle.requests == 2)
    }
    let query = try #require(awx.sent.last).query.items
    #expect(query.contains { $0 == ("or__job__status__in", "new,pending,waiting,running") })
    // T is the server's clock (the Date header) minus the overlap.
    #expect(query.contains { $0 == ("or__job__finished__gte", "2024-03-05T20:59:50Z") })
    // Nodes created with the job do not come back: M is the newest modified already seen.
    #expect(query.contains { $0 == ("or__modified__gt", "2024-03-05T20:59:50Z") })
  }

  @Test func aFinishedNodeIsReadInBulkAndReportedOnce() throws {
    let awx = MiniAWX(nodes: 50, running: [3])
    let poller = poller(awx)
    _ = try poller.poll()
    awx.nodes[3].status = "successful"
    awx.nodes[3].finished = "2024-03-05T21:00:03.000000Z"
    awx.nodes[4].job = 5004
    awx.nodes[4].status = "pending"
    awx.nodes[4].modified = "2024-03-05T21:00:03.000000Z"
    awx.date = "Tue, 05 Mar 2024 21:00:05 GMT"
    let poll = try poller.poll()
    // The detail, the changed nodes, one bulk request for both moved children.
    #expect(poll.requests == 3)
    #expect(awx.sent.last?.query.items.first?.value == "5003,5004")
    let moved = poll.changes.compactMap { change -> (Int, JobStatus?)? in
      if case .node(let n, _) = change { return (n.id, n.status) }
      return nil
    }
    #expect(moved.map(\.0) == [1003, 1004])
    #expect(poller.nodes[1003]?.elapsed == 75)
    #expect(poller.nodes[1003]?.finished == Timestamp(iso8601: "2024-03-05T21:00:03Z"))
    // The finished node stays in the overlap window, but is not reported again.
    #expect(try poller.poll().isIdle)
  }

  @Test func theJobsOwnChangeComesAfterItsNodes() throws {
    let awx = MiniAWX(nodes: 5, running: [0])
    let poller = poller(awx)
    _ = try poller.poll()
    awx.nodes[0].status = "failed"
    awx.nodes[0].finished = "2024-03-05T21:00:01.000000Z"
    awx.status = "failed"
    let poll = try poller.poll()
    guard case .workflow(let w, let previous) = poll.changes.last else {
      Issue.record("expected the workflow change last: \(poll.changes)")
      return
    }
    #expect(w.status == .failed && previous == .running)
    #expect(poller.isFinished)
  }

  @Test func httpDates() {
    #expect(
      JobPoller.httpDate("Sun, 06 Nov 1994 08:49:37 GMT")
        == Timestamp(iso8601: "1994-11-06T08:49:37Z"))
    #expect(JobPoller.httpDate("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
    #expect(JobPoller.httpDate("") == nil)
  }

  @Test func theScheduleBacksOffWhileIdleAndResetsOnAChange() {
    var s = PollSchedule(base: 5)
    #expect(s.next(idle: true) == 7.5)
    #expect(s.next(idle: true) == 11.25)
    for _ in 0..<10 { _ = s.next(idle: true) }
    #expect(s.current == 30)
    #expect(s.next(idle: false) == 5)
    #expect(s.afterFailure() == 10)
    #expect(PollSchedule(base: 60).maximum == 60)
  }
}
