import AWXReportLayout
import AWXReportModel

/// Writes a workflow run as Graphviz DOT: nodes labelled with name, type, state and elapsed
/// time and styled by state; edges coloured by kind (AWX palette) and dashed when not taken;
/// "ALL" on converging nodes; nested workflows as clusters; a legend.
///
/// The output is deterministic (same run, same bytes) and every string is escaped with
/// `DOTEscaping`.
package struct DOTWriter: Sendable {
  /// Left-to-right or top-to-bottom.
  package var rankDirection: RankDirection

  /// Creates a writer.
  package init(rankDirection: RankDirection = .topToBottom) { self.rankDirection = rankDirection }

  /// The DOT text of `graph`, titled after `run` and its verdict sentence.
  package func render(_ graph: DisplayGraph, run: WorkflowRun, verdict: String) -> String {
    var out = ""
    out.reserveCapacity(256 + graph.nodes.count * 200)
    let title = "Workflow job \(run.job.id): \(TextSafety.singleLine(run.job.name))\n\(verdict)"
    out += "digraph \"workflow_job_\(run.job.id)\" {\n"
    out +=
      "  graph [rankdir=\(rankDirection == .leftToRight ? "LR" : "TB"), nodesep=0.3, ranksep=0.5, "
    out += "fontname=\"Helvetica\", fontsize=12, labelloc=t, charset=\"UTF-8\", "
    out += "label=\"\(DOTEscaping.quoted(title))\"];\n"
    out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, "
    out += "margin=\"0.15,0.06\"];\n"
    out += "  edge [arrowsize=0.7, penwidth=1.4];\n"

    // Top-level nodes, then clusters (recursively) with their nodes.
    for (k, n) in graph.nodes.enumerated() where n.cluster == nil {
      out += "  " + node(n, index: k) + "\n"
    }
    for (c, _) in graph.clusters.enumerated() where graph.clusters[c].parent == nil {
      writeCluster(c, graph: graph, indent: "  ", into: &out)
    }
    for e in graph.edges { out += "  " + edge(e, graph: graph) + "\n" }
    out += legend(for: graph)
    out += "}\n"
    return out
  }

  private func writeCluster(_ c: Int, graph: DisplayGraph, indent: String, into out: inout String) {
    let cluster = graph.clusters[c]
    out += "\(indent)subgraph cluster_wf\(cluster.workflowJobID) {\n"
    out +=
      "\(indent)  graph [label=\"\(DOTEscaping.quoted(cluster.label))\", style=\"rounded,dashed\", "
    out += "color=\"\(Palette.spawn)\", fontsize=10];\n"
    for (k, n) in graph.nodes.enumerated() where n.cluster == c {
      out += "\(indent)  " + node(n, index: k) + "\n"
    }
    for (child, _) in graph.clusters.enumerated() where graph.clusters[child].parent == c {
      writeCluster(child, graph: graph, indent: indent + "  ", into: &out)
    }
    out += "\(indent)}\n"
  }

  private func nodeName(_ n: DisplayGraph.Node) -> String {
    n.isStart ? "\"\(DOTEscaping.quoted(n.id))\"" : "n\(n.id)"
  }

  private func node(_ n: DisplayGraph.Node, index: Int) -> String {
    guard let state = n.state, let type = n.type else {
      return
        "\(nodeName(n)) [label=\"START\", shape=circle, style=filled, fillcolor=\"\(Palette.start)\", "
        + "fontcolor=\"white\", color=\"\(Palette.start)\", fontsize=9, width=0.6, fixedsize=true];"
    }
    let name = TextSafety.truncated(TextSafety.singleLine(n.name), to: 60)
    let label = "\(name)\n\(state.symbol) \(n.detail)"
    var style = ["rounded", "filled"]
    if let d = state.dash { style.append(d.hasPrefix("2") ? "dotted" : "dashed") }
    if n.critical { style.append("bold") }
    let colors = state.colors
    var tooltip = "\(n.name) (node \(n.id), \(type.displayName), \(state.label))"
    if let failure = n.firstFailure { tooltip += "\n" + failure }
    var attrs = [
      "label=\"\(DOTEscaping.quoted(label))\"",
      "tooltip=\"\(DOTEscaping.quoted(tooltip))\"",
      "style=\"\(style.joined(separator: ","))\"",
      "fillcolor=\"\(colors.fill)\"", "color=\"\(colors.stroke)\"", "fontcolor=\"\(colors.text)\"",
    ]
    if n.unhandledFailure { attrs.append("penwidth=3") }
    if n.convergesAll { attrs.append("xlabel=\"ALL\"") }
    attrs.append("class=\"\(state.rawValue)\"")
    return "\(nodeName(n)) [\(attrs.joined(separator: ", "))];"
  }

  private func edge(_ e: DisplayGraph.Edge, graph: DisplayGraph) -> String {
    let t = nodeName(graph.nodes[e.tail])
    let h = nodeName(graph.nodes[e.head])
    guard let kind = e.kind else {
      return
        "\(t) -> \(h) [style=dotted, color=\"\(Palette.spawn)\", arrowhead=empty, tooltip=\"runs nested workflow\"];"
    }
    var attrs = ["color=\"\(kind.color)\"", "tooltip=\"\(kind.phrase)\""]
    switch e.outcome {
    case .taken: break
    case .notTaken: attrs.append("style=dashed")
    case .undecided: attrs.append("style=dotted")
    }
    attrs.append("class=\"\(kind.rawValue)\"")
    return "\(t) -> \(h) [\(attrs.joined(separator: ", "))];"
  }

  private func legend(for graph: DisplayGraph) -> String {
    let present = Set(graph.nodes.compactMap(\.state))
    var rows = "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>"
    for kind in EdgeKind.allCases {
      rows += "<TR><TD BGCOLOR=\"\(kind.color)\" WIDTH=\"24\" HEIGHT=\"6\"></TD>"
      rows += "<TD ALIGN=\"LEFT\">edge: \(kind.phrase)</TD></TR>"
    }
    rows += "<TR><TD>- - -</TD><TD ALIGN=\"LEFT\">edge not taken in this run</TD></TR>"
    for state in NodeState.allCases where present.contains(state) {
      let c = state.colors
      rows +=
        "<TR><TD BGCOLOR=\"\(c.fill)\" COLOR=\"\(c.stroke)\">\(DOTEscaping.quoted(state.symbol))</TD>"
      rows += "<TD ALIGN=\"LEFT\">\(state.label)</TD></TR>"
    }
    if graph.nodes.contains(where: \.convergesAll) {
      rows +=
        "<TR><TD>ALL</TD><TD ALIGN=\"LEFT\">runs only if all parents took their edge</TD></TR>"
    }
    return
      "  legend [shape=plaintext, style=solid, fontsize=9, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
      + "CELLSPACING=\"0\" CELLPADDING=\"3\">\(rows)</TABLE>>];\n"
  }
}
