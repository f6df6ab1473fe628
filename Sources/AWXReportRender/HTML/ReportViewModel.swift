import AWXReportModel
import AWXReportTemplate

/// Turns an ``HTMLReportInput`` into the `TemplateValue` the report templates read. All
/// decisions about what to show live here; the templates only lay it out.
///
/// Every API string is cleaned (``HTMLText/clean(_:)``) and cut for display here; escaping is
/// left to the template engine's `{{…}}`, except for the two SVGs, which arrive as markup.
struct ReportViewModel {
  let input: HTMLReportInput
  let links: AWXLinks
  /// Display names by node id, for the top-level run.
  let names: [Int: String]
  /// The top-level run's nodes by id.
  let byID: [Int: WorkflowNode]
  /// `YYYY-MM-DD` of the workflow's start (or creation), for short times in tables.
  let referenceDay: String
  /// Whether the run counts as large (``NodeGrouping/isLarge(_:)``): its node table and
  /// timeline are then grouped into `<details>` sections.
  let isLarge: Bool

  init(_ input: HTMLReportInput) {
    self.input = input
    self.links = AWXLinks(host: input.host)
    let run = input.tree.run
    self.names = Dictionary(run.nodes.map { ($0.id, HTMLText.line($0.displayName)) }) {
      a, _ in a
    }
    self.byID = Dictionary(run.nodes.map { ($0.id, $0) }) { a, _ in a }
    let first =
      run.job.started ?? run.job.created
      ?? input.tree.analysis.nodes.values.compactMap(\.started).min()
    self.referenceDay = first.map { TimeText($0).day } ?? "-"
    self.isLarge = NodeGrouping.isLarge(input.tree)
  }

  var run: WorkflowRun { input.tree.run }
  var analysis: RunAnalysis { input.tree.analysis }

  /// The root value of `report.html.mustache`.
  var value: TemplateValue {
    [
      "title": .string("\(HTMLText.line(run.job.name)) · workflow job \(run.job.id)"),
      "workflow": workflow,
      "summary": summary,
      "graph": graph,
      "timeline": timeline,
      "failures": failures,
      "nodes": isLarge ? .list([]) : .list(analysis.graph.topologicalOrder.compactMap(nodeRow)),
      "nodeGroups": isLarge ? nodeGroups(run, analysis, nestedIn: nil) : .null,
      "nodesGrouped": .bool(isLarge),
      "approvals": approvals,
      "nested": nested,
      "variables": variables,
      "audit": audit,
      "footer": footer,
    ]
  }

  // MARK: Header

  var workflow: TemplateValue {
    let job = run.job
    let state = Palette.state(of: job.status)
    var facts: [TemplateValue] = []
    func fact(_ label: String, _ value: TemplateValue) {
      facts.append(["label": .string(label), "value": value])
    }
    if let t = job.templateName {
      fact("Template", Self.text(t, limit: 120, extra: job.templateID.map { " (#\($0))" }))
    }
    fact("Launch type", Self.text(job.launchType, limit: 60))
    if let by = job.launchedBy {
      fact("Launched by", Self.text(by + (job.launchedByType.map { " (\($0))" } ?? ""), limit: 120))
    }
    fact("Started", time(job.started))
    fact("Finished", time(job.finished))
    fact(
      "Elapsed", .object(["text": .string(Self.elapsed(job.elapsed, job.started, job.finished))]))
    if let o = job.organizationName { fact("Organization", Self.text(o, limit: 120)) }
    if let i = job.inventoryName { fact("Inventory", Self.text(i, limit: 120)) }
    if let l = job.limit, !l.isEmpty { fact("Limit", Self.text(l, limit: 200)) }
    if let b = job.scmBranch, !b.isEmpty { fact("SCM branch", Self.text(b, limit: 120)) }
    if let p = job.sourceWorkflowJobID {
      fact("Launched by workflow job", .object(["text": .string(String(p))]))
    }
    fact("AWX host", Self.text(input.host, limit: 120))
    return [
      "id": .int(job.id),
      "name": Self.text(job.name, limit: 200),
      "description": job.description.isEmpty ? .null : Self.text(job.description, limit: 500),
      "status": .string(job.status.rawValue),
      "statusClass": .string("state-" + state.rawValue),
      "statusSymbol": .string(state.symbol),
      "url": TemplateValue(links.workflow(job.id)),
      "facts": .list(facts),
    ]
  }

  // MARK: Summary

  var summary: TemplateValue {
    let counts = NodeState.allCases.compactMap { state -> TemplateValue? in
      guard let n = analysis.counts[state], n > 0 else { return nil }
      return [
        "label": .string(state.label), "symbol": .string(state.symbol), "count": .int(n),
        "class": .string("state-" + state.rawValue),
      ]
    }
    let verdict = analysis.verdict
    let critical = analysis.criticalPath.compactMap { names[$0] }
    return [
      "total": .int(run.nodes.count),
      "counts": .list(counts),
      "verdict": .string(HTMLText.line(Narrative.verdict(analysis, job: run.job))),
      "verdictClass": .string("state-" + Palette.state(of: verdict.status).rawValue),
      "disagrees": .bool(!verdict.agreesWithAWX),
      "awxStatus": .string(run.job.status.rawValue),
      "unhandledCount": .int(verdict.unhandledFailures.count),
      "handledCount": .int(verdict.handledFailures.count),
      "unhandledLinks": failureLinks(verdict.unhandledFailures, limit: 12),
      "handledLinks": failureLinks(verdict.handledFailures, limit: 12),
      // A long path reads as its ends; the node table marks every node on it.
      "criticalPath": critical.isEmpty
        ? .null : .string(ChainText.joined(critical, keep: 10, longerThan: 12)),
    ]
  }

