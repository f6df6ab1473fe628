import AWXReportModel
import AWXReportTestSupport
import AWXReportValidate
import Foundation
import Testing

@testable import AWXReportRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The JUnit schemas and samples in `Fixtures/junit/` (copied from the team's research folder).
enum JUnitFixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/junit")

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  /// Jenkins xUnit's schema (lenient; suite times with at most three decimals).
  static func jenkins() throws -> [UInt8] { try bytes("jenkins-xunit/junit-10.xsd") }
  /// windyroad's Apache Ant schema (strict: attributes, order, timestamp form).
  static func windyroad() throws -> [UInt8] { try bytes("windyroad/JUnit.xsd") }
}

@Suite("JUnit writer")
struct JUnitWriterTests {
  static let host = "https://awx.example.com"

  // MARK: - The validator itself

  @Test("the schemas accept the portable sample and reject what they should")
  func schemaSanity() throws {
    let portable = try JUnitFixture.bytes("samples/awx-workflow-portable.xml")
    #expect(XMLSchemaValidator.validate(xml: portable, schema: try JUnitFixture.jenkins()) == [])
    #expect(XMLSchemaValidator.validate(xml: portable, schema: try JUnitFixture.windyroad()) == [])

    let precision = try JUnitFixture.bytes("samples/invalid-time-precision.xml")
    let jenkinsErrors = XMLSchemaValidator.validate(
      xml: precision, schema: try JUnitFixture.jenkins())
    #expect(jenkinsErrors.count == 1)
    #expect(jenkinsErrors.first?.contains("12.345678") == true, "\(jenkinsErrors)")
    #expect(
      !XMLSchemaValidator.validate(xml: precision, schema: try JUnitFixture.windyroad()).isEmpty)

