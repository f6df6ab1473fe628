import AWXReportFetch
import AWXReportJSON
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportCommand

/// The fake AWX server with generated workflow jobs, and what it holds.
struct JobsServer {
  static let token = "tok-list-Qx7-sekrit"
  let server: FakeAWXServer
  /// Every generated job's list item, by id.
  let jobs: [JSONValue]

  init(_ count: Int = 300, extra: [String] = []) throws {
    server = try FakeAWXServer(
      ["--jobs", String(count), "--token", Self.token] + extra, discardingErrors: true)
    jobs = try Self.get(server, "/_jobs").array ?? []
  }

  var environment: [String: String] {
    ["CONTROLLER_HOST": server.host, "CONTROLLER_TOKEN": Self.token]
  }

  static func get(_ server: FakeAWXServer, _ path: String) throws -> JSONValue {
    let settings = ConnectionSettings(
      origin: try ConnectionSettings.parseHost(server.host), credentials: .token("unused"),
      verifyTLS: false)
    return try JSONParser.parse(try CurlTransport(settings: settings).send(.get(path)).body)
  }

  /// The paths of the API requests the server received, in order.
  func requests() throws -> [String] {
    (try Self.get(server, "/_stats")["received"]?.array ?? []).compactMap { $0["path"]?.string }
  }

  /// Ids of the jobs `keep` selects, newest (latest created) first.
  func ids(_ keep: (JSONValue) -> Bool) -> [Int] {
    jobs.filter(keep)
      .sorted {
        ($0["created"]?.string ?? "", $1["id"]?.int ?? 0) > (
          $1["created"]?.string ?? "", $0["id"]?.int ?? 0
        )
      }
      .compactMap { $0["id"]?.int }
  }
}

func labels(_ job: JSONValue) -> [String] {
  (job["summary_fields"]?["labels"]?["results"]?.array ?? []).compactMap { $0["name"]?.string }
}

@Suite(.serialized) struct ListCommandTests {
  /// One filter case: the flags, the query parameters they must send, the jobs they select.
  struct Case: Sendable, CustomStringConvertible {
    var flags: [String]
    var parameters: [String]
    var keep: @Sendable (JSONValue) -> Bool
    var description: String { flags.joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(flags: [], parameters: ["order_by=-created", "page_size=200"], keep: { _ in true }),
    Case(flags: ["--status", "failed"], parameters: ["status=failed"]) {
      $0["status"]?.string == "failed"
    },
    Case(
      flags: ["--status", "failed", "--status", "error"], parameters: ["status__in=failed,error"]
    ) {
      ["failed", "error"].contains($0["status"]?.string ?? "")
    },
    Case(flags: ["--template", "40"], parameters: ["workflow_job_template=40"]) {
      $0["workflow_job_template"]?.int == 40
    },
    Case(
      flags: ["--template", "Patch Linux"],
      parameters: ["workflow_job_template__name=Patch%20Linux"]
    ) {
      $0["summary_fields"]?["workflow_job_template"]?["name"]?.string == "Patch Linux"
    },
    Case(
      flags: ["--since", "2024-10-01", "--until", "2024-10-15T12:00:00+02:00"],
      parameters: ["created__gte=2024-10-01T00%3A00%3A00Z", "created__lt=2024-10-15T10%3A00%3A00Z"]
    ) {
      let c = $0["created"]?.string ?? ""
      return c >= "2024-10-01T00:00:00Z" && c < "2024-10-15T10:00:00Z"
    },
    Case(flags: ["--launch-type", "scheduled"], parameters: ["launch_type=scheduled"]) {
      $0["launch_type"]?.string == "scheduled"
    },
    Case(
      flags: ["--launch-type", "webhook", "--launch-type", "relaunch"],
      parameters: ["launch_type__in=webhook,relaunch"]
    ) { ["webhook", "relaunch"].contains($0["launch_type"]?.string ?? "") },
    Case(flags: ["--label", "prod"], parameters: ["labels__name=prod"]) {
      labels($0).contains("prod")
    },
    Case(flags: ["--name", "HOTFIX"], parameters: ["name__icontains=HOTFIX"]) {
      ($0["name"]?.string ?? "").lowercased().contains("hotfix")
    },
    Case(
      flags: [
        "--status", "successful", "--template", "39", "--label", "nightly", "--launch-type",
        "manual",
      ],
      parameters: [
        "status=successful", "workflow_job_template=39", "labels__name=nightly",
        "launch_type=manual",
      ]
    ) {
      $0["status"]?.string == "successful" && $0["workflow_job_template"]?.int == 39
        && labels($0).contains("nightly") && $0["launch_type"]?.string == "manual"
    },
  ]

  @Test("each filter goes to AWX as its query parameters and lists exactly the jobs it selects")
  func filters() throws {
    let s = try JobsServer()
    #expect(s.jobs.count == 300)
    for c in Self.cases {
      let r = try awxReport(
        ["list", "--format", "ids", "-v"] + c.flags, environment: s.environment)
      #expect(r.status == 0, "\(c): \(r.stderr)")
      let got = r.stdout.split(separator: "\n").compactMap { Int($0) }
      let expected = s.ids(c.keep)
      #expect(!expected.isEmpty, "\(c): the generated jobs should include some")
      #expect(got == expected, "\(c)")
      let listRequests = r.stderr.split(separator: "\n").filter { $0.contains("/workflow_jobs/?") }
      #expect(listRequests.count == (expected.count + 199) / 200, "\(c): one request per page")
      for p in c.parameters + ["page_size=200"] {
        #expect(
          listRequests.first?.contains(p) == true, "\(c): \(p) in \(listRequests.first ?? "")")
      }
    }
  }