  /// Up to `limit` failed nodes as links to their rows, and how many more there are: so the
  /// failures of a large run are one click away from the top of the page.
  func failureLinks(_ ids: [Int], limit: Int) -> TemplateValue {
    let shown = Array(ids.prefix(limit))
    let items = shown.enumerated().map { k, id -> TemplateValue in
      [
        "name": .string(names[id] ?? "node \(id)"),
        "anchor": .string(NodeAnchor.row(nodeID: id)),
        "last": .bool(k == shown.count - 1),
      ]
    }
    return [
      "any": .bool(!ids.isEmpty),
      "items": .list(items),
      "more": ids.count > limit ? .string(MarkdownEscaping.grouped(ids.count - limit)) : .null,
    ]
  }

  // MARK: Drawings

  var graph: TemplateValue {
    guard let svg = input.graphSVG else { return ["available": false] }
    let label = "Graph of workflow job \(run.job.id): nodes coloured by state, edges by kind"
    var value: [String: TemplateValue] = [
      "available": true,
      "svg": .string(
        SVGInlining.inline(svg, ariaLabel: label, legibleFontSize: SVGGraphWriter.nameSize)),
      "large": .bool(input.focus != nil),
    ]
    if let focus = input.focus {
      let focusLabel =
        "Failure focus of workflow job \(run.job.id): the \(focus.shown) of \(focus.total) nodes"
        + " that explain its outcome"
      value["focus"] = [
        "svg": .string(
          SVGInlining.inline(
            focus.svg, ariaLabel: focusLabel, legibleFontSize: SVGGraphWriter.nameSize)),
        "shown": .string(MarkdownEscaping.grouped(focus.shown)),
        "total": .string(MarkdownEscaping.grouped(focus.total)),
        "shortened": .bool(focus.shortened),
      ]
    }
    return .object(TemplateObject(value))
  }

  var timeline: TemplateValue {
    guard let svg = input.timelineSVG else {
      let started = analysis.nodes.values.contains { $0.started != nil }
      return [
        "available": false,
        "note": .string(
          started
            ? "The timeline is not available for this report."
            : "No job of this workflow has started yet, so there is no timeline."),
      ]
    }
    let groups = input.timelineGroups.map { g -> TemplateValue in
      [
        "key": .string(g.group.rawValue),
        "heading": .string(g.group.title),
        "open": .bool(g.group.isOpen),
        "count": .int(g.rowCount),
        "drawn": .bool(!g.parts.isEmpty),
        "svgs": .list(
          g.parts.map {
            .string(
              SVGInlining.inline($0.svg, labelledBy: "\($0.idPrefix)-title \($0.idPrefix)-desc"))
          }),
      ]
    }
    return [
      "available": true,
      "grouped": groups.isEmpty ? .null : ["groups": .list(groups)],
      "svg": groups.isEmpty
        ? .string(
          SVGInlining.inline(svg, labelledBy: "\(TimelineSVG.titleID) \(TimelineSVG.descID)"))
        : .null,
    ]
  }

  // MARK: Footer

  var footer: TemplateValue {
    [
      "tool": .string(HTMLText.line(input.toolVersion)),
      "sha256": .string(HTMLText.line(input.snapshotSHA256)),
      "generatedAt": time(input.generatedAt),
      "redacted": .bool(input.redact),
    ]
  }

  // MARK: Helpers

  /// A display text object: `text`, and `title` (the full text) when it was cut.
  static func text(
    _ s: String, limit: Int, singleLine: Bool = true, extra: String? = nil
  ) -> TemplateValue {
    let d = DisplayText(s, limit: limit, singleLine: singleLine)
    return .object(["text": .string(d.shown + (extra ?? "")), "title": TemplateValue(d.full)])
  }

  /// A time object, or null: `iso` (for `datetime`, at most three fraction digits),
  /// `display` (date, time and zone) and `short` (the time alone when it falls on the
  /// workflow's first day, else date and time).
  func time(_ t: Timestamp?) -> TemplateValue {
    guard let t else { return .null }
    let text = TimeText(t)
    let short = text.day == referenceDay ? text.clock : text.day + " " + text.clock
    return .object([
      "iso": .string(text.iso), "display": .string(text.display), "short": .string(short),
    ])
  }

  /// `HH:MM:SS`, from AWX's seconds or the two timestamps; "—" when unknown.
  static func elapsed(_ seconds: Double?, _ start: Timestamp?, _ end: Timestamp?) -> String {
    if let s = seconds, s > 0 { return ElapsedFormat.clock(s) }
    if let a = start, let b = end { return ElapsedFormat.clock(a.seconds(until: b)) }
    return "—"
  }
}
