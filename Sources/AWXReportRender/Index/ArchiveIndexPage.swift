import AWXReportModel
import AWXReportTemplate

/// Renders `index.html` from `templates/index.html.mustache`: a self-contained, script-free
/// page (inline CSS and SVG, no request) with the figures per template, a trend chart each,
/// every run newest first (linking to its `report.html`) and the jobs that failed to archive.
package struct ArchiveIndexPage: Sendable {
  /// The page template's name in the library.
  package static let pageTemplate = "index.html.mustache"

  package let templates: TemplateLibrary

  package init(templates: TemplateLibrary) { self.templates = templates }

  /// One template's chart: its id prefix and the standalone SVG document.
  package struct Chart: Sendable {
    package var templateKey: String
    package var id: String
    package var svg: String
  }

  /// The trend chart of every template that has runs with a start and a duration.
  package static func charts(_ index: ArchiveIndex) -> [Chart] {
    index.templates.enumerated().compactMap { k, t in
      let id = "ix-chart-\(k + 1)"
      let title = "Duration of \(t.name) runs over time, by status"
      return TrendChartSVG.render(t.entries, title: title, idPrefix: id).map {
        Chart(templateKey: t.entries[0].templateKey, id: id, svg: $0)
      }
    }
  }

  /// The page. `charts` are the documents from ``charts(_:)`` (validated by the caller).
  package func render(_ index: ArchiveIndex, charts: [Chart]) throws(TemplateError) -> String {
    try templates.render(Self.pageTemplate, Self.viewModel(index, charts: charts))
  }

  static func viewModel(_ index: ArchiveIndex, charts: [Chart]) -> TemplateValue {
    let byKey = Dictionary(charts.map { ($0.templateKey, $0) }) { a, _ in a }
    let templates = index.templates.enumerated().map { k, t -> TemplateValue in
      var value = figures(t.figures)
      value["anchor"] = .string("template-\(k + 1)")
      value["name"] = .string(HTMLText.line(t.name))
      value["templateID"] = TemplateValue(t.templateID)
      if let chart = byKey[t.entries[0].templateKey] {
        let ids = TrendChartSVG.ids(chart.id)
        value["chart"] = .string(
          SVGInlining.inline(chart.svg, labelledBy: "\(ids.title) \(ids.desc)"))
      }
      return .object(value)
    }
    let runs = index.entries.map { e -> TemplateValue in
      let state = Palette.state(of: JobStatus(e.status))
      return [
        "id": .int(e.id),
        "report": e.hasReport ? .string("\(e.directory)/report.html") : .null,
        "name": .string(HTMLText.line(e.name)),
        "template": .string(HTMLText.line(e.templateName ?? "(no template)")),
        "status": .string(HTMLText.line(e.status)),
        "statusClass": .string("state-" + state.rawValue),
        "statusSymbol": .string(Palette.symbol(state)),
        "launchType": .string(HTMLText.line(e.launchType)),
        "launchedBy": .string(HTMLText.line(e.launchedBy ?? "")),
        "started": TemplateValue(e.started.map(\.display)),
        "startedISO": TemplateValue(e.started.map(\.iso8601)),
        "elapsed": TemplateValue(e.elapsed.map(ElapsedFormat.clock)),
        "unhandled": .int(e.unhandledFailures),
      ]
    }
    let failures = index.failures.map { f -> TemplateValue in
      ["id": .int(f.id), "reason": .string(HTMLText.line(f.reason))]
    }
    var totals = figures(index.totals)
    totals["templates"] = .int(index.templates.count)
    return [
      "title": .string(
        "AWX workflow archive: \(index.entries.count) run\(index.entries.count == 1 ? "" : "s")"),
      "heading": .string(
        "\(index.entries.count) archived run\(index.entries.count == 1 ? "" : "s")"),
      "totals": .object(totals),
      "templates": .list(templates),
      "runs": .list(runs),
      "hasRuns": .bool(!runs.isEmpty),
      "failures": .list(failures),
      "failureCount": .int(failures.count),
      "hasFailures": .bool(!failures.isEmpty),
      "generated": TemplateValue(index.generatedAt.map(\.display)),
      "tool": .string(index.tool),
    ]
  }

  static func figures(_ f: RunFigures) -> TemplateObject {
    [
      "runs": .int(f.runs),
      "successful": .int(f.successful),
      "successRate": .string(NumberFormat.decimal(f.successRate * 100, places: 1) + " %"),
      "median": .string(f.medianElapsed.map(ElapsedFormat.clock) ?? "–"),
      "p95": .string(f.p95Elapsed.map(ElapsedFormat.clock) ?? "–"),
    ]
  }
}
