import AWXReportTestSupport
import Foundation
import Testing

@Suite struct RenderCommandTests {
  @Test func rendersTheExample() throws {
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try awxReport(["render", examplePath, "--out", out.path])
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let files = tree(out)
    #expect(files["workflow-job-4711/graph.dot"] != nil)
    // The snapshot is archived verbatim with the report.
    #expect(
      files["workflow-job-4711/snapshot.json"] == FileManager.default.contents(atPath: examplePath))
    #expect(r.stdout.contains("workflow-job-4711/graph.dot"))
    // No staging directories left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["workflow-job-4711"])
  }

  /// A snapshot that can only be read once (a named pipe, as `<(…)` gives) is kept in memory;
  /// a regular file is read again for snapshot.json. Both archive the same bytes.
  @Test func rendersFromAPipeAsFromAFile() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("snapshot.fifo")
    let made = Process()
    made.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
    made.arguments = [fifo.path]
    try made.run()
    made.waitUntilExit()
    try #require(made.terminationStatus == 0)
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = ["-c", "cat \"$0\" > \"$1\"", examplePath, fifo.path]
    try writer.run()
    let piped = dir.appendingPathComponent("piped")
    let r = try awxReport(["render", fifo.path, "--out", piped.path, "-q"])
    writer.waitUntilExit()
    #expect(r.status == 0, "stderr: \(r.stderr)")
    let plain = dir.appendingPathComponent("plain")
    #expect(try awxReport(["render", examplePath, "--out", plain.path, "-q"]).status == 0)
    #expect(
      tree(piped)["workflow-job-4711/snapshot.json"]
        == FileManager.default.contents(atPath: examplePath))
    #expect(tree(piped) == tree(plain))
  }

  @Test func sameInputSameBytes() throws {
    let a = try temporaryDirectory()
    let b = try temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: a)
      try? FileManager.default.removeItem(at: b)
    }
    #expect(try awxReport(["render", examplePath, "--out", a.path, "-q"]).status == 0)
    #expect(try awxReport(["render", examplePath, "--out", b.path, "-q"]).status == 0)
    #expect(tree(a) == tree(b))
    #expect(!tree(a).isEmpty)
  }

  @Test func rerenderReplacesTheOldReport() throws {
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let stale = out.appendingPathComponent("workflow-job-4711/stale.txt")
    try FileManager.default.createDirectory(
      at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("old".utf8).write(to: stale)
    #expect(try awxReport(["render", examplePath, "--out", out.path, "-q"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: stale.path))
  }

  struct BadSnapshot: CustomTestStringConvertible, Sendable {
    var name: String
    var content: String
    var message: String
    var testDescription: String { name }
  }

  static let badSnapshots: [BadSnapshot] = [(String, String, String)]([
    (
      "truncated",
      String(
        decoding: FileManager.default.contents(atPath: examplePath)!.prefix(5000), as: UTF8.self),
      "invalid JSON at line "
    ),
    ("empty", "", "invalid JSON at line 1, column 1: the document is empty"),
    (
      "wrong types", #"{"format":"awx-report-snapshot","format_version":"1"}"#,
      "format_version: expected an integer, got a string"
    ),
    ("not a snapshot", #"{"id": 4711, "type": "workflow_job"}"#, "format: missing"),
    (
      "missing node",
      mutateExample {
        $0.replacingOccurrences(of: #"\"success_nodes\":[304]"#, with: #"\"success_nodes\":[999]"#)
      },
      "workflow job 4711: node 302 has a success edge to node 999, which is not in the node list"
    ),
    (
      "cycle",
      mutateExample {
        $0.replacingOccurrences(
          of:
            #"\"failure_nodes\":[],\"always_nodes\":[],\"all_parents_must_converge\":false,\"do_not_run\":false,\"identifier\":\"collect-logs\""#,
          with:
            #"\"failure_nodes\":[310],\"always_nodes\":[],\"all_parents_must_converge\":false,\"do_not_run\":false,\"identifier\":\"collect-logs\""#
        )
      },
      "workflow job 4711: the edges form a cycle: 310 -> 313 -> 310"
    ),
    (
      "node id string",
      mutateExample { $0.replacingOccurrences(of: #"{\"id\":301,"#, with: #"{\"id\":\"301\","#) },
      "results[0].id: expected an integer, got a string"
    ),
  ]).map { BadSnapshot(name: $0.0, content: $0.1, message: $0.2) }

  @Test(arguments: badSnapshots)
  func badSnapshotGivesOneLineAndNoOutput(bad: BadSnapshot) throws {
    let (name, content, message) = (bad.name, bad.content, bad.message)
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bad.json")
    try Data(content.utf8).write(to: file)
    let out = dir.appendingPathComponent("out")
    let r = try awxReport(["render", file.path, "--out", out.path])
    #expect(r.status == 1, "\(name): status \(r.status)")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(name): \(r.stderr)")
    #expect(r.stderr.hasPrefix("awx-report: error: \(file.path)"), "\(name): \(r.stderr)")
    #expect(r.stderr.contains(message), "\(name): \(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(
      !FileManager.default.fileExists(atPath: out.appendingPathComponent("workflow-job-4711").path))
    #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
  }

  @Test func directoryInsteadOfFile() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try awxReport(["render", dir.path, "--out", dir.appendingPathComponent("out").path])
    #expect(r.status == 1)
    #expect(r.stderr == "awx-report: error: \(dir.path): cannot read: is a directory, not a file\n")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
  }

  @Test func missingFile() throws {
    let r = try awxReport(["render", "/nonexistent/snap.json"])
    #expect(r.status == 1)
    #expect(r.stderr == "awx-report: error: /nonexistent/snap.json: cannot read: no such file\n")
  }

  @Test func badUsageExits64() throws {
    #expect(try awxReport(["render"]).status == 64)
    #expect(try awxReport(["render", examplePath, "--rankdir", "XY"]).status == 64)
    #expect(try awxReport(["frobnicate"]).status == 64)
  }

  @Test func unwritableOutputIsAnErrorNotACrash() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let blocker = dir.appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let r = try awxReport(["render", examplePath, "--out", blocker.path])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("awx-report: error: \(blocker.path)"))
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}

/// The example snapshot with `edit` applied to its text, the SHA-256 digests dropped so the
/// edited bodies are accepted.
func mutateExample(_ edit: (String) -> String) -> String {
  let text = String(
    decoding: FileManager.default.contents(atPath: examplePath) ?? Data(), as: UTF8.self)
  let edited = edit(text)
  precondition(edited != text, "the edit did not apply")
  return edited.split(separator: "\n", omittingEmptySubsequences: false)
    .filter { !$0.contains("\"sha256\":") }.joined(separator: "\n")
}
