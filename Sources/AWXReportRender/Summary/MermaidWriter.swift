import AWXReportModel

/// The workflow as a Mermaid `flowchart TD` for `summary.md`: START, the nodes (labelled with
/// state symbol and name, coloured by state), the edges coloured by kind, and each nested
/// workflow as a subgraph under the node that launched it.
///
/// Node ids are generated (`n0`, `n1`, …; subgraphs `w1`, …) and never derived from AWX data;
/// labels are quoted and entity-escaped (``MarkdownEscaping/mermaidLabel(_:limit:)``). Every
/// line is one of: the header, `nX["…"]`, `nX --> nY`, `subgraph wX["…"]`, `end`, `classDef`,
/// `class`, `linkStyle`.
package enum MermaidWriter {
  /// Above this many workflow nodes (nested ones included) the diagram is left out.
  package static let maxNodes = 100
  /// Mermaid's default `maxEdges`.
  package static let maxEdges = 500
  /// Mermaid's default `maxTextSize`, in UTF-16 code units (JavaScript's `length`).
  package static let maxTextSize = 50_000

  /// The diagram, or why it is left out.
  package enum Result: Equatable, Sendable {
    /// The Mermaid source (without the fence), ending with a newline.
    case diagram(String, nodes: Int, edges: Int)
    /// One sentence saying why there is no diagram.
    case leftOut(String)
  }

  /// Every workflow node of `summary` and the nested runs it launched (each once).
  package static func nodeCount(_ summary: RunSummary) -> Int {
    var visited: Set<Int> = [summary.job.id]
    return count(summary, visited: &visited)
  }

  private static func count(_ summary: RunSummary, visited: inout Set<Int>) -> Int {
    var n = summary.nodes.count
    for node in summary.nodes {
      guard let id = node.nestedWorkflowJobID, let child = summary.nested[id],
        !visited.contains(id)
      else { continue }
      visited.insert(id)
      n += count(child, visited: &visited)
    }
    return n
  }

  /// The diagram of `summary`, or a sentence saying why it is left out.
  package static func render(_ summary: RunSummary) -> Result {
    let total = nodeCount(summary)
    if total > maxNodes {
      return .leftOut(
        "The graph has \(MarkdownEscaping.grouped(total)) nodes; Mermaid diagrams are left out"
          + " above \(maxNodes) nodes. See graph.svg.")
    }
    var w = Writer()
    var visited: Set<Int> = [summary.job.id]
    w.add(summary, indent: "  ", visited: &visited)
    let text = w.finish()
    if w.edgeCount > maxEdges {
      return .leftOut(
        "The graph has \(MarkdownEscaping.grouped(w.edgeCount)) edges; Mermaid draws at most"
          + " \(maxEdges). See graph.svg.")
    }
    if text.utf16.count > maxTextSize {
      return .leftOut(
        "The graph's Mermaid text would be \(MarkdownEscaping.grouped(text.utf16.count))"
          + " characters; Mermaid draws at most \(MarkdownEscaping.grouped(maxTextSize))."
          + " See graph.svg.")
    }
    return .diagram(text, nodes: total, edges: w.edgeCount)
  }

  /// The diagram of a drawn graph (the failure focus of a large run), or why it is left out.
  /// START nodes, stand-ins ("+ 214 never-run nodes") and clusters are drawn as in the SVG.
  package static func render(_ graph: DisplayGraph) -> Result {
    let count = graph.nodes.count { !$0.isStart }
    if count > maxNodes {
      return .leftOut(
        "Even its failure focus has \(MarkdownEscaping.grouped(count)) nodes; Mermaid diagrams"
          + " are left out above \(maxNodes) nodes. See focus.svg.")
    }
    var w = Writer()
    var ids: [String] = []
    for _ in graph.nodes { ids.append(w.newID()) }
    var members: [Int?: [Int]] = [:]
    for (i, n) in graph.nodes.enumerated() { members[n.cluster, default: []].append(i) }
    var children: [Int?: [Int]] = [:]
    for (c, cluster) in graph.clusters.enumerated() {
      children[cluster.parent, default: []].append(c)
    }
    func add(_ cluster: Int?, indent: String) {
      for i in members[cluster] ?? [] {
        let n = graph.nodes[i]
        if n.isStart {
          w.lines.append("\(indent)\(ids[i])[\"START\"]")
          w.starts.append(ids[i])
          continue
        }
        let label: String
        if let collapsed = n.collapsed {
          label = MarkdownEscaping.mermaidLabel(collapsed.title)
        } else {
          label =
            "\(n.state.map(Palette.symbol) ?? "") " + MarkdownEscaping.mermaidLabel(n.name)
        }
        w.lines.append("\(indent)\(ids[i])[\"\(label)\"]")
        if let state = n.state { w.classes[state, default: []].append(ids[i]) }
        if n.critical { w.critical.append(ids[i]) }
      }
      for c in children[cluster] ?? [] {
        let cluster = graph.clusters[c]
        let id = "w\(w.nextCluster)"
        w.nextCluster += 1
        w.lines.append(
          "\(indent)subgraph \(id)[\"\(MarkdownEscaping.mermaidLabel(cluster.label))\"]")
        add(c, indent: indent + "  ")
        w.lines.append("\(indent)end")
      }
    }
    add(nil, indent: "  ")
    for e in graph.edges {
      w.edge(ids[e.tail], ids[e.head], e.kind.map { .edge($0, e.outcome) } ?? .spawn)
    }
    let text = w.finish()
    if w.edgeCount > maxEdges || text.utf16.count > maxTextSize {
      return .leftOut("Even its failure focus is too large for Mermaid. See focus.svg.")
    }
    return .diagram(text, nodes: count, edges: w.edgeCount)
  }

  /// Whether an edge of `kind` from a parent in `state` fired, did not, or is not decided yet
  /// (the analysis' rule: a parent that neither succeeded nor failed decides nothing).
  static func outcome(_ kind: EdgeKind, parent state: NodeState) -> EdgeOutcome {
    let succeeded = state == .successful || state == .approved
    let failed = state.isFailure
    guard succeeded || failed else { return .undecided }
    switch kind {
    case .always: return .taken
    case .success: return succeeded ? .taken : .notTaken
    case .failure: return failed ? .taken : .notTaken
    }
  }

  /// The Mermaid class name of a state: `st` + the case name (`stNeverRun`), so no class can
  /// be `default` or `end`, and none carries a hyphen. The other classes are `startNode` and
  /// `onCriticalPath`, clear of Mermaid's keywords too.
  static func className(_ state: NodeState) -> String {
    var out = "st"
    var upper = true
    for c in state.rawValue {
      if c == "-" {
        upper = true
        continue
      }
      out += upper ? c.uppercased() : String(c)
      upper = false
    }
    return out
  }

  private enum LinkStyle: Hashable, Comparable {
    case edge(EdgeKind, EdgeOutcome)
    case spawn

    var order: Int {
      switch self {
      case .edge(let k, let o):
        let ko = k == .success ? 0 : k == .failure ? 1 : 2
        let oo = o == .taken ? 0 : o == .notTaken ? 1 : 2
        return ko * 3 + oo
      case .spawn: return 99
      }
    }

    static func < (a: LinkStyle, b: LinkStyle) -> Bool { a.order < b.order }

    var css: String {
      switch self {
      case .edge(let kind, let outcome):
        let base = "stroke:\(Palette.color(kind))"
        switch outcome {
        case .taken: return base + ",stroke-width:2px"
        case .notTaken: return base + ",stroke-width:1px,stroke-dasharray:6 4"
        case .undecided: return base + ",stroke-width:1px,stroke-dasharray:2 3"
        }
      case .spawn: return "stroke:\(Palette.spawn),stroke-width:1px,stroke-dasharray:2 3"
      }
    }
  }

  private struct Writer {
    var lines: [String] = ["flowchart TD"]
    var nextNode = 0
    var nextCluster = 1
    var edgeCount = 0
    var edgeLines: [String] = []
    var links: [LinkStyle: [Int]] = [:]
    var classes: [NodeState: [String]] = [:]
    var starts: [String] = []
    var critical: [String] = []

    mutating func newID() -> String {
      defer { nextNode += 1 }
      return "n\(nextNode)"
    }

    mutating func edge(_ from: String, _ to: String, _ style: LinkStyle) {
      edgeLines.append("  \(from) --> \(to)")
      links[style, default: []].append(edgeCount)
      edgeCount += 1
    }

    /// Adds `summary`'s START and nodes at `indent`; returns the START's id. Edges are kept
    /// apart and written after every node, so they never refer to a node not yet defined.
    @discardableResult
    mutating func add(_ summary: RunSummary, indent: String, visited: inout Set<Int>) -> String {
      let start = newID()
      lines.append("\(indent)\(start)[\"START\"]")
      starts.append(start)
      var ids: [Int: String] = [:]
      let nodes = summary.nodes.sorted { $0.id < $1.id }
      for node in nodes {
        let id = newID()
        ids[node.id] = id
        let label =
          "\(Palette.symbol(node.displayState)) "
          + MarkdownEscaping.mermaidLabel(
            Redaction.text(node.name))
        lines.append("\(indent)\(id)[\"\(label)\"]")
        classes[node.displayState, default: []].append(id)
        if node.onCriticalPath { critical.append(id) }
      }
      var hasParent: Set<Int> = []
      for node in nodes {
        for child in node.successNodes + node.failureNodes + node.alwaysNodes {
          hasParent.insert(child)
        }
      }
      for node in nodes where !hasParent.contains(node.id) {
        guard let to = ids[node.id] else { continue }
        edge(start, to, .edge(.always, .taken))
      }
      var edges: [Edge] = []
      for node in nodes {
        edges += node.successNodes.map { Edge(from: node.id, to: $0, kind: .success) }
        edges += node.failureNodes.map { Edge(from: node.id, to: $0, kind: .failure) }
        edges += node.alwaysNodes.map { Edge(from: node.id, to: $0, kind: .always) }
      }
      let states = Dictionary(nodes.map { ($0.id, $0.displayState) }) { a, _ in a }
      for e in Set(edges).sorted() {
        guard let from = ids[e.from], let to = ids[e.to] else { continue }
        edge(from, to, .edge(e.kind, outcome(e.kind, parent: states[e.from] ?? .notRunYet)))
      }
      for node in nodes {
        guard let jobID = node.nestedWorkflowJobID, let child = summary.nested[jobID],
          !visited.contains(jobID), let parent = ids[node.id]
        else { continue }
        visited.insert(jobID)
        let cluster = "w\(nextCluster)"
        nextCluster += 1
        let title =
          "Nested workflow \(jobID) · "
          + MarkdownEscaping.mermaidLabel(Redaction.text(child.job.name))
          + " · \(Palette.symbol(Palette.state(of: child.job.status))) "
          + MarkdownEscaping.mermaidLabel(child.job.status.rawValue, limit: 30)
        lines.append("\(indent)subgraph \(cluster)[\"\(title)\"]")
        let childStart = add(child, indent: indent + "  ", visited: &visited)
        lines.append("\(indent)end")
        edge(parent, childStart, .spawn)
      }
      return start
    }

    func finish() -> String {
      var out = lines + edgeLines
      out.append(
        "  classDef startNode fill:\(Palette.start),stroke:\(Palette.start),color:#ffffff")
      for state in NodeState.allCases where classes[state] != nil {
        let c = Palette.colors(state)
        var css = "fill:\(c.fill),stroke:\(c.stroke),color:\(c.text)"
        if let dash = Palette.dash(state) { css += ",stroke-dasharray:\(dash)" }
        out.append("  classDef \(className(state)) \(css)")
      }
      if !critical.isEmpty { out.append("  classDef onCriticalPath stroke-width:3px") }
      out.append("  class \(starts.joined(separator: ",")) startNode")
      for state in NodeState.allCases {
        guard let ids = classes[state] else { continue }
        out.append("  class \(ids.joined(separator: ",")) \(className(state))")
      }
      if !critical.isEmpty {
        out.append("  class \(critical.joined(separator: ",")) onCriticalPath")
      }
      for style in links.keys.sorted() {
        guard let indices = links[style] else { continue }
        out.append("  linkStyle \(indices.map(String.init).joined(separator: ",")) \(style.css)")
      }
      return out.joined(separator: "\n") + "\n"
    }
  }
}
