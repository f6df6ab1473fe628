import AWXReportJSON
import AWXReportTestSupport
import AWXReportValidate
import Foundation
import Testing

/// `fetch` drilling into failed child jobs, through the real binary against the fake AWX
/// server: every output names the failing host, task and message; secrets from events stay in
/// the snapshot; hostile names never become markup; `render` reproduces it all offline.
@Suite(.serialized) struct DrillDownCommandTests {
  static let token = "tok-Drill-9c1e-do-not-leak"
  /// The secret the fake server plants in `res.cmd`, `res.stderr`, `res.api_token`, the
  /// event's stdout and an update's output.
  static let eventSecret = "S3cr3t-From-Event-Res"

  /// Fetches workflow job 7 (node 12: failed playbook job 10013, node 9: failed project
  /// update 10010) into a fresh directory; returns it, the result and the files.
  static func fetch(_ serverArgs: [String], _ flags: [String] = []) throws
    -> (dir: URL, run: Run, files: [String: Data])
  {
    let server = try FakeAWXServer(
      ["--nodes", "14", "--failed-update", "--token", token] + serverArgs, discardingErrors: true)
    let out = try temporaryDirectory()
    let r = try awxReport(
      ["fetch", "7", "--host", server.host, "--out", out.path, "-q"] + flags,
      environment: ["CONTROLLER_OAUTH_TOKEN": token])
    return (out, r, tree(out))
  }

