import AWXReportModel

/// The timeline (Gantt chart) of a workflow run as a standalone SVG 1.1 document: one row per
/// node whose job started (by start time, then node id; a nested workflow's nodes indented
/// under its node), bars on a UTC time axis coloured by state, with a symbol, a dash pattern
/// and (for failures) hatching so the state reads without colour; the critical path is outlined
/// and marked with ◆.
///
/// The document is valid against the SVG 1.1 DTD (no `data-*` attributes, ids prefixed `tl-`
/// and unique, numbers with one decimal whatever the locale), so it can be checked with libxml2
/// before it is published and inlined into the HTML report.
package enum TimelineSVG {
  /// The id of the root `<svg>` element.
  package static let rootID = "tl-svg"
  /// The ids of the `<title>` and `<desc>` elements (for `aria-labelledby` when inlined).
  package static let titleID = "tl-title"
  /// See ``titleID``.
  package static let descID = "tl-desc"

  /// Renders the timeline of `tree`; nested runs' nodes are drawn under the node that
  /// launched them.
  /// - Parameter asOf: when the data was fetched. While the run has not finished, the time axis
  ///   reaches this instant, so the open bars of running jobs end where the data does.
  /// - Returns: the SVG document, or nil when no node has started (nothing to draw).
  package static func render(_ tree: AnalyzedRun, asOf: Timestamp? = nil) -> String? {
    var rows: [TimelineRow] = []
    var visited: Set<Int> = [tree.id]
    TimelineRow.collect(tree, depth: 0, into: &rows, visited: &visited)
    guard !rows.isEmpty else { return nil }
    let openUntil = tree.run.job.status.isTerminal ? nil : asOf
    return TimelineDrawing(run: tree.run, analysis: tree.analysis, rows: rows, asOf: openUntil)
      .document()
  }

  /// The most bars one drawing of a grouped timeline has: about 40 rows still fit a printed
  /// page with the heading above (a taller SVG is cut across pages, or pushed past a blank one).
  package static let rowsPerPart = 40

  /// For a large run (``NodeGrouping/isLarge(_:)``), the timeline split by ``NodeGroup``: per
  /// non-empty open group, drawings like ``render(_:asOf:)`` of that group's rows only, at most
  /// ``rowsPerPart`` each, every one on the whole run's time scale; a closed group is listed
  /// with its row count and no drawing (timeline.svg has every bar). Each row is grouped by its
  /// own node (a nested workflow's failed node sits with the failures); only the top-level
  /// run's critical path counts as such. Document-wide ids are prefixed `tl-<group>-` (and a
  /// part number from the second part on); rows keep their `tl-n…` ids, unique across groups.
  /// So all of them can be inlined into one page.
  /// - Returns: the groups in ``NodeGroup`` order; empty for a run that is not large or where
  ///   no node has started.
  ///
  /// With `share` (k, n), only the parts whose index over all groups is k modulo n are drawn
  /// (each group is still listed, with its row count), so n workers can draw one share each;
  /// ``merge(_:)`` puts the shares back together.
  package static func renderGroups(
    _ tree: AnalyzedRun, asOf: Timestamp? = nil, share: (index: Int, of: Int) = (0, 1)
  ) -> [TimelineGroupSVG] {
    guard NodeGrouping.isLarge(tree) else { return [] }
    var rows: [TimelineRow] = []
    var visited: Set<Int> = [tree.id]
    TimelineRow.collect(tree, depth: 0, into: &rows, visited: &visited)
    guard !rows.isEmpty else { return [] }
    let openUntil = tree.run.job.status.isTerminal ? nil : asOf
    let whole = TimelineDrawing(
      run: tree.run, analysis: tree.analysis, rows: rows, asOf: openUntil)
    let span = whole.span
    var byGroup = [NodeGroup: [TimelineRow]]()
    for row in rows { byGroup[row.group, default: []].append(row) }
    var partIndex = 0
    return NodeGroup.allCases.compactMap { group in
      guard let groupRows = byGroup[group] else { return nil }
      var parts: [TimelineGroupSVG.Part] = []
      // A closed group (the long tail: successful off the critical path, never run…) is only
      // counted: its bars are in timeline.svg, and drawing them would make the page and its
      // print many times longer for rows nobody opens first.
      guard group.isOpen else {
        return TimelineGroupSVG(group: group, rowCount: groupRows.count, parts: [])
      }
      for first in stride(from: 0, to: groupRows.count, by: rowsPerPart) {
        defer { partIndex += 1 }
        guard partIndex % share.of == share.index else { continue }
        let last = min(first + rowsPerPart, groupRows.count)
        let number = first / rowsPerPart + 1
        let prefix = "tl-" + group.rawValue + (number == 1 ? "" : "-\(number)")
        var label = group.title
        if groupRows.count > rowsPerPart { label += ", jobs \(first + 1)–\(last)" }
        let drawing = TimelineDrawing(
          run: tree.run, analysis: tree.analysis, rows: Array(groupRows[first..<last]),
          asOf: openUntil, idPrefix: prefix, part: label, span: span,
          criticalPath: whole.criticalPath)
        parts.append(.init(idPrefix: prefix, svg: drawing.document()))
      }
      return TimelineGroupSVG(group: group, rowCount: groupRows.count, parts: parts)
    }
  }

  /// The groups of ``renderGroups(_:asOf:share:)``'s n shares (share k at index k), each with
  /// all its parts in order, as one call without shares gives them.
  package static func merge(_ shares: [[TimelineGroupSVG]]) -> [TimelineGroupSVG] {
    guard let first = shares.first else { return [] }
    // Part p over all groups was drawn by share p mod n; `base` is the group's first p.
    var base = 0
    return first.indices.map { g in
      var group = first[g]
      let drawn = shares.map { g < $0.count ? $0[g].parts : [] }
      var next = [Int](repeating: 0, count: shares.count)
      let total = drawn.reduce(0) { $0 + $1.count }
      group.parts = (0..<total).compactMap { i in
        let k = (base + i) % shares.count
        guard next[k] < drawn[k].count else { return nil }
        defer { next[k] += 1 }
        return drawn[k][next[k]]
      }
      base += total
      return group
    }
  }

}

