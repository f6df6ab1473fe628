import AWXReportModel

/// Lays out and writes the timeline SVG (see ``TimelineSVG``).
struct TimelineDrawing {
  let run: WorkflowRun
  let analysis: RunAnalysis
  let rows: [TimelineRow]
  /// The earliest start and the latest known instant (finishes, starts, the workflow's end),
  /// at least one second apart.
  let span: (start: Timestamp, end: Timestamp)
  /// For a run that has not finished, when the data was fetched.
  let asOf: Timestamp?
  /// What part of the run is drawn, for the title, when this is one part of a large run's
  /// grouped timeline (see ``NodeGroup``).
  let part: String?
  /// The prefix of the document-wide ids (root, title, desc, pattern, axis, legend): `tl`, or
  /// `tl-<group>` so that several drawings can be inlined into one page.
  let idPrefix: String
  /// The critical path's node names, for the description.
  let criticalPath: [String]

  /// Creates the drawing.
  /// - Parameters:
  ///   - asOf: for a run that has not finished, when the data was fetched: the axis reaches
  ///     it, and so do the open bars of the jobs still running.
  ///   - idPrefix: the prefix of the document-wide ids.
  ///   - part: what `rows` are, for the title, when drawing one part of a large run.
  ///   - shared: the time span to draw (all groups of a run share the whole run's), instead of
  ///     the one `rows` cover.
  ///   - criticalPath: the critical path's names, when the caller has them (the parts of a
  ///     grouped timeline share them), else worked out here.
  init(
    run: WorkflowRun, analysis: RunAnalysis, rows: [TimelineRow], asOf: Timestamp? = nil,
    idPrefix: String = "tl", part: String? = nil,
    span shared: (start: Timestamp, end: Timestamp)? = nil, criticalPath: [String]? = nil
  ) {
    self.run = run
    self.analysis = analysis
    self.rows = rows
    self.asOf = asOf
    self.idPrefix = idPrefix
    self.part = part
    self.criticalPath = criticalPath ?? Self.criticalPathNames(run, analysis)
    if let shared {
      span = shared
      return
    }
    let start = rows.map(\.start).min() ?? Timestamp(microseconds: 0)
    var end = start
    for r in rows { end = max(end, r.end ?? r.start, r.start) }
    if let f = run.job.finished { end = max(end, f) }
    if let asOf { end = max(end, asOf) }
    if end.microseconds - start.microseconds < 1_000_000 {
      end = Timestamp(microseconds: start.microseconds + 1_000_000)
    }
    span = (start, end)
  }

  static let width = 1000.0
  static let labelX = 12.0
  static let plotLeft = 300.0
  static let plotRight = 900.0
  static let top = 44.0
  static let rowHeight = 22.0
  static let barHeight = 12.0
  static let nameLimit = 38
  static let criticalColor = "#6f42c1"
  static let font =
    "system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, &quot;Helvetica Neue&quot;, Arial, sans-serif"

  func x(_ t: Timestamp) -> Double {
    let (s, e) = span
    let fraction = Double(t.microseconds - s.microseconds) / Double(e.microseconds - s.microseconds)
    return Self.plotLeft + fraction * (Self.plotRight - Self.plotLeft)
  }

  func y(row index: Int) -> Double { Self.top + Double(index) * Self.rowHeight }