    let rich = try JUnitFixture.bytes("samples/awx-workflow-rich.xml")
    #expect(XMLSchemaValidator.validate(xml: rich, schema: try JUnitFixture.jenkins()) == [])
    let richErrors = XMLSchemaValidator.validate(xml: rich, schema: try JUnitFixture.windyroad())
    #expect(
      richErrors.contains { $0.contains("name") && $0.contains("testsuites") }, "\(richErrors)")
  }

  @Test("the validator reports broken input instead of accepting it")
  func validatorRefusals() throws {
    let schema = try JUnitFixture.jenkins()
    // ESC is not an XML 1.0 character, raw or as a reference.
    for body in ["\u{1B}[31m", "&#27;"] {
      let xml = "<testsuite name=\"a\" tests=\"0\" failures=\"0\" errors=\"0\">\(body)</testsuite>"
      #expect(!XMLSchemaValidator.validate(xml: Array(xml.utf8), schema: schema).isEmpty, "\(body)")
    }
    // An entity declaration is refused before libxml2 expands it.
    let entity = """
      <?xml version="1.0"?><!DOCTYPE testsuite [<!ENTITY x "y">]>
      <testsuite name="&x;" tests="0" failures="0" errors="0"/>
      """
    let refused = XMLSchemaValidator.validate(xml: Array(entity.utf8), schema: schema)
    #expect(refused.first?.contains("ENTITY") == true, "\(refused)")
    #expect(XMLSchemaValidator.validate(xml: [], schema: schema) != [])
    #expect(
      XMLSchemaValidator.validate(xml: Array("<a/>".utf8), schema: Array("<x".utf8)).first?
        .hasPrefix("schema: ") == true)
    // Not a schema at all.
    let notXSD = XMLSchemaValidator.validate(xml: Array("<a/>".utf8), schema: Array("<a/>".utf8))
    #expect(notXSD.first?.hasPrefix("schema: ") == true, "\(notXSD)")
  }

  // MARK: - Whole files

  @Test("the bundled example: valid for both schemas, consistent, as the golden file")
  func example() throws {
    let summary = RunSummary(try exampleTree())
    let xml = JUnitWriter.render(summary, host: Self.host)
    try checkJUnit(xml, summary, host: Self.host)
    #expect(JUnitWriter.render(summary, host: Self.host) == xml)
    try assertGolden(xml, named: "example.junit.xml")
  }

  @Test("a generated 1,000-node run: valid, consistent, deterministic")
  func largeRun() throws {
    let summary = RunSummary(try AnalyzedRun(Self.largeRun(nodes: 1_000)))
    #expect(summary.nodes.count == 1_000)
    let xml = JUnitWriter.render(summary, host: Self.host)
    try checkJUnit(xml, summary, host: Self.host)
    #expect(JUnitWriter.render(summary, host: Self.host) == xml)
    // Every kind of result occurs, so the checks above covered each.
    for element in [
      "<failure type=\"failed\"", "<failure type=\"canceled\"", "<error type=\"error\"",
      "<skipped message=\"never run: ",
    ] {
      #expect(xml.contains(element), "\(element)")
    }
    // Node order in the summary does not matter.
    var shuffled = summary
    shuffled.nodes.reverse()
    #expect(JUnitWriter.render(shuffled, host: Self.host) == xml)
  }

  @Test("hostile names and explanations: valid, no controls, no markup, capped")
  func hostile() throws {
    for host in ["https://awx.example.com/\"><script>", "", "javascript:alert(1)"] {
      let summary = RunSummary(try AnalyzedRun(Self.hostileJUnitRun()))
      let xml = JUnitWriter.render(summary, host: host)
      try checkJUnit(xml, summary, host: host)
      #expect(JUnitWriter.render(summary, host: host) == xml)
      #expect(!xml.contains("<script"))
      #expect(!xml.contains("<b>"))
      #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "data is shown, escaped")
      #expect(xml.contains("]]&gt;"))
      #expect(
        !xml.contains("[0;31m") && !xml.contains("[1m") && !xml.contains("]8;;"), "ANSI left-overs")
      #expect(!xml.contains("aGlkZGVu"), "AWX's event-data envelope is dropped")
      #expect(!xml.contains("&#27;") && !xml.contains("&#0;"))
      for bad: Unicode.Scalar in [
        "\u{1B}", "\u{0}", "\u{07}", "\u{FFFF}", "\u{FFFE}", "\u{202E}", "\u{202C}", "\u{9B}",
        "\u{85}",
      ] {
        #expect(!xml.unicodeScalars.contains(bad), "U+\(String(bad.value, radix: 16))")
      }
      #expect(
        xml.contains(
          "hostname=\"\(host.isEmpty || host.hasPrefix("javascript") ? "localhost" : "awx.example.com")\""
        ))
      #expect(!xml.contains("#/jobs/"), "no links from a host that is not a clean http(s) URL")
      // The 10,000-character explanation is cut, with a visible marker.
      let doc = try parseJUnit(xml)
      let messages = doc.allElements("failure").compactMap {
        $0.attribute(forName: "message")?.stringValue
      }
      #expect(messages.contains { $0.count == JUnitWriter.messageLimit && $0.hasSuffix("…") })
      #expect(messages.allSatisfy { $0.count <= JUnitWriter.messageLimit })
      for testcase in doc.allElements("testcase") {
        #expect(
          (testcase.attribute(forName: "name")?.stringValue?.count ?? 0) < JUnitWriter.nameLimit
            + 40)
      }
    }
  }

  @Test("nested workflows: flat suites, depth first in node-id order, each workflow job once")
  func nested() throws {
    let summary = RunSummary(try AnalyzedRun(Self.nestedRun()))
    let xml = JUnitWriter.render(summary, host: Self.host)
    try checkJUnit(xml, summary, host: Self.host)
    let suites = try parseJUnit(xml).rootElement()?.elements(forName: "testsuite") ?? []
    #expect(
      suites.map { $0.attribute(forName: "package")?.stringValue ?? "" } == [
        "awx.workflow_job.100", "awx.workflow_job.900", "awx.workflow_job.901",
        "awx.workflow_job.902",
      ])
    #expect(suites.map { $0.attribute(forName: "id")?.stringValue ?? "" } == ["0", "1", "2", "3"])
    #expect(
      suites.first?.attribute(forName: "name")?.stringValue == "workflow job 100: Deploy stack")
    #expect(xml.contains("<property name=\"awx.parent.workflow_job.id\" value=\"900\"/>"))
    #expect(xml.contains("Nested workflow: see testsuite \"workflow job 900: Sub one\"."))
    #expect(xml.contains("classname=\"workflow_job_901\""))
  }

  // MARK: - Mapping

  @Test("each AWX status becomes the element the CI readers expect")
  func mapping() throws {
    let summary = RunSummary(try AnalyzedRun(Self.mappingRun(status: .failed)))
    let xml = JUnitWriter.render(summary, host: Self.host)
    try checkJUnit(xml, summary, host: Self.host)
    let cases = try junitTestcases(xml)

    let failed = try #require(cases["[node 1] Configure hosts (job 11)"])
    #expect(failed.result == "failure" && failed.type == "failed")
    #expect(failed.message == "job 11 failed: 2 hosts failed")
    #expect(
      failed.text.hasPrefix(
        "job 11 failed: 2 hosts failed\nHandled: AWX goes on to 'Rollback' (node 2)"))
    #expect(failed.text.hasSuffix("AWX: https://awx.example.com/#/jobs/playbook/11/output"))
    #expect(failed.time == "61.020")

    #expect(cases["[node 2] Rollback (job 12)"]?.result == nil)
    let error = try #require(cases["[node 3] Sync inventory (inventory_update 13)"])
    #expect(error.result == "error" && error.type == "error")
    #expect(
      error.message == "inventory_update 13 ended with status error: Job terminated due to error")
    #expect(error.text.contains("Unhandled: no failure or always path leaves node 3"))
    #expect(error.text.contains("AWX: https://awx.example.com/#/jobs/inventory/13/output"))

    let canceled = try #require(cases["[node 4] Long job (job 14)"])
    #expect(canceled.result == "failure" && canceled.type == "canceled")
    #expect(canceled.message == "job 14 was canceled")

    let denied = try #require(cases["[node 5] Approve (workflow_approval 15)"])
    #expect(
      denied.result == "failure" && denied.type == "failed"
        && denied.message == "workflow_approval 15 was denied")
    #expect(denied.text.contains("AWX: https://awx.example.com/#/workflow_approvals/15/details"))
    let timedOut = try #require(cases["[node 6] Approve later (workflow_approval 16)"])
    #expect(timedOut.result == "failure" && timedOut.message == "workflow_approval 16 timed out")

    let neverRun = try #require(cases["[node 7] Smoke test"])
    #expect(neverRun.result == "skipped")
    #expect(
      neverRun.message
        == "never run: parent 'Configure hosts' failed; this node runs only on success")
    #expect(neverRun.time == "0.000")

    let templateGone = try #require(cases["[node 8] DELETED"])
    #expect(templateGone.result == "failure" && templateGone.type == "deleted")
    let jobGone = try #require(cases["[node 9] Cleanup (job 19)"])
    #expect(
      jobGone.result == "skipped"
        && jobGone.message == "the job record was deleted; its outcome is unknown")

    let doc = try parseJUnit(xml)
    let suite = try #require(doc.rootElement()?.elements(forName: "testsuite").first)
    #expect(suite.attribute(forName: "failures")?.stringValue == "5")
    #expect(suite.attribute(forName: "errors")?.stringValue == "1")
    #expect(suite.attribute(forName: "skipped")?.stringValue == "2")
    #expect(suite.attribute(forName: "tests")?.stringValue == "9")
    let out = try #require(suite.elements(forName: "system-out").first?.stringValue)
    #expect(out.hasPrefix("Verdict: failed: "))
    #expect(out.hasSuffix("AWX: https://awx.example.com/#/jobs/workflow/100/output"))
    let properties = Dictionary(
      suite.elements(forName: "properties").first?.elements(forName: "property").map {
        (
          $0.attribute(forName: "name")?.stringValue ?? "",
          $0.attribute(forName: "value")?.stringValue ?? ""
        )
      } ?? [], uniquingKeysWith: { a, _ in a })
    #expect(properties["awx.workflow_job.id"] == "100")
    #expect(properties["awx.workflow_job.status"] == "failed")
    #expect(properties["awx.verdict.status_by_rules"] == "failed")
    #expect(properties["awx.url"] == "https://awx.example.com/#/jobs/workflow/100/output")
    #expect(properties["awx.workflow_job_template.name"] == "Deploy template")
  }

  @Test("a hand-built summary with a repeated node id still gets unique test names")
  func repeatedNodeID() throws {
    var summary = RunSummary(try AnalyzedRun(Self.mappingRun(status: .failed)))
    summary.nodes.append(summary.nodes[1])
    let xml = JUnitWriter.render(summary, host: Self.host)
    try checkJUnit(xml, summary, host: Self.host)
    #expect(xml.contains("name=\"[node 2] Rollback (job 12)\""))
    #expect(xml.contains("name=\"[node 2] Rollback (job 12) #2\""))
  }

  @Test("a live run: running, pending and unreached nodes are skipped with honest words")
  func liveRun() throws {
    let summary = RunSummary(try AnalyzedRun(Self.liveRun()))
    let xml = JUnitWriter.render(summary, host: Self.host)
    try checkJUnit(xml, summary, host: Self.host)
    let cases = try junitTestcases(xml)
    #expect(cases["[node 1] Build (job 11)"]?.result == nil)
    #expect(cases["[node 2] Deploy (job 12)"]?.message == "still running when this report was made")
    #expect(
      cases["[node 3] Test (job 13)"]?.message
        == "not started yet (AWX status pending) when this report was made")
    #expect(
      cases["[node 4] Approve (workflow_approval 14)"]?.message
        == "awaiting approval when this report was made")
    #expect(
      cases["[node 5] Publish"]?.message == "not started yet: workflow job 100 is still running")
    #expect(xml.contains("timestamp=\"2026-01-01T00:00:00\""))
    #expect(
      cases["[node 6] Future (job 16)"]?.message
        == "no result: AWX status \"paused<x>\"\" is not one awx-report knows")
    #expect(xml.contains("Verdict: running: 1 of 6 nodes finished"))
  }

  // MARK: - Values

  @Test func times() {
    #expect(JUnitValues.seconds(61.02) == "61.020")
    #expect(JUnitValues.seconds(12.345678) == "12.346")
    #expect(JUnitValues.seconds(0.0004) == "0.000")
    #expect(JUnitValues.seconds(nil) == "0.000")
    #expect(JUnitValues.seconds(-3) == "0.000")
    #expect(JUnitValues.seconds(.nan) == "0.000")
    #expect(JUnitValues.seconds(.infinity) == "0.000")
    #expect(JUnitValues.seconds(1_234_567.5) == "1234567.500")
    #expect(JUnitValues.seconds(1e20) == "1000000000000.000")
  }

  @Test func timestamps() {
    #expect(
      JUnitValues.timestamp(Timestamp(iso8601: "2024-10-23T11:30:00.123456Z"))
        == "2024-10-23T11:30:00")
    #expect(
      JUnitValues.timestamp(Timestamp(iso8601: "2024-10-23T13:30:59+02:00"))
        == "2024-10-23T11:30:59")
    #expect(JUnitValues.timestamp(nil) == "1970-01-01T00:00:00")
    #expect(JUnitValues.timestamp(Timestamp(seconds: -100_000_000_000)) == "1970-01-01T00:00:00")
    // A suite's timestamp: started, else created, else the epoch.
    var job = WorkflowJob(id: 1, name: "x", status: .pending, created: Timestamp(seconds: 86_400))
    var xml = JUnitWriter.render(Self.summary(job), host: Self.host)
    #expect(xml.contains("timestamp=\"1970-01-02T00:00:00\""))
    job.created = nil
    xml = JUnitWriter.render(Self.summary(job), host: Self.host)
    #expect(xml.contains("timestamp=\"1970-01-01T00:00:00\""))
  }

  @Test func hostnames() {
    #expect(JUnitValues.hostname(from: "https://awx.example.com") == "awx.example.com")
    #expect(
      JUnitValues.hostname(from: "https://user:pw@AWX.Example.com:8043/api/v2/")
        == "awx.example.com")
    #expect(JUnitValues.hostname(from: "http://[::1]:8043") == "[::1]")
    #expect(JUnitValues.hostname(from: "awx.internal") == "awx.internal")
    #expect(JUnitValues.hostname(from: "") == "localhost")
    #expect(JUnitValues.hostname(from: "https://") == "localhost")
    #expect(JUnitValues.hostname(from: "https://a b") == "localhost")
    #expect(JUnitValues.hostname(from: "https://awx.example.com\"><x") == "localhost")
  }

  @Test func ansiStripping() {
    #expect(TextSafety.withoutANSI("\u{1B}[0;31mfatal\u{1B}[0m: x") == "fatal: x")
    #expect(TextSafety.withoutANSI("a\u{1B}[2Kb\u{1B}[1;5Hc") == "abc")
    #expect(TextSafety.withoutANSI("\u{9B}31mred") == "red")
    #expect(
      TextSafety.withoutANSI("\u{1B}]8;;https://x\u{07}link\u{1B}]8;;\u{1B}\\ end") == "link end")
    #expect(TextSafety.withoutANSI("ok \u{1B}[KaGlkZGVu\u{1B}[8D done") == "ok  done")
    #expect(TextSafety.withoutANSI("a\u{1B}(Bb\u{1B}7c\u{1B}") == "abc")
    #expect(TextSafety.withoutANSI("\u{1B}]unterminated") == "unterminated")
    #expect(TextSafety.withoutANSI("plain [31m text") == "plain [31m text")
  }

  // MARK: - Runs

  static func summary(_ job: WorkflowJob) -> RunSummary {
    // A run without nodes cannot fail analysis.
    RunSummary(try! AnalyzedRun(WorkflowRun(job: job, nodes: [])))
  }

  static let t0 = Timestamp(iso8601: "2026-01-01T00:00:00Z") ?? Timestamp(seconds: 0)

  static func at(_ seconds: Double) -> Timestamp {
    Timestamp(microseconds: t0.microseconds + Int64(seconds * 1_000_000))
  }

  static func child(
    _ id: Int, _ name: String, _ status: JobStatus, type: JobType = .job, start: Double? = nil,
    elapsed: Double? = nil, explanation: String = "", timedOut: Bool = false
  ) -> ChildJob {
    ChildJob(
      id: id, type: type, name: name, status: status, started: start.map(at),
      finished: start.flatMap { s in elapsed.map { at(s + $0) } }, elapsed: elapsed,
      explanation: explanation, timedOut: timedOut, hasDetail: true)
  }

  /// One node in each final state, in a failed workflow.
  static func mappingRun(status: JobStatus) -> WorkflowRun {
    let nodes = [
      WorkflowNode(
        id: 1, templateID: 1, templateName: "Configure hosts", jobID: 11,
        job: child(
          11, "Configure hosts", .failed, start: 0, elapsed: 61.02, explanation: "2 hosts failed"),
        successNodes: [7], failureNodes: [2]),
      WorkflowNode(
        id: 2, templateID: 2, templateName: "Rollback", jobID: 12,
        job: child(12, "Rollback", .successful, start: 62, elapsed: 5)),
      WorkflowNode(
        id: 3, templateID: 3, templateName: "Sync inventory", jobType: .inventoryUpdate, jobID: 13,
        job: child(
          13, "Sync inventory", .error, type: .inventoryUpdate, start: 0, elapsed: 9.892,
          explanation: "Job terminated due to error")),
      WorkflowNode(
        id: 4, templateID: 4, templateName: "Long job", jobID: 14,
        job: child(14, "Long job", .canceled, start: 0, elapsed: 1)),
      WorkflowNode(
        id: 5, templateID: 5, templateName: "Approve", jobType: .workflowApproval, jobID: 15,
        job: child(15, "Approve", .failed, type: .workflowApproval, start: 0, elapsed: 3)),
      WorkflowNode(
        id: 6, templateID: 6, templateName: "Approve later", jobType: .workflowApproval, jobID: 16,
        job: child(
          16, "Approve later", .failed, type: .workflowApproval, start: 0, elapsed: 3600,
          timedOut: true)),
      WorkflowNode(id: 7, templateID: 7, templateName: "Smoke test", doNotRun: true),
      WorkflowNode(id: 8, templateID: nil, templateName: nil),
      WorkflowNode(id: 9, templateID: 9, templateName: "Cleanup", jobID: 19),
    ]
    return WorkflowRun(
      job: WorkflowJob(
        id: 100, name: "Deploy stack", status: status, failed: true, templateID: 19,
        templateName: "Deploy template", started: t0, finished: at(3700), elapsed: 3700),
      nodes: nodes)
  }

  /// A workflow still running.
  static func liveRun() -> WorkflowRun {
    let nodes = [
      WorkflowNode(
        id: 1, templateID: 1, templateName: "Build", jobID: 11,
        job: child(11, "Build", .successful, start: 0, elapsed: 10), successNodes: [2, 3, 4]),
      WorkflowNode(
        id: 2, templateID: 2, templateName: "Deploy", jobID: 12,
        job: child(12, "Deploy", .running, start: 11), successNodes: [5]),
      WorkflowNode(
        id: 3, templateID: 3, templateName: "Test", jobID: 13, job: child(13, "Test", .pending)),
      WorkflowNode(
        id: 4, templateID: 4, templateName: "Approve", jobType: .workflowApproval, jobID: 14,
        job: child(14, "Approve", .pending, type: .workflowApproval)),
      WorkflowNode(id: 5, templateID: 5, templateName: "Publish"),
      WorkflowNode(
        id: 6, templateID: 6, templateName: "Future", jobID: 16,
        job: child(16, "Future", .other("paused\u{1B}[0m<x>\""))),
    ]
    return WorkflowRun(
      job: WorkflowJob(id: 100, name: "Live", status: .running, created: at(-5), started: t0),
      nodes: nodes)
  }

  /// Workflow 100 launches 900 (node 2, which launches 901) and 902 (node 3); node 4 names
  /// 900 again (only a hand-edited snapshot does that).
  static func nestedRun() -> WorkflowRun {
    func leaf(_ id: Int, _ jobID: Int, _ status: JobStatus) -> WorkflowNode {
      WorkflowNode(
        id: id, templateID: id, templateName: "Job \(id)", jobID: jobID,
        job: child(jobID, "Job \(id)", status, start: 0, elapsed: 1))
    }
    func launcher(_ id: Int, _ wf: Int, _ name: String, _ status: JobStatus) -> WorkflowNode {
      WorkflowNode(
        id: id, templateID: id, templateName: name, jobType: .workflowJob, jobID: wf,
        job: child(wf, name, status, type: .workflowJob, start: 0, elapsed: 2))
    }
    let deepest = WorkflowRun(
      job: WorkflowJob(id: 901, name: "Sub two", status: .failed, sourceWorkflowJobID: 900),
      nodes: [leaf(1, 9011, .failed)])
    let sub = WorkflowRun(
      job: WorkflowJob(id: 900, name: "Sub one", status: .failed, sourceWorkflowJobID: 100),
      nodes: [launcher(1, 901, "Sub two", .failed), leaf(2, 9002, .successful)],
      nested: [901: deepest])
    let other = WorkflowRun(
      job: WorkflowJob(id: 902, name: "Sub three", status: .successful, sourceWorkflowJobID: 100),
      nodes: [leaf(1, 9021, .successful)])
    return WorkflowRun(
      job: WorkflowJob(id: 100, name: "Deploy stack", status: .failed, started: t0),
      nodes: [
        leaf(1, 1001, .successful), launcher(2, 900, "Sub one", .failed),
        launcher(3, 902, "Sub three", .successful), launcher(4, 900, "Sub one again", .failed),
      ],
      nested: [900: sub, 902: other])
  }

  /// `n` nodes in a layered DAG with every kind of outcome; deterministic.
  static func largeRun(nodes n: Int) -> WorkflowRun {
    var nodes: [WorkflowNode] = []
    let width = 20
    for i in 1...n {
      let layer = (i - 1) / width
      let next = (i + width <= n) ? [i + width] : []
      let skip = (i + 2 * width <= n && i % 3 == 0) ? [i + 2 * width] : []
      let statuses: [JobStatus] = [
        .successful, .successful, .successful, .failed, .successful, .error, .successful, .canceled,
      ]
      let status = statuses[(i * 7 + layer) % statuses.count]
      let type: JobType = [.job, .projectUpdate, .inventoryUpdate, .job, .systemJob][i % 5]
      let hasJob = i % 11 != 0
      let job =
        hasJob
        ? child(
          10_000 + i, "Template \(i % 37)", status, type: type, start: Double(layer) * 30,
          elapsed: Double(i % 97) + Double(i % 1000) / 1000,
          explanation: status == .successful ? "" : "Explanation \(i)\nsecond line")
        : nil
      nodes.append(
        WorkflowNode(
          id: i, identifier: i % 4 == 0 ? "step-\(i)" : "", templateID: i % 37,
          templateName: "Template \(i % 37)", jobType: type, jobID: hasJob ? 10_000 + i : nil,
          job: job, successNodes: next + skip,
          failureNodes: i % 4 == 3 && i + width + 2 <= n ? [i + width + 2] : [],
          alwaysNodes: i % 5 == 1 && !next.isEmpty && i + width + 1 <= n ? [i + width + 1] : [],
          doNotRun: !hasJob))
    }
    return WorkflowRun(
      job: WorkflowJob(
        id: 4242, name: "Big run", status: .failed, failed: true, started: t0, finished: at(900),
        elapsed: 900.5),
      nodes: nodes)
  }

  /// `hostileRun()` with terminal escapes, NUL, noncharacters, C1 controls, a hidden AWX
  /// event-data envelope, a 10,000-character explanation and a hostile nested workflow.
  static func hostileJUnitRun() -> WorkflowRun {
    var run = hostileRun()
    let esc =
      "\u{1B}[0;31mred\u{1B}[0m \u{1B}[1mbold\u{1B}[0m \u{1B}]8;;https://x\u{07}link\u{1B}]8;;\u{1B}\\"
      + " \u{1B}[KaGlkZGVu\u{1B}[8D NUL\u{0}FFFF\u{FFFF}FFFE\u{FFFE}C1\u{9B}31m\u{85} lone\u{1B} CR\r\nend"
    run.job.name = "<script>alert(1)</script> " + esc
    let markup = "x\" ] <b>&amp;</b> ]]> <script>alert(1)</script>\n\t"
    run.nodes[0].job?.explanation =
      markup + esc + String(repeating: "long explanation ", count: 600)
    run.nodes[0].job?.started = t0
    run.nodes[0].job?.finished = at(12.3456789)
    run.nodes[0].job?.elapsed = 12.3456789
    run.nodes[2].identifier = "\u{202E}\(esc)\u{202C}"
    run.nodes.append(
      WorkflowNode(
        id: 4, identifier: "\"'<&>", templateID: 4, jobType: .workflowJob, jobID: 67,
        job: ChildJob(
          id: 67, type: .workflowJob, name: esc, status: .error, explanation: markup + esc)))
    run.nested[67] = WorkflowRun(
      job: WorkflowJob(id: 67, name: esc, status: .error, explanation: esc),
      nodes: [
        WorkflowNode(
          id: 1, identifier: esc, templateID: 1, jobID: 68,
          job: ChildJob(id: 68, type: .job, name: esc, status: .canceled, explanation: esc))
      ])
    return run
  }
}

