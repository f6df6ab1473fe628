import AWXReportTestSupport
import Foundation
import Testing

@Suite(.serialized) struct FetchCommandTests {
  static let token = "tok-Zq81-sekrit-do-not-leak"

  @Test func fetchWritesSnapshotAndReportsAndRenderReproducesThem() throws {
    let server = try FakeAWXServer(
      ["--nodes", "30", "--approvals", "2", "--nested", "1", "--token", Self.token],
      discardingErrors: true)
    let out = try temporaryDirectory()
    let again = try temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: again)
    }
    let tokenFile = out.appendingPathComponent("token")
    try Data("\(Self.token)\n".utf8).write(to: tokenFile)
    let r = try awxReport(
      [
        "fetch", "7", "--host", server.host, "--token-file", tokenFile.path, "--out", out.path,
        "-q",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    try FileManager.default.removeItem(at: tokenFile)
    let fetched = tree(out)
    #expect(fetched["workflow-job-7/snapshot.json"] != nil)
    #expect(fetched["workflow-job-7/graph.svg"] != nil)

    // Offline re-render of the saved snapshot: the same bytes, file for file.
    let snap = out.appendingPathComponent("workflow-job-7/snapshot.json").path
    #expect(try awxReport(["render", snap, "--out", again.path, "-q"]).status == 0)
    #expect(tree(again) == fetched)

    // The secret is nowhere in the output tree, stdout or stderr.
    for (name, data) in fetched {
      #expect(
        !String(decoding: data, as: UTF8.self).contains(Self.token), "\(name) holds the token")
    }
    #expect(!r.stdout.contains(Self.token) && !r.stderr.contains(Self.token))
  }

  @Test func tokenFromEnvironmentAndVerboseLog() throws {
    let server = try FakeAWXServer(["--nodes", "5", "--token", Self.token], discardingErrors: true)
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try awxReport(
      ["fetch", "7", "--out", out.path, "-v"],
      environment: ["CONTROLLER_HOST": server.host, "CONTROLLER_OAUTH_TOKEN": Self.token])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("GET /api/v2/workflow_jobs/7/ 200 "))
    #expect(!r.stderr.contains(Self.token))
    #expect(r.stdout.contains("workflow-job-7/graph.svg"))
  }

  @Test func unauthorizedIsOneLineAndWritesNothing() throws {
    let server = try FakeAWXServer(["--nodes", "5", "--token", Self.token], discardingErrors: true)
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try awxReport(
      ["fetch", "7", "--host", server.host, "--out", out.path],
      environment: ["CONTROLLER_TOKEN": "wrong-token"])
    #expect(r.status == 1)
    let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("awx-report: error: ") }
    #expect(errors.count == 1, "\(r.stderr)")
    #expect(errors.first?.contains("401") == true)
    // Plain http to a host is worth a warning; nothing else is printed.
    #expect(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("awx-report: ") })
    #expect(!r.stderr.contains("wrong-token"))
    #expect(tree(out).isEmpty)
  }

  @Test func failureMidFetchLeavesNoOutput() throws {
    let faults = #"[{"kind": "truncate", "match": "activity_stream"}]"#
    let server = try FakeAWXServer(
      ["--nodes", "5", "--token", Self.token, "--faults", faults], discardingErrors: true)
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try awxReport(
      ["fetch", "7", "--host", server.host, "--out", out.path, "--retries", "0"],
      environment: ["CONTROLLER_TOKEN": Self.token])
    #expect(r.status == 1)
    #expect(r.stderr.contains("activity_stream"), "\(r.stderr)")
    #expect(tree(out).isEmpty)
    #expect((try FileManager.default.contentsOfDirectory(atPath: out.path)).isEmpty)
  }

  @Test func missingHostIsAClearError() throws {
    let r = try awxReport(["fetch", "7"], environment: ["CONTROLLER_HOST": "", "TOWER_HOST": ""])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("awx-report: error: "))
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func badIDIsUsage() throws {
    #expect(try awxReport(["fetch", "abc"]).status == 64)
    #expect(try awxReport(["fetch", "0"]).status == 64)
  }
}