/// One bar of the timeline.
struct TimelineRow {
  var svgID: String
  var nodeID: Int
  var name: String
  var depth: Int
  var state: NodeState
  var start: Timestamp
  var end: Timestamp?
  var critical: Bool
  /// Its section in a large run's grouped timeline.
  var group: NodeGroup

  /// Appends the started nodes of `run`, sorted by (start, id), each followed by the rows of
  /// the nested workflow it launched.
  static func collect(
    _ tree: AnalyzedRun, depth: Int, into rows: inout [TimelineRow], visited: inout Set<Int>
  ) {
    let run = tree.run
    let analysis = tree.analysis
    var started: [(WorkflowNode, NodeAnalysis, Timestamp)] = []
    for node in run.nodes {
      guard let a = analysis.nodes[node.id], let s = a.started else { continue }
      started.append((node, a, s))
    }
    started.sort { ($0.2, $0.0.id) < ($1.2, $1.0.id) }
    for (node, a, s) in started {
      let prefix = depth == 0 ? "tl-n" : "tl-w\(run.job.id)-n"
      let critical = depth == 0 && a.onCriticalPath
      rows.append(
        TimelineRow(
          svgID: prefix + String(node.id), nodeID: node.id, name: node.displayName, depth: depth,
          state: a.state, start: s, end: a.finished, critical: critical,
          group: NodeGroup.of(node, a, critical: critical)))
      if let jobID = node.jobID, let child = tree.children[jobID], !visited.contains(jobID) {
        visited.insert(jobID)
        collect(child, depth: depth + 1, into: &rows, visited: &visited)
      }
    }
  }
}
