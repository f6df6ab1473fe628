import AWXReportJSON
import AWXReportTestSupport
import AWXReportValidate
import Foundation
import Testing

/// The machine-readable outputs (summary.json, SHA256SUMS, …) for the runs CI and archives
/// meet: the bundled example, a generated 1,000-node run, and a hostile run whose secrets
/// hide in every field that can carry one.
@Suite(.serialized) struct CIOutputTests {
  /// The secrets planted in the hostile run, each where the issue says they hide.
  static let secrets = [
    "SECRET-EV-1",  // extra_vars, a JSON object in a string
    "SECRET-NESTED-2",  // extra_vars, JSON encoded as a string inside the JSON
    "SECRET-KV-3",  // the workflow job's explanation, key=value
    "SECRET-NAME-4",  // the workflow job's name, key=value
    "SECRET-LIMIT-5",  // the limit, key=value
    "SECRET-YAML-6",  // a nested workflow's extra_vars as YAML
    "SECRET-XD-7",  // a node's extra_data object
    "SECRET-EXPL-8",  // a child job's explanation holding a JSON fragment
    "SECRET-ACT-9",  // activity stream changes: extra_vars as a JSON-encoded string
    "SECRET-NOTE-10",  // a notification's error, YAML-ish
  ]

  /// Hostile names: markup, Mermaid and Markdown syntax, ANSI colour codes, controls.
  static let hostileNames = [
    "<script>alert(1)</script>", "| ] --> x", "\"]; click n1 call alert()",
    "\u{1B}[31mred\u{1B}[0m", "a\u{7}b\u{FFFF}c\u{202E}d", "]]> & ' \" `",
  ]