  @Test("--limit stops following pages once it has enough; a relative --since counts back from now")
  func limitAndRelative() throws {
    let s = try JobsServer()
    let r = try awxReport(
      ["list", "--format", "ids", "--limit", "3", "-v"], environment: s.environment)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.split(separator: "\n").compactMap { Int($0) } == Array(s.ids { _ in true }.prefix(3))
    )
    #expect(r.stderr.split(separator: "\n").filter { $0.contains("/workflow_jobs/?") }.count == 1)
    // The generated jobs are from 2024: none is less than a week old.
    let recent = try awxReport(
      ["list", "--since", "7d", "--format", "ids"], environment: s.environment)
    #expect(recent.status == 0 && recent.stdout.isEmpty, "\(recent.stderr)")
  }

  @Test("bad filter values are usage errors (64), named")
  func badValues() throws {
    for flags in [
      ["--status", "done"], ["--launch-type", "cron"], ["--since", "yesterday"], ["--limit", "0"],
      ["--order", "created;drop"], ["--format", "xml"],
    ] {
      let r = try awxReport(["list", "--host", "http://127.0.0.1:9"] + flags)
      #expect(r.status == 64, "\(flags): \(r.stderr)")
    }
  }

  @Test("every format escapes the hostile launcher name for where it goes")
  func formatsEscape() throws {
    let s = try JobsServer(20)
    func list(_ format: String) throws -> String {
      let r = try awxReport(["list", "--format", format], environment: s.environment)
      #expect(r.status == 0, "\(r.stderr)")
      return r.stdout
    }
    let hostile = "=HYPERLINK(\"x\"),\tme\u{1B}]0;pwn\u{07}\u{1B}[31m red\nline2\u{202E}"

    let table = try list("table")
    #expect(!table.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!table.unicodeScalars.contains("\u{202E}"))
    #expect(table.split(separator: "\n").count == 21, "one line per job, plus the header")
    #expect(table.contains("=HYPERLINK(\"x\"), me red line2"))

    let json = try JSONParser.parse(Array(try list("json").utf8))
    let job = json.array?.first { $0["id"]?.int == 2001 }
    #expect(job?["launched_by"]?.string == hostile, "JSON keeps the text exactly")
    #expect(json.array?.count == 20)

    let tsv = try list("tsv")
    let tsvLines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(tsvLines.count == 22 && tsvLines.last == "")
    #expect(
      tsvLines.allSatisfy {
        $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 || $0.isEmpty
      })
    #expect(tsv.contains("=HYPERLINK(\"x\"),\\tme\u{1B}]0;pwn\u{07}\u{1B}[31m red\\nline2"))

    // CSV, read back by Python's csv module: the text comes back, behind a ' that stops a
    // spreadsheet from running it as a formula.
    let csvFile = try temporaryDirectory().appendingPathComponent("jobs.csv")
    defer { try? FileManager.default.removeItem(at: csvFile.deletingLastPathComponent()) }
    try Data(try list("csv").utf8).write(to: csvFile)
    let (status, out) = try CIOutputTests.shell([
      "python3", "-c",
      "import csv,json,sys; rows=list(csv.reader(open(sys.argv[1],newline=''))); "
        + "print(json.dumps([len(rows), sorted({len(r) for r in rows}), [r[4] for r in rows if r[0]=='2001']]))",
      csvFile.path,
    ])
    #expect(status == 0, "\(out)")
    let parsed = try JSONParser.parse(Array(out.utf8))
    #expect(parsed.array?[0].int == 21)
    #expect(parsed.array?[1] == .array([.number("7")]))
    #expect(parsed.array?[2].array?.first?.string == "'" + hostile)

    let ids = try list("ids")
    #expect(
      ids.split(separator: "\n").count == 20
        && ids.split(separator: "\n").allSatisfy { Int($0) != nil })
  }

  @Test("CSV and TSV cells, unit by unit")
  func cells() {
    #expect(JobListFormat.csvCell("plain", isNumber: false) == "plain")
    #expect(JobListFormat.csvCell("a,b", isNumber: false) == "\"a,b\"")
    #expect(JobListFormat.csvCell("say \"hi\"", isNumber: false) == "\"say \"\"hi\"\"\"")
    #expect(JobListFormat.csvCell("a\r\nb", isNumber: false) == "\"a\r\nb\"")
    #expect(JobListFormat.csvCell("-1+2", isNumber: false) == "'-1+2")
    #expect(JobListFormat.csvCell("@SUM(A1)", isNumber: false) == "'@SUM(A1)")
    #expect(JobListFormat.csvCell("-1.5", isNumber: true) == "-1.5")
    #expect(JobListFormat.tsvCell("a\tb\\c\nd\re", isNumber: false) == "a\\tb\\\\c\\nd\\re")
    #expect(JobListFormat.terminal("a\u{1B}[31mb\u{9B}2Jc\u{07}\u{202E}d\te") == "abcd e")
  }
}
