import AWXReportModel
import AWXReportTemplate
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportRender

/// A small stand-in for the graph SVG, so the report's golden file does not change whenever the
/// graph drawing does.
let fakeGraphSVG = """
  <?xml version="1.0" encoding="UTF-8" standalone="no"?>
  <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
  <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="120.0" height="40.0" viewBox="0 0 120 40">
  <title id="g-title">graph</title>
  <rect x="1" y="1" width="118" height="38" fill="#ffffff" stroke="#000000"/>
  </svg>

  """

/// The example's report input, with fixed footer facts.
func exampleReportInput(redact: Bool = true, graph: String? = fakeGraphSVG) throws
  -> HTMLReportInput
{
  let tree = try exampleTree()
  return HTMLReportInput(
    tree: tree, host: "https://awx.example.com", graphSVG: graph,
    timelineSVG: TimelineSVG.render(tree),
    snapshotSHA256: String(repeating: "ab", count: 32),
    generatedAt: Timestamp(iso8601: "2026-11-27T10:15:42Z") ?? Timestamp(seconds: 0),
    toolVersion: "awx-report 0.1.0", redact: redact)
}

func renderReport(_ input: HTMLReportInput) throws -> String {
  try HTMLReport(templates: try ReportTemplates.library(overrideDirectory: nil)).render(input)
}

/// Checks that every element opened in `html` is closed in order (void elements aside); returns
/// the first problem, or nil. Raw text of `<style>` is skipped; comments are skipped.
func tagBalanceProblem(_ html: String) -> String? {
  let void: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
  ]
  var stack: [String] = []
  var rest = Substring(html)
  while let open = rest.firstIndex(of: "<") {
    rest = rest[open...]
    if rest.hasPrefix("<!--") {
      guard let end = rest.firstRange(of: "-->") else { return "unclosed comment" }
      rest = rest[end.upperBound...]
      continue
    }
    if rest.hasPrefix("<!") {
      guard let end = rest.firstIndex(of: ">") else { return "unclosed doctype" }
      rest = rest[rest.index(after: end)...]
      continue
    }
    guard let end = rest.firstIndex(of: ">") else { return "unclosed tag" }
    let tag = rest[rest.index(after: rest.startIndex)..<end]
    rest = rest[rest.index(after: end)...]
    let closing = tag.hasPrefix("/")
    let name = String(
      tag.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }
    ).lowercased()
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
      return "malformed tag <\(tag.prefix(40))>"
    }
    if closing {
      guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
      stack.removeLast()
    } else if tag.hasSuffix("/") || void.contains(name) {
      continue
    } else if name == "style" {
      guard let close = rest.firstRange(of: "</style>") else { return "unclosed style" }
      rest = rest[close.upperBound...]
    } else {
      stack.append(name)
    }
  }
  return stack.isEmpty ? nil : "unclosed: \(stack.joined(separator: " "))"
}

@Suite("HTML report")
struct HTMLReportTests {
  @Test("the example report matches its golden file")
  func golden() throws {
    try assertGolden(try renderReport(try exampleReportInput()), named: "example.report.html")
  }

  @Test("same input, same bytes")
  func deterministic() throws {
    let a = try renderReport(try exampleReportInput())
    let b = try renderReport(try exampleReportInput())
    #expect(a == b)
  }

  @Test("every section is there, with landmarks and a table of contents")
  func sections() throws {
    let html = try renderReport(try exampleReportInput())
    for id in [
      "summary", "graph-view", "timeline", "failures", "nodes", "approvals", "nested",
      "variables", "notifications", "activity",
    ] {
      #expect(html.contains("<section id=\"\(id)\""), "section \(id)")
      #expect(html.contains("<a href=\"#\(id)\">"), "toc entry \(id)")
    }
    for landmark in ["<header", "<nav", "<main", "<footer"] {
      #expect(html.contains(landmark))
    }
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(tagBalanceProblem(html) == nil, "\(tagBalanceProblem(html) ?? "")")
  }

  @Test("header: name, id, status badge, facts and the AWX link")
  func header() throws {
    let html = try renderReport(try exampleReportInput())
    #expect(html.contains("<h1>Deploy web platform <span class=\"job-id\">#4711</span></h1>"))
    #expect(html.contains("class=\"badge state-failed\""))
    #expect(html.contains("href=\"https://awx.example.com/#/jobs/workflow/4711/output\""))
    #expect(html.contains("alice (user)"))
    #expect(html.contains("00:42:41"))
  }

