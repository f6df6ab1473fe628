import AWXReportModel
import AWXReportTemplate

/// `diff.html`: a ``RunDiff`` as a self-contained page (no scripts, nothing loaded), through
/// `templates/diff.html.mustache` and the report's CSS: both runs' headers side by side, the
/// verdict change, the union graph coloured by change, then the tables, most decisive first;
/// each nested workflow's diff follows with the same tables.
package enum DiffHTML {
  package static let pageTemplate = "diff.html.mustache"

  /// What the page needs besides the diff.
  package struct Input: Sendable {
    package var diff: RunDiff
    /// The union graph's SVG document (validated by the caller).
    package var graphSVG: String
    package var tool: String
    package var generatedAt: Timestamp
    package var redacted: Bool
    /// The snapshots' SHA-256 digests.
    package var sha256A: String
    package var sha256B: String

    package init(
      diff: RunDiff, graphSVG: String, tool: String, generatedAt: Timestamp, redacted: Bool,
      sha256A: String, sha256B: String
    ) {
      self.diff = diff
      self.graphSVG = graphSVG
      self.tool = tool
      self.generatedAt = generatedAt
      self.redacted = redacted
      self.sha256A = sha256A
      self.sha256B = sha256B
    }
  }

  package static func render(_ input: Input, templates: TemplateLibrary) throws(TemplateError)
    -> String
  {
    try templates.render(pageTemplate, value(input))
  }

  static func value(_ input: Input) -> TemplateValue {
    let d = input.diff
    let ja = d.a.shown.job
    let jb = d.b.shown.job
    let svg = input.graphSVG
    let body = svg.firstRange(of: "<svg").map { String(svg[$0.lowerBound...]) } ?? ""
    var sections: [TemplateValue] = []
    collect(d, heading: nil, into: &sections)
    return [
      "title": .string("Diff of workflow jobs \(ja.id) and \(jb.id) · \(line(jb.name))"),
      "runs": [header(d.a.shown, "A", "reference"), header(d.b.shown, "B", "under study")],
      "sameTemplate": .bool(d.sameTemplate),
      "templateA": .string(line(ja.templateName ?? "deleted template")),
      "templateB": .string(line(jb.templateName ?? "deleted template")),
      "verdict": verdict(d),
      "graph": ["svg": .string(body), "available": .bool(!body.isEmpty)],
      "legend": .list(
        GraphStyle.changes.map { change, text in
          ["class": .string("change-\(change)"), "text": .string(text)]
        }),
      "sections": .list(sections),
      "footer": [
        "tool": .string(input.tool),
        "generatedAt": [
          "iso": .string(TimeText(input.generatedAt).iso),
          "display": .string(TimeText(input.generatedAt).display),
        ],
        "sha256A": .string(input.sha256A), "sha256B": .string(input.sha256B),
        "redacted": .bool(input.redacted),
      ],
    ]
  }

  static func line(_ s: String, limit: Int = 300) -> String {
    TextSafety.truncated(HTMLText.line(s), to: limit)
  }

  static func header(_ s: RunSummary, _ label: String, _ role: String) -> TemplateValue {
    let j = s.job
    let state = Palette.state(of: j.status)
    func fact(_ l: String, _ v: String?) -> TemplateValue {
      ["label": .string(l), "value": .string(v.map { line($0) } ?? "—")]
    }
    return [
      "label": .string(label), "role": .string(role), "id": .int(j.id),
      "name": .string(line(j.name)), "status": .string(j.status.rawValue),
      "statusClass": .string("state-\(state.rawValue)"), "statusSymbol": .string(state.symbol),
      "verdict": .string(line(Narrative.verdict(s))),
      "facts": [
        fact("Template", j.templateName), fact("Inventory", j.inventoryName),
        fact("Started", j.started?.display), fact("Duration", DiffText.seconds(j.elapsed)),
        fact("Launched by", j.launchedBy), fact("Launch type", j.launchType),
        fact("Limit", j.limit), fact("SCM branch", j.scmBranch),
      ],
    ]
  }

  static func verdict(_ d: RunDiff) -> TemplateValue {
    let text: String
    if !d.hasChanges {
      text = "No change: same verdict, same node states, same launch settings."
    } else if d.verdictChanged {
      text = "Verdict changed: \(d.verdictA.rawValue) → \(d.verdictB.rawValue)"
    } else {
      text = "Verdict unchanged (\(d.verdictB.rawValue)), but the runs differ."
    }
    let state = Palette.state(of: d.verdictB)
    return [
      "text": .string(text), "class": .string("state-\(state.rawValue)"),
      "changed": .bool(d.hasChanges),
    ]
  }

  /// One section per diff: the top level, then each nested workflow's, depth first.
  static func collect(_ d: RunDiff, heading: String?, into out: inout [TemplateValue]) {
    out.append(section(d, heading: heading, id: "diff-\(out.count)"))
    for n in d.nodes {
      guard let nested = n.nested, nested.hasChanges else { continue }
      collect(
        nested,
        heading:
          "Nested workflow of \(line(n.name)): jobs \(nested.a.shown.job.id) → \(nested.b.shown.job.id)",
        into: &out)
    }
  }

  static func section(_ d: RunDiff, heading: String?, id: String) -> TemplateValue {
    func node(_ n: RunDiff.NodeDiff) -> TemplateValue {
      ["name": .string(line(n.name)), "class": .string("change-\(n.change.rawValue)")]
    }
    let states: [TemplateValue] = d.stateChanges.map { n in
      [
        "node": node(n), "a": .string(n.a?.state ?? ""), "b": .string(n.b?.state ?? ""),
        "whyA": .string(
          n.a.flatMap { Narrative.neverRunReason($0, in: d.a.shown) }.map { line($0) } ?? ""),
        "whyB": .string(
          n.b.flatMap { Narrative.neverRunReason($0, in: d.b.shown) }.map { line($0) } ?? ""),
      ]
    }
    var divergence: TemplateValue = .null
    if let i = d.firstDivergence {
      let n = d.nodes[i]
      var failures: [TemplateValue] = []
      for (side, x) in [("A", n.a), ("B", n.b)] {
        guard let first = DiffText.failure(x?.failureDetail) else { continue }
        failures.append(["side": .string(side), "text": .string(line(first, limit: 1000))])
      }
      divergence = [
        "node": node(n), "a": .string(n.a?.state ?? "absent"), "b": .string(n.b?.state ?? "absent"),
        "change": .string(n.change.rawValue), "failures": .list(failures),
        "anyFailures": .bool(!failures.isEmpty),
      ]
    }
    func duration(
      _ label: String, _ x: Double?, _ y: Double?, _ delta: Double?, _ ratio: Double?, cls: String
    )
      -> TemplateValue
    {
      [
        "label": .string(label), "a": .string(DiffText.seconds(x)),
        "b": .string(DiffText.seconds(y)),
        "delta": .string(DiffText.delta(delta, ratio: ratio)),
        "flagged": .bool(RunDiff.significant(delta: delta, ratio: ratio)), "class": .string(cls),
      ]
    }
    var durations: [TemplateValue] = [
      duration(
        "Workflow", d.workflowDuration.a, d.workflowDuration.b, d.workflowDuration.delta,
        d.workflowDuration.ratio, cls: "total"),
      duration(
        "Critical path", d.criticalPath.a, d.criticalPath.b, d.criticalPath.delta,
        d.criticalPath.ratio, cls: "total"),
    ]
    let timed = d.nodes.filter { ($0.delta ?? 0) != 0 }.sorted {
      abs($0.delta ?? 0) > abs($1.delta ?? 0)
    }
    for n in timed {
      durations.append(
        duration(
          line(n.name), n.a?.elapsed, n.b?.elapsed, n.delta, n.ratio,
          cls: "change-\(n.change.rawValue)"))
    }
    var launch: [TemplateValue] = d.launch.map { l in
      [
        "field": .string(l.field), "a": .string(l.a.map { line($0) } ?? "—"),
        "b": .string(l.b.map { line($0) } ?? "—"), "note": "",
      ]
    }
    for v in d.extraVars {
      launch.append([
        "field": .string(v.key == "extra_vars" ? "extra_vars" : "extra_vars: \(line(v.key))"),
        "a": .string(v.a.map { line($0) } ?? "—"), "b": .string(v.b.map { line($0) } ?? "—"),
        "note": .string(v.secret ? "secret: \(v.change)" : v.change),
      ])
    }
    for n in d.nodes {
      for v in n.inputs {
        launch.append([
          "field": .string("node \(line(n.name)) input: \(line(v.key))"),
          "a": .string(v.a.map { line($0) } ?? "—"), "b": .string(v.b.map { line($0) } ?? "—"),
          "note": .string(v.secret ? "secret: \(v.change)" : v.change),
        ])
      }
    }
    var graph: [TemplateValue] = []
    func change(_ text: String, _ cls: String) {
      graph.append(["text": .string(text), "class": .string(cls)])
    }
    for n in d.nodes where n.change == .added {
      change("Node added: \(line(n.name))", "change-added")
    }
    for n in d.nodes where n.change == .removed {
      change("Node removed: \(line(n.name))", "change-removed")
    }
    for e in d.edges {
      let what = DiffText.edgeChange(e)
      change("Edge \(line(e.fromName)) → \(line(e.toName)) \(what)", "change-changed")
    }
    for n in d.nodes {
      if n.otherChanges.contains("template") {
        change(
          "Different template behind \(line(n.name)): \(line(n.a.map(DiffJSON.templateText) ?? "")) → \(line(n.b.map(DiffJSON.templateText) ?? ""))",
          "change-changed")
      }
      if n.otherChanges.contains("type") {
        change(
          "\(line(n.name)) changed type: \(n.a?.type.rawValue ?? "") → \(n.b?.type.rawValue ?? "")",
          "change-changed")
      }
      if n.otherChanges.contains("convergence") {
        change(
          "\(line(n.name)) convergence: \(DiffJSON.mode(n.a)) → \(DiffJSON.mode(n.b))",
          "change-changed")
      }
    }
    let nodes: [TemplateValue] = d.nodes.map { n in
      [
        "node": node(n), "change": .string(n.change.rawValue),
        "a": .string(n.a.map { "\($0.id): \($0.state)" } ?? "—"),
        "b": .string(n.b.map { "\($0.id): \($0.state)" } ?? "—"),
        "matched": .string(n.matchedBy?.rawValue ?? "—"),
        "detail": .string(line(DisplayGraph.changeText(n))),
      ]
    }
    return [
      "id": .string(id), "heading": heading.map { .string($0) } ?? .null,
      "nested": .bool(heading != nil), "verdict": verdict(d),
      "states": .list(states), "anyStates": .bool(!states.isEmpty),
      "anyLaunch": .bool(!launch.isEmpty), "anyGraphChanges": .bool(!graph.isEmpty),
      "divergence": divergence, "durations": .list(durations),
      "launch": .list(launch), "graphChanges": .list(graph), "nodes": .list(nodes),
    ]
  }
}
