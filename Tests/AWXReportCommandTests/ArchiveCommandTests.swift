import AWXReportFetch
import AWXReportJSON
import AWXReportTestSupport
import AWXReportValidate
import Foundation
import Testing

/// `awx-report archive`, `index` and `render` of several snapshots, against the fake AWX server
/// with generated jobs.
@Suite(.serialized) struct ArchiveCommandTests {
  static let finished: Set<String> = ["successful", "failed", "error", "canceled"]

  /// Ids of the finished jobs among `jobs`.
  static func finishedIDs(_ jobs: [JSONValue]) -> Set<Int> {
    Set(jobs.filter { finished.contains($0["status"]?.string ?? "") }.compactMap { $0["id"]?.int })
  }

  /// Ids of the `workflow-job-<ID>` directories in `dir`.
  static func directories(_ dir: URL) -> Set<Int> {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return Set(names.compactMap { $0.hasPrefix("workflow-job-") ? Int($0.dropFirst(13)) : nil })
  }

  static func json(_ url: URL) throws -> JSONValue {
    try JSONParser.parse([UInt8](try Data(contentsOf: url)))
  }

  /// The files that differ between two trees (missing on either side, or other bytes).
  static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
  }

  /// `sha256sum -c` in `dir`.
  static func checksums(_ dir: URL) throws -> (Int32, String) {
    try CIOutputTests.shell(["sha256sum", "--quiet", "-c", "SHA256SUMS"], in: dir)
  }

  @Test("archive: finished jobs only, a failure named and indexed, checksums, schema, valid page")
  func archive() throws {
    let probe = try JobsServer(40)
    let expected = Self.finishedIDs(probe.jobs)
    let broken = try #require(expected.sorted().dropFirst(3).first)
    // The same jobs again, but AWX refuses the nodes of one of them.
    let faults =
      "[{\"kind\":\"status\",\"code\":403,\"match\":\"workflow_jobs/\(broken)/workflow_nodes\"}]"
    let s = try JobsServer(40, extra: ["--faults", faults])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }

    let r = try awxReport(
      ["archive", "--out", out.path, "--concurrency", "3"], environment: s.environment)
    #expect(r.status == 1, "a job that could not be archived makes the exit status 1")
    #expect(r.stderr.contains("workflow job \(broken) was not archived: "), "\(r.stderr)")
    #expect(r.stderr.contains("403"), "\(r.stderr)")
    #expect(Self.directories(out) == expected.subtracting([broken]))
    #expect(r.stdout.contains(out.appendingPathComponent("index.html").path))

    // One SHA256SUMS vouches for the archive; each directory's vouches for its files.
    let (rootStatus, rootOut) = try Self.checksums(out)
    #expect(rootStatus == 0, "\(rootOut)")
    let manifest = try String(contentsOf: out.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
    #expect(manifest.contains("  index.html\n") && manifest.contains("  index.json\n"))
    for id in Self.directories(out) {
      #expect(manifest.contains("  workflow-job-\(id)/SHA256SUMS\n"))
      let (status, text) = try Self.checksums(out.appendingPathComponent("workflow-job-\(id)"))
      #expect(status == 0, "workflow-job-\(id): \(text)")
    }

    // index.json: valid against its schema, every run once, the failure with its reason.
    let index = try Self.json(out.appendingPathComponent("index.json"))
    let runIDs = (index["runs"]?.array ?? []).compactMap { $0["id"]?.int }
    #expect(runIDs == runIDs.sorted(by: >), "newest first")
    #expect(Set(runIDs) == Self.directories(out) && runIDs.count == Set(runIDs).count)
    let failures = index["failures"]?.array ?? []
    #expect(failures.compactMap { $0["id"]?.int } == [broken])
    #expect(failures.first?["reason"]?.string?.contains("403") == true)
    try Self.expectSchema(out.appendingPathComponent("index.json"))
    try Self.expectPage(out)

    // `index DIR` rebuilds the same bytes offline, the failure kept.
    let before = tree(out)
    // (index.json stays: the failures it lists are kept until their directory appears.)
    for f in ["index.html", "SHA256SUMS"] {
      try FileManager.default.removeItem(at: out.appendingPathComponent(f))
    }
    let rebuilt = try awxReport(["index", out.path, "-q"])
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(Self.differences(tree(out), before) == [], "index DIR gives the same bytes")
  }

  @Test("a second run makes only list requests; a tampered directory is fetched again")
  func incremental() throws {
    let s = try JobsServer(30)
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    var env = s.environment
    env["SOURCE_DATE_EPOCH"] = "1735689600"
    let first = try awxReport(["archive", "--out", out.path, "-q"], environment: env)
    #expect(first.status == 0, "\(first.stderr)")
    let afterFirst = try s.requests().count
    let snapshot = tree(out)

    let second = try awxReport(["archive", "--out", out.path, "-q"], environment: env)
    #expect(second.status == 0, "\(second.stderr)")
    let secondRequests = Array(try s.requests().dropFirst(afterFirst))
    #expect(!secondRequests.isEmpty)
    for path in secondRequests {
      #expect(path == "/api/" || path.hasPrefix("/api/v2/workflow_jobs/?"), "\(path)")
    }
    #expect(Self.differences(tree(out), snapshot) == [], "nothing rewritten")

    // A report altered after the fact no longer verifies: that job alone is fetched again.
    let victim = try #require(Self.directories(out).sorted().first)
    let page = out.appendingPathComponent("workflow-job-\(victim)/report.html")
    try Data("altered".utf8).write(to: page)
    let mark = try s.requests().count
    let third = try awxReport(["archive", "--out", out.path, "-q"], environment: env)
    #expect(third.status == 0, "\(third.stderr)")
    #expect(
      third.stderr.contains(
        "workflow-job-\(victim) does not verify (report.html does not match SHA256SUMS)"),
      "\(third.stderr)")
    let thirdRequests = Array(try s.requests().dropFirst(mark))
    let detail = thirdRequests.filter {
      $0.hasPrefix("/api/v2/workflow_jobs/") && !$0.hasPrefix("/api/v2/workflow_jobs/?")
    }
    #expect(
      !detail.isEmpty && detail.allSatisfy { $0.hasPrefix("/api/v2/workflow_jobs/\(victim)/") },
      "\(detail)")
    #expect(Self.differences(tree(out), snapshot) == [], "restored byte for byte")

    // --refresh fetches everything again.
    let mark2 = try s.requests().count
    let refreshed = try awxReport(
      ["archive", "--out", out.path, "-q", "--refresh"], environment: env)
    #expect(refreshed.status == 0, "\(refreshed.stderr)")
    let refetched = Set(
      try s.requests().dropFirst(mark2).compactMap { path -> Int? in
        guard path.hasPrefix("/api/v2/workflow_jobs/") else { return nil }
        return Int(path.dropFirst("/api/v2/workflow_jobs/".count).prefix { $0.isNumber })
      })
    #expect(refetched == Self.directories(out))
    #expect(Self.differences(tree(out), snapshot) == [], "the same data, the same bytes")
  }

  @Test("killed with SIGKILL mid-way, a re-run ends with the same bytes as an uninterrupted run")
  func killAndResume() throws {
    let s = try JobsServer(60, extra: ["--latency-ms", "10"])
    let whole = try temporaryDirectory()
    let resumed = try temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: whole)
      try? FileManager.default.removeItem(at: resumed)
    }
    var env = s.environment
    env["SOURCE_DATE_EPOCH"] = "1735689600"
    let reference = try awxReport(["archive", "--out", whole.path, "-q"], environment: env)
    #expect(reference.status == 0, "\(reference.stderr)")
    let expected = tree(whole)
    #expect(Self.directories(whole) == Self.finishedIDs(s.jobs))

    // Start, wait for some directories, kill -9.
    let p = Process()
    p.executableURL = try binaryURL()
    p.arguments = ["archive", "--out", resumed.path, "-q", "--concurrency", "2"]
    var full = ProcessInfo.processInfo.environment
    for (k, v) in env { full[k] = v }
    p.environment = full
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(60)
    while Self.directories(resumed).count < 10 && Date() < deadline && p.isRunning {
      usleep(20_000)
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    let present = Self.directories(resumed)
    #expect(present.count >= 10 && present.count < Self.finishedIDs(s.jobs).count, "killed mid-way")
    // Whatever is visible is complete; the index names no directory that is not there.
    for id in present {
      let (status, text) = try Self.checksums(resumed.appendingPathComponent("workflow-job-\(id)"))
      #expect(status == 0, "workflow-job-\(id) is half-written: \(text)")
    }
    let partial = try Self.json(resumed.appendingPathComponent("index.json"))
    let indexed = Set((partial["runs"]?.array ?? []).compactMap { $0["id"]?.int })
    #expect(indexed.isSubset(of: present))

    let again = try awxReport(["archive", "--out", resumed.path, "-q"], environment: env)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(Self.differences(tree(resumed), expected) == [], "no leftovers, nothing missing")
  }

  @Test("429 answers pause every worker, and the archive still completes")
  func sharedBackoff() throws {
    let faults =
      "[{\"kind\":\"status\",\"code\":429,\"retry_after\":\"0.3\",\"match\":\"/labels/\",\"count\":4}]"
    let s = try JobsServer(12, extra: ["--faults", faults])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try awxReport(["archive", "--out", out.path, "-q"], environment: s.environment)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Self.directories(out) == Self.finishedIDs(s.jobs))
  }

  @Test("--limit N archives the newest N finished jobs; --status keeps finished ones only")
  func limitAndStatus() throws {
    let s = try JobsServer(30)
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try awxReport(
      ["archive", "--out", out.path, "-q", "--limit", "4"], environment: s.environment)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Self.directories(out) == Set(Self.finishedIDs(s.jobs).sorted().suffix(4)))
    let failedOnly = try awxReport(
      ["archive", "--out", out.path, "-q", "--status", "failed", "--status", "running"],
      environment: s.environment)
    #expect(failedOnly.status == 0, "\(failedOnly.stderr)")
    let failed = Set(
      s.jobs.filter { $0["status"]?.string == "failed" }.compactMap { $0["id"]?.int })
    #expect(Self.directories(out) == failed.union(Self.finishedIDs(s.jobs).sorted().suffix(4)))
    let running = try awxReport(
      ["archive", "--out", out.path, "--status", "running"], environment: s.environment)
    #expect(running.status == 64, "archive keeps finished jobs only: \(running.stderr)")
  }

  @Test("render of several snapshots re-renders an archive in parallel, then its index")
  func renderMany() throws {
    let s = try JobsServer(16)
    let out = try temporaryDirectory()
    let again = try temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: again)
    }
    #expect(
      try awxReport(["archive", "--out", out.path, "-q"], environment: s.environment).status == 0)
    let snapshots = Self.directories(out).sorted().map {
      out.appendingPathComponent("workflow-job-\($0)/snapshot.json").path
    }
    let r = try awxReport(["render"] + snapshots + ["--out", again.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Self.differences(tree(again), tree(out)) == [])
    #expect(r.stdout.hasSuffix(again.appendingPathComponent("SHA256SUMS").path + "\n"))

    // A broken snapshot is named; the others are still written.
    let third = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: third) }
    let bad = third.appendingPathComponent("bad.json")
    try Data("{".utf8).write(to: bad)
    let mixed = try awxReport(["render", snapshots[0], bad.path, "--out", third.path, "-q"])
    #expect(mixed.status == 1)
    #expect(mixed.stderr.contains(bad.path))
    #expect(Self.directories(third).count == 1)
  }

  // MARK: Checks

  static func expectSchema(_ file: URL) throws {
    let schema = repoRoot.appendingPathComponent("docs/index.schema.json").path
    let (valid, why) = try CIOutputTests.shell([
      "python3", "-c",
      "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1])),"
        + " format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))",
      schema, file.path,
    ])
    #expect(valid == 0, "index.json does not match its schema: \(why.suffix(600))")
  }

  /// index.html: balanced tags, unique ids, no script or external reference, links to reports
  /// that exist, and every chart valid SVG (libxml2).
  static func expectPage(_ dir: URL) throws {
    let page = dir.appendingPathComponent("index.html")
    let checker = """
      import sys, re, os
      from html.parser import HTMLParser
      VOID = {"area","base","br","col","embed","hr","img","input","link","meta","source","track","wbr"}
      class P(HTMLParser):
          def __init__(s):
              super().__init__(); s.stack=[]; s.ids=set(); s.problems=[]
          def handle_starttag(s, tag, attrs):
              a = dict(attrs)
              if tag in ("script","iframe","object","embed","img","link"): s.problems.append("element " + tag)
              if a.get("id"):
                  if a["id"] in s.ids: s.problems.append("duplicate id " + a["id"])
                  s.ids.add(a["id"])
              for k in ("href","src"):
                  v = a.get(k)
                  if v is None: continue
                  if v.startswith("#"): continue
                  if not re.fullmatch(r"workflow-job-[0-9]+/report\\.html", v) or not os.path.exists(os.path.join(os.path.dirname(sys.argv[1]), v)):
                      s.problems.append("reference " + v)
              if tag not in VOID: s.stack.append(tag)
          def handle_startendtag(s, tag, attrs):
              pass
          def handle_endtag(s, tag):
              if not s.stack or s.stack[-1] != tag: s.problems.append("</%s> closes <%s>" % (tag, s.stack[-1] if s.stack else "nothing"))
              else: s.stack.pop()
      p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
      for i in sorted(p.ids):
          pass
      if p.stack: p.problems.append("unclosed " + ",".join(p.stack))
      print("\\n".join(p.problems[:10])); sys.exit(1 if p.problems else 0)
      """
    let (status, problems) = try CIOutputTests.shell(["python3", "-c", checker, page.path])
    #expect(status == 0, "index.html: \(problems)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(!html.lowercased().contains("<script"))
    var charts = 0
    var rest = Substring(html)
    while let start = rest.range(of: "<svg role=\"img\""),
      let end = rest[start.lowerBound...].range(of: "</svg>")
    {
      let svg = String(rest[start.lowerBound..<end.upperBound])
      rest = rest[end.upperBound...]
      let document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
        + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
        + svg.replacingOccurrences(of: "role=\"img\" ", with: "").replacingOccurrences(
          of: #"aria-labelledby="[^"]*" "#, with: "", options: .regularExpression)
      let report = SVGValidator(options: .init(strict: false)).validate(document, fileName: "chart")
      #expect(report.isValid, "\(report.errors.map { $0.textLine(fileName: "chart") })")
      charts += 1
    }
    #expect(charts >= 1, "a trend chart per template")
  }
}
