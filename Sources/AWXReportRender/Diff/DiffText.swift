import AWXReportModel

/// The short plain summary `diff` prints on stdout, and the phrases every diff writer shares.
package enum DiffText {
  /// A few lines: which runs, the verdict change, then counts of what changed.
  package static func summary(_ d: RunDiff) -> [String] {
    let ja = d.a.shown.job
    let jb = d.b.shown.job
    var lines = [
      "diff: workflow job \(ja.id) (\(d.verdictA.rawValue)) -> workflow job \(jb.id) (\(d.verdictB.rawValue))"
    ]
    if !d.sameTemplate { lines.append("note: the runs come from different workflow job templates") }
    guard d.hasChanges else {
      lines.append("no change")
      return lines.map(TextSafety.singleLine)
    }
    if d.verdictChanged {
      lines.append("verdict changed: \(d.verdictA.rawValue) -> \(d.verdictB.rawValue)")
    }
    if let (path, n) = divergence(d) {
      let names = (path + [n.name]).map { "'\($0)'" }.joined(separator: " > ")
      lines.append("first divergence: \(names) \(states(n))")
    }
    let changes = d.stateChanges
    if !changes.isEmpty {
      lines.append("state changes: \(changes.count)")
      for n in changes.prefix(10) { lines.append("  '\(n.name)' \(states(n))") }
      if changes.count > 10 { lines.append("  … and \(changes.count - 10) more") }
    }
    let added = d.nodes.filter { $0.change == .added }.count
    let removed = d.nodes.filter { $0.change == .removed }.count
    if added + removed > 0 { lines.append("nodes added: \(added), removed: \(removed)") }
    let slower = d.nodes.filter { $0.durationFlagged && ($0.delta ?? 0) > 0 }.count
    let faster = d.nodes.filter { $0.durationFlagged && ($0.delta ?? 0) < 0 }.count
    if slower + faster > 0 {
      lines.append("much slower: \(slower), much faster: \(faster) (over 50 % and 60 s)")
    }
    if let delta = d.criticalPath.delta, delta != 0 {
      lines.append("critical path: \(seconds(d.criticalPath.a)) -> \(seconds(d.criticalPath.b))")
    }
    if !d.launch.isEmpty {
      lines.append("launch differences: " + d.launch.map(\.field).joined(separator: ", "))
    }
    if !d.extraVars.isEmpty {
      lines.append("extra_vars changed: " + d.extraVars.map(\.key).joined(separator: ", "))
    }
    let nested = d.nodes.filter { $0.nested?.hasChanges ?? false }
    if !nested.isEmpty {
      lines.append(
        "nested workflows that changed: " + nested.map { "'\($0.name)'" }.joined(separator: ", "))
    }
    let edgeChanges = d.edges.count
    if edgeChanges > 0 { lines.append("edges changed: \(edgeChanges)") }
    return lines.map { TextSafety.truncated(TextSafety.singleLine($0), to: 300) }
  }

  /// The first divergence, looking into nested workflows (in run order) when the run itself
  /// has none: the names of the nodes that launched them, and the node.
  package static func divergence(_ d: RunDiff) -> (path: [String], node: RunDiff.NodeDiff)? {
    if let i = d.firstDivergence { return ([], d.nodes[i]) }
    for n in d.nodes {
      guard let nested = n.nested, let (path, node) = divergence(nested) else { continue }
      return ([n.name] + path, node)
    }
    return nil
  }

  /// A failed job's drill-down in one line: its first failed task, else the last line of its
  /// output (a failed project or inventory update has no tasks).
  package static func failure(_ detail: JobFailureDetail?) -> String? {
    if let first = DisplayGraph.firstFailure(detail) { return first }
    guard let last = detail?.outputTail.last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
      return nil
    }
    return "Last output line: " + TextSafety.truncated(TextSafety.singleLine(last), to: 300)
  }

  /// "successful → failed".
  package static func states(_ n: RunDiff.NodeDiff, arrow: String = "->") -> String {
    "\(n.a?.state ?? "absent") \(arrow) \(n.b?.state ?? "absent")"
  }

  /// "1m 03s", or "?" when unknown.
  /// How an edge changed: "added (success)", "removed (failure)", "changed type: a → b".
  package static func edgeChange(_ e: RunDiff.EdgeDiff) -> String {
    switch (e.a, e.b) {
    case (nil, let b): return "added (\(b?.rawValue ?? ""))"
    case (let a?, nil): return "removed (\(a.rawValue))"
    case (let a?, let b?): return "changed type: \(a.rawValue) → \(b.rawValue)"
    }
  }

  package static func seconds(_ s: Double?) -> String {
    guard let s else { return "?" }
    return ElapsedFormat.short(s)
  }

  /// "+1m 03s (+52 %)".
  package static func delta(_ delta: Double?, ratio: Double?) -> String {
    guard let delta else { return "" }
    if delta == 0 { return "no change" }
    let sign = delta < 0 ? "-" : "+"
    var text = sign + ElapsedFormat.short(abs(delta))
    if let ratio {
      text += " (\(ratio < 0 ? "" : "+")\(NumberFormat.decimal(ratio * 100, places: 0)) %)"
    }
    return text
  }
}
