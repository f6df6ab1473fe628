import Synchronization
import Testing

@testable import AWXReportFetch

/// One answer per call, in order, then 200s.
final class ScriptedStatuses: HTTPTransport, @unchecked Sendable {
  var statuses: [(Int, String?)]
  init(_ statuses: [(Int, String?)]) { self.statuses = statuses }
  func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse {
    let (status, retryAfter) = statuses.isEmpty ? (200, nil) : statuses.removeFirst()
    return HTTPResponse(
      status: status, headers: retryAfter.map { [("Retry-After", $0)] } ?? [],
      body: Array("{}".utf8))
  }
}

@Suite struct SharedBackoffTests {
  @Test("a 429 on one worker's connection holds the next request of every other worker")
  func shared() throws {
    let slept = Mutex<[Double]>([])
    let backoff = SharedBackoff(maxRetryAfter: 30, sleep: { s in slept.withLock { $0.append(s) } })
    let a = backoff.transport(over: ScriptedStatuses([(429, "2")]))
    let b = backoff.transport(over: ScriptedStatuses([]))
    #expect(try a.send(.get("/x/")).status == 429)
    #expect(backoff.pauses == 1)
    #expect(try b.send(.get("/y/")).status == 200)
    let waits = slept.withLock { $0 }
    #expect(waits.count == 1 && waits[0] > 1.5 && waits[0] <= 2.0, "\(waits)")
  }

  @Test("without Retry-After the pause doubles per refusal (503 too) and a success resets it")
  func doubling() throws {
    let slept = Mutex<[Double]>([])
    let backoff = SharedBackoff(sleep: { s in slept.withLock { $0.append(s) } })
    let t = backoff.transport(
      over: ScriptedStatuses([(503, nil), (429, nil), (200, nil), (404, nil)]))
    _ = try t.send(.get("/1/"))
    _ = try t.send(.get("/2/"))  // waits ~0.5 s, then is refused again
    _ = try t.send(.get("/3/"))  // waits ~1 s
    let waits = slept.withLock { $0 }
    #expect(
      waits.count == 2 && waits[0] > 0.3 && waits[0] <= 0.5 && waits[1] > 0.8 && waits[1] <= 1.0,
      "\(waits)")
    #expect(backoff.pauses == 2)
  }

  @Test("other statuses never pause")
  func noPause() throws {
    let backoff = SharedBackoff(sleep: { _ in Issue.record("slept") })
    let t = backoff.transport(over: ScriptedStatuses([(500, "5"), (404, nil), (401, nil)]))
    for _ in 0..<4 { _ = try t.send(.get("/x/")) }
    #expect(backoff.pauses == 0)
  }
}