  func document() -> String {
    let f = HTMLText.fixed
    let plotBottom = y(row: rows.count)
    let legendY = plotBottom + 22
    let height = legendY + 22
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="no"?>
      <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
      <svg xmlns="http://www.w3.org/2000/svg" version="1.1" id="\(idPrefix)-svg" \
      class="tl" width="\(f(Self.width))" height="\(f(height))" \
      viewBox="0 0 \(f(Self.width)) \(f(height))">
      <title id="\(idPrefix)-title">\(HTMLText.xmlText(title))</title>
      <desc id="\(idPrefix)-desc">\(HTMLText.xmlText(description))</desc>

      """
    out += style()
    out += """
      <defs>
      <pattern id="\(idPrefix)-hatch" width="6.0" height="6.0" patternUnits="userSpaceOnUse" \
      patternTransform="rotate(45)">
      <line x1="0.0" y1="0.0" x2="0.0" y2="6.0" stroke="#000000" stroke-opacity="0.28" stroke-width="2"/>
      </pattern>
      </defs>
      <rect class="tl-bg" x="0.0" y="0.0" width="\(f(Self.width))" height="\(f(height))" fill="#ffffff"/>

      """
    for (i, _) in rows.enumerated() where i % 2 == 1 {
      out +=
        "<rect class=\"tl-stripe\" x=\"0.0\" y=\"\(f(y(row: i)))\" width=\"\(f(Self.width))\""
        + " height=\"\(f(Self.rowHeight))\" fill=\"#f4f6f8\"/>\n"
    }
    out += axis(bottom: plotBottom)
    out += criticalLinks()
    for (i, row) in rows.enumerated() { out += bar(row, index: i) }
    out += legend(y: legendY)
    out += "</svg>\n"
    return out
  }

  var title: String {
    let whole = "Timeline of workflow job \(run.job.id): \(HTMLText.line(run.job.name))"
    return part.map { whole + " (\($0))" } ?? whole
  }

  var description: String {
    let (s, e) = span
    var text =
      "\(rows.count) job\(rows.count == 1 ? "" : "s") from \(s.display) to \(e.display)"
      + (asOf == nil ? "." : ", when the data was fetched; the run had not finished.")
    if !criticalPath.isEmpty {
      text += " Critical path: " + criticalPath.joined(separator: " → ") + "."
    }
    return text
  }

  /// The names of the critical path's nodes, in order.
  static func criticalPathNames(_ run: WorkflowRun, _ analysis: RunAnalysis) -> [String] {
    let onPath = Set(analysis.criticalPath)
    var names: [Int: String] = [:]
    for node in run.nodes where onPath.contains(node.id) {
      names[node.id] = names[node.id] ?? HTMLText.line(node.displayName)
    }
    return analysis.criticalPath.compactMap { names[$0] }
  }

  func style() -> String {
    """
    <style type="text/css">
    .tl text { font-family: \(Self.font); font-size: 11.5px; fill: #1f2328; }
    .tl .tl-tick-label { font-size: 10.5px; fill: #57606a; }
    .tl .tl-dur { font-size: 10.5px; fill: #3d444d; }
    .tl .tl-critical-label { font-weight: 600; }
    .tl .tl-legend text { font-size: 10.5px; fill: #3d444d; }
    </style>

    """
  }

  /// Tick lines and UTC labels at a "nice" step.
  func axis(bottom: Double) -> String {
    let f = HTMLText.fixed
    let (s, e) = span
    let spanSeconds = Double(e.microseconds - s.microseconds) / 1_000_000
    let steps: [Int64] = [
      1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200,
      86_400, 172_800, 604_800,
    ]
    let step = steps.first { spanSeconds / Double($0) <= 8 } ?? 604_800 * 4
    let micro = step * 1_000_000
    var t = (s.microseconds + micro - 1) / micro * micro
    let crossesDays = s.microseconds / 86_400_000_000 != e.microseconds / 86_400_000_000
    var out = "<g id=\"\(idPrefix)-axis\" class=\"tl-axis\">\n"
    out +=
      "<text class=\"tl-tick-label\" x=\"\(f(Self.labelX))\" y=\"\(f(Self.top - 14))\">"
      + "Time (UTC)</text>\n"
    out +=
      "<line x1=\"\(f(Self.plotLeft))\" y1=\"\(f(Self.top - 0.5))\" x2=\"\(f(Self.plotRight))\""
      + " y2=\"\(f(Self.top - 0.5))\" stroke=\"#8c959f\" stroke-width=\"1\"/>\n"
    while t <= e.microseconds {
      let px = x(Timestamp(microseconds: t))
      let iso = Timestamp(microseconds: t).iso8601
      let chars = Array(iso)
      var label = String(chars[11..<(step < 60 ? 19 : 16)])
      if crossesDays || step >= 86_400 { label = String(chars[5..<10]) + " " + label }
      out +=
        "<line x1=\"\(f(px))\" y1=\"\(f(Self.top - 4))\" x2=\"\(f(px))\" y2=\"\(f(bottom))\""
        + " stroke=\"#d0d7de\" stroke-width=\"1\"/>\n"
      out +=
        "<text class=\"tl-tick-label\" x=\"\(f(px))\" y=\"\(f(Self.top - 14))\""
        + " text-anchor=\"middle\">\(label)</text>\n"
      t += micro
    }
    out += "</g>\n"
    return out
  }

  /// Dotted connectors from each critical job's end to the next one's start.
  func criticalLinks() -> String {
    let f = HTMLText.fixed
    var index: [Int: Int] = [:]
    for (i, r) in rows.enumerated() where r.depth == 0 { index[r.nodeID] = i }
    var out = ""
    let path = analysis.criticalPath
    for (a, b) in zip(path, path.dropFirst()) {
      guard let i = index[a], let j = index[b], let end = rows[i].end else { continue }
      let x1 = x(end)
      let x2 = x(rows[j].start)
      let y1 = y(row: i) + Self.rowHeight / 2
      let y2 = y(row: j) + Self.rowHeight / 2
      out +=
        "<path class=\"tl-critical-link\" d=\"M\(f(x1)),\(f(y1)) L\(f(x1 + 3)),\(f(y1))"
        + " L\(f(x1 + 3)),\(f(y2)) L\(f(max(x2, x1 + 3))),\(f(y2))\" fill=\"none\""
        + " stroke=\"\(Self.criticalColor)\" stroke-width=\"1.2\" stroke-dasharray=\"2 2\"/>\n"
    }
    return out
  }

  func bar(_ row: TimelineRow, index: Int) -> String {
    let f = HTMLText.fixed
    let (_, horizon) = span
    let top = y(row: index)
    let x1 = x(row.start)
    let x2 = max(x(row.end ?? horizon), x1 + 1.5)
    let barY = top + (Self.rowHeight - Self.barHeight) / 2
    let colors = row.state.colors
    let name = DisplayText(row.name, limit: Self.nameLimit - row.depth * 2)
    let elapsed = row.end.map { row.start.seconds(until: $0) }
    var tip =
      "\(HTMLText.line(row.name)) (node \(row.nodeID)): \(row.state.label), "
      + "started \(row.start.display)"
    if let end = row.end { tip += ", finished \(end.display)" }
    if row.end == nil, let asOf { tip += ", not finished at \(asOf.display) (fetched)" }
    if let e = elapsed { tip += ", \(ElapsedFormat.short(e))" }
    if row.critical { tip += "; on the critical path" }

    let indent = Self.labelX + Double(row.depth) * 14
    let marker = row.critical ? "◆ " : (row.depth > 0 ? "↳ " : "")
    let width = x2 - x1
    var out = ""
    out.reserveCapacity(900)
    out += "<g id=\""
    out += row.svgID
    out += "\" class=\"tl-row tl-"
    out += row.state.rawValue
    if row.critical { out += " tl-critical" }
    out += "\">\n<title>"
    out += HTMLText.xmlText(tip)
    out += "</title>\n<text class=\"tl-label"
    if row.critical { out += " tl-critical-label" }
    out += "\" x=\""
    out += f(indent)
    out += "\" y=\""
    out += f(top + 15)
    out += "\">"
    out += HTMLText.xmlText(marker + name.shown)
    out += "</text>\n"
    if row.critical {
      out += "<rect class=\"tl-critical-outline\" x=\""
      out += f(x1 - 2.5)
      out += "\" y=\""
      out += f(barY - 2.5)
      out += "\" width=\""
      out += f(width + 5)
      out += "\" height=\""
      out += f(Self.barHeight + 5)
      out += "\" rx=\"3.0\" fill=\"none\" stroke=\""
      out += Self.criticalColor
      out += "\" stroke-width=\"1.8\"/>\n"
    }
    out += "<rect class=\"tl-bar\" x=\""
    out += f(x1)
    out += "\" y=\""
    out += f(barY)
    out += "\" width=\""
    out += f(width)
    out += "\" height=\""
    out += f(Self.barHeight)
    out += "\" rx=\"2.0\" fill=\""
    out += colors.fill
    out += "\" stroke=\""
    out += colors.stroke
    out += "\" stroke-width=\"1.2\""
    if let d = row.state.dash {
      out += " stroke-dasharray=\""
      out += d
      out += "\""
    }
    out += "/>\n"
    if row.state.isFailure {
      out += "<rect class=\"tl-hatch\" x=\""
      out += f(x1)
      out += "\" y=\""
      out += f(barY)
      out += "\" width=\""
      out += f(width)
      out += "\" height=\""
      out += f(Self.barHeight)
      out += "\" rx=\"2.0\" fill=\"url(#\(idPrefix)-hatch)\"/>\n"
    }
    var label = row.state.symbol + " " + row.state.label
    if let e = elapsed { label += " · " + ElapsedFormat.short(e) }
    out += "<text class=\"tl-dur\" x=\""
    out += f(x2 + (row.critical ? 7 : 5))
    out += "\" y=\""
    out += f(top + 15)
    out += "\">"
    out += HTMLText.xmlText(label)
    out += "</text>\n"
    out += "</g>\n"
    return out
  }

  func legend(y: Double) -> String {
    let f = HTMLText.fixed
    var out = "<g id=\"\(idPrefix)-legend\" class=\"tl-legend\">\n"
    var x = Self.labelX
    let present = NodeState.allCases.filter { s in rows.contains { $0.state == s } }
    for state in present {
      let c = state.colors
      var dash = ""
      if let d = state.dash { dash = " stroke-dasharray=\"\(d)\"" }
      out +=
        "<rect x=\"\(f(x))\" y=\"\(f(y - 9))\" width=\"18.0\" height=\"10.0\" rx=\"2.0\""
        + " fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.2\"\(dash)/>\n"
      if state.isFailure {
        out +=
          "<rect x=\"\(f(x))\" y=\"\(f(y - 9))\" width=\"18.0\" height=\"10.0\" rx=\"2.0\""
          + " fill=\"url(#\(idPrefix)-hatch)\"/>\n"
      }
      let text = "\(state.symbol) \(state.label)"
      out += "<text x=\"\(f(x + 23))\" y=\"\(f(y))\">\(HTMLText.xmlText(text))</text>\n"
      x += 23 + Double(text.count) * 6.2 + 16
    }
    if rows.contains(where: \.critical) {
      out +=
        "<rect x=\"\(f(x))\" y=\"\(f(y - 10))\" width=\"18.0\" height=\"12.0\" rx=\"3.0\""
        + " fill=\"none\" stroke=\"\(Self.criticalColor)\" stroke-width=\"1.8\"/>\n"
      out += "<text x=\"\(f(x + 23))\" y=\"\(f(y))\">◆ critical path</text>\n"
    }
    out += "</g>\n"
    return out
  }
}