  /// The example with secrets and hostile names planted.
  static func hostileSnapshot() throws -> [UInt8] {
    var nameIndex = 0
    return try SnapshotEditing.example { kind, wf, value in
      switch kind {
      case .workflowJob where wf == 4711:
        SnapshotEditing.set(
          "extra_vars",
          .string(
            #"{"app": "web", "db_password": "SECRET-EV-1", "config": "{\"api_token\": \"SECRET-NESTED-2\"}"}"#
          ), in: &value)
        SnapshotEditing.set(
          "job_explanation", .string("deploy failed: password=SECRET-KV-3 was rejected"),
          in: &value)
        SnapshotEditing.set(
          "name", .string("Deploy <b>web</b> (api_key=SECRET-NAME-4)"), in: &value)
        SnapshotEditing.set("limit", .string("web token=SECRET-LIMIT-5"), in: &value)
      case .workflowJob:
        SnapshotEditing.set(
          "extra_vars", .string("vault_pass: SECRET-YAML-6\nregion: eu-west-1\n"), in: &value)
      case .workflowNodes:
        value = SnapshotEditing.replacing("identifier", in: value) { _ in
          defer { nameIndex += 1 }
          return .string(hostileNames[nameIndex % hostileNames.count] + " \(nameIndex)")
        }
        SnapshotEditing.editResult(303, in: &value) { node in
          SnapshotEditing.set(
            "extra_data", .object([("ssh_key", .string("SECRET-XD-7")), ("size", .number("3"))]),
            in: &node)
        }
      case .unifiedJobs:
        SnapshotEditing.editResult(9109, in: &value) { job in
          SnapshotEditing.set(
            "job_explanation", .string(#"Task failed: {"password": "SECRET-EXPL-8"} \#u{1B}[0m"#),
            in: &job)
        }
      case .activityStream:
        value = SnapshotEditing.replacing("changes", in: value) { _ in
          .object([("extra_vars", .string(#"{"secret_key": "SECRET-ACT-9"}"#))])
        }
      case .notifications:
        value = SnapshotEditing.replacing("error", in: value) { _ in
          .string("SMTP auth failed: token: SECRET-NOTE-10")
        }
      default:
        break
      }
    }
  }

  /// The three runs, as snapshot files in `dir`.
  static func runs(in dir: URL) throws -> [(name: String, path: String)] {
    let hostile = dir.appendingPathComponent("hostile.snapshot.json")
    try Data(try hostileSnapshot()).write(to: hostile)
    let large = dir.appendingPathComponent("large.snapshot.json")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [
      "python3", repoRoot.appendingPathComponent("Benchmarks/make_large_snapshot.py").path, "1000",
      large.path,
    ]
    try p.run()
    p.waitUntilExit()
    try #require(p.terminationStatus == 0, "make_large_snapshot.py failed")
    return [("example", examplePath), ("hostile", hostile.path), ("large", large.path)]
  }

  /// Runs `command` in `directory`; exit status and output.
  static func shell(_ command: [String], in directory: URL? = nil) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = command
    if let directory { p.currentDirectoryURL = directory }
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func everyOutputChecksOutForEachRun() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for run in try Self.runs(in: dir) {
      let a = dir.appendingPathComponent("\(run.name)-a")
      let b = dir.appendingPathComponent("\(run.name)-b")
      let r = try awxReport(["render", run.path, "--out", a.path, "-q"])
      try #require(r.status == 0, "\(run.name): \(r.stderr)")
      #expect(try awxReport(["render", run.path, "--out", b.path, "-q"]).status == 0)
      // render reproduces every file byte for byte.
      #expect(tree(a) == tree(b), "\(run.name): two renders differ")
      let files = tree(a)
      let id = files.keys.first { $0.hasSuffix("/SHA256SUMS") }.map {
        String($0.prefix { $0 != "/" })
      }
      let reportDir = a.appendingPathComponent(try #require(id, "\(run.name): no SHA256SUMS"))

      // SHA256SUMS covers every other file and sha256sum accepts it.
      let (status, output) = try Self.shell(
        ["sha256sum", "-c", "--strict", "SHA256SUMS"], in: reportDir)
      #expect(status == 0, "\(run.name): \(output)")
      let listed = Set(output.split(separator: "\n").map { String($0.prefix { $0 != ":" }) })
      let present = Set(try FileManager.default.contentsOfDirectory(atPath: reportDir.path))
      #expect(listed == present.subtracting(["SHA256SUMS"]), "\(run.name)")

      // summary.json validates against the shipped schema.
      let schema = repoRoot.appendingPathComponent("docs/summary.schema.json").path
      let summaryPath = reportDir.appendingPathComponent("summary.json").path
      let (valid, why) = try Self.shell([
        "python3", "-c",
        "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1])),"
          + " format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))",
        schema, summaryPath,
      ])
      #expect(valid == 0, "\(run.name): summary.json does not match its schema: \(why.suffix(600))")

      try expectSummaryAgreesWithPage(reportDir, run: run.name)

      // junit.xml is valid against both JUnit XSDs the CI readers follow.
      let junit = try #require(
        files["\(reportDir.lastPathComponent)/junit.xml"], "\(run.name): no junit.xml")
      for xsd in ["jenkins-xunit/junit-10.xsd", "windyroad/JUnit.xsd"] {
        let schema = repoRoot.appendingPathComponent(
          "Tests/AWXReportRenderTests/Fixtures/junit/\(xsd)")
        let errors = XMLSchemaValidator.validate(
          xml: [UInt8](junit), schema: [UInt8](try Data(contentsOf: schema)))
        #expect(errors.isEmpty, "\(run.name): junit.xml against \(xsd): \(errors.prefix(3))")
      }

      // summary.md fits GitHub's 1 MiB step-summary limit.
      let md = try #require(
        files["\(reportDir.lastPathComponent)/summary.md"], "\(run.name): no summary.md")
      #expect(md.count < 1 << 20, "\(run.name): summary.md is \(md.count) bytes")
    }
  }

  /// summary.json says what report.html says: the verdict, each node's state, the critical path.
  func expectSummaryAgreesWithPage(_ dir: URL, run: String) throws {
    let json = try JSONParser.parse(
      [UInt8](
        try #require(
          FileManager.default.contents(atPath: dir.appendingPathComponent("summary.json").path))))
    let html = String(
      decoding: try #require(
        FileManager.default.contents(atPath: dir.appendingPathComponent("report.html").path)),
      as: UTF8.self)
    let verdict = try #require(json["verdict"]?["explanation"]?.string)
    #expect(html.contains("<strong>Verdict:</strong> \(escape(verdict))"), "\(run): verdict")
    // AWX's word for a node (summary.json) against the page's state class.
    let classes: [String: Set<String>] = [
      "successful": ["successful", "approved"], "failed": ["failed", "denied", "timed-out"],
      "error": ["error"], "canceled": ["canceled"], "running": ["running"],
      "pending": ["waiting", "awaiting-approval"], "waiting": ["waiting", "awaiting-approval"],
      "new": ["waiting", "awaiting-approval"], "never_run": ["never-run"],
      "deleted": ["job-deleted", "template-deleted"], "not_started": ["not-run-yet"],
    ]
    // The page's node table, one row per top-level node: id → the row's markup.
    var rows: [Int: Substring] = [:]
    for chunk in html.split(separator: "<tr id=\"row-").dropFirst() {
      guard let id = Int(chunk.prefix { $0.isNumber }),
        chunk.dropFirst(String(id).count).first == "\""
      else { continue }
      rows[id] = chunk.prefix(4000)
    }
    let critical = Set((json["critical_path"]?["nodes"]?.array ?? []).compactMap(\.int))
    for node in json["nodes"]?.array ?? [] {
      let id = try #require(node["id"]?.int)
      let state = try #require(node["state"]?.string)
      let row = try #require(rows[id], "\(run): no row \(id)")
      let shown = classes[state, default: []].contains { row.contains("state-\($0)") }
      #expect(shown, "\(run): node \(id) is \(state) in summary.json but not on the page")
      // The critical path: exactly its nodes' rows are marked on the page.
      #expect(
        row.hasPrefix("\(id)\" class=\"critical\">") == critical.contains(id),
        "\(run): node \(id) critical path mark")
    }
  }