// MARK: - Checks shared by every file

/// A testcase as read back: its result element (nil when it passed) and that element's parts.
struct JUnitTestcase {
  var time: String
  var result: String?
  var type: String?
  var message: String?
  var text: String
}

func parseJUnit(_ xml: String) throws -> XMLDocument {
  try XMLDocument(data: Data(xml.utf8), options: [])
}

extension XMLNode {
  /// Every descendant element named `name`, in document order.
  func allElements(_ name: String) -> [XMLElement] {
    var result: [XMLElement] = []
    for child in children ?? [] {
      if let element = child as? XMLElement, element.name == name { result.append(element) }
      result += child.allElements(name)
    }
    return result
  }
}

/// The testcases of every suite, by name.
func junitTestcases(_ xml: String) throws -> [String: JUnitTestcase] {
  var result: [String: JUnitTestcase] = [:]
  for testcase in try parseJUnit(xml).allElements("testcase") {
    let name = testcase.attribute(forName: "name")?.stringValue ?? ""
    let element = testcase.children?.compactMap { $0 as? XMLElement }.first
    result[name] = JUnitTestcase(
      time: testcase.attribute(forName: "time")?.stringValue ?? "", result: element?.name,
      type: element?.attribute(forName: "type")?.stringValue,
      message: element?.attribute(forName: "message")?.stringValue,
      text: element?.stringValue ?? "")
  }
  return result
}