  static func text(_ files: [String: Data], _ name: String) throws -> String {
    String(decoding: try #require(files["workflow-job-7/\(name)"], "no \(name)"), as: UTF8.self)
  }

  @Test(arguments: [false, true])
  func everyOutputNamesTheFailingHostTaskAndMessage(hostile: Bool) throws {
    let (dir, r, files) = try Self.fetch(hostile ? ["--hostile-events"] : [])
    defer { try? FileManager.default.removeItem(at: dir) }
    try #require(r.status == 0, "\(r.stderr)")

    // summary.json: the failed tasks and hosts of the failed node, and it matches the schema.
    let summary = try JSONParser.parse([UInt8](try Self.text(files, "summary.json").utf8))
    let nodes = summary["nodes"]?.array ?? []
    let failedNode = try #require(nodes.first { $0["job_id"]?.int == 10013 })
    let tasks = try #require(failedNode["failed_tasks"]?.array)
    let migrate = try #require(tasks.first { $0["host"]?.string == "web3" })
    #expect(migrate["task"]?.string?.hasPrefix("Run migrations") == true)
    #expect(migrate["msg"]?.string == "non-zero return code")
    #expect(migrate["rc"]?.int == 2)
    #expect(migrate["action"]?.string == "ansible.builtin.command")
    #expect(migrate["stderr"]?.string == "ERROR: could not connect\nDB_PASSWORD=$redacted$")
    #expect(migrate["cmd"]?.string == "manage.py migrate --db-password=$redacted$")
    let censored = try #require(tasks.first { $0["task"]?.string == "Set admin password" })
    #expect(censored["censored"]?.bool == true && censored["msg"] == .null)
    #expect(tasks.first { $0["unreachable"]?.bool == true }?["host"]?.string == "db1")
    #expect(!tasks.contains { $0["task"]?.string == "Check disk" }, "ignore_errors is no failure")
    #expect(failedNode["hosts"]?.array?.count == 5)
    #expect(failedNode["events_possibly_incomplete"]?.bool == false)
    let update = try #require(nodes.first { $0["job_id"]?.int == 10010 })
    #expect(update["failed_tasks"]?.array?.isEmpty == true)
    #expect(update["output_tail"]?.array?.count == 4)
    // Nodes without a drill-down keep their old shape.
    #expect(nodes.filter { $0["failed_tasks"] != nil }.count == 2)
    let schema = repoRoot.appendingPathComponent("docs/summary.schema.json").path
    let (valid, why) = try CIOutputTests.shell([
      "python3", "-c",
      "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1])),"
        + " format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))",
      schema, dir.appendingPathComponent("workflow-job-7/summary.json").path,
    ])
    #expect(valid == 0, "summary.json does not match its schema: \(why.suffix(600))")

    // junit.xml: the message names the first failed task, the text lists them; both XSDs pass.
    let junit = try Self.text(files, "junit.xml")
    #expect(junit.contains("db1 unreachable: Failed to connect to the host via ssh"))
    #expect(junit.contains("on web3: non-zero return code (module ansible.builtin.command, rc 2"))
    #expect(junit.contains("Set admin password on "))
    #expect(junit.contains("(censored by AWX: no_log)"))
    #expect(junit.contains("Failed hosts: "))
    for xsd in ["jenkins-xunit/junit-10.xsd", "windyroad/JUnit.xsd"] {
      let schema = repoRoot.appendingPathComponent(
        "Tests/AWXReportRenderTests/Fixtures/junit/\(xsd)")
      let errors = XMLSchemaValidator.validate(
        xml: [UInt8](junit.utf8), schema: [UInt8](try Data(contentsOf: schema)))
      #expect(errors.isEmpty, "junit.xml against \(xsd): \(errors.prefix(3))")
    }

    // summary.md: a section with the table, unreachable hosts and the output's end.
    let md = try Self.text(files, "summary.md")
    #expect(md.contains("### Why the failed jobs failed"))
    #expect(md.contains("| web3 | Run migrations"))
    #expect(md.contains("non\\-zero return code") || md.contains("non-zero return code"))
    #expect(md.contains("Unreachable: **db1**"))
    #expect(md.contains("PLAY RECAP"))

    // report.html: the failed-task table, the host summary, the output block.
    let html = try Self.text(files, "report.html")
    #expect(html.contains("<table class=\"failed-tasks\">"))
    #expect(html.contains("<table class=\"host-summary\">"))
    #expect(html.contains("<pre class=\"code output\">"))
    #expect(html.contains("censored by AWX (no_log)"))
    #expect(html.contains("<th scope=\"row\">web3</th>"))

    // graph.svg: the failed node's box has the first failed task as its tooltip, and the
    // node's first child is still its id.
    let svg = try Self.text(files, "graph.svg")
    #expect(svg.contains("<title>Failed: db1 unreachable: Failed to connect"))
    let failedGroup = try #require(svg.range(of: "<g id=\"node-100012\""))
    #expect(svg[failedGroup.upperBound...].prefix(80).contains("><title>100012</title><rect"))

    // graph.dot: the failed node's tooltip names it too.
    #expect(
      try Self.text(files, "graph.dot").contains("\\nFailed: db1 unreachable: Failed to connect"))

    // Hostile names arrive as text only, and no escape sequence survives. summary.json is
    // data (the names are JSON strings there); summary.md may show markup only inside a
    // fenced code block, which Markdown renders as text.
    for (name, data) in files where !name.hasSuffix("snapshot.json") {
      var s = String(decoding: data, as: UTF8.self)
      #expect(!s.contains("\u{1B}"), "ESC in \(name)")
      if name.hasSuffix("summary.json") { continue }
      if name.hasSuffix("summary.md") {
        s = s.split(separator: "```").enumerated().filter { $0.offset % 2 == 0 }
          .map(\.element).joined()
      }
      #expect(!s.contains("<script"), "<script> in \(name)")
      #expect(!s.contains("<img"), "<img> in \(name)")
      #expect(!s.contains("<svg onload"), "<svg onload> in \(name)")
      #expect(!s.contains("<b>$(reboot)"), "markup in \(name)")
    }
    if hostile {
      #expect(html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;web1"))
      #expect(html.contains("&lt;b&gt;$(reboot)&lt;/b&gt;"))
      #expect(junit.contains("web2 ]]&gt;&lt;/failure&gt;&lt;script&gt;"))
      let snapshot = try Self.text(files, "snapshot.json")
      #expect(snapshot.contains("<img src=x onerror="))
      #expect(tasks.contains { $0["host"]?.string == "<img src=x onerror=\"alert(1)\">web1" })
    }

    // The event's secret stays in the snapshot, and nowhere else.
    #expect(try Self.text(files, "snapshot.json").contains(Self.eventSecret))
    for (name, data) in files where !name.hasSuffix("snapshot.json") {
      #expect(
        !String(decoding: data, as: UTF8.self).contains(Self.eventSecret), "secret in \(name)")
    }
    #expect(!r.stdout.contains(Self.eventSecret) && !r.stderr.contains(Self.eventSecret))

