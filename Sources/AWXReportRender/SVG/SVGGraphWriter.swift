import AWXReportLayout
import AWXReportModel

/// Draws a `DisplayGraph` with our own layered layout as a standalone SVG 1.1 document.
///
/// The structure follows Graphviz's SVG, so tools written for Graphviz output read ours: each
/// node is `<g id="node-ID" class="node STATE">` whose first child is `<title>ID</title>` (a
/// failed job's first failed task is the tooltip of its `<rect>`, in a nested `<title>`); each
/// edge is `<g id="edge-TAIL-HEAD" class="edge KIND">` (`-2`, `-3`… for a repeated pair) with
/// `<title>TAIL-&gt;HEAD</title>`, a `<path>` and an arrowhead `<polygon>`. 1 user unit = 1 pt.
/// No `data-*` attributes, so the document validates against the W3C SVG 1.1 DTD. What the
/// stylesheet can say once is not repeated per element: node text is centred by a CSS rule
/// (``GraphStyle``), and rounded boxes carry only `rx` (`ry` defaults to it).
package struct SVGGraphWriter: Sendable {
  /// Top-to-bottom or left-to-right.
  package var rankDirection: RankDirection
  /// Put before every id in the document (the root's, nodes', edges', clusters', the
  /// legend's), so two drawings can be inlined into one page: "" for the graph, `focus-` for
  /// the focus graph.
  package var idPrefix: String
  /// When set, each workflow node links to its row in the report's node table: this page
  /// (`""` for a drawing inlined into the report) and `#row-…`; a stand-in links to the table
  /// itself. (A standalone SVG gets none: the validator allows no link out of one.)
  package var rowLinks: String?
  /// The layout engine's limits (``LayoutTuning``): the shipped defaults, or cheaper ones for a
  /// drawing that is one of several (a large run's focus graph skips the seeded restarts).
  package var tuning = LayoutTuning()

  static let nameSize = 11.0
  static let detailSize = 9.0
  static let nodeHeight = 40.0
  static let minWidth = 120.0
  static let maxWidth = 260.0
  static let startDiameter = 36.0
  static let badgeWidth = 24.0

  /// Creates a writer.
  package init(
    rankDirection: RankDirection = .topToBottom, idPrefix: String = "", rowLinks: String? = nil
  ) {
    self.rankDirection = rankDirection
    self.idPrefix = idPrefix
    self.rowLinks = rowLinks
  }

  /// The root element's id; the stylesheet is scoped to it.
  var rootID: String { idPrefix + GraphStyle.rootID }

  /// The SVG document of `graph`; `title` and `description` become `<title>` and `<desc>`.
  package func render(_ graph: DisplayGraph, title: String, description: String) -> String {
    render(layOut(graph), title: title, description: description)
  }

  /// A graph ready to draw: its nodes' boxes fitted to their text, and its layout.
  package struct LaidOutGraph: Sendable {
    /// The graph drawn.
    package let graph: DisplayGraph
    let shapes: [Shape]
    /// Where every node, edge and cluster goes.
    package let layout: GraphLayout
  }

  /// The first half of `render`: fits every node's box to its text and lays the graph out.
  /// (`render` is `render(layOut(graph), …)`; the layout benchmark times the halves apart.)
  package func layOut(_ graph: DisplayGraph) -> LaidOutGraph {
    let shapes = graph.nodes.map(Self.shape(of:))
    let layoutGraph = LayoutGraph(
      nodes: zip(graph.nodes, shapes).map { n, s in
        LayoutNode(width: s.width, height: s.height, cluster: n.cluster)
      },
      edges: graph.edges.map { LayoutEdge(tail: $0.tail, head: $0.head) },
      clusters: graph.clusters.map { c in
        LayoutCluster(
          label: c.label, labelWidth: TextMetrics.width(c.label, fontSize: 10) + 16,
          labelHeight: 20, parent: c.parent)
      })
    let layout = LayeredLayout.layout(
      layoutGraph, options: LayoutOptions(rankDirection: rankDirection, tuning: tuning))
    return LaidOutGraph(graph: graph, shapes: shapes, layout: layout)
  }

  /// The second half of `render`: the SVG document of a laid-out graph.
  package func render(_ laidOut: LaidOutGraph, title: String, description: String) -> String {
    document(
      graph: laidOut.graph, shapes: laidOut.shapes, layout: laidOut.layout, title: title,
      description: description)
  }

  /// What a node's box holds: its size and the text lines fitted into it.
  struct Shape {
    var width: Double
    var height: Double
    var name: String
    var detail: String
  }

  static func shape(of n: DisplayGraph.Node) -> Shape {
    if n.isStart {
      return Shape(width: startDiameter, height: startDiameter, name: "START", detail: "")
    }
    // A focus graph's stand-in is boxed like a node, with its own two lines.
    let name = n.collapsed?.title ?? TextSafety.singleLine(n.name)
    let detail = n.collapsed?.detail ?? "\(n.state?.symbol ?? "") \(n.detail)"
    let reserve = n.convergesAll ? badgeWidth + 8 : 0
    let natural =
      max(
        TextMetrics.width(name, fontSize: nameSize, bold: true),
        TextMetrics.width(detail, fontSize: detailSize)) + 24 + reserve
    let width = min(max(natural, minWidth), maxWidth)
    let fitted = TextMetrics.fit(
      name, maxWidth: width - 24 - reserve, fontSize: nameSize, bold: true)
    let fittedDetail = TextMetrics.fit(detail, maxWidth: width - 16, fontSize: detailSize)
    return Shape(width: width, height: nodeHeight, name: fitted, detail: fittedDetail)
  }

  private func document(
    graph: DisplayGraph, shapes: [Shape], layout: GraphLayout, title: String, description: String
  ) -> String {
    let legend = Legend(graph: graph)
    let margin = 12.0
    let legendBeside = rankDirection == .topToBottom
    let width =
      legendBeside ? layout.width + margin + legend.width : max(layout.width, legend.width)
    let height =
      legendBeside ? max(layout.height, legend.height) : layout.height + margin + legend.height
    let f = SVGNumber.format
    var out = ""
    out.reserveCapacity(4096 + graph.nodes.count * 700)
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    out += "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
    out += "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" id=\"\(rootID)\" "
    if rowLinks != nil { out += "xmlns:xlink=\"http://www.w3.org/1999/xlink\" " }
    out +=
      "width=\"\(f(width))pt\" height=\"\(f(height))pt\" viewBox=\"0 0 \(f(width)) \(f(height))\">\n"
    out += "<title>\(XMLEscaping.text(title))</title>\n"
    out += "<desc>\(XMLEscaping.text(description))</desc>\n"
    let diffCSS = legend.showsChanges ? GraphStyle.diffCSS(rootID: rootID) : ""
    out +=
      "<style type=\"text/css\"><![CDATA[\n\(GraphStyle.css(rootID: rootID, standIns: graph.nodes.contains { $0.collapsed != nil }))\(diffCSS)]]></style>\n"
    out += "<g id=\"\(idPrefix)graph\" class=\"graph\">\n"
    for (k, rect) in layout.clusters.enumerated() where k < graph.clusters.count {
      let c = graph.clusters[k]
      let label = TextMetrics.fit(
        TextSafety.singleLine(c.label), maxWidth: max(rect.width - 16, 20), fontSize: 10)
      out += "<g id=\"\(idPrefix)cluster-\(c.workflowJobID)\" class=\"cluster\">"
      out += "<title>cluster_wf\(c.workflowJobID)</title>"
      out += "<rect x=\"\(f(rect.x))\" y=\"\(f(rect.y))\" width=\"\(f(rect.width))\" "
      out += "height=\"\(f(rect.height))\" rx=\"8\"/>"
      out +=
        "<text x=\"\(f(rect.x + 8))\" y=\"\(f(rect.y + 17))\">\(XMLEscaping.text(label))</text></g>\n"
    }
    var usedEdgeIDs = Set<String>()
    for (k, e) in graph.edges.enumerated() where k < layout.edges.count {
      out += edge(e, route: layout.edges[k], graph: graph, usedIDs: &usedEdgeIDs)
    }
    for (k, n) in graph.nodes.enumerated() where k < layout.nodes.count {
      let drawn = node(n, shape: shapes[k], at: layout.nodes[k])
      if let href = link(n, in: graph) {
        out += "<a xlink:href=\"\(XMLEscaping.attribute(href))\">" + drawn + "</a>\n"
      } else {
        out += drawn + "\n"
      }
    }
    out += "</g>\n"
    let origin =
      legendBeside ? (x: layout.width + margin, y: 0.0) : (x: 0.0, y: layout.height + margin)
    out += legend.svg(x: origin.x, y: origin.y, id: idPrefix + "legend")
    out += "</svg>\n"
    return out
  }

  /// Where node `n` links to, when the drawing has row links: its row in the node table
  /// (``NodeAnchor``), the table for a stand-in, nothing for START.
  private func link(_ n: DisplayGraph.Node, in graph: DisplayGraph) -> String? {
    guard let page = rowLinks else { return nil }
    if n.collapsed != nil { return page + "#nodes" }
    guard !n.isStart, let id = Int(n.id) else { return nil }
    let nested = n.cluster.map { graph.clusters[$0].workflowJobID }
    return page + "#" + NodeAnchor.row(nodeID: id, nestedIn: nested)
  }

  private func node(_ n: DisplayGraph.Node, shape: Shape, at p: PositionedNode) -> String {
    let f = SVGNumber.format
    let id = XMLEscaping.attribute(n.id)
    if let collapsed = n.collapsed {
      let x0 = p.x - p.width / 2
      let y0 = p.y - p.height / 2
      let state = (n.state.map { " " + $0.rawValue } ?? "") + (n.critical ? " critical" : "")
      return "<g id=\"\(idPrefix)node-\(id)\" class=\"node collapsed\(state)\">"
        + "<title>\(XMLEscaping.text(n.id))</title>"
        + "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(p.width))\" height=\"\(f(p.height))\" "
        + "rx=\"6\"/>"
        + "<text class=\"name\" x=\"\(f(p.x))\" y=\"\(f(p.y - 3))\">"
        + "\(XMLEscaping.text(collapsed.title))</text>"
        + "<text class=\"detail\" x=\"\(f(p.x))\" y=\"\(f(p.y + 12))\">"
        + "\(XMLEscaping.text(collapsed.detail))</text></g>"
    }
    guard let state = n.state else {
      return "<g id=\"\(idPrefix)node-\(id)\" class=\"node start\">"
        + "<title>\(XMLEscaping.text(n.id))</title>"
        + "<circle cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"\(f(p.width / 2))\"/>"
        + "<text x=\"\(f(p.x))\" y=\"\(f(p.y + 3))\">START</text></g>"
    }
    var classes = ["node", state.rawValue]
    if n.critical { classes.append("critical") }
    if n.unhandledFailure { classes.append("unhandled") }
    if n.convergesAll { classes.append("converge-all") }
    if let change = n.change { classes.append("diff-\(change)") }
    let x0 = p.x - p.width / 2
    let y0 = p.y - p.height / 2
    var s = "<g id=\"\(idPrefix)node-\(id)\" class=\"\(classes.joined(separator: " "))\">"
    s += "<title>\(XMLEscaping.text(n.id))</title>"
    s += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(p.width))\" height=\"\(f(p.height))\" "
    if let failure = n.firstFailure {
      s += "rx=\"6\"><title>\(XMLEscaping.text(failure))</title></rect>"
    } else {
      s += "rx=\"6\"/>"
    }
    let reserve = n.convergesAll ? (Self.badgeWidth + 8) / 2 : 0
    s +=
      "<text class=\"name\" x=\"\(f(p.x - reserve))\" y=\"\(f(p.y - 3))\">"
    let full = TextSafety.singleLine(n.name)
    if shape.name != full { s += "<title>\(XMLEscaping.text(full))</title>" }
    s += "\(XMLEscaping.text(shape.name))</text>"
    s += "<text class=\"detail\" x=\"\(f(p.x))\" y=\"\(f(p.y + 12))\">"
    s += "\(XMLEscaping.text(shape.detail))</text>"
    if n.convergesAll {
      let bx = x0 + p.width - Self.badgeWidth - 5
      let by = y0 + 5
      s += "<g class=\"badge\"><title>ALL: runs only if every parent took its edge here</title>"
      s += "<rect x=\"\(f(bx))\" y=\"\(f(by))\" width=\"\(f(Self.badgeWidth))\" height=\"12\" "
      s += "rx=\"6\"/><text x=\"\(f(bx + Self.badgeWidth / 2))\" y=\"\(f(by + 9))\">"
      s += "ALL</text></g>"
    }
    return s + "</g>"
  }

  private func edge(
    _ e: DisplayGraph.Edge, route: RoutedEdge, graph: DisplayGraph, usedIDs: inout Set<String>
  ) -> String {
    let f = SVGNumber.format
    let tail = graph.nodes[e.tail].id
    let head = graph.nodes[e.head].id
    let kind = e.kind?.rawValue ?? "spawn"
    // The kind is in the class; a second edge between the same two nodes gets `-2`.
    var id = "\(idPrefix)edge-\(tail)-\(head)"
    var n = 2
    while usedIDs.contains(id) {
      id = "\(idPrefix)edge-\(tail)-\(head)-\(n)"
      n += 1
    }
    usedIDs.insert(id)
    var classes = ["edge", kind]
    if e.kind != nil { classes.append(e.outcome.rawValue) }
    var d = ""
    if let first = route.points.first {
      d = "M\(f(first.x)),\(f(first.y))"
      var i = 1
      while i + 2 < route.points.count {
        let c1 = route.points[i]
        let c2 = route.points[i + 1]
        let p = route.points[i + 2]
        d += " C\(f(c1.x)),\(f(c1.y)) \(f(c2.x)),\(f(c2.y)) \(f(p.x)),\(f(p.y))"
        i += 3
      }
    }
    let tip = route.arrowTip
    let base = route.arrowBase
    let dx = tip.x - base.x
    let dy = tip.y - base.y
    let len = max((dx * dx + dy * dy).squareRoot(), 0.001)
    let nx = -dy / len * 3.6
    let ny = dx / len * 3.6
    var s = "<g id=\"\(XMLEscaping.attribute(id))\" class=\"\(classes.joined(separator: " "))\">"
    s += "<title>\(XMLEscaping.text(tail))-&gt;\(XMLEscaping.text(head))</title>"
    s += "<path d=\"\(d)\"/>"
    s += "<polygon points=\"\(f(tip.x)),\(f(tip.y)) "
    s += "\(f(base.x + nx)),\(f(base.y + ny)) \(f(base.x - nx)),\(f(base.y - ny))\"/>"
    return s + "</g>\n"
  }
}