  @Test("summary: counts, verdict, no disagreement warning for the example")
  func summary() throws {
    let html = try renderReport(try exampleReportInput())
    #expect(html.contains("<strong>Verdict:</strong> failed: 1 unhandled failure"))
    #expect(
      html.contains(
        "<span class=\"n\">9</span> <span class=\"sym\" aria-hidden=\"true\">✔</span> successful"))
    #expect(!html.contains("disagrees with AWX"))
  }

  @Test("the disagreement warning appears when the analysis and AWX differ")
  func disagreement() throws {
    var input = try exampleReportInput()
    var run = input.tree.run
    run.job.status = .successful
    input.tree = try AnalyzedRun(run)
    #expect(!input.tree.analysis.verdict.agreesWithAWX)
    let html = try renderReport(input)
    #expect(html.contains("The analysis disagrees with AWX"))
  }

  @Test("failure analysis: path, explanation, handlers and never-run reasons")
  func failures() throws {
    let html = try renderReport(try exampleReportInput())
    #expect(html.contains("START → sync-project"))
    #expect(html.contains("No error handling paths found, marking workflow as failed"))
    #expect(html.contains("restore-db</a>: ran and succeeded"))
    #expect(html.contains("parent &#39;smoke-tests&#39; failed; this node runs only on success"))
    #expect(html.contains("its parent &#39;rollback-infra&#39; never ran"))
  }

  @Test("node table: topological order, links, critical marks, ALL")
  func nodes() throws {
    let tree = try exampleTree()
    let (run, analysis) = (tree.run, tree.analysis)
    let html = try renderReport(try exampleReportInput())
    var last = html.startIndex
    for id in analysis.graph.topologicalOrder {
      let r = try #require(html.range(of: "<tr id=\"row-\(id)\""))
      #expect(r.lowerBound > last, "row \(id) out of order")
      last = r.lowerBound
    }
    #expect(html.contains("href=\"https://awx.example.com/#/jobs/playbook/9109/output\""))
    #expect(html.contains("href=\"https://awx.example.com/#/workflow_approvals/9105/details\""))
    #expect(html.contains("href=\"https://awx.example.com/#/jobs/project/9101/output\""))
    let critical = html.components(separatedBy: "<tr id=\"row-").filter {
      $0.hasPrefix("3") && $0.contains("class=\"critical\"")
    }
    #expect(critical.count == analysis.criticalPath.count)
    #expect(html.contains("<span class=\"all-badge\">ALL</span>"))
    #expect(run.nodes.count == 17)
  }

  @Test("approvals, nested workflows, labels, notifications, activity")
  func auditSections() throws {
    let html = try renderReport(try exampleReportInput())
    #expect(html.contains("approve-prod</a>"))
    #expect(html.contains("<td>bob</td>"))
    #expect(html.contains("id=\"nested-4712\""))
    #expect(html.contains("<tr id=\"row-4712-401\""))
    #expect(html.contains("<li class=\"label\">release-2.14</li>"))
    #expect(html.contains("Read timed out"))
    #expect(html.contains("#deploys on Slack"))
    #expect(html.contains("associate"))
  }

  @Test("graph and timeline are inlined without prolog and with a text alternative")
  func drawings() throws {
    let html = try renderReport(try exampleReportInput())
    #expect(!html.contains("<?xml"))
    #expect(!html.contains("<!DOCTYPE svg"))
    #expect(html.contains("<svg role=\"img\" aria-label=\"Graph of workflow job 4711"))
    #expect(html.contains("<svg role=\"img\" aria-labelledby=\"tl-title tl-desc\""))
    #expect(html.contains("<figcaption>"))
  }

  @Test("missing drawings are explained")
  func missingDrawings() throws {
    var input = try exampleReportInput(graph: nil)
    input.timelineSVG = nil
    let html = try renderReport(input)
    #expect(html.contains("The graph is unavailable for this report."))
    #expect(html.contains("The timeline is not available for this report."))
  }

  @Test("the page makes no request and runs no script")
  func selfContained() throws {
    let html = try renderReport(try exampleReportInput())
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("url(http"))
    #expect(!html.contains("@import"))
    #expect(!html.contains("<link"))
    #expect(!html.contains(" on") || !html.contains(" onload="))
  }

  @Test("extra_vars are redacted; --no-redact shows them")
  func variables() throws {
    let redacted = try renderReport(try exampleReportInput())
    #expect(redacted.contains("&quot;api_token&quot;: &quot;$redacted$&quot;"))
    #expect(redacted.contains("&quot;webhook_secret&quot;: &quot;$redacted$&quot;"))
    #expect(redacted.contains("&quot;db_password&quot;: &quot;$encrypted$&quot;"))
    #expect(!redacted.contains("hunter2"))
    #expect(!redacted.contains("tok-8f31c2e9a4b7d6"))
    #expect(redacted.contains("&quot;deploy_stage&quot;: &quot;prod&quot;"))
    let plain = try renderReport(try exampleReportInput(redact: false))
    #expect(plain.contains("hunter2"))
    #expect(plain.contains("tok-8f31c2e9a4b7d6"))
  }

  @Test("invalid extra_vars are shown verbatim, escaped, with a note")
  func invalidVariables() throws {
    var input = try exampleReportInput()
    var run = input.tree.run
    run.job.extraVars = "password: <b>hunter2</b>"
    input.tree = try AnalyzedRun(run)
    let html = try renderReport(input)
    #expect(html.contains("extra_vars is not valid JSON"))
    #expect(html.contains("password: &lt;b&gt;hunter2&lt;/b&gt;"))
  }

  @Test("a host that is not http(s) gives no links")
  func hostileHost() throws {
    var input = try exampleReportInput()
    input.host = "javascript:alert(1)//"
    let html = try renderReport(input)
    #expect(!html.contains("href=\"javascript"))
    #expect(!html.contains("href=\"http"))
  }
}

@Suite("HTML report times")
struct HTMLTimeTests {
  @Test(
    "TimeText agrees with Timestamp",
    arguments: [
      "2026-11-27T09:00:03.512211Z", "2026-11-27T09:00:03Z", "1969-12-31T23:59:59.999999Z",
      "2000-02-29T00:00:00.001Z", "1970-01-01T00:00:00Z", "2400-12-31T23:59:59.5Z",
    ])
  func agrees(text: String) throws {
    let t = try #require(Timestamp(iso8601: text))
    let tt = TimeText(t)
    #expect(tt.display == t.display)
    #expect(tt.day + "T" + tt.clock == String(t.iso8601.prefix(19)))
    let back = try #require(Timestamp(iso8601: tt.iso))
    #expect(back.microseconds / 1000 == Int64((Double(t.microseconds) / 1000).rounded(.down)))
  }
}