    // render reproduces every file offline, byte for byte.
    let again = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: again) }
    let snap = dir.appendingPathComponent("workflow-job-7/snapshot.json").path
    #expect(try awxReport(["render", snap, "--out", again.path, "-q"]).status == 0)
    #expect(tree(again) == files)
  }

  @Test func aNestedWorkflowsFailedJobIsDrilledIntoAndShown() throws {
    let (dir, r, files) = try Self.fetch(["--nodes", "6", "--nested", "1", "--nested-nodes", "13"])
    defer { try? FileManager.default.removeItem(at: dir) }
    try #require(r.status == 0, "\(r.stderr)")
    let snapshot = try JSONParser.parse([UInt8](try Self.text(files, "snapshot.json").utf8))
    let drill = (snapshot["responses"]?.array ?? []).filter { $0["unified_job"] != nil }
    // The nested workflow (500) owns its failed child's drill-down: tail and host summaries.
    #expect(drill.map { $0["workflow_job"]?.int } == [500, 500])
    #expect(drill.map { $0["unified_job"]?.int } == [10013, 10013])
    let html = try Self.text(files, "report.html")
    #expect(html.contains("<h4>Why its failed jobs failed</h4>"))
    #expect(html.contains("<table class=\"failed-tasks\">"))
    #expect(try Self.text(files, "summary.md").contains("#### node-1 › node-12 ("))
    #expect(try Self.text(files, "graph.svg").contains("<title>Failed: db1 unreachable"))
    #expect(
      try Self.text(files, "junit.xml").contains("Run migrations on web3: non-zero return code"))
    let summary = try JSONParser.parse([UInt8](try Self.text(files, "summary.json").utf8))
    let inner = (summary["nodes"]?.array ?? []).compactMap { $0["workflow"]?["nodes"]?.array }
      .flatMap { $0 }
    #expect(inner.first { $0["job_id"]?.int == 10013 }?["failed_tasks"]?.array?.count == 5)
  }

  @Test func oversizedOutputAndUnfinishedEventsAreSaidSo() throws {
    let (dir, r, files) = try Self.fetch(["--oversized-stdout", "--events-unfinished"])
    defer { try? FileManager.default.removeItem(at: dir) }
    try #require(r.status == 0, "\(r.stderr)")
    let html = try Self.text(files, "report.html")
    #expect(html.contains("Output: Standard Output too large to display (5242880 bytes)"))
    #expect(html.contains("still processing this job's events"))
    let md = try Self.text(files, "summary.md")
    #expect(md.contains("still processing this job's events"))
    let junit = try Self.text(files, "junit.xml")
    #expect(junit.contains("Events possibly incomplete"))
    #expect(junit.contains("Output: Standard Output too large to display"))
    let summary = try Self.text(files, "summary.json")
    #expect(summary.contains("\"events_possibly_incomplete\": true"))
  }

  @Test func eventsNoneAndMaxEventsAreHonouredAndChecked() throws {
    let (dir, r, files) = try Self.fetch([], ["--events", "none"])
    defer { try? FileManager.default.removeItem(at: dir) }
    try #require(r.status == 0, "\(r.stderr)")
    #expect(!(try Self.text(files, "summary.json")).contains("failed_tasks"))
    #expect(!(try Self.text(files, "snapshot.json")).contains("job_events"))
    #expect(try awxReport(["fetch", "7", "--events", "all"]).status == 64)
    #expect(try awxReport(["fetch", "7", "--max-events", "0"]).status == 64)
    #expect(try awxReport(["fetch", "7", "--max-events", "201"]).status == 64)
  }
}
