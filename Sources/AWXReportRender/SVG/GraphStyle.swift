import AWXReportModel

/// The graph SVG's one stylesheet. Every selector is scoped to the SVG root's id, so the
/// SVG can be inlined into the HTML report without styling anything else.
enum GraphStyle {
  static let rootID = "workflow-graph"
  static let fontFamily = "Helvetica, Arial, sans-serif"

  /// The stylesheet, scoped to `rootID`; with `standIns`, also the rules of a focus graph's
  /// stand-in nodes.
  static func css(rootID: String = rootID, standIns: Bool = false) -> String {
    let r = "#\(rootID)"
    var css = """
      \(r) text{font-family:\(fontFamily);fill:#1f2328}
      \(r) .node text{text-anchor:middle}
      \(r) .node>rect{stroke-width:1.4}
      \(r) .node .name{font-size:11px;font-weight:bold}
      \(r) .node .detail{font-size:9px}
      \(r) .node.critical>rect{stroke-width:2.6}
      \(r) .node.unhandled>rect{stroke-width:3.2}
      \(r) .node.start>circle{fill:\(Palette.start);stroke:\(Palette.start)}
      \(r) .node.start>text{fill:#ffffff;font-size:9px;font-weight:bold}
      \(r) .badge>rect{fill:#393f43;stroke:none}
      \(r) .badge>text{fill:#ffffff;font-size:8px;font-weight:bold}
      \(r) .edge>path{fill:none;stroke-width:1.5}
      \(r) .edge.not-taken>path{stroke-dasharray:6 4;stroke-opacity:0.75}
      \(r) .edge.undecided>path{stroke-dasharray:2 3}
      \(r) .edge.spawn>path{stroke:\(Palette.spawn);stroke-dasharray:1 3}
      \(r) .edge.spawn>polygon{fill:\(Palette.spawn);stroke:\(Palette.spawn)}
      \(r) .cluster>rect{fill:none;stroke:#7a7d82;stroke-dasharray:5 3}
      \(r) .cluster>text{font-size:10px;fill:#45484c}
      \(r) .legend>rect.frame{fill:#ffffff;stroke:#c9ccd1}
      \(r) .legend text{font-size:9px}
      \(r) .legend .heading{font-weight:bold;font-size:10px}

      """
    if standIns {
      css += "\(r) .node.collapsed>rect{fill:#ffffff;stroke:#8a8d91;stroke-dasharray:3 3}\n"
      css += "\(r) .node.collapsed.never-run>rect{fill:#f3f3f3}\n"
      css += "\(r) .node.collapsed>text{fill:#45484c}\n"
    }
    for kind in EdgeKind.allCases {
      css += "\(r) .edge.\(kind.rawValue)>path{stroke:\(kind.color)}\n"
      css += "\(r) .edge.\(kind.rawValue)>polygon{fill:\(kind.color);stroke:\(kind.color)}\n"
      css += "\(r) .legend .\(kind.rawValue){stroke:\(kind.color);stroke-width:2}\n"
    }
    for state in NodeState.allCases {
      let c = state.colors
      var rule = "fill:\(c.fill);stroke:\(c.stroke)"
      if let dash = state.dash { rule += ";stroke-dasharray:\(dash)" }
      css += "\(r) .\(state.rawValue)>rect{\(rule)}\n"
      css += "\(r) .\(state.rawValue)>text{fill:\(c.text)}\n"
    }
    return css
  }

  /// The change kinds of a diff's union graph, in legend order, with their legend text.
  static let changes: [(String, String)] = [
    ("state-changed", "state changed"), ("slower", "much slower"), ("faster", "much faster"),
    ("added", "added (only in B)"), ("removed", "removed (only in A)"),
    ("changed", "template, inputs, edges or nesting changed"), ("unchanged", "unchanged"),
  ]

  /// Fill, outline, text and dash of each change kind (``DiffPalette``).
  static func diffCSS(rootID: String = rootID) -> String {
    let r = "#\(rootID)"
    var css = ""
    for (change, _) in changes {
      let c = DiffPalette.colors(change)
      var rule = "fill:\(c.fill);stroke:\(c.stroke)"
      if let dash = DiffPalette.dash(change) { rule += ";stroke-dasharray:\(dash)" }
      css += "\(r) .diff-\(change)>rect{\(rule)}\n"
      css += "\(r) .diff-\(change)>text{fill:\(c.text)}\n"
    }
    return css
  }
}