/// What every `junit.xml` must satisfy, checked against the summary it came from.
/// `JUNIT_DUMP=DIR` also writes each file checked to `DIR/junit-<workflow job id>-<bytes>.xml`,
/// for `xmllint --noout --schema`.
func checkJUnit(
  _ xml: String, _ summary: RunSummary, host: String,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  if let dir = ProcessInfo.processInfo.environment["JUNIT_DUMP"] {
    let name = "junit-\(summary.job.id)-\(xml.utf8.count).xml"
    try Data(xml.utf8).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
  }
  // Both schemas.
  let bytes = Array(xml.utf8)
  let jenkins = XMLSchemaValidator.validate(xml: bytes, schema: try JUnitFixture.jenkins())
  #expect(jenkins == [], "junit-10.xsd: \(jenkins.prefix(5))", sourceLocation: sourceLocation)
  let windyroad = XMLSchemaValidator.validate(xml: bytes, schema: try JUnitFixture.windyroad())
  #expect(windyroad == [], "JUnit.xsd: \(windyroad.prefix(5))", sourceLocation: sourceLocation)

  // Bytes: the declaration, a final newline, only characters XML 1.0 and readers take.
  #expect(
    xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"),
    sourceLocation: sourceLocation)
  #expect(xml.hasSuffix("</testsuites>\n"), sourceLocation: sourceLocation)
  let badScalar = xml.unicodeScalars.first { u in
    (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value)
      || u.value == 0xFFFE || u.value == 0xFFFF || TextSafety.isInvisibleControl(u)
  }
  #expect(
    badScalar == nil, "U+\(String(badScalar?.value ?? 0, radix: 16))",
    sourceLocation: sourceLocation)
  var references = Set<String>()
  var rest = Substring(xml)
  while let r = rest.range(of: "&#") {
    let end = rest[r.upperBound...].firstIndex(of: ";") ?? rest.endIndex
    references.insert(String(rest[r.lowerBound..<end]))
    rest = rest[end...]
  }
  #expect(
    references.isSubset(of: ["&#10", "&#9", "&#39"]), "\(references)",
    sourceLocation: sourceLocation)

  // Shape: flat suites, one per workflow job, ids 0, 1, 2, …
  let doc = try parseJUnit(xml)
  let root = try #require(doc.rootElement(), sourceLocation: sourceLocation)
  #expect(
    root.name == "testsuites" && (root.attributes ?? []).isEmpty, sourceLocation: sourceLocation)
  let suites = root.elements(forName: "testsuite")
  #expect(
    suites.count == (root.children ?? []).filter { $0.kind == .element }.count,
    sourceLocation: sourceLocation)
  #expect(
    suites.allSatisfy { $0.allElements("testsuite").isEmpty }, "nested suites",
    sourceLocation: sourceLocation)
  #expect(
    suites.map { $0.attribute(forName: "id")?.stringValue } == suites.indices.map { String($0) },
    sourceLocation: sourceLocation)

  var byID: [Int: RunSummary] = [summary.job.id: summary]
  var queue = [summary]
  while let next = queue.popLast() {
    for (id, child) in next.nested where byID[id] == nil {
      byID[id] = child
      queue.append(child)
    }
  }
  let packages = suites.compactMap { $0.attribute(forName: "package")?.stringValue }
  #expect(
    Set(packages).count == packages.count, "a workflow job twice", sourceLocation: sourceLocation)
  #expect(packages.first == "awx.workflow_job.\(summary.job.id)", sourceLocation: sourceLocation)

  let links = AWXLinks(host: host)
  let decimal = /[0-9]+(\.[0-9]{1,3})?/
  var seenTests = Set<String>()
  for suite in suites {
    let package = suite.attribute(forName: "package")?.stringValue ?? ""
    let jobID = try #require(
      Int(package.dropFirst("awx.workflow_job.".count)), sourceLocation: sourceLocation)
    let run = try #require(
      byID[jobID], "suite for unknown job \(package)", sourceLocation: sourceLocation)
    func count(_ name: String) -> String? { suite.attribute(forName: name)?.stringValue }
    let cases = suite.elements(forName: "testcase")
    func results(_ name: String) -> Int {
      cases.filter { !$0.elements(forName: name).isEmpty }.count
    }
    #expect(count("tests") == String(cases.count), sourceLocation: sourceLocation)
    #expect(cases.count == run.nodes.count, sourceLocation: sourceLocation)
    #expect(count("failures") == String(results("failure")), sourceLocation: sourceLocation)
    #expect(count("errors") == String(results("error")), sourceLocation: sourceLocation)
    #expect(count("skipped") == String(results("skipped")), sourceLocation: sourceLocation)
    #expect(count("hostname") == JUnitValues.hostname(from: host), sourceLocation: sourceLocation)
    #expect(
      (count("timestamp") ?? "").wholeMatch(
        of: /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}/) != nil,
      sourceLocation: sourceLocation)
    #expect(
      (count("time") ?? "").wholeMatch(of: decimal) != nil, "\(count("time") ?? "")",
      sourceLocation: sourceLocation)
    #expect(!package.isEmpty && count("name")?.isEmpty == false, sourceLocation: sourceLocation)
    let children = (suite.children ?? []).compactMap { ($0 as? XMLElement)?.name }
    let expectedOrder =
      ["properties"] + Array(repeating: "testcase", count: cases.count) + [
        "system-out", "system-err",
      ]
    #expect(children == expectedOrder, sourceLocation: sourceLocation)

    let classnames = Set(cases.compactMap { $0.attribute(forName: "classname")?.stringValue })
    #expect(
      classnames.count <= 1 && classnames.allSatisfy { !$0.contains(".") && !$0.contains(" ") },
      sourceLocation: sourceLocation)
    let out = suite.elements(forName: "system-out").first?.stringValue ?? ""
    #expect(out.hasPrefix("Verdict: "), sourceLocation: sourceLocation)
    if let url = links.workflow(jobID) {
      #expect(out.contains(url), sourceLocation: sourceLocation)
    }

    let nodesByName = Dictionary(
      cases.map { ($0.attribute(forName: "name")?.stringValue ?? "", $0) },
      uniquingKeysWith: { a, _ in a })
    #expect(nodesByName.count == cases.count, "test names repeat", sourceLocation: sourceLocation)
    for testcase in cases {
      let name = testcase.attribute(forName: "name")?.stringValue ?? ""
      let classname = testcase.attribute(forName: "classname")?.stringValue ?? ""
      #expect(seenTests.insert("\(classname)\u{0}\(name)").inserted, sourceLocation: sourceLocation)
      #expect(
        (testcase.attribute(forName: "time")?.stringValue ?? "").wholeMatch(of: decimal) != nil,
        sourceLocation: sourceLocation)
      #expect(
        (testcase.children ?? []).filter { $0.kind == .element }.count <= 1,
        sourceLocation: sourceLocation)
    }

    for node in run.nodes {
      let prefix = "[node \(node.id)]"
      let testcase = try #require(
        cases.first {
          ($0.attribute(forName: "name")?.stringValue ?? "").hasPrefix(prefix + " ")
            || $0.attribute(forName: "name")?.stringValue == prefix
        },
        "no testcase for node \(node.id)", sourceLocation: sourceLocation)
      let element = testcase.children?.compactMap { $0 as? XMLElement }.first
      let type = element?.attribute(forName: "type")?.stringValue
      let message = element?.attribute(forName: "message")?.stringValue ?? ""
      let text = element?.stringValue ?? ""
      switch node.state {
      case "successful":
        #expect(element == nil, "\(prefix) passed", sourceLocation: sourceLocation)
      case "failed", "canceled", "error":
        let expected = node.state == "error" ? "error" : "failure"
        #expect(
          element?.name == expected && type == node.state, "\(prefix) \(node.state)",
          sourceLocation: sourceLocation)
        #expect(
          !message.isEmpty && message.count <= JUnitWriter.messageLimit,
          sourceLocation: sourceLocation)
        #expect(
          text.hasPrefix(message), "\(prefix): the text repeats the message",
          sourceLocation: sourceLocation)
        if let id = node.jobID, let url = links.job(type: node.type, id: id) {
          #expect(
            text.hasSuffix("AWX: " + url), "\(prefix) links to its job",
            sourceLocation: sourceLocation)
        }
        if node.unhandledFailure {
          #expect(text.contains("Unhandled: "), sourceLocation: sourceLocation)
        }
        if node.handledFailure {
          #expect(text.contains("Handled: "), sourceLocation: sourceLocation)
        }
      case "never_run":
        #expect(element?.name == "skipped", sourceLocation: sourceLocation)
        if let reason = Narrative.neverRunReason(node, in: run) {
          #expect(
            message == "never run: " + JUnitValues.line(reason, limit: JUnitWriter.messageLimit),
            sourceLocation: sourceLocation)
        }
      case "deleted" where node.displayState == .templateDeleted:
        #expect(element?.name == "failure" && type == "deleted", sourceLocation: sourceLocation)
      default:
        #expect(
          element?.name == "skipped" && !message.isEmpty, "\(prefix) \(node.state)",
          sourceLocation: sourceLocation)
      }
    }
  }
}
