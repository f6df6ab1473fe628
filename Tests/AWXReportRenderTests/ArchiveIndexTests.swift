import AWXReportJSON
import AWXReportModel
import AWXReportRender
import AWXReportValidate
import Foundation
import Testing

@Suite struct ArchiveIndexTests {
  static func t(_ day: Int, _ hour: Int = 0) -> Timestamp {
    Timestamp(seconds: 1_727_740_800 + Int64(day) * 86_400 + Int64(hour) * 3600)  // 2024-10-01
  }

  /// Template 1 "Deploy": 4 runs, 3 successful, durations 10, 20, 30, 40 (p95 by nearest rank:
  /// the 4th). Template 2 "Backup": 20 runs of 1…20 s, one failed, one error, one with no
  /// duration (left out of the figures, still a run). One run of no template.
  static func entries() -> [ArchiveEntry] {
    var e: [ArchiveEntry] = []
    for (k, (d, status)) in [
      (10.0, "successful"), (20, "failed"), (30, "successful"), (40, "successful"),
    ]
    .enumerated() {
      e.append(
        ArchiveEntry(
          id: 100 + k, name: "Deploy", templateID: 1, templateName: "Deploy", status: status,
          started: t(k), elapsed: d, unhandledFailures: status == "failed" ? 2 : 0,
          fetchedAt: t(30)))
    }
    for k in 1...20 {
      e.append(
        ArchiveEntry(
          id: 200 + k, name: "Backup", templateID: 2, templateName: "Backup",
          status: k == 5 ? "failed" : k == 6 ? "error" : "successful", started: t(k, 1),
          elapsed: Double(k), fetchedAt: t(31)))
    }
    e.append(
      ArchiveEntry(
        id: 221, name: "Backup", templateID: 2, templateName: "Backup", status: "canceled",
        started: nil, elapsed: nil))
    e.append(
      ArchiveEntry(id: 300, name: "bulk <b>&", status: "successful", started: t(3), elapsed: 5))
    return e
  }

  @Test("success rate, median and 95th percentile per template and overall")
  func figures() throws {
    let index = ArchiveIndex(
      entries: Self.entries(),
      failures: [
        .init(id: 7, reason: "HTTP 403"), .init(id: 3, reason: "x"), .init(id: 7, reason: "y"),
      ],
      tool: "awx-report test")
    #expect(index.entries.map(\.id) == index.entries.map(\.id).sorted(by: >))
    #expect(index.templates.map(\.name) == ["(no template)", "Backup", "Deploy"])
    let deploy = try #require(index.templates.first { $0.name == "Deploy" }?.figures)
    #expect(deploy.runs == 4 && deploy.successful == 3 && deploy.successRate == 0.75)
    #expect(deploy.medianElapsed == 25 && deploy.p95Elapsed == 40)
    let backup = try #require(index.templates.first { $0.name == "Backup" }?.figures)
    #expect(backup.runs == 21 && backup.successful == 18)
    #expect(backup.medianElapsed == 10.5, "the mean of the 10th and 11th of 20")
    #expect(backup.p95Elapsed == 19, "nearest rank: ceil(0.95 × 20) = 19th")
    #expect(backup.statuses == ["successful": 18, "failed": 1, "error": 1, "canceled": 1])
    #expect(index.totals.runs == 26 && index.totals.successful == 22)
    // 25 durations: 1…20, 10, 20, 30, 40, 5 → sorted, the 13th (11) is the median, the 24th the p95.
    #expect(index.totals.medianElapsed == 11 && index.totals.p95Elapsed == 30)
    #expect(index.failures == [.init(id: 3, reason: "x"), .init(id: 7, reason: "HTTP 403")])
    #expect(index.generatedAt == Self.t(31))

    #expect(RunFigures.percentile([1], 0.95) == 1)
    #expect(RunFigures.percentile([], 0.95) == nil && RunFigures.median([]) == nil)
    #expect(RunFigures.median([3, 5, 9]) == 5)
    #expect(RunFigures([]).successRate == 0)
  }

  @Test("index.json carries the same figures, keys sorted, numbers fixed")
  func json() throws {
    let index = ArchiveIndex(entries: Self.entries(), failures: [], tool: "awx-report test")
    let value = try JSONParser.parse(Array(ArchiveIndexJSON.render(index).utf8))
    let deploy = try #require(value["templates"]?.array?.first { $0["name"]?.string == "Deploy" })
    #expect(deploy["success_rate"] == .number("0.75"))
    #expect(deploy["median_elapsed"] == .number("25") && deploy["p95_elapsed"] == .number("40"))
    #expect(deploy["run_ids"] == .array([103, 102, 101, 100].map { .number(String($0)) }))
    #expect(value["totals"]?["success_rate"] == .number("0.8462"))
    let run = try #require(value["runs"]?.array?.first { $0["id"]?.int == 101 })
    #expect(run["unhandled_failures"] == .number("2"))
    #expect(run["report"]?.string == "workflow-job-101/report.html")
    #expect(value["schema"]?.string == "awx-report/index/1")
  }

  @Test("each trend chart is valid SVG 1.1; the page escapes names and has no script")
  func chartAndPage() throws {
    var entries = Self.entries()
    entries[0].templateName = "Deploy <script>alert(1)</script> \u{202E}"
    let index = ArchiveIndex(
      entries: entries, failures: [.init(id: 9, reason: "<b>x</b>")], tool: "t")
    let charts = ArchiveIndexPage.charts(index)
    #expect(charts.count == 3)
    for chart in charts {
      let report = SVGValidator().validate(chart.svg, fileName: chart.id)
      #expect(report.isValid, "\(report.errors.map { $0.textLine(fileName: chart.id) })")
      #expect(!chart.svg.contains("<script"))
    }
    let templates = try ReportTemplates.library(overrideDirectory: nil)
    let html = try ArchiveIndexPage(templates: templates).render(index, charts: charts)
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("&lt;b&gt;x&lt;/b&gt;"))
    #expect(!html.unicodeScalars.contains("\u{202E}"))
    #expect(html.contains("<a href=\"workflow-job-221/report.html\">221</a>"))
    #expect(html.contains("84.6 %"))
  }
}
