import AWXReportJSON
import AWXReportModel
import Testing

@testable import AWXReportAPI

/// How the drill-down responses of one failed job become a `JobFailureDetail`: AWX's event
/// shapes, the tolerance for odd ones, and the "possibly incomplete" mark.
@Suite struct FailureDetailDecoderTests {
  static func response(_ kind: ResponseKind, job: Int = 5, _ body: String) -> SnapshotResponse {
    SnapshotResponse(
      kind: kind, workflowJobID: 7, unifiedJobID: job, url: "/\(kind.rawValue)", status: 200,
      body: Array(body.utf8))
  }

  static func child(_ type: JobType = .job, finished: Bool? = nil) -> [Int: ChildJob] {
    var c = ChildJob(id: 5, type: type, name: "j", status: .failed)
    c.eventProcessingFinished = finished
    return [5: c]
  }

  static let stats = #"{"event": "playbook_on_stats", "counter": 99, "failed": true, "stdout": ""}"#

  @Test func messagesComeFromResResultsAndExceptions() throws {
    let tail = Self.response(
      .jobEventsTail,
      #"""
      {"count": 5, "results": [
        {"event": "runner_on_async_failed", "counter": 4, "failed": true, "host_name": "a",
         "task": "Wait", "event_data": {"res": {"msg": "timed out", "rc": null}}},
        {"event": "runner_on_failed", "counter": 3, "failed": true, "host_name": "b",
         "task": "Loop", "event_data": {"res": {"results": [
           {"failed": false, "msg": "fine"}, {"failed": true, "msg": "item broke"}]}}},
        {"event": "runner_on_error", "counter": 2, "failed": true, "host_name": "",
         "task": "Py", "event_data": {"host": "c", "res": {"exception": "Traceback\nValueError: bad\n"}}},
        {"event": "runner_on_failed", "counter": 1, "failed": true, "task": "Odd",
         "event_data": {"res": "not an object"}},
        "not an event",
        \#(Self.stats)
      ]}
      """#)
    let d = try #require(FailureDetailDecoder.decode([tail], children: Self.child())[5])
    #expect(d.failedTasks.map(\.counter) == [1, 2, 3, 4])
    #expect(d.failedTasks.map(\.message) == ["", "ValueError: bad", "item broke", "timed out"])
    #expect(d.failedTasks[1].host == "c")  // event_data.host when host_name is empty
    #expect(d.failedTasks[3].rc == nil)
    #expect(!d.possiblyIncomplete)
  }

  @Test func theFailedPageWinsOverTheTailAndCountsWhatIsLeft() throws {
    let tail = Self.response(
      .jobEventsTail,
      #"{"count": 900, "results": [{"event": "verbose", "counter": 900, "stdout": "x\r\ny\r\n"}, \#(Self.stats)]}"#
    )
    let failed = Self.response(
      .jobEventsFailed,
      #"""
      {"count": 40, "results": [
        {"event": "runner_on_failed", "counter": 7, "failed": true, "host_name": "h",
         "event_data": {"res": {"msg": "m"}}},
        {"event": "runner_on_failed", "counter": 8, "failed": false, "host_name": "h",
         "event_data": {"ignore_errors": true, "res": {"msg": "ignored"}}}
      ]}
      """#)
    let d = try #require(FailureDetailDecoder.decode([tail, failed], children: Self.child())[5])
    #expect(d.failedTasks.map(\.message) == ["m"])
    #expect(d.moreFailedTasks == 38)
    #expect(d.outputTailIsPartial)
    #expect(d.outputTail == ["x", "y"])
  }

  @Test(arguments: [
    (Bool?.some(false), true, JobType.job, true),  // AWX said so
    (nil, false, .job, true),  // no stats event and no host summaries
    (nil, true, .job, false),
    (nil, false, .projectUpdate, false),  // only playbook jobs end with stats
  ])
  func possiblyIncomplete(finished: Bool?, withStats: Bool, type: JobType, expected: Bool) throws {
    let events = #"{"event": "runner_on_failed", "counter": 1, "failed": true, "host_name": "h"}"#
    let tail = Self.response(
      .jobEventsTail,
      #"{"count": 2, "results": [\#(events)\#(withStats ? ", " + Self.stats : "")]}"#)
    let d = try #require(
      FailureDetailDecoder.decode([tail], children: Self.child(type, finished: finished))[5])
    #expect(d.possiblyIncomplete == expected)
  }

  @Test func stdoutIsCutToItsLastLinesOrRecognisedAsTooLarge() throws {
    let long = (1...250).map { "line \($0)" }.joined(separator: "\r\n") + "\r\n"
    let d = try #require(
      FailureDetailDecoder.decode([Self.response(.jobStdout, long)], children: Self.child())[5])
    #expect(d.outputTail.count == 200 && d.outputTail.last == "line 250" && d.outputTailIsPartial)
    let big = Self.response(
      .jobStdout,
      "Standard Output too large to display (2000000 bytes), only download supported for sizes "
        + "over 1048576 bytes.")
    let e = try #require(FailureDetailDecoder.decode([big], children: Self.child())[5])
    #expect(e.outputTooLarge?.hasSuffix("over 1048576 bytes.") == true)
    #expect(e.outputTail.isEmpty)
  }

  @Test func brokenBodiesGiveAnEmptyDetailNotAnError() throws {
    let d = try #require(
      FailureDetailDecoder.decode(
        [Self.response(.jobEventsTail, "{"), Self.response(.jobHostSummaries, "[]")],
        children: Self.child())[5])
    #expect(d.failedTasks.isEmpty && d.hosts.isEmpty && d.outputTail.isEmpty)
  }
}
