import AWXReportModel

/// The graph's legend: edge kinds, "not taken", the states that occur, and the ALL badge.
struct Legend {
  struct Row {
    enum Sample {
      case edge(String, dashed: Bool)
      case state(NodeState)
      case change(String)
      case badge
    }
    var sample: Sample
    var text: String
  }

  let rows: [Row]
  /// Whether the graph is a diff's union graph, coloured by change.
  let showsChanges: Bool
  let width = 190.0
  var height: Double { 28 + Double(rows.count) * 16 }

  init(graph: DisplayGraph) {
    var rows: [Row] = EdgeKind.allCases.map {
      Row(sample: .edge($0.rawValue, dashed: false), text: "edge: \($0.phrase)")
    }
    let changes = Set(graph.nodes.compactMap(\.change))
    showsChanges = !changes.isEmpty
    rows.append(
      Row(
        sample: .edge("success", dashed: true),
        text: showsChanges ? "edge only in run A" : "edge not taken in this run"))
    if showsChanges {
      for (change, text) in GraphStyle.changes where changes.contains(change) {
        rows.append(Row(sample: .change(change), text: text))
      }
    } else {
      let present = Set(graph.nodes.compactMap(\.state))
      for s in NodeState.allCases where present.contains(s) {
        rows.append(Row(sample: .state(s), text: "\(s.symbol) \(s.label)"))
      }
    }
    if graph.nodes.contains(where: \.convergesAll) {
      rows.append(Row(sample: .badge, text: "all parents must converge"))
    }
    self.rows = rows
  }

  func svg(x: Double, y: Double, id: String = "legend") -> String {
    let f = SVGNumber.format
    var s = "<g id=\"\(id)\" class=\"legend\">"
    s += "<rect class=\"frame\" x=\"\(f(x + 0.5))\" y=\"\(f(y + 0.5))\" width=\"\(f(width - 1))\" "
    s += "height=\"\(f(height - 1))\" rx=\"4\"/>"
    s += "<text class=\"heading\" x=\"\(f(x + 10))\" y=\"\(f(y + 17))\">Legend</text>"
    for (k, row) in rows.enumerated() {
      let cy = y + 32 + Double(k) * 16
      switch row.sample {
      case .edge(let kind, let dashed):
        s += "<path class=\"\(kind)\" d=\"M\(f(x + 10)),\(f(cy - 3)) H\(f(x + 40))\""
        s += dashed ? " stroke-dasharray=\"6 4\"/>" : "/>"
      case .state(let state):
        s += "<g class=\"\(state.rawValue)\"><rect x=\"\(f(x + 10))\" y=\"\(f(cy - 10))\" "
        s += "width=\"30\" height=\"12\" rx=\"3\"/></g>"
      case .change(let change):
        s += "<g class=\"diff-\(change)\"><rect x=\"\(f(x + 10))\" y=\"\(f(cy - 10))\" "
        s += "width=\"30\" height=\"12\" rx=\"3\"/></g>"
      case .badge:
        s += "<g class=\"badge\"><rect x=\"\(f(x + 13))\" y=\"\(f(cy - 10))\" width=\"24\" "
        s += "height=\"12\" rx=\"6\"/><text x=\"\(f(x + 25))\" y=\"\(f(cy - 1))\" "
        s += "text-anchor=\"middle\">ALL</text></g>"
      }
      s += "<text x=\"\(f(x + 48))\" y=\"\(f(cy))\">\(XMLEscaping.text(row.text))</text>"
    }
    return s + "</g>\n"
  }
}
