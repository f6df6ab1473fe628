import AWXReportFetch
import AWXReportJSON
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportCommand

/// `watch`, `cancel`, `relaunch` and `launch` against the fake AWX server, most of them in live
/// mode (a run that advances with wall-clock time, passes of 0.05–0.15 s).
@Suite(.serialized) struct WatchCommandTests {
  static let token = "tok-watch-Zq81-sekrit"
  /// Short intervals, so a live run of a few seconds is followed closely.
  static let fast = ["--interval", "0.05", "--max-interval", "0.2"]

  static func environment(_ server: FakeAWXServer) -> [String: String] {
    ["CONTROLLER_HOST": server.host, "CONTROLLER_OAUTH_TOKEN": token]
  }

  /// Runs the binary (stdout and stderr go to files: a watch logs more than a pipe holds).
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    try awxReport(arguments, environment: environment)
  }

  static func live(_ extra: [String]) throws -> FakeAWXServer {
    try FakeAWXServer(["--live", "--token", token] + extra, discardingErrors: true)
  }

  @Test func aThousandNodeRunIsFollowedCheaplyAndEndsWithWhatFetchWrites() throws {
    // 20 levels of 50 nodes, a pass every 0.1 s: a run of about 7 s.
    let server = try Self.live([
      "--nodes", "1000", "--width", "50", "--pass-seconds", "0.1", "--run-cycles", "2",
      "--approvals", "1", "--approve-after", "4", "--nested", "2",
    ])
    let out = try temporaryDirectory()
    let after = try temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: after)
    }
    let pollLog = out.appendingPathComponent("polls.jsonl").path
    let started = Date()
    let r = try Self.run(
      ["watch", "7", "--out", out.path, "--poll-log", pollLog, "--exit-status", "--overlap", "0.2"]
        + Self.fast,
      environment: Self.environment(server))
    let seconds = Date().timeIntervalSince(started)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(seconds < 60)

    // At most 3 requests per idle poll, whatever the size (the poller makes 2).
    let polls = try String(contentsOfFile: pollLog, encoding: .utf8).split(separator: "\n")
      .map { try JSONParser.parse(Array($0.utf8)) }
    let idle = polls.filter { $0["changes"]?.int == 0 && $0["full"]?.bool == false }
    #expect(idle.count >= 3, "\(polls.count) polls")
    #expect(idle.allSatisfy { ($0["requests"]?.int ?? 99) <= 3 })
    #expect(polls.first?["full"]?.bool == true)

    // One plain line per change (stderr is not a terminal here).
    let lines = r.stderr.split(separator: "\n").map(String.init)
    let nodeLine =
      #/^\d\d:\d\d:\d\d node \d+ "node-\d+"( \(workflow job \d+\))? (running|successful after [0-9.hms ]+|awaiting approval|approved after [0-9.hms ]+)$/#
    let nodeLines = lines.filter { $0.contains(" node ") }
    #expect(nodeLines.count > 1000)
    // The nested workflows (ids from 9001) were followed as they ran.
    #expect(nodeLines.contains { $0.contains(" (workflow job 9001) successful after ") })
    // Its end is told by its own line, or by its node's when the run ended in the same poll
    // (a loaded machine polls less often than the live run moves).
    #expect(
      lines.contains {
        $0.contains(#"workflow job 9002 "Nested" successful after "#)
          || $0.contains(" (workflow job 9002) successful after ")
      })
    #expect(nodeLines.allSatisfy { $0.wholeMatch(of: nodeLine) != nil }, "\(nodeLines.prefix(5))")
    // The last line is the report's: the full fetch counts the do_not_run marks too.
    let last = try #require(lines.last)
    #expect(
      last.wholeMatch(
        of: #/\d\d:\d\d:\d\d workflow job 7 "Deploy" successful: \d+ successful(, \d+ never run)?/#)
        != nil, "\(last)")
    #expect(lines.contains { $0.contains("workflow job 7 \"Deploy\" successful after ") })

    // The watch's report equals that of a fetch made afterwards, but for fetch time and digest.
    let f = try Self.run(
      ["fetch", "7", "--out", after.path, "-q"], environment: Self.environment(server))
    #expect(f.status == 0, "\(f.stderr)")
    let watched = try Self.summary(out)
    let fetched = try Self.summary(after)
    #expect(watched == fetched)
    #expect(watched.contains("\"status\":\"successful\""))
  }

  @Test func launchWatchExitStatusFollowsTheRun() throws {
    let server = try Self.live(["--nodes", "8", "--width", "2", "--pass-seconds", "0.05"])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    // Template 43 fails (node 3 has no failure path) and needs the survey answer "region".
    let failing = try Self.run(
      [
        "launch", "Deploy (broken)", "--extra-vars", #"{"region": "eu"}"#, "--watch",
        "--exit-status", "--out", out.path, "-q",
      ] + Self.fast,
      environment: Self.environment(server))
    #expect(failing.status == 2, "\(failing.stderr)")
    let failedID = try #require(Int(failing.stdout.split(separator: "\n").first ?? ""))
    #expect(
      FileManager.default.fileExists(
        atPath: out.appendingPathComponent("workflow-job-\(failedID)/summary.json").path))

    let vars = out.appendingPathComponent("vars.yml")
    try Data("region: eu\nreplicas:\n  - 1\n  - 2\n".utf8).write(to: vars)
    let passing = try Self.run(
      [
        "launch", "Deploy", "--extra-vars", "@\(vars.path)", "--watch", "--exit-status", "--out",
        out.path,
      ] + Self.fast,
      environment: Self.environment(server))
    #expect(passing.status == 0, "\(passing.stderr)")
    let lines = passing.stdout.split(separator: "\n")
    let newID = try #require(Int(lines.first ?? ""))
    #expect(lines.contains { $0.hasSuffix("workflow-job-\(newID)/summary.json") })
    // YAML goes to AWX as text, which AWX parses.
    let launches = try server.received().filter { $0.path.hasSuffix("/launch/") }
    #expect(launches.last?.body == #"{"extra_vars":"region: eu\nreplicas:\n  - 1\n  - 2\n"}"#)
  }

  @Test func launchErrorsAreOneReadableLine() throws {
    let server = try FakeAWXServer(["--token", Self.token], discardingErrors: true)
    func error(_ args: [String]) throws -> String {
      let r = try Self.run(["launch"] + args, environment: Self.environment(server))
      #expect(r.status == 1)
      let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("awx-report: error: ") }
      #expect(errors.count == 1, "\(r.stderr)")
      #expect(r.stdout.isEmpty)
      return String(errors.first ?? "")
    }
    #expect(
      try error(["Twin"]).hasSuffix(
        #"2 workflow job templates are named "Twin" (ids 44, 45); pass the id instead"#))
    #expect(try error(["Nope"]).hasSuffix(#"no workflow job template is named "Nope""#))
    #expect(
      try error(["Deploy (broken)"]).hasSuffix(
        "AWX refused to launch workflow job template 43: variables_needed_to_start: 'region' value missing"
      ))
    #expect(
      try error(["39", "--limit", "web"]).hasSuffix(
        "AWX refused to launch workflow job template 39: limit: Field is not configured to prompt on launch."
      ))
    #expect(
      try error(["39", "--extra-vars", "[1, 2]"]).hasSuffix(
        "--extra-vars must be a mapping of variable names to values"))
    // The inventory is looked up by name (id 2), then refused by AWX: not prompted on launch.
    #expect(
      try error(["39", "--inventory", "Staging"]).hasSuffix(
        "AWX refused to launch workflow job template 39: inventory: Field is not configured to "
          + "prompt on launch."))
    #expect(
      try error(["39", "--label", "no-such-label"]).hasSuffix(#"no label is named "no-such-label""#)
    )
    let posts = try server.received().filter { $0.method == "POST" }
    // Only the requests AWX itself refused were sent; look-up failures send nothing.
    #expect(posts.count == 3)
    #expect(posts.last?.body == #"{"inventory":2}"#)
  }

  @Test func cancelWaitEndsCanceledAndAFinishedJobCannotBeCanceled() throws {
    let server = try Self.live(["--nodes", "20", "--pass-seconds", "0.1"])
    Thread.sleep(forTimeInterval: 0.4)  // running, with children
    let r = try Self.run(
      ["cancel", "7", "--wait", "--interval", "0.05"], environment: Self.environment(server))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "workflow job 7: canceled\n")

    let again = try Self.run(["cancel", "7"], environment: Self.environment(server))
    #expect(again.status == 1)
    let errors = again.stderr.split(separator: "\n").filter { $0.hasPrefix("awx-report: error: ") }
    #expect(
      errors == ["awx-report: error: workflow job 7 cannot be canceled: it is already canceled"])
    #expect(try server.received().filter { $0.method == "POST" }.count == 2)
  }

  @Test func aTimeoutWritesTheRunAsItStandsAndExits4() throws {
    // The approval is never decided, so the run never ends.
    let server = try Self.live([
      "--nodes", "6", "--approvals", "1", "--approve-after", "0", "--pass-seconds", "0.05",
    ])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try Self.run(
      ["watch", "7", "--timeout", "1.5s", "--out", out.path, "--exit-status"] + Self.fast,
      environment: Self.environment(server))
    #expect(r.status == 4, "\(r.stderr)")
    #expect(r.stderr.contains("did not finish within 1.5s; writing the report as it stands"))
    let summary = try Self.summary(out)
    #expect(summary.contains(#""status":"running""#))
    #expect(!summary.contains(#""status":"failed""#))
    #expect(try server.received().allSatisfy { $0.method == "GET" })
    let html = try String(
      contentsOf: out.appendingPathComponent("workflow-job-7/report.html"), encoding: .utf8)
    #expect(html.contains("running"))
    // The timeline's open bars reach the fetch time.
    let timeline = try String(
      contentsOf: out.appendingPathComponent("workflow-job-7/timeline.svg"), encoding: .utf8)
    #expect(timeline.contains("when the data was fetched; the run had not finished."))
    #expect(timeline.contains("not finished at "))
  }

  @Test func cancelOnTimeoutCancelsThenWritesTheCanceledRun() throws {
    let server = try Self.live([
      "--nodes", "6", "--approvals", "1", "--approve-after", "0", "--pass-seconds", "0.05",
    ])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try Self.run(
      ["watch", "7", "--timeout", "1s", "--cancel-on-timeout", "--out", out.path, "-q"]
        + Self.fast,
      environment: Self.environment(server))
    #expect(r.status == 4, "\(r.stderr)")
    #expect(try Self.summary(out).contains(#""workflow_job":{"#))
    let job = try JSONParser.parse(
      Array(try Data(contentsOf: out.appendingPathComponent("workflow-job-7/summary.json"))))
    #expect(job["workflow_job"]?["status"]?.string == "canceled")
    #expect(try server.received().filter { $0.method == "POST" }.count == 1)
  }

  @Test func fiveHundredsAndResetsDuringTheWatchAreSurvived() throws {
    let faults = """
      [{"kind": "status", "code": 500, "match": "workflow_nodes/?", "count": 3},
       {"kind": "reset", "match": "workflow_jobs/7/", "count": 2}]
      """
    let server = try Self.live([
      "--nodes", "12", "--width", "3", "--pass-seconds", "0.1", "--faults", faults,
    ])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try Self.run(
      ["watch", "7", "--retries", "0", "--out", out.path, "--exit-status"] + Self.fast,
      environment: Self.environment(server))
    #expect(r.status == 0, "\(r.stderr)")
    let retried = r.stderr.split(separator: "\n").filter { $0.contains("AWX did not answer") }
    #expect(retried.count >= 2, "\(r.stderr)")
    #expect(try Self.summary(out).contains(#""status":"successful""#))
  }

  @Test(arguments: [
    ("launch", ["39"], "/launch/", #"{"kind": "reset", "method": "POST"}"#),
    ("relaunch", ["7"], "/relaunch/", #"{"kind": "status", "code": 502, "method": "POST"}"#),
    ("cancel", ["7"], "/cancel/", #"{"kind": "slow", "seconds": 3, "method": "POST"}"#),
  ])
  func aPostIsNeverSentTwice(command: String, args: [String], path: String, fault: String) throws {
    let server = try FakeAWXServer(
      ["--status", "running", "--token", Self.token, "--faults", "[\(fault)]"],
      discardingErrors: true)
    let r = try Self.run(
      [command] + args + ["--retries", "5", "--request-timeout", "1"],
      environment: Self.environment(server))
    #expect(r.status == 1)
    #expect(r.stderr.contains("the outcome is unknown"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(
      try server.received().filter { $0.method == "POST" && $0.path.hasSuffix(path) }.count == 1)
  }

  @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
  func aSignalWritesTheReportAsItStands(signal: Int32, code: Int32) throws {
    let server = try Self.live([
      "--nodes", "6", "--approvals", "1", "--approve-after", "0", "--pass-seconds", "0.05",
    ])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let p = Process()
    p.executableURL = try binaryURL()
    p.arguments = ["watch", "7", "--out", out.path, "-q"] + Self.fast
    p.environment = ProcessInfo.processInfo.environment.merging(Self.environment(server)) { $1 }
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    Thread.sleep(forTimeInterval: 1.5)
    kill(p.processIdentifier, signal)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == code, "\(stderr)")
    #expect(stderr.contains("the job was not canceled"))
    #expect(try Self.summary(out).contains(#""status":"running""#))
    #expect(try server.received().allSatisfy { $0.method == "GET" })
  }

  @Test func aRefusalEndsTheWatchWithOneLine() throws {
    let faults = #"[{"kind": "status", "code": 403, "match": "workflow_nodes/?", "count": 1}]"#
    let server = try Self.live(["--nodes", "12", "--pass-seconds", "0.1", "--faults", faults])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try Self.run(
      ["watch", "7", "--out", out.path] + Self.fast, environment: Self.environment(server))
    #expect(r.status == 1)
    let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("awx-report: error: ") }
    #expect(errors.count == 1 && errors[0].contains("HTTP 403 Forbidden for GET "), "\(r.stderr)")
    #expect(tree(out).isEmpty)

    let missing = try Self.run(
      ["watch", "999", "--out", out.path], environment: Self.environment(server))
    #expect(missing.status == 1)
    #expect(
      missing.stderr.contains(
        "awx-report: error: HTTP 404 Not Found for GET /api/v2/workflow_jobs/999/"))
  }

  // MARK: Output

  @Test func oneLinePerChange() throws {
    let settings = ConnectionSettings(
      origin: try ConnectionSettings.parseHost("http://awx.invalid"), credentials: .token("t"))
    let poller = JobPoller(
      client: AWXClient(settings: settings, transport: NoTransport()), workflowJobID: 7)
    var node = JobPoller.Node(
      id: 302, workflowJobID: 7, name: "Sync cloud inventory", jobID: 41, jobType: "job",
      status: .successful, doNotRun: false, started: nil, finished: nil, elapsed: 75,
      explanation: "")
    #expect(
      WatchDisplay.text(for: .node(node, previous: .running), poller: poller)
        == #"node 302 "Sync cloud inventory" successful after 1m 15s"#)
    node.status = .failed
    node.elapsed = 3
    node.explanation = "Task failed\u{1B}[31m"
    node.workflowJobID = 500
    #expect(
      WatchDisplay.text(for: .node(node, previous: .running), poller: poller)
        == #"node 302 "Sync cloud inventory" (workflow job 500) failed after 3.0s: Task failed\x1b[31m"#
    )
    node.status = .pending
    #expect(WatchDisplay.text(for: .node(node, previous: nil), poller: poller) == nil)
    #expect(WatchDisplay.timeOfDay(0).wholeMatch(of: #/\d\d:\d\d:\d\d/#) != nil)
  }

  @Test func namesFromAWXNeverBringControlCharactersToTheTerminal() {
    let hostile = "evil\u{1B}]0;owned\u{07}\u{1B}[2J\r\n\u{202E}txt\"\\"
    let text = TerminalText.quoted(hostile)
    #expect(text == #""evil\x1b]0;owned\x07\x1b[2J\r\n\u{202e}txt\"\\""#)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
  }

  @Test func durationsParse() {
    #expect(WatchFlags.Duration.parse("90m") == 5400)
    #expect(WatchFlags.Duration.parse("1h30m") == 5400)
    #expect(WatchFlags.Duration.parse("30s") == 30)
    #expect(WatchFlags.Duration.parse("1.5s") == 1.5)
    #expect(WatchFlags.Duration.parse("45") == 45)
    #expect(WatchFlags.Duration.parse("") == nil)
    #expect(WatchFlags.Duration.parse("5x") == nil)
    #expect(WatchFlags.Duration.parse("m") == nil)
    #expect(WatchFlags.Duration.parse("-3") == nil)
  }

  @Test func badWatchUsageIs64() throws {
    #expect(try Self.run(["watch", "7", "--cancel-on-timeout"]).status == 64)
    #expect(try Self.run(["watch", "7", "--timeout", "soon"]).status == 64)
    #expect(try Self.run(["watch", "0"]).status == 64)
  }

  // MARK: Helpers

  /// summary.json of workflow job 7 (or the only report) under `out`, compact, without the
  /// fetch time and the snapshot digest.
  static func summary(_ out: URL) throws -> String {
    let dirs = try FileManager.default.contentsOfDirectory(atPath: out.path)
      .filter { $0.hasPrefix("workflow-job-") }.sorted()
    let dir = dirs.contains("workflow-job-7") ? "workflow-job-7" : try #require(dirs.first)
    let data = try Data(contentsOf: out.appendingPathComponent("\(dir)/summary.json"))
    guard case .object(var members) = try JSONParser.parse(Array(data)) else { return "" }
    if let i = members.firstIndex(where: { $0.key == "source" }),
      case .object(let source) = members[i].value
    {
      members[i].value = .object(
        source.filter { $0.key != "fetched_at" && $0.key != "snapshot_sha256" })
    }
    return JSONWriter.write(.object(members), style: .compact)
  }
}

extension FakeAWXServer {
  /// One request as the server received it.
  struct Received {
    var method: String
    var path: String
    var body: String
  }

  /// Every API request the server received so far, in order, faults included.
  func received() throws -> [Received] {
    let settings = ConnectionSettings(
      origin: try ConnectionSettings.parseHost(host), credentials: .token("unused-stats"),
      verifyTLS: false)
    let response = try CurlTransport(settings: settings).send(.get("/_stats"))
    let json = try JSONParser.parse(response.body)
    return (json["received"]?.array ?? []).map {
      Received(
        method: $0["method"]?.string ?? "", path: $0["path"]?.string ?? "",
        body: $0["body"]?.string ?? "")
    }
  }
}

/// A transport for tests that never send anything.
private struct NoTransport: HTTPTransport {
  func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse {
    throw .connection(url: request.target, reason: "no network in this test")
  }
}
