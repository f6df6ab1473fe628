import AWXReportModel

/// `diff.md`: a ``RunDiff`` in GitHub-flavoured Markdown, for a postmortem, a step summary or a
/// merge request comment. Most decisive first: the verdict change, node state changes, the
/// first divergence, duration changes, launch differences, graph changes, nested workflows.
/// Every AWX string goes through ``MarkdownEscaping``; every list stops after ``maxRows`` rows.
package enum DiffMarkdown {
  /// Rows per table before "… and N more".
  package static let maxRows = 50

  package static func render(_ d: RunDiff) -> String {
    let ja = d.a.shown.job
    let jb = d.b.shown.job
    var out = "## Diff: workflow job \(ja.id) → \(jb.id)\n\n"
    if !d.sameTemplate {
      out +=
        "> **Warning:** the runs come from different workflow job templates "
        + "(\(text(ja.templateName ?? "deleted")) and \(text(jb.templateName ?? "deleted"))); "
        + "most nodes cannot be matched.\n\n"
    }
    out += "| | A (reference) | B |\n|---|---|---|\n"
    func row(_ label: String, _ x: String, _ y: String) {
      out += "| \(label) | \(x) | \(y) |\n"
    }
    row("Workflow job", "\(ja.id): \(text(ja.name))", "\(jb.id): \(text(jb.name))")
    row("Template", text(ja.templateName ?? "deleted"), text(jb.templateName ?? "deleted"))
    row("Status", ja.status.rawValue, jb.status.rawValue)
    row("Verdict", text(Narrative.verdict(d.a.shown)), text(Narrative.verdict(d.b.shown)))
    row("Started", ja.started?.display ?? "–", jb.started?.display ?? "–")
    row("Duration", DiffText.seconds(ja.elapsed), DiffText.seconds(jb.elapsed))
    out += "\n"
    out += body(d, level: 3)
    return out
  }

  /// The sections of one diff (nested workflows one heading level down).
  static func body(_ d: RunDiff, level: Int) -> String {
    let h = String(repeating: "#", count: min(level, 6))
    var out = ""
    if !d.hasChanges {
      return out + "**No change**: same verdict, same node states, same launch settings.\n\n"
    }
    if d.verdictChanged {
      out += "**Verdict changed: \(d.verdictA.rawValue) → \(d.verdictB.rawValue)**\n\n"
    } else {
      out += "Verdict unchanged: \(d.verdictB.rawValue).\n\n"
    }
    if level == 3, d.firstDivergence == nil, let (path, n) = DiffText.divergence(d) {
      out +=
        "First divergence, in a nested workflow: "
        + (path + [n.name]).map { "**\(text($0))**" }.joined(separator: " › ")
        + ": \(DiffText.states(n, arrow: "→")).\n\n"
    }
    let changes = d.stateChanges
    if !changes.isEmpty {
      out += "\(h) State changes\n\n| Node | A | B | Why it did not run |\n|---|---|---|---|\n"
      for n in changes.prefix(maxRows) {
        var why: [String] = []
        if let r = n.a.flatMap({ Narrative.neverRunReason($0, in: d.a.shown) }) {
          why.append("A: " + text(r))
        }
        if let r = n.b.flatMap({ Narrative.neverRunReason($0, in: d.b.shown) }) {
          why.append("B: " + text(r))
        }
        out +=
          "| \(text(n.name)) | \(n.a?.state ?? "") | \(n.b?.state ?? "") | "
          + "\(why.joined(separator: "; ")) |\n"
      }
      out += more(changes.count)
      out += "\n"
    }
    if let i = d.firstDivergence {
      let n = d.nodes[i]
      out += "\(h) First divergence\n\n"
      out += "**\(text(n.name))**: \(DiffText.states(n, arrow: "→")) (\(n.change.rawValue)).\n"
      for (side, node) in [("A", n.a), ("B", n.b)] {
        guard let node, let first = DiffText.failure(node.failureDetail) else {
          continue
        }
        out += "\n- \(side): \(text(first, limit: 500))"
      }
      out += "\n\n"
    }
    let timed = d.nodes.filter { ($0.delta ?? 0) != 0 }
    if !timed.isEmpty || (d.criticalPath.delta ?? 0) != 0 || (d.workflowDuration.delta ?? 0) != 0 {
      out += "\(h) Durations\n\n| | A | B | Change | |\n|---|---|---|---|---|\n"
      func line(_ label: String, _ x: Double?, _ y: Double?, _ delta: Double?, _ ratio: Double?) {
        let flag = RunDiff.significant(delta: delta, ratio: ratio) ? "⚠ over 50 % and 60 s" : ""
        out +=
          "| \(label) | \(DiffText.seconds(x)) | \(DiffText.seconds(y)) | "
          + "\(DiffText.delta(delta, ratio: ratio)) | \(flag) |\n"
      }
      let w = d.workflowDuration
      line("*Workflow*", w.a, w.b, w.delta, w.ratio)
      let c = d.criticalPath
      line("*Critical path*", c.a, c.b, c.delta, c.ratio)
      let sorted = timed.sorted { abs($0.delta ?? 0) > abs($1.delta ?? 0) }
      for n in sorted.prefix(maxRows) {
        line(text(n.name), n.a?.elapsed, n.b?.elapsed, n.delta, n.ratio)
      }
      out += more(sorted.count)
      out += "\n"
    }
    let withInputs = d.nodes.filter { !$0.inputs.isEmpty }
    if !d.launch.isEmpty || !d.extraVars.isEmpty || !withInputs.isEmpty {
      out += "\(h) Launch differences\n\n| Setting | A | B |\n|---|---|---|\n"
      for l in d.launch {
        out += "| \(l.field) | \(value(l.a)) | \(value(l.b)) |\n"
      }
      for v in d.extraVars.prefix(maxRows) {
        let label = v.key == "extra_vars" ? "extra_vars" : "extra_vars: \(text(v.key))"
        let note = v.secret && v.change == "changed" ? " (changed)" : ""
        out += "| \(label)\(note) | \(value(v.a)) | \(value(v.b)) |\n"
      }
      out += more(d.extraVars.count)
      for n in withInputs.prefix(maxRows) {
        for v in n.inputs.prefix(maxRows) {
          let note = v.secret && v.change == "changed" ? " (changed)" : ""
          out +=
            "| node \(text(n.name)) input: \(text(v.key))\(note) | \(value(v.a)) | \(value(v.b)) |\n"
        }
      }
      out += "\n"
    }
    let added = d.nodes.filter { $0.change == .added }
    let removed = d.nodes.filter { $0.change == .removed }
    let other = d.nodes.filter {
      $0.otherChanges.contains { ["template", "type", "convergence"].contains($0) }
    }
    let edges = d.edges
    if !added.isEmpty || !removed.isEmpty || !other.isEmpty || !edges.isEmpty {
      out += "\(h) Graph changes\n\n"
      for n in added.prefix(maxRows) { out += "- Node added: \(text(n.name))\n" }
      for n in removed.prefix(maxRows) { out += "- Node removed: \(text(n.name))\n" }
      for e in edges.prefix(maxRows) {
        let what = DiffText.edgeChange(e)
        out += "- Edge \(text(e.fromName)) → \(text(e.toName)) \(what)\n"
      }
      for n in other.prefix(maxRows) {
        if n.otherChanges.contains("template") {
          out +=
            "- Different template behind \(text(n.name)): "
            + "\(text(n.a.map(DiffJSON.templateText) ?? "")) → "
            + "\(text(n.b.map(DiffJSON.templateText) ?? ""))\n"
        }
        if n.otherChanges.contains("type") {
          out +=
            "- \(text(n.name)) changed type: \(n.a?.type.rawValue ?? "") → "
            + "\(n.b?.type.rawValue ?? "")\n"
        }
        if n.otherChanges.contains("convergence") {
          out +=
            "- \(text(n.name)) convergence: \(DiffJSON.mode(n.a)) → \(DiffJSON.mode(n.b))\n"
        }
      }
      out += "\n"
    }
    for n in d.nodes {
      guard let nested = n.nested, nested.hasChanges else { continue }
      out += "\(h) Nested workflow of \(text(n.name))\n\n"
      out += body(nested, level: level + 1)
    }
    return out
  }

  static func text(_ s: String, limit: Int = 200) -> String {
    MarkdownEscaping.text(s, limit: limit)
  }

  static func value(_ s: String?) -> String {
    guard let s else { return "*absent*" }
    return "`" + MarkdownEscaping.oneLine(TextSafety.truncated(s, to: 200)).replacingBackticks()
      + "`"
  }

  static func more(_ count: Int) -> String {
    count > maxRows ? "\n… and \(count - maxRows) more\n" : ""
  }
}

extension String {
  /// Backticks and pipes made safe inside a code span in a table cell.
  fileprivate func replacingBackticks() -> String {
    var out = ""
    for c in self {
      switch c {
      case "`": out += "'"
      case "|": out += "\\|"
      default: out.append(c)
      }
    }
    return out
  }
}