  func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }

  @Test func noSecretReachesAnyFileButTheSnapshot() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("hostile.snapshot.json")
    try Data(try Self.hostileSnapshot()).write(to: input)
    let out = dir.appendingPathComponent("out")
    let r = try awxReport(["render", input.path, "--out", out.path])
    try #require(r.status == 0, "\(r.stderr)")
    let files = tree(out)
    let snapshot = String(
      decoding: try #require(files["workflow-job-4711/snapshot.json"]), as: UTF8.self)
    for secret in Self.secrets {
      // The snapshot keeps AWX's bodies verbatim (JSON-escaped inside it)…
      #expect(snapshot.contains(secret), "\(secret) was not planted")
      // …and no other file holds a byte of it.
      for (name, data) in files where !name.hasSuffix("snapshot.json") {
        #expect(
          !String(decoding: data, as: UTF8.self).contains(secret), "\(secret) leaked into \(name)")
      }
      #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret))
    }
    #expect(files.keys.filter { !$0.hasSuffix("snapshot.json") }.count >= 6)
    // --no-redact shows them, so the test above is not passing by accident.
    let shown = dir.appendingPathComponent("shown")
    #expect(
      try awxReport(["render", input.path, "--out", shown.path, "-q", "--no-redact"]).status == 0)
    let plain = String(
      decoding: try #require(tree(shown)["workflow-job-4711/summary.json"]), as: UTF8.self)
    #expect(plain.contains("SECRET-EV-1") && plain.contains("SECRET-KV-3"))
  }

  @Test(arguments: [
    ("successful", Int32(0)), ("failed", 2), ("error", 2), ("canceled", 3), ("running", 4),
    ("pending", 4),
  ])
  func exitStatusFollowsTheRun(status: String, code: Int32) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("run.snapshot.json")
    try Data(
      try SnapshotEditing.example { kind, wf, value in
        if kind == .workflowJob && wf == 4711 {
          SnapshotEditing.set("status", .string(status), in: &value)
        }
      }
    ).write(to: input)
    let out = dir.appendingPathComponent("out")
    let r = try awxReport(["render", input.path, "--out", out.path, "-q", "--exit-status"])
    #expect(r.status == code, "\(status): \(r.stderr)")
    #expect(tree(out)["workflow-job-4711/SHA256SUMS"] != nil, "the report is written first")
    // Without the flag a written report exits 0 whatever the run's outcome.
    #expect(try awxReport(["render", input.path, "--out", out.path, "-q"]).status == 0)
  }

  @Test func formatsSelectTheFiles() throws {
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try awxReport(["render", examplePath, "--out", out.path, "--formats", "json,dot"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      Set(tree(out).keys)
        == [
          "workflow-job-4711/summary.json", "workflow-job-4711/graph.dot",
          "workflow-job-4711/snapshot.json", "workflow-job-4711/SHA256SUMS",
        ])
    let bad = try awxReport(["render", examplePath, "--out", out.path, "--formats", "json,pdf"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--formats"))
  }

  @Test func manifestIsWrittenLastAndListsFilesInOrder() throws {
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try awxReport(["render", examplePath, "--out", out.path])
    #expect(r.status == 0)
    let listed = r.stdout.split(separator: "\n").map { String($0.split(separator: "/").last ?? "") }
    #expect(listed.last == "SHA256SUMS")
    let sums = String(
      decoding: try #require(tree(out)["workflow-job-4711/SHA256SUMS"]), as: UTF8.self)
    #expect(
      sums.split(separator: "\n").map { String($0.dropFirst(66)) } == Array(listed.dropLast()))
  }
}
